"""Redaction: examples, the labelled set's recall per kind, the blind set's floors, what stays visible."""

from __future__ import annotations

import pytest

from bot.console.redact import find_spans, known_contacts, redact_bot, redact_user
from bot.directory.seed import load_seed
from bot.safety.contacts import all_contacts
from tools.console.evaluate import evaluate
from tools.console.redaction_blind import score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call me on 07700 900123", "call me on [phone]"),
        ("+44 7700 900123 is mine", "[phone] is mine"),
        ("ring +44 (0)1632 960 191", "ring [phone]"),
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
    ("text", "expected"),
    [
        ("jane dot smith at gmail dot com", "[email]"),
        ("email me: jane(at)hotmail.co.uk thanks", "email me: [email] thanks"),
        ("its jane @ yahoo . com", "its [email]"),
        ("k.brown[at]outlook[dot]com", "[email]"),
        ("sam.jones@gmail,com", "[email]"),
        ("mob oh seven seven double oh, nine double oh, one two three", "mob [phone]"),
        ("zero seven seven zero zero nine zero zero one two three", "[phone]"),
        ("07700 9oo 123 is me", "[phone] is me"),
        ("nhs no nine four three, four seven six, five nine one nine", "nhs no [NHS number]"),
        ("447700900123", "[phone]"),
        # Not addresses: places and websites after a bare "at".
        ("find us at samaritans.org or at home. com on", "find us at samaritans.org or at home. com on"),
    ],
)
def test_spelled_out_and_disguised_forms(text: str, expected: str) -> None:
    assert redact_user(text) == expected


@pytest.mark.parametrize(
    "reply",
    [
        "Call Samaritans free on 116 123, any time.",
        "Call C.A.L.L. on 0800 132 737 or text SHOUT to 85258.",
        "PANDAS helpline 0808 1961 776. NHS 111, press 2. In an emergency call 999.",
        "Mind Infoline 0300 123 3393, or 0345 000 0000 and 0344 000 0000",
    ],
)
def test_public_numbers_stay_for_parent_and_bot(reply: str) -> None:
    assert redact_bot(reply) == reply
    assert redact_user("I tried: " + reply) == "I tried: " + reply


def test_directory_and_contacts_numbers_and_addresses_stay() -> None:
    """Read from the directory and contacts files: whatever they list is shown as it is."""
    phones = [str(p["number"]) for _, svc in load_seed().services() for p in svc.get("phones") or []]
    phones += [c.phone for c in all_contacts() if c.phone]
    emails = [str(svc["email"]) for _, svc in load_seed().services() if svc.get("email")]
    emails += [c.email for c in all_contacts() if c.email]
    geographic = [p for p in phones if p.startswith(("01", "02"))]
    assert geographic and emails
    for value in geographic + emails:
        assert redact_bot(f"Try {value} today.") == f"Try {value} today."
        assert redact_user(f"I already tried {value}") == f"I already tried {value}"


def test_role_mailboxes_of_known_organisations_stay_but_people_do_not() -> None:
    domain = sorted(d for d in known_contacts().domains if d.count(".") >= 1 and not d[0].isdigit())[0]
    assert redact_user(f"I emailed info@{domain} and referrals@{domain}") == (
        f"I emailed info@{domain} and referrals@{domain}"
    )
    assert redact_user(f"my friend is jane.smith@{domain}") == "my friend is [email]"
    assert redact_user("my work address is jane.smith@nhs.net") == "my work address is [email]"
    assert redact_user("send it to perinatal.referrals@nhs.net") == "send it to perinatal.referrals@nhs.net"
    assert redact_user("info@my-own-shop.co.uk") == "[email]"


def test_bot_reply_repeating_the_parent_is_redacted() -> None:
    reply = "I've got 07700 900123, jo.bloggs@example.com and NHS number 943 476 5919. Samaritans: 116 123."
    assert redact_bot(reply) == "I've got [phone], [email] and NHS number [NHS number]. Samaritans: 116 123."


def test_bot_reply_echoing_a_postcode_keeps_only_the_district() -> None:
    assert redact_bot("Here is what I found near LD3 7HR.") == "Here is what I found near LD3 ***."


def test_labelled_set_recall_at_least_99_percent_per_kind(capsys: pytest.CaptureFixture[str]) -> None:
    report, problems = evaluate()
    with capsys.disabled():
        print()
        for kind, r in report.items():
            print(
                f"redaction {kind:9} n={r['labelled']:3} recall={r['recall']:.3f} precision={r['precision']:.3f}"
            )
    assert all(r["labelled"] >= 50 for r in report.values())
    assert {k: r["recall"] >= 0.99 for k, r in report.items()} == dict.fromkeys(report, True), problems


def test_blind_set_floors(capsys: pytest.CaptureFixture[str]) -> None:
    """Measured, never tuned on (tests/blind/redaction/README.md); floors below the measured figures."""
    result = score()
    with capsys.disabled():
        print()
        for metric in ("recall", "precision", "keep"):
            print(
                f"blind redaction {metric}: "
                + ", ".join(f"{kind} {by['all']['rate']:.3f}" for kind, by in result[metric].items())
            )
    floors = {"recall": 0.97, "precision": 0.95, "keep": 0.95}
    below = {
        (metric, kind, who): r["rate"]
        for metric, floor in floors.items()
        for kind, by in result[metric].items()
        if kind == "ALL" or metric != "precision"
        for who, r in by.items()
        if r["rate"] < floor
    }
    assert below == {}


def test_spans_do_not_overlap() -> None:
    spans = find_spans("email a@b.co.uk 07700 900123 LD3 7HR 943 476 5919")
    assert [s.kind for s in spans] == ["email", "phone", "postcode", "nhs"]
