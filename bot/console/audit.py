"""Append-only audit log: who logged in, viewed, revealed, exported, erased or reviewed what.

Rows are chained by hash (each row's hash covers the previous one), so a row
changed or removed behind the console's back shows up in :func:`verify`.
On SQLite, triggers also refuse UPDATE and DELETE on the table.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from bot.console import schema as t

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    """One audit row."""

    id: int
    ts: float
    actor: str
    action: str
    target: str
    detail: str
    hash: str


def _digest(prev: str, ts: float, actor: str, action: str, target: str, detail: str) -> str:
    payload = json.dumps([prev, repr(ts), actor, action, target, detail], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def record(conn: Connection, actor: str, action: str, target: str = "", detail: str = "") -> None:
    """Append one entry (inside the caller's transaction)."""
    prev = conn.execute(sa.select(t.audit.c.hash).order_by(t.audit.c.id.desc()).limit(1)).scalar_one_or_none()
    prev = prev or GENESIS
    ts = time.time()
    detail = detail[:2000]
    conn.execute(
        sa.insert(t.audit).values(
            ts=ts,
            actor=actor[:64],
            action=action[:32],
            target=target[:64],
            detail=detail,
            prev_hash=prev,
            hash=_digest(prev, ts, actor[:64], action[:32], target[:64], detail),
        )
    )


def entries(
    conn: Connection,
    *,
    limit: int = 100,
    offset: int = 0,
    actor: str = "",
    action: str = "",
    target: str = "",
) -> tuple[list[AuditEntry], int]:
    """Newest entries first, optionally filtered; returns (entries, total)."""
    conditions = []
    if actor:
        conditions.append(t.audit.c.actor == actor)
    if action:
        conditions.append(t.audit.c.action == action)
    if target:
        conditions.append(t.audit.c.target == target)
    query = sa.select(t.audit).where(*conditions)
    total = conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()
    rows = conn.execute(query.order_by(t.audit.c.id.desc()).limit(limit).offset(offset))
    return [AuditEntry(r.id, r.ts, r.actor, r.action, r.target, r.detail, r.hash) for r in rows], int(total)


def verify(conn: Connection) -> bool:
    """Whether the hash chain is intact."""
    prev = GENESIS
    for row in conn.execute(sa.select(t.audit).order_by(t.audit.c.id)):
        if row.prev_hash != prev or row.hash != _digest(
            prev, row.ts, row.actor, row.action, row.target, row.detail
        ):
            return False
        prev = row.hash
    return True
