"""Engine and session factories shared by the directory, the console and friends.

Nothing here runs at import time: callers build the engine they need from a URL
(SQLite by default, PostgreSQL at scale) and own the session's lifetime.
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DisconnectionError
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
    time, so it may cross threads. A file that is replaced (the directory's
    rebuild) needs :func:`make_replaceable_sqlite_engine`, or pooled connections
    would keep reading the old one.
    """
    return {"poolclass": QueuePool, "pool_size": 5, "connect_args": {"check_same_thread": False}}


def _file_identity(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def make_replaceable_sqlite_engine(url: str) -> Engine:
    """An engine on a SQLite file that may be replaced (an atomic rename), keeping connections open.

    Like :func:`sqlite_pool_options`' pool, but each pooled connection remembers which file
    (device and inode) it opened, and the pool drops it when it is handed out if the path
    now names another file (or none): the next user gets a new connection to the file in
    place, as it did when every use opened one. Writes to the same file (the console's
    edits, WAL) are seen by pooled connections as by new ones. Not SQLite files: a plain
    engine (:func:`make_engine`).
    """
    parsed = make_url(url)
    path = parsed.database
    if parsed.get_backend_name() != "sqlite" or not path or path == ":memory:" or path.startswith("file:"):
        return make_engine(url)
    path = os.path.abspath(path)
    engine = make_engine(url, **sqlite_pool_options())
    key = "sqlite_file_identity"

    @event.listens_for(engine, "connect")
    def _remember_file(_dbapi_connection: Any, record: Any) -> None:  # after the pragmas wrote to it
        record.info[key] = _file_identity(path)

    @event.listens_for(engine, "checkout")
    def _same_file(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        identity = _file_identity(path)
        if identity is None or record.info.get(key) != identity:
            raise DisconnectionError(f"{path} was replaced since the connection opened it")

    return engine


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
