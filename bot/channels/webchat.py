"""The web chat channel: Rasa's socket.io channel, hardened, plus the widget's files.

Configured in credentials.yml as ``bot.channels.webchat.WebChatInput``. Compared
with Rasa 3.6's ``SocketIOInput`` it:

* fixes the session-persistence bug: Rasa calls ``sio.enter_room`` without
  ``await``, but in python-socketio 5.x ``AsyncServer.enter_room`` is a coroutine,
  so the socket never joins the session's room and replies are never delivered
  (hazard H4);
* accepts only unguessable session ids from the client (anything that does not
  look like a random id gets a fresh server-made one), and binds each socket to the
  session it asked for, so a message cannot be injected into another session;
* emits custom payloads (crisis card, service cards) as the event's data, as-is;
  Rasa's ``send_custom_json`` passes them to ``sio.emit`` as keyword arguments,
  which fails for the shapes in docs/contracts.md;
* serves the widget: ``/webchat/`` (demo page), ``/webchat/static/...``,
  ``/webchat/contacts.json`` (crisis contacts built from data/safety/contacts.yml),
  ``/webchat/strings.json`` (the widget's Welsh labels, from data/wording/cy.yml)
  and ``POST /webchat/history`` (the stored conversation of one session id, for
  restoring it after a reload; the id travels in the body, never in the URL).
"""

from __future__ import annotations

import html
import json
import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import UserMessage, decode_bearer_token
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.language import WELSH, widget_strings
from bot.webchat.contacts import load_contacts

logger = logging.getLogger(__name__)

WEBCHAT_DIR = Path(__file__).resolve().parents[1] / "webchat"
STATIC_DIR = WEBCHAT_DIR / "static"
DEMO_TEMPLATE = WEBCHAT_DIR / "demo.html"

# A client session id must look random: a UUID (crypto.randomUUID) or at least
# 32 URL-safe characters. Anything else ("alice", "1") is replaced by a new id.
SESSION_ID_RE = re.compile(r"^[A-Za-z0-9_-]{32,128}$")
MAX_MESSAGE_CHARS = 2000

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def valid_session_id(value: Any) -> bool:
    """True if `value` is a client session id we accept (unguessable-looking)."""
    return isinstance(value, str) and bool(SESSION_ID_RE.match(value))


def shown_text(text: str | None, custom: Any) -> str | None:
    """The text to show beside a payload: with service cards, only the intro line.

    The bot also lists the services in its text, for channels that draw no
    cards; the widget draws cards, so the list would appear twice.
    """
    if text and isinstance(custom, dict) and custom.get("type") == "services":
        return text.strip().split("\n\n")[0]
    return text


