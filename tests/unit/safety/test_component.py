"""RiskDetector on hand-built Rasa messages."""

from __future__ import annotations

from typing import Any

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.safety.component import RiskDetector


def _run(text: str, intent: str = "greet", model: Any = None) -> Message:
    """The message as DIET placed it (``intent`` at 0.9), after the detector (with ``model``, if given)."""
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": 0.9}, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 0.9}], add_to_output=True)
    RiskDetector(model).process([message])
    return message


def _entities(message: Message) -> dict[str, str]:
    return {e["entity"]: e["value"] for e in message.get(ENTITIES) or []}


def test_crisis_overrides_diet_and_sets_category() -> None:
    message = _run("everyone would be better off without me")
    assert message.get(INTENT) == {"name": "crisis", "confidence": 1.0}
    assert message.get(INTENT_RANKING_KEY)[0] == {"name": "crisis", "confidence": 1.0}
    assert _entities(message) == {"risk_category": "C1", "risk_detail": "self"}
    entity = next(e for e in message.get(ENTITIES) if e["entity"] == "risk_category")
    assert entity == {
        "entity": "risk_category",
        "value": "C1",
        "start": 0,
        "end": 0,
        "extractor": "RiskDetector",
        "confidence_entity": 1.0,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I keep picturing dropping her and it terrifies me", "intrusive"),
        ("a voice tells me to hurt the baby", "intent"),
        ("my wife says she wants to end her life", "other_person"),
    ],
)
def test_risk_detail(text: str, expected: str) -> None:
    assert _entities(_run(text))["risk_detail"] == expected


def test_command_prefix_is_removed_so_regex_handler_keeps_crisis() -> None:
    message = _run("/greet@1.0 I want to die")
    assert message.get(INTENT)["name"] == "crisis"
    assert message.get(TEXT) == "I want to die"


def test_command_only_text_keeps_its_words() -> None:
    message = _run("/kms")
    assert message.get(INTENT)["name"] == "crisis"
    assert not message.get(TEXT).startswith("/")


def test_negated_risk_is_check_in_without_category() -> None:
    message = _run("I don't want to die, I'm just exhausted")
    assert message.get(INTENT) == {"name": "risk_negated", "confidence": 1.0}
    assert _entities(message) == {"risk_detail": "negated"}


@pytest.mark.parametrize("text", ["I'm dying for a cuppa", "/greet", "hello"])
def test_everyday_message_left_alone(text: str) -> None:
    message = _run(text)
    assert message.get(INTENT)["name"] == "greet"
    assert message.get(TEXT) == text
    assert _entities(message) == {}


def test_diet_crisis_without_lexicon_hit_stays_crisis_marked_unclear() -> None:
    message = _run("something DIET thinks is a crisis", intent="crisis")
    assert message.get(INTENT)["name"] == "crisis"
    assert _entities(message) == {"risk_detail": "unclear"}


def test_no_message_text_in_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG", logger="bot.safety")
    _run("I want to kill myself")
    assert "kill myself" not in caplog.text and "want to" not in caplog.text
    assert "c1." in caplog.text


def _crisis_guess(ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={TEXT: "overdosed on cake again"})
    message.set(INTENT, {"name": "crisis", "confidence": 0.9}, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [{"name": n, "confidence": c} for n, c in ranking], add_to_output=True)
    return message


def test_a_crisis_guess_set_aside_never_becomes_an_answer_to_a_crisis_reply() -> None:
    from bot.safety.component import set_aside_crisis

    message = _crisis_guess([("crisis", 0.9), ("risk_negated", 0.05), ("crisis_misunderstood", 0.03)])
    set_aside_crisis(message)
    # "no, I'm fine" was never said: the NLU could not place the message
    assert message.get(INTENT)["name"] == "nlu_fallback"


def test_a_crisis_guess_set_aside_gives_way_to_the_next_intent() -> None:
    from bot.safety.component import set_aside_crisis

    message = _crisis_guess([("crisis", 0.5), ("risk_negated", 0.3), ("ask_low_mood", 0.15)])
    set_aside_crisis(message)
    assert message.get(INTENT) == {"name": "ask_low_mood", "confidence": 0.15}


class _FixedScore:
    """A stand-in risk model that gives every text the same probability."""

    def __init__(self, p: float) -> None:
        self.p = p

    def score_many(self, texts: list[str]) -> list[Any]:
        from bot.safety.model import RiskScore

        return [RiskScore(self.p, "C1") for _ in texts]


@pytest.mark.parametrize(
    ("text", "p", "asked"),
    [
        ("she has been so sick all morning", 0.7, False),  # a few words: needs short_threshold
        ("she has been so sick all morning", 0.85, True),
        ("she has been so sick all morning and i do not know what to do any more", 0.7, True),
    ],
)
def test_a_few_words_need_more_evidence_for_the_gentle_check(text: str, p: float, asked: bool) -> None:
    message = _run(text, model=_FixedScore(p))
    assert (message.get(INTENT)["name"] == "crisis") is asked


@pytest.mark.parametrize(("p", "detail"), [(0.05, "unclear"), (0.5, "self")])
def test_the_model_is_a_second_opinion_before_a_rules_full_reply(p: float, detail: str) -> None:
    message = _run("honestly everyone would be so much better off without me around", model=_FixedScore(p))
    # never dismissed: the crisis path either way, the full reply only when the model agrees
    assert message.get(INTENT)["name"] == "crisis"
    assert _entities(message)["risk_detail"] == detail


def test_a_few_words_keep_the_rules_full_reply_whatever_the_model_says() -> None:
    message = Message(data={TEXT: "kms"})
    RiskDetector(_FixedScore(0.0)).process([message])  # type: ignore[arg-type]
    assert message.get(INTENT)["name"] == "crisis"
    assert _entities(message)["risk_detail"] == "self"


@pytest.mark.parametrize(
    ("text", "p", "crisis"),
    [
        # a joke the model too reads as no disclosure: set aside
        ("he wants to call the baby after his grandad, i would rather die lol", 0.05, False),
        # a joke the model does not dismiss: the gentle check, as before
        ("he wants to call the baby after his grandad, i would rather die lol", 0.5, True),
        # not a joke: never set aside, whatever the model says
        ("he wants to call the baby after his grandad and i would rather die", 0.05, True),
        # "not joking" is no joke
        ("i would rather die, not joking, i mean it every single day now", 0.05, True),
    ],
)
def test_a_joke_is_set_aside_only_when_the_model_agrees(text: str, p: float, crisis: bool) -> None:
    message = _run(text, "ask_support", _FixedScore(p))
    assert (message.get(INTENT)["name"] == "crisis") is crisis
