"""The web chat channel, in process: a real Sanic server and a real socket.io client.

No model is needed: the channel's message handler is replaced by an echo bot that
answers through the channel's own output (text, buttons, crisis card).
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import urllib.request
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
import socketio
import yaml
from rasa.core.channels.channel import UserMessage, register
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sanic import Sanic

from bot.channels.webchat import (
    WebChatInput,
    bot_messages,
    conversation_from_events,
    valid_session_id,
)
from bot.webchat import contacts as contacts_mod

CRISIS = {
    "type": "crisis", "category": "C1", "nation": "wales",
    "contacts": [{"id": "samaritans", "name": "Samaritans", "phone": "116 123", "tel": "116123",
                  "sms": None, "sms_body": None, "url": "https://www.samaritans.org",
                  "hours": "24 hours, every day", "description": "Free"}],
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class FakeAgent:
    tracker_store: InMemoryTrackerStore


@dataclass
class Server:
    url: str
    store: InMemoryTrackerStore
    received: list[UserMessage]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def server() -> AsyncIterator[Server]:
    channel = WebChatInput.from_credentials({"session_persistence": True, "allowed_origins": "*"})
    app = Sanic(f"webchat_test_{uuid.uuid4().hex[:8]}")
    store = InMemoryTrackerStore(Domain.empty())
    app.ctx.agent = FakeAgent(store)
    received: list[UserMessage] = []

    async def echo_bot(message: UserMessage) -> None:
        received.append(message)
        tracker = await store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text))
        out = message.output_channel
        if message.text == "crisis":
            await out.send_text_message(message.sender_id, "Please call Samaritans on 116 123.")
            await out.send_custom_json(message.sender_id, dict(CRISIS))
            tracker.update(BotUttered("Please call Samaritans on 116 123.", {"custom": CRISIS}))
        else:
            buttons = [{"title": "Find support", "payload": "/find_support"}]
            await out.send_text_with_buttons(message.sender_id, f"echo: {message.text}", buttons)
            tracker.update(BotUttered(f"echo: {message.text}", {"buttons": buttons}))
        await store.save(tracker)

    app.ctx.agent_handler = echo_bot
    register_with(app, channel, echo_bot)
    port = free_port()
    srv = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    assert srv is not None
    await srv.startup()
    yield Server(f"http://127.0.0.1:{port}", store, received)
    srv.close()
    await srv.wait_closed()


def register_with(app: Sanic, channel: WebChatInput, handler: Any) -> None:
    """Like rasa.core.channels.channel.register, with our own message handler."""
    app.blueprint(channel.blueprint(handler), url_prefix="/webhooks/webchat")
    app.ctx.input_channels = [channel]
    assert register  # the real one is used by `rasa run`; same url prefix


async def client(url: str, session_id: str | None) -> tuple[socketio.AsyncClient, asyncio.Queue, str]:
    sio = socketio.AsyncClient()
    inbox: asyncio.Queue = asyncio.Queue()
    confirmed: asyncio.Future = asyncio.get_running_loop().create_future()

    @sio.on("bot_uttered")
    async def on_bot(data: Any) -> None:
        await inbox.put(data)

    @sio.on("session_confirm")
    async def on_confirm(data: Any) -> None:
        if not confirmed.done():
            confirmed.set_result(data)

    await sio.connect(url, transports=["polling"])
    await sio.emit("session_request", {"session_id": session_id})
    sid = await asyncio.wait_for(confirmed, 5)
    return sio, inbox, sid


async def close(sio: socketio.AsyncClient) -> None:
    """Leave without waiting for the long-poll to time out (polling transport)."""
    await sio.eio.disconnect(abort=True)


async def get(queue: asyncio.Queue) -> Any:
    return await asyncio.wait_for(queue.get(), 5)


def http_post(url: str, body: object) -> tuple[int, Any]:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


@pytest.mark.asyncio(loop_scope="module")
async def test_reply_reaches_a_persistent_session(server: Server) -> None:
    """Rasa 3.6's un-awaited enter_room loses every reply; ours delivers them."""
    session_id = str(uuid.uuid4())
    sio, inbox, confirmed = await client(server.url, session_id)
    assert confirmed == session_id
    await sio.emit("user_uttered", {"message": "hello", "session_id": session_id})
    assert await get(inbox) == {
        "text": "echo: hello",
        "quick_replies": [{"content_type": "text", "title": "Find support", "payload": "/find_support"}],
    }
    assert server.received[0].sender_id == session_id
    assert server.received[0].input_channel == "webchat"
    await close(sio)


