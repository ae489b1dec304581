"""Cymraeg: every reply has its Welsh, the offer is made, and Welsh is recognised."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.answers import CHECK_IN, DEFAULT_TOPIC, answers
from bot.language import detect, in_welsh, welsh_responses
from bot.safety.responses import crisis_responses

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
PLACEHOLDER = re.compile(r"\{\w+\}")
NUMBER = re.compile(r"\b\d[\d ]{2,}\d\b|\b999\b")


def _non_crisis() -> list[tuple[str, dict]]:
    """Domain responses whose Welsh is in cy.yml (crisis wording and answers have their own homes)."""
    elsewhere = set(crisis_responses()) | set(DEFAULT_TOPIC) | set(CHECK_IN) | {"utter_directory_unavailable"}
    return [(name, v) for name, vs in DOMAIN["responses"].items() if name not in elsewhere for v in vs]


@pytest.mark.parametrize(("name", "variation"), _non_crisis(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_reply_has_its_welsh(name: str, variation: dict) -> None:
    welsh = in_welsh(name, variation)
    assert welsh is not None, name
    if PLACEHOLDER.sub("", variation["text"]).strip():  # not a bare "{services_text}"
        assert welsh["text"] != variation["text"]
    assert sorted(PLACEHOLDER.findall(welsh["text"])) == sorted(PLACEHOLDER.findall(variation["text"]))
    assert sorted(NUMBER.findall(welsh["text"])) == sorted(NUMBER.findall(variation["text"]))
    assert [b["payload"] for b in welsh.get("buttons") or []] == [
        b["payload"] for b in variation.get("buttons") or []
    ]


def test_the_welsh_file_holds_nothing_that_is_not_in_the_domain() -> None:
    for name, variations in welsh_responses().items():
        assert name in DOMAIN["responses"], name
        english = [v["text"].strip() for v in DOMAIN["responses"][name]]
        for v in variations:
            assert v["en"] in english, f"{name}: its English source changed; update the Welsh"


def test_every_crisis_reply_exists_in_welsh_for_every_slot_combination() -> None:
    for name, variations in crisis_responses().items():
        english = [
            v
            for v in variations
            if {"name": "language", "type": "slot", "value": "en"} in v.get("condition", [])
        ]
        welsh = [
            v
            for v in variations
            if {"name": "language", "type": "slot", "value": "cy"} in v.get("condition", [])
        ]
        assert english and len(english) == len(welsh), name
        for en, cy in zip(english, welsh, strict=False):
            assert en["text"] != cy["text"]
            assert sorted(NUMBER.findall(en["text"])) == sorted(NUMBER.findall(cy["text"])), cy["text"][:80]


def test_welsh_crisis_wording_says_press_2() -> None:
    from bot.safety.responses import crisis_text

    text = crisis_text("C1", "wales", "self", "cy")
    assert "ffoniwch 111 a phwyso 2" in text and "116 123" in text and "999" in text


@pytest.mark.parametrize(
    "text",
    [
        "dwi isio siarad efo rhywun",
        "shwmae",
        "bore da",
        "oes grŵp i famau yn Aberhonddu?",
        "dwi wedi blino'n lân ers cael y babi",
    ],
)
def test_welsh_is_recognised(text: str) -> None:
    assert detect(text) == "cy"


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "I live in Aberhonddu",
        "diolch",
        "thanks, that helps",
        "I feel low since the baby",
        "Brecon",
        "LD3",
    ],
)
def test_english_and_single_welsh_courtesies_do_not_switch(text: str) -> None:
    assert detect(text) is None


def test_the_rest_channels_last_resort_reply_follows_the_language() -> None:
    from bot.channels.rest import system_error_reply

    welsh = system_error_reply("dwi isio siarad efo rhywun")
    english = system_error_reply("I need to talk to someone")
    assert "ffoniwch 999" in welsh and "116 123" in welsh
    assert "call 999" in english and "116 123" in english


def test_telegram_own_texts_follow_the_users_language() -> None:
    from bot.telegram import texts

    assert texts.say("FORGET_YES", "cy") != texts.FORGET_YES
    from bot.safety.responses import urgent_footer

    assert "999" in urgent_footer("cy") and "116 123" in urgent_footer("cy")
    assert texts.cannot_read("voice", "cy") != texts.CANNOT_READ["voice"]
    assert texts.say("FORGET_YES", None) == texts.FORGET_YES


def test_every_answer_has_welsh_and_a_source() -> None:
    for topic, answer in answers().items():
        assert answer.cy and answer.cy != answer.en, topic
        assert answer.sources and all(url.startswith(("http://", "https://")) for url in answer.sources), (
            topic
        )
