"""Place resolution: names, Welsh names, aliases, postcodes, typos and junk."""

from __future__ import annotations

import pytest

from bot.directory.places import Gazetteer, Place

FOUND = [
    ("Brecon", "Brecon"),
    ("brecon", "Brecon"),
    ("BRECON!!", "Brecon"),
    ("brecon powys", "Brecon"),
    ("Brecon, Powys", "Brecon"),
    ("in Aberhonddu", "Brecon"),
    ("I live near Brecon please", "Brecon"),
    ("<b>Brecon</b>", "Brecon"),
    ("Y Drenewydd", "Newtown"),
    ("y drenewydd", "Newtown"),
    ("Newtown", "Newtown"),
    ("newtown powys", "Newtown"),
    ("Llandrindod", "Llandrindod Wells"),
    ("Llandod", "Llandrindod Wells"),
    ("Y Trallwng", "Welshpool"),
    ("Welshpool", "Welshpool"),
    ("Y Gelli Gandryll", "Hay-on-Wye"),
    ("hay on wye", "Hay-on-Wye"),
    ("Llanfair-ym-Muallt", "Builth Wells"),
    ("Trefyclo", "Knighton"),
    ("Tref-y-clawdd", "Knighton"),
    ("Llanandras", "Presteigne"),
    ("Rhaeadr Gwy", "Rhayader"),
    ("Crucywel", "Crickhowell"),
    ("Trefaldwyn", "Montgomery"),
    ("Cegidfa", "Guilsfield"),
    ("Aberriw", "Berriew"),
    ("Pontsenni", "Sennybridge"),
    ("Pen-y-bont-fawr", "Penybontfawr"),
    ("Ystradgynlais", "Ystradgynlais"),
    ("Machynlleth", "Machynlleth"),
    ("Powys", "Powys"),
    ("Cyngor Sir Powys", "Powys"),
    ("south Powys", "Brecknockshire"),
    ("MK", "Milton Keynes"),
    ("near MK", "Milton Keynes"),
    ("Milton Keynes", "Milton Keynes"),
    ("Milton Keynes City Council", "Milton Keynes"),
    ("CMK", "Central Milton Keynes"),
    ("Bletchley", "Bletchley"),
    ("stony stratford", "Stony Stratford"),
    ("Newport Pagnell", "Newport Pagnell"),
    ("Walton, MK", "Walton"),
    ("Brecon & District", "Brecon and district"),
]


@pytest.mark.parametrize(("text", "name"), FOUND)
def test_found(gazetteer: Gazetteer, text: str, name: str) -> None:
    match = gazetteer.resolve(text)
    assert (match.status, match.place.name if match.place else None, match.query) == (
        "found",
        name,
        text,
    )


POSTCODES = [
    ("LD3 7HR", "LD3", "Brecon"),
    ("ld37hr", "LD3", "Brecon"),
    ("ld3 7hr", "LD3", "Brecon"),
    ("LD3", "LD3", "Brecon"),
    ("my postcode is LD1 5AB", "LD1", "Llandrindod Wells"),
    ("SY16 1AA", "SY16", "Newtown"),
    ("sy21", "SY21", "Welshpool"),
    ("SA9 1AA", "SA9", "Ystradgynlais"),
    ("NP8 1AA", "NP8", "Crickhowell"),
    ("HR3 5AB", "HR3 5", "Hay-on-Wye"),
    ("MK9 3AA", "MK9", "Central Milton Keynes"),
    ("mk2", "MK2", "Bletchley"),
    ("MK46 4AA", "MK46", "Olney"),
]


@pytest.mark.parametrize(("text", "district", "town"), POSTCODES)
def test_postcodes(gazetteer: Gazetteer, text: str, district: str, town: str) -> None:
    match = gazetteer.resolve(text)
    assert (match.status, match.place.name, match.place.kind, match.place.areas[1]) == (
        "found",
        district,
        "postcode_district",
        town,
    )


AMBIGUOUS = [
    ("Newport", ["Newport Pagnell", "Newport (Wales)"]),
    ("Walton", ["Walton", "Walton"]),
    ("Shenley", ["Shenley Brook End", "Shenley Church End", "Shenley Lodge"]),
    ("HR3", ["Hay-on-Wye", "Herefordshire"]),
    ("HR3 6AA", ["Hay-on-Wye", "Herefordshire"]),
    ("SY10", ["Powys", "Shropshire"]),
    ("SY20 8AB", ["Machynlleth", "Ceredigion", "Gwynedd"]),
    ("MK17", ["Milton Keynes", "Buckinghamshire", "Central Bedfordshire"]),
    ("Brecon or Bletchley", ["Bletchley", "Brecon"]),
]


@pytest.mark.parametrize(("text", "names"), AMBIGUOUS)
def test_ambiguous(gazetteer: Gazetteer, text: str, names: list[str]) -> None:
    match = gazetteer.resolve(text)
    assert (match.status, match.place, [c.name for c in match.candidates]) == ("ambiguous", None, names)


def test_ambiguous_walton_is_one_in_each_area(gazetteer: Gazetteer) -> None:
    match = gazetteer.resolve("Walton")
    assert sorted((c.authority, c.nation) for c in match.candidates) == [
        ("Milton Keynes", "england"),
        ("Powys", "wales"),
    ]