@pytest.mark.asyncio(loop_scope="module")
async def test_custom_payload_is_sent_as_is(server: Server) -> None:
    session_id = str(uuid.uuid4())
    sio, inbox, _ = await client(server.url, session_id)
    await sio.emit("user_uttered", {"message": "crisis", "session_id": session_id})
    assert await get(inbox) == {"text": "Please call Samaritans on 116 123."}
    assert await get(inbox) == CRISIS
    await close(sio)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_second_socket_on_the_same_session_gets_replies(server: Server) -> None:
    """After a reload the new socket rejoins the session's room."""
    session_id = str(uuid.uuid4())
    first, _, _ = await client(server.url, session_id)
    await close(first)
    second, inbox, _ = await client(server.url, session_id)
    await second.emit("user_uttered", {"message": "again", "session_id": session_id})
    assert (await get(inbox))["text"] == "echo: again"
    await close(second)


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("weak", [None, "alice", "1", "x" * 31, "../../etc", "<script>"])
async def test_guessable_session_ids_are_replaced(server: Server, weak: str | None) -> None:
    sio, _, confirmed = await client(server.url, weak)
    assert confirmed != weak
    assert valid_session_id(confirmed)
    await close(sio)


@pytest.mark.asyncio(loop_scope="module")
async def test_message_goes_to_the_socket_s_own_session_not_the_claimed_one(server: Server) -> None:
    mine, victim = str(uuid.uuid4()), str(uuid.uuid4())
    sio, inbox, _ = await client(server.url, mine)
    await sio.emit("user_uttered", {"message": "hi", "session_id": victim})
    await get(inbox)
    assert server.received[-1].sender_id == mine
    await close(sio)


