"""The web chat channel, in process: a real Sanic server and real socket.io clients.

No model is needed: the channel's message handler is replaced by a scripted bot
that answers through the channel's own output, with the reply shapes of the real
bot (a search with service cards, "show more", a crisis reply with its card).
Two kinds of client are tested: the project's widget, which says in its
``session_request`` that it draws cards, and a plain client (like rasa-webchat),
which must get every detail as text.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import urllib.error
import urllib.request
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
import socketio
import yaml
from rasa.core.channels.channel import UserMessage, register
from rasa.core.channels.socketio import SocketIOInput
from rasa.core.lock_store import LockError
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.server import configure_cors
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sanic import Sanic

from bot.webchat import contacts as contacts_mod
from bot.webchat.channel import WebChatConfigError, WebChatInput
from bot.webchat.messages import conversation_from_events, socket_messages
from bot.webchat.routes import valid_session_id

Sanic.test_mode = True  # several apps start in this process; Sanic's TouchUp must keep its originals

WIDGET = {"cards": True}  # the project's widget: session_request carries {"customData": {"cards": true}}
PLAIN = None  # rasa-webchat and other clients: {"session_id": ...} only

SERVICES_PAGE_1 = {
    "type": "services",
    "more": True,
    "local": True,
    "services": [
        {
            "id": "mums-matter",
            "name": "Mums Matter",
            "organisation": "Powys Mind",
            "description": "A free course for mums.",
            "audience": "Mums in Powys",
            "phone": "01597 824411",
            "tel": "01597824411",
            "email": None,
            "url": "https://www.powysmind.org",
            "cost": "Free",
            "mode": "group",
            "schedule": "Tuesdays",
            "area": "Powys",
        },
        {
            "id": "pandas",
            "name": "PANDAS Foundation",
            "organisation": "PANDAS Foundation",
            "description": "Peer support.",
            "audience": "Parents",
            "phone": None,
            "tel": None,
            "email": None,
            "url": "https://pandasfoundation.org.uk",
            "cost": "Free",
            "mode": "online",
            "schedule": None,
            "area": "UK",
        },
    ],
}
SERVICES_PAGE_2 = {
    "type": "services",
    "more": False,
    "local": True,
    "services": [
        {
            "id": "homestart",
            "name": "Home-Start Powys",
            "organisation": "Home-Start",
            "description": "Home visits.",
            "audience": "Families",
            "phone": None,
            "tel": None,
            "email": None,
            "url": "https://www.home-start.org.uk",
            "cost": "Free",
            "mode": "one_to_one",
            "schedule": None,
            "area": "Powys",
        },
    ],
}
# The bot's text lists the services too (for channels without cards), as utter_services_found does.
SEARCH_TEXT = (
    "Here is support near Brecon:\n\n1. Mums Matter (Powys Mind)\nA free course for mums.\n\n"
    "2. PANDAS Foundation\nPeer support."
)
MORE_TEXT = "3. Home-Start Powys (Home-Start)\nHome visits."
OPTIONS = [
    {"title": "Show more", "payload": "/ask_more_results"},
    {"title": "That helped", "payload": "/affirm"},
]
OPTIONS_TEXT = "Did that help? You can also see more, or narrow it down."
CRISIS = {
    "type": "crisis",
    "category": "C1",
    "nation": "wales",
    "language": "en",
    "contacts": [
        {
            "id": "emergency",
            "name": "Emergency services",
            "phone": "999",
            "tel": "999",
            "sms": None,
            "sms_body": None,
            "url": None,
            "hours": "24 hours, every day",
            "description": "Police, ambulance.",
        },
        {
            "id": "samaritans",
            "name": "Samaritans",
            "phone": "116 123",
            "tel": "116123",
            "sms": None,
            "sms_body": None,
            "url": "https://www.samaritans.org",
            "hours": "24 hours, every day",
            "description": "Free, confidential listening.",
        },
    ],
}
CRISIS_TEXT = "I'm really glad you told me.\n\n- Emergency services: call 999\n- Samaritans: call 116 123"
QUICK = [
    {"content_type": "text", "title": "Show more", "payload": "/ask_more_results"},
    {"content_type": "text", "title": "That helped", "payload": "/affirm"},
]

# Rasa utterances ({"text", "buttons", "custom"}) the scripted bot sends for each message.
SCRIPT: dict[str, list[dict[str, Any]]] = {
    "search": [{"text": SEARCH_TEXT, "custom": SERVICES_PAGE_1}, {"text": OPTIONS_TEXT, "buttons": OPTIONS}],
    "more": [{"text": MORE_TEXT, "custom": SERVICES_PAGE_2}],
    "crisis": [{"text": CRISIS_TEXT, "custom": CRISIS}],
    "crisis-cy": [
        {
            "text": "Rwy'n falch iawn eich bod chi wedi dweud wrtha i.",
            "custom": {**CRISIS, "language": "cy", "contacts": CRISIS["contacts"][1:]},
        }
    ],
}
SYSTEM_ERROR = (
    "Sorry, something went wrong on our side and I could not answer. Please try again in a "
    "minute. If you or your baby are in danger now, call 999. You can call Samaritans free, day "
    "or night, on 116 123."
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class FakeProcessor:
    """Stands in for Rasa's MessageProcessor: what runs when the lock store is down."""

    async def handle_message(self, message: UserMessage) -> None:
        await message.output_channel.send_text_message(message.sender_id, f"answered: {message.text}")


