"""Rasa's SQL tracker store, made safe for SQLite and configured from settings.

Rasa 3.6 creates its SQLite engine with no busy timeout, so a second writer
gets "database is locked" and Rasa silently keeps the conversation in memory:
staff logs get gaps (SAFETY.md, H5). Here the engine gets WAL journaling and a
busy timeout. The URL comes from `TRACKER_DB_URL`, so the same class serves
PostgreSQL at scale.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain

from bot.db import set_sqlite_pragmas, sqlite_pool_options
from bot.settings import get_settings, resolve_sqlite_url


class SafeSQLTrackerStore(SQLTrackerStore):
    """SQL tracker store with WAL and a busy timeout on SQLite."""

    def __init__(
        self,
        domain: Domain | None = None,
        event_broker: EventBroker | None = None,
        url: str | None = None,
        **kwargs: Any,
    ) -> None:
        settings = get_settings()
        db_url = resolve_sqlite_url(url or settings.tracker_db_url)
        kwargs.pop("host", None)
        if db_url.startswith("sqlite:///"):
            from pathlib import Path

            Path(db_url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        super().__init__(domain=domain, host=db_url, event_broker=event_broker, **kwargs)
        if self.engine.dialect.name == "sqlite":
            self.engine.dispose()
            # Rasa's code uses 1.x-style sessions, so this engine is not future=True.
            self.engine = sa.create_engine(db_url, **sqlite_pool_options())
            sa.event.listen(self.engine, "connect", set_sqlite_pragmas)
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
