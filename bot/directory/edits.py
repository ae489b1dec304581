"""Staff edits to the directory: add, edit, retire and re-assure services.

Every change made in the staff console is written twice, in one transaction of
the directory database: to the live tables (so the bot's next search sees it;
the new ``directory_build`` stamp tells the search caches) and as a
``service_edit`` row (who, when, which service, each field's old and new
value). ``service_edit`` belongs to its own metadata, so ``make directory``
keeps it, and after loading the YAML the build re-applies every edit in order
(:func:`reapply`). An edit is skipped, with a warning in the build log, when
its service left the YAML, when the YAML record was checked on a later day than
the edit (the re-sourced YAML is newer), or when the result would break a rule.

Values are in the YAML's shape and field names (data/directory/README.md), and
every edited record is checked with the loader's own rules
(:func:`bot.directory.seed.service_problems`).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.orm import Session

from bot.directory import models as m
from bot.directory.places import load_gazetteer
from bot.directory.seed import Writer, service_problems, stamp, write_service
from bot.directory.taxonomy import load_taxonomy

log = logging.getLogger(__name__)

# Not checked for this many days (about six months): listed as stale in the console.
STALE_DAYS = 183
ACTIONS = ("add", "edit", "retire", "reassure")
# Statuses a parent can be shown (or that may come back): the ones worth re-checking.
CHECKED_STATUSES = ("active", "temporarily closed")
RETIRED_STATUS = "inactive"
_TAXONOMY_KEYS = {"audience": "audience", "need": "needs", "delivery": "delivery", "referral": "referral"}
_COLUMNS = (
    "name",
    "name_cy",
    "description",
    "description_cy",
    "eligibility_description",
    "fees_description",
    "application_process",
    "alert",
    "url",
    "email",
    "status",
    "source",
    "assured_date",
    "min_age_months",
    "max_age_months",
    "priority",
)


class EditError(ValueError):
    """An edit was refused; ``problems`` says why, in words an editor can act on."""

    def __init__(self, problems: list[str]) -> None:
        """Keep every problem, so the editor can fix them in one go."""
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Change:
    """One field of one edit: its value before and after."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Edit:
    """One audited change to a service."""

    id: int
    service_id: str
    action: str
    actor: str
    edited_at: datetime
    changes: tuple[Change, ...]

    @property
    def fields(self) -> tuple[str, ...]:
        """The names of the fields it changed."""
        return tuple(c.field for c in self.changes)


@dataclass(frozen=True)
class ServiceRow:
    """A service as the console lists it."""

    id: str
    name: str
    organisation: str
    status: str
    assured_date: date
    source: str

    def days_since_check(self, today: date) -> int:
        """Whole days since the facts were last checked."""
        return (today - self.assured_date).days

    def is_stale(self, today: date) -> bool:
        """Not checked for more than :data:`STALE_DAYS` days."""
        return self.days_since_check(today) > STALE_DAYS

    def needs_check(self, today: date) -> bool:
        """Stale and a parent may be shown it: listed by :func:`stale`."""
        return self.is_stale(today) and self.status in CHECKED_STATUSES


@dataclass
class Reapplied:
    """What a rebuild did with the saved edits: how many applied, which skipped and why."""

    applied: int = 0
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (edit id, service id, why)


# -- the record as the YAML has it ------------------------------------------------


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _compact(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if not _empty(v)}


