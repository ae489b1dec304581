"""Console edits of the directory: checked with the loader's rules, seen by the search, kept by rebuilds."""

from __future__ import annotations

import logging
import shutil
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
import yaml

from bot.db import make_engine, make_session_factory
from bot.directory import edits
from bot.directory.build import build
from bot.directory.places import load_gazetteer
from bot.directory.queries import find_services, get_service

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Edits are dated explicitly: whether an edit outlives a rebuild depends on the day
# it was made compared with the YAML's assured_date (2026-11-01 for brecon-walk).
AFTER_CHECK = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)
BEFORE_CHECK = datetime(2026, 10, 1, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def directory(tmp_path: Path):
    """A SQLite directory file built from a copy of the small fixture directory."""
    shutil.copytree(FIXTURES, tmp_path / "data")
    url = f"sqlite:///{tmp_path / 'var' / 'directory.db'}"
    build(url, tmp_path / "data" / "services.yml")
    engine = make_engine(url)
    yield url, make_session_factory(engine), tmp_path / "data" / "services.yml"
    engine.dispose()


def _brecon():
    return load_gazetteer().resolve("Brecon").place


def _lonely_in_brecon(session) -> list:
    return list(find_services(session, _brecon(), need="loneliness").services)


def _phone(sessions, service_id: str = "brecon-walk") -> str | None:
    with sessions() as session:
        card = get_service(session, service_id)
    return card.phone if card else None


def test_an_edit_is_seen_by_the_next_search_and_recorded(directory) -> None:
    _, sessions, _ = directory
    with sessions() as session:  # the search has cached this build
        assert [c.phone for c in _lonely_in_brecon(session)] == ["01874 000000"]
    with sessions.begin() as session:
        edits.save(
            session,
            "alex",
            "edit",
            "brecon-walk",
            {"phones": [{"number": "01874 123456", "type": "voice", "description": "Group leader"}]},
            now=AFTER_CHECK,
        )
    with sessions() as session:
        assert [c.phone for c in _lonely_in_brecon(session)] == ["01874 123456"]
        [edit] = edits.history(session, "brecon-walk")
    assert (edit.actor, edit.action, edit.fields) == ("alex", "edit", ("phones",))
    assert edit.edited_at == AFTER_CHECK
    assert edit.changes[0].old[0]["number"] == "01874 000000"
    assert edit.changes[0].new == [{"number": "01874 123456", "type": "voice", "description": "Group leader"}]


def test_an_edit_changes_only_its_fields(directory) -> None:
    _, sessions, _ = directory
    with sessions() as session:
        _, before = edits.record_of(session, "brecon-walk")
    with sessions.begin() as session:
        edits.save(session, "alex", "edit", "brecon-walk", {"name": "Brecon pram walk"}, now=AFTER_CHECK)
    with sessions() as session:
        _, after = edits.record_of(session, "brecon-walk")
    assert after == {**before, "name": "Brecon pram walk"}


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ({"source": "www.brecon-parents.example.org"}, "source must be an http(s) URL"),
        ({"assured_date": None}, "missing assured_date"),
        ({"phones": [{"number": "01874 12", "type": "voice"}]}, "bad phone number '01874 12'"),
        ({"service_area": ["Atlantis"]}, "unknown service_area 'Atlantis'"),
    ],
)
def test_an_edit_breaking_a_loader_rule_is_refused_and_nothing_changes(directory, values, problem) -> None:
    _, sessions, _ = directory
    with sessions() as session:
        _, before = edits.record_of(session, "brecon-walk")
    with pytest.raises(edits.EditError) as refused, sessions.begin() as session:
        edits.save(session, "alex", "edit", "brecon-walk", values, now=AFTER_CHECK)
    assert any(p.startswith(problem) for p in refused.value.problems), refused.value.problems
    with sessions() as session:
        assert edits.record_of(session, "brecon-walk") == ("brecon-group", before)
        assert edits.history(session) == []


