"""Directory search on the real seed, in-memory SQLite."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from bot.directory.places import Gazetteer
from bot.directory.queries import (
    ServiceCard,
    count_services,
    find_services,
    get_service,
    national_services,
)

NATIONAL = ["pandas-support", "mind-infoline", "fathers-reaching-out", "app-peer-support",
            "parent-infant-foundation-info", "family-lives-advice"]
PROFESSIONAL = {"pavo-startwell", "powys-pimh-steering-group", "powys-ihv-champion-training"}
CRISIS = {"samaritans", "shout", "nhs-111-england", "nhs-111-wales", "ndah", "live-fear-free",
          "nspcc-helpline", "childline", "papyrus-hopeline247", "calm-helpline"}


def ids(result) -> list[str]:
    return [c.id for c in result.services]


def search(session: Session, gazetteer: Gazetteer, where: str | None, **kw):
    place = gazetteer.resolve(where).place if where else None
    return find_services(session, place, limit=kw.pop("limit", 20), **kw)


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("Brecon", ["brecon-mind-mums-matter", *NATIONAL]),
        ("Aberhonddu", ["brecon-mind-mums-matter", *NATIONAL]),
        ("LD3 7HR", ["brecon-mind-mums-matter", *NATIONAL]),
        ("Ystradgynlais", ["ystradgynlais-mind-mums-matter", "brecon-mind-mums-matter", *NATIONAL]),
        ("SA9 1AA", ["ystradgynlais-mind-mums-matter", "brecon-mind-mums-matter", *NATIONAL]),
        ("Newtown", ["mnp-mind-mums-matter", *NATIONAL]),
        ("Y Drenewydd", ["mnp-mind-mums-matter", *NATIONAL]),
        ("Llandod", ["mnp-mind-mums-matter", *NATIONAL]),
        ("MK", ["cnwl-circle-of-security", "cnwl-one-to-one", "cnwl-walking-group", *NATIONAL]),
        ("Bletchley", ["cnwl-circle-of-security", "cnwl-one-to-one", "cnwl-walking-group", *NATIONAL]),
        ("MK9 3AA", ["cnwl-circle-of-security", "cnwl-one-to-one", "cnwl-walking-group", *NATIONAL]),
        ("Powys", ["brecon-mind-mums-matter", "mnp-mind-mums-matter",
                   "ystradgynlais-mind-mums-matter", *NATIONAL]),
    ],
)
def test_local_services_first(session, gazetteer, where: str, expected: list[str]) -> None:
    result = search(session, gazetteer, where)
    assert (ids(result), result.local, result.total, result.has_more) == (
        expected, True, len(expected), False,
    )


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("Cardiff", NATIONAL),
        ("London", NATIONAL),
        ("MK18 1AA", NATIONAL),
        # Mind Infoline and Family Lives serve England and Wales only.
        ("Glasgow", ["pandas-support", "fathers-reaching-out", "app-peer-support",
                     "parent-infant-foundation-info"]),
    ],
)
def test_outside_gets_national_fallbacks(session, gazetteer, where: str, expected: list[str]) -> None:
    result = search(session, gazetteer, where)
    assert (ids(result), result.local) == (expected, False)


def test_dad_in_mk_gets_services_for_dads_first(session, gazetteer) -> None:
    result = search(session, gazetteer, "MK", role="dad", limit=4)
    assert (ids(result), result.local, result.has_more) == (
        ["cnwl-circle-of-security", "cnwl-one-to-one", "cnwl-walking-group", "fathers-reaching-out"],
        True, True,
    )


def test_dad_with_nothing_local_gets_fathers_service_first(session) -> None:
    result = national_services(session, role="dad")
    assert (ids(result), result.local) == (
        ["fathers-reaching-out", "pandas-support", "mind-infoline"], False,
    )


def test_psychosis_is_urgent_then_app(session) -> None:
    result = national_services(session, need="psychosis")
    assert (ids(result), result.local) == (["nhs-111-england", "nhs-111-wales", "app-peer-support"], False)


def test_attachment_need_in_mk(session, gazetteer) -> None:
    result = search(session, gazetteer, "Bletchley", need="circle_of_security", limit=1)
    assert ids(result) == ["cnwl-circle-of-security"]


@pytest.mark.parametrize(
    ("where", "mode", "expected"),
    [
        (None, "online", ["brecon-mind-mums-matter", "mnp-mind-mums-matter", *NATIONAL]),
        ("Brecon", "online", ["brecon-mind-mums-matter", *NATIONAL]),
        ("MK", "group", ["cnwl-circle-of-security", "cnwl-walking-group"]),
        ("MK", "one_to_one", ["cnwl-one-to-one"]),
        ("Newtown", "group", ["mnp-mind-mums-matter"]),
    ],
)
def test_mode_filter(session, gazetteer, where, mode: str, expected: list[str]) -> None:
    assert ids(search(session, gazetteer, where, mode=mode)) == expected


def test_paging(session, gazetteer) -> None:
    first = search(session, gazetteer, "MK", limit=3)
    second = search(session, gazetteer, "MK", offset=3, limit=3)
    third = search(session, gazetteer, "MK", offset=6, limit=3)
    assert [(ids(r), r.offset, r.has_more, r.total) for r in (first, second, third)] == [
        (["cnwl-circle-of-security", "cnwl-one-to-one", "cnwl-walking-group"], 0, True, 9),
        (NATIONAL[:3], 3, True, 9),
        (NATIONAL[3:], 6, False, 9),
    ]


@pytest.mark.parametrize("where", ["Powys", "Brecon", "Newtown", None])
def test_professional_services_never_offered_to_parents(session, gazetteer, where) -> None:
    for role in (None, "mum", "dad", "partner", "carer", "family"):
        assert PROFESSIONAL.isdisjoint(ids(search(session, gazetteer, where, role=role)))


def test_professionals_see_their_services_first(session, gazetteer) -> None:
    result = search(session, gazetteer, "Brecon", role="professional", limit=3)
    assert (set(ids(result)), result.local) == (PROFESSIONAL, True)


def test_include_professional_flag(session, gazetteer) -> None:
    assert PROFESSIONAL <= set(ids(search(session, gazetteer, "Powys", include_professional=True)))


@pytest.mark.parametrize("where", ["Brecon", "MK", "Cardiff", None])
@pytest.mark.parametrize("need", [None, "postnatal_depression", "low_mood", "anxiety"])
def test_crisis_lines_do_not_fill_support_results(session, gazetteer, where, need) -> None:
    assert CRISIS.isdisjoint(ids(search(session, gazetteer, where, need=need)))


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("Brecon", ["samaritans", "shout", "nhs-111-wales", "live-fear-free"]),
        ("MK", ["samaritans", "shout", "nhs-111-england", "ndah"]),
    ],
)
def test_crisis_need_gives_the_right_nation(session, gazetteer, where, expected) -> None:
    assert ids(search(session, gazetteer, where, need="crisis", limit=4)) == expected


def test_domestic_abuse_in_wales(session, gazetteer) -> None:
    assert ids(search(session, gazetteer, "Newtown", need="domestic_abuse", limit=1)) == ["live-fear-free"]


def test_get_service_card_and_payload(session) -> None:
    card = get_service(session, "pavo-startwell")
    assert card == ServiceCard(
        id="pavo-startwell", name="Startwell (PAVO)",
        organisation="Powys Association of Voluntary Organisations (PAVO)",
        description=card.description, audience=card.audience,
        phone="01597 822191", tel="01597822191", email="lucy.taylor@pavo.org.uk",
        url="https://pavo.org.uk", cost="Free", mode="online", schedule="Contact Lucy by email or phone.",
        area="Powys", kind="network", source=card.source, assured_date=date(2026, 11, 23),
    )
    assert set(card.as_payload()) == {"id", "name", "organisation", "description", "audience", "phone",
                                      "tel", "email", "url", "cost", "mode", "schedule", "area"}


@pytest.mark.parametrize(
    ("service_id", "mode", "area"),
    [("brecon-mind-mums-matter", "online and in person", "Brecon and district, Brecknockshire"),
     ("cnwl-walking-group", "in person", "Milton Keynes"),
     ("mnp-mind-mums-matter", "online", "Radnorshire, Montgomeryshire"),
     ("mind-infoline", "online", "England, Wales")],
)
def test_card_mode_and_area(session, service_id, mode, area) -> None:
    card = get_service(session, service_id)
    assert (card.mode, card.area) == (mode, area)


def test_unknown_service_and_counts(session) -> None:
    assert (get_service(session, "nope"), count_services(session)) == (None, 25)


def test_bad_mode_is_an_error(session) -> None:
    with pytest.raises(ValueError, match="unknown mode"):
        find_services(session, None, mode="carrier pigeon")