def bot_messages(text: str | None, data: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The socket messages Rasa's socketio output sends for one bot utterance.

    Mirrors ``SocketIOOutput`` (text split on blank lines, buttons as
    ``quick_replies`` on the last part, custom payloads as-is) so a restored
    conversation looks exactly like the live one.
    """
    data = data or {}
    text = shown_text(text, data.get("custom"))
    messages: list[dict[str, Any]] = []
    buttons = data.get("quick_replies") or data.get("buttons")
    if text:
        messages = [{"text": part} for part in text.strip().split("\n\n")]
    if buttons:
        if not messages:
            messages = [{"text": text or ""}]
        messages[-1]["quick_replies"] = [
            {"content_type": "text", "title": b.get("title", ""), "payload": b.get("payload", "")}
            for b in buttons
            if isinstance(b, dict)
        ]
    custom = data.get("custom")
    if isinstance(custom, dict):
        messages.append(dict(custom))
    return messages


def conversation_from_events(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The parent-visible conversation (user and bot messages) from tracker events.

    A button press is stored as its payload (``/find_support``); it is shown with
    the button's title, as it was on screen.
    """
    items: list[dict[str, Any]] = []
    last_buttons: dict[str, str] = {}
    for event in events:
        kind = event.get("event")
        ts = event.get("timestamp")
        if kind == "user":
            text = event.get("text") or ""
            shown = last_buttons.get(text, text)
            items.append({"sender": "user", "text": shown, "timestamp": ts})
            last_buttons = {}
        elif kind == "bot":
            for message in bot_messages(event.get("text"), event.get("data")):
                items.append({"sender": "bot", "data": message, "timestamp": ts})
                for button in message.get("quick_replies", []):
                    last_buttons[button["payload"]] = button["title"]
    return items


class WebChatOutput(SocketIOOutput):
    """Socket.io output that emits custom payloads as the event's data."""

    @classmethod
    def name(cls) -> str:
        return "webchat"

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """Send one bot utterance, without the text copy of service cards."""
        message = dict(message)
        if message.get("text"):
            message["text"] = shown_text(message["text"], message.get("custom"))
        await super().send_response(recipient_id, message)

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        """Send a custom payload (crisis card, service cards) unchanged."""
        await self._send_message(recipient_id, dict(json_message))


class WebChatBlueprint(SocketBlueprint):
    """Attaches socket.io and the widget's routes (outside the /webhooks prefix)."""

    def __init__(self, sio: AsyncServer, socketio_path: str, channel: WebChatInput, *args: Any, **kwargs: Any):
        super().__init__(sio, socketio_path, *args, **kwargs)
        self.ctx.channel = channel

    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        super().register(app, options)
        app.blueprint(widget_blueprint(self.ctx.channel))

        async def announce(app: Sanic, _loop: Any) -> None:
            # `make run` users look for this line to open the widget.
            location = getattr(app, "serve_location", "") or "http://<host>:<port>"
            message = f"Web chat demo page: {location}/webchat/"
            logger.info(message)
            print(message, flush=True)  # noqa: T201 - shown even when Rasa logs at WARNING

        app.register_listener(announce, "after_server_start")


def _cors(request: Request, allowed: list[str]) -> dict[str, str]:
    origin = request.headers.get("origin")
    if not origin:
        return {}
    if "*" in allowed or origin in allowed:
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin",
                "Access-Control-Allow-Headers": "Content-Type", "Access-Control-Allow-Methods": "GET, POST"}
    return {}