def test_edits_survive_a_rebuild_from_the_yaml(directory) -> None:
    url, sessions, services = directory
    with sessions.begin() as session:
        edits.save(
            session, "alex", "edit", "brecon-walk", {"phones": [{"number": "01874 123456"}]}, now=AFTER_CHECK
        )
        edits.retire(session, "sam", "example-helpline", now=AFTER_CHECK)
    build(url, services)
    assert _phone(sessions) == "01874 123456"
    with sessions() as session:
        _, helpline = edits.record_of(session, "example-helpline")
        assert helpline["status"] == "inactive"
        assert [e.action for e in edits.history(session)] == ["retire", "edit"]
    build(url, services)  # and the next one
    assert _phone(sessions) == "01874 123456"


def test_a_yaml_record_checked_after_the_edit_wins(directory, caplog) -> None:
    url, sessions, services = directory
    with sessions.begin() as session:
        edits.save(
            session, "alex", "edit", "brecon-walk", {"phones": [{"number": "01874 123456"}]}, now=BEFORE_CHECK
        )
    assert _phone(sessions) == "01874 123456"
    with caplog.at_level(logging.WARNING, logger="bot.directory.edits"):
        build(url, services)
    assert _phone(sessions) == "01874 000000"
    assert (
        "console edit 1 of service brecon-walk not re-applied: the YAML record was checked later"
        in caplog.text
    )
    with sessions() as session:  # still on record
        assert [e.service_id for e in edits.history(session)] == ["brecon-walk"]


def test_an_edit_the_new_yaml_makes_invalid_is_skipped_not_fatal(directory, caplog) -> None:
    url, sessions, services = directory
    with sessions.begin() as session:
        edits.save(
            session, "alex", "edit", "example-helpline", {"email": "help@example.org"}, now=AFTER_CHECK
        )
    doc = yaml.safe_load((services.parent / "services" / "area.yml").read_text(encoding="utf-8"))
    doc["organisations"][0]["services"] = [
        s for s in doc["organisations"][0]["services"] if s["id"] != "example-helpline"
    ]
    (services.parent / "services" / "area.yml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="bot.directory.edits"):
        assert build(url, services) == 2
    assert (
        "console edit 1 of service example-helpline not re-applied: the service is no longer in the "
        "directory" in caplog.text
    )


def test_add_and_reassure(directory) -> None:
    url, sessions, services = directory
    new = {
        "name": "Brecon baby cafe",
        "description": "A drop-in cafe.",
        "eligibility_description": "Parents.",
        "audience": ["mum"],
        "needs": ["loneliness"],
        "delivery": ["in_person"],
        "kind": "group",
        "service_area": ["Brecon and district"],
        "url": "https://brecon-parents.example.org/cafe",
        "status": "active",
        "source": "https://brecon-parents.example.org/cafe",
        "assured_date": date(2026, 11, 19),
    }
    with sessions.begin() as session:
        edits.save(
            session, "alex", "add", "brecon-cafe", new, organization_id="brecon-group", now=AFTER_CHECK
        )
        edits.reassure(
            session,
            "alex",
            "brecon-walk",
            "https://brecon-parents.example.org/walk-2027",
            date(2026, 11, 20),
            now=AFTER_CHECK,
        )
    build(url, services)
    with sessions() as session:
        names = {c.name for c in _lonely_in_brecon(session)}
        _, walk = edits.record_of(session, "brecon-walk")
    assert names == {"Brecon baby cafe", "Brecon buggy walk"}
    assert (walk["assured_date"], walk["source"]) == (
        date(2026, 11, 20),
        "https://brecon-parents.example.org/walk-2027",
    )
    with pytest.raises(edits.EditError, match="already used"), sessions.begin() as session:
        edits.save(session, "alex", "add", "brecon-cafe", new, organization_id="brecon-group")


def test_stale_services_oldest_first(directory) -> None:
    _, sessions, _ = directory
    with sessions() as session:
        # YAML dates: brecon-walk 2026-11-01, example-helpline 2026-10-15, old-record 2026-02-01.
        assert [s.id for s in edits.stale(session, date(2027, 4, 20))] == ["old-record", "example-helpline"]
        assert [s.id for s in edits.stale(session, date(2026, 8, 4))] == ["old-record"]
        assert edits.stale(session, date(2026, 8, 3)) == []  # 183 days is not more than six months
