"""The seed file: every rule in its header, and no invented phone numbers."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.directory.seed import SeedError, create_directory, load_seed, validate_seed

SAFETY_MD = Path(__file__).resolve().parents[3].parent / "shared" / "SAFETY.md"
SEEDS = SAFETY_MD.parent / "seeds"

# Every number the directory may show, with where it was verified. Add a number here
# only with its source; the test below then lets it into services.yml.
VERIFIED_NUMBERS = {
    "01597822191": "seed article (PAVO): Lucy Taylor, Startwell Development Officer",
    "03001233393": "SAFETY.md V: Mind Infoline",
    "86463": "SAFETY.md V: Mind Infoline text",
    "116123": "SAFETY.md V: Samaritans",
    "08081640123": "SAFETY.md: Samaritans Welsh Language Line (number V, hours U)",
    "85258": "SAFETY.md V: Shout",
    "111": "SAFETY.md V: NHS 111 England / NHS 111 Wales",
    "999": "SAFETY.md V: emergency",
    "08082000247": "SAFETY.md V: National Domestic Abuse Helpline",
    "08088010800": "SAFETY.md V: Live Fear Free",
    "07860077333": "SAFETY.md V: Live Fear Free text",
    "08088005000": "SAFETY.md V: NSPCC",
    "08001111": "SAFETY.md V: Childline",
    "08000684141": "SAFETY.md V: PAPYRUS HOPELINE247",
    "0800585858": "SAFETY.md V: CALM",
}
# Unverified (U) numbers that must never appear: SAFETY.md says show the website.
FORBIDDEN_NUMBERS = {"08081961776": "PANDAS helpline (U)"}
# Phone-like runs of digits (5+ digits, spaces allowed), or 111/999 on their own.
_NUMBER = re.compile(r"(?<![\d-])(?:\d[\d ]{3,}\d|111|999)(?![\d-])")


def _strings(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list | tuple):
        return [s for v in node for s in _strings(v)]
    return [node] if isinstance(node, str) else []


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@pytest.fixture(scope="module")
def seed():
    return load_seed()


def test_seed_is_valid(seed) -> None:
    assert validate_seed(seed) == []


def test_every_service_has_source_date_and_contact(seed) -> None:
    missing = [
        svc["id"] for _, svc in seed.services()
        if not (svc.get("source") and isinstance(svc.get("assured_date"), date)
                and (svc.get("url") or svc.get("email") or svc.get("phones")))
    ]
    assert missing == []


def test_every_phone_number_is_verified(seed) -> None:
    numbers = {_digits(str(p["number"])) for _, svc in seed.services() for p in svc.get("phones") or []}
    assert numbers - set(VERIFIED_NUMBERS) == set()


def test_no_unverified_number_anywhere_in_the_text(seed) -> None:
    found = {
        _digits(m.group()) for text in _strings(list(seed.organisations))
        for m in _NUMBER.finditer(text)
    }
    # Dates are not phone numbers.
    found = {n for n in found if not re.fullmatch(r"20\d\d", n)}
    assert (found - set(VERIFIED_NUMBERS), found & set(FORBIDDEN_NUMBERS)) == (set(), set())


@pytest.mark.skipif(not SAFETY_MD.exists(), reason="shared SAFETY.md not mounted")
def test_allow_list_matches_safety_md_and_seeds() -> None:
    verified_text = _digits(SAFETY_MD.read_text(encoding="utf-8"))
    verified_text += "".join(_digits(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt"))
    assert [n for n in VERIFIED_NUMBERS if n not in verified_text] == []


def test_an_invented_number_fails(seed) -> None:
    """The guard works: a made-up helpline would be caught."""
    invented = "0800 123 4567"
    assert _digits(invented) not in VERIFIED_NUMBERS
    assert {_digits(m.group()) for m in _NUMBER.finditer(f"Call {invented} now")} == {"08001234567"}


@pytest.mark.parametrize(
    "service_id",
    ["cnwl-circle-of-security", "cnwl-walking-group", "cnwl-one-to-one", "pavo-startwell",
     "powys-pimh-steering-group", "powys-ihv-champion-training", "brecon-mind-mums-matter",
     "ystradgynlais-mind-mums-matter", "mnp-mind-mums-matter", "parent-infant-foundation-info",
     "pandas-support", "app-peer-support", "mind-infoline", "samaritans", "shout",
     "nhs-111-england", "nhs-111-wales", "ndah", "live-fear-free", "nspcc-helpline",
     "childline", "papyrus-hopeline247", "calm-helpline"],
)
def test_required_services_present(seed, service_id: str) -> None:
    assert service_id in {svc["id"] for _, svc in seed.services()}


def test_pandas_shows_no_helpline_number(seed) -> None:
    pandas = next(svc for _, svc in seed.services() if svc["id"] == "pandas-support")
    assert (pandas.get("phones"), pandas["url"]) == (None, "https://pandasfoundation.org.uk")


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"source": ""}, "service cnwl-walking-group: missing source"),
        ({"assured_date": None}, "service cnwl-walking-group: missing assured_date"),
        ({"assured_date": "last week"},
         "service cnwl-walking-group: assured_date must be a date (YYYY-MM-DD)"),
        ({"url": None}, "service cnwl-walking-group: needs a contact route (url, email or phones)"),
        ({"audience": ["grandad"]}, "service cnwl-walking-group: unknown audience 'grandad'"),
        ({"service_area": ["Atlantis"]},
         "service cnwl-walking-group: unknown service_area 'Atlantis' (not in places.yml)"),
        ({"phones": [{"number": "0800-FLOWERS"}]},
         "service cnwl-walking-group: bad phone number '0800-FLOWERS' (digits and spaces, quoted)"),
    ],
)
def test_validation_catches(seed, change: dict[str, Any], problem: str) -> None:
    orgs = [dict(o) for o in seed.organisations]
    cnwl = orgs[0]
    cnwl["services"] = [dict(s) for s in cnwl["services"]]
    cnwl["services"][1].update(change)
    broken = type(seed)(tuple(orgs), seed.sha256, seed.path)
    assert validate_seed(broken) == [problem]


def test_create_directory_refuses_invalid_seed(tmp_path: Path) -> None:
    bad = tmp_path / "services.yml"
    bad.write_text("organisations:\n  - id: x\n    name: X\n    source: s\n    services:\n"
                   "      - {id: y, name: Y}\n", encoding="utf-8")
    from bot.db import make_engine

    with pytest.raises(SeedError) as err:
        create_directory(make_engine("sqlite://"), bad)
    assert "service y: missing description" in err.value.problems
