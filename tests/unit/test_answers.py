"""Answers to questions: chosen by topic and language, whatever question intent the NLU chose."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.core.nlg.generator import NaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.endpoints import read_endpoint_config

from bot.answers import DEFAULT_TOPIC, answers
from bot.nlu.questions import QuestionRouter, is_question

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nlg() -> NaturalLanguageGenerator:
    domain = Domain.load(str(ROOT / "domain.yml"))
    return NaturalLanguageGenerator.create(read_endpoint_config(str(ROOT / "endpoints.yml"), "nlg"), domain)


def text(nlg: NaturalLanguageGenerator, action: str, **slots: str | None) -> str:
    response = nlg.generate_from_slots(action, slots, "rest")  # type: ignore[attr-defined]
    assert response is not None
    return response["text"]


@pytest.mark.parametrize("action", sorted(DEFAULT_TOPIC))
def test_the_topic_decides_the_answer_whichever_question_intent(nlg, action: str) -> None:
    assert text(nlg, action, topic="birth_trauma") == answers()["birth_trauma"].en
    assert (
        text(nlg, action, topic="fear_of_losing_baby", language="cy") == answers()["fear_of_losing_baby"].cy
    )


@pytest.mark.parametrize(("action", "topic"), sorted(DEFAULT_TOPIC.items()))
def test_a_question_without_a_known_topic_gets_the_default(nlg, action: str, topic: str) -> None:
    assert text(nlg, action, topic="general") == answers()[topic].en
    assert text(nlg, action, topic=None, language="cy") == answers()[topic].cy


def test_no_answer_text_is_the_domain_placeholder(nlg) -> None:
    for action in DEFAULT_TOPIC:
        assert "answers.yml" not in text(nlg, action, topic="anxiety")


def test_every_answer_ends_with_a_route_to_help() -> None:
    routes = ("gp", "midwife", "health visitor", "111", "999", "support near you", "a&e", "pharmacist")
    for topic, answer in answers().items():
        ending = " ".join(answer.en.lower().split(". ")[-3:])  # the last three sentences
        assert any(route in ending for route in routes), topic


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("what is birth trauma", True),
        ("will they take my baby?", True),
        ("beth yw iselder", True),
        ("i had a traumatic birth", False),
        ("my baby won't stop crying", False),
    ],
)
def test_questions_are_recognised(sentence: str, expected: bool) -> None:
    assert is_question(sentence) is expected


def _routed(text_: str, intent: str, entities: list[dict]) -> str:
    message = Message({TEXT: text_, INTENT: {"name": intent, "confidence": 0.3}, ENTITIES: entities})
    QuestionRouter().process([message])
    return message.get(INTENT)["name"]


def test_a_question_on_an_answered_topic_gets_the_answer_not_the_fallback() -> None:
    topic = [{"entity": "topic", "value": "fear_of_losing_baby"}]
    assert (
        _routed("could social services take my baby if i tell them", "out_of_scope", topic) == "ask_low_mood"
    )
    assert (
        _routed("could social services take my baby if i tell them", "nlu_fallback", topic) == "ask_low_mood"
    )


def test_a_request_for_a_service_stays_a_search() -> None:
    topic = [{"entity": "topic", "value": "birth_trauma"}]
    assert _routed("is there a birth trauma group?", "find_support", topic) == "find_support"
    place = topic + [{"entity": "location", "value": "Brecon"}]
    assert _routed("what help is there for birth trauma in brecon?", "find_support", place) == "find_support"


def test_crisis_and_requests_are_left_alone() -> None:
    topic = [{"entity": "topic", "value": "intrusive_thoughts"}]
    assert _routed("what are intrusive thoughts", "crisis", topic) == "crisis"
    assert _routed("i keep having scary thoughts", "inform", topic) == "inform"


def test_an_unplaced_message_on_an_answered_topic_gets_the_answer() -> None:
    topic = [{"entity": "topic", "value": "fear_of_losing_baby"}]
    assert (
        _routed("i'm scared they'll take my baby if i tell the hv", "out_of_scope", topic) == "ask_low_mood"
    )
    assert _routed("something about my baby", "out_of_scope", []) == "out_of_scope"


@pytest.mark.parametrize("language", [None, "cy"])
def test_the_check_in_asks_the_two_questions_with_yes_no_buttons(nlg, language: str | None) -> None:
    from bot.answers import check_in_text

    for action, key in (
        ("utter_check_in_q1", "q1"),
        ("utter_check_in_q2", "q2"),
        ("utter_check_in_q2_after_no", "q2"),
        ("utter_check_in_q3", "q3"),
    ):
        response = nlg.generate_from_slots(action, {"language": language}, "rest")
        assert response["text"] == check_in_text(key, language)
        assert [b["payload"] for b in response["buttons"]] == ["/affirm", "/deny"]
    assert "month" in text(nlg, "utter_check_in_q1").lower()
    intro = text(nlg, "utter_check_in_intro", language=language)
    assert intro == check_in_text("intro", language)


def test_a_worry_about_the_baby_being_taken_is_answered_not_read_as_a_privacy_question() -> None:
    topic = [{"entity": "topic", "value": "fear_of_losing_baby"}]
    text = "will social services take my baby if i tell my health visitor how i feel?"
    assert _routed(text, "ask_privacy", topic) == "ask_low_mood"
    assert _routed("is this chat confidential?", "ask_privacy", []) == "ask_privacy"
