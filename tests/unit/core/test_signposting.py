"""Place checks and searches as the parent sees them (real directory file)."""

from __future__ import annotations

import pytest

from bot.directory.service import Directory
from bot.directory.signposting import check_place, search


@pytest.mark.parametrize(
    ("answer", "value", "nation"),
    [
        ("Brecon", "Brecon", "wales"),
        ("Aberhonddu", "Brecon", "wales"),
        ("I live in Llandrindod", "Llandrindod Wells", "wales"),
        ("Y Drenewydd", "Newtown", "wales"),
        ("LD3 7HR", "LD3", "wales"),
        ("near MK", "Milton Keynes", "england"),
        ("bletchley", "Bletchley", "england"),
        ("Cardiff", "Cardiff", "wales"),
        ("online", "online", None),
        ("anywhere", "anywhere", None),
    ],
)
def test_known_answers_are_accepted_with_their_nation(
    answer: str, value: str, nation: str | None, directory: Directory
) -> None:
    check = check_place(answer, directory=directory)
    assert (check.value, check.nation, check.response) == (value, nation, None)


def test_a_misspelt_place_gets_a_suggestion_not_a_silent_guess(directory: Directory) -> None:
    check = check_place("brekon", directory=directory)
    assert check.value is None
    assert check.response == "utter_place_suggestion"
    assert check.variables == {"suggestion": "Brecon"}  # never the parent's own words back
    assert check.options == ("Brecon", "online")


def test_an_unknown_place_is_asked_again_kindly(directory: Directory) -> None:
    check = check_place("Timbuktu", directory=directory)
    assert (check.value, check.response, check.variables) == (None, "utter_place_unknown", {})


def test_a_message_with_a_phone_number_is_never_repeated_back(directory: Directory) -> None:
    check = check_place("call me on 07700 900123 im near nowhereville", directory=directory)
    assert check.value is None
    assert "07700" not in str(check.variables)


def test_brecon_finds_mums_matter_first(directory: Directory) -> None:
    reply = search("Brecon", directory=directory)
    assert reply.response == "utter_services_found"
    assert reply.variables["place"] == "Brecon"
    names = [s["name"] for s in reply.payload["services"]]
    assert "Mums Matter" in names[0]
    assert 1 <= len(names) <= 3
    assert "services_text" not in reply.variables  # the card payload is the only copy


def test_milton_keynes_circle_of_security_is_found_by_its_need(directory: Directory) -> None:
    reply = search("Milton Keynes", topic="circle_of_security", directory=directory)
    assert reply.response == "utter_services_found"
    assert "Circle of Security" in reply.payload["services"][0]["name"]


def test_more_results_continue_the_numbering(directory: Directory) -> None:
    first = search("Milton Keynes", directory=directory)
    more = search("Milton Keynes", offset=3, directory=directory)
    assert first.has_more
    assert more.response == "utter_services_list"  # Milton Keynes has more than three services
    from bot.cards import render_services

    assert more.payload["offset"] == 3
    assert render_services(more.payload, heading=False).startswith("4. ")
    assert not {s["id"] for s in more.payload["services"]} & {s["id"] for s in first.payload["services"]}


def test_a_place_outside_our_areas_gets_national_services_honestly(directory: Directory) -> None:
    reply = search("Leeds", directory=directory)
    assert reply.response == "utter_place_outside"
    assert reply.variables["place"] == "Leeds"
    assert reply.payload["services"]


def test_online_search_lists_services_you_can_join_from_home(directory: Directory) -> None:
    reply = search("online", directory=directory)
    assert reply.response == "utter_services_online"
    assert reply.payload["services"]
    assert all("online" in s["mode"] for s in reply.payload["services"])


def test_groups_only_in_milton_keynes(directory: Directory) -> None:
    reply = search("Milton Keynes", mode="group", directory=directory)
    assert reply.payload["services"]
    kinds = {s["id"]: s for s in reply.payload["services"]}
    assert all(directory.get_service(sid).kind in ("group", "course") for sid in kinds)


def test_a_card_says_when_a_line_is_open_in_the_parents_language(directory: Directory) -> None:
    from datetime import datetime

    from bot.directory.signposting import LONDON

    reply = search("Brecon", topic="crisis", directory=directory)
    cards = {s["id"]: s for s in reply.payload["services"]}
    assert cards["live-fear-free"]["opening"] == "Open 24 hours, every day"
    welsh = search("Brecon", topic="crisis", language="cy", directory=directory)
    assert {s["id"]: s for s in welsh.payload["services"]}["live-fear-free"]["opening"].startswith("Ar agor")
    assert datetime.now(LONDON).tzinfo is not None


def test_the_need_decides_and_an_honest_reply_says_when_nothing_local_fits(directory: Directory) -> None:
    feeding = search("Bletchley", topic="feeding", directory=directory)
    assert feeding.response == "utter_services_found"
    loss = search("Hay-on-Wye", topic="baby_loss", directory=directory)
    assert loss.response == "utter_services_none_local_for_need"
    assert loss.variables["need"] == "baby loss and bereavement"
    assert all(
        s["area"] in ("UK", "Wales", "England, Wales") or "Wales" in s["area"] or s["area"] == "UK"
        for s in loss.payload["services"]
    )


def test_a_parent_in_scotland_gets_nothing_that_excludes_scotland(directory: Directory) -> None:
    reply = search("Glasgow", topic="crisis", directory=directory)
    assert reply.response == "utter_place_outside"
    for service in reply.payload["services"]:
        assert (
            "England" not in service["area"].split(", ")
            or "Scotland" in service["area"]
            or "UK" in service["area"]
        )
