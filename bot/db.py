"""Engine and session factories shared by the directory, the console and friends.

Nothing here runs at import time: callers build the engine they need from a URL
(SQLite by default, PostgreSQL at scale) and own the session's lifetime.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

# Rasa's tracker store and our writers may touch the same file: wait rather than
# fail with "database is locked" (which makes Rasa silently drop history).
SQLITE_BUSY_TIMEOUT_MS = 5000


def set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # WAL lets readers (console, actions) run while a writer commits.
        cursor.execute("PRAGMA journal_mode=WAL")
        # With WAL, NORMAL never corrupts the file; a power cut may lose the last
        # commits, an application crash loses nothing. FULL syncs on every commit.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create a SQLAlchemy 2.0-style engine.

    SQLite connections get WAL, a busy timeout and foreign keys; other databases
    are left to their own defaults, so the same code runs on PostgreSQL.

    Args:
        url: A SQLAlchemy database URL, e.g. ``sqlite:///var/directory.db``.
        **kwargs: Passed through to :func:`sqlalchemy.create_engine`.

    Returns:
        The engine (``future=True``).
    """
    engine = create_engine(url, future=True, **kwargs)
    if make_url(url).get_backend_name() == "sqlite":
        event.listen(engine, "connect", set_sqlite_pragmas)
    return engine


def sqlite_pool_options() -> dict[str, Any]:
    """Keep SQLite file connections open between uses (for a file never replaced).

    SQLAlchemy 1.4 opens a new connection (and re-runs the pragmas) for every
    session on a SQLite file. The tracker store, used several times per message,
    keeps a small pool instead. The pool hands a connection to one user at a
    time, so it may cross threads. Not for the directory: it is rebuilt by
    replacing the file, and pooled connections would keep reading the old one.
    """
    return {"poolclass": QueuePool, "pool_size": 5, "connect_args": {"check_same_thread": False}}


def make_session_factory(engine: Engine) -> sessionmaker:
    """Return a session factory bound to ``engine``.

    ``expire_on_commit=False`` so values read inside ``with Session.begin()`` stay
    usable after the block; query functions return frozen dataclasses anyway.

    Args:
        engine: An engine from :func:`make_engine`.

    Returns:
        A ``sessionmaker`` producing 2.0-style sessions.
    """
    return sessionmaker(bind=engine, future=True, expire_on_commit=False)
