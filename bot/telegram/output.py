"""Rasa output channel that turns replies into stored Bot API calls.

Nothing is sent from here: each reply becomes :class:`~bot.telegram.store.Outgoing`
calls that the outbox delivers. During an update (:class:`TurnOutput`) they are
collected and stored together with the update's "done" mark; outside one (Rasa
speaking on its own) they are stored at once (:class:`TelegramOutput`).

A reply that carries a card (``custom`` of type ``services`` or ``crisis``) is
sent as one message: the reply's own words with the card, rendered by
:mod:`bot.cards`, in place of the list the text repeats. So each service and
each crisis contact arrives once. A turn with a crisis card is sent first.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import OutputChannel
from sqlalchemy.exc import SQLAlchemyError

from bot.cards import card_kind, text_with_card
from bot.language import detect
from bot.telegram.format import fits_callback, inline_keyboard, split_text
from bot.telegram.store import CRISIS, NORMAL, Outgoing, UpdateStore

logger = logging.getLogger(__name__)

SENDER_PREFIX = "tg-"

Sink = Callable[[list[Outgoing]], Awaitable[None]]


def sender_id_for(chat_id: int | str) -> str:
    """Rasa conversation id of a Telegram private chat."""
    return f"{SENDER_PREFIX}{chat_id}"


def chat_id_for(recipient_id: str) -> str:
    """Telegram chat id of a Rasa conversation id made by :func:`sender_id_for`."""
    return recipient_id[len(SENDER_PREFIX) :] if recipient_id.startswith(SENDER_PREFIX) else recipient_id


class TelegramOutput(OutputChannel):
    """Sends text (split under 4096), inline keyboards and cards, through the outbox."""

    @classmethod
    def name(cls) -> str:
        """The channel name Rasa records with each bot message."""
        return "telegram"

    def __init__(self, store: UpdateStore, sink: Sink | None = None, language: str | None = None) -> None:
        self.store = store
        self._sink = sink
        self.language = language  # the parent's Telegram language ("cy" or None), for card words

    async def emit(self, messages: list[Outgoing]) -> None:
        """Hand calls to the sink (the outbox, or the turn being collected)."""
        if self._sink is not None and messages:
            await self._sink(messages)

    async def call(self, queue: int | str, method: str, /, priority: int = NORMAL, **params: Any) -> None:
        """Queue one Bot API call behind the earlier calls of ``queue`` (the chat)."""
        body = {k: v for k, v in params.items() if v is not None}
        await self.emit([Outgoing(str(queue), method, body, priority)])

    async def send(
        self,
        chat_id: int | str,
        text: str,
        reply_markup: dict[str, Any] | None = None,
        priority: int = NORMAL,
    ) -> None:
        """Queue text as one or more messages; the keyboard goes on the last one."""
        chunks = split_text(text)
        if not chunks and reply_markup:
            chunks = ["…"]
        messages = []
        for index, chunk in enumerate(chunks):
            params: dict[str, Any] = {
                "chat_id": chat_id,
                "text": chunk,
                "link_preview_options": {"is_disabled": True},
            }
            if reply_markup and index == len(chunks) - 1:
                params["reply_markup"] = reply_markup
            messages.append(Outgoing(str(chat_id), "sendMessage", params, priority))
        await self.emit(messages)

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """Like Rasa's, but a card and the text it belongs to become one message."""
        message = dict(message)
        custom = message.get("custom")
        kind = card_kind(custom)
        if kind is not None:
            assert isinstance(custom, dict)
            text = str(message.get("text") or "")
            lang = custom.get("language") or detect(text) or self.language or "en"
            message["text"] = text_with_card(text, custom, str(lang))
            message.pop("custom")
            if kind == "crisis":
                self.crisis_seen()
        await super().send_response(recipient_id, message)

    def crisis_seen(self) -> None:
        """A crisis card is in this reply (a turn sends it first)."""

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Send plain text (no parse_mode, so nothing needs escaping)."""
        await self.send(chat_id_for(recipient_id), text)

    async def _callback_data(self, payloads: list[str]) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for payload in payloads:
            if fits_callback(payload):
                mapping[payload] = payload
                continue
            try:
                mapping[payload] = await asyncio.to_thread(self.store.store_payload, payload)
            except SQLAlchemyError as err:
                logger.error("telegram: could not store a long button payload: %s", type(err).__name__)
                mapping[payload] = payload.encode("utf-8")[:64].decode("utf-8", "ignore")
        return mapping

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        """Send text with an inline keyboard (one button per row)."""
        payloads = [str(b.get("payload") or b.get("title") or "") for b in buttons]
        mapping = await self._callback_data(payloads)
        markup = inline_keyboard(buttons, lambda payload: mapping.get(payload, payload))
        await self.send(chat_id_for(recipient_id), text, markup)

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        """A card without text of its own, rendered alone; other custom payloads are not shown."""
        kind = card_kind(json_message)
        if kind is None:
            logger.debug("telegram: custom payload without a Telegram rendering skipped")
            return
        lang = json_message.get("language") or self.language or "en"
        if kind == "crisis":
            self.crisis_seen()
        await self.send(chat_id_for(recipient_id), text_with_card("", json_message, str(lang)))

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        """Send an image as a link."""
        await self.send(chat_id_for(recipient_id), image)

    async def send_attachment(self, recipient_id: str, attachment: Any, **kwargs: Any) -> None:
        """Send an attachment as a link."""
        await self.send(chat_id_for(recipient_id), str(attachment))


class TurnOutput(TelegramOutput):
    """Collects one update's calls; the channel stores them with the update's "done" mark."""

    def __init__(self, store: UpdateStore, language: str | None = None) -> None:
        super().__init__(store, sink=None, language=language)
        self.messages: list[Outgoing] = []
        self.crisis = False

    async def emit(self, messages: list[Outgoing]) -> None:
        """Keep them for the end of the turn."""
        self.messages.extend(messages)

    def crisis_seen(self) -> None:
        """The whole turn goes out as a crisis reply."""
        self.crisis = True

    def collected(self) -> list[Outgoing]:
        """The turn's calls, in order, all marked crisis if any reply was one."""
        priority = CRISIS if self.crisis else NORMAL
        return [Outgoing(m.chat_id, m.method, m.params, min(m.priority, priority)) for m in self.messages]