@dataclass
class FakeAgent:
    tracker_store: InMemoryTrackerStore
    processor: FakeProcessor = field(default_factory=FakeProcessor)

    async def handle_message(self, message: UserMessage) -> None:
        """What rasa's registered handler calls (used by the CORS tests' servers)."""
        await message.output_channel.send_text_message(message.sender_id, "ok")


@dataclass
class Server:
    url: str
    store: InMemoryTrackerStore
    received: list[UserMessage]


async def start_app(app: Sanic) -> Any:
    port = free_port()
    srv = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    assert srv is not None
    await srv.startup()
    app.ctx.test_url = f"http://127.0.0.1:{port}"
    return srv


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def server() -> AsyncIterator[Server]:
    channel = WebChatInput.from_credentials({"session_persistence": True, "allowed_origins": "*"})
    app = Sanic(f"webchat_test_{uuid.uuid4().hex[:8]}")
    store = InMemoryTrackerStore(Domain.empty())
    app.ctx.agent = FakeAgent(store)
    received: list[UserMessage] = []

    async def scripted_bot(message: UserMessage) -> None:
        received.append(message)
        out = message.output_channel
        if message.text == "lock":
            raise LockError("Could not acquire lock")  # what Rasa raises when Redis is unreachable
        if message.text == "boom":
            raise RuntimeError("the action server is down")
        if message.text == "silent":
            return
        if message.text in SCRIPT:
            for utterance in SCRIPT[message.text]:
                await out.send_response(message.sender_id, dict(utterance))
            return
        tracker = await store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text))
        buttons = [{"title": "Find support", "payload": "/find_support"}]
        await out.send_text_with_buttons(message.sender_id, f"echo: {message.text}", buttons)
        tracker.update(BotUttered(f"echo: {message.text}", {"buttons": buttons}))
        await store.save(tracker)

    register_with(app, channel, scripted_bot)
    srv = await start_app(app)
    yield Server(app.ctx.test_url, store, received)
    srv.close()
    await srv.wait_closed()


def register_with(app: Sanic, channel: WebChatInput, handler: Any) -> None:
    """Like rasa.core.channels.channel.register, with our own message handler."""
    app.blueprint(channel.blueprint(handler), url_prefix="/webhooks/webchat")
    app.ctx.input_channels = [channel]


