"""The Telegram channel on a bare Sanic app, a fake Rasa and the Bot API stand-in.

The real Rasa server is exercised in tests/integration/telegram; here every
branch of the channel (inbox, outbox, cards, commands) runs in one event loop, fast.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from bot.cards import render_card
from bot.telegram import texts
from bot.telegram.channel import SECRET_HEADER, TelegramInput
from tests.integration.telegram import telegram_updates_examples as ex
from tests.integration.telegram.telegram_standin import TOKEN, BotApiStandIn

SECRET = "unit-secret_token-123"
LONG_PAYLOAD = '/inform{"location": "' + "Llanfair Caereinion and district " * 3 + '"}'
pytestmark = pytest.mark.asyncio
Sanic.test_mode = True


@dataclass
class Harness:
    channel: TelegramInput
    api: BotApiStandIn
    url: str
    received: list[UserMessage] = field(default_factory=list)
    session: aiohttp.ClientSession | None = None

    async def post(self, body: Any, secret: str | bytes | None = SECRET) -> int:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers: dict[str, Any] = {"Content-Type": "application/json"}
        if secret is not None:
            headers[SECRET_HEADER] = secret
        assert self.session is not None
        async with self.session.post(self.url, data=data, headers=headers) as resp:
            return resp.status

    async def settle(self, timeout: float = 30.0) -> None:
        """Every update handled and every reply delivered (or refused for good)."""
        await asyncio.sleep(0)
        assert await self.channel.settle(timeout), self.channel.store.counts()

    async def until(self, predicate: Any, timeout: float = 30.0) -> None:
        """Poll until ``predicate()`` holds (fails the test at the deadline)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not predicate():
            assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
            await asyncio.sleep(0.05)


MUMS = {
    "id": "mums-matter",
    "name": "Mums Matter (Brecon & District Mind)",
    "organisation": "Brecon & District Mind",
    "description": "A course for mums",
    "audience": "Mums",
    "phone": "01874 611529",
    "tel": "01874611529",
    "email": None,
    "url": "https://example.org/mums",
    "cost": "Free",
    "mode": "in person",
    "schedule": "Weekly",
    "area": "Brecon",
}
WALK = {
    "id": "walk",
    "name": "Walk and Talk",
    "organisation": "Powys Walks",
    "description": "A weekly walk",
    "audience": None,
    "phone": None,
    "tel": None,
    "email": None,
    "url": None,
    "cost": "Free",
    "mode": "in person",
    "schedule": None,
    "area": "Powys",
}
CRISIS_CARD = {
    "type": "crisis",
    "category": "C1",
    "nation": "wales",
    "language": "en",
    "contacts": [
        {
            "id": "emergency",
            "name": "Emergency",
            "phone": "999",
            "hours": "24/7",
            "description": "If you are in danger now",
        },
        {"id": "samaritans", "name": "Samaritans", "phone": "116 123", "hours": "24/7"},
    ],
}
# What the action server sends (bot/directory/signposting.py): the list in the text too, for channels without cards.
SEARCH_TEXT = (
    "Here is support near Brecon:\n\n1. Mums Matter (Brecon & District Mind)\nA course for mums\n"
    "For: Mums\nContact: call 01874 611529\n\n2. Walk and Talk (Powys Walks)\nA weekly walk"
)
MORE_TEXT = "3. Walk and Talk (Powys Walks)\nA weekly walk"
CRISIS_TEXT = (
    "I'm really glad you told me.\n\n- Emergency: call 999 (24/7)\n- Samaritans: call 116 123, free\n\n"
    "Someone may see this screen."
)
OPTIONS = {"text": "Did that help?", "buttons": [{"title": "Show more", "payload": "/ask_more_results"}]}


