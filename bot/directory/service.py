"""The directory as a process uses it: one object that owns its engine, its cache and its gazetteer.

The action server creates one :class:`Directory` (``actions.directory()``) and passes
it to :mod:`bot.directory.signposting`; nothing about it lives in module globals. Its services
are read once per build of the database: a one-row lookup of the build stamp on
each search tells it when the directory was rebuilt or edited in the console.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_replaceable_sqlite_engine, make_session_factory
from bot.directory.gazetteer_data import load_gazetteer_data
from bot.directory.places import DEFAULT_PLACES_PATH, Gazetteer, Place
from bot.directory.queries import (
    Entries,
    SearchResult,
    ServiceCard,
    build_token,
    count_services,
    find_services,
    national_services,
    read_entries,
)
from bot.directory.taxonomy import Taxonomy, load_taxonomy
from bot.settings import Settings, get_settings, resolve_sqlite_url


def read_gazetteer(path: Path | None = None) -> Gazetteer:
    """A new Gazetteer read from ``path`` (default ``data/directory/places.yml``); not cached."""
    return Gazetteer(load_gazetteer_data(Path(path or DEFAULT_PLACES_PATH).resolve()))


class Directory:
    """The service directory: its database engine, its services (cached per build) and its gazetteer.

    Args:
        url: SQLAlchemy URL of the directory database (a relative SQLite path is the repo's).
        gazetteer: The places used to resolve parents' answers and services' areas;
            read from ``data/directory/places.yml`` if None.
        taxonomy: The needs taxonomy; ``data/directory/taxonomy.yml`` if None.

    The engine connects on first use, so a directory that is down is found when a
    search needs it (``SQLAlchemyError``), not when the object is made. A SQLite file's
    connections are kept open between searches and dropped when the file has been
    replaced by a rebuild (``bot.db.make_replaceable_sqlite_engine``).
    """

    def __init__(
        self, url: str, *, gazetteer: Gazetteer | None = None, taxonomy: Taxonomy | None = None
    ) -> None:
        self.url = resolve_sqlite_url(url)
        self.engine: Engine = make_replaceable_sqlite_engine(self.url)
        self._sessions: sessionmaker = make_session_factory(self.engine)
        self.gazetteer = gazetteer if gazetteer is not None else read_gazetteer()
        self.taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
        self._cached: tuple[str, Entries] | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Directory:
        """The directory named by the settings (``DIRECTORY_DB_URL``)."""
        return cls((settings or get_settings()).directory_db_url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session on the directory database, closed afterwards."""
        with self._sessions() as session:
            yield session

    def entries(self, session: Session) -> Entries:
        """Every service, read once per build of the database."""
        token = build_token(session)
        cached = self._cached
        if cached is not None and cached[0] == token:
            return cached[1]
        with self._lock:
            cached = self._cached
            if cached is not None and cached[0] == token:
                return cached[1]
            entries = read_entries(session, self.gazetteer)
            self._cached = (token, entries)
            return entries

    def find_services(
        self,
        place: Place | None,
        *,
        role: str | None = None,
        need: str | None = None,
        mode: str | None = None,
        offset: int = 0,
        limit: int = 3,
        include_professional: bool = False,
    ) -> SearchResult:
        """:func:`bot.directory.queries.find_services` on this directory (same arguments)."""
        with self.session() as session:
            return find_services(
                session,
                place,
                role=role,
                need=need,
                mode=mode,
                offset=offset,
                limit=limit,
                include_professional=include_professional,
                entries=self.entries(session),
            )

    def national_services(
        self, *, role: str | None = None, need: str | None = None, limit: int = 3
    ) -> SearchResult:
        """:func:`bot.directory.queries.national_services` on this directory."""
        with self.session() as session:
            entries = self.entries(session)
            return national_services(session, role=role, need=need, limit=limit, entries=entries)

    def get_service(self, service_id: str) -> ServiceCard | None:
        """One service's card by id, or None."""
        with self.session() as session:
            entry = self.entries(session).get(service_id)
        return entry.card if entry else None

    def count_services(self) -> int:
        """How many active services the directory holds."""
        with self.session() as session:
            return count_services(session)

    def dispose(self) -> None:
        """Close the engine's connections and forget the cached services."""
        self.engine.dispose()
        self._cached = None


__all__ = ["Directory", "read_gazetteer"]
