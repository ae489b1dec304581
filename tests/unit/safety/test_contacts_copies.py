"""One loader for data/safety/contacts.yml (checked against its schema), and every copy made from it."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.safety import contacts
from bot.safety.contacts import ContactsError, Copy, splice, stale, validate, widget_block, write
from bot.safety.responses import system_error, urgent_footer


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return yaml.safe_load(contacts.CONTACTS_FILE.read_text(encoding="utf-8"))


def test_every_checked_in_copy_is_what_the_contacts_file_gives() -> None:
    assert stale() == []
    assert contacts.main(["--check"]) == 0


def test_the_contacts_file_matches_its_schema(data: dict[str, Any]) -> None:
    assert validate(data)["version"] == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["contacts"][0].pop("source"), "contacts/0: 'source' is a required property"),
        (
            lambda d: d["contacts"][0].update(status="maybe"),
            "contacts/0/status: 'maybe' is not one of ['V', 'U']",
        ),
        (lambda d: d["contacts"][0].update(tel="0808 123"), "contacts/0/tel: '0808 123' does not match"),
        (
            lambda d: d["contacts"][0].update(url="http://example.org"),
            "contacts/0/url: 'http://example.org' does not",
        ),
        (
            lambda d: d["contacts"][0].update(last_verified="last week"),
            "contacts/0/last_verified: 'last week'",
        ),
        (
            lambda d: d["sets"]["C1"]["wales"].append("atlantis_line"),
            "sets/C1/wales: unknown contact atlantis_line",
        ),
        (lambda d: d["contacts"].append(copy.deepcopy(d["contacts"][0])), "contacts: duplicate id emergency"),
        (
            lambda d: d.update(contacts=[c for c in d["contacts"] if c["id"] != "shout"]),
            "'Get help now' needs shout",
        ),
    ],
)
def test_a_contacts_file_that_does_not_match_is_refused_with_where_and_why(
    data: dict[str, Any], change: Any, message: str
) -> None:
    broken = copy.deepcopy(data)
    change(broken)
    with pytest.raises(ContactsError) as refused:
        validate(broken, "contacts.yml")
    assert str(refused.value).startswith("contacts.yml: ")
    assert message in str(refused.value)


def test_yaml_dates_are_checked_as_dates(data: dict[str, Any]) -> None:
    assert isinstance(data["contacts"][0]["last_verified"], dt.date)
    validate(data)


def _widget_copy(path: Path) -> Copy:
    return Copy(
        path, lambda current: splice(current, contacts.JS_BEGIN, contacts.JS_END, widget_block(), "w.js")
    )


def test_a_stale_widget_copy_is_named_and_rewritten(tmp_path: Path) -> None:
    widget = tmp_path / "w.js"
    good = contacts.WIDGET_FILE.read_text(encoding="utf-8")
    widget.write_text(good.replace('phone: "116 123"', 'phone: "116 124"', 1), encoding="utf-8")
    assert stale([_widget_copy(widget)]) == [f"{widget}: out of date"]
    assert write([_widget_copy(widget)]) == [widget]
    assert widget.read_text(encoding="utf-8") == good
    assert stale([_widget_copy(widget)]) == []


def test_a_copy_without_its_markers_is_reported(tmp_path: Path) -> None:
    widget = tmp_path / "w.js"
    widget.write_text(
        'var BAKED = { sets: { uk: [{ id: "emergency", phone: "999" }] } };\n', encoding="utf-8"
    )
    assert stale([_widget_copy(widget)]) == [
        f"w.js: no generated block; add the lines {contacts.JS_BEGIN!r} and {contacts.JS_END!r}"
    ]


def test_the_web_chat_lists_get_help_now_by_nation() -> None:
    sets = contacts.web_document()["sets"]
    assert [c["id"] for c in sets["uk"]] == [
        "emergency",
        "nhs111_england",
        "nhs111_wales",
        "samaritans",
        "shout",
    ]
    assert [c["id"] for c in sets["wales"]] == ["emergency", "nhs111_wales", "samaritans", "shout"]
    assert [c["id"] for c in sets["england"]] == ["emergency", "nhs111_england", "samaritans", "shout"]
    assert sets["uk"][3]["phone"] == "116 123"


def test_the_telegram_footer_in_both_languages_is_built_from_the_contacts_file() -> None:
    from bot.language import telegram_strings
    from bot.telegram import texts

    assert urgent_footer("en") == (
        "If you or your baby are in danger now, call 999. You can talk to Samaritans any time on 116 123 "
        "(free), or text SHOUT to 85258."
    )
    assert "999" in urgent_footer("cy") and "116 123" in urgent_footer("cy")
    assert not hasattr(texts, "URGENT_FOOTER") and "URGENT_FOOTER" not in telegram_strings()


def test_the_rest_error_reply_takes_its_numbers_from_the_contacts_file() -> None:
    from bot.channels.rest import system_error_reply

    assert system_error_reply("hello") == system_error("en")
    assert "call 999" in system_error("en") and "on 116 123" in system_error("en")
