"""The Telegram channel inside the real Rasa server and action server.

One stack for the whole module (the machine is small and shared): Rasa with
`rest` and the project's Telegram channel, pointed at a Bot API stand-in. The
fault tests take the stand-in away, make it fail, and SIGKILL the Rasa process,
then poll (with a deadline) for what the parent receives.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from bot.cards import CARD_WORDS
from bot.telegram import texts
from tests.integration.telegram import telegram_updates_examples as ex
from tests.integration.telegram.telegram_standin import TOKEN, BotApiStandIn
from tools.stack.stack import REPO, Stack, post_json, start_stack

SECRET = "integration-secret_token-5"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_next_update = iter(range(1_000, 10_000_000))


@pytest.fixture(scope="module")
def api() -> Iterator[BotApiStandIn]:
    standin = BotApiStandIn()
    standin.start_in_thread()
    yield standin
    standin.stop_thread()


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, api: BotApiStandIn) -> Iterator[Stack]:
    var_dir = tmp_path_factory.mktemp("telegram_stack")
    credentials = var_dir / "credentials.yml"
    credentials.write_text("rest:\nbot.telegram.channel.TelegramInput: {}\n")
    running = start_stack(
        var_dir,
        credentials=credentials,
        extra_env={
            "TELEGRAM_TOKEN": TOKEN,
            "TELEGRAM_SECRET_TOKEN": SECRET,
            "TELEGRAM_API_BASE": api.base_url,
            "TELEGRAM_WEBHOOK_URL": "",
        },
    )
    yield running
    running.stop()


def webhook(stack: Stack) -> str:
    return f"{stack.rasa_url}/webhooks/telegram/webhook"


def post(stack: Stack, update: Any, secret: str | None = SECRET) -> int:
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    status, _ = post_json(webhook(stack), update, headers=headers)
    return status


def new_id() -> int:
    return next(_next_update)


def settle(api: BotApiStandIn, chat_id: int, quiet: float = 2.0, timeout: float = 90.0) -> list[str]:
    """Wait until the chat has had a reply and then nothing new for `quiet` seconds."""
    deadline = time.monotonic() + timeout
    count, since = len(api.texts(chat_id)), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = len(api.texts(chat_id))
        if now != count:
            count, since = now, time.monotonic()
        elif count and time.monotonic() - since >= quiet:
            break
    return api.texts(chat_id)


def queues(stack: Stack) -> dict[str, Any]:
    """The channel's health: updates waiting to be handled, replies waiting to be sent."""
    status, body = get_json(f"{stack.rasa_url}/webhooks/telegram/")
    assert status == 200 and isinstance(body, dict), (status, body)
    return body


def get_json(url: str) -> tuple[int, object]:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, json.loads(resp.read().decode())
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()
    except (urllib.error.URLError, OSError) as err:
        return 0, str(err)


def until(predicate: Any, timeout: float = 120.0, what: str = "condition") -> None:
    """Poll `predicate()` until it holds; fail at the deadline."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"{what} not reached in {timeout}s"
        time.sleep(0.1)


def delivered(stack: Stack, timeout: float = 120.0) -> None:
    """Every stored update handled and every reply delivered: nothing more will be sent."""
    until(
        lambda: (lambda q: q["pending_updates"] == 0 and q["pending_sends"] == 0)(queues(stack)),
        timeout,
        "all updates handled and replies delivered",
    )


def say(stack: Stack, api: BotApiStandIn, chat_id: int, text: str) -> list[str]:
    """Send text as the parent and return only the new replies."""
    before = len(api.texts(chat_id))
    assert post(stack, ex.text(new_id(), chat_id, text)) == 200
    api.wait_for(lambda: len(api.texts(chat_id)) > before, timeout=90)
    return settle(api, chat_id)[before:]


def user_texts(stack: Stack, sender_id: str) -> list[str]:
    """What the tracker store holds as this conversation's user messages."""
    path = stack.var_dir / "tracker.db"
    if not path.exists():
        return []
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (sender_id,)
        ).fetchall()
    return [json.loads(row[0]).get("text") for row in rows]


