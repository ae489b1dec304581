"""The one plain-text card renderer (bot/cards.py): what a parent reads."""

from __future__ import annotations

from typing import Any

import pytest

from bot.cards import render_card, render_crisis, render_services, service_title, text_with_card

CRISIS: dict[str, Any] = {
    "type": "crisis",
    "category": "C1",
    "nation": "wales",
    "language": "en",
    "contacts": [
        {
            "id": "emergency",
            "name": "Emergency",
            "phone": "999",
            "tel": "999",
            "sms": None,
            "sms_body": None,
            "url": None,
            "hours": "24/7",
            "description": "If you are in danger now",
        },
        {
            "id": "samaritans",
            "name": "Samaritans",
            "phone": "116 123",
            "tel": "116123",
            "sms": None,
            "sms_body": None,
            "url": "https://www.samaritans.org",
            "hours": "24 hours, every day",
            "description": "",
        },
        {
            "id": "shout",
            "name": "Shout",
            "phone": None,
            "tel": None,
            "sms": "85258",
            "sms_body": "SHOUT",
            "url": None,
            "hours": "24/7",
            "description": None,
        },
    ],
}
MUMS_MATTER = {
    "id": "mums-matter",
    "name": "Mums Matter (Brecon & District Mind)",
    "organisation": "Brecon & District Mind",
    "description": "A course",
    "audience": "Mums",
    "phone": "01874 611529",
    "tel": "01874611529",
    "email": "a@b.org",
    "url": "https://example.org",
    "cost": "Free",
    "mode": "in person",
    "schedule": "Weekly",
    "area": "Powys",
}
WALK = {
    "id": "x",
    "name": "Walk and Talk",
    "organisation": "Powys Walks",
    "description": "A walk",
    "audience": None,
    "phone": None,
    "tel": None,
    "email": None,
    "url": None,
    "cost": "Free",
    "mode": "in person",
    "schedule": None,
    "area": "Powys",
}
SERVICES: dict[str, Any] = {"type": "services", "more": True, "local": True, "services": [MUMS_MATTER, WALK]}

MUMS_MATTER_TEXT = (
    "Mums Matter (Brecon & District Mind)\nWhat it is: A course\nWho it's for: Mums\n"
    "Phone: 01874 611529\nEmail: a@b.org\nWebsite: https://example.org\nCost: Free\n"
    "How: in person\nWhen: Weekly\nArea: Powys"
)
WALK_TEXT = "Walk and Talk (Powys Walks)\nWhat it is: A walk\nCost: Free\nHow: in person\nArea: Powys"


def test_crisis_card_lists_every_number_as_plain_text() -> None:
    assert render_crisis(CRISIS, "en") == (
        "Who you can contact:\n"
        "• Emergency: call 999 (24/7)\n"
        "  If you are in danger now\n"
        "• Samaritans: call 116 123 (24 hours, every day)\n"
        "  https://www.samaritans.org\n"
        "• Shout (24/7)\n"
        "  text SHOUT to 85258"
    )


def test_crisis_card_in_welsh() -> None:
    assert render_crisis(CRISIS, "cy").splitlines()[:2] == [
        "Pwy allwch chi gysylltu â nhw:",
        "• Emergency: ffoniwch 999 (24/7)",
    ]
    assert "  tecstiwch SHOUT i 85258" in render_crisis(CRISIS, "cy").splitlines()


def test_the_organisation_is_named_once() -> None:
    assert service_title(MUMS_MATTER) == "Mums Matter (Brecon & District Mind)"
    assert service_title(WALK) == "Walk and Talk (Powys Walks)"
    assert service_title({"name": "Mind Cymru", "organisation": "mind cymru"}) == "Mind Cymru"


def test_services_card_is_numbered_from_the_payloads_offset() -> None:
    assert render_services(SERVICES, "en") == (
        f"Services that may help:\n\n1. {MUMS_MATTER_TEXT}\n\n2. {WALK_TEXT}"
    )
    page_two = {**SERVICES, "offset": 3}
    assert render_services(page_two, "en", heading=False) == f"4. {MUMS_MATTER_TEXT}\n\n5. {WALK_TEXT}"


def test_services_card_in_welsh() -> None:
    lines = render_services({**SERVICES, "services": [WALK]}, "cy").splitlines()
    assert lines == [
        "Gwasanaethau a allai helpu:",
        "",
        "1. Walk and Talk (Powys Walks)",
        "Beth ydyw: A walk",
        "Cost: Free",
        "Sut: in person",
        "Ardal: Powys",
    ]


@pytest.mark.parametrize(
    "payload",
    [
        {"type": "other"},
        {"type": "services", "services": []},
        {"type": "crisis", "contacts": []},
        "text",
        None,
    ],
)
def test_a_payload_that_is_not_a_card_renders_nothing(payload: object) -> None:
    assert render_card(payload) is None


def test_the_services_listed_in_the_text_are_replaced_by_the_card() -> None:
    text = (
        "Here is support near Brecon:\n\n1. Mums Matter (Brecon & District Mind)\nA course\nFor: Mums\n\n"
        "2. Walk and Talk (Powys Walks)\nA walk"
    )
    assert text_with_card(text, SERVICES, "en") == (
        f"Here is support near Brecon:\n\n1. {MUMS_MATTER_TEXT}\n\n2. {WALK_TEXT}"
    )
    # Text that is only the list ("show more"): the card with its heading, numbered from the offset.
    page_two = "4. Mums Matter\nA course\n\n5. Walk and Talk\nA walk"
    assert text_with_card(page_two, SERVICES, "en") == (
        f"Services that may help:\n\n4. {MUMS_MATTER_TEXT}\n\n5. {WALK_TEXT}"
    )
    assert text_with_card(page_two, {**SERVICES, "offset": 6}, "en").splitlines()[2] == (
        "7. Mums Matter (Brecon & District Mind)"
    )
    # Text that has only its introduction already.
    assert text_with_card("Here is support near Brecon:", SERVICES, "en") == (
        f"Here is support near Brecon:\n\n1. {MUMS_MATTER_TEXT}\n\n2. {WALK_TEXT}"
    )


def test_the_contacts_listed_in_a_crisis_text_are_replaced_by_the_card() -> None:
    text = (
        "I'm really glad you told me.\n\n- Emergency: call 999\n- Samaritans: call 116 123\n"
        "- Shout: text SHOUT to 85258\n\nSomeone may see this screen."
    )
    assert text_with_card(text, CRISIS, "en") == (
        f"I'm really glad you told me.\n\n{render_crisis(CRISIS, 'en')}\n\nSomeone may see this screen."
    )


def test_text_is_kept_whole_when_the_card_is_empty_or_not_a_card() -> None:
    text = "Please call 999.\n\n- Samaritans: call 116 123"
    assert text_with_card(text, {"type": "crisis", "contacts": []}, "en") == text
    assert text_with_card(text, {"type": "other"}, "en") == text