@dataclass
class Client:
    sio: socketio.AsyncClient
    inbox: asyncio.Queue
    errors: asyncio.Queue
    confirmed: asyncio.Queue

    async def say(self, text: str) -> None:
        await self.sio.emit("user_uttered", {"message": text})

    async def replies(self, count: int) -> list[Any]:
        return [await get(self.inbox) for _ in range(count)]

    async def no_more(self) -> None:
        """The turn is over: a probe message's echo is the next thing to arrive."""
        await self.say("probe")
        assert (await get(self.inbox))["text"] == "echo: probe"


async def connect(url: str) -> Client:
    sio = socketio.AsyncClient()
    client = Client(sio, asyncio.Queue(), asyncio.Queue(), asyncio.Queue())
    sio.on("bot_uttered", client.inbox.put)
    sio.on("webchat_error", client.errors.put)
    sio.on("session_confirm", client.confirmed.put)
    await sio.connect(url, transports=["polling"])
    return client


async def client(url: str, session_id: str | None, custom: dict | None = PLAIN) -> tuple[Client, str]:
    c = await connect(url)
    request: dict[str, Any] = {"session_id": session_id}
    if custom is not None:
        request["customData"] = custom
    await c.sio.emit("session_request", request)
    return c, await get(c.confirmed)


async def close(c: Client | socketio.AsyncClient) -> None:
    """Leave without waiting for the long-poll to time out (polling transport)."""
    sio = c.sio if isinstance(c, Client) else c
    await sio.eio.disconnect(abort=True)


async def get(queue: asyncio.Queue) -> Any:
    return await asyncio.wait_for(queue.get(), 5)


def http(
    url: str, body: object | None = None, headers: dict | None = None, method: str | None = None
) -> tuple[int, Any, Any]:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.status, resp.read().decode(), resp.headers
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode(), err.headers


def http_post(url: str, body: object) -> tuple[int, Any]:
    status, text, _ = http(url, body)
    return status, json.loads(text)


# ---------- what each kind of client receives ----------

WIDGET_GETS = {
    "search": [
        {"text": "Here is support near Brecon:"},
        SERVICES_PAGE_1,
        {"text": OPTIONS_TEXT, "quick_replies": QUICK},
    ],
    "more": [SERVICES_PAGE_2],
    "crisis": [{"text": "I'm really glad you told me."}, CRISIS],
}
PLAIN_GETS = {
    "search": [
        {"text": "Here is support near Brecon:"},
        {
            "text": "1. Mums Matter (Powys Mind)\nWhat it is: A free course for mums.\n"
            "Who it's for: Mums in Powys\nPhone: 01597 824411\nWebsite: https://www.powysmind.org\n"
            "Cost: Free\nHow: group\n"
            "When: Tuesdays\nArea: Powys"
        },
        {
            "text": "2. PANDAS Foundation\nWhat it is: Peer support.\nWho it's for: Parents\n"
            "Website: https://pandasfoundation.org.uk\nCost: Free\nHow: online\nArea: UK"
        },
        {"text": OPTIONS_TEXT, "quick_replies": QUICK},
    ],
    "more": [
        {"text": "Services that may help:"},
        {
            "text": "3. Home-Start Powys\nWhat it is: Home visits.\nWho it's for: Families\n"
            "Website: https://www.home-start.org.uk\nCost: Free\nHow: one_to_one\nArea: Powys"
        },
    ],
    "crisis": [
        {"text": "I'm really glad you told me."},
        {
            "text": "Who you can contact:\n"
            "• Emergency services: call 999 (24 hours, every day)\n  Police, ambulance.\n"
            "• Samaritans: call 116 123 (24 hours, every day)\n  Free, confidential listening.\n"
            "  https://www.samaritans.org"
        },
    ],
}


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("turn", ["search", "more", "crisis"])
async def test_the_project_widget_gets_the_intro_and_the_card_once(server: Server, turn: str) -> None:
    c, _ = await client(server.url, str(uuid.uuid4()), WIDGET)
    await c.say(turn)
    assert await c.replies(len(WIDGET_GETS[turn])) == WIDGET_GETS[turn]
    await c.no_more()
    await close(c)


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("turn", ["search", "more", "crisis"])
async def test_a_client_without_cards_gets_every_detail_as_text(server: Server, turn: str) -> None:
    """rasa-webchat used to get 'Here is support near Brecon:' and nothing else."""
    c, _ = await client(server.url, str(uuid.uuid4()), PLAIN)
    await c.say(turn)
    assert await c.replies(len(PLAIN_GETS[turn])) == PLAIN_GETS[turn]
    await c.no_more()  # and no raw payload after the text
    await close(c)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_welsh_crisis_card_is_written_in_welsh_for_a_client_without_cards(server: Server) -> None:
    c, _ = await client(server.url, str(uuid.uuid4()), PLAIN)
    await c.say("crisis-cy")
    assert await c.replies(2) == [
        {"text": "Rwy'n falch iawn eich bod chi wedi dweud wrtha i."},
        {
            "text": "Pwy allwch chi gysylltu â nhw:\n• Samaritans: ffoniwch 116 123 (24 hours, every day)\n"
            "  Free, confidential listening.\n  https://www.samaritans.org"
        },
    ]
    await close(c)


