"""Load ``data/directory/services.yml``, check it, and write it as ORUK rows."""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from bot.directory import models as m
from bot.directory.places import Gazetteer, load_gazetteer

DEFAULT_SERVICES_PATH = Path(__file__).resolve().parents[2] / "data" / "directory" / "services.yml"

AUDIENCES = frozenset({"mum", "dad", "partner", "carer", "family", "professional", "young_person"})
NEEDS = frozenset({
    "postnatal_depression", "anxiety", "low_mood", "bonding", "attachment",
    "infant_mental_health", "loneliness", "peer_support", "information", "crisis",
    "domestic_abuse", "psychosis", "child_safety", "circle_of_security", "walking_group",
    "mums_matter", "good_enough", "parenting",
})
DELIVERY = frozenset({"online", "in_person", "phone"})
KINDS = frozenset({"group", "one_to_one", "helpline", "information", "course", "network"})
STATUSES = frozenset({"active", "inactive", "defunct", "temporarily closed"})
PHONE_TYPES = frozenset({"voice", "text"})
LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PHONE = re.compile(r"^[0-9][0-9 ]*[0-9]$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")


class SeedError(ValueError):
    """The seed file breaks a rule; ``problems`` lists every one found."""

    def __init__(self, problems: list[str]) -> None:
        """Keep all problems so an editor can fix them in one pass."""
        super().__init__("services.yml is not valid:\n  " + "\n  ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Seed:
    """The parsed seed file and its checksum (recorded with each build)."""

    organisations: tuple[dict[str, Any], ...]
    sha256: str
    path: Path = field(compare=False)

    def services(self) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """Every ``(organisation, service)`` pair, in file order."""
        return [(org, svc) for org in self.organisations for svc in org.get("services", [])]


def load_seed(path: Path | None = None) -> Seed:
    """Read the seed YAML (without checking it; see :func:`validate_seed`).

    Args:
        path: The services file; defaults to ``data/directory/services.yml``.

    Returns:
        The parsed seed.
    """
    path = Path(path or DEFAULT_SERVICES_PATH)
    raw = path.read_bytes()
    doc = yaml.safe_load(raw) or {}
    return Seed(tuple(doc.get("organisations") or ()), hashlib.sha256(raw).hexdigest(), path)


def validate_seed(seed: Seed, gazetteer: Gazetteer | None = None) -> list[str]:
    """Check every rule in the seed file's header.

    Args:
        seed: The parsed seed.
        gazetteer: Resolves service_area names; defaults to the repo's places.yml.

    Returns:
        Human-readable problems; empty when the file is valid.
    """
    gaz = gazetteer or load_gazetteer()
    problems: list[str] = []
    seen: set[str] = set()
    for org in seed.organisations:
        oid = str(org.get("id", "?"))
        for key in ("id", "name", "source"):
            if not org.get(key):
                problems.append(f"organisation {oid}: missing {key}")
        if f"org:{oid}" in seen:
            problems.append(f"organisation {oid}: duplicate id")
        seen.add(f"org:{oid}")
        for svc in org.get("services") or []:
            sid = str(svc.get("id", "?"))
            problems += [f"service {sid}: {p}" for p in _service_problems(svc, gaz)]
            if sid in seen:
                problems.append(f"service {sid}: duplicate id")
            seen.add(sid)
    if not seed.organisations:
        problems.append("no organisations")
    return problems


def _service_problems(svc: dict[str, Any], gaz: Gazetteer) -> list[str]:
    out: list[str] = []
    required = ("id", "name", "description", "eligibility_description", "fees_description",
                "kind", "schedule", "status", "source", "assured_date")
    out += [f"missing {key}" for key in required if not svc.get(key)]
    if svc.get("id") and not _SLUG.match(str(svc["id"])):
        out.append("id must be a lowercase slug")
    for key, vocab in (("audience", AUDIENCES), ("needs", NEEDS), ("delivery", DELIVERY)):
        values = svc.get(key) or []
        if not values:
            out.append(f"missing {key}")
        out += [f"unknown {key} {v!r}" for v in values if v not in vocab]
    if svc.get("kind") and svc["kind"] not in KINDS:
        out.append(f"unknown kind {svc['kind']!r}")
    if svc.get("status") and svc["status"] not in STATUSES:
        out.append(f"unknown status {svc['status']!r}")
    if svc.get("assured_date") and not isinstance(svc["assured_date"], date):
        out.append("assured_date must be a date (YYYY-MM-DD)")
    if not (svc.get("url") or svc.get("email") or svc.get("phones")):
        out.append("needs a contact route (url, email or phones)")
    if svc.get("url") and not str(svc["url"]).startswith(("https://", "http://")):
        out.append("url must start with http(s)://")
    for email in [svc.get("email")] + [c.get("email") for c in svc.get("contacts") or []]:
        if email and not _EMAIL.match(email):
            out.append(f"bad email {email!r}")
    for phone in svc.get("phones") or []:
        if not _PHONE.match(str(phone.get("number", ""))):
            out.append(f"bad phone number {phone.get('number')!r} (digits and spaces, quoted)")
        if phone.get("type", "voice") not in PHONE_TYPES:
            out.append(f"bad phone type {phone.get('type')!r}")
    areas = svc.get("service_area") or []
    if not areas:
        out.append("missing service_area")
    out += [f"unknown service_area {a!r} (not in places.yml)" for a in areas if gaz.area(a) is None]
    out += [f"unknown language {c!r}" for c in svc.get("languages", []) if c not in LANGUAGE_NAMES]
    return out


def _extent_type(place_kind: str, name: str) -> str:
    if name == "UK":
        return "uk"
    return {"region": "nation", "village": "town", "postcode_district": "town"}.get(
        place_kind, place_kind
    )


def write_seed(session: Session, seed: Seed, gazetteer: Gazetteer | None = None) -> int:
    """Add the seed's rows to ``session`` (tables must exist and be empty).

    Args:
        session: An open session; the caller commits.
        seed: A seed that passed :func:`validate_seed`.
        gazetteer: Resolves area names to their kind; defaults to places.yml.

    Returns:
        The number of services written.
    """
    gaz = gazetteer or load_gazetteer()
    terms: dict[str, m.TaxonomyTerm] = {}

    def term(vocabulary: str, value: str) -> m.TaxonomyTerm:
        key = f"{vocabulary}:{value}"
        if key not in terms:
            terms[key] = m.TaxonomyTerm(id=key, term=value, vocabulary=vocabulary)
            session.add(terms[key])
            # No ORM relationship orders term before link, so write the term now.
            session.flush()
        return terms[key]

    count = 0
    for org in seed.organisations:
        session.add(m.Organization(
            id=org["id"], name=org["name"], description=org.get("description", ""),
            email=org.get("email"), website=org.get("website"), source=org["source"],
        ))
        session.flush()
        for svc in org.get("services") or []:
            _write_service(session, org["id"], svc, gaz, term)
            count += 1
    session.add(m.DirectoryBuild(
        id=str(uuid.uuid4()), built_at=datetime.now(timezone.utc).isoformat(),
        seed_sha256=seed.sha256, service_count=count,
    ))
    session.flush()
    return count


def _write_service(session: Session, org_id: str, svc: dict[str, Any], gaz: Gazetteer,
                   term: Any) -> None:
    row = m.Service(
        id=svc["id"], organization_id=org_id, name=svc["name"],
        description=" ".join(svc["description"].split()), url=svc.get("url"),
        email=svc.get("email"), status=svc["status"],
        eligibility_description=" ".join(svc["eligibility_description"].split()),
        minimum_age=svc.get("minimum_age"), maximum_age=svc.get("maximum_age"),
        fees_description=svc["fees_description"], application_process=svc.get("application_process"),
        assured_date=svc["assured_date"], alert=svc.get("alert"), source=svc["source"],
        priority=svc.get("priority", 100),
    )
    session.add(row)
    session.flush()
    for name in svc["service_area"]:
        place = gaz.area(name)
        session.add(m.ServiceArea(
            service_id=row.id, name=place.name, extent_type=_extent_type(place.kind, place.name),
        ))
    for phone in svc.get("phones") or []:
        session.add(m.Phone(service_id=row.id, number=str(phone["number"]),
                            type=phone.get("type", "voice"), description=phone.get("description"),
                            hours=phone.get("hours")))
    session.add(m.Schedule(service_id=row.id, description=" ".join(svc["schedule"].split())))
    for code in svc.get("languages") or ["en"]:
        session.add(m.Language(service_id=row.id, name=LANGUAGE_NAMES[code], code=code))
    for contact in svc.get("contacts") or []:
        session.add(m.Contact(service_id=row.id, name=contact["name"], title=contact.get("title"),
                              email=contact.get("email")))
    for vocabulary, key in (("audience", "audience"), ("need", "needs"), ("delivery", "delivery")):
        for value in svc[key]:
            session.add(m.ServiceTaxonomy(service_id=row.id,
                                          taxonomy_term_id=term(vocabulary, value).id))
    session.add(m.ServiceTaxonomy(service_id=row.id, taxonomy_term_id=term("kind", svc["kind"]).id))


def create_directory(bind: Engine | Connection, path: Path | None = None) -> int:
    """Drop and recreate the directory tables and load the seed, in one transaction.

    Args:
        bind: An engine (a transaction is opened) or a connection already in one.
        path: The services file; defaults to ``data/directory/services.yml``.

    Returns:
        The number of services loaded.

    Raises:
        SeedError: If the seed file is not valid (nothing is changed).
    """
    seed = load_seed(path)
    problems = validate_seed(seed)
    if problems:
        raise SeedError(problems)
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            return _recreate(conn, seed)
    return _recreate(bind, seed)


def _recreate(conn: Connection, seed: Seed) -> int:
    m.Base.metadata.drop_all(conn)
    m.Base.metadata.create_all(conn)
    with Session(bind=conn, future=True) as session:
        count = write_seed(session, seed)
        session.flush()
    return count
