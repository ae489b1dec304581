"""Disclosures split over turns, joined from the conversation's stored events."""

from __future__ import annotations

import time

from rasa.core.channels.channel import UserMessage
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import rasa_fixes
from bot.safety.component import RiskDetector
from bot.safety.conversation import RECENT_KEY, recent_user_texts


def message(text: str, recent: list[str] | None = None) -> Message:
    metadata = {RECENT_KEY: recent} if recent else {}
    return Message(data={TEXT: text, INTENT: {"name": "inform", "confidence": 0.5}, "metadata": metadata})


def intent_after(text: str, recent: list[str] | None) -> str:
    msg = message(text, recent)
    RiskDetector().process([msg])
    return str(msg.get(INTENT)["name"])


def uttered(text: str, at: float, intent: str = "inform") -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 0.9}, timestamp=at)


def test_second_half_is_read_with_the_first() -> None:
    assert intent_after("hits me", None) == "inform"
    assert intent_after("hits me", ["my partner"]) == "crisis"


def test_three_turns_are_joined() -> None:
    assert intent_after("myself", ["i want to", "kill"]) == "crisis"


def test_recent_turns_come_from_the_current_session_only() -> None:
    now = time.time()
    events = [
        uttered("old", now - 30),
        SessionStarted(timestamp=now - 20),
        ActionExecuted("action_listen"),
        uttered("my partner", now - 10),
        BotUttered("Sorry?", timestamp=now - 9),
    ]
    assert recent_user_texts(events, now) == ["my partner"]


def test_recent_turns_stop_at_an_answered_disclosure_and_at_ten_minutes() -> None:
    now = time.time()
    events = [
        uttered("first", now - 900),
        uttered("I want to die", now - 60, intent="crisis"),
        uttered("a", now - 30),
        uttered("b", now - 20),
        uttered("c", now - 10),
    ]
    assert recent_user_texts(events, now) == ["b", "c"]
    assert recent_user_texts(events[:1], now) == []
    assert recent_user_texts(events[:2], now) == []


class _Tracker:
    def __init__(self, events: list) -> None:
        self.events = events


def test_the_rasa_server_hands_stored_turns_to_the_nlu_on_a_copy(monkeypatch) -> None:
    seen: list[UserMessage] = []
    monkeypatch.setattr(rasa_fixes, "_rasa_parse_with_graph", lambda self, m, t, o=True: seen.append(m) or {})
    original = UserMessage("hits me", sender_id="s", metadata={RECENT_KEY: ["forged by a client"], "x": 1})
    rasa_fixes._parse_message_with_graph(None, original, _Tracker([uttered("my partner", time.time() - 5)]))
    assert seen[0].metadata == {"x": 1, RECENT_KEY: ["my partner"]}
    assert original.metadata == {RECENT_KEY: ["forged by a client"], "x": 1}  # what is stored is unchanged
    seen.clear()
    rasa_fixes._parse_message_with_graph(None, original, _Tracker([]))
    assert seen[0].metadata == {"x": 1, RECENT_KEY: []}