# ---------- every message gets an answer ----------


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("text", ["boom", "silent"])
async def test_a_failed_or_silent_turn_gets_the_kind_error_reply(server: Server, text: str) -> None:
    c, _ = await client(server.url, str(uuid.uuid4()), WIDGET)
    await c.say(text)
    assert await c.replies(1) == [{"text": SYSTEM_ERROR}]
    await c.no_more()
    await close(c)


@pytest.mark.asyncio(loop_scope="module")
async def test_with_the_lock_store_down_the_message_is_still_answered(server: Server) -> None:
    c, _ = await client(server.url, str(uuid.uuid4()), WIDGET)
    await c.say("lock")
    assert await c.replies(1) == [{"text": "answered: lock"}]
    await close(c)


# ---------- protocol ----------


@pytest.mark.asyncio(loop_scope="module")
async def test_reply_reaches_a_persistent_session(server: Server) -> None:
    """Rasa 3.6's un-awaited enter_room loses every reply; ours delivers them."""
    session_id = str(uuid.uuid4())
    c, confirmed = await client(server.url, session_id)
    assert confirmed == session_id
    await c.sio.emit("user_uttered", {"message": "hello", "session_id": session_id})
    assert await get(c.inbox) == {
        "text": "echo: hello",
        "quick_replies": [{"content_type": "text", "title": "Find support", "payload": "/find_support"}],
    }
    assert server.received[-1].sender_id == session_id
    assert server.received[-1].input_channel == "webchat"
    await close(c)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_message_before_session_request_starts_the_session_and_is_answered(server: Server) -> None:
    c = await connect(server.url)
    await c.say("hello")
    session_id = await get(c.confirmed)
    assert valid_session_id(session_id)
    assert (await get(c.inbox))["text"] == "echo: hello"
    assert server.received[-1].sender_id == session_id
    await close(c)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_bare_session_request_gets_a_new_session(server: Server) -> None:
    c = await connect(server.url)
    await c.sio.emit("session_request")
    assert valid_session_id(await get(c.confirmed))
    await c.say("hello")
    assert (await get(c.inbox))["text"] == "echo: hello"
    await close(c)


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("data", [None, "hello", {"text": "hello"}, {"message": 5}])
async def test_a_malformed_message_gets_an_error_event(server: Server, data: Any) -> None:
    c, _ = await client(server.url, str(uuid.uuid4()))
    if data is None:
        await c.sio.emit("user_uttered")
    else:
        await c.sio.emit("user_uttered", data)
    assert await get(c.errors) == {
        "error": "bad_message",
        "message": '`user_uttered` needs a JSON object like {"message": "hello"}.',
    }
    await c.no_more()
    await close(c)


