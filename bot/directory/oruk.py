"""Open Referral UK (ORUK v3, the UK profile of HSDS 3.0): export and import.

Each service is written as ORUK's ``GET /services/{id}`` returns it: organization,
service_at_locations (locations and addresses), contacts, phones, schedules,
service_areas, languages and taxonomy terms through service ``attributes``.
Records are checked against the UK profile's compiled ``service.json`` and the
HSDS 3.0 schemas (``schemas/oruk/``), which define the parts the UK profile leaves
out (phones, metadata, language names, attribute values).

Our ids are readable slugs; ORUK expects UUIDs, so the export derives a stable
uuid5 from each slug and publishes the slug itself as a ``local_id`` attribute,
so an import gives back the same ids. Where a service's source is not its own
page (``url``), the source URL is an HSDS ``metadata`` entry (field_name
"source"). Empty optional fields are left out.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, selectinload

from bot.directory import models as m
from bot.directory.places import load_gazetteer
from bot.directory.seed import Seed, replace_directory, service_problems, write_seed
from bot.directory.taxonomy import Taxonomy, load_taxonomy
from bot.directory.vocabulary import FIELD_TERMS, FIELDS, published_name, vocabulary_of

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas" / "oruk"
ORUK_VERSION = "3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile"
UPDATED_BY = "perinatal-signposting directory"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://perinatal-signposting.invalid/directory")
_HSDS_BASE = "https://hsds.invalid/schema/"
# Written in this order on build and on import, so attribute order survives a round trip.
_VOCAB_ORDER = {"audience": "audience", "need": "needs", "delivery": "delivery", "referral": "referral"}


class FeedError(ValueError):
    """An ORUK feed that cannot be imported; ``problems`` name the record and field."""

    def __init__(self, problems: list[str]) -> None:
        """Keep every problem so the publisher can fix them in one pass."""
        super().__init__("ORUK feed rejected, nothing was changed:\n  " + "\n  ".join(problems))
        self.problems = problems


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def oruk_id(kind: str, slug: str | int) -> str:
    """A stable UUID for one of our rows (an id that is already a UUID is kept)."""
    if kind in ("service", "organization") and isinstance(slug, str) and _is_uuid(slug):
        return slug
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{slug}"))


# -- schemas ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _validators() -> tuple[jsonschema.Draft7Validator, jsonschema.Draft7Validator]:
    uk = json.loads((SCHEMA_DIR / "service.json").read_text(encoding="utf-8"))
    store = {
        f"{_HSDS_BASE}{p.name}": json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((SCHEMA_DIR / "hsds-3.0").glob("*.json"))
    }
    hsds = store[f"{_HSDS_BASE}service.json"]
    checker = jsonschema.FormatChecker()
    resolver = jsonschema.RefResolver(f"{_HSDS_BASE}service.json", hsds, store=store)
    return (
        jsonschema.Draft7Validator(uk, format_checker=checker),
        jsonschema.Draft7Validator(hsds, resolver=resolver, format_checker=checker),
    )


def schema_problems(doc: Any) -> list[str]:
    """Where one service record breaks the ORUK UK profile or HSDS 3.0 (field path: message)."""
    if not isinstance(doc, dict):
        return ["not a JSON object"]
    out: dict[str, str] = {}  # the same error from both schemas is reported once
    for name, validator in zip(("ORUK", "HSDS 3.0"), _validators(), strict=True):
        for err in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
            where = ".".join(str(p) for p in err.absolute_path) or "(record)"
            out.setdefault(f"{where}: {err.message}", name)
    return [f"{message} ({name})" for message, name in out.items()]


# -- export ----------------------------------------------------------------------------


def _compact(**fields: Any) -> dict[str, Any]:
    """Leave out empty optional fields (None, "" and [])."""
    return {k: v for k, v in fields.items() if v is not None and v != "" and v != []}


def _years(months: int | None) -> float | int | None:
    if months is None:
        return None
    years = months / 12
    return int(years) if years.is_integer() else years


def _term_json(term: m.TaxonomyTerm, taxonomy: Taxonomy) -> dict[str, Any]:
    return _compact(
        id=oruk_id("taxonomy_term", term.id),
        name=term.name,
        description=term.description,
        parent_id=oruk_id("taxonomy_term", term.parent_id) if term.parent_id else None,
        taxonomy=published_name(term.vocabulary, taxonomy),
        term=term.term,
    )


def _field_attr(
    link_id: str, link_type: str, key: str, name: str, value: Any, taxonomy: Taxonomy
) -> dict[str, Any] | None:
    if value is None or value == "":
        return None
    label, description = FIELD_TERMS[name]
    term = m.TaxonomyTerm(
        id=f"{FIELDS}:{name}", term=name, vocabulary=FIELDS, name=label, description=description
    )
    return {
        "id": oruk_id("attribute", f"{key}:{FIELDS}:{name}"),
        "link_id": link_id,
        "link_type": link_type,
        "taxonomy_term_id": oruk_id("taxonomy_term", term.id),
        "value": str(value),
        "taxonomy_term": _term_json(term, taxonomy),
    }


def _source_metadata(
    resource: str, resource_type: str, key: str, source: str | None, own_page: str | None, when: str
) -> list[dict[str, Any]]:
    """An HSDS 3.0 metadata entry for the source, unless the source is the record's own page."""
    if not source or (own_page and source.rstrip("/") == own_page.rstrip("/")):
        return []
    return [
        {
            "id": oruk_id("metadata", f"{key}:source"),
            "resource_id": resource,
            "resource_type": resource_type,
            "last_action_date": when,
            "last_action_type": "create",
            "field_name": "source",
            "previous_value": "",
            "replacement_value": source,
            "updated_by": UPDATED_BY,
        }
    ]


