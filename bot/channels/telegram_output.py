"""Rasa output channel that sends replies through the Bot API.

A failed send is logged (method and error code only) and never raised: one
undeliverable card must not stop the crisis text after it, and an exception
here would only reach Rasa's logs anyway.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa.core.channels.channel import OutputChannel
from sqlalchemy.exc import SQLAlchemyError

from bot.channels.telegram_api import BotApi, TelegramApiError
from bot.channels.telegram_format import fits_callback, inline_keyboard, render_custom, split_text
from bot.channels.telegram_store import UpdateStore

logger = logging.getLogger(__name__)

SENDER_PREFIX = "tg-"


def sender_id_for(chat_id: int) -> str:
    """Rasa conversation id of a Telegram private chat."""
    return f"{SENDER_PREFIX}{chat_id}"


def chat_id_for(recipient_id: str) -> str:
    """Telegram chat id of a Rasa conversation id made by :func:`sender_id_for`."""
    return recipient_id[len(SENDER_PREFIX):] if recipient_id.startswith(SENDER_PREFIX) else recipient_id


class TelegramOutput(OutputChannel):
    """Sends text (split under 4096), inline keyboards and rendered cards."""

    @classmethod
    def name(cls) -> str:
        """The channel name Rasa records with each bot message."""
        return "telegram"

    def __init__(self, api: BotApi, store: UpdateStore) -> None:
        self.api = api
        self.store = store

    async def call(self, method: str, **params: Any) -> Any:
        """Call the Bot API; log and swallow a failure (returns None then)."""
        if not self.api.configured:
            logger.error("telegram %s skipped: TELEGRAM_TOKEN is not set", method)
            return None
        try:
            return await self.api.call(method, **params)
        except TelegramApiError as err:
            logger.warning("telegram %s failed with %s", method, err.code)
        return None

    async def send(self, chat_id: int | str, text: str, reply_markup: dict[str, Any] | None = None) -> None:
        """Send text as one or more messages; the keyboard goes on the last one."""
        chunks = split_text(text)
        if not chunks and reply_markup:
            chunks = ["…"]
        for index, chunk in enumerate(chunks):
            markup = reply_markup if index == len(chunks) - 1 else None
            await self.call(
                "sendMessage",
                chat_id=chat_id,
                text=chunk,
                reply_markup=markup,
                link_preview_options={"is_disabled": True},
            )

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
        """Render crisis and service cards as text; other custom payloads are not shown."""
        rendered = render_custom(json_message)
        if rendered:
            await self.send(chat_id_for(recipient_id), rendered)
        else:
            logger.debug("telegram: custom payload without a Telegram rendering skipped")

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        """Send an image as a link (Telegram shows a preview unless disabled)."""
        await self.send(chat_id_for(recipient_id), image)

    async def send_attachment(self, recipient_id: str, attachment: Any, **kwargs: Any) -> None:
        """Send an attachment as a link."""
        await self.send(chat_id_for(recipient_id), str(attachment))
