"""The Telegram channel on a bare Sanic app, a fake Rasa and the Bot API stand-in.

The real Rasa server is exercised in tests/integration/telegram; here every
branch of the channel runs in one event loop, fast.
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

from bot.channels import telegram_texts as texts
from bot.channels.telegram import SECRET_HEADER, TelegramInput
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

    async def post(self, body: Any, secret: str | None = SECRET) -> int:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers[SECRET_HEADER] = secret
        assert self.session is not None
        async with self.session.post(self.url, data=data, headers=headers) as resp:
            return resp.status

    async def settle(self) -> None:
        await asyncio.sleep(0)
        await self.channel.drain()


async def fake_rasa(message: UserMessage) -> None:
    """Answers like the bot would, through the channel's own output channel."""
    out = message.output_channel
    text = message.text or ""
    if text == "buttons":
        await out.send_response(message.sender_id, {"text": "Pick one", "buttons": [
            {"title": "Yes", "payload": "/affirm"}, {"title": "Long one", "payload": LONG_PAYLOAD}]})
    elif text == "crisis":
        await out.send_response(message.sender_id, {"text": "Please call 999.", "custom": {
            "type": "crisis", "contacts": [{"name": "Samaritans", "phone": "116 123", "hours": "24/7"}]}})
    elif text == "slow":
        await asyncio.sleep(0.2)
        await out.send_response(message.sender_id, {"text": "echo: slow"})
    elif text == "boom":
        raise RuntimeError("the bot failed")
    else:
        await out.send_response(message.sender_id, {"text": f"echo: {text}"})


@asynccontextmanager
async def harness(tmp_path: Path, secret: str = SECRET) -> AsyncIterator[Harness]:
    api = BotApiStandIn()
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
        await h.settle()
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()
        await api.stop()


async def test_text_reaches_rasa_as_the_chat_and_reply_is_sent(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        assert await h.post(ex.text(1, 42, "hello there")) == 200
        await h.settle()
        assert [(m.sender_id, m.text, m.input_channel) for m in h.received] == [("tg-42", "hello there", "telegram")]
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


@pytest.mark.parametrize("body", [b"{", b"", b"not json", b"[1, 2]", b'{"message": {}}', b'{"update_id": "7"}'])
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
    [("/start", "/greet"), ("/start@standin_bot", "/greet"), ("/start deep-link", "/greet"), ("/help", "/ask_help"),
     ("/privacy", "/ask_privacy"), ("/greet", "/greet"), ("/inform I want to die", "/inform I want to die")],
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
        assert h.api.calls_of("editMessageReplyMarkup") == [{"chat_id": 42, "message_id": 77, "reply_markup": {
            "inline_keyboard": [[{"text": "✓ Long one", "callback_data": "tg:noop"}]]}}]
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


async def test_custom_crisis_payload_is_rendered(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.post(ex.text(1, 42, "crisis"))
        await h.settle()
        assert h.api.texts(42) == ["Please call 999.", "Who you can contact:\n• Samaritans: call 116 123 (24/7)"]
        assert all("parse_mode" not in p for p in h.api.calls_of("sendMessage"))


async def test_long_reply_is_split(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        await h.channel.output.send_text_message("tg-42", ("Word " * 100 + "\n\n") * 20)
        sent = h.api.texts(42)
        assert len(sent) == 3 and all(len(t) <= 4096 for t in sent)
        assert all(t.startswith("Word") and t.endswith("Word") for t in sent)  # cut at paragraphs


async def test_429_retry_after_and_500_are_retried(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        h.api.fail("sendMessage", 429, retry_after=1)
        h.api.fail("sendMessage", 500, times=2)
        started = asyncio.get_running_loop().time()
        await h.post(ex.text(1, 42, "hello"))
        await h.settle()
        assert asyncio.get_running_loop().time() - started >= 1.0
        assert len(h.api.calls_of("sendMessage", 42)) == 4 and h.api.texts(42)[-1] == "echo: hello"


async def test_400_is_not_retried_and_next_message_still_goes(tmp_path: Path) -> None:
    async with harness(tmp_path) as h:
        h.api.fail("sendMessage", 400)
        await h.post(ex.text(1, 42, "one"))
        await h.post(ex.text(2, 42, "two"))
        await h.settle()
        assert h.api.texts(42) == ["echo: one", "echo: two"]


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


@pytest.mark.parametrize(("lat", "lon", "place"), [(51.946, -3.391, "Brecon"), (52.04, -0.75, "Central Milton Keynes")])
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
    caplog.set_level("DEBUG", logger="bot.channels")
    async with harness(tmp_path) as h:
        await h.post(ex.text(1, 42, "my secret worry"))
        await h.post(ex.text(2, 42, "boom"))
        await h.settle()
    assert "secret worry" not in caplog.text and "echo" not in caplog.text
    assert "telegram update 1 (message): text" in caplog.text
