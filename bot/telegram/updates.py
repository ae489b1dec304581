"""Sorting Telegram updates into the few kinds the bot handles (pure functions).

See https://core.telegram.org/bots/api#update: exactly one optional field is set
besides ``update_id``. Only private chats reach Rasa; groups get one polite
notice; channel posts, membership changes and everything else are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Message fields that are something a parent sent but the bot cannot read.
MEDIA_KINDS = (
    "voice",
    "audio",
    "video",
    "video_note",
    "sticker",
    "photo",
    "animation",
    "document",
    "contact",
    "poll",
    "dice",
    "game",
    "story",
    "paid_media",
    "giveaway",
    "invoice",
)
COMMANDS = {"start", "help", "forget", "privacy"}


@dataclass(frozen=True)
class Incoming:
    """One update, reduced to what the channel needs. No names or usernames kept."""

    kind: str  # text | command | callback | edited | media | location | group | ignored
    chat_id: int | None = None
    text: str | None = None
    command: str | None = None
    media: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    callback_id: str | None = None
    message_id: int | None = None
    reply_markup: dict[str, Any] | None = None
    language: str | None = None  # "cy" when the user's Telegram is set to Welsh (language_code)


IGNORED = Incoming(kind="ignored")


def _chat(message: Any) -> tuple[int | None, str]:
    if not isinstance(message, dict):
        return None, ""
    chat = message.get("chat")
    if not isinstance(chat, dict) or not isinstance(chat.get("id"), int):
        return None, ""
    return chat["id"], str(chat.get("type") or "")


def _language(sender: Any) -> str | None:
    """``cy`` when the user's Telegram is set to Welsh (``from.language_code``), else None."""
    code = sender.get("language_code") if isinstance(sender, dict) else None
    return "cy" if isinstance(code, str) and code.lower().startswith("cy") else None


def _command(text: str) -> str | None:
    """The command name of ``/start@SomeBot payload``, or None for other text."""
    if not text.startswith("/"):
        return None
    name = text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower() if len(text) > 1 else ""
    return name if name in COMMANDS else None


def _message(message: dict[str, Any]) -> Incoming:
    chat_id, chat_type = _chat(message)
    if chat_id is None:
        return IGNORED
    if chat_type in ("group", "supergroup"):
        return Incoming(kind="group", chat_id=chat_id)
    if chat_type != "private":
        return IGNORED
    sender = message.get("from")
    if isinstance(sender, dict) and sender.get("is_bot"):
        return IGNORED
    language = _language(sender)
    text = message.get("text")
    if isinstance(text, str) and text.strip():
        command = _command(text.strip())
        if command:
            return Incoming(kind="command", chat_id=chat_id, command=command, language=language)
        return Incoming(kind="text", chat_id=chat_id, text=text, language=language)
    venue = message.get("venue")
    location = venue.get("location") if isinstance(venue, dict) else message.get("location")
    if isinstance(location, dict):
        lat, lon = location.get("latitude"), location.get("longitude")
        if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
            return Incoming(
                kind="location", chat_id=chat_id, latitude=float(lat), longitude=float(lon), language=language
            )
    for media in MEDIA_KINDS:
        if media in message:
            caption = message.get("caption")
            caption = caption if isinstance(caption, str) and caption.strip() else None
            return Incoming(kind="media", chat_id=chat_id, media=media, text=caption, language=language)
    # Service messages (pinned, new members, payments, ...) need no answer.
    return IGNORED


def _edited(message: dict[str, Any]) -> Incoming:
    chat_id, chat_type = _chat(message)
    # A live location sends an edit every few seconds: never answer those.
    if chat_id is None or chat_type != "private" or "text" not in message:
        return IGNORED
    return Incoming(kind="edited", chat_id=chat_id)


def _callback(query: dict[str, Any]) -> Incoming:
    query_id = query.get("id")
    if not isinstance(query_id, str):
        return IGNORED
    chat_id, chat_type = _chat(query.get("message"))
    data = query.get("data")
    message: dict[str, Any] = query["message"] if isinstance(query.get("message"), dict) else {}
    markup = message.get("reply_markup")
    return Incoming(
        kind="callback",
        chat_id=chat_id if chat_type == "private" else None,
        text=data if isinstance(data, str) else None,
        callback_id=query_id,
        message_id=message.get("message_id") if isinstance(message.get("message_id"), int) else None,
        reply_markup=markup if isinstance(markup, dict) else None,
        language=_language(query.get("from")),
    )


def classify(update: dict[str, Any]) -> Incoming:
    """Reduce a Telegram Update object to an :class:`Incoming`.

    Args:
        update: The decoded JSON body of one update.

    Returns:
        What to do with it; ``kind == "ignored"`` for anything the bot leaves alone.
    """
    if isinstance(update.get("message"), dict):
        return _message(update["message"])
    if isinstance(update.get("edited_message"), dict):
        return _edited(update["edited_message"])
    if isinstance(update.get("callback_query"), dict):
        return _callback(update["callback_query"])
    # channel_post, edited_channel_post, my_chat_member, chat_member, inline_query,
    # poll_answer, message_reaction, business_* ...: nothing to say.
    return IGNORED


def update_kind(update: dict[str, Any]) -> str:
    """The name of the update's payload field, for logs (never its content)."""
    return next((key for key in update if key != "update_id"), "empty")


def button_title(markup: dict[str, Any] | None, data: str | None) -> str | None:
    """The title of the inline button whose callback_data is ``data``."""
    if not markup or data is None:
        return None
    for row in markup.get("inline_keyboard") or []:
        for button in row if isinstance(row, list) else []:
            if isinstance(button, dict) and button.get("callback_data") == data:
                return str(button.get("text") or "") or None
    return None
