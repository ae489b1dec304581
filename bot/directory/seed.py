"""Load the directory YAML, check it, and write it as ORUK rows.

The directory is ``data/directory/services.yml`` plus every
``data/directory/services/*.yml`` beside it (same shape; field reference in
``data/directory/README.md``). A service id found in both services.yml and a
services/*.yml file takes the services/*.yml record (the re-sourced copy).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from bot.directory import models as m
from bot.directory.places import Gazetteer, load_gazetteer
from bot.directory.taxonomy import Taxonomy, load_taxonomy
from bot.directory.text import fold, split_postcode
from bot.directory.vocabulary import AUDIENCES, DELIVERY, KINDS, REFERRALS

log = logging.getLogger(__name__)

DEFAULT_SERVICES_PATH = Path(__file__).resolve().parents[2] / "data" / "directory" / "services.yml"
EXTRA_DIR = "services"  # beside services.yml: one file per area or researcher

STATUSES = frozenset({"active", "inactive", "defunct", "temporarily closed"})
PHONE_TYPES = frozenset({"voice", "text"})
LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}
FREQS = frozenset({"WEEKLY", "MONTHLY"})
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PHONE = re.compile(r"^[0-9][0-9 ]*[0-9]$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
_BYDAY = re.compile(r"^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$")


class SeedError(ValueError):
    """The directory files break a rule; ``problems`` lists every one found."""

    def __init__(self, problems: list[str]) -> None:
        """Keep all problems so an editor can fix them in one pass."""
        super().__init__("the directory YAML is not valid:\n  " + "\n  ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Seed:
    """The merged directory files and their checksum (recorded with each build).

    ``origin`` maps a service id to the file it was taken from (relative to the
    services.yml folder); ``replaced`` counts services.yml records replaced by a
    services/*.yml record; ``clashes`` lists ids defined twice where no file wins.
    """

    organisations: tuple[dict[str, Any], ...]
    sha256: str
    path: Path = field(compare=False)
    origin: dict[str, str] = field(default_factory=dict, compare=False)
    replaced: int = 0
    clashes: tuple[str, ...] = ()

    def services(self) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """Every ``(organisation, service)`` pair, in file order."""
        return [(org, svc) for org in self.organisations for svc in org.get("services") or []]


def seed_files(path: Path | None = None) -> list[Path]:
    """services.yml and then every services/*.yml beside it (sorted by name)."""
    main = Path(path or DEFAULT_SERVICES_PATH)
    return [main, *sorted((main.parent / EXTRA_DIR).glob("*.yml"))]


def load_seed(path: Path | None = None) -> Seed:
    """Read and merge the directory YAML (without checking it; see :func:`validate_seed`).

    Args:
        path: The main services file; defaults to ``data/directory/services.yml``.
            Every ``services/*.yml`` in its folder is read too.

    Returns:
        The merged seed.
    """
    files = seed_files(path)
    digest = hashlib.sha256()
    orgs: dict[str, dict[str, Any]] = {}
    placed: dict[str, tuple[str, dict[str, Any], str]] = {}  # id -> (org id, service, file)
    replaced = 0
    clashes: list[str] = []
    for number, file in enumerate(files):
        raw = file.read_bytes()
        digest.update(file.name.encode() + b"\0" + raw)
        name = file.name if number == 0 else f"{EXTRA_DIR}/{file.name}"
        doc = yaml.safe_load(raw) or {}
        for org in doc.get("organisations") or []:
            oid = str(org.get("id", "?"))
            merged = orgs.setdefault(oid, {})
            merged.update({k: v for k, v in org.items() if k != "services"})
            for svc in org.get("services") or []:
                sid = str(svc.get("id", "?"))
                _iso_date(svc)
                before = placed.get(sid)
                if before is not None:
                    if before[2] == files[0].name and number > 0:
                        replaced += 1
                    else:
                        clashes.append(f"service {sid}: defined in {before[2]} and in {name}")
                placed[sid] = (oid, svc, name)
    if replaced:
        log.info("directory: %d services.yml records replaced by services/*.yml records", replaced)
    organisations = tuple(
        {**org, "services": [svc for oid2, svc, _ in placed.values() if oid2 == oid]}
        for oid, org in orgs.items()
    )
    origin = {sid: where for sid, (_, _, where) in placed.items()}
    return Seed(organisations, digest.hexdigest(), files[0], origin, replaced, tuple(clashes))


def _iso_date(svc: dict[str, Any]) -> None:
    """Read a quoted "YYYY-MM-DD" assured_date as the date YAML gives when it is unquoted."""
    value = svc.get("assured_date")
    if isinstance(value, str):
        with contextlib.suppress(ValueError):  # left as text: validate_seed reports it
            svc["assured_date"] = date.fromisoformat(value.strip())


def validate_seed(
    seed: Seed, gazetteer: Gazetteer | None = None, taxonomy: Taxonomy | None = None
) -> list[str]:
    """Check every rule in ``data/directory/README.md``.

    Args:
        seed: The merged seed.
        gazetteer: Resolves service_area names; defaults to the repo's places.yml.
        taxonomy: The needs taxonomy; defaults to the repo's taxonomy.yml.

    Returns:
        Human-readable problems; empty when the files are valid.
    """
    gaz = gazetteer or load_gazetteer()
    needs = (taxonomy or load_taxonomy()).ids()
    problems: list[str] = list(seed.clashes)
    for org in seed.organisations:
        oid = str(org.get("id", "?"))
        for key in ("id", "name"):
            if not org.get(key):
                problems.append(f"organisation {oid}: missing {key}")
        for key in ("source", "website"):
            if org.get(key) and not _URL.match(str(org[key])):
                problems.append(f"organisation {oid}: {key} must be an http(s) URL")
        for svc in org.get("services") or []:
            sid = str(svc.get("id", "?"))
            where = seed.origin.get(sid, seed.path.name)
            prefix = f"service {sid}" if where == seed.path.name else f"{where}: service {sid}"
            problems += [f"{prefix}: {p}" for p in service_problems(svc, gaz, needs)]
    if not seed.organisations:
        problems.append("no organisations")
    return problems


def phone_problem(number: str) -> str | None:
    """Why a phone number is not well formed, or None.

    UK numbers are written as digits and spaces: 10 or 11 digits starting 0 (8 are
    allowed after 0800 or 0808, e.g. 0800 1111), or a short code of 3 to 6 digits
    (111, 116 123, a text number such as 85258).
    """
    if not _PHONE.match(number):
        return f"bad phone number {number!r} (digits and spaces, quoted)"
    digits = number.replace(" ", "")
    if digits.startswith("0"):
        ok = len(digits) in (10, 11) or (digits[:4] in ("0800", "0808") and len(digits) >= 8)
    else:
        ok = 3 <= len(digits) <= 6
    return None if ok else f"bad phone number {number!r} (not a UK number or short code)"


def service_problems(svc: dict[str, Any], gaz: Gazetteer, needs: frozenset[str]) -> list[str]:
    """Every rule a single service record breaks."""
    out: list[str] = []
    # fees_description is optional: a record states a cost only when its source does.
    required = (
        "id",
        "name",
        "description",
        "eligibility_description",
        "kind",
        "status",
        "source",
        "assured_date",
    )
    out += [f"missing {key}" for key in required if not svc.get(key)]
    if svc.get("id") and not _SLUG.match(str(svc["id"])):
        out.append("id must be a lowercase slug")
    if svc.get("source") and not _URL.match(str(svc["source"])):
        out.append("source must be an http(s) URL")
    for key, vocab in (("audience", AUDIENCES), ("needs", needs), ("delivery", DELIVERY)):
        values = svc.get(key) or []
        if not values:
            out.append(f"missing {key}")
        out += [f"unknown {key} {v!r}" for v in values if v not in vocab]
    out += [f"unknown referral {v!r}" for v in svc.get("referral") or [] if v not in REFERRALS]
    if svc.get("kind") and svc["kind"] not in KINDS:
        out.append(f"unknown kind {svc['kind']!r}")
    if svc.get("status") and svc["status"] not in STATUSES:
        out.append(f"unknown status {svc['status']!r}")
    if svc.get("assured_date") and not isinstance(svc["assured_date"], date):
        out.append("assured_date must be a date (YYYY-MM-DD)")
    if not (svc.get("url") or svc.get("email") or svc.get("phones")):
        out.append("needs a contact route (url, email or phones)")
    if svc.get("url") and not _URL.match(str(svc["url"])):
        out.append("url must start with http(s)://")
    for email in [svc.get("email")] + [c.get("email") for c in svc.get("contacts") or []]:
        if email and not _EMAIL.match(email):
            out.append(f"bad email {email!r}")
    for phone in svc.get("phones") or []:
        problem = phone_problem(str(phone.get("number", "")))
        if problem:
            out.append(problem)
        if phone.get("type", "voice") not in PHONE_TYPES:
            out.append(f"bad phone type {phone.get('type')!r}")
    out += _age_problems(svc)
    for i, sched in enumerate(svc.get("schedules") or []):
        out += [f"schedules[{i}]: {p}" for p in schedule_problems(sched)]
    for i, loc in enumerate(svc.get("locations") or []):
        missing = [k for k in ("name", "city") if not loc.get(k)]
        out += [f"locations[{i}]: missing {k}" for k in missing]
        if loc.get("postcode") and not _full_postcode(str(loc["postcode"])):
            out.append(f"locations[{i}]: bad postcode {loc['postcode']!r}")
    areas = svc.get("service_area") or []
    if not areas:
        out.append("missing service_area")
    out += [f"unknown service_area {a!r} (not in places.yml)" for a in areas if gaz.area(a) is None]
    out += [f"unknown language {c!r}" for c in svc.get("languages") or [] if c not in LANGUAGE_NAMES]
    return out


def _age_problems(svc: dict[str, Any]) -> list[str]:
    out = []
    ages = {k: svc.get(k) for k in ("min_age_months", "max_age_months")}
    for key, value in ages.items():
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            out.append(f"{key} must be a whole number of months")
    low, high = ages["min_age_months"], ages["max_age_months"]
    if not out and isinstance(low, int) and isinstance(high, int) and low > high:
        out.append("min_age_months is more than max_age_months")
    return out


def schedule_problems(sched: Any) -> list[str]:
    """Every rule one structured schedule breaks (byday, opens_at, closes_at, freq, description)."""
    if not isinstance(sched, dict):
        return ["must be a mapping"]
    out = [f"missing {k}" for k in ("byday", "opens_at", "closes_at", "description") if not sched.get(k)]
    freq = sched.get("freq", "WEEKLY")
    if freq not in FREQS:
        out.append(f"unknown freq {freq!r} (WEEKLY or MONTHLY)")
    for part in str(sched.get("byday") or "").split(","):
        found = _BYDAY.match(part.strip())
        if sched.get("byday") and (found is None or (found.group(1) and freq != "MONTHLY")):
            out.append(f'bad byday {sched["byday"]!r} (e.g. "MO,TU"; "2MO" only when MONTHLY)')
            break
    for key in ("opens_at", "closes_at"):
        if sched.get(key) and not _TIME.match(str(sched[key])):
            out.append(f'{key} must be "HH:MM" (quoted), not {sched[key]!r}')
    return out


def _full_postcode(text: str) -> str | None:
    """``"LD3 7HR"`` for a full UK postcode in any case or spacing, else None."""
    compact = fold(text).replace(" ", "")
    split = split_postcode(compact)
    if split is None or split[1] is None:
        return None
    return f"{compact[:-3].upper()} {compact[-3:].upper()}"


def _extent_type(place_kind: str, name: str) -> str:
    if name == "UK":
        return "uk"
    return {"region": "nation", "village": "town", "postcode_district": "town"}.get(place_kind, place_kind)


def nation_name(gaz: Gazetteer, postcode: str | None, areas: list[str]) -> str:
    """England, Wales, Scotland or Northern Ireland for an address (ORUK ``state_province``)."""
    nations = {
        "england": "England",
        "wales": "Wales",
        "scotland": "Scotland",
        "northern_ireland": "Northern Ireland",
        "northern ireland": "Northern Ireland",
    }
    if postcode:
        match = gaz.resolve(postcode)
        if match.nation:
            return nations.get(match.nation, match.nation.title())
    for name in areas:
        place = gaz.area(name)
        if place is not None and place.nation:
            return nations.get(place.nation, place.nation.title())
    return "United Kingdom"


class Writer:
    """Adds directory rows to a session; shared by the YAML build and the ORUK import."""

    def __init__(
        self, session: Session, gazetteer: Gazetteer | None = None, taxonomy: Taxonomy | None = None
    ) -> None:
        """Write every taxonomy.yml term first, so the full needs taxonomy is published."""
        self.session = session
        self.gaz = gazetteer or load_gazetteer()
        self.taxonomy = taxonomy or load_taxonomy()
        # Terms already written (a console edit rewrites one service into a full directory).
        self.terms: dict[str, m.TaxonomyTerm] = {
            term.id: term for term in session.scalars(select(m.TaxonomyTerm))
        }
        for t in self.taxonomy.terms:
            self.term("need", t.id, t.label, t.label, t.label_cy, f"need:{t.parent}" if t.parent else None)

    def term(
        self,
        vocabulary: str,
        value: str,
        name: str | None = None,
        description: str | None = None,
        name_cy: str | None = None,
        parent_id: str | None = None,
    ) -> m.TaxonomyTerm:
        """The taxonomy term row for ``vocabulary:value``, added on first use."""
        key = f"{vocabulary}:{value}"
        if key not in self.terms:
            label = name or value.replace("_", " ").capitalize()
            self.terms[key] = m.TaxonomyTerm(
                id=key,
                term=value,
                vocabulary=vocabulary,
                name=label,
                description=description or f"{vocabulary.capitalize()}: {label}",
                name_cy=name_cy,
                parent_id=parent_id,
            )
            self.session.add(self.terms[key])
            # No ORM relationship orders term before link, so write the term now.
            self.session.flush()
        return self.terms[key]

    def link(self, service_id: str, term: m.TaxonomyTerm) -> None:
        """Classify a service with a term (an ORUK service attribute)."""
        self.session.add(m.ServiceTaxonomy(service_id=service_id, taxonomy_term_id=term.id))

    def area(self, service_id: str, name: str) -> None:
        """A service_area row for a gazetteer area name (must be known)."""
        place = self.gaz.area(name)
        if place is None:
            raise KeyError(name)
        self.session.add(
            m.ServiceArea(
                service_id=service_id,
                name=place.name,
                extent_type=_extent_type(place.kind, place.name),
            )
        )

    def location(
        self,
        service_id: str,
        index: int,
        name: str | None,
        description: str | None,
        address: dict[str, str] | None,
    ) -> None:
        """One physical location, with its address when it is complete, linked to the service."""
        lid = f"{service_id}/{index}"
        self.session.add(m.Location(id=lid, location_type="physical", name=name, description=description))
        self.session.flush()
        if address:
            self.session.add(m.Address(id=lid, location_id=lid, **address))
        self.session.add(m.ServiceAtLocation(id=lid, service_id=service_id, location_id=lid))


def write_seed(session: Session, seed: Seed, gazetteer: Gazetteer | None = None) -> int:
    """Add the seed's rows to ``session`` (tables must exist and be empty).

    Args:
        session: An open session; the caller commits.
        seed: A seed that passed :func:`validate_seed`.
        gazetteer: Resolves area names to their kind; defaults to places.yml.

    Returns:
        The number of services written.
    """
    writer = Writer(session, gazetteer)
    count = 0
    for org in seed.organisations:
        services = org.get("services") or []
        source = org.get("source") or org.get("website") or (services[0]["source"] if services else None)
        session.add(
            m.Organization(
                id=org["id"],
                name=org["name"],
                description=org.get("description", ""),
                email=org.get("email"),
                website=org.get("website"),
                source=source,
            )
        )
        session.flush()
        for svc in services:
            write_service(writer, org["id"], svc)
            count += 1
    stamp(session, seed.sha256, count)
    return count


def stamp(session: Session, sha256: str, count: int) -> None:
    """Record a build, so query caches notice the new data."""
    session.add(
        m.DirectoryBuild(
            id=str(uuid.uuid4()),
            built_at=datetime.now(timezone.utc).isoformat(),
            seed_sha256=sha256,
            service_count=count,
        )
    )
    session.flush()


def _clean(text: Any) -> str | None:
    return " ".join(str(text).split()) if text else None


def _clean_required(text: Any) -> str:
    """``_clean`` for a field the validation requires (so never empty here)."""
    cleaned = _clean(text)
    assert cleaned is not None, "a required field is empty: validate_seed lets none through"
    return cleaned


def write_service(writer: Writer, org_id: str, svc: dict[str, Any]) -> None:
    """Add one checked service record (YAML shape) and its children to the writer's session."""
    session = writer.session
    sid = svc["id"]
    session.add(
        m.Service(
            id=sid,
            organization_id=org_id,
            name=svc["name"],
            name_cy=svc.get("name_cy"),
            description=_clean_required(svc["description"]),
            description_cy=_clean(svc.get("description_cy")),
            url=svc.get("url"),
            email=svc.get("email"),
            status=svc["status"],
            eligibility_description=_clean_required(svc["eligibility_description"]),
            min_age_months=svc.get("min_age_months"),
            max_age_months=svc.get("max_age_months"),
            fees_description=svc.get("fees_description"),
            application_process=svc.get("application_process"),
            assured_date=svc["assured_date"],
            alert=svc.get("alert"),
            source=svc["source"],
            priority=svc.get("priority", 100),
        )
    )
    session.flush()
    for name in svc["service_area"]:
        writer.area(sid, name)
    for phone in svc.get("phones") or []:
        session.add(
            m.Phone(
                service_id=sid,
                number=str(phone["number"]),
                type=phone.get("type", "voice"),
                description=phone.get("description"),
                hours=phone.get("hours"),
            )
        )
    if svc.get("schedule"):
        session.add(m.Schedule(service_id=sid, description=_clean_required(svc["schedule"])))
    for sched in svc.get("schedules") or []:
        session.add(
            m.Schedule(
                service_id=sid,
                freq=sched.get("freq", "WEEKLY"),
                byday=str(sched["byday"]).replace(" ", ""),
                opens_at=sched["opens_at"],
                closes_at=sched["closes_at"],
                description=_clean_required(sched["description"]),
            )
        )
    for code in svc.get("languages") or ["en"]:
        session.add(m.Language(service_id=sid, name=LANGUAGE_NAMES[code], code=code))
    for contact in svc.get("contacts") or []:
        session.add(
            m.Contact(
                service_id=sid, name=contact["name"], title=contact.get("title"), email=contact.get("email")
            )
        )
    for i, loc in enumerate(svc.get("locations") or []):
        # ORUK needs a whole address (street and postcode); a town alone is the description.
        if loc.get("address_1") and loc.get("postcode"):
            postcode = _full_postcode(str(loc["postcode"])) or str(loc["postcode"])
            address = {
                "address_1": loc["address_1"],
                "city": loc["city"],
                "postal_code": postcode,
                "state_province": nation_name(writer.gaz, postcode, svc["service_area"]),
            }
            writer.location(sid, i, loc["name"], None, address)
        else:
            writer.location(sid, i, loc["name"], loc["city"], None)
    for vocabulary, key in (
        ("audience", "audience"),
        ("need", "needs"),
        ("delivery", "delivery"),
        ("referral", "referral"),
    ):
        for value in svc.get(key) or []:
            writer.link(sid, writer.term(vocabulary, value))
    writer.link(sid, writer.term("kind", svc["kind"]))


def create_directory(bind: Engine | Connection, path: Path | None = None) -> int:
    """Drop and recreate the directory tables and load the YAML, in one transaction.

    Args:
        bind: An engine (a transaction is opened) or a connection already in one.
        path: The main services file; defaults to ``data/directory/services.yml``.

    Returns:
        The number of services loaded.

    Raises:
        SeedError: If the files are not valid (nothing is changed).
    """
    seed = load_seed(path)
    problems = validate_seed(seed)
    if problems:
        raise SeedError(problems)
    return replace_directory(bind, lambda session: write_seed(session, seed))


def replace_directory(bind: Engine | Connection, fill: Callable[[Session], int]) -> int:
    """Recreate the tables and run ``fill`` in one transaction; returns what it returns."""
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            return _recreate(conn, fill)
    return _recreate(bind, fill)


def _recreate(conn: Connection, fill: Callable[[Session], int]) -> int:
    m.Base.metadata.drop_all(conn)
    m.Base.metadata.create_all(conn)
    with Session(bind=conn, future=True) as session:
        count = fill(session)
        session.flush()
    return count