async def fake_rasa(message: UserMessage) -> None:
    """Answers like the bot would, through the channel's own output channel."""
    out = message.output_channel
    text = message.text or ""
    if text == "buttons":
        await out.send_response(
            message.sender_id,
            {
                "text": "Pick one",
                "buttons": [
                    {"title": "Yes", "payload": "/affirm"},
                    {"title": "Long one", "payload": LONG_PAYLOAD},
                ],
            },
        )
    elif text == "crisis":
        await out.send_response(message.sender_id, {"text": CRISIS_TEXT, "custom": CRISIS_CARD})
    elif text == "Brecon":
        await out.send_response(
            message.sender_id,
            {
                "text": SEARCH_TEXT,
                "custom": {"type": "services", "services": [MUMS, WALK], "more": True, "local": True},
            },
        )
        await out.send_response(message.sender_id, dict(OPTIONS))
    elif text == "/ask_more_results":
        await out.send_response(
            message.sender_id,
            {
                "text": MORE_TEXT,
                "custom": {"type": "services", "services": [WALK], "more": False, "local": True},
            },
        )
        await out.send_response(message.sender_id, dict(OPTIONS))
    elif text == "slow":
        await asyncio.sleep(0.2)
        await out.send_response(message.sender_id, {"text": "echo: slow"})
    elif text == "boom":
        raise RuntimeError("the bot failed")
    else:
        await out.send_response(message.sender_id, {"text": f"echo: {text}"})


@asynccontextmanager
async def harness(tmp_path: Path, secret: str = SECRET, port: int = 0) -> AsyncIterator[Harness]:
    api = BotApiStandIn()
    api.port = port  # 0: any free port
    await api.start()
    channel = TelegramInput(TOKEN, secret, api.base_url, f"sqlite:///{tmp_path / 'telegram.db'}")
    erased: list[str] = []
    channel.erase = lambda sender: erased.append(sender) or 3  # type: ignore[assignment, func-returns-value]
    received: list[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)
        await fake_rasa(message)

    app = Sanic(f"tg_unit_{id(channel)}")
    app.blueprint(channel.blueprint(on_new_message), url_prefix="/webhooks/telegram")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    assert server is not None
    await server.startup()
    await server.before_start()
    await server.after_start()
    h = Harness(channel, api, f"http://127.0.0.1:{port}/webhooks/telegram/webhook", received)
    h.erased = erased  # type: ignore[attr-defined]
    h.session = aiohttp.ClientSession()
    try:
        yield h
    finally:
        await h.session.close()
        await h.channel.drain()
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()
        await api.stop()


