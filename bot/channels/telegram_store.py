"""The Telegram channel's own small database (``TELEGRAM_DB_URL``).

It keeps no message content:

- ``telegram_update``: which update ids were accepted, so a redelivery (even
  after a restart) is not answered twice; pruned after ``SEEN_KEEP_S``.
- ``telegram_callback``: button payloads too long for Telegram's 64-byte
  ``callback_data``, keyed by a hash.
- ``telegram_notice``: group chats already told that the bot only talks one to one.

Functions are synchronous (SQLAlchemy 1.4 in the 2.0 style); the channel calls
them in a worker thread. Nothing here assumes SQLite.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

logger = logging.getLogger(__name__)

# Telegram keeps undelivered updates for 24 hours; keep ids a little longer.
SEEN_KEEP_S = 72 * 3600
CALLBACK_KEEP_S = 30 * 24 * 3600
PRUNE_EVERY_S = 3600

metadata = sa.MetaData()

seen_updates = sa.Table(
    "telegram_update",
    metadata,
    # update ids are per bot, so a new token starts a new sequence.
    sa.Column("bot_id", sa.String(32), primary_key=True),
    sa.Column("update_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("seen_at", sa.Float, nullable=False, index=True),
)

callbacks = sa.Table(
    "telegram_callback",
    metadata,
    sa.Column("key", sa.String(32), primary_key=True),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("created_at", sa.Float, nullable=False, index=True),
)

notices = sa.Table(
    "telegram_notice",
    metadata,
    sa.Column("chat_id", sa.String(32), primary_key=True),
    sa.Column("created_at", sa.Float, nullable=False),
)

CALLBACK_PREFIX = "cb:"


def _make_engine(url: str) -> Engine:
    try:
        from bot.db import make_engine
    except ImportError:  # pragma: no cover - bot/db.py is a colleague's module
        return sa.create_engine(url, future=True)
    return make_engine(url)


class UpdateStore:
    """Persisted, pruned record of accepted updates and long button payloads."""

    def __init__(self, url: str, bot_id: str = "") -> None:
        self.url = url
        self.bot_id = bot_id
        self._engine: Engine | None = None
        self._lock = threading.Lock()
        self._last_prune = 0.0

    @property
    def engine(self) -> Engine:
        """The engine, created (with the tables) on first use."""
        with self._lock:
            if self._engine is None:
                prefix = "sqlite:///"
                if self.url.startswith(prefix) and self.url != "sqlite://":
                    Path(self.url[len(prefix):]).parent.mkdir(parents=True, exist_ok=True)
                engine = _make_engine(self.url)
                metadata.create_all(engine)
                self._engine = engine
            return self._engine

    def dispose(self) -> None:
        """Close the connection pool."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def claim(self, update_id: int) -> bool:
        """Record an update id; False if it was already recorded (a redelivery).

        The insert relies on the primary key, so two deliveries racing each
        other (or two server replicas sharing the database) cannot both win.
        """
        now = time.time()
        try:
            with self.engine.begin() as conn:
                conn.execute(sa.insert(seen_updates).values(bot_id=self.bot_id, update_id=update_id, seen_at=now))
        except IntegrityError:
            return False
        if now - self._last_prune > PRUNE_EVERY_S:
            self.prune(now)
        return True

    def prune(self, now: float | None = None) -> None:
        """Forget update ids and stored payloads past their keeping time."""
        now = time.time() if now is None else now
        self._last_prune = now
        with self.engine.begin() as conn:
            conn.execute(sa.delete(seen_updates).where(seen_updates.c.seen_at < now - SEEN_KEEP_S))
            conn.execute(sa.delete(callbacks).where(callbacks.c.created_at < now - CALLBACK_KEEP_S))

    def seen_count(self) -> int:
        """How many update ids are recorded (for tests and monitoring)."""
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(seen_updates)).scalar_one())

    def store_payload(self, payload: str) -> str:
        """Keep a long button payload and return short callback_data for it."""
        key = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
        try:
            with self.engine.begin() as conn:
                conn.execute(sa.insert(callbacks).values(key=key, payload=payload, created_at=time.time()))
        except IntegrityError:
            with self.engine.begin() as conn:
                conn.execute(sa.update(callbacks).where(callbacks.c.key == key).values(created_at=time.time()))
        return CALLBACK_PREFIX + key

    def load_payload(self, data: str) -> str | None:
        """The payload behind callback_data made by :meth:`store_payload`."""
        key = data[len(CALLBACK_PREFIX):]
        with self.engine.connect() as conn:
            return conn.execute(sa.select(callbacks.c.payload).where(callbacks.c.key == key)).scalar_one_or_none()

    def first_notice(self, chat_id: int | str) -> bool:
        """True the first time a group chat is seen (so it is told once only)."""
        try:
            with self.engine.begin() as conn:
                conn.execute(sa.insert(notices).values(chat_id=str(chat_id), created_at=time.time()))
        except IntegrityError:
            return False
        return True