def widget_blueprint(channel: WebChatInput) -> Blueprint:
    """Routes that serve the widget, its contacts and conversation restore."""
    bp = Blueprint("webchat_widget", url_prefix="/webchat")
    bp.static("/static", str(STATIC_DIR), name="webchat_static")

    @bp.route("/", methods=["GET"])
    async def demo(request: Request) -> HTTPResponse:
        contacts = json.dumps(load_contacts()).replace("<", "\\u003c")
        page = DEMO_TEMPLATE.read_text(encoding="utf-8")
        page = (
            page.replace("{{CONTACTS_JSON}}", contacts)
            .replace("{{STORAGE}}", html.escape(channel.storage, quote=True))
            .replace("{{EXIT_URL}}", html.escape(channel.exit_url, quote=True))
        )
        headers = {
            **SECURITY_HEADERS,
            "Content-Security-Policy": (
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                "connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
            ),
        }
        return response.html(page, headers=headers)

    @bp.route("/contacts.json", methods=["GET"])
    async def contacts(request: Request) -> HTTPResponse:
        return response.json(load_contacts(), headers={**SECURITY_HEADERS, **_cors(request, channel.allowed_origins)})

    @bp.route("/strings.json", methods=["GET"])
    async def strings(request: Request) -> HTTPResponse:
        # The widget's Welsh labels (data/wording/cy.yml); English is built into the widget.
        return response.json({"cy": widget_strings(WELSH)},
                             headers={**SECURITY_HEADERS, **_cors(request, channel.allowed_origins)})

    @bp.route("/history", methods=["POST", "OPTIONS"])
    async def history(request: Request) -> HTTPResponse:
        headers = {**SECURITY_HEADERS, **NO_STORE, **_cors(request, channel.allowed_origins)}
        if request.method == "OPTIONS":
            return response.empty(headers=headers)
        try:
            session_id = (request.json or {}).get("session_id")
        except Exception:  # noqa: BLE001 - Sanic raises its own InvalidUsage for bad JSON
            session_id = None
        if not valid_session_id(session_id):
            return response.json({"error": "invalid session id"}, status=400, headers=headers)
        agent = getattr(request.app.ctx, "agent", None)
        store = getattr(agent, "tracker_store", None)
        if store is None:
            return response.json({"error": "not ready"}, status=503, headers=headers)
        tracker = await store.retrieve_full_tracker(session_id)
        events = [e.as_dict() for e in tracker.events] if tracker else []
        return response.json({"messages": conversation_from_events(events)}, headers=headers)

    return bp


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
        if isinstance(origins, str):
            origins = [o.strip() for o in origins.split(",") if o.strip()]
        return cls(
            credentials.get("user_message_evt", "user_uttered"),
            credentials.get("bot_message_evt", "bot_uttered"),
            credentials.get("namespace"),
            credentials.get("session_persistence", True),
            credentials.get("socketio_path", "/socket.io"),
            credentials.get("jwt_key"),
            credentials.get("jwt_method", "HS256"),
            credentials.get("metadata_key", "metadata"),
            allowed_origins=list(origins),
            storage=credentials.get("storage") or _settings_value("webchat_storage", "session"),
            exit_url=credentials.get("exit_url", "https://www.bbc.co.uk/weather"),
        )

    def __init__(
        self,
        *args: Any,
        allowed_origins: list[str] | None = None,
        storage: str = "session",
        exit_url: str = "https://www.bbc.co.uk/weather",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.allowed_origins = allowed_origins or ["*"]
        self.storage = "local" if storage == "local" else "session"
        self.exit_url = exit_url

    def get_output_channel(self) -> WebChatOutput | None:
        if self.sio is None:
            return None
        return WebChatOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # An empty list switches off engineio's own origin check ("*" would too);
        # a list of origins makes it enforce them.
        cors = [] if "*" in self.allowed_origins else self.allowed_origins
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=cors)
        bp = WebChatBlueprint(sio, self.socketio_path, self, "webchat_webhook", __name__)
        self.sio = sio

        @bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: str, environ: dict, auth: dict | None) -> bool:
            if not self.jwt_key:
                return True
            token = (auth or {}).get("token")
            return bool(token and decode_bearer_token(token, self.jwt_key, self.jwt_algorithm))

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: dict | None) -> None:
            requested = (data or {}).get("session_id") if isinstance(data, dict) else None
            session_id = requested if valid_session_id(requested) else uuid.uuid4().hex
            saved = await sio.get_session(sid, namespace=self.namespace)
            previous = saved.get("session_id")
            if previous and previous != session_id:
                await sio.leave_room(sid, previous, namespace=self.namespace)
            if self.session_persistence:
                # The fix: Rasa 3.6 forgets this await, so replies never arrive.
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.save_session(sid, {"session_id": session_id}, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: dict) -> None:
            if not isinstance(data, dict) or not isinstance(data.get("message"), str):
                return
            if self.session_persistence:
                # The session this socket asked for, not whatever the message claims.
                sender_id = (await sio.get_session(sid, namespace=self.namespace)).get("session_id")
                if not sender_id:
                    logger.warning("webchat message before session_request; ignored")
                    return
            else:
                sender_id = sid
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except json.JSONDecodeError:
                    metadata = {}
            message = UserMessage(
                data["message"][:MAX_MESSAGE_CHARS],
                WebChatOutput(sio, self.bot_message_evt),
                sender_id,
                input_channel=self.name(),
                metadata=metadata if isinstance(metadata, dict) else {},
            )
            await on_new_message(message)

        return bp


def _settings_value(name: str, default: str) -> str:
    """A webchat setting from bot.settings, tolerant of the settings module changing."""
    try:
        from bot.settings import get_settings

        return str(getattr(get_settings(), name, default))
    except Exception:  # noqa: BLE001 - settings problems must not stop the channel
        return default
