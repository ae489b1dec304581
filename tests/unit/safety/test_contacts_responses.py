"""Contacts against SAFETY.md, and the generated crisis responses (domain.yml and in memory)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.safety import responses
from bot.safety.contacts import all_contacts, contacts_for, payload

ROOT = Path(__file__).resolve().parents[3]
SAFETY = ROOT / "docs" / "safety" / "SAFETY.md"
DIGITS = re.compile(r"\d[\d ]{1,14}\d|\b999\b|\b111\b")


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _safety_numbers() -> set[str]:
    table = [line for line in SAFETY.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    return {_digits(m) for line in table for m in DIGITS.findall(line)}


def _domain_responses() -> dict[str, list[dict]]:
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]


def _crisis_variations() -> list[dict]:
    return [v for variations in responses.crisis_responses().values() for v in variations]


def test_every_number_in_contacts_is_in_safety_md() -> None:
    """Every number a crisis reply can give is in the safety case (unverified ones are never shown)."""
    known = _safety_numbers()
    given = {
        c.id: c
        for cat in [f"C{i}" for i in range(1, 10)] + ["check_in"]
        for nation in ("england", "wales", None)
        for detail in ("intrusive", "intent")
        for c in contacts_for(cat, nation, detail)
    }
    assert {"emergency", "samaritans", "shout", "live_fear_free"} <= set(given)
    for c in [c for c in given.values() if c.verified]:
        for value in (c.phone, c.tel, c.sms):
            if value:
                assert _digits(value) in known, (c.id, value)


def test_every_contact_has_source_and_date() -> None:
    for c in all_contacts():
        assert (
            c.status in {"V", "U"}
            and c.source.startswith("https://")
            and c.last_verified.isoformat() >= "2026-12-01"
        )


def test_unverified_numbers_never_shown() -> None:
    hidden = {_digits(c.phone) for c in all_contacts() if not c.verified and c.phone}
    assert hidden  # PANDAS helpline, Samaritans Welsh line
    for v in _crisis_variations():
        shown = {_digits(m) for m in DIGITS.findall(v["text"])}
        assert not shown & hidden
        for card in (v.get("custom") or {}).get("contacts", []):
            assert card["phone"] is None or _digits(card["phone"]) not in hidden


def test_numbers_in_text_match_the_payload() -> None:
    for v in _crisis_variations():
        if "custom" not in v:
            continue
        listed = {_digits(x) for card in v["custom"]["contacts"] for x in (card["phone"], card["sms"]) if x}
        for m in DIGITS.findall(v["text"]):
            assert _digits(m) in listed | {"999"}, (m, v["text"][:60])


def _nation(v: dict) -> str | None:
    return next((c["value"] for c in v.get("condition", []) if c["name"] == "nation"), "absent")


def test_no_england_wording_in_wales_and_vice_versa() -> None:
    for v in _crisis_variations():
        text = v["text"]
        if _nation(v) == "wales":
            assert "England" not in text and "0808 2000 247" not in text
        if _nation(v) == "england":
            assert "Wales" not in text and "0808 80 10 800" not in text and "press 2" not in text


def test_unknown_nation_gets_both_111_wordings() -> None:
    default = _domain_responses()["utter_crisis"][-1]
    assert "condition" not in default
    for phrase in ("999", "116 123", "SHOUT to 85258", "choose the mental health option", "press 2"):
        assert phrase in default["text"]


def test_crisis_variations_never_overlap() -> None:
    seen = set()
    for v in responses.crisis_responses()["utter_crisis"]:
        key = tuple(sorted((c["name"], c["value"]) for c in v.get("condition", [])))
        assert key not in seen
        seen.add(key)


@pytest.mark.parametrize(
    ("category", "detail", "nation", "must"),
    [
        ("C5", None, "wales", ["0808 80 10 800", "close or clear this chat"]),
        ("C5", None, "england", ["0808 2000 247", "close or clear this chat"]),
        ("C8", None, None, ["0808 2000 247", "0808 80 10 800"]),
        ("C6", None, "wales", ["999", "0808 800 5000"]),
        ("C9", None, "england", ["0800 1111"]),
        (
            "C3",
            "intrusive",
            "wales",
            ["common", "do not act on them", "GP, midwife or health visitor", "pandasfoundation.org.uk"],
        ),
        ("C3", "intent", "england", ["999", "116 123"]),
        ("C4", None, "wales", ["999", "press 2", "perinatal team"]),
        ("C7", None, "england", ["999"]),
        ("C1", "other_person", "england", ["them", "116 123"]),
    ],
)
def test_category_reply_content(
    category: str, detail: str | None, nation: str | None, must: list[str]
) -> None:
    text = responses.crisis_text(category, nation, detail)
    for phrase in must:
        assert phrase in text


def test_payload_shape() -> None:
    p = payload("C1", "wales")
    assert p["type"] == "crisis" and p["category"] == "C1" and p["nation"] == "wales"
    assert [c["id"] for c in p["contacts"]] == ["emergency", "nhs111_wales", "samaritans", "shout"]
    assert set(p["contacts"][0]) == {
        "id",
        "name",
        "phone",
        "tel",
        "sms",
        "sms_body",
        "url",
        "hours",
        "description",
    }
    assert [c.id for c in contacts_for("C5", None)] == ["emergency", "ndah", "live_fear_free"]


def test_domain_crisis_responses_are_up_to_date() -> None:
    assert responses.main(["--check"]) == 0


def test_domain_holds_every_crisis_response_with_its_default() -> None:
    domain = _domain_responses()
    for name, variations in responses.crisis_responses().items():
        assert domain[name] == [v for v in variations if "condition" not in v]
