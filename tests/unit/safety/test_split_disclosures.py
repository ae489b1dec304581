"""Disclosures split over two messages, joined by the conversation key the channels set."""

from __future__ import annotations

from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.safety.component import RiskDetector
from bot.safety.recent import METADATA_KEY, RecentMessages


def message(text: str, conversation: str | None) -> Message:
    metadata = {METADATA_KEY: conversation} if conversation else {}
    return Message(data={TEXT: text, INTENT: {"name": "inform", "confidence": 0.5}, "metadata": metadata})


def intent_after(detector: RiskDetector, text: str, conversation: str | None) -> str:
    msg = message(text, conversation)
    detector.process([msg])
    return msg.get(INTENT)["name"]


def test_second_half_is_read_with_the_first() -> None:
    detector = RiskDetector()
    assert intent_after(detector, "my partner", "a") == "inform"
    assert intent_after(detector, "hits me", "a") == "crisis"


def test_halves_from_different_conversations_are_never_joined() -> None:
    detector = RiskDetector()
    intent_after(detector, "my partner", "a")
    assert intent_after(detector, "hits me", "b") == "inform"


def test_without_a_conversation_key_nothing_is_remembered() -> None:
    detector = RiskDetector()
    intent_after(detector, "my partner", None)
    assert intent_after(detector, "hits me", None) == "inform"


def test_recent_messages_expire_and_stay_bounded() -> None:
    recent = RecentMessages(max_items=2, ttl_seconds=60)
    assert recent.swap("a", "first", now=0) is None
    assert recent.swap("a", "second", now=30) == "first"
    assert recent.swap("a", "third", now=200) is None  # too old
    recent.swap("b", "x", now=200)
    recent.swap("c", "y", now=200)
    assert recent.swap("a", "again", now=201) is None  # pushed out by b and c