def _organization_json(org: m.Organization, when: str, taxonomy: Taxonomy) -> dict[str, Any]:
    oid = oruk_id("organization", org.id)
    local = None if _is_uuid(org.id) else org.id
    attrs = [
        a
        for a in [_field_attr(oid, "organization", f"organization:{org.id}", "local_id", local, taxonomy)]
        if a
    ]
    return _compact(
        id=oid,
        name=org.name,
        description=org.description or org.name,
        email=org.email,
        website=org.website,
        attributes=attrs,
        metadata=_source_metadata(
            oid, "organization", f"organization:{org.id}", org.source, org.website, when
        ),
    )


def service_doc(row: m.Service, taxonomy: Taxonomy | None = None) -> dict[str, Any]:
    """One loaded service row as an ORUK record (not validated; see :func:`service_json`)."""
    taxonomy = taxonomy or load_taxonomy()
    sid = oruk_id("service", row.id)
    when = row.assured_date.isoformat()
    phones = []
    for i, p in enumerate(row.phones):
        pid = oruk_id("phone", f"{row.id}:{i}")
        hours = _field_attr(pid, "phone", f"phone:{row.id}:{i}", "hours", p.hours, taxonomy)
        phones.append(
            _compact(
                id=pid,
                service_id=sid,
                number=p.number,
                type=p.type,
                description=p.description,
                attributes=[hours] if hours else [],
            )
        )
    locations = []
    for sal in row.service_at_locations:
        loc = sal.location
        lid = oruk_id("location", loc.id)
        addresses = [
            _compact(
                id=oruk_id("address", a.id),
                location_id=lid,
                address_1=a.address_1,
                city=a.city,
                state_province=a.state_province,
                postal_code=a.postal_code,
                country=a.country,
                address_type="physical",
            )
            for a in loc.addresses
        ]
        locations.append(
            {
                "id": oruk_id("service_at_location", sal.id),
                "service_id": sid,
                "location_id": lid,
                "location": _compact(
                    id=lid,
                    location_type=loc.location_type,
                    name=loc.name,
                    description=loc.description,
                    addresses=addresses,
                ),
            }
        )
    attributes = [
        {
            "id": oruk_id("attribute", f"{row.id}:{link.term.id}"),
            "link_id": sid,
            "link_type": "service",
            "taxonomy_term_id": oruk_id("taxonomy_term", link.term.id),
            "taxonomy_term": _term_json(link.term, taxonomy),
        }
        for link in row.attributes
    ]
    key = f"service:{row.id}"
    local = None if _is_uuid(row.id) else row.id
    fields = [
        ("local_id", local),
        ("name_cy", row.name_cy),
        ("description_cy", row.description_cy),
        ("priority", row.priority if row.priority != 100 else None),
    ]
    attributes += [
        a for name, value in fields if (a := _field_attr(sid, "service", key, name, value, taxonomy))
    ]
    return _compact(
        id=sid,
        organization_id=oruk_id("organization", row.organization_id),
        name=row.name,
        description=row.description,
        url=row.url,
        email=row.email,
        status=row.status,
        fees_description=row.fees_description,
        eligibility_description=row.eligibility_description,
        application_process=row.application_process,
        minimum_age=_years(row.min_age_months),
        maximum_age=_years(row.max_age_months),
        assured_date=when,
        alert=row.alert,
        phones=phones,
        schedules=[
            _compact(
                id=oruk_id("schedule", f"{row.id}:{i}"),
                service_id=sid,
                freq=s.freq,
                byday=s.byday,
                opens_at=s.opens_at,
                closes_at=s.closes_at,
                description=s.description,
            )
            for i, s in enumerate(row.schedules)
        ],
        service_areas=[
            {"id": oruk_id("service_area", f"{row.id}:{a.name}"), "service_id": sid, "name": a.name}
            for a in row.service_areas
        ],
        service_at_locations=locations,
        languages=[
            {
                "id": oruk_id("language", f"{row.id}:{lang.code}"),
                "service_id": sid,
                "name": lang.name,
                "code": lang.code,
            }
            for lang in row.languages
        ],
        organization=_organization_json(row.organization, when, taxonomy),
        contacts=[
            _compact(
                id=oruk_id("contact", f"{row.id}:{i}"),
                service_id=sid,
                name=c.name,
                title=c.title,
                email=c.email,
            )
            for i, c in enumerate(row.contacts)
        ],
        attributes=attributes,
        metadata=_source_metadata(sid, "service", key, row.source, row.url, when),
    )


