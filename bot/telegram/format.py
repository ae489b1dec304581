"""Turning Rasa's output into Telegram messages: splitting and keyboards (cards: bot/cards.py).

Messages are sent as plain text (no ``parse_mode``), so nothing needs escaping
and a stray ``<`` or ``*`` in directory data cannot break a crisis reply.
Telegram turns URLs and phone numbers in plain text into tappable links itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# Telegram's limit is 4096 characters (counted in UTF-16 code units) after parsing;
# keep a margin.
MAX_MESSAGE_UNITS = 4000
MAX_CALLBACK_BYTES = 64

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _hard_cut(text: str, limit: int) -> list[str]:
    parts: list[str] = []
    current = ""
    for char in text:
        if utf16_len(current + char) > limit:
            parts.append(current)
            current = ""
        current += char
    if current:
        parts.append(current)
    return parts


def _split_on(text: str, pattern: str | re.Pattern[str], joiner: str, limit: int, level: int) -> list[str]:
    pieces = re.split(pattern, text)
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}{joiner}{piece}" if current else piece
        if utf16_len(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        if utf16_len(piece) <= limit:
            current = piece
        else:
            chunks.extend(_split(piece, limit, level + 1))
            current = ""
    if current:
        chunks.append(current)
    return chunks


_LEVELS: list[tuple[str | re.Pattern[str], str]] = [
    (r"\n\s*\n", "\n\n"),  # paragraphs
    (r"\n", "\n"),  # lines
    (_SENTENCE_END, " "),  # sentences
    (r" ", " "),  # words
]


def _split(text: str, limit: int, level: int) -> list[str]:
    if utf16_len(text) <= limit:
        return [text]
    if level >= len(_LEVELS):
        return _hard_cut(text, limit)
    pattern, joiner = _LEVELS[level]
    return _split_on(text, pattern, joiner, limit, level)


def split_text(text: str, limit: int = MAX_MESSAGE_UNITS) -> list[str]:
    """Split text into messages under Telegram's limit.

    Cuts at paragraph breaks first, then line breaks, sentences, words and, only
    for a single enormous word, anywhere.

    Args:
        text: The message text.
        limit: Maximum length of one message in UTF-16 code units.

    Returns:
        Non-empty chunks, in order (an empty list for blank text).
    """
    text = text.strip()
    if not text:
        return []
    return [chunk.strip() for chunk in _split(text, limit, 0) if chunk.strip()]


def fits_callback(data: str) -> bool:
    """Whether ``data`` can be sent as a button's callback_data as it is."""
    return 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES


def inline_keyboard(buttons: list[dict[str, Any]], to_callback: Callable[[str], str]) -> dict[str, Any]:
    """Build an ``InlineKeyboardMarkup`` from Rasa buttons, one button per row.

    Args:
        buttons: Rasa buttons (``title`` and ``payload``; a ``url`` or an http
            payload becomes a link button).
        to_callback: Turns a payload into callback_data of at most 64 bytes.

    Returns:
        The reply_markup object.
    """
    rows: list[list[dict[str, str]]] = []
    for button in buttons:
        title = str(button.get("title") or button.get("payload") or "").strip()[:200] or "…"
        url = button.get("url")
        payload = str(button.get("payload") or title)
        if url or re.match(r"https?://", payload):
            rows.append([{"text": title, "url": str(url or payload)}])
        else:
            rows.append([{"text": title, "callback_data": to_callback(payload)}])
    return {"inline_keyboard": rows}