OUTSIDE = [
    ("Cardiff", "wales"),
    ("Caerdydd", "wales"),
    ("Swansea", "wales"),
    ("Aberystwyth", "wales"),
    ("Shrewsbury", "england"),
    ("Hereford", "england"),
    ("Bedford", "england"),
    ("London", "england"),
    ("Leeds", "england"),
    ("Glasgow", "scotland"),
    ("Belfast", "northern_ireland"),
    ("Wales", "wales"),
    ("MK18 1AA", "england"),
    ("MK40", "england"),
    ("CF10 1AA", "wales"),
    ("SY23 1AA", "wales"),
    ("SY1 1AA", "england"),
    ("EH1 1AA", "scotland"),
]


@pytest.mark.parametrize(("text", "nation"), OUTSIDE)
def test_outside_keeps_the_nation(gazetteer: Gazetteer, text: str, nation: str) -> None:
    match = gazetteer.resolve(text)
    assert (match.status, match.place.nation, match.place.outside) == ("outside", nation, True)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("online", "online"),
        ("Online please", "online"),
        ("zoom", "online"),
        ("anywhere", "anywhere"),
        ("skip", "anywhere"),
        ("don't mind", "anywhere"),
        ("I don’t mind", "anywhere"),
        ("no preference", "anywhere"),
    ],
)
def test_online_and_anywhere(gazetteer: Gazetteer, text: str, status: str) -> None:
    match = gazetteer.resolve(text)
    assert (match.status, match.place, match.candidates, match.suggestion) == (status, None, (), None)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("brekon", "Brecon"),
        ("Brecn", "Brecon"),
        ("bletchly", "Bletchley"),
        ("Llandridnod Wells", "Llandrindod Wells"),
        ("near Welshpol", "Welshpool"),
        ("Machynleth", "Machynlleth"),
        ("Ystradgynlas", "Ystradgynlais"),
    ],
)
def test_misspelling_is_not_accepted_but_suggested(gazetteer: Gazetteer, text: str, suggestion: str) -> None:
    match = gazetteer.resolve(text)
    assert (match.status, match.place, match.suggestion) == ("unknown", None, suggestion)


@pytest.mark.parametrize("text", ["", "   ", "🙂", "xyzzy", "qwertyuiop", "LD9 1AA", "???", "12345"])
def test_unknown(gazetteer: Gazetteer, text: str) -> None:
    match = gazetteer.resolve(text)
    assert (match.status, match.place, match.candidates, match.suggestion) == ("unknown", None, (), None)


@pytest.mark.parametrize("text", [None, 42])
def test_non_text_is_unknown(gazetteer: Gazetteer, text: object) -> None:
    assert gazetteer.resolve(text).status == "unknown"  # type: ignore[arg-type]


def test_find_in_text_spans(gazetteer: Gazetteer) -> None:
    text = "I'm in Y Drenewydd, my mum is in Brecon (LD3 7HR) and my sister lives in Cardiff"
    found = [(text[s:e], p.name, p.nation) for s, e, p in gazetteer.find_in_text(text)]
    assert found == [
        ("Y Drenewydd", "Newtown", "wales"),
        ("Brecon", "Brecon", "wales"),
        ("LD3 7HR", "LD3", "wales"),
        ("Cardiff", "Cardiff", "wales"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we live in Newport Pagnell", [("Newport Pagnell", "Newport Pagnell")]),
        ("near Central Milton Keynes", [("Central Milton Keynes", "Central Milton Keynes")]),
        ("Llanidloes, Powys", [("Llanidloes", "Llanidloes"), ("Powys", "Powys")]),
        ("Llandrindod Wells, Powys", [("Llandrindod Wells, Powys", "Llandrindod Wells")]),  # an alias
        ("Newport", []),  # ambiguous: never tagged
        ("my friend Kerry helps with the baby", []),  # a first name, not Kerry (Ceri)
        ("I'm so tired", []),
        ("", []),
    ],
)
def test_find_in_text_longest_and_safe(
    gazetteer: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(text[s:e], p.name) for s, e, p in gazetteer.find_in_text(text)] == expected


@pytest.mark.parametrize(
    ("text", "nation"),
    [
        ("Brecon", "wales"),
        ("Bletchley", "england"),
        ("LD3 7HR", "wales"),
        ("MK", "england"),
        ("Glasgow", "scotland"),
        ("SY20", "wales"),
        ("HR3", None),
        ("Walton", None),
        ("I live in Brecon", "wales"),
        ("xyzzy", None),
    ],
)
def test_nation_of(gazetteer: Gazetteer, text: str, nation: str | None) -> None:
    assert gazetteer.nation_of(text) == nation


def test_places_cover_both_areas(gazetteer: Gazetteer) -> None:
    ours = [p for p in gazetteer.places() if not p.outside and p.kind in ("town", "village")]
    counts = {a: sum(p.authority == a for p in ours) for a in ("Powys", "Milton Keynes")}
    assert counts["Powys"] >= 60 and counts["Milton Keynes"] >= 30


def test_names_include_welsh_and_aliases(gazetteer: Gazetteer) -> None:
    names = set(gazetteer.names())
    assert {"Brecon", "Aberhonddu", "Y Drenewydd", "MK", "Llandod", "LD3"} <= names


def test_place_areas_run_from_town_to_uk(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Brecon").place == Place(
        "Brecon",
        "Aberhonddu",
        "town",
        "Powys",
        "Brecknockshire",
        "wales",
        district="Brecon and district",
        latitude=51.95,
        longitude=-3.39,
    )
    assert gazetteer.resolve("Brecon").place.areas == (
        "Brecon",
        "Brecon and district",
        "Brecknockshire",
        "Powys",
        "Wales",
        "UK",
    )
