"""The project's Telegram channel for Rasa (replaces Rasa's own, see SAFETY.md).

Register in credentials.yml as ``bot.channels.telegram.TelegramInput: {}``; the
webhook is ``POST /webhooks/telegram/webhook``. Settings (read when Rasa creates
the channel): TELEGRAM_TOKEN, TELEGRAM_SECRET_TOKEN, TELEGRAM_API_BASE,
TELEGRAM_DB_URL.

Per webhook call: secret header checked in constant time (403 otherwise, nothing
processed) → JSON parsed (400 if malformed) → 200 at once; the update is handled
in a background task. Each chat's updates run one at a time in arrival order
(a per-chat lock); different chats run concurrently. Inside the task the update
id is recorded *before* anything is done, so a redelivery is ignored even
after a restart. Logs carry update ids and kinds, never message content.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.channels import telegram_texts as texts
from bot.channels.telegram_api import BotApi
from bot.channels.telegram_output import TelegramOutput, sender_id_for
from bot.channels.telegram_places import nearest_place
from bot.channels.telegram_store import CALLBACK_PREFIX, UpdateStore
from bot.channels.telegram_updates import Incoming, button_title, classify, update_kind

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# What Rasa receives for each command (domain intents, see docs/contracts.md).
COMMAND_TEXT = {"start": "/greet", "help": "/ask_help", "privacy": "/ask_privacy"}
FORGET_YES, FORGET_NO, NOOP = "tg:forget:yes", "tg:forget:no", "tg:noop"
DRAIN_TIMEOUT_S = 10.0

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def _erase(sender_id: str) -> int:
    from bot.conversations import erase_conversation

    return erase_conversation(sender_id)


class TelegramInput(InputChannel):
    """Hardened Telegram webhook input channel."""

    @classmethod
    def name(cls) -> str:
        """URL prefix: ``/webhooks/telegram/``."""
        return "telegram"

    def __init__(self, token: str, secret_token: str, api_base: str, db_url: str) -> None:
        self.secret_token = secret_token
        self.api = BotApi(token=token, base_url=api_base)
        # update ids are per bot: the token's numeric part names the bot.
        self.store = UpdateStore(db_url, bot_id=token.split(":", 1)[0])
        self.output = TelegramOutput(self.api, self.store)
        self.erase: Callable[[str], int] = _erase
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Build the channel from settings (credentials.yml holds no secrets)."""
        from bot.settings import get_settings, resolve_sqlite_url

        settings = get_settings()
        if not settings.telegram_token or not settings.telegram_secret_token:
            logger.warning("telegram: TELEGRAM_TOKEN or TELEGRAM_SECRET_TOKEN not set; webhook calls get 403")
        return cls(
            token=settings.telegram_token,
            secret_token=settings.telegram_secret_token,
            api_base=settings.telegram_api_base,
            db_url=resolve_sqlite_url(settings.telegram_db_url),
        )

    def get_output_channel(self) -> TelegramOutput:
        """The output channel used for messages Rasa sends on its own."""
        return self.output

    def authorised(self, request: Request) -> bool:
        """Constant-time check of Telegram's secret header; fails closed if unset."""
        given = request.headers.get(SECRET_HEADER)
        if not self.secret_token or given is None:
            return False
        return hmac.compare_digest(given.encode("utf-8"), self.secret_token.encode("utf-8"))

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """Routes: ``GET /`` (health) and ``POST /webhook``."""
        bp = Blueprint("project_telegram_webhook", __name__)

        @bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.authorised(request):
                logger.warning("telegram webhook: missing or wrong secret token")
                return response.json({"ok": False}, status=403)
            try:
                update = json.loads(request.body or b"")
            except (ValueError, UnicodeDecodeError):
                return response.json({"ok": False, "error": "malformed JSON"}, status=400)
            update_id = update.get("update_id") if isinstance(update, dict) else None
            if not isinstance(update_id, int) or isinstance(update_id, bool):
                return response.json({"ok": False, "error": "not an update"}, status=400)
            self.schedule(update, on_new_message)
            return response.json({"ok": True})

        @bp.listener("after_server_stop")
        async def close(*_: Any) -> None:
            await self.drain()
            await self.api.close()
            self.store.dispose()

        return bp

    def schedule(self, update: dict[str, Any], on_new_message: OnNewMessage) -> None:
        """Handle an update in the background (must be called in arrival order)."""
        task = asyncio.get_running_loop().create_task(self.handle_update(update, on_new_message))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self, timeout: float = DRAIN_TIMEOUT_S) -> None:
        """Wait (bounded) for updates still being handled."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)

    @asynccontextmanager
    async def _chat_lock(self, chat_id: int | None):  # noqa: ANN202
        if chat_id is None:
            yield
            return
        lock, users = self._locks.get(chat_id, (asyncio.Lock(), 0))
        self._locks[chat_id] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[chat_id]
            if users <= 1:
                del self._locks[chat_id]
            else:
                self._locks[chat_id] = (lock, users - 1)

    async def handle_update(self, update: dict[str, Any], on_new_message: OnNewMessage) -> None:
        """Record the update id, then act on the update; errors are logged, never raised."""
        update_id, kind = update["update_id"], update_kind(update)
        incoming = classify(update)
        async with self._chat_lock(incoming.chat_id):
            try:
                fresh = await asyncio.to_thread(self.store.claim, update_id)
            except SQLAlchemyError as err:
                # Better a possible duplicate than a parent left without an answer.
                logger.error("telegram update %s: update store failed (%s)", update_id, type(err).__name__)
                fresh = True
            if not fresh:
                logger.info("telegram update %s (%s): already handled, ignored", update_id, kind)
                return
            logger.info("telegram update %s (%s): %s", update_id, kind, incoming.kind)
            try:
                await self.dispatch(incoming, update_id, on_new_message)
            except Exception as err:  # noqa: BLE001 - a parent's failure must not kill the channel
                logger.error("telegram update %s (%s) failed: %s", update_id, kind, type(err).__name__)
                logger.debug("telegram update %s traceback", update_id, exc_info=True)

    async def to_rasa(self, chat_id: int, text: str, update_id: int, on_new_message: OnNewMessage) -> None:
        """Pass text into Rasa as the chat's conversation."""
        message = UserMessage(
            text,
            self.output,
            sender_id=sender_id_for(chat_id),
            input_channel=self.name(),
            message_id=f"tg-update-{update_id}",
        )
        await on_new_message(message)

    async def dispatch(self, incoming: Incoming, update_id: int, on_new_message: OnNewMessage) -> None:
        """Do what the kind of update calls for."""
        chat_id, say, lang = incoming.chat_id, self.output.send, incoming.language
        if incoming.kind == "callback":
            await self.on_callback(incoming, update_id, on_new_message)
        elif chat_id is None:
            return
        elif incoming.kind == "text" and incoming.text:
            await self.to_rasa(chat_id, incoming.text, update_id, on_new_message)
        elif incoming.kind == "command" and incoming.command == "forget":
            keyboard = [[{"text": texts.say("FORGET_YES", lang), "callback_data": FORGET_YES}],
                        [{"text": texts.say("FORGET_NO", lang), "callback_data": FORGET_NO}]]
            await say(chat_id, texts.say("FORGET_CONFIRM", lang), {"inline_keyboard": keyboard})
        elif incoming.kind == "command" and incoming.command in COMMAND_TEXT:
            command = COMMAND_TEXT[incoming.command]
            if incoming.command == "start" and incoming.language:
                # A Welsh Telegram starts the conversation in Welsh (the slot `language`).
                command += json.dumps({"language": incoming.language})
            await self.to_rasa(chat_id, command, update_id, on_new_message)
        elif incoming.kind == "edited":
            await say(chat_id, texts.say("EDITED", lang))
        elif incoming.kind == "media" and incoming.text:
            await say(chat_id, texts.say("CAPTION_READ", lang))
            await self.to_rasa(chat_id, incoming.text, update_id, on_new_message)
        elif incoming.kind == "media":
            first = texts.cannot_read(incoming.media, lang)
            await say(chat_id, f"{first} {texts.say('TYPE_INSTEAD', lang)}\n\n{texts.say('URGENT_FOOTER', lang)}")
        elif incoming.kind == "location" and incoming.latitude is not None and incoming.longitude is not None:
            place = await asyncio.to_thread(nearest_place, incoming.latitude, incoming.longitude)
            if place:
                await self.to_rasa(chat_id, place, update_id, on_new_message)
            else:
                await say(chat_id, texts.say("LOCATION_NOT_FOUND", lang))
        elif incoming.kind == "group" and await asyncio.to_thread(self.store.first_notice, chat_id):
            await say(chat_id, texts.say("GROUP_CHAT", lang))

    async def on_callback(self, incoming: Incoming, update_id: int, on_new_message: OnNewMessage) -> None:
        """A button press: stop the spinner, mark the choice, then act on it."""
        await self.output.call("answerCallbackQuery", callback_query_id=incoming.callback_id)
        chat_id, data = incoming.chat_id, incoming.text
        if chat_id is None or not data or data == NOOP:
            return
        if incoming.message_id is not None:
            # Replace the keyboard with the chosen answer, so it cannot be pressed twice.
            title = button_title(incoming.reply_markup, data) or "OK"
            markup = {"inline_keyboard": [[{"text": f"✓ {title}", "callback_data": NOOP}]]}
            await self.output.call(
                "editMessageReplyMarkup", chat_id=chat_id, message_id=incoming.message_id, reply_markup=markup
            )
        if data in (FORGET_YES, FORGET_NO):
            await self.on_forget(chat_id, data == FORGET_YES)
            return
        payload: str | None = data
        if data.startswith(CALLBACK_PREFIX):
            payload = await asyncio.to_thread(self.store.load_payload, data)
        if payload is None:
            await self.output.send(chat_id, texts.BUTTON_EXPIRED)
            return
        await self.to_rasa(chat_id, payload, update_id, on_new_message)

    async def on_forget(self, chat_id: int, confirmed: bool) -> None:
        """Erase the chat's conversation from the tracker store, if confirmed."""
        if not confirmed:
            await self.output.send(chat_id, texts.FORGET_KEPT)
            return
        try:
            count = await asyncio.to_thread(self.erase, sender_id_for(chat_id))
        except Exception as err:  # noqa: BLE001 - tell the parent rather than go silent
            logger.error("telegram: erase failed (%s)", type(err).__name__)
            await self.output.send(chat_id, texts.FORGET_FAILED)
            return
        logger.info("telegram: conversation erased (%d events)", count)
        await self.output.send(chat_id, texts.FORGET_DONE)
