"""ORUK v3 export and import: valid records, the source rule, round trip, rejected feeds."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from bot.db import make_engine, make_session_factory
from bot.directory.__main__ import main
from bot.directory.oruk import export_services, oruk_id, schema_problems

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "services.yml"


def _export(url: str, path: Path) -> list[dict[str, Any]]:
    assert main(["export", "--oruk", str(path), "--url", url]) == 0
    return json.loads(path.read_text(encoding="utf-8"))


def _empties(node: Any, where: str = "") -> list[str]:
    if isinstance(node, dict):
        return [
            w
            for k, v in node.items()
            for w in _empties(v, f"{where}.{k}")
            if not (k == "previous_value" and v == "")
        ]
    if isinstance(node, list):
        return [where] if not node else [w for i, v in enumerate(node) for w in _empties(v, f"{where}[{i}]")]
    return [where] if node is None or node == "" else []


def test_export_is_valid_oruk_with_sources_and_dates(small_db, tmp_path: Path) -> None:
    docs = {d["name"]: d for d in _export(small_db[0], tmp_path / "feed.json")}
    walk, helpline = docs["Brecon buggy walk"], docs["Example helpline"]
    assert [schema_problems(d) for d in docs.values()] == [[], [], []]
    # The walk's source is its own page (url): no metadata. The helpline's is a news page.
    assert ("metadata" in walk, walk["url"], walk["assured_date"]) == (
        False,
        "https://brecon-parents.example.org/walk",
        "2026-11-01",
    )
    assert helpline["metadata"] == [
        {
            "id": oruk_id("metadata", "service:example-helpline:source"),
            "resource_id": oruk_id("service", "example-helpline"),
            "resource_type": "service",
            "last_action_date": "2026-10-15",
            "last_action_type": "create",
            "field_name": "source",
            "previous_value": "",
            "replacement_value": "https://news.example.org/helpline-launch",
            "updated_by": "perinatal-signposting directory",
        }
    ]
    assert _empties(list(docs.values())) == []


def test_export_carries_the_whole_record(small_db, tmp_path: Path) -> None:
    walk = next(d for d in _export(small_db[0], tmp_path / "f.json") if d["name"] == "Brecon buggy walk")
    values = {a["taxonomy_term"]["term"]: a.get("value") for a in walk["attributes"]}
    taxonomies = {a["taxonomy_term"]["taxonomy"] for a in walk["attributes"]}
    assert (walk["id"], walk["minimum_age"], walk["maximum_age"]) == (
        oruk_id("service", "brecon-walk"),
        0,
        1.5,
    )
    assert values["local_id"] == "brecon-walk" and values["name_cy"] == "Taith bygi Aberhonddu"
    assert {"walking_group", "loneliness", "self", "health_visitor", "group", "mum"} <= set(values)
    assert "perinatal-signposting-needs" in taxonomies
    assert walk["schedules"][0] | {"id": "-", "service_id": "-"} == {
        "id": "-",
        "service_id": "-",
        "freq": "WEEKLY",
        "byday": "TU",
        "opens_at": "10:00",
        "closes_at": "11:30",
        "description": "Tuesdays in term time",
    }
    library, cathedral = (s["location"] for s in walk["service_at_locations"])
    assert library["addresses"][0]["postal_code"] == "LD3 7DR"
    assert library["addresses"][0]["state_province"] == "Wales"
    assert (cathedral["name"], cathedral["description"], "addresses" in cathedral) == (
        "Brecon Cathedral",
        "Brecon",
        False,
    )
    assert walk["phones"][0]["attributes"][0]["value"] == "Tuesdays, 9am to 12pm"
    assert walk["contacts"][0]["email"] == "ann@brecon-parents.example.org"
    assert [lang["code"] for lang in walk["languages"]] == ["en", "cy"]


def test_round_trip_gives_the_same_json(small_db, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    _export(small_db[0], first)
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert main(["import", "--oruk", str(first), "--url", fresh]) == 0
    second = tmp_path / "second.json"
    _export(fresh, second)
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_imported_directory_answers_searches(small_db, tmp_path: Path) -> None:
    feed = tmp_path / "feed.json"
    _export(small_db[0], feed)
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    main(["import", "--oruk", str(feed), "--url", fresh])
    from bot.directory.queries import get_service

    engine = make_engine(fresh)
    with make_session_factory(engine)() as session:
        card = get_service(session, "brecon-walk")
    engine.dispose()
    assert (card.name, card.url, card.area) == (
        "Brecon buggy walk",
        "https://brecon-parents.example.org/walk",
        "Brecon and district",
    )


def _services_in(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM service ORDER BY id")]


def test_invalid_feed_is_rejected_and_nothing_changes(small_db, tmp_path: Path, capsys) -> None:
    docs = _export(small_db[0], tmp_path / "feed.json")
    docs[1]["phones"][0]["number"] = 8000000000
    docs[2]["metadata"][0]["replacement_value"] = "a press release"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(docs), encoding="utf-8")
    db = Path(small_db[0].removeprefix("sqlite:///"))
    before = _services_in(db)
    assert main(["import", "--oruk", str(bad), "--url", small_db[0]]) == 1
    err = capsys.readouterr().err
    assert "ORUK feed rejected, nothing was changed" in err
    assert (
        f"record 1 (service {docs[1]['id']} 'Example helpline'): phones.0.number: "
        "8000000000 is not of type 'string' (HSDS 3.0)"
    ) in err
    assert f"record 2 (service {docs[2]['id']} 'Re-sourced record'): source must be an http(s) URL" in err
    assert _services_in(db) == before == ["brecon-walk", "example-helpline", "old-record"]


def test_not_a_feed(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": 1}', encoding="utf-8")
    assert main(["import", "--oruk", str(bad), "--url", f"sqlite:///{tmp_path / 'x.db'}"]) == 1
    assert "the feed must be a JSON array of service records" in capsys.readouterr().err


def test_real_directory_exports_valid_oruk(session) -> None:
    docs = export_services(session)
    assert len({d["id"] for d in docs}) == len(docs) and all("assured_date" in d for d in docs)
    assert all(("metadata" in d) or d.get("url") for d in docs)