@pytest.mark.asyncio(loop_scope="module")
async def test_history_returns_the_conversation_with_button_titles(server: Server) -> None:
    session_id = str(uuid.uuid4())
    sio, inbox, _ = await client(server.url, session_id)
    await sio.emit("user_uttered", {"message": "hello", "session_id": session_id})
    await get(inbox)
    await sio.emit("user_uttered", {"message": "/find_support", "session_id": session_id})
    await get(inbox)
    await close(sio)
    status, body = await asyncio.to_thread(http_post, server.url + "/webchat/history", {"session_id": session_id})
    assert status == 200
    shown = [(m["sender"], m.get("text") or m["data"]["text"]) for m in body["messages"]]
    assert shown == [
        ("user", "hello"), ("bot", "echo: hello"),
        ("user", "Find support"), ("bot", "echo: /find_support"),
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
    for path in ("/webchat/static/widget.js", "/webchat/static/widget.css", "/webchat/static/vendor/socket.io.min.js"):
        assert (await asyncio.to_thread(fetch, path))[0] == 200
    status, body, _ = await asyncio.to_thread(fetch, "/webchat/contacts.json")
    assert [c["tel"] for c in json.loads(body)["sets"]["uk"] if c["tel"]][:1] == ["999"]


def test_bot_messages_mirror_rasa_socketio_output() -> None:
    buttons = [{"title": "Yes", "payload": "/affirm"}]
    assert bot_messages("one\n\ntwo", {"buttons": buttons, "custom": {"type": "crisis", "contacts": []}}) == [
        {"text": "one"},
        {"text": "two", "quick_replies": [{"content_type": "text", "title": "Yes", "payload": "/affirm"}]},
        {"type": "crisis", "contacts": []},
    ]


def test_service_cards_are_not_repeated_as_text() -> None:
    text = "Here is support near Brecon:\n\n1. Mums Matter\nA course.\n\n2. PANDAS"
    assert bot_messages(text, {"custom": {"type": "services", "services": []}}) == [
        {"text": "Here is support near Brecon:"},
        {"type": "services", "services": []},
    ]


def test_conversation_skips_internal_events() -> None:
    tracker = DialogueStateTracker.from_events("s", [UserUttered("hi"), BotUttered("hello")])
    events = [e.as_dict() for e in tracker.events]
    events.insert(0, {"event": "action", "name": "action_session_start", "timestamp": 1.0})
    assert [(m["sender"]) for m in conversation_from_events(events)] == ["user", "bot"]


# ---------- contacts shipped with the page ----------

SAMPLE = {
    "contacts": [
        {"id": "emergency", "name": "Emergency", "phone": "999", "tel": "999", "nations": ["uk"], "status": "V"},
        {"id": "nhs111_england", "name": "NHS 111", "phone": "111", "tel": "111", "nations": ["england"], "status": "V"},
        {"id": "nhs111_wales", "name": "NHS 111 Wales", "phone": "111", "tel": "111", "nations": ["wales"], "status": "V"},
        {"id": "samaritans", "name": "Samaritans", "phone": "116 123", "tel": "116123", "nations": ["uk"], "status": "V"},
        {"id": "samaritans_welsh", "name": "Samaritans Welsh Language Line", "phone": "0808 164 0123",
         "tel": "08081640123", "nations": ["wales"], "status": "U", "url": "https://www.samaritans.org"},
        {"id": "shout", "name": "Shout", "sms": "85258", "sms_body": "SHOUT", "nations": ["uk"], "status": "V"},
        {"id": "pandas", "name": "PANDAS", "phone": "0808 1961 776", "tel": "08081961776", "status": "U",
         "url": "https://pandasfoundation.org.uk", "nations": ["uk"]},
    ]
}


def test_uk_set_has_both_111_wordings_and_nation_sets_only_their_own() -> None:
    sets = contacts_mod.build_contacts(SAMPLE)["sets"]
    assert [c["id"] for c in sets["uk"]] == ["emergency", "nhs111_england", "nhs111_wales", "samaritans", "shout"]
    assert [c["id"] for c in sets["wales"]] == ["emergency", "nhs111_wales", "samaritans", "shout"]
    assert [c["id"] for c in sets["england"]] == ["emergency", "nhs111_england", "samaritans", "shout"]


def test_unverified_numbers_are_never_shown() -> None:
    card = contacts_mod.to_card_contact(SAMPLE["contacts"][-1])
    assert card["phone"] is None and card["tel"] is None and card["url"] == "https://pandasfoundation.org.uk"


def test_missing_file_falls_back_to_the_baked_copy(tmp_path: Path) -> None:
    assert contacts_mod.load_contacts(tmp_path / "nope.yml") == contacts_mod.load_fallback()


def test_baked_copy_matches_the_contacts_file() -> None:
    """H2: the fallback must say what data/safety/contacts.yml says (numbers and order)."""
    if not contacts_mod.CONTACTS_FILE.exists():
        pytest.skip("data/safety/contacts.yml not written yet")
    real = contacts_mod.build_contacts(yaml.safe_load(contacts_mod.CONTACTS_FILE.read_text()))["sets"]
    baked = contacts_mod.load_fallback()["sets"]
    for nation in ("uk", "england", "wales"):
        assert baked[nation] == real[nation], nation


def test_widget_last_resort_numbers_are_verified_contacts() -> None:
    """widget.js carries a tiny last-resort set for an embed whose server went down before
    contacts.json loaded; each number in it must be a verified number from the contacts file."""
    if not contacts_mod.CONTACTS_FILE.exists():
        pytest.skip("data/safety/contacts.yml not written yet")
    source = (Path(contacts_mod.__file__).parent / "static" / "widget.js").read_text()
    baked = source.split("var BAKED", 1)[1].split("};", 1)[0]
    numbers = set(re.findall(r'(?:tel|sms): "(\d+)"', baked))
    entries = yaml.safe_load(contacts_mod.CONTACTS_FILE.read_text())["contacts"]
    verified = {str(e.get(k)) for e in entries if e.get("status") == "V" for k in ("tel", "sms") if e.get(k)}
    assert numbers and numbers <= verified
