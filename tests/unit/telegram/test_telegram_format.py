"""Splitting, keyboards and card rendering for Telegram (pure functions)."""

from __future__ import annotations

import pytest

from bot.channels.telegram_format import (
    fits_callback,
    inline_keyboard,
    render_crisis,
    render_custom,
    render_services,
    split_text,
    utf16_len,
)

CRISIS = {
    "type": "crisis", "category": "C1", "nation": "wales",
    "contacts": [
        {"id": "emergency", "name": "Emergency", "phone": "999", "tel": "999", "sms": None, "sms_body": None,
         "url": None, "hours": "24/7", "description": "If you are in danger now"},
        {"id": "samaritans", "name": "Samaritans", "phone": "116 123", "tel": "116123", "sms": None,
         "sms_body": None, "url": "https://www.samaritans.org", "hours": "24 hours, every day", "description": ""},
        {"id": "shout", "name": "Shout", "phone": None, "tel": None, "sms": "85258", "sms_body": "SHOUT",
         "url": None, "hours": "24/7", "description": None},
    ],
}
SERVICES = {
    "type": "services", "more": True,
    "services": [
        {"id": "mums-matter", "name": "Mums Matter", "organisation": "Mind in Brecon", "description": "A course",
         "audience": "Mums", "phone": "01874 611529", "tel": "01874611529", "email": "a@b.org",
         "url": "https://example.org", "cost": "Free", "mode": "in person", "schedule": "Weekly",
         "area": "Powys"},
        {"id": "x", "name": "Walk and Talk", "organisation": "", "description": "A walk", "audience": None,
         "phone": None, "tel": None, "email": None, "url": None, "cost": "Free", "mode": "in person",
         "schedule": None, "area": "Powys"},
    ],
}


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 4000, ["short"]),
        ("   ", 4000, []),
        ("aaaa\n\nbbbb", 6, ["aaaa", "bbbb"]),
        ("aaaa\n\nbbbb", 20, ["aaaa\n\nbbbb"]),
        ("One two. Three four.", 12, ["One two.", "Three four."]),
        ("line one\nline two", 10, ["line one", "line two"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ],
)
def test_split_text(text: str, limit: int, expected: list[str]) -> None:
    assert split_text(text, limit) == expected


def test_split_text_keeps_every_word_under_telegrams_limit() -> None:
    paragraphs = [("Sentence number %d is here. " % i) * 40 for i in range(12)]
    text = "\n\n".join(paragraphs) + "\n\n" + "😀" * 3000
    chunks = split_text(text)
    assert all(utf16_len(c) <= 4000 for c in chunks)
    assert len(chunks) > 3
    squash = str.maketrans("", "", " \n")
    assert "".join(chunks).translate(squash) == text.translate(squash)


def test_utf16_length_counts_emoji_twice() -> None:
    assert utf16_len("a😀") == 3


@pytest.mark.parametrize(("data", "fits"), [("/greet", True), ("", False), ("x" * 64, True), ("x" * 65, False),
                                            ("é" * 33, False)])
def test_fits_callback(data: str, fits: bool) -> None:
    assert fits_callback(data) is fits


def test_inline_keyboard_one_button_per_row_and_links() -> None:
    buttons = [
        {"title": "Yes", "payload": "/affirm"},
        {"title": "Site", "payload": "https://example.org"},
        {"title": "Long", "payload": "/inform" + "x" * 80},
    ]
    markup = inline_keyboard(buttons, lambda p: p if len(p) <= 64 else "cb:short")
    assert markup == {"inline_keyboard": [
        [{"text": "Yes", "callback_data": "/affirm"}],
        [{"text": "Site", "url": "https://example.org"}],
        [{"text": "Long", "callback_data": "cb:short"}],
    ]}


def test_render_crisis_lists_numbers_as_plain_text() -> None:
    assert render_crisis(CRISIS) == (
        "Who you can contact:\n"
        "• Emergency: call 999 (24/7)\n"
        "  If you are in danger now\n"
        "• Samaritans: call 116 123 (24 hours, every day)\n"
        "  https://www.samaritans.org\n"
        "• Shout (24/7)\n"
        "  text SHOUT to 85258"
    )


def test_render_services_formats_each_card() -> None:
    assert render_services(SERVICES) == (
        "Services that may help:\n\n"
        "1. Mums Matter (Mind in Brecon)\nWhat it is: A course\nWho it's for: Mums\nPhone: 01874 611529\n"
        "Email: a@b.org\nWebsite: https://example.org\nCost: Free\nHow: in person\nWhen: Weekly\nArea: Powys\n\n"
        "2. Walk and Talk\nWhat it is: A walk\nCost: Free\nHow: in person\nArea: Powys"
    )


@pytest.mark.parametrize("payload", [{"type": "other"}, {"type": "services", "services": []}, "text", None])
def test_render_custom_skips_unknown(payload: object) -> None:
    assert render_custom(payload) is None
