"""The crisis path end to end through REST, with the rest of the system down.

This stack has NO action server and NO directory database file: the crisis
reply must still arrive, with its machine-readable payload.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools.stack.stack import Stack, start_stack


@pytest.fixture(scope="module")
def bare_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    stack = start_stack(tmp_path_factory.mktemp("bare"), actions=False, build_directory=False)
    assert not (stack.var_dir / "directory.db").exists()
    yield stack
    stack.stop()


def sender() -> str:
    return f"crisis-{uuid.uuid4().hex}"


def crisis_cards(messages: list[dict]) -> list[dict]:
    return [m["custom"] for m in messages if m.get("custom", {}).get("type") == "crisis"]


def text(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("I want to die", "C1"),
        ("everyone would be better off without me", "C1"),
        ("kms", "C1"),
        ("I've been cutting again", "C2"),
        ("I keep getting horrible pictures of dropping her and it terrifies me", "C3"),
        ("something is telling me the baby has to go", "C3"),
        ("she thinks the baby has been swapped", "C4"),
        ("he checks my phone and won't let me out", "C5"),
        ("he shakes her when she cries", "C6"),
        ("I've taken all my pills", "C7"),
        ("he forced me after the birth", "C8"),
        ("I'm 15 and pregnant and scared", "C9"),
    ],
)
def test_crisis_reply_and_payload_arrive_without_action_server_or_directory(
    bare_stack: Stack, message: str, category: str
) -> None:
    reply = bare_stack.send(sender(), message)
    cards = crisis_cards(reply)
    assert cards, text(reply)
    assert cards[0]["category"] == category
    assert cards[0]["contacts"]
    assert "999" in text(reply) or any(c["phone"] == "999" for c in cards[0]["contacts"])
    assert "Are you safe right now?" in text(reply)


@pytest.mark.parametrize("prefix", ["/", "/greet ", "/greet@1.0 ", "**", "<p>", "<b>", "> "])
def test_prefixes_do_not_hide_risk(bare_stack: Stack, prefix: str) -> None:
    reply = bare_stack.send(sender(), f"{prefix}I want to die")
    assert crisis_cards(reply) and crisis_cards(reply)[0]["category"] == "C1"


@pytest.mark.parametrize(
    ("place", "wording", "not_wording"),
    [
        ("I live in Brecon", "press 2", "mental health option"),
        ("we're in Milton Keynes", "mental health option", "press 2"),
    ],
)
def test_nation_wording_follows_the_place(
    bare_stack: Stack, place: str, wording: str, not_wording: str
) -> None:
    who = sender()
    bare_stack.send(who, place)
    reply = text(bare_stack.send(who, "I want to end it all"))
    assert wording in reply
    assert not_wording not in reply


def test_unknown_nation_gets_both_111_wordings(bare_stack: Stack) -> None:
    reply = text(bare_stack.send(sender(), "I want to end it all"))
    assert "mental health option" in reply and "press 2" in reply
    assert "116 123" in reply and "85258" in reply


@pytest.mark.parametrize(("first", "second"), [("I want to", "end it"), ("my partner", "hits me")])
def test_two_message_disclosure(bare_stack: Stack, first: str, second: str) -> None:
    who = sender()
    bare_stack.send(who, first)
    assert crisis_cards(bare_stack.send(who, second))


def test_idioms_do_not_trigger(bare_stack: Stack) -> None:
    for message in ("this teething is killing me", "I'm dying for a cuppa", "I could murder a coffee"):
        assert not crisis_cards(bare_stack.send(sender(), message)), message


def test_negated_statement_gets_a_gentle_check_in(bare_stack: Stack) -> None:
    reply = text(bare_stack.send(sender(), "I don't want to die, I'm just exhausted"))
    assert "Thank you for telling me" in reply
    assert "Are you safe right now?" not in reply


def test_im_fine_keeps_the_contacts_and_a_second_disclosure_is_caught(bare_stack: Stack) -> None:
    who = sender()
    bare_stack.send(who, "I want to die")
    after = bare_stack.send(who, "you misunderstood, I'm fine")
    assert crisis_cards(after), text(after)
    assert "116 123" in text(after)
    again = bare_stack.send(who, "actually I've been cutting myself")
    assert crisis_cards(again)[0]["category"] == "C2"


def test_not_safe_gets_999_now(bare_stack: Stack) -> None:
    who = sender()
    bare_stack.send(who, "I want to die")
    assert "999" in text(bare_stack.send(who, "no"))


def test_conversation_is_flagged_for_staff_without_text_in_logs(bare_stack: Stack) -> None:
    who = sender()
    bare_stack.send(who, "I have taken all my tablets")
    db = sqlite3.connect(Path(bare_stack.var_dir) / "tracker.db")
    rows = db.execute("select data from events where sender_id = ? and type_name = 'slot'", (who,)).fetchall()
    db.close()
    slots = {json.loads(r[0])["name"]: json.loads(r[0])["value"] for r in rows}
    assert slots["risk_category"] == "C7"
    assert "all my tablets" not in bare_stack.log("rasa")


def test_three_turn_disclosure(bare_stack: Stack) -> None:
    who = sender()
    assert not crisis_cards(bare_stack.send(who, "my partner"))
    assert not crisis_cards(bare_stack.send(who, "keeps"))
    cards = crisis_cards(bare_stack.send(who, "hitting me"))
    assert cards and cards[0]["category"] == "C5"


def test_split_disclosure_is_joined_across_a_server_restart(bare_stack: Stack) -> None:
    """The first half is read back from the tracker store, not from the process that took it."""
    who = sender()
    bare_stack.send(who, "my boyfriend")
    bare_stack.stop_rasa()
    bare_stack.start_rasa()
    cards = crisis_cards(bare_stack.send(who, "hits me when he drinks"))
    assert cards and cards[0]["category"] == "C5"


def test_privacy_notice_reaches_a_conversation_that_starts_with_a_disclosure(bare_stack: Stack) -> None:
    messages = bare_stack.send(sender(), "I want to die")
    reply = text(messages)
    assert "automated service" in reply
    assert reply.index("116 123") < reply.index("automated service")  # the contacts come first


def test_im_fine_after_the_safety_question_gets_a_same_day_route(bare_stack: Stack) -> None:
    who = sender()
    bare_stack.send(who, "I live in Brecon and I want to die")
    after = text(bare_stack.send(who, "no im fine"))
    assert "GP" in after and "press 2" in after, after
    assert "116 123" in after
    assert "Sorry if I got that wrong" not in after
    assert "Sorry, I can't help" not in after


def test_no_method_is_repeated_back(bare_stack: Stack) -> None:
    reply = text(bare_stack.send(sender(), "i have saved up my sertraline to take tonight"))
    assert "116 123" in reply
    assert "sertraline" not in reply.lower()


def test_with_the_tracker_store_broken_the_parent_still_gets_emergency_numbers(bare_stack: Stack) -> None:
    """Runs last in this module: it ruins the stack's conversation store on purpose."""
    tracker = Path(bare_stack.var_dir) / "tracker.db"
    for suffix in ("", "-wal", "-shm"):
        path = tracker.with_name(tracker.name + suffix)
        if path.exists():
            path.write_bytes(b"this is not a database" * 64)
    reply = text(bare_stack.send(sender(), "I want to die"))
    assert "999" in reply
    assert "116 123" in reply
