"""The project's Telegram channel for Rasa (replaces Rasa's own, see SAFETY.md).

Register in credentials.yml as ``bot.telegram.channel.TelegramInput: {}``; the
webhook is ``POST /webhooks/telegram/webhook``. Settings (read when Rasa creates
the channel): TELEGRAM_TOKEN, TELEGRAM_SECRET_TOKEN, TELEGRAM_API_BASE,
TELEGRAM_DB_URL.

No reply is lost (bot.telegram.store, bot.telegram.outbox):

1. Per webhook call: secret header checked in constant time (403 otherwise,
   nothing stored) → JSON parsed (400 if malformed, too deep or not an update;
   413 if huge) → the update is stored in the inbox (a redelivery is a no-op;
   503 if the database is down, so Telegram delivers it again) → 200.
2. The update is handled in a background task. Each chat's updates run one at
   a time in arrival order (a per-chat lock); different chats run concurrently.
   Every Bot API call the turn makes is collected, then stored in the outbox
   together with the update's "done" mark, in one transaction.
3. The outbox sender delivers them, crisis turns first, retrying until Telegram
   takes them. On start the channel handles updates left pending and resumes
   pending sends.

Logs carry update ids and kinds, never message content.
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

from bot.directory.places import load_gazetteer
from bot.safety.responses import urgent_footer
from bot.telegram import texts
from bot.telegram.api import BotApi
from bot.telegram.outbox import Sender, backoff
from bot.telegram.output import TelegramOutput, TurnOutput, sender_id_for
from bot.telegram.store import CALLBACK_PREFIX, Outgoing, UpdateStore
from bot.telegram.updates import Incoming, button_title, classify, update_kind

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# What Rasa receives for each command (domain intents, see docs/contracts.md).
COMMAND_TEXT = {"start": "/greet", "help": "/ask_help", "privacy": "/ask_privacy"}
FORGET_YES, FORGET_NO, NOOP = "tg:forget:yes", "tg:forget:no", "tg:noop"
DRAIN_TIMEOUT_S = 10.0
SHUTDOWN_FLUSH_S = 5.0
# Telegram's updates are a few kilobytes; anything far bigger is not one.
MAX_BODY_BYTES = 1_000_000
MAX_UPDATE_ID = 2**63 - 1
# An update that was being handled when the process died this many times is given up.
MAX_UPDATE_ATTEMPTS = 3
FINISH_TRIES = 8

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def _erase(sender_id: str) -> int:
    from bot.conversations import erase_conversation

    return erase_conversation(sender_id)


def _bad(error: str, status: int = 400) -> HTTPResponse:
    return response.json({"ok": False, "error": error}, status=status)


def parse_update(body: bytes) -> dict[str, Any] | None:
    """The update in a webhook body, or None when it is not JSON or not an update."""
    try:
        update = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(update, dict):
        return None
    update_id = update.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool) or not 0 <= update_id <= MAX_UPDATE_ID:
        return None
    return update


class TelegramInput(InputChannel):
    """Hardened Telegram webhook input channel with a durable inbox and outbox."""

    @classmethod
    def name(cls) -> str:
        """URL prefix: ``/webhooks/telegram/``."""
        return "telegram"

    def __init__(self, token: str, secret_token: str, api_base: str, db_url: str) -> None:
        self.secret_token = secret_token
        self.api = BotApi(token=token, base_url=api_base)
        # update ids are per bot: the token's numeric part names the bot.
        self.store = UpdateStore(db_url, bot_id=token.split(":", 1)[0])
        self.sender = Sender(self.api, self.store)
        self.output = TelegramOutput(self.store, sink=self._store_now)
        self.erase: Callable[[str], int] = _erase
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._inflight: set[int] = set()

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
        """The output channel used for messages Rasa sends on its own (stored at once)."""
        return self.output

    async def _store_now(self, messages: list[Outgoing]) -> None:
        await asyncio.to_thread(self.store.enqueue, messages)
        self.sender.wake()

    def authorised(self, request: Request) -> bool:
        """Constant-time check of Telegram's secret header; fails closed if unset."""
        given = request.headers.get(SECRET_HEADER)
        if not self.secret_token or not isinstance(given, str):
            return False
        try:
            given_bytes = given.encode("utf-8", "surrogateescape")
        except UnicodeError:
            return False
        return hmac.compare_digest(given_bytes, self.secret_token.encode("utf-8"))

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """Routes: ``GET /`` (health: queue sizes, no content) and ``POST /webhook``."""
        bp = Blueprint("project_telegram_webhook", __name__)

        @bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            try:
                counts = await asyncio.to_thread(self.store.counts)
            except SQLAlchemyError:
                return response.json({"status": "database unavailable"}, status=503)
            return response.json({"status": "ok", **counts})

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.authorised(request):
                logger.warning("telegram webhook: missing or wrong secret token")
                return response.json({"ok": False}, status=403)
            body = request.body or b""
            if len(body) > MAX_BODY_BYTES:
                return _bad("too large", 413)
            update = parse_update(body)
            if update is None:
                return _bad("not an update")
            try:
                incoming = classify(update)
                stored = json.dumps(update)
            except Exception:  # noqa: BLE001 - whatever its shape, a bad update is the sender's fault
                return _bad("not an update")
            update_id = update["update_id"]
            try:
                fresh = await asyncio.to_thread(self.store.accept, update_id, incoming.chat_id, stored)
            except SQLAlchemyError as err:
                logger.error("telegram update %s: inbox unavailable (%s)", update_id, type(err).__name__)
                return response.json({"ok": False}, status=503)  # Telegram will deliver it again
            if fresh:
                self.schedule(update_id, update, on_new_message)
            else:
                logger.info("telegram update %s: already received, ignored", update_id)
            return response.json({"ok": True})

        @bp.listener("after_server_start")
        async def resume(*_: Any) -> None:
            await self.resume(on_new_message)

        @bp.listener("after_server_stop")
        async def close(*_: Any) -> None:
            await self.close()

        return bp

    async def resume(self, on_new_message: OnNewMessage) -> None:
        """Start the sender and handle the updates an earlier process left pending."""
        self.sender.start()
        try:
            pending = await asyncio.to_thread(self.store.pending_updates)
        except SQLAlchemyError as err:
            logger.error("telegram: could not read pending updates (%s)", type(err).__name__)
            return
        if pending:
            logger.info("telegram: resuming %d pending update(s)", len(pending))
        for update_id, body in pending:
            try:
                update = json.loads(body)
            except (ValueError, RecursionError):
                update = {"update_id": update_id}
            self.schedule(update_id, update, on_new_message)

    async def close(self) -> None:
        """Finish what is in hand (bounded), stop the sender; the rest waits in the database."""
        await self.drain()
        if not self.sender.failures:  # while Telegram is away there is nothing to wait for
            await self.sender.idle(timeout=SHUTDOWN_FLUSH_S)
        await self.sender.stop()
        await self.api.close()
        self.store.dispose()

    def schedule(self, update_id: int, update: dict[str, Any], on_new_message: OnNewMessage) -> None:
        """Handle an update in the background (must be called in arrival order)."""
        if update_id in self._inflight:
            return
        self._inflight.add(update_id)
        task = asyncio.get_running_loop().create_task(self.handle_update(update_id, update, on_new_message))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(lambda _: self._inflight.discard(update_id))

    async def drain(self, timeout: float = DRAIN_TIMEOUT_S) -> None:
        """Wait (bounded) for updates still being handled."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)

    async def settle(self, timeout: float = DRAIN_TIMEOUT_S) -> bool:
        """Wait until every update is handled and every reply delivered (or given up)."""
        await self.drain(timeout)
        return await self.sender.idle(timeout)

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

    async def handle_update(
        self, update_id: int, update: dict[str, Any], on_new_message: OnNewMessage
    ) -> None:
        """Act on a stored update, then store its replies and mark it done; never raises."""
        kind = update_kind(update)
        incoming = classify(update)
        async with self._chat_lock(incoming.chat_id):
            try:
                attempts = await asyncio.to_thread(self.store.begin, update_id)
            except SQLAlchemyError as err:
                # Better a possible duplicate than a parent left without an answer.
                logger.error("telegram update %s: inbox unavailable (%s)", update_id, type(err).__name__)
                attempts = 1
            if attempts is None:
                logger.info("telegram update %s (%s): already handled, ignored", update_id, kind)
                return
            turn = TurnOutput(self.store, incoming.language)
            if attempts > MAX_UPDATE_ATTEMPTS:
                logger.error(
                    "telegram update %s (%s): given up after %d tries", update_id, kind, attempts - 1
                )
            else:
                logger.info("telegram update %s (%s): %s", update_id, kind, incoming.kind)
                try:
                    await self.dispatch(incoming, update_id, on_new_message, turn)
                except Exception as err:  # noqa: BLE001 - a parent's failure must not kill the channel
                    logger.error("telegram update %s (%s) failed: %s", update_id, kind, type(err).__name__)
                    logger.debug("telegram update %s traceback", update_id, exc_info=True)
            await self._finish(update_id, turn.collected())
        self.sender.wake()

    async def _finish(self, update_id: int, messages: list[Outgoing]) -> None:
        for attempt in range(1, FINISH_TRIES + 1):
            try:
                await asyncio.to_thread(self.store.finish, update_id, messages)
                return
            except SQLAlchemyError as err:
                logger.error(
                    "telegram update %s: could not store replies (%s), try %d",
                    update_id,
                    type(err).__name__,
                    attempt,
                )
                await asyncio.sleep(backoff(attempt))
        # Left pending: handled again after the next start.
        logger.error("telegram update %s: replies not stored; it will be handled again on restart", update_id)

    async def to_rasa(
        self, chat_id: int, text: str, update_id: int, on_new_message: OnNewMessage, turn: TurnOutput
    ) -> None:
        """Pass text into Rasa as the chat's conversation; its replies go into the turn."""
        message = UserMessage(
            text,
            turn,
            sender_id=sender_id_for(chat_id),
            input_channel=self.name(),
            message_id=f"tg-update-{update_id}",
        )
        await on_new_message(message)

    async def dispatch(
        self, incoming: Incoming, update_id: int, on_new_message: OnNewMessage, turn: TurnOutput
    ) -> None:
        """Do what the kind of update calls for."""
        chat_id, say, lang = incoming.chat_id, turn.send, incoming.language
        if incoming.kind == "callback":
            await self.on_callback(incoming, update_id, on_new_message, turn)
        elif chat_id is None:
            return
        elif incoming.kind == "text" and incoming.text:
            await self.to_rasa(chat_id, incoming.text, update_id, on_new_message, turn)
        elif incoming.kind == "command" and incoming.command == "forget":
            keyboard = [
                [{"text": texts.say("FORGET_YES", lang), "callback_data": FORGET_YES}],
                [{"text": texts.say("FORGET_NO", lang), "callback_data": FORGET_NO}],
            ]
            await say(chat_id, texts.say("FORGET_CONFIRM", lang), {"inline_keyboard": keyboard})
        elif incoming.kind == "command" and incoming.command in COMMAND_TEXT:
            command = COMMAND_TEXT[incoming.command]
            if incoming.command == "start" and incoming.language:
                # A Welsh Telegram starts the conversation in Welsh (the slot `language`).
                command += json.dumps({"language": incoming.language})
            await self.to_rasa(chat_id, command, update_id, on_new_message, turn)
        elif incoming.kind == "edited":
            await say(chat_id, texts.say("EDITED", lang))
        elif incoming.kind == "media" and incoming.text:
            await say(chat_id, texts.say("CAPTION_READ", lang))
            await self.to_rasa(chat_id, incoming.text, update_id, on_new_message, turn)
        elif incoming.kind == "media":
            first = texts.cannot_read(incoming.media, lang)
            await say(chat_id, f"{first} {texts.say('TYPE_INSTEAD', lang)}\n\n{urgent_footer(lang or 'en')}")
        elif incoming.kind == "location" and incoming.latitude is not None and incoming.longitude is not None:
            # The gazetteer owns places: the nearest town with coordinates, if near enough.
            place = await asyncio.to_thread(load_gazetteer().nearest, incoming.latitude, incoming.longitude)
            if place is not None:
                await self.to_rasa(chat_id, place.name, update_id, on_new_message, turn)
            else:
                await say(chat_id, texts.say("LOCATION_NOT_FOUND", lang))
        elif incoming.kind == "group" and await asyncio.to_thread(self.store.first_notice, chat_id):
            await say(chat_id, texts.say("GROUP_CHAT", lang))

    async def on_callback(
        self, incoming: Incoming, update_id: int, on_new_message: OnNewMessage, turn: TurnOutput
    ) -> None:
        """A button press: stop the spinner, mark the choice, then act on it."""
        chat_id, data, lang = incoming.chat_id, incoming.text, incoming.language
        # The spinner belongs to the user, not a chat: answered even for a press in a group.
        await turn.call(
            chat_id if chat_id is not None else f"cq:{incoming.callback_id}",
            "answerCallbackQuery",
            callback_query_id=incoming.callback_id,
        )
        if chat_id is None or not data or data == NOOP:
            return
        if incoming.message_id is not None:
            # Replace the keyboard with the chosen answer, so it cannot be pressed twice.
            title = button_title(incoming.reply_markup, data) or "OK"
            markup = {"inline_keyboard": [[{"text": f"✓ {title}", "callback_data": NOOP}]]}
            await turn.call(
                chat_id,
                "editMessageReplyMarkup",
                chat_id=chat_id,
                message_id=incoming.message_id,
                reply_markup=markup,
            )
        if data in (FORGET_YES, FORGET_NO):
            await self.on_forget(chat_id, data == FORGET_YES, lang, turn)
            return
        payload: str | None = data
        if data.startswith(CALLBACK_PREFIX):
            payload = await asyncio.to_thread(self.store.load_payload, data)
        if payload is None:
            await turn.send(chat_id, texts.say("BUTTON_EXPIRED", lang))
            return
        await self.to_rasa(chat_id, payload, update_id, on_new_message, turn)

    async def on_forget(self, chat_id: int, confirmed: bool, lang: str | None, turn: TurnOutput) -> None:
        """Erase the chat's conversation from the tracker store, if confirmed."""
        if not confirmed:
            await turn.send(chat_id, texts.say("FORGET_KEPT", lang))
            return
        try:
            count = await asyncio.to_thread(self.erase, sender_id_for(chat_id))
        except Exception as err:  # noqa: BLE001 - tell the parent rather than go silent
            logger.error("telegram: erase failed (%s)", type(err).__name__)
            await turn.send(chat_id, texts.say("FORGET_FAILED", lang))
            return
        logger.info("telegram: conversation erased (%d events)", count)
        await turn.send(chat_id, texts.say("FORGET_DONE", lang))
