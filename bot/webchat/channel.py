"""The web chat channel: Rasa's socket.io channel, hardened, plus the widget's routes.

Configured in credentials.yml as ``bot.webchat.channel.WebChatInput``; the
protocol is described in docs/webchat.md. Compared with Rasa 3.6's
``SocketIOInput`` it:

* fixes the session-persistence bug: Rasa calls ``sio.enter_room`` without
  ``await``, but in python-socketio 5.x ``AsyncServer.enter_room`` is a coroutine,
  so the socket never joins the session's room and replies are never delivered
  (hazard H4);
* accepts only unguessable session ids from the client (anything that does not
  look like a random id gets a fresh server-made one, sent back in
  ``session_confirm``), and binds each socket to its session, so a message cannot
  be injected into another session;
* answers every event: a message sent before ``session_request`` starts the
  session itself, a ``session_request`` without a payload gets a new session, a
  malformed event gets a ``webchat_error`` event saying what is wrong;
* sends cards only to a client that draws them (``session_request`` carrying
  ``{"customData": {"cards": true}}``, as the project's widget does); any other
  client (``rasa-webchat``) gets every detail as text (bot/webchat/messages.py);
* always answers a message: when the lock store is unreachable the message is
  handled without the lock (a crisis message must not go unanswered), and when
  handling fails or produces nothing the parent gets the REST channel's kind
  error reply (``system_error_reply``);
* owns CORS for its paths (bot/webchat/routes.py), so ``WEBCHAT_ALLOWED_ORIGINS``
  works with and without Rasa's ``--cors`` and never sends two headers;
* refuses to start next to Rasa's stock ``socketio:`` channel on the same path,
  saying which block to remove.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage, decode_bearer_token
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from rasa.core.lock_store import LockError
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic_routing.exceptions import RouteExists
from socketio import AsyncServer

from bot.cards import card_kind
from bot.channels.rest import EMPTY_MESSAGE, system_error_reply
from bot.language import ENGLISH, LANGUAGE_SLOT, WELSH, detect
from bot.webchat.messages import socket_messages
from bot.webchat.routes import OriginPolicy, parse_origins, valid_session_id, widget_blueprint

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
ERROR_EVENT = "webchat_error"
DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"

LanguageLookup = Callable[[str], Awaitable[str | None]]


class WebChatConfigError(RasaException):
    """The channel cannot start as configured (Rasa prints the message and exits)."""


def conflict_message(path: str) -> str:
    return (
        f"credentials.yml has Rasa's stock `socketio:` channel on {path}, the path of the project's web chat "
        "channel (bot.webchat.channel.WebChatInput). The project's channel already serves rasa-webchat and "
        "other socket.io clients there (see docs/webchat.md). Remove the `socketio:` block, or give it "
        "another `socketio_path:` (e.g. /stock-socket.io) if you really want both."
    )


def wants_cards(data: Any) -> bool:
    """True when a session_request says the client draws card payloads itself."""
    custom = data.get("customData") if isinstance(data, dict) else None
    return isinstance(custom, dict) and custom.get("cards") is True


class WebChatOutput(SocketIOOutput):
    """Socket.io output: cards for clients that draw them, text for the others; counts what it sends."""

    @classmethod
    def name(cls) -> str:
        return "webchat"

    def __init__(
        self,
        sio: AsyncServer,
        bot_message_evt: str,
        cards: bool = False,
        language: LanguageLookup | None = None,
    ) -> None:
        super().__init__(sio, bot_message_evt)
        self.cards = cards
        self.language = language
        self.sent = 0

    async def _send_message(self, socket_id: str, response: Any) -> None:
        self.sent += 1
        await super()._send_message(socket_id, response)

    async def _card_language(self, recipient_id: str, text: str | None, custom: Any) -> str:
        """The conversation's language: the card's own, Welsh text, else the conversation's slot."""
        if isinstance(custom, dict) and custom.get("language") in (ENGLISH, WELSH):
            return str(custom["language"])
        if detect(text or "") == WELSH:
            return WELSH
        if self.language is not None:
            try:
                return await self.language(recipient_id) or ENGLISH
            except Exception as error:  # noqa: BLE001 - the reply matters more than its card words
                logger.warning("webchat: conversation language unavailable: %s", type(error).__name__)
        return ENGLISH

    async def _send_parts(self, recipient_id: str, text: str | None, data: dict[str, Any]) -> None:
        custom = data.get("custom")
        lang = ENGLISH
        if card_kind(custom) and not self.cards:
            lang = await self._card_language(recipient_id, text, custom)
        for part in socket_messages(text, data, cards=self.cards, lang=lang):
            await self._send_message(recipient_id, part)

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """Send one bot utterance (text, buttons, card) as this client can show it."""
        await self._send_parts(recipient_id, message.get("text"), message)
        if message.get("image"):
            await self.send_image_url(recipient_id, message["image"])
        if message.get("attachment"):
            await self.send_attachment(recipient_id, message["attachment"])
        if message.get("elements"):
            await self.send_elements(recipient_id, message["elements"])

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        """A card on its own: as-is for a client that draws cards, as text for the others."""
        await self._send_parts(recipient_id, None, {"custom": dict(json_message)})


