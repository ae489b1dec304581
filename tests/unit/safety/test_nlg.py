"""The Rasa server's response generator picks the crisis variation from the slots."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rasa.core.nlg.generator import NaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import read_endpoint_config

from bot.safety.nlg import CrisisAwareNLG

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def nlg() -> NaturalLanguageGenerator:
    """Built the way the Rasa server builds it: from endpoints.yml and the domain."""
    domain = Domain.load(str(ROOT / "domain.yml"))
    return NaturalLanguageGenerator.create(read_endpoint_config(str(ROOT / "endpoints.yml"), "nlg"), domain)


def reply(nlg: NaturalLanguageGenerator, action: str, **slots: str | None) -> dict:
    response = nlg.generate_from_slots(action, slots, "rest")  # type: ignore[attr-defined]
    assert response is not None
    return response


def test_endpoints_use_the_crisis_aware_generator(nlg: NaturalLanguageGenerator) -> None:
    assert isinstance(nlg, CrisisAwareNLG)


@pytest.mark.parametrize(
    ("slots", "present", "absent"),
    [
        (
            {"nation": "wales", "risk_category": "C5"},
            ["0808 80 10 800", "close or clear this chat"],
            ["0808 2000 247"],
        ),
        ({"nation": "england", "risk_category": "C5"}, ["0808 2000 247"], ["0808 80 10 800"]),
        (
            {"nation": "wales", "risk_category": "C1", "risk_detail": "self"},
            ["press 2", "116 123"],
            ["England"],
        ),
        (
            {"nation": "england", "risk_category": "C3", "risk_detail": "intrusive"},
            ["do not act on them"],
            ["Wales"],
        ),
        ({"risk_category": "C1", "risk_detail": "unclear"}, ["I might have got this wrong", "999"], []),
        ({}, ["999", "116 123", "choose the mental health option", "press 2"], []),
    ],
)
def test_crisis_reply_follows_the_slots(
    nlg: NaturalLanguageGenerator, slots: dict, present: list[str], absent: list[str]
) -> None:
    response = reply(
        nlg, "utter_crisis", **{"nation": None, "risk_category": None, "risk_detail": None, **slots}
    )
    for phrase in present:
        assert phrase in response["text"]
    for phrase in absent:
        assert phrase not in response["text"]
    assert response["custom"]["type"] == "crisis" and response["custom"]["contacts"]


def test_crisis_variations_survive_a_model_load(nlg: NaturalLanguageGenerator) -> None:
    """Rasa's Agent sets `nlg.responses = domain.responses` each time it loads a model."""
    domain = Domain.load(str(ROOT / "domain.yml"))
    nlg.responses = domain.responses  # type: ignore[attr-defined]
    response = reply(nlg, "utter_crisis", nation="england", risk_category="C2", risk_detail="self")
    assert response["custom"]["category"] == "C2"
    assert "Hurting yourself" in response["text"]


def test_the_same_slots_always_give_the_same_reply(nlg: NaturalLanguageGenerator) -> None:
    slots = {"nation": "wales", "risk_category": "C2", "risk_detail": "self"}
    assert len({reply(nlg, "utter_crisis", **slots)["text"] for _ in range(20)}) == 1


def test_other_responses_come_from_the_domain(nlg: NaturalLanguageGenerator) -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert reply(nlg, "utter_iamabot")["text"] in [v["text"] for v in domain["responses"]["utter_iamabot"]]


def test_follow_ups_keep_the_wales_numbers(nlg: NaturalLanguageGenerator) -> None:
    text = reply(nlg, "utter_crisis_safe", nation="wales", risk_category="C1")["text"]
    assert "111" in text and "116 123" in text


class _Tracker:
    def __init__(self, events: list) -> None:
        self.events = events

    def current_slot_values(self) -> dict:
        return {"nation": "wales", "risk_category": "C1", "risk_detail": "self"}


@pytest.mark.asyncio
async def test_the_first_reply_of_a_session_carries_the_privacy_notice(nlg: NaturalLanguageGenerator) -> None:
    from rasa.shared.core.events import SessionStarted

    notice = reply(nlg, "utter_privacy_notice")["text"]
    greet = await nlg.generate("utter_greet", _Tracker([SessionStarted()]), "rest")
    assert greet["text"].startswith(notice) and greet["text"] != notice
    crisis = await nlg.generate("utter_crisis", _Tracker([SessionStarted()]), "rest")
    assert notice in crisis["text"]
    assert crisis["text"].index("999") < crisis["text"].index(notice)  # contacts first, then the notice
    assert crisis["custom"]["type"] == "crisis"
    assert {b["payload"] for b in crisis["buttons"]} == {"/switch_language_cy", "/switch_language_en"}
    assert "Gymraeg" in crisis["text"]  # the active offer


@pytest.mark.asyncio
async def test_the_notice_is_given_once_per_session(nlg: NaturalLanguageGenerator) -> None:
    from rasa.shared.core.events import BotUttered, SessionStarted

    notice = reply(nlg, "utter_privacy_notice")["text"]
    later = await nlg.generate("utter_greet", _Tracker([SessionStarted(), BotUttered("hello")]), "rest")
    assert notice not in later["text"]
    itself = await nlg.generate("utter_privacy_notice", _Tracker([SessionStarted()]), "rest")
    assert itself["text"].startswith(notice) and itself["text"].count(notice) == 1
    new_session = await nlg.generate("utter_greet", _Tracker([BotUttered("old"), SessionStarted()]), "rest")
    assert new_session["text"].startswith(notice)
