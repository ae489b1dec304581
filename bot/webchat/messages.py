"""What a web chat client receives for one bot utterance, live and when restored.

One bot utterance is Rasa's dict of ``text``, ``buttons``/``quick_replies`` and
``custom`` (a card: docs/contracts.md). A client that draws cards (it said so in
its ``session_request``, see docs/webchat.md) gets the reply's own words without
the list the card repeats, then the card payload. Any other client (the
ecosystem's ``rasa-webchat``, a custom page) gets every detail as text, rendered
by :mod:`bot.cards` in the conversation's language, and never a payload it
cannot show. Text is split on blank lines, one message each, and the buttons go
on the last text message as ``quick_replies``, as Rasa's socketio output does.
"""

from __future__ import annotations

from typing import Any

from bot.cards import card_kind, text_with_card, text_without_card


def quick_replies(buttons: Any) -> list[dict[str, str]]:
    """Rasa buttons as socketio ``quick_replies`` (the shape rasa-webchat reads)."""
    if not isinstance(buttons, list):
        return []
    return [
        {"content_type": "text", "title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
        for b in buttons
        if isinstance(b, dict)
    ]


def socket_messages(
    text: str | None, data: dict[str, Any] | None, *, cards: bool, lang: str | None = "en"
) -> list[dict[str, Any]]:
    """The socket messages (``bot_uttered`` data) of one bot utterance.

    Args:
        text: The utterance's text.
        data: Its other parts: ``buttons`` or ``quick_replies``, ``custom``.
        cards: True for a client that draws card payloads itself.
        lang: The conversation's language, for the words of a card rendered as text.
    """
    data = data or {}
    custom = data.get("custom")
    kind = card_kind(custom)
    if kind and cards:
        shown = text_without_card(text, custom)
    elif kind:
        shown = text_with_card(text, custom, lang)
    else:
        shown = (text or "").strip()
    messages: list[dict[str, Any]] = [{"text": part.strip()} for part in shown.split("\n\n") if part.strip()]
    replies = quick_replies(data.get("quick_replies") or data.get("buttons"))
    if replies:
        if not messages:
            messages = [{"text": ""}]
        messages[-1]["quick_replies"] = replies
    if isinstance(custom, dict) and cards:
        messages.append(dict(custom))
    return messages


def conversation_from_events(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The parent-visible conversation (user and bot messages) from tracker events.

    For the project's widget (it draws cards). A button press is stored as its
    payload (``/find_support``); it is shown with the button's title, as it was
    on screen.
    """
    items: list[dict[str, Any]] = []
    last_buttons: dict[str, str] = {}
    for event in events:
        kind = event.get("event")
        ts = event.get("timestamp")
        if kind == "user":
            text = event.get("text") or ""
            items.append({"sender": "user", "text": last_buttons.get(text, text), "timestamp": ts})
            last_buttons = {}
        elif kind == "bot":
            for message in socket_messages(event.get("text"), event.get("data"), cards=True):
                items.append({"sender": "bot", "data": message, "timestamp": ts})
                for button in message.get("quick_replies", []):
                    last_buttons[button["payload"]] = button["title"]
    return items
