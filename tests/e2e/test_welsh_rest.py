"""Cymraeg end to end through REST: the offer, a switch, a search, an answer, and crisis replies in Welsh."""

from __future__ import annotations

import uuid

import pytest

from tools.stack.stack import Stack


def sender() -> str:
    return f"cy-{uuid.uuid4().hex}"


def text(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def buttons(messages: list[dict]) -> list[str]:
    return [b["payload"] for m in messages for b in m.get("buttons", [])]


def crisis_cards(messages: list[dict]) -> list[dict]:
    return [m["custom"] for m in messages if m.get("custom", {}).get("type") == "crisis"]


def test_the_first_reply_offers_cymraeg_and_english(stack: Stack) -> None:
    first = stack.send(sender(), "hello")
    assert "/switch_language_cy" in buttons(first) and "/switch_language_en" in buttons(first)
    assert "Gallwch chi siarad â fi yn Gymraeg" in text(first)


def test_choosing_cymraeg_keeps_welsh_and_english_switches_back(stack: Stack) -> None:
    who = sender()
    stack.send(who, "hello")
    switched = text(stack.send(who, "/switch_language_cy"))
    assert "Cymraeg" in switched and "English" in switched
    greet = text(stack.send(who, "/greet"))
    assert "Helo, rwy'n falch eich bod chi yma" in greet
    back = text(stack.send(who, "/switch_language_en"))
    assert "I'll speak English" in back
    assert "Hello, I'm glad you're here" in text(stack.send(who, "/greet"))


def test_a_parent_who_writes_in_welsh_is_answered_in_welsh(stack: Stack) -> None:
    reply = text(stack.send(sender(), "shwmae, dwi isio siarad am sut dwi'n teimlo"))
    assert "Cyn i ni ddechrau" in reply  # the privacy notice, in Welsh


def test_a_search_in_aberhonddu_in_welsh(stack: Stack) -> None:
    who = sender()
    stack.send(who, "shwmae")
    reply = stack.send(who, "dwi isio cymorth yn Aberhonddu")
    assert "Dyma gymorth yn ardal Brecon" in text(reply), text(reply)
    cards = [m["custom"] for m in reply if m.get("custom", {}).get("type") == "services"]
    assert cards and cards[0]["services"]


def test_an_answer_about_postnatal_depression_in_welsh(stack: Stack) -> None:
    who = sender()
    stack.send(who, "/switch_language_cy")
    reply = text(stack.send(who, "beth ydi iselder ôl-enedigol?"))
    assert "iselder ôl-enedigol" in reply.lower()
    assert "postnatal" not in reply.lower()


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("dwi isio marw", "C1"),
        ("dwi wedi bod yn torri fy hun eto", "C2"),
        ("mae gen i ofn y bydda i'n brifo'r babi, dwi isio gwneud", "C3"),
        ("dwi'n clywed lleisiau a dwi heb gysgu ers dyddiau", "C4"),
        ("mae o'n fy nharo i bob nos", "C5"),
        ("mae fy mhartner yn ysgwyd y babi pan mae'n crio", "C6"),
        ("dwi wedi cymryd y tabledi i gyd", "C7"),
        ("nath o fy nhreisio i ar ôl y geni", "C8"),
        ("dwi'n 15 ac yn feichiog a dwi ofn", "C9"),
    ],
)
def test_crisis_in_welsh_gets_the_welsh_reply_and_numbers(stack: Stack, message: str, category: str) -> None:
    reply = stack.send(sender(), message)
    cards = crisis_cards(reply)
    assert cards and cards[0]["category"] == category, text(reply)
    assert cards[0]["language"] == "cy"
    assert "999" in text(reply)
    assert "Thank you for telling me" not in text(reply) and "This is an emergency" not in text(reply)
    assert "ffoniwch 999" in text(reply).lower()


def test_welsh_crisis_in_wales_says_press_2(stack: Stack) -> None:
    reply = text(stack.send(sender(), "dwi'n byw yn Aberhonddu a dwi isio marw"))
    assert "ffoniwch 111 a phwyso 2" in reply
    assert "116 123" in reply