@pytest.mark.asyncio(loop_scope="module")
async def test_an_empty_message_is_answered_like_rest(server: Server) -> None:
    c, _ = await client(server.url, str(uuid.uuid4()))
    await c.say("  ")
    assert (await get(c.inbox))["text"] == "echo: /nlu_fallback"
    await close(c)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_second_socket_on_the_same_session_gets_replies(server: Server) -> None:
    """After a reload the new socket rejoins the session's room."""
    session_id = str(uuid.uuid4())
    first, _ = await client(server.url, session_id)
    await close(first)
    second, _ = await client(server.url, session_id)
    await second.sio.emit("user_uttered", {"message": "again", "session_id": session_id})
    assert (await get(second.inbox))["text"] == "echo: again"
    await close(second)


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("weak", [None, "alice", "1", "x" * 31, "../../etc", "<script>"])
async def test_guessable_session_ids_are_replaced(server: Server, weak: str | None) -> None:
    c, confirmed = await client(server.url, weak)
    assert confirmed != weak
    assert valid_session_id(confirmed)
    await close(c)


@pytest.mark.asyncio(loop_scope="module")
async def test_message_goes_to_the_socket_s_own_session_not_the_claimed_one(server: Server) -> None:
    mine, victim = str(uuid.uuid4()), str(uuid.uuid4())
    c, _ = await client(server.url, mine)
    await c.sio.emit("user_uttered", {"message": "hi", "session_id": victim})
    await get(c.inbox)
    assert server.received[-1].sender_id == mine
    await close(c)


@pytest.mark.asyncio(loop_scope="module")
async def test_history_returns_the_conversation_with_button_titles(server: Server) -> None:
    session_id = str(uuid.uuid4())
    c, _ = await client(server.url, session_id, WIDGET)
    await c.say("hello")
    await get(c.inbox)
    await c.say("/find_support")
    await get(c.inbox)
    await close(c)
    status, body = await asyncio.to_thread(
        http_post, server.url + "/webchat/history", {"session_id": session_id}
    )
    assert status == 200
    shown = [(m["sender"], m.get("text") or m["data"]["text"]) for m in body["messages"]]
    assert shown == [
        ("user", "hello"),
        ("bot", "echo: hello"),
        ("user", "Find support"),
        ("bot", "echo: /find_support"),
    ]


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("body", [{}, {"session_id": "alice"}, {"session_id": 5}])
async def test_history_refuses_guessable_ids(server: Server, body: dict) -> None:
    status, _ = await asyncio.to_thread(http_post, server.url + "/webchat/history", body)
    assert status == 400


@pytest.mark.asyncio(loop_scope="module")
async def test_demo_page_and_static_files_are_served(server: Server) -> None:
    def fetch(path: str) -> tuple[int, str, dict]:
        with urllib.request.urlopen(server.url + path, timeout=5) as resp:
            return resp.status, resp.read().decode(), dict(resp.headers)

    status, page, headers = await asyncio.to_thread(fetch, "/webchat/")
    assert status == 200
    assert "widget.js" in page and "{{" not in page
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    for path in (
        "/webchat/static/widget.js",
        "/webchat/static/widget.css",
        "/webchat/static/vendor/socket.io.min.js",
    ):
        assert (await asyncio.to_thread(fetch, path))[0] == 200
    status, body, _ = await asyncio.to_thread(fetch, "/webchat/contacts.json")
    assert [c["tel"] for c in json.loads(body)["sets"]["uk"] if c["tel"]][:1] == ["999"]


def test_the_project_widget_asks_for_cards() -> None:
    """widget.js sends the flag in every session_request, so it gets card payloads."""
    source = (Path(contacts_mod.__file__).parent / "static" / "widget.js").read_text()
    requests = re.findall(r'emit\("session_request", (\{[^}]*\}[^)]*)\)', source)
    assert requests and all("customData: { cards: true }" in r for r in requests)


