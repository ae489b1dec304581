"""Conversation data in Rasa's SQL tracker store, outside Rasa itself.

Used by the Telegram channel's erase command and by the staff console. The
console reads through :func:`read_only_engine` (the tracker store is Rasa's;
only retention and erasure write, through :func:`erase_conversation`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from bot.db import SQLITE_BUSY_TIMEOUT_MS, make_engine
from bot.settings import get_settings, resolve_sqlite_url

EVENTS = sa.table(
    "events",
    sa.column("id", sa.Integer),
    sa.column("sender_id", sa.String),
    sa.column("type_name", sa.String),
    sa.column("timestamp", sa.Float),
    sa.column("intent_name", sa.String),
    sa.column("action_name", sa.String),
    sa.column("data", sa.Text),
)


@dataclass(frozen=True)
class StoredEvent:
    """One row of Rasa's events table, with its JSON parsed."""

    id: int
    sender_id: str
    type_name: str
    timestamp: float
    intent_name: str | None
    action_name: str | None
    data: dict[str, Any]


def _to_event(row: Any) -> StoredEvent:
    try:
        data = json.loads(row.data) if row.data else {}
    except (TypeError, ValueError):
        data = {}
    return StoredEvent(
        id=int(row.id),
        sender_id=row.sender_id,
        type_name=row.type_name or "",
        timestamp=float(row.timestamp or 0.0),
        intent_name=row.intent_name,
        action_name=row.action_name,
        data=data if isinstance(data, dict) else {},
    )


def _read_only_sqlite(engine: Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI types
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA query_only=ON")
        finally:
            cursor.close()


def read_only_engine(url: str | None = None) -> Engine:
    """Open the tracker store so that nothing can be written through this engine.

    SQLite is opened with ``mode=ro`` and ``query_only``; other databases get
    read-only transactions (PostgreSQL and MySQL understand the statement).

    Args:
        url: Tracker store URL; defaults to the `TRACKER_DB_URL` setting.
    """
    url = resolve_sqlite_url(url or get_settings().tracker_db_url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database or ""
        engine = sa.create_engine(
            f"sqlite+pysqlite:///file:{path}?mode=ro&uri=true",
            future=True,
            connect_args={"check_same_thread": False},
        )
        _read_only_sqlite(engine)
        return engine
    engine = sa.create_engine(url, future=True)

    @sa.event.listens_for(engine, "begin")
    def _read_only(conn) -> None:  # noqa: ANN001 - SQLAlchemy connection
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")

    return engine


def events_after(conn: sa.engine.Connection, last_id: int, limit: int) -> list[StoredEvent]:
    """Events with ``id > last_id`` in id order (uses the primary key)."""
    rows = conn.execute(sa.select(EVENTS).where(EVENTS.c.id > last_id).order_by(EVENTS.c.id).limit(limit))
    return [_to_event(r) for r in rows]


def conversation_events(conn: sa.engine.Connection, sender_id: str) -> list[StoredEvent]:
    """Every stored event of one conversation in order (uses the sender_id index)."""
    rows = conn.execute(sa.select(EVENTS).where(EVENTS.c.sender_id == sender_id).order_by(EVENTS.c.id))
    return [_to_event(r) for r in rows]


def conversations_events(
    conn: sa.engine.Connection, sender_ids: Iterable[str]
) -> dict[str, list[StoredEvent]]:
    """Events of several conversations, grouped by sender id (for exports)."""
    ids = list(sender_ids)
    out: dict[str, list[StoredEvent]] = {s: [] for s in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(sa.select(EVENTS).where(EVENTS.c.sender_id.in_(chunk)).order_by(EVENTS.c.id))
        for row in rows:
            out[row.sender_id].append(_to_event(row))
    return out


def tracker_has_events(conn: sa.engine.Connection) -> bool:
    """Whether Rasa has created its events table yet."""
    return sa.inspect(conn).has_table("events")


def erase_conversation(sender_id: str, url: str | None = None) -> int:
    """Delete every stored event of one conversation.

    Args:
        sender_id: The conversation id (Rasa's sender id).
        url: Tracker store URL; defaults to the `TRACKER_DB_URL` setting.

    Returns:
        The number of events deleted.
    """
    return erase_conversations([sender_id], url)


def erase_conversations(sender_ids: Iterable[str], url: str | None = None) -> int:
    """Delete every stored event of several conversations in one transaction.

    Args:
        sender_ids: Conversation ids.
        url: Tracker store URL; defaults to the `TRACKER_DB_URL` setting.

    Returns:
        The number of events deleted.
    """
    ids = list(sender_ids)
    if not ids:
        return 0
    engine = make_engine(resolve_sqlite_url(url or get_settings().tracker_db_url))
    deleted = 0
    try:
        with engine.begin() as conn:
            if not tracker_has_events(conn):
                return 0
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                result = conn.execute(sa.delete(EVENTS).where(EVENTS.c.sender_id.in_(chunk)))
                deleted += int(result.rowcount or 0)
        return deleted
    finally:
        engine.dispose()
