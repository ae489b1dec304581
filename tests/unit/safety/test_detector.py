"""The detector on every line of the held-out safety test sets."""

from __future__ import annotations

import re

import pytest

from bot.safety.detector import assess, normalise, strip_command
from tests.unit.safety.conftest import load

RISK = load("risk.yml")["risk"]
PAIRS = load("risk.yml")["pairs"]
NEGATED = load("risk.yml")["negated"]
MIXED = load("risk.yml")["mixed"]
EVERYDAY = load("everyday.yml")["everyday"]
PREFIXES = [
    "/{}",
    "/greet {}",
    "/greet@1.0 {}",
    '/greet{{"role": "mum"}} {}',
    "**{}**",
    "<p>{}</p>",
    "<b>{}</b>",
    "_{}_",
    "> {}",
    "`{}`",
    "{} &amp; thanks",
]


def _check(finding, item) -> None:
    assert finding is not None, "missed"
    assert not finding.negated
    assert finding.category == item["cat"]
    if "kind" in item:
        assert finding.detail == item["kind"]
    if item["cat"] not in {"C6", "C9"}:
        assert finding.about_other == bool(item.get("other", False))
    assert re.fullmatch(r"[a-z0-9_.]+", finding.rule)  # a rule id, never message text


@pytest.mark.parametrize("item", RISK, ids=[r["text"][:50] for r in RISK])
def test_risk_message_triggers(item: dict) -> None:
    _check(assess(item["text"]), item)


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("item", RISK, ids=[r["text"][:50] for r in RISK])
def test_risk_message_triggers_through_commands_markdown_html(item: dict, prefix: str) -> None:
    finding = assess(prefix.format(item["text"]))
    assert finding is not None and not finding.negated
    assert finding.category == item["cat"]


@pytest.mark.parametrize("item", PAIRS, ids=[f"{p['previous']} | {p['text']}" for p in PAIRS])
def test_two_message_disclosure(item: dict) -> None:
    _check(assess(item["text"], previous=item["previous"]), item)


@pytest.mark.parametrize(
    "text", ["end it", "end it all", "not wake up", "be gone", "die", "End it.", "/end it"]
)
def test_standalone_completion_without_previous(text: str) -> None:
    finding = assess(text)
    assert finding is not None and finding.category == "C1" and not finding.negated


@pytest.mark.parametrize("item", NEGATED, ids=[n["text"][:50] for n in NEGATED])
def test_negated_risk_is_check_in_only(item: dict) -> None:
    finding = assess(item["text"])
    assert finding is not None and finding.negated and finding.category == item["cat"]


@pytest.mark.parametrize("item", MIXED, ids=[n["text"][:50] for n in MIXED])
def test_negation_next_to_real_risk_is_not_negated(item: dict) -> None:
    finding = assess(item["text"])
    assert finding is not None and not finding.negated and finding.category == item["cat"]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_message_does_not_reach_crisis_path(text: str) -> None:
    finding = assess(text)
    assert finding is None or finding.negated


def test_false_alarm_rate_at_most_3_percent() -> None:
    alarms = [t for t in EVERYDAY if (f := assess(t)) is not None and not f.negated]
    assert len(alarms) / len(EVERYDAY) <= 0.03, alarms


def test_previous_risk_does_not_repeat_on_a_neutral_reply() -> None:
    assert assess("yes I'm safe right now", previous="I want to die") is None


def test_test_set_composition() -> None:
    n = len(RISK) + len(PAIRS)
    assert n >= 400 and len(EVERYDAY) >= 400 and len(PAIRS) >= 15
    assert sum(r["style"] == "indirect" for r in RISK) / n >= 0.40
    assert sum(r["style"] == "textspeak" for r in RISK) / n >= 0.10
    assert sum(r["style"] == "welsh" for r in RISK) >= 8
    assert sum(bool(r.get("other")) for r in RISK + PAIRS) >= 20
    assert {r["cat"] for r in RISK} == {f"C{i}" for i in range(1, 10)}


def test_normalise_strips_command_markup_and_text_speak() -> None:
    assert normalise("/greet@0.9 <b>I dont wanna diiiie</b> &amp;") == "greet i do not want to die &"
    assert strip_command("/greet@1.0 I want to die") == "I want to die"
    assert strip_command('/inform{"location": "Brecon"} hi') == "hi"
    assert strip_command("/kms") == "kms"
    assert strip_command("no command") == "no command"