def test_restored_conversation_shows_each_service_once() -> None:
    assert socket_messages(MORE_TEXT, {"custom": SERVICES_PAGE_2}, cards=True) == [SERVICES_PAGE_2]
    buttons = [{"title": "Yes", "payload": "/affirm"}]
    assert socket_messages(
        "one\n\ntwo", {"buttons": buttons, "custom": {"type": "crisis", "contacts": []}}, cards=True
    ) == [
        {"text": "one"},
        {"text": "two", "quick_replies": [{"content_type": "text", "title": "Yes", "payload": "/affirm"}]},
        {"type": "crisis", "contacts": []},
    ]


def test_conversation_skips_internal_events() -> None:
    tracker = DialogueStateTracker.from_events("s", [UserUttered("hi"), BotUttered("hello")])
    events = [e.as_dict() for e in tracker.events]
    events.insert(0, {"event": "action", "name": "action_session_start", "timestamp": 1.0})
    assert [(m["sender"]) for m in conversation_from_events(events)] == ["user", "bot"]


# ---------- allowed origins (CORS) ----------


@pytest_asyncio.fixture(loop_scope="module")
async def cors_server(request: pytest.FixtureRequest) -> AsyncIterator[str]:
    """A server with the given allowed origins and Rasa's --cors value, set up as `rasa run` does."""
    allowed, rasa_cors = request.param
    app = Sanic(f"webchat_cors_{uuid.uuid4().hex[:8]}")
    configure_cors(app, rasa_cors)  # what `rasa run --cors ...` does (nothing for None)
    app.ctx.agent = FakeAgent(InMemoryTrackerStore(Domain.empty()))
    register([WebChatInput.from_credentials({"allowed_origins": allowed})], app, "/webhooks/")
    srv = await start_app(app)
    yield app.ctx.test_url
    srv.close()
    await srv.wait_closed()


SITE = "http://127.0.0.1:8123"
OTHER = "http://evil.example"
SETUPS = [("*", None), ("*", "*"), (f"{SITE}, https://b.example", None), (f"{SITE}, https://b.example", "*")]


def allow_origin(headers: Any) -> list[str]:
    return headers.get_all("Access-Control-Allow-Origin") or []


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize(
    "cors_server", SETUPS, indirect=True, ids=["any", "any+rasa-cors", "list", "list+rasa-cors"]
)
async def test_an_allowed_site_gets_exactly_one_allow_origin_header(cors_server: str) -> None:
    for path, method, body in [
        ("/socket.io/?EIO=4&transport=polling", "GET", None),
        ("/webchat/strings.json", "GET", None),
        ("/webchat/history", "OPTIONS", None),
        ("/webchat/history", "POST", {"session_id": uuid.uuid4().hex}),
    ]:
        status, _, headers = await asyncio.to_thread(
            http, cors_server + path, body, {"Origin": SITE, "Access-Control-Request-Method": "POST"}, method
        )
        assert status < 300, (path, method, status)
        assert allow_origin(headers) == [SITE], (path, method)


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("cors_server", SETUPS[2:], indirect=True, ids=["list", "list+rasa-cors"])
async def test_a_site_not_in_the_list_is_refused(cors_server: str) -> None:
    status, body, headers = await asyncio.to_thread(
        http, cors_server + "/socket.io/?EIO=4&transport=polling", None, {"Origin": OTHER}
    )
    assert status == 403 and "WEBCHAT_ALLOWED_ORIGINS" in body
    status, _, headers = await asyncio.to_thread(
        http, cors_server + "/webchat/strings.json", None, {"Origin": OTHER}
    )
    assert allow_origin(headers) == []


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("cors_server", [(f"{SITE}", None)], indirect=True)
async def test_the_server_s_own_demo_page_is_always_allowed(cors_server: str) -> None:
    status, _, _ = await asyncio.to_thread(
        http, cors_server + "/socket.io/?EIO=4&transport=polling", None, {"Origin": cors_server}
    )
    assert status == 200


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("cors_server", [("*", None)], indirect=True)
async def test_a_plain_client_from_another_site_chats_over_polling(cors_server: str) -> None:
    sio = socketio.AsyncClient()
    inbox: asyncio.Queue = asyncio.Queue()
    sio.on("bot_uttered", inbox.put)
    await sio.connect(cors_server, transports=["polling"], headers={"Origin": OTHER})
    await sio.emit("user_uttered", {"message": "hi"})
    assert await get(inbox) == {"text": "ok"}
    await close(sio)