async def test_text_reaches_rasa_as_the_chat_and_reply_is_sent(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        assert await h.post(ex.text(1, 42, "hello there")) == 200
        await h.settle()
        assert [(m.sender_id, m.text, m.input_channel) for m in h.received] == [
            ("tg-42", "hello there", "telegram")
        ]
        assert h.api.texts(42) == ["echo: hello there"]


@pytest.mark.parametrize("secret", [None, "", "wrong", SECRET + "x", SECRET[:-1]])
async def test_missing_or_wrong_secret_is_403_and_not_processed(tmp_path: Path, secret: str | None) -> None:
    async with harness(tmp_path) as h:
        assert await h.post(ex.text(1, 42, "hello"), secret=secret) == 403
        await h.settle()
        assert h.received == [] and h.api.calls == []
        assert h.channel.store.seen_count() == 0


async def test_unset_secret_fails_closed(tmp_path: Path) -> None:
    async with harness(tmp_path, secret="") as h:
        assert await h.post(ex.text(1, 42, "hello"), secret="") == 403


@pytest.mark.parametrize(
    "body", [b"{", b"", b"not json", b"[1, 2]", b'{"message": {}}', b'{"update_id": "7"}']
)
async def test_malformed_body_is_400(tmp_path: Path, body: bytes) -> None:
    async with harness(tmp_path) as h:
        assert await h.post(body) == 400
        await h.settle()
        assert h.received == []


async def test_same_update_twice_and_after_restart_is_answered_once(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        assert await h.post(ex.text(5, 42, "hi")) == 200
        assert await h.post(ex.text(5, 42, "hi")) == 200
        await h.settle()
    async with harness(tmp_path) as h2:  # a new channel on the same database
        assert await h2.post(ex.text(5, 42, "hi")) == 200
        await h2.settle()
        assert h2.received == []
    assert len(h.received) == 1 and h.api.texts(42) == ["echo: hi"]


async def test_one_chat_in_order_while_chats_run_concurrently(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        for i, word in enumerate(["slow", "second", "third"], start=1):
            assert await h.post(ex.text(i, 7, word)) == 200
        assert await h.post(ex.text(10, 8, "other chat")) == 200
        await h.settle()
        assert h.api.texts(7) == ["echo: slow", "echo: second", "echo: third"]
        sent_chats = [str(p["chat_id"]) for p in h.api.calls_of("sendMessage")]
        assert sent_chats.index("8") < sent_chats.index("7")  # not held up by chat 7's slow reply
        assert h.channel._locks == {}


async def test_failure_inside_the_bot_is_contained(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        assert await h.post(ex.text(1, 42, "boom")) == 200
        assert await h.post(ex.text(2, 42, "after")) == 200
        await h.settle()
        assert h.api.texts(42) == ["echo: after"]


@pytest.mark.parametrize(
    ("command", "rasa_text"),
    [
        ("/start", "/greet"),
        ("/start@standin_bot", "/greet"),
        ("/start deep-link", "/greet"),
        ("/help", "/ask_help"),
        ("/privacy", "/ask_privacy"),
        ("/greet", "/greet"),
        ("/inform I want to die", "/inform I want to die"),
    ],
)
async def test_commands(tmp_path: Path, command: str, rasa_text: str) -> None:
    async with harness(tmp_path) as h:
        await h.post(ex.text(1, 42, command))
        await h.settle()
        assert [m.text for m in h.received] == [rasa_text]


async def test_buttons_become_an_inline_keyboard_and_a_press_is_handled(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.post(ex.text(1, 42, "buttons"))
        await h.settle()
        markup = h.api.calls_of("sendMessage", 42)[0]["reply_markup"]
        yes, long = markup["inline_keyboard"][0][0], markup["inline_keyboard"][1][0]
        assert yes == {"text": "Yes", "callback_data": "/affirm"}
        assert long["callback_data"].startswith("cb:") and len(long["callback_data"].encode()) <= 64
        await h.post(ex.callback(2, 42, long["callback_data"], message_id=77, markup=markup))
        await h.settle()
        assert h.api.calls_of("answerCallbackQuery") == [{"callback_query_id": "cq2"}]
        assert h.api.calls_of("editMessageReplyMarkup") == [
            {
                "chat_id": 42,
                "message_id": 77,
                "reply_markup": {"inline_keyboard": [[{"text": "✓ Long one", "callback_data": "tg:noop"}]]},
            }
        ]
        assert h.received[-1].text == LONG_PAYLOAD
        await h.post(ex.callback(3, 42, "tg:noop", message_id=77))
        await h.post(ex.callback(4, 42, "cb:unknown", message_id=78))
        await h.settle()
        assert len(h.api.calls_of("answerCallbackQuery")) == 3
        assert h.api.texts(42)[-1] == texts.BUTTON_EXPIRED and len(h.received) == 2


async def test_forget_asks_first_then_erases(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.post(ex.text(1, 42, "/forget"))
        await h.settle()
        assert h.api.texts(42) == [texts.FORGET_CONFIRM] and h.erased == []  # type: ignore[attr-defined]
        await h.post(ex.callback(2, 42, "tg:forget:no"))
        await h.post(ex.callback(3, 42, "tg:forget:yes"))
        await h.settle()
        assert h.erased == ["tg-42"]  # type: ignore[attr-defined]
        assert h.api.texts(42)[1:] == [texts.FORGET_KEPT, texts.FORGET_DONE]
        assert h.received == []


async def test_crisis_reply_is_one_message_with_each_contact_once(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.post(ex.text(1, 42, "crisis"))
        await h.settle()
        assert h.api.texts(42) == [
            "I'm really glad you told me.\n\n"
            "Who you can contact:\n"
            "• Emergency: call 999 (24/7)\n"
            "  If you are in danger now\n"
            "• Samaritans: call 116 123 (24/7)\n\n"
            "Someone may see this screen."
        ]
        assert all("parse_mode" not in p for p in h.api.calls_of("sendMessage"))


async def test_search_and_show_more_send_each_service_once_numbered_on(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.post(ex.text(1, 42, "Brecon"))
        await h.settle()
        assert h.api.texts(42) == [
            "Here is support near Brecon:\n\n"
            "1. Mums Matter (Brecon & District Mind)\nWhat it is: A course for mums\nWho it's for: Mums\n"
            "Phone: 01874 611529\nWebsite: https://example.org/mums\nCost: Free\nHow: in person\n"
            "When: Weekly\nArea: Brecon\n\n"
            "2. Walk and Talk (Powys Walks)\nWhat it is: A weekly walk\nCost: Free\nHow: in person\n"
            "Area: Powys",
            "Did that help?",
        ]
        markup = h.api.calls_of("sendMessage", 42)[-1]["reply_markup"]
        await h.post(ex.callback(2, 42, "/ask_more_results", message_id=9, markup=markup))
        await h.settle()
        assert h.api.texts(42)[2:] == [
            "Services that may help:\n\n"
            "3. Walk and Talk (Powys Walks)\nWhat it is: A weekly walk\nCost: Free\nHow: in person\n"
            "Area: Powys",
            "Did that help?",
        ]


async def test_long_reply_is_split(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.channel.output.send_text_message("tg-42", ("Word " * 100 + "\n\n") * 20)
        await h.settle()
        sent = h.api.texts(42)
        assert len(sent) == 3 and all(len(t) <= 4096 for t in sent)
        assert all(t.startswith("Word") and t.endswith("Word") for t in sent)  # cut at paragraphs


async def test_429_and_500s_are_retried_until_delivered_once(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        h.api.fail("sendMessage", 429, retry_after=1)
        h.api.fail("sendMessage", 500, times=3)
        await h.post(ex.text(1, 42, "hello"))
        await h.settle()
        assert len(h.api.calls_of("sendMessage", 42)) == 5
        assert h.api.received(42) == ["echo: hello"]
        assert h.channel.store.counts() == {"pending_updates": 0, "pending_sends": 0, "failed_sends": 0}


@pytest.mark.parametrize(
    ("status", "description"),
    [(400, "Bad Request: chat not found"), (403, "Forbidden: bot was blocked by the user")],
)
async def test_chat_not_found_or_blocked_is_final_and_the_next_message_still_goes(
    tmp_path: Path, status: int, description: str
) -> None:
    async with harness(tmp_path) as h:
        h.api.fail("sendMessage", status, description=description)
        await h.post(ex.text(1, 42, "one"))
        await h.post(ex.text(2, 42, "two"))
        await h.settle()
        assert h.api.texts(42) == ["echo: one", "echo: two"]  # "one" tried once, refused, not retried
        assert h.api.received(42) == ["echo: two"]
        assert h.channel.store.counts() == {"pending_updates": 0, "pending_sends": 0, "failed_sends": 1}


@pytest.mark.parametrize("name", list(ex.shapes(0, 0)))
async def test_update_shapes(tmp_path: Path, name: str) -> None:
    update, expected = ex.shapes(100, 42)[name]
    async with harness(tmp_path) as h:
        assert await h.post(update) == 200
        await h.settle()
        assert h.received == []
        sent = h.api.calls_of("sendMessage")
        if expected == "silent":
            assert sent == []
        elif expected == "group":
            assert [str(p["text"]) for p in sent] == [texts.GROUP_CHAT]
            await h.post({**update, "update_id": 101})
            await h.settle()
            assert len(h.api.calls_of("sendMessage")) == 1  # told once only
        else:
            assert len(sent) == 1 and str(sent[0]["chat_id"]) == "42"


async def test_media_reply_carries_urgent_contacts_and_caption_is_read(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.post(ex.message(1, 42, voice={"file_id": "v", "duration": 2}))
        await h.post(ex.message(2, 42, photo=ex.PHOTO, caption="I want to die"))
        await h.settle()
        first, second, third = h.api.texts(42)
        assert "voice" in first and "999" in first and "116 123" in first
        assert second == texts.CAPTION_READ and third == "echo: I want to die"


@pytest.mark.parametrize(
    ("lat", "lon", "place"), [(51.946, -3.391, "Brecon"), (52.04, -0.75, "Central Milton Keynes")]
)
async def test_location_resolves_to_nearest_place(tmp_path: Path, lat: float, lon: float, place: str) -> None:
    async with harness(tmp_path) as h:
        await h.post(ex.message(1, 42, location={"latitude": lat, "longitude": lon}))
        await h.settle()
        assert [m.text for m in h.received] == [place]


async def test_far_location_asks_for_the_town(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.post(ex.message(1, 42, location={"latitude": 35.0, "longitude": 139.0}))
        await h.settle()
        assert h.received == [] and h.api.texts(42) == [texts.LOCATION_NOT_FOUND]


async def test_text_is_never_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG", logger="bot.telegram")
    async with harness(tmp_path) as h:
        await h.post(ex.text(1, 42, "my secret worry"))
        await h.post(ex.text(2, 42, "boom"))
        await h.settle()
    assert "secret worry" not in caplog.text and "echo" not in caplog.text
    assert "telegram update 1 (message): text" in caplog.text


# -- durable inbox and outbox ----------------------------------------------------------


async def test_reply_waits_while_the_bot_api_is_away_and_arrives_when_it_returns(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.api.stop()  # port closed: every call refused
        assert await h.post(ex.text(1, 42, "crisis")) == 200
        assert await h.post(ex.text(2, 43, "hello")) == 200
        await h.until(
            lambda: h.channel.store.counts()["pending_sends"] == 2 and h.channel.sender.failures >= 2
        )
        await h.api.start()  # back on the same port
        await h.settle()
        assert h.api.texts(43) == ["echo: hello"]
        assert len(h.api.texts(42)) == 1 and h.api.texts(42)[0].startswith("I'm really glad you told me.")


async def test_crisis_reply_goes_first_when_several_are_queued(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.api.stop()
        for update_id, chat_id in ((1, 51), (2, 52), (3, 53)):
            assert await h.post(ex.text(update_id, chat_id, "hello")) == 200
        assert await h.post(ex.text(4, 54, "crisis")) == 200
        await h.until(lambda: h.channel.store.counts()["pending_sends"] == 4)
        await h.api.start()
        await h.settle()
        order = [str(p["chat_id"]) for p in h.api.calls_of("sendMessage")]
        assert order[0] == "54" and sorted(order) == ["51", "52", "53", "54"]


async def test_one_chats_replies_keep_their_order_through_failures(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        h.api.fail("sendMessage", 502, times=3)
        for update_id, word in enumerate(["one", "two", "three"], start=1):
            assert await h.post(ex.text(update_id, 42, word)) == 200
        await h.settle()
        assert h.api.received(42) == ["echo: one", "echo: two", "echo: three"]
        assert h.api.texts(42).count("echo: one") == 4  # three refused tries, then once


async def test_pending_sends_are_resumed_after_a_restart(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.api.stop()
        assert await h.post(ex.text(1, 42, "hello")) == 200
        await h.until(lambda: h.channel.store.counts()["pending_sends"] == 1)
        port = h.api.port
    # A new process on the same database, and Telegram back.
    async with harness(tmp_path, port=port) as h2:
        await h2.settle()
        assert h2.api.texts(42) == ["echo: hello"] and h2.received == []


async def test_an_update_stored_but_not_handled_is_handled_after_a_restart(tmp_path: Path) -> None:
    from bot.telegram.store import UpdateStore

    # What a crash right after the 200 leaves behind: the update stored, nothing done.
    store = UpdateStore(f"sqlite:///{tmp_path / 'telegram.db'}", bot_id=TOKEN.split(":")[0])
    assert store.accept(7, 42, json.dumps(ex.text(7, 42, "are you there")))
    store.dispose()
    async with harness(tmp_path) as h:
        await h.until(lambda: h.api.texts(42) != [])
        await h.settle()
        assert h.api.texts(42) == ["echo: are you there"]
        assert await h.post(ex.text(7, 42, "are you there")) == 200  # Telegram delivers it again
        await h.settle()
        assert h.api.texts(42) == ["echo: are you there"] and len(h.received) == 1


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"update_id": 1, "message": ' + b'{"a": ' * 100_000 + b"1" + b"}" * 100_001,
        b"\xff\xfe\x00garbage",
        b'{"update_id": true}',
        b'{"update_id": -1}',
        b'{"update_id": 99999999999999999999999}',
        b'{"update_id": 1.5}',
        b"null",
    ],
)
async def test_malformed_input_is_400_never_500(tmp_path: Path, body: bytes) -> None:
    async with harness(tmp_path) as h:
        assert await h.post(body) == 400
        assert h.channel.store.seen_count() == 0


@pytest.mark.parametrize(
    "update",
    [
        {"update_id": 3, "message": "not an object"},
        {"update_id": 4, "message": {"chat": {"id": "42", "type": "private"}, "text": 5}},
        {"update_id": 5, "message": {"chat": {"id": 42, "type": "private"}, "text": ["hi"], "from": "x"}},
        {"update_id": 6, "callback_query": {"id": 7, "data": {"x": 1}}},
        {"update_id": 8, "callback_query": {"id": "q", "message": [], "from": None}},
    ],
)
async def test_wrong_types_inside_an_update_are_answered_200_and_ignored(
    tmp_path: Path, update: dict[str, Any]
) -> None:
    async with harness(tmp_path) as h:
        assert await h.post(update) == 200
        await h.settle()
        assert h.received == []


async def raw_post(url: str, secret: bytes, body: bytes) -> int:
    """POST with a header of raw bytes (what no HTTP client library will send)."""
    host_port, path = url.removeprefix("http://").split("/", 1)
    host, port = host_port.split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(
        b"POST /"
        + path.encode()
        + b" HTTP/1.1\r\nHost: "
        + host_port.encode()
        + b"\r\nContent-Type: application/json\r\nContent-Length: "
        + str(len(body)).encode()
        + b"\r\n"
        + SECRET_HEADER.encode()
        + b": "
        + secret
        + b"\r\nConnection: close\r\n\r\n"
        + body
    )
    await writer.drain()
    status_line = await reader.readline()
    writer.close()
    return int(status_line.split()[1])


@pytest.mark.parametrize(
    "secret", ["sécret-ü".encode(), b"\xff\xfe", ("Ω" * 300).encode(), SECRET.encode() + b"\xc3"]
)
async def test_non_ascii_secret_header_is_403(tmp_path: Path, secret: bytes) -> None:
    async with harness(tmp_path) as h:
        assert await raw_post(h.url, secret, json.dumps(ex.text(1, 42, "hello")).encode()) == 403
        assert await raw_post(h.url, SECRET.encode(), json.dumps(ex.text(2, 42, "hello")).encode()) == 200
        await h.settle()
        assert h.received[0].text == "hello" and h.channel.store.seen_count() == 1


async def test_forget_and_button_texts_follow_a_welsh_telegram(tmp_path: Path) -> None:
    from bot.language import telegram_strings

    welsh = telegram_strings()
    async with harness(tmp_path) as h:
        command = ex.text(1, 42, "/forget")
        command["message"]["from"]["language_code"] = "cy"
        await h.post(command)
        for update_id, data in ((2, "tg:forget:no"), (3, "tg:forget:yes"), (4, "cb:unknown")):
            press = ex.callback(update_id, 42, data)
            press["callback_query"]["from"]["language_code"] = "cy"
            await h.post(press)
        await h.settle()
        assert h.api.texts(42) == [
            welsh["FORGET_CONFIRM"],
            welsh["FORGET_KEPT"],
            welsh["FORGET_DONE"],
            welsh["BUTTON_EXPIRED"],
        ]
        keyboard = h.api.calls_of("sendMessage", 42)[0]["reply_markup"]["inline_keyboard"]
        assert [row[0]["text"] for row in keyboard] == [welsh["FORGET_YES"], welsh["FORGET_NO"]]


async def test_welsh_service_card_words_for_a_welsh_reply(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        out = h.channel.output
        await out.send_response(
            "tg-42",
            {
                "text": "Dyma gymorth yn ardal Brecon:\n\n1. Walk and Talk\nA weekly walk",
                "custom": {"type": "services", "services": [WALK]},
            },
        )
        await h.settle()
        card = render_card({"type": "services", "services": [WALK]}, "cy", heading=False)
        assert h.api.texts(42) == [f"Dyma gymorth yn ardal Brecon:\n\n{card}"]
        assert "Beth ydyw: A weekly walk" in h.api.texts(42)[0]