class WebChatBlueprint(SocketBlueprint):
    """Attaches socket.io, the widget's routes and the CORS policy (outside the /webhooks prefix)."""

    def __init__(
        self, sio: AsyncServer, socketio_path: str, channel: WebChatInput, *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(sio, socketio_path, *args, **kwargs)
        self.ctx.channel = channel

    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        channel: WebChatInput = self.ctx.channel
        path = "/" + channel.socketio_path.strip("/")
        try:
            super().register(app, options)
        except RouteExists as error:  # the stock socketio channel was registered first
            raise WebChatConfigError(conflict_message(path)) from error
        channel.app = app
        refuse_stock_channel_later(app, path)
        channel.policy.install(app)
        app.blueprint(widget_blueprint(channel.storage, channel.exit_url))

        async def announce(app: Sanic, _loop: Any) -> None:
            # `make run` users look for this line to open the widget.
            location = getattr(app, "serve_location", "") or "http://<host>:<port>"
            message = f"Web chat demo page: {location}/webchat/"
            logger.info(message)
            print(message, flush=True)  # noqa: T201 - shown even when Rasa logs at WARNING

        app.register_listener(announce, "after_server_start")


def refuse_stock_channel_later(app: Sanic, path: str) -> None:
    """A stock ``socketio:`` block after ours fails with the clear message, not `RouteExists: socket.io`."""
    add = app.router.add
    ours = path.strip("/") + "/"

    def guarded(uri: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return add(uri, *args, **kwargs)
        except RouteExists as error:
            if uri.strip("/") + "/" == ours:
                raise WebChatConfigError(conflict_message(path)) from error
            raise

    app.router.add = guarded  # type: ignore[method-assign]


class WebChatInput(SocketIOInput):
    """Rasa's socket.io input channel with the fixes described in the module docstring."""

    @classmethod
    def name(cls) -> str:
        return "webchat"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> WebChatInput:
        credentials = credentials or {}
        origins = credentials.get("allowed_origins")
        if origins is None:
            origins = _settings_value("webchat_allowed_origins", "*")
        return cls(
            credentials.get("user_message_evt", "user_uttered"),
            credentials.get("bot_message_evt", "bot_uttered"),
            credentials.get("namespace"),
            credentials.get("session_persistence", True),
            credentials.get("socketio_path", "/socket.io"),
            credentials.get("jwt_key"),
            credentials.get("jwt_method", "HS256"),
            credentials.get("metadata_key", "metadata"),
            allowed_origins=parse_origins(origins),
            storage=credentials.get("storage") or _settings_value("webchat_storage", "session"),
            exit_url=credentials.get("exit_url", DEFAULT_EXIT_URL),
        )

    def __init__(
        self,
        *args: Any,
        allowed_origins: list[str] | None = None,
        storage: str = "session",
        exit_url: str = DEFAULT_EXIT_URL,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.allowed_origins = parse_origins(allowed_origins)
        self.policy = OriginPolicy(self.allowed_origins, self.socketio_path)
        self.storage = "local" if storage == "local" else "session"
        self.exit_url = exit_url
        self.app: Sanic | None = None
        self._setup_locks: dict[str, asyncio.Lock] = {}

    def get_output_channel(self) -> WebChatOutput | None:
        if self.sio is None:
            return None
        return WebChatOutput(self.sio, self.bot_message_evt, cards=False, language=self.conversation_language)

    async def conversation_language(self, sender_id: str) -> str | None:
        """The conversation's ``language`` slot, from the tracker store."""
        agent = getattr(getattr(self.app, "ctx", None), "agent", None)
        store = getattr(agent, "tracker_store", None)
        if store is None:
            return None
        tracker = await store.retrieve(sender_id)
        value = tracker.get_slot(LANGUAGE_SLOT) if tracker else None
        return str(value) if value else None

    async def handle_without_lock(self, message: UserMessage) -> None:
        """Rasa's Agent.handle_message without the lock store (used only when the lock store fails)."""
        agent = getattr(getattr(self.app, "ctx", None), "agent", None)
        processor = getattr(agent, "processor", None)
        if processor is None:
            raise RuntimeError("no agent")
        await processor.handle_message(message)

    async def answer(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        output: WebChatOutput,
        text: str,
        sender_id: str,
        metadata: dict[str, Any],
    ) -> None:
        """Handle one message; whatever fails, the parent gets a reply."""
        message = UserMessage(text, output, sender_id, input_channel=self.name(), metadata=metadata)
        try:
            await on_new_message(message)
        except LockError:
            # Raised before the message is processed. Crisis above all: answer without the lock.
            logger.error("webchat: the lock store is unavailable; handling the message without it")
            if output.sent == 0:
                try:
                    await self.handle_without_lock(message)
                except Exception as error:  # noqa: BLE001 - the kind reply below still goes out
                    logger.error("webchat: handling a message failed: %s", type(error).__name__)
        except Exception as error:  # noqa: BLE001 - keep serving; the parent still gets an answer
            logger.error("webchat: handling a message failed: %s", type(error).__name__)
        if output.sent == 0:
            # Every message gets a reply in this bot; silence means a part failed
            # (e.g. the action server is down), so say so kindly, as REST does.
            await output.send_text_message(sender_id, system_error_reply(text))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # CORS headers and the origin check are OriginPolicy's (routes.py); engineio's own are off.
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        bp = WebChatBlueprint(sio, self.socketio_path, self, "webchat_webhook", __name__)
        self.sio = sio
        ns = self.namespace

        @bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        async def error(sid: str, code: str, detail: str) -> None:
            await sio.emit(ERROR_EVENT, {"error": code, "message": detail}, room=sid, namespace=ns)

        async def start_session(sid: str, requested: Any, cards: bool) -> str:
            """Bind the socket to a session (the requested id if it looks random) and confirm it."""
            session_id = requested if valid_session_id(requested) else uuid.uuid4().hex
            saved = await sio.get_session(sid, namespace=ns)
            previous = saved.get("session_id")
            if previous and previous != session_id:
                await sio.leave_room(sid, previous, namespace=ns)
            if self.session_persistence:
                # The fix: Rasa 3.6 forgets this await, so replies never arrive.
                await sio.enter_room(sid, session_id, namespace=ns)
            await sio.save_session(sid, {"session_id": session_id, "cards": cards}, namespace=ns)
            await sio.emit("session_confirm", session_id, room=sid, namespace=ns)
            return session_id

        def setup_lock(sid: str) -> asyncio.Lock:
            # Events of one socket are handled concurrently; session set-up happens in arrival order.
            return self._setup_locks.setdefault(sid, asyncio.Lock())

        @sio.on("connect", namespace=ns)
        async def connect(sid: str, environ: dict, auth: dict | None = None) -> bool:
            if not self.jwt_key:
                return True
            token = (auth or {}).get("token")
            return bool(token and decode_bearer_token(token, self.jwt_key, self.jwt_algorithm))

        @sio.on("disconnect", namespace=ns)
        async def disconnect(sid: str, *_: Any) -> None:
            self._setup_locks.pop(sid, None)

        @sio.on("session_request", namespace=ns)
        async def session_request(sid: str, data: Any = None) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            async with setup_lock(sid):
                await start_session(sid, requested, wants_cards(data))

        @sio.on(self.user_message_evt, namespace=ns)
        async def handle_message(sid: str, data: Any = None) -> None:
            if not isinstance(data, dict) or not isinstance(data.get("message"), str):
                await error(
                    sid,
                    "bad_message",
                    f'`{self.user_message_evt}` needs a JSON object like {{"message": "hello"}}.',
                )
                return
            async with setup_lock(sid):
                saved = await sio.get_session(sid, namespace=ns)
                if not saved.get("session_id"):
                    # No session_request yet: start the session here rather than drop the message.
                    await start_session(sid, data.get("session_id"), False)
                    saved = await sio.get_session(sid, namespace=ns)
            # The socket's own session, never the id the message claims.
            sender_id = saved["session_id"] if self.session_persistence else sid
            text = data["message"][:MAX_MESSAGE_CHARS]
            output = WebChatOutput(
                sio, self.bot_message_evt, cards=bool(saved.get("cards")), language=self.conversation_language
            )
            await self.answer(
                on_new_message,
                output,
                text if text.strip() else EMPTY_MESSAGE,
                sender_id,
                self._metadata(data),
            )

        return bp

    def _metadata(self, data: dict[str, Any]) -> dict[str, Any]:
        """The message's metadata (``metadata``, or rasa-webchat's ``customData``) as a dict."""
        metadata = data.get(self.metadata_key) or data.get("customData") or {}
        if isinstance(metadata, str):
            try:
                metadata = json.loads(metadata)
            except json.JSONDecodeError:
                metadata = {}
        return metadata if isinstance(metadata, dict) else {}


def _settings_value(name: str, default: str) -> str:
    """A webchat setting from bot.settings, tolerant of the settings module changing."""
    try:
        from bot.settings import get_settings

        return str(getattr(get_settings(), name, default))
    except Exception:  # noqa: BLE001 - settings problems must not stop the channel
        return default