def _loaded() -> Any:
    return select(m.Service).options(
        selectinload(m.Service.organization),
        selectinload(m.Service.phones),
        selectinload(m.Service.schedules),
        selectinload(m.Service.service_areas),
        selectinload(m.Service.languages),
        selectinload(m.Service.contacts),
        selectinload(m.Service.attributes).selectinload(m.ServiceTaxonomy.term),
        selectinload(m.Service.service_at_locations)
        .selectinload(m.ServiceAtLocation.location)
        .selectinload(m.Location.addresses),
    )


def service_json(session: Session, service_id: str) -> dict[str, Any] | None:
    """One service as a validated ORUK record, or None if the id is unknown.

    Args:
        session: An open session.
        service_id: Our slug id.

    Raises:
        FeedError: If the record does not validate (a bug: the loader's rules should prevent it).
    """
    row = session.scalars(_loaded().where(m.Service.id == service_id)).first()
    if row is None:
        return None
    doc = service_doc(row)
    problems = schema_problems(doc)
    if problems:
        raise FeedError([f"service {service_id}: {p}" for p in problems])
    return doc


def export_services(session: Session) -> list[dict[str, Any]]:
    """Every service (ordered by our id) as validated ORUK records.

    Raises:
        FeedError: If any record does not validate.
    """
    taxonomy = load_taxonomy()
    docs = [service_doc(row, taxonomy) for row in session.scalars(_loaded().order_by(m.Service.id))]
    problems = [f"service {d['id']} ({d['name']}): {p}" for d in docs for p in schema_problems(d)]
    if problems:
        raise FeedError(problems)
    return docs


def taxonomy_terms(session: Session) -> list[dict[str, Any]]:
    """Every taxonomy term in the directory as ORUK ``taxonomy_term`` objects."""
    taxonomy = load_taxonomy()
    rows = session.scalars(
        select(m.TaxonomyTerm).order_by(m.TaxonomyTerm.vocabulary, m.TaxonomyTerm.term)
    ).all()
    return [_term_json(t, taxonomy) for t in rows]


# -- import ----------------------------------------------------------------------------


def _fields(attributes: list[dict[str, Any]], taxonomy: Taxonomy) -> dict[str, str]:
    return {
        a["taxonomy_term"]["term"]: a["value"]
        for a in attributes
        if vocabulary_of(a.get("taxonomy_term", {}).get("taxonomy", ""), taxonomy) == FIELDS
        and "term" in a.get("taxonomy_term", {})
        and "value" in a
    }


def _source(doc: dict[str, Any]) -> str | None:
    for entry in doc.get("metadata") or []:
        if entry.get("field_name") == "source":
            return str(entry.get("replacement_value") or "") or None
    return doc.get("url") or doc.get("website")


def _months(years: Any) -> int | None:
    return None if years is None else round(float(years) * 12)


