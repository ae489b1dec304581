"""Directory search: the need decides, the area is respected, honest when nothing fits.

Runs on a small invented directory (fixtures/search), so the expectations do not
move when the real directory grows; tests/unit/directory/test_directory_seed.py
and the end-to-end tests cover the real data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from bot.db import make_engine, make_session_factory
from bot.directory.places import Gazetteer, load_gazetteer
from bot.directory.queries import count_services, find_services, get_service, national_services
from bot.directory.seed import create_directory

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "search" / "services.yml"


@pytest.fixture(scope="module")
def db() -> Iterator[Session]:
    engine = make_engine("sqlite://")
    create_directory(engine, FIXTURE)
    with make_session_factory(engine)() as session:
        yield session
    engine.dispose()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def ids(db: Session, gaz: Gazetteer, where: str | None, **kw) -> tuple[list[str], bool, bool]:
    place = gaz.resolve(where).place if where else None
    result = find_services(db, place, limit=kw.pop("limit", 20), **kw)
    return [c.id for c in result.services], result.local, result.need_found


def test_the_need_decides_local_first_then_national(db, gaz) -> None:
    assert ids(db, gaz, "Brecon", need="feeding") == (["brecon-feeding", "uk-feeding-line"], True, True)
    assert ids(db, gaz, "Bletchley", need="feeding") == (["bletchley-feeding", "uk-feeding-line"], True, True)


def test_a_topic_reaches_its_need_through_the_taxonomy(db, gaz) -> None:
    # "baby_blues" is a topic, not a need: taxonomy.yml maps it to low_mood.
    found, local, _ = ids(db, gaz, "Milton Keynes", need="baby_blues")
    assert found[0] == "mk-perinatal" and local


def test_a_broad_need_finds_the_narrower_ones(db, gaz) -> None:
    found, _, _ = ids(db, gaz, "Brecon", need="mental_health")
    assert found[:1] == ["powys-perinatal"]
    assert "uk-pnd-charity" in found and "brecon-feeding" not in found


def test_nothing_local_for_the_need_gives_the_nations_service(db, gaz) -> None:
    assert ids(db, gaz, "Brecon", need="baby_loss") == (["wales-loss"], False, True)
    assert ids(db, gaz, "Olney", need="baby_loss") == (["england-loss"], False, True)


def test_a_need_nobody_meets_falls_back_to_general_support_and_says_so(db, gaz) -> None:
    found, _, need_found = ids(db, gaz, "Brecon", need="neonatal")
    assert not need_found
    assert found[0] == "powys-perinatal"


def test_a_place_outside_england_and_wales_gets_nothing_that_excludes_it(db, gaz) -> None:
    found, local, _ = ids(db, gaz, "Glasgow", need="baby_loss")
    assert "england-loss" not in found and "wales-loss" not in found and not local
    found, _, _ = ids(db, gaz, "Glasgow", need="feeding")
    assert found == ["uk-feeding-line"]


def test_no_place_gives_only_services_for_everyone(db) -> None:
    result = find_services(db, None, need="feeding", limit=10)
    assert [c.id for c in result.services] == ["uk-feeding-line"]
    general = [c.id for c in national_services(db, limit=10).services]
    assert "powys-perinatal" not in general and "uk-pnd-charity" in general


def test_without_a_need_mental_health_support_comes_before_other_help(db, gaz) -> None:
    found, _, _ = ids(db, gaz, "Brecon")
    assert found.index("powys-perinatal") < found.index("powys-refuge")


def test_professional_services_and_retired_ones_are_never_offered_to_parents(db, gaz) -> None:
    for need in (None, "perinatal_mental_health", "information", "feeding"):
        found, _, _ = ids(db, gaz, "Brecon", need=need)
        assert "powys-network" not in found and "retired-group" not in found
    found, _, _ = ids(db, gaz, "Brecon", need="perinatal_mental_health", role="professional")
    assert "powys-network" in found


def test_crisis_lines_only_when_risk_is_the_need(db, gaz) -> None:
    assert "uk-crisis" not in ids(db, gaz, "Brecon", need="low_mood")[0]
    assert ids(db, gaz, "Brecon", need="crisis")[0][0] == "uk-crisis"


def test_modes_and_paging(db, gaz) -> None:
    assert ids(db, gaz, "Brecon", need="feeding", mode="group")[0] == ["brecon-feeding"]
    place = gaz.resolve("Brecon").place
    first = find_services(db, place, limit=1)
    second = find_services(db, place, limit=1, offset=1)
    assert first.has_more and first.services != second.services
    with pytest.raises(ValueError):
        find_services(db, place, mode="carrier pigeon")


def test_a_card_says_how_it_is_given_and_how_to_get_it(db) -> None:
    card = get_service(db, "powys-refuge")
    assert card is not None
    assert card.mode == "in person or by phone"
    assert card.as_payload()["area"] == "Powys"
    assert get_service(db, "no-such-service") is None
    assert count_services(db) == 11  # the retired one is not counted
