"""Export a service as ORUK v3 / HSDS 3 shaped JSON (for publishing and checks).

Our ids are readable slugs; ORUK expects UUIDs, so the export derives a stable
UUID from each slug (uuid5), the same on every build.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.directory import models as m

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://perinatal-signposting.invalid/directory")

# The part of ORUK's service schema we fill in; checked with jsonschema when installed.
SERVICE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "name", "status", "organization", "service_areas", "phones"],
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string"},
        "status": {"enum": ["active", "inactive", "defunct", "temporarily closed"]},
        "assured_date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "organization": {"type": "object", "required": ["id", "name"]},
        "service_areas": {"type": "array", "items": {"type": "object", "required": ["id", "name"]}},
        "phones": {"type": "array", "items": {"type": "object", "required": ["id", "number"]}},
    },
}


def oruk_id(kind: str, slug: str | int) -> str:
    """A stable UUID for one of our rows."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{slug}"))


def service_json(session: Session, service_id: str) -> dict[str, Any] | None:
    """One service as ORUK JSON, or None if the id is unknown.

    Args:
        session: An open session.
        service_id: Our slug id.

    Returns:
        An ORUK-shaped dict, validated against :data:`SERVICE_SCHEMA` when
        ``jsonschema`` is installed.
    """
    row = session.scalars(
        select(m.Service).where(m.Service.id == service_id).options(
            selectinload(m.Service.organization), selectinload(m.Service.phones),
            selectinload(m.Service.schedules), selectinload(m.Service.service_areas),
            selectinload(m.Service.languages), selectinload(m.Service.taxonomy_terms),
        )
    ).first()
    if row is None:
        return None
    sid = oruk_id("service", row.id)
    org = row.organization
    doc: dict[str, Any] = {
        "id": sid, "name": row.name, "description": row.description, "url": row.url,
        "email": row.email, "status": row.status,
        "eligibility_description": row.eligibility_description,
        "fees_description": row.fees_description, "application_process": row.application_process,
        "assured_date": row.assured_date.isoformat(), "alert": row.alert,
        "organization": {"id": oruk_id("organization", org.id), "name": org.name,
                         "description": org.description, "email": org.email,
                         "website": org.website},
        "service_areas": [{"id": oruk_id("service_area", a.id), "service_id": sid,
                           "name": a.name, "extent_type": a.extent_type}
                          for a in row.service_areas],
        "phones": [{"id": oruk_id("phone", p.id), "service_id": sid, "number": p.number,
                    "type": p.type, "description": p.description} for p in row.phones],
        "schedules": [{"id": oruk_id("schedule", s.id), "service_id": sid,
                       "description": s.description} for s in row.schedules],
        "languages": [{"id": oruk_id("language", lang.id), "service_id": sid,
                       "name": lang.name, "code": lang.code} for lang in row.languages],
        "attributes": [{"id": oruk_id("attribute", f"{row.id}:{t.id}"), "link_id": sid,
                        "link_type": "service", "taxonomy_term": {
                            "id": oruk_id("taxonomy_term", t.id), "term": t.term,
                            "vocabulary": t.vocabulary}} for t in row.taxonomy_terms],
    }
    _validate(doc)
    return doc


def _validate(doc: dict[str, Any]) -> None:
    try:
        import jsonschema
    except ImportError:  # optional: the export still works without the check
        return
    jsonschema.validate(doc, SERVICE_SCHEMA)