# ---------- next to Rasa's stock socketio channel ----------


@pytest.mark.parametrize("order", ["stock first", "ours first"])
def test_a_stock_socketio_block_on_the_same_path_is_refused_with_the_fix(order: str) -> None:
    app = Sanic(f"webchat_stock_{uuid.uuid4().hex[:8]}")
    channels = [SocketIOInput(), WebChatInput.from_credentials({})]
    if order == "ours first":
        channels.reverse()
    fix = r"Remove the `socketio:` block, or give it another `socketio_path:`"
    with pytest.raises(WebChatConfigError, match=fix):
        register(channels, app, "/webhooks/")


def test_a_stock_socketio_block_on_another_path_starts() -> None:
    app = Sanic(f"webchat_stock_{uuid.uuid4().hex[:8]}")
    stock = SocketIOInput(socketio_path="/stock-socket.io")
    register([WebChatInput.from_credentials({}), stock], app, "/webhooks/")
    paths = {route.path.strip("/") for route in app.router.routes}
    assert {"socket.io", "stock-socket.io"} <= paths


# ---------- contacts shipped with the page ----------


def test_uk_set_has_both_111_wordings_and_nation_sets_only_their_own() -> None:
    sets = contacts_mod.load_contacts()["sets"]
    uk = [c["id"] for c in sets["uk"]]
    assert {"emergency", "nhs111_england", "nhs111_wales", "samaritans"} <= set(uk)
    assert "nhs111_england" not in [c["id"] for c in sets["wales"]]
    assert "nhs111_wales" not in [c["id"] for c in sets["england"]]


def test_unverified_numbers_are_never_shown() -> None:
    for contacts in contacts_mod.load_contacts()["sets"].values():
        for card in contacts:
            if card.get("phone"):
                assert card["tel"], card["id"]


def test_an_unreadable_contacts_file_falls_back_to_the_baked_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.safety.contacts import ContactsError

    def broken(*_: object, **__: object) -> dict:
        raise ContactsError("contacts.yml: broken")

    monkeypatch.setattr(contacts_mod, "web_document", broken)
    assert contacts_mod.load_contacts() == contacts_mod.load_fallback()


def test_baked_copy_matches_the_contacts_file() -> None:
    """H2: the fallback must say what data/safety/contacts.yml says (numbers and order)."""
    real = contacts_mod.load_contacts()["sets"]
    baked = contacts_mod.load_fallback()["sets"]
    for nation in ("uk", "england", "wales"):
        assert baked[nation] == real[nation], nation


def test_widget_last_resort_numbers_are_verified_contacts() -> None:
    """widget.js carries a tiny last-resort set for an embed whose server went down before
    contacts.json loaded; each number in it must be a verified number from the contacts file."""
    from bot.safety.contacts import CONTACTS_FILE

    source = (Path(contacts_mod.__file__).parent / "static" / "widget.js").read_text()
    baked = source.split("var BAKED", 1)[1].split("};", 1)[0]
    numbers = set(re.findall(r'(?:tel|sms): "(\d+)"', baked))
    entries = yaml.safe_load(CONTACTS_FILE.read_text())["contacts"]
    verified = {str(e.get(k)) for e in entries if e.get("status") == "V" for k in ("tel", "sms") if e.get(k)}
    assert numbers and numbers <= verified
