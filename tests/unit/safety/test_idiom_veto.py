"""A classifier-only crisis guess on an everyday idiom is set aside; real risk never is."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.safety.component import RiskDetector
from bot.safety.responses import crisis_text


def diet_says_crisis(text: str) -> Message:
    ranking = [{"name": "crisis", "confidence": 0.7}, {"name": "ask_low_mood", "confidence": 0.2}]
    return Message(data={TEXT: text, INTENT: dict(ranking[0]), INTENT_RANKING_KEY: ranking})


@pytest.mark.parametrize(
    "text",
    [
        "this teething is killing me",
        "my back is killing me",
        "I'm dying for a cuppa",
        "I could murder a coffee",
        "he's a little monster at bedtime",
        "the night feeds are driving me mad",
    ],
)
def test_everyday_idioms_are_not_crisis(text: str) -> None:
    message = diet_says_crisis(text)
    RiskDetector().process([message])
    assert message.get(INTENT)["name"] == "ask_low_mood"
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)] == ["ask_low_mood"]


@pytest.mark.parametrize(
    "text",
    ["the pain is killing me and I want to die", "I'm dying for a sleep but honestly I want to end it all"],
)
def test_real_risk_beside_an_idiom_stays_crisis(text: str) -> None:
    message = diet_says_crisis(text)
    RiskDetector().process([message])
    assert message.get(INTENT)["name"] == "crisis"


def test_a_classifier_only_crisis_without_an_idiom_is_kept_but_marked_unclear() -> None:
    message = diet_says_crisis("I just can't see a way forward any more")
    RiskDetector().process([message])
    assert message.get(INTENT)["name"] == "crisis"
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("risk_detail", "unclear")]


@pytest.mark.parametrize(
    ("text", "seen_by_command_parser"),
    [
        ("/greet", "/greet"),
        ("/greet@0.9", "/greet@0.9"),
        ('/inform{"location": "Brecon"}', '/inform{"location": "Brecon"}'),
        ("/ I feel awful today", " I feel awful today"),
        ("/greet hello there", "greet hello there"),
    ],
)
def test_only_button_payloads_reach_the_command_parser(text: str, seen_by_command_parser: str) -> None:
    message = Message(data={TEXT: text, INTENT: {"name": "greet", "confidence": 0.9}})
    RiskDetector().process([message])
    assert message.get(TEXT) == seen_by_command_parser


@pytest.mark.parametrize("nation", ["england", "wales", None])
def test_the_unclear_reply_checks_gently_and_keeps_the_numbers(nation: str | None) -> None:
    text = crisis_text("C1", nation, "unclear")
    assert text.startswith("I might have got this wrong")
    assert "999" in text and "116 123" in text