def _to_seed(doc: dict[str, Any], taxonomy: Taxonomy) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """An ORUK record as (organisation, service) dicts in the YAML shape, and problems."""
    problems: list[str] = []
    fields = _fields(doc.get("attributes") or [], taxonomy)
    org_doc = doc.get("organization") or {}
    org_fields = _fields(org_doc.get("attributes") or [], taxonomy)
    org = {
        "id": org_fields.get("local_id") or org_doc.get("id") or doc.get("organization_id"),
        "name": org_doc.get("name"),
        "description": org_doc.get("description", ""),
        "email": org_doc.get("email"),
        "website": org_doc.get("website"),
        "source": _source(org_doc) if (org_doc.get("metadata") or org_doc.get("website")) else None,
    }
    svc: dict[str, Any] = {
        "id": fields.get("local_id") or doc.get("id"),
        "name": doc.get("name"),
        "name_cy": fields.get("name_cy"),
        "description": doc.get("description"),
        "description_cy": fields.get("description_cy"),
        "url": doc.get("url"),
        "email": doc.get("email"),
        "status": doc.get("status"),
        "fees_description": doc.get("fees_description"),
        "eligibility_description": doc.get("eligibility_description"),
        "application_process": doc.get("application_process"),
        "min_age_months": _months(doc.get("minimum_age")),
        "max_age_months": _months(doc.get("maximum_age")),
        "alert": doc.get("alert"),
        "source": _source(doc),
        "service_area": [a.get("name") for a in doc.get("service_areas") or []],
        "languages": [lang.get("code") for lang in doc.get("languages") or []],
        "contacts": [
            {"name": c.get("name"), "title": c.get("title"), "email": c.get("email")}
            for c in doc.get("contacts") or []
        ],
        "phones": [
            {
                "number": p.get("number"),
                "type": p.get("type", "voice"),
                "description": p.get("description"),
                "hours": _fields(p.get("attributes") or [], taxonomy).get("hours"),
            }
            for p in doc.get("phones") or []
        ],
    }
    if "priority" in fields:
        try:
            svc["priority"] = int(fields["priority"])
        except ValueError:
            problems.append("attributes: priority must be a whole number")
    try:
        svc["assured_date"] = date.fromisoformat(doc["assured_date"]) if doc.get("assured_date") else None
    except ValueError:
        problems.append(f"assured_date: {doc['assured_date']!r} is not a date (YYYY-MM-DD)")
    for sched in doc.get("schedules") or []:
        if sched.get("byday") or sched.get("opens_at") or sched.get("closes_at"):
            svc.setdefault("schedules", []).append(
                {k: sched[k] for k in ("freq", "byday", "opens_at", "closes_at", "description") if k in sched}
            )
        elif "schedule" in svc or svc.get("schedules"):
            problems.append("schedules: only the first schedule may be a description alone")
        else:
            svc["schedule"] = sched.get("description")
    for sal in doc.get("service_at_locations") or []:
        loc = sal.get("location") or {}
        address = (loc.get("addresses") or [{}])[0]
        svc.setdefault("locations", []).append(
            _compact(
                name=loc.get("name"),
                address_1=address.get("address_1"),
                city=address.get("city") or loc.get("description"),
                postcode=address.get("postal_code"),
            )
        )
    for attr in doc.get("attributes") or []:
        term = attr.get("taxonomy_term") or {}
        vocabulary = vocabulary_of(str(term.get("taxonomy", "")), taxonomy)
        if vocabulary == FIELDS:
            continue
        if vocabulary not in (*_VOCAB_ORDER, "kind"):
            problems.append(f"attributes: taxonomy {term.get('taxonomy')!r} is not one this directory uses")
        elif vocabulary == "kind":
            svc["kind"] = term.get("term")
        else:
            svc.setdefault(_VOCAB_ORDER[vocabulary], []).append(term.get("term"))
    return org, {k: v for k, v in svc.items() if v is not None}, problems


def read_feed(records: Any) -> Seed:
    """Check a whole ORUK feed (a JSON array of service records) and turn it into a seed.

    Raises:
        FeedError: Naming each bad record and field; nothing is written.
    """
    if not isinstance(records, list):
        raise FeedError(["the feed must be a JSON array of service records"])
    taxonomy, gaz = load_taxonomy(), load_gazetteer()
    needs = taxonomy.ids()
    problems: list[str] = []
    orgs: dict[str, dict[str, Any]] = {}
    seen: set[str] = set()
    for i, doc in enumerate(records):
        label = f"record {i}"
        if isinstance(doc, dict):
            label += f" (service {doc.get('id', '?')} {str(doc.get('name', ''))!r})"
        found = schema_problems(doc)
        if found:
            problems += [f"{label}: {p}" for p in found]
            continue
        org, svc, found = _to_seed(doc, taxonomy)
        found += service_problems(svc, gaz, needs)
        if svc.get("id") in seen:
            found.append("duplicate service id")
        seen.add(str(svc.get("id")))
        problems += [f"{label}: {p}" for p in found]
        merged = orgs.setdefault(str(org["id"]), {**org, "services": []})
        merged["services"].append(svc)
    if problems:
        raise FeedError(problems)
    for org in orgs.values():
        org["source"] = org["source"] or org["services"][0]["source"]
    raw = json.dumps(records, sort_keys=True).encode()
    return Seed(tuple(orgs.values()), hashlib.sha256(raw).hexdigest(), Path("oruk-feed.json"))


def import_feed(bind: Engine | Connection, records: Any) -> int:
    """Replace the directory with an ORUK feed, all or nothing.

    Args:
        bind: The directory database.
        records: The parsed JSON feed.

    Returns:
        The number of services loaded.

    Raises:
        FeedError: If any record is invalid (the database is left as it was).
    """
    seed = read_feed(records)
    return replace_directory(bind, lambda session: write_seed(session, seed))