def tracker_becomes(stack: Stack, sender_id: str, expected: list[str], timeout: float = 20.0) -> list[str]:
    """The conversation's user messages once they equal `expected` (Rasa saves after replying)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and user_texts(stack, sender_id) != expected:
        time.sleep(0.2)
    return user_texts(stack, sender_id)


def test_start_to_service_cards_for_brecon(stack: Stack, api: BotApiStandIn) -> None:
    greeting = say(stack, api, 1001, "/start")
    assert greeting and any(
        "automated" in t.lower() or "privacy" in t.lower() or "glad" in t.lower() for t in greeting
    ), greeting
    say(stack, api, 1001, "I need some support since having my baby")
    replies = say(stack, api, 1001, "Brecon")
    if not any("Mums Matter" in t for t in replies):  # the bot may ask one more question first
        replies += say(stack, api, 1001, "yes please")
    assert any("Mums Matter" in t for t in replies), replies
    # Each service once, its organisation named once (it used to come twice, the second "(Org) (Org)").
    titles = [line for t in replies for line in t.splitlines() if re.match(r"^\d+\. ", line)]
    assert len(titles) == len(set(titles)) and sum("Mums Matter" in line for line in titles) == 1, replies
    assert not any("(Brecon & District Mind) (Brecon & District Mind)" in t for t in replies), replies
    assert user_texts(stack, "tg-1001")[0] == "/greet"  # language_code "en": no language given


def test_a_welsh_telegram_starts_in_welsh_and_a_crisis_is_answered_in_welsh(
    stack: Stack, api: BotApiStandIn
) -> None:
    update = ex.text(new_id(), 1009, "/start")
    update["message"]["from"]["language_code"] = "cy"
    assert post(stack, update) == 200
    api.wait_for(lambda: len(api.texts(1009)) > 0, timeout=90)
    greeting = settle(api, 1009)
    assert any("Cyn i ni ddechrau" in t for t in greeting), greeting  # the privacy notice, in Welsh
    replies = say(stack, api, 1009, "I want to die")
    assert any("999" in t and "116 123" in t for t in replies), replies
    assert any("Rwy'n falch iawn eich bod chi wedi dweud wrtha i" in t for t in replies), replies


def test_crisis_message_gets_the_crisis_reply(stack: Stack, api: BotApiStandIn) -> None:
    replies = say(stack, api, 1002, "I want to die")
    assert sum(t.count("116 123") for t in replies) == 1, replies  # the crisis card only, not twice
    assert any("999" in t for t in replies), replies
    # The crisis card comes as readable text with plain (tappable) numbers, no markup.
    assert any(CARD_WORDS["crisis_heading"] in t and "Samaritans: call 116 123" in t for t in replies), (
        replies
    )
    assert all("parse_mode" not in p for p in api.calls_of("sendMessage", 1002))


def test_button_press(stack: Stack, api: BotApiStandIn) -> None:
    say(stack, api, 1003, "/start")
    with_keyboard = [p for p in api.calls_of("sendMessage", 1003) if p.get("reply_markup")]
    assert with_keyboard, api.calls_of("sendMessage", 1003)
    markup = with_keyboard[-1]["reply_markup"]
    button = next(b[0] for b in markup["inline_keyboard"] if b[0].get("callback_data") == "/find_support")
    before = len(api.texts(1003))
    update = ex.callback(new_id(), 1003, button["callback_data"], message_id=555, markup=markup)
    assert post(stack, update) == 200
    api.wait_for(lambda: len(api.texts(1003)) > before, timeout=90)
    assert api.calls_of("answerCallbackQuery")[-1] == {"callback_query_id": update["callback_query"]["id"]}
    assert api.calls_of("editMessageReplyMarkup", 1003) == [
        {
            "chat_id": 1003,
            "message_id": 555,
            "reply_markup": {
                "inline_keyboard": [[{"text": f"✓ {button['text']}", "callback_data": "tg:noop"}]]
            },
        }
    ]
    assert tracker_becomes(stack, "tg-1003", ["/greet", "/find_support"]) == ["/greet", "/find_support"]


@pytest.mark.parametrize("secret", [None, "", "wrong-secret", SECRET.upper()])
def test_wrong_or_missing_secret_is_403_and_nothing_reaches_the_bot(
    stack: Stack, api: BotApiStandIn, secret: str | None
) -> None:
    chat_id = 1004
    assert post(stack, ex.text(new_id(), chat_id, "I want to die"), secret=secret) == 403
    delivered(stack)  # a refused call stores nothing, so nothing can follow
    assert api.texts(chat_id) == [] and user_texts(stack, f"tg-{chat_id}") == []


@pytest.mark.parametrize("body", [b"{not json", b"", b"[]", b'{"update_id": "x"}'])
def test_malformed_json_is_400(stack: Stack, body: bytes) -> None:
    assert post(stack, body) == 400


def test_same_update_twice_and_after_restart_is_answered_once(stack: Stack, api: BotApiStandIn) -> None:
    chat_id = 1005
    update = ex.text(new_id(), chat_id, "hello")
    assert post(stack, update) == 200
    assert post(stack, update) == 200
    first = settle(api, chat_id)
    assert first and tracker_becomes(stack, f"tg-{chat_id}", ["hello"]) == ["hello"]
    stack.stop_rasa()
    stack.start_rasa()
    assert post(stack, update) == 200
    delivered(stack)
    assert api.texts(chat_id) == first and user_texts(stack, f"tg-{chat_id}") == ["hello"]
    # The restarted server still answers new updates from the same chat.
    assert say(stack, api, chat_id, "I want to die")


def test_update_shapes_from_the_bot_api_docs(stack: Stack, api: BotApiStandIn) -> None:
    names = list(ex.shapes(0, 0))
    assert len(names) >= 15
    chats = {name: 2000 + i for i, name in enumerate(names)}
    updates = {name: ex.shapes(new_id(), chats[name])[name] for name in names}
    statuses = {name: post(stack, update) for name, (update, _) in updates.items()}
    assert statuses == {name: 200 for name in names}
    delivered(stack)
    handled = {}
    for name in updates:
        sent = api.calls_of("sendMessage", chats[name])
        group_id = ex.shapes(0, chats[name])[name][0].get("message", {}).get("chat", {}).get("id")
        if group_id is not None and group_id != chats[name]:
            sent = api.calls_of("sendMessage", group_id)
        handled[name] = (
            "silent" if not sent else ("group" if sent[0]["text"] == texts.GROUP_CHAT else "reply")
        )
    assert handled == {name: expected for name, (_, expected) in updates.items()}
    assert all(user_texts(stack, f"tg-{chat}") == [] for chat in chats.values())


def test_hundred_chats_at_once_get_their_own_answers(stack: Stack, api: BotApiStandIn) -> None:
    chats = list(range(3000, 3100))
    updates = [ex.text(new_id(), chat, f"hi, this is parent {chat}") for chat in chats]
    with ThreadPoolExecutor(max_workers=25) as pool:
        statuses = list(pool.map(lambda u: post(stack, u), updates))
    assert statuses == [200] * 100
    assert api.wait_for(lambda: all(api.texts(c) for c in chats), timeout=240), [
        c for c in chats if not api.texts(c)
    ]
    delivered(stack)
    counts = {c: len(api.texts(c)) for c in chats}
    assert len(set(counts.values())) == 1, counts  # none lost, none doubled onto another chat
    expected = {c: [f"hi, this is parent {c}"] for c in chats}
    assert {c: tracker_becomes(stack, f"tg-{c}", expected[c]) for c in chats} == expected


def test_long_polling_holds_the_same_conversation(stack: Stack, api: BotApiStandIn, tmp_path: Path) -> None:
    env = {
        **stack.env,
        "TELEGRAM_TOKEN": TOKEN,
        "TELEGRAM_SECRET_TOKEN": SECRET,
        "TELEGRAM_API_BASE": api.base_url,
        "TELEGRAM_WEBHOOK_URL": "",
    }
    log = (tmp_path / "poll.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.telegram.cli", "poll", "--webhook", webhook(stack), "--timeout", "1"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    chat_id = 1006
    try:
        for text in ("/start", "I need some support since having my baby", "Brecon"):
            before = len(api.texts(chat_id))
            api.queue_update(ex.text(new_id(), chat_id, text))
            assert api.wait_for(lambda n=before: len(api.texts(chat_id)) > n, timeout=90), (
                tmp_path / "poll.log"
            ).read_text()
            settle(api, chat_id)
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()
    said = ["/greet", "I need some support since having my baby", "Brecon"]
    assert tracker_becomes(stack, f"tg-{chat_id}", said) == said
    assert any("Mums Matter" in t for t in api.texts(chat_id)), api.texts(chat_id)
    assert api.calls_of("getUpdates")[-1].get("offset") is not None


# -- what a parent receives when things go wrong (issues from outside testers) ------------

ORDINARY, CRISIS = "hello", "I want to die"


@pytest.fixture(scope="module")
def expected(stack: Stack, api: BotApiStandIn) -> dict[str, list[str]]:
    """What a new parent gets for each message when nothing goes wrong."""
    replies = {}
    for chat_id, text in ((4000, ORDINARY), (4001, CRISIS)):
        assert post(stack, ex.text(new_id(), chat_id, text)) == 200
        delivered(stack)
        replies[text] = api.received(chat_id)
    assert replies[ORDINARY] and any("116 123" in t for t in replies[CRISIS]), replies
    return replies


def test_replies_wait_while_the_bot_api_is_away_and_arrive_when_it_returns(
    stack: Stack, api: BotApiStandIn, expected: dict[str, list[str]]
) -> None:
    api.go_away()
    away_since = time.monotonic()
    try:
        assert post(stack, ex.text(new_id(), 4010, ORDINARY)) == 200
        assert post(stack, ex.text(new_id(), 4011, CRISIS)) == 200
        # Both turns handled and their replies stored, undelivered, for 5 s of outage.
        until(
            lambda: (
                queues(stack)["pending_updates"] == 0
                and queues(stack)["pending_sends"] > 0
                and time.monotonic() - away_since >= 5.0
            ),
            what="replies stored during the outage",
        )
    finally:
        api.come_back()
    delivered(stack)
    assert api.received(4010) == expected[ORDINARY]
    assert api.received(4011) == expected[CRISIS]


def test_three_server_errors_in_a_row_still_deliver_the_reply_once(
    stack: Stack, api: BotApiStandIn, expected: dict[str, list[str]]
) -> None:
    before = len(api.calls_of("sendMessage"))
    api.fail("sendMessage", 502, times=2)
    api.fail("sendMessage", 500, times=2)
    assert post(stack, ex.text(new_id(), 4020, CRISIS)) == 200
    delivered(stack)
    assert api.received(4020) == expected[CRISIS], json.dumps(
        [api.received(4020), expected[CRISIS]], indent=1
    )
    assert len(api.calls_of("sendMessage")) - before == len(expected[CRISIS]) + 4


def test_a_crisis_reply_goes_first_when_several_are_queued(
    stack: Stack, api: BotApiStandIn, expected: dict[str, list[str]]
) -> None:
    ordinary_chats, crisis_chat = [4030, 4031, 4032], 4033
    api.go_away()
    try:
        for chat_id in ordinary_chats:
            assert post(stack, ex.text(new_id(), chat_id, ORDINARY)) == 200
        assert post(stack, ex.text(new_id(), crisis_chat, CRISIS)) == 200
        waiting = len(expected[ORDINARY]) * 3 + len(expected[CRISIS])
        until(
            lambda: queues(stack)["pending_updates"] == 0 and queues(stack)["pending_sends"] >= waiting,
            what="all four replies queued",
        )
    finally:
        api.come_back()
    delivered(stack)
    ours = {str(c) for c in [*ordinary_chats, crisis_chat]}
    order = [
        str(p["chat_id"]) for name, p in api.accepted if name == "sendMessage" and str(p["chat_id"]) in ours
    ]
    assert order[: len(expected[CRISIS])] == [str(crisis_chat)] * len(expected[CRISIS]), order
    assert api.received(crisis_chat) == expected[CRISIS]
    assert all(api.received(c) == expected[ORDINARY] for c in ordinary_chats)


def test_sigkill_right_after_the_200_then_restart_answers_exactly_once(
    stack: Stack, api: BotApiStandIn, expected: dict[str, list[str]]
) -> None:
    chat_id = 4040
    update = ex.text(new_id(), chat_id, CRISIS)
    assert post(stack, update) == 200
    proc = stack.procs.pop("rasa")
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)
    stack.start_rasa()
    assert post(stack, update) == 200  # Telegram delivering it again changes nothing
    delivered(stack)
    assert api.received(chat_id) == expected[CRISIS]
    assert user_texts(stack, f"tg-{chat_id}") == [CRISIS]
