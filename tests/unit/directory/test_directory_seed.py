"""The directory YAML: every record sourced and dated, phones well formed, rules enforced."""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.directory.seed import (
    SeedError,
    create_directory,
    load_seed,
    phone_problem,
    seed_files,
    validate_seed,
)
from bot.directory.taxonomy import load_taxonomy

FIXTURE_SERVICES = Path(__file__).resolve().parent / "fixtures" / "services.yml"
_URL = re.compile(r"^https?://\S+$")
# SAFETY.md marks the PANDAS helpline number unverified: the directory shows the website.
FORBIDDEN_NUMBERS = {"08081961776": "PANDAS helpline (unverified)"}


def _strings(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list | tuple):
        return [s for v in node for s in _strings(v)]
    return [node] if isinstance(node, str) else []


@pytest.fixture(scope="module")
def seed():
    return load_seed()


def test_seed_is_valid(seed) -> None:
    assert validate_seed(seed) == []


def test_every_file_is_read() -> None:
    names = [p.name for p in seed_files()]
    assert names[0] == "services.yml"
    assert set(names[1:]) == {p.name for p in (seed_files()[0].parent / "services").glob("*.yml")}


def test_every_record_has_an_http_source_and_an_assured_date(seed) -> None:
    bad = [
        svc.get("id")
        for _, svc in seed.services()
        if not (_URL.match(str(svc.get("source") or "")) and isinstance(svc.get("assured_date"), date))
    ]
    assert bad == []


def test_every_phone_number_is_well_formed(seed) -> None:
    bad = [
        (svc["id"], p.get("number"))
        for _, svc in seed.services()
        for p in svc.get("phones") or []
        if phone_problem(str(p.get("number", "")))
    ]
    assert bad == []


def test_every_need_is_a_taxonomy_term(seed) -> None:
    ids = load_taxonomy().ids()
    assert sorted({n for _, svc in seed.services() for n in svc.get("needs") or []} - ids) == []


def test_unverified_pandas_number_appears_nowhere(seed) -> None:
    digits = {re.sub(r"\D", "", s) for s in _strings(list(seed.organisations))}
    assert [n for n in FORBIDDEN_NUMBERS if any(n in d for d in digits)] == []


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("116 123", None),
        ("0800 1111", None),
        ("01597 822191", None),
        ("85258", None),
        ("111", None),
        ("0300 123 3393", None),
        ("0800-FLOWERS", "bad phone number '0800-FLOWERS' (digits and spaces, quoted)"),
        ("01597 8221", "bad phone number '01597 8221' (not a UK number or short code)"),
        ("18001 0800 22 44 88", "bad phone number '18001 0800 22 44 88' (not a UK number or short code)"),
        ("12", "bad phone number '12' (not a UK number or short code)"),
    ],
)
def test_phone_numbers(number: str, problem: str | None) -> None:
    assert phone_problem(number) == problem


def test_services_folder_record_wins_and_is_counted(caplog) -> None:
    with caplog.at_level(logging.INFO, logger="bot.directory.seed"):
        seed = load_seed(FIXTURE_SERVICES)
    records = {svc["id"]: (org["id"], svc["name"]) for org, svc in seed.services()}
    assert records["old-record"] == ("helpline-org", "Re-sourced record")
    assert (len(records), seed.replaced) == (3, 1)
    assert "directory: 1 services.yml records replaced by services/*.yml records" in caplog.messages


def test_same_id_in_two_services_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "services").mkdir()
    (tmp_path / "services.yml").write_text(FIXTURE_SERVICES.read_text(encoding="utf-8"), encoding="utf-8")
    extra = (FIXTURE_SERVICES.parent / "services" / "area.yml").read_text(encoding="utf-8")
    for name in ("a.yml", "b.yml"):
        (tmp_path / "services" / name).write_text(extra, encoding="utf-8")
    problems = validate_seed(load_seed(tmp_path / "services.yml"))
    assert "service example-helpline: defined in services/a.yml and in services/b.yml" in problems


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"source": ""}, "missing source"),
        ({"source": "seed article: a blog post"}, "source must be an http(s) URL"),
        ({"assured_date": None}, "missing assured_date"),
        ({"assured_date": "last week"}, "assured_date must be a date (YYYY-MM-DD)"),
        ({"url": None, "phones": []}, "needs a contact route (url, email or phones)"),
        ({"audience": ["grandad"]}, "unknown audience 'grandad'"),
        ({"needs": ["walking_group", "happiness"]}, "unknown needs 'happiness'"),
        ({"referral": ["neighbour"]}, "unknown referral 'neighbour'"),
        ({"kind": "party"}, "unknown kind 'party'"),
        ({"service_area": ["Atlantis"]}, "unknown service_area 'Atlantis' (not in places.yml)"),
        (
            {"phones": [{"number": "0800-FLOWERS"}]},
            "bad phone number '0800-FLOWERS' (digits and spaces, quoted)",
        ),
        ({"max_age_months": -1}, "max_age_months must be a whole number of months"),
        ({"min_age_months": 24}, "min_age_months is more than max_age_months"),
        (
            {
                "schedules": [
                    {"byday": "Tuesday", "opens_at": "10:00", "closes_at": "11:30", "description": "x"}
                ]
            },
            'schedules[0]: bad byday \'Tuesday\' (e.g. "MO,TU"; "2MO" only when MONTHLY)',
        ),
        (
            {"schedules": [{"byday": "TU", "opens_at": 600, "closes_at": "11:30", "description": "x"}]},
            'schedules[0]: opens_at must be "HH:MM" (quoted), not 600',
        ),
        (
            {"locations": [{"name": "Hall", "city": "Brecon", "postcode": "Brecon"}]},
            "locations[0]: bad postcode 'Brecon'",
        ),
    ],
)
def test_validation_catches(change: dict[str, Any], problem: str) -> None:
    seed = load_seed(FIXTURE_SERVICES)
    orgs = [dict(o) for o in seed.organisations]
    orgs[0]["services"] = [dict(s) for s in orgs[0]["services"]]
    orgs[0]["services"][0].update(change)
    broken = type(seed)(tuple(orgs), seed.sha256, seed.path, seed.origin)
    assert validate_seed(broken) == [f"service brecon-walk: {problem}"]


def test_create_directory_refuses_invalid_seed(tmp_path: Path) -> None:
    bad = tmp_path / "services.yml"
    bad.write_text(
        "organisations:\n  - id: x\n    name: X\n    services:\n      - {id: y, name: Y}\n", encoding="utf-8"
    )
    from bot.db import make_engine

    with pytest.raises(SeedError) as err:
        create_directory(make_engine("sqlite://"), bad)
    assert {"service y: missing description", "service y: missing source"} <= set(err.value.problems)
