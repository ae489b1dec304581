"""Turning Rasa's output into Telegram messages: splitting, keyboards, cards.

Messages are sent as plain text (no ``parse_mode``), so nothing needs escaping
and a stray ``<`` or ``*`` in directory data cannot break a crisis reply.
Telegram turns URLs and phone numbers in plain text into tappable links itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.channels import telegram_texts as texts

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


def _line(label: str, value: Any) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    return f"{label}: {str(value).strip()}"


def render_crisis(payload: dict[str, Any]) -> str:
    """Render a crisis card (docs/contracts.md) as plain text with tappable numbers."""
    words = texts.CRISIS_CARD_WORDS.get(str(payload.get("language") or "en"), texts.CRISIS_CARD_WORDS["en"])
    lines = [words["heading"]]
    for contact in payload.get("contacts") or []:
        if not isinstance(contact, dict):
            continue
        name = str(contact.get("name") or "").strip()
        hours = str(contact.get("hours") or "").strip()
        head = f"• {name}"
        if contact.get("phone"):
            head += f": {words['call']} {contact['phone']}"
        if hours:
            head += f" ({hours})"
        lines.append(head)
        if contact.get("sms"):
            body = contact.get("sms_body")
            lines.append(f"  {words['text']} {body} {words['to']} {contact['sms']}" if body
                         else f"  {words['text']} {contact['sms']}")
        if contact.get("description"):
            lines.append(f"  {str(contact['description']).strip()}")
        if contact.get("url"):
            lines.append(f"  {contact['url']}")
    return "\n".join(lines)


def render_service(index: int, service: dict[str, Any]) -> str:
    """Render one service card as a numbered block of labelled lines."""
    name = str(service.get("name") or "").strip()
    organisation = str(service.get("organisation") or "").strip()
    head = f"{index}. {name}" + (f" ({organisation})" if organisation and organisation != name else "")
    fields = [
        _line("What it is", service.get("description")),
        _line("Who it's for", service.get("audience")),
        _line("Phone", service.get("phone")),
        _line("Email", service.get("email")),
        _line("Website", service.get("url")),
        _line("Cost", service.get("cost")),
        _line("How", service.get("mode")),
        _line("When", service.get("schedule")),
        _line("Area", service.get("area")),
    ]
    return "\n".join([head, *[f for f in fields if f]])


def render_services(payload: dict[str, Any]) -> str:
    """Render a service list payload (docs/contracts.md) as one readable message."""
    services = [s for s in payload.get("services") or [] if isinstance(s, dict)]
    if not services:
        return ""
    blocks = [render_service(i, s) for i, s in enumerate(services, start=1)]
    return "\n\n".join([texts.SERVICES_HEADING, *blocks])


def render_custom(payload: Any) -> str | None:
    """Text for a custom payload, or None for kinds this channel does not show."""
    if not isinstance(payload, dict):
        return None
    if payload.get("type") == "crisis":
        return render_crisis(payload)
    if payload.get("type") == "services":
        return render_services(payload) or None
    return None