def record_of(session: Session, service_id: str) -> tuple[str, dict[str, Any]] | None:
    """A service's organisation id and its record in the YAML's shape, or None if unknown."""
    row = session.get(m.Service, service_id)
    if row is None:
        return None
    record: dict[str, Any] = {"id": row.id, **{key: getattr(row, key) for key in _COLUMNS}}
    if record["priority"] == 100:
        record["priority"] = None  # the default, as the YAML leaves it out
    record["phones"] = [
        _compact({"number": p.number, "type": p.type, "description": p.description, "hours": p.hours})
        for p in row.phones
    ]
    record["schedule"] = " ".join(s.description for s in row.schedules if s.freq is None) or None
    record["schedules"] = [
        {
            "byday": s.byday,
            "opens_at": s.opens_at,
            "closes_at": s.closes_at,
            "freq": s.freq,
            "description": s.description,
        }
        for s in row.schedules
        if s.freq is not None
    ]
    record["service_area"] = [a.name for a in row.service_areas]
    record["languages"] = [lang.code for lang in row.languages]
    record["contacts"] = [
        _compact({"name": c.name, "title": c.title, "email": c.email}) for c in row.contacts
    ]
    locations = []
    for link in row.service_at_locations:
        loc = link.location
        if loc.addresses:
            address = loc.addresses[0]
            locations.append(
                {
                    "name": loc.name,
                    "address_1": address.address_1,
                    "city": address.city,
                    "postcode": address.postal_code,
                }
            )
        else:
            locations.append(_compact({"name": loc.name, "city": loc.description}))
    record["locations"] = locations
    for key in _TAXONOMY_KEYS.values():
        record[key] = []
    for attribute in row.attributes:
        term = attribute.term
        if term.vocabulary == "kind":
            record["kind"] = term.term
        elif term.vocabulary in _TAXONOMY_KEYS:
            record[_TAXONOMY_KEYS[term.vocabulary]].append(term.term)
    return str(row.organization_id), _compact(record)


def problems(record: Mapping[str, Any]) -> list[str]:
    """Every loader rule (data/directory/README.md) the record breaks; empty when it is valid."""
    return service_problems(dict(record), load_gazetteer(), load_taxonomy().ids())


