"""Redaction: examples, the labelled set's recall per kind, helplines kept in bot replies."""

from __future__ import annotations

import pytest

from bot.console.redact import find_spans, redact_bot, redact_user
from tools.console.evaluate import evaluate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call me on 07700 900123", "call me on [phone]"),
        ("+44 7700 900123 is mine", "[phone] is mine"),
        ("ring +44 (0)1597 822 191", "ring [phone]"),
        ("(01908) 690000 any time", "[phone] any time"),
        ("0044 20 7946 0958", "[phone]"),
        ("jo.bloggs+baby@hotmail.co.uk", "[email]"),
        ("we're at LD3 7HR", "we're at LD3 ***"),
        ("mk93ej", "MK9 ***"),
        ("NHS number 943 476 5919", "NHS number [NHS number]"),
        ("nhs 9434765919", "nhs [NHS number]"),
        ("I'm in Brecon, LD3", "I'm in Brecon, LD3"),
        ("baby is 10 weeks, born 12/03/2024 at 3.45am", "baby is 10 weeks, born 12/03/2024 at 3.45am"),
    ],
)
def test_redact_user(text: str, expected: str) -> None:
    assert redact_user(text) == expected


@pytest.mark.parametrize(
    "reply",
    [
        "Call Samaritans free on 116 123, any time.",
        "Call C.A.L.L. on 0800 132 737 or text SHOUT to 85258.",
        "PANDAS helpline 0808 1961 776. NHS 111, press 2. In an emergency call 999.",
        "Mums Matter Powys: 01597 822191, mumsmatter@example.org",
        "Mind Infoline 0300 123 3393",
    ],
)
def test_helplines_never_redacted_in_bot_replies(reply: str) -> None:
    assert redact_bot(reply) == reply


def test_bot_reply_echoing_a_postcode_keeps_only_the_district() -> None:
    assert redact_bot("Here is what I found near LD3 7HR.") == "Here is what I found near LD3 ***."


def test_labelled_set_recall_at_least_99_percent_per_kind(capsys: pytest.CaptureFixture[str]) -> None:
    report, problems = evaluate()
    with capsys.disabled():
        print()
        for kind, r in report.items():
            print(f"redaction {kind:9} n={r['labelled']:3} recall={r['recall']:.3f} precision={r['precision']:.3f}")
    assert all(r["labelled"] >= 50 for r in report.values())
    assert {k: r["recall"] >= 0.99 for k, r in report.items()} == dict.fromkeys(report, True), problems


def test_spans_do_not_overlap() -> None:
    spans = find_spans("email a@b.co.uk 07700 900123 LD3 7HR 943 476 5919")
    assert [s.kind for s in spans] == ["email", "phone", "postcode", "nhs"]
