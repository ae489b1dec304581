"""The gazetteer data (data/directory/places.yml): every place a parent names resolves as it should.

Each Powys town and village resolves to Powys in English and, where it has one, by its Welsh
name; each Milton Keynes estate, town and village resolves to Milton Keynes; places over the
borders and in Scotland and Northern Ireland resolve as outside with their nation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.directory.places import DEFAULT_PLACES_PATH, Gazetteer

RAW: dict[str, Any] = yaml.safe_load(Path(DEFAULT_PLACES_PATH).read_text(encoding="utf-8"))
NOT_IN_TEXT = {n.lower() for n in RAW["not_in_text"]}


def _entries(authority: str) -> list[tuple[str | None, dict[str, Any]]]:
    return [(g.get("subarea"), p) for g in RAW["places"] if g["authority"] == authority for p in g["places"]]


def _surface_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for group in RAW["places"]:
        for p in group["places"]:
            for s in {p["name"], p.get("welsh_name"), *p.get("aliases", [])} - {None}:
                counts[s.lower()] = counts.get(s.lower(), 0) + 1
    for o in RAW["outside"]:
        for s in {o["name"], o.get("welsh_name"), *o.get("aliases", [])} - {None}:
            counts[s.lower()] = counts.get(s.lower(), 0) + 1
    return counts


SHARED = {s for s, n in _surface_counts().items() if n > 1}  # e.g. Walton (Powys and MK), Shenley
POWYS = [(sub, p) for sub, p in _entries("Powys") if p["name"].lower() not in SHARED]
POWYS_WELSH = [(sub, p) for sub, p in POWYS if p.get("welsh_name")]
MK = [p for _, p in _entries("Milton Keynes") if p["name"].lower() not in SHARED]


@pytest.mark.parametrize(("subarea", "entry"), POWYS, ids=[p["name"] for _, p in POWYS])
def test_powys_place_resolves_in_english(gazetteer: Gazetteer, subarea: str, entry: dict[str, Any]) -> None:
    match = gazetteer.resolve(entry["name"])
    place = match.place
    assert place is not None, match
    assert (match.status, place.name, place.authority, place.subarea, place.nation) == (
        "found",
        entry["name"],
        "Powys",
        subarea,
        "wales",
    )
    assert place.areas[-3:] == ("Powys", "Wales", "UK")


@pytest.mark.parametrize(("subarea", "entry"), POWYS_WELSH, ids=[p["welsh_name"] for _, p in POWYS_WELSH])
def test_powys_place_resolves_in_welsh(gazetteer: Gazetteer, subarea: str, entry: dict[str, Any]) -> None:
    match = gazetteer.resolve(f"dw i'n byw yn {entry['welsh_name']}")
    place = match.place
    assert place is not None, match
    assert (match.status, place.name, place.authority, place.subarea) == (
        "found",
        entry["name"],
        "Powys",
        subarea,
    )


@pytest.mark.parametrize("entry", MK, ids=[p["name"] for p in MK])
def test_milton_keynes_place_resolves_to_milton_keynes(gazetteer: Gazetteer, entry: dict[str, Any]) -> None:
    match = gazetteer.resolve(f"{entry['name']}, Milton Keynes")
    place = match.place
    assert place is not None, match
    assert (match.status, place.name, place.authority, place.nation) == (
        "found",
        entry["name"],
        "Milton Keynes",
        "england",
    )
    assert place.areas[-3:] == ("Milton Keynes", "England", "UK")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Y Clas-ar-Wy", "Glasbury"),
        ("Glasbury on Wye", "Glasbury"),
        ("Bochrwyd", "Boughrood"),
        ("Pencraig", "Old Radnor"),
        ("Tretŵr", "Tretower"),
        ("Tretwr", "Tretower"),
        ("Cemaes", "Cemmaes"),
        ("Llangenau", "Llangenny"),
        ("Llanfair Llythynwg", "Gladestry"),
        ("Einsiob", "Evenjobb"),
        ("Cleirwy", "Clyro"),
        ("Llanfihangel yng Ngwynfa", "Llanfihangel-yng-Ngwynfa"),
        ("Kingsmead", "Kingsmead"),
        ("Oxley Park", "Oxley Park"),
        ("Milton Keynes Village", "Middleton"),
        ("the Woolstones", "Woolstone"),
        ("Wavendon Gate", "Wavendon Gate"),
    ],
)
def test_names_parents_type(gazetteer: Gazetteer, text: str, name: str) -> None:
    match = gazetteer.resolve(text)
    assert (match.status, match.place.name if match.place else None) == ("found", name)


def test_brecon_suburbs_are_in_brecon_and_district(gazetteer: Gazetteer) -> None:
    names = ("Llanfaes", "Llanspyddid", "Trallong", "Cradoc")
    districts = {n: getattr(gazetteer.resolve(n).place, "district", None) for n in names}
    assert districts == dict.fromkeys(names, "Brecon and district")


OUTSIDE = [
    ("Oswestry", "england"),
    ("Shrewsbury", "england"),
    ("Bishop's Castle", "england"),
    ("Trefesgob", "england"),
    ("Clun", "england"),
    ("Chirbury", "england"),
    ("Kington", "england"),
    ("Hereford", "england"),
    ("Leominster", "england"),
    ("Aberystwyth", "wales"),
    ("Penderyn", "wales"),
    ("Ystalyfera", "wales"),
    ("Llandovery", "wales"),
    ("Buckingham", "england"),
    ("Leighton Buzzard", "england"),
    ("Woburn", "england"),
    ("Towcester", "england"),
    ("Northampton", "england"),
    ("Bedford", "england"),
    ("Old Stratford", "england"),
    ("Newton Longville", "england"),
    ("Aspley Guise", "england"),
    ("Glasgow", "scotland"),
    ("Edinburgh", "scotland"),
    ("Aberdeen", "scotland"),
    ("Dundee", "scotland"),
    ("Inverness", "scotland"),
    ("Stirling", "scotland"),
    ("Belfast", "northern_ireland"),
    ("Derry", "northern_ireland"),
    ("Londonderry", "northern_ireland"),
    ("Newry", "northern_ireland"),
]


@pytest.mark.parametrize(("text", "nation"), OUTSIDE)
def test_outside_place_keeps_its_nation(gazetteer: Gazetteer, text: str, nation: str) -> None:
    place = gazetteer.resolve(text).place
    assert place is not None, text
    assert (place.outside, place.nation, place.kind) == (True, nation, "town")


@pytest.mark.parametrize(
    ("text", "district", "authority"),
    [
        ("SY15 6AA", "SY15", "Powys"),
        ("SY22 5AA", "SY22", "Powys"),
        ("LD7 1AA", "LD7", "Powys"),
        ("LD8 2AA", "LD8", "Powys"),
        ("HR3 5AB", "HR3 5", "Powys"),
        ("MK19 7AA", "MK19", "Milton Keynes"),
    ],
)
def test_border_postcodes(gazetteer: Gazetteer, text: str, district: str, authority: str) -> None:
    place = gazetteer.resolve(text).place
    assert place is not None, text
    assert (place.name, place.kind, place.authority) == (district, "postcode_district", authority)


def test_border_postcodes_shared_with_england_ask(gazetteer: Gazetteer) -> None:
    assert [c.name for c in gazetteer.resolve("SY10 0AA").candidates] == ["Powys", "Shropshire"]


@pytest.mark.parametrize("text", ["Garth is my partner", "my mum Granby helps", "Simpson is our surname"])
def test_village_names_that_are_words_are_not_tagged_in_free_text(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.find_in_text(text) == []


def test_every_group_is_sorted_and_has_no_duplicate_names() -> None:
    for group in RAW["places"]:
        names = [p["name"] for p in group["places"]]
        folded = [n.lower().replace("-", " ").replace("'", "") for n in names]
        assert folded == sorted(folded), (group["authority"], group.get("subarea"))
        assert len(set(folded)) == len(folded)


def test_counts(gazetteer: Gazetteer) -> None:
    ours = [p for p in gazetteer.places() if not p.outside and p.kind in ("town", "village")]
    counts = {a: sum(p.authority == a for p in ours) for a in ("Powys", "Milton Keynes")}
    assert counts["Powys"] >= 160 and counts["Milton Keynes"] >= 120


def test_welsh_village_names_are_tagged_in_free_text(gazetteer: Gazetteer) -> None:
    text = "we moved from Y Clas-ar-Wy to Tretŵr last year"
    assert [(text[s:e], p.name) for s, e, p in gazetteer.find_in_text(text)] == [
        ("Y Clas-ar-Wy", "Glasbury"),
        ("Tretŵr", "Tretower"),
    ]


def test_common_welsh_words_are_not_taken_for_places_in_free_text(gazetteer: Gazetteer) -> None:
    assert gazetteer.find_in_text("mae'r bwlch rhwng y ddau fryn") == []
    assert gazetteer.resolve("Bwlch").status == "found"  # still understood as an answer to "where?"