def _merge(record: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(record)
    for key, value in values.items():
        if _empty(value):
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


# -- writing -------------------------------------------------------------------------


def has_edits_table(bind: Session | Connection) -> bool:
    """Whether this database has the ``service_edit`` table yet."""
    conn = bind.connection() if isinstance(bind, Session) else bind
    return sa.inspect(conn).has_table(m.ServiceEdit.__tablename__)


def _ensure_table(session: Session) -> None:
    m.EditBase.metadata.create_all(session.connection())


def _delete_service(session: Session, service_id: str) -> None:
    """Remove a service and everything hanging from it (it is written again at once)."""
    session.flush()
    locations = list(
        session.scalars(
            sa.select(m.ServiceAtLocation.location_id).where(m.ServiceAtLocation.service_id == service_id)
        )
    )
    session.execute(sa.delete(m.ServiceTaxonomy).where(m.ServiceTaxonomy.service_id == service_id))
    session.execute(sa.delete(m.ServiceAtLocation).where(m.ServiceAtLocation.service_id == service_id))
    if locations:
        session.execute(sa.delete(m.Address).where(m.Address.location_id.in_(locations)))
        session.execute(sa.delete(m.Location).where(m.Location.id.in_(locations)))
    for child in (m.Phone, m.Schedule, m.ServiceArea, m.Language, m.Contact):
        session.execute(sa.delete(child).where(child.service_id == service_id))
    session.execute(sa.delete(m.Service).where(m.Service.id == service_id))
    session.expire_all()


def _write(session: Session, organization_id: str, record: dict[str, Any]) -> None:
    _delete_service(session, record["id"])
    write_service(Writer(session), organization_id, record)
    session.flush()
    session.expire_all()


def restamp(session: Session) -> None:
    """Record that the data changed, so every search cache reads the directory again."""
    last = session.scalars(
        sa.select(m.DirectoryBuild).order_by(m.DirectoryBuild.built_at.desc()).limit(1)
    ).first()
    count = int(session.scalar(sa.select(sa.func.count(m.Service.id))) or 0)
    stamp(session, last.seed_sha256 if last else "console-edit", count)


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _from_json(key: str, value: Any) -> Any:
    if key == "assured_date" and isinstance(value, str):
        with contextlib.suppress(ValueError):
            return date.fromisoformat(value)
    return value


def save(
    session: Session,
    actor: str,
    action: str,
    service_id: str,
    values: Mapping[str, Any],
    *,
    organization_id: str | None = None,
    now: datetime | None = None,
) -> Edit:
    """Check one change, apply it to the live directory and record it (the caller commits).

    Args:
        session: A session on the directory database, in a transaction.
        actor: Who made the change (a console username).
        action: ``add``, ``edit``, ``retire`` or ``reassure``.
        service_id: The service changed (or added).
        values: The fields to set, in the YAML's shape; an empty value removes a field.
            For ``add``, the whole record.
        organization_id: For ``add``: the organisation running the new service.
        now: When (defaults to now, UTC).

    Returns:
        The edit as recorded.

    Raises:
        EditError: Unknown service or organisation, a reused id, nothing changed, or a
            record that breaks a loader rule; nothing is written.
    """
    if action not in ACTIONS:
        raise EditError([f"unknown action {action!r}"])
    now = now or datetime.now(timezone.utc)
    _ensure_table(session)
    if action == "add":
        found = None
        if session.get(m.Service, service_id) is not None or session.scalar(
            sa.select(m.ServiceEdit.id).where(m.ServiceEdit.service_id == service_id).limit(1)
        ):
            raise EditError([f"service id {service_id!r} is already used (ids are never reused)"])
        if not organization_id or session.get(m.Organization, organization_id) is None:
            raise EditError([f"unknown organisation {organization_id!r}"])
        before: dict[str, Any] = {}
        org_id = organization_id
    else:
        found = record_of(session, service_id)
        if found is None:
            raise EditError([f"no service {service_id!r} in the directory"])
        org_id, before = found
    after = _merge(before, {**values, "id": service_id})
    changes = {
        key: (before.get(key), after.get(key))
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }
    if not changes:
        raise EditError(["nothing to change: the record already says that"])
    broken = problems(after)
    if broken:
        raise EditError(broken)
    _write(session, org_id, after)
    row = m.ServiceEdit(
        service_id=service_id,
        organization_id=organization_id if action == "add" else None,
        action=action,
        actor=actor,
        edited_at=now.isoformat(),
        changes=json.dumps(
            {k: [_json(old), _json(new)] for k, (old, new) in changes.items()},
            ensure_ascii=False,
            sort_keys=True,
        ),
    )
    session.add(row)
    restamp(session)
    session.flush()
    return _edit(row)


def retire(session: Session, actor: str, service_id: str, *, now: datetime | None = None) -> Edit:
    """Mark a service inactive (records are never deleted: the bot stops offering it)."""
    return save(session, actor, "retire", service_id, {"status": RETIRED_STATUS}, now=now)


def reassure(
    session: Session, actor: str, service_id: str, source: str, today: date, *, now: datetime | None = None
) -> Edit:
    """Say the facts were checked today against ``source`` (an http(s) URL)."""
    return save(
        session, actor, "reassure", service_id, {"source": source.strip(), "assured_date": today}, now=now
    )


# -- reading -------------------------------------------------------------------------


def _edit(row: m.ServiceEdit) -> Edit:
    raw = json.loads(str(row.changes))
    changes = tuple(Change(k, _from_json(k, v[0]), _from_json(k, v[1])) for k, v in sorted(raw.items()))
    return Edit(
        int(row.id),
        str(row.service_id),
        str(row.action),
        str(row.actor),
        datetime.fromisoformat(str(row.edited_at)),
        changes,
    )


def history(session: Session, service_id: str | None = None, limit: int = 200) -> list[Edit]:
    """Edits, newest first (of one service, or of all)."""
    if not has_edits_table(session):
        return []
    query = sa.select(m.ServiceEdit).order_by(m.ServiceEdit.id.desc()).limit(limit)
    if service_id is not None:
        query = query.where(m.ServiceEdit.service_id == service_id)
    return [_edit(row) for row in session.scalars(query)]


def services(session: Session) -> list[ServiceRow]:
    """Every service, by name."""
    rows = session.execute(
        sa.select(
            m.Service.id,
            m.Service.name,
            m.Organization.name,
            m.Service.status,
            m.Service.assured_date,
            m.Service.source,
        )
        .join(m.Organization, m.Organization.id == m.Service.organization_id)
        .order_by(m.Service.name, m.Service.id)
    )
    return [ServiceRow(*row) for row in rows]


def stale(session: Session, today: date, days: int = STALE_DAYS) -> list[ServiceRow]:
    """Services a parent may be shown that were last checked more than ``days`` ago, oldest first."""
    cutoff = today - timedelta(days=days)
    rows = session.execute(
        sa.select(
            m.Service.id,
            m.Service.name,
            m.Organization.name,
            m.Service.status,
            m.Service.assured_date,
            m.Service.source,
        )
        .join(m.Organization, m.Organization.id == m.Service.organization_id)
        .where(m.Service.assured_date < cutoff, m.Service.status.in_(CHECKED_STATUSES))
        .order_by(m.Service.assured_date, m.Service.name, m.Service.id)
    )
    return [ServiceRow(*row) for row in rows]


def organisations(session: Session) -> list[tuple[str, str]]:
    """(id, name) of every organisation, by name (for the "add a service" form)."""
    rows = session.execute(sa.select(m.Organization.id, m.Organization.name).order_by(m.Organization.name))
    return [(row[0], row[1]) for row in rows]


# -- rebuilds ------------------------------------------------------------------------


def saved_edits(bind: Engine | Connection) -> list[dict[str, Any]]:
    """Every saved edit as plain rows (empty when the database or table does not exist yet)."""
    table = m.ServiceEdit.__table__
    with contextlib.ExitStack() as stack:
        conn = stack.enter_context(bind.connect()) if isinstance(bind, Engine) else bind
        if not sa.inspect(conn).has_table(table.name):
            return []
        return [dict(row) for row in conn.execute(sa.select(table).order_by(table.c.id)).mappings()]


def restore(session: Session, rows: list[dict[str, Any]]) -> None:
    """Copy saved edits (from :func:`saved_edits`) into a freshly built database."""
    _ensure_table(session)
    if rows:
        session.execute(sa.insert(m.ServiceEdit.__table__), rows)


def reapply(session: Session) -> Reapplied:
    """Re-apply every saved edit, oldest first, to a directory just loaded from the YAML."""
    result = Reapplied()
    if not has_edits_table(session):
        return result
    yaml_dates: dict[str, date] = {
        row[0]: row[1] for row in session.execute(sa.select(m.Service.id, m.Service.assured_date))
    }
    for row in session.scalars(sa.select(m.ServiceEdit).order_by(m.ServiceEdit.id)).all():
        edit = _edit(row)
        values = {c.field: c.new for c in edit.changes}
        why = None
        before: dict[str, Any] = {}
        org_id = ""
        if edit.action == "add":
            if edit.service_id in yaml_dates:
                why = "the YAML now has this service"
            elif session.get(m.Organization, row.organization_id) is None:
                why = "its organisation is no longer in the directory"
            org_id = str(row.organization_id)
        else:
            found = record_of(session, edit.service_id)
            if found is None:
                why = "the service is no longer in the directory"
            else:
                org_id, before = found
                checked = yaml_dates.get(edit.service_id)
                if checked is not None and checked > edit.edited_at.date():
                    why = f"the YAML record was checked later ({checked.isoformat()})"
        if why is None:
            after = _merge(before, {**values, "id": edit.service_id})
            broken = problems(after)
            if broken:
                why = "; ".join(broken)
            else:
                _write(session, org_id, after)
                result.applied += 1
        if why is not None:
            result.skipped.append((edit.id, edit.service_id, why))
    if result.applied or result.skipped:
        log.info("directory: %d console edits re-applied, %d skipped", result.applied, len(result.skipped))
    for edit_id, service_id, why in result.skipped:
        log.warning("directory: console edit %d of service %s not re-applied: %s", edit_id, service_id, why)
    return result


@contextlib.contextmanager
def lock(url: str) -> Iterator[None]:
    """Keep a console edit and a rebuild of a SQLite directory file apart.

    The rebuild copies the saved edits into a new file and moves it into place; an
    edit written to the old file in between would be lost. Both hold an exclusive
    lock on the file's folder (no lock file is left behind). Other databases rebuild
    in one transaction and need no lock.
    """
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        yield
        return
    folder = Path(database).resolve().parent
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


__all__ = [
    "ACTIONS",
    "STALE_DAYS",
    "Change",
    "Edit",
    "EditError",
    "Reapplied",
    "ServiceRow",
    "history",
    "lock",
    "organisations",
    "problems",
    "reapply",
    "reassure",
    "record_of",
    "restore",
    "retire",
    "save",
    "saved_edits",
    "services",
    "stale",
]
