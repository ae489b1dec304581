"""A place has an identity: resolved once, kept as an id, found again by id or by coordinates."""

from __future__ import annotations

import pytest

from bot.directory.places import load_gazetteer


@pytest.mark.parametrize(
    "text", ["Brecon", "Aberhonddu", "LD3 7HR", "Walton, Powys", "Bletchley", "Glasgow", "Powys"]
)
def test_every_resolved_place_is_found_again_by_its_id(text: str) -> None:
    gaz = load_gazetteer()
    place = gaz.resolve(text).place
    assert place is not None
    assert gaz.get(place.id) == place


def test_ids_are_unique_and_say_where_the_place_is() -> None:
    places = load_gazetteer().places()
    assert len({p.id for p in places}) == len(places)
    assert load_gazetteer().resolve("Walton, Powys").place.id == "village:walton:powys"


def test_unknown_ids_are_none() -> None:
    assert load_gazetteer().get("town:atlantis:powys") is None


def test_a_shared_location_is_the_nearest_town_if_near_enough() -> None:
    gaz = load_gazetteer()
    brecon = gaz.resolve("Brecon").place
    assert gaz.nearest(brecon.latitude + 0.01, brecon.longitude) == brecon
    assert gaz.nearest(55.86, -4.25) is None  # Glasgow is far from every town we list with coordinates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between Hay and Talgarth", "Brecknockshire"),
        ("somewhere between Newtown and Welshpool", "Montgomeryshire"),
        ("Bletchley and Wolverton", "Milton Keynes"),
        ("Brecon, Powys", "Brecon"),
    ],
)
def test_two_places_named_together_become_the_area_they_share(text: str, expected: str) -> None:
    match = load_gazetteer().resolve(text)
    assert (match.status, match.place.name) == ("found", expected)
