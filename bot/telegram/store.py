"""The Telegram channel's own database (``TELEGRAM_DB_URL``): inbox, outbox and small lookups.

- ``telegram_inbox``: every accepted update, stored *before* Telegram gets its 200.
  The primary key (bot, update id) makes a redelivery a no-op, even after a
  restart. An update stays ``pending`` until its replies are in the outbox
  (one transaction), so an update acknowledged and then cut off by a crash is
  handled after the restart. Its body is cleared once it is ``done``; the row
  (no content) is kept for :data:`SEEN_KEEP_S` to recognise redeliveries.
- ``telegram_outbox``: every Bot API call the channel makes for a parent
  (sendMessage, answerCallbackQuery, ...), stored before it is tried and tried
  until Telegram takes it (:mod:`bot.telegram.outbox`). Rows of one chat go out
  in id order. Parameters (the message text) are cleared once a row is ``sent``
  or ``failed``; rows are deleted after :data:`OUTBOX_KEEP_S`.
- ``telegram_callback``: button payloads too long for Telegram's 64-byte
  ``callback_data``, keyed by a hash.
- ``telegram_notice``: group chats already told that the bot only talks one to one.

Functions are synchronous (SQLAlchemy 1.4 in the 2.0 style); the channel calls
them in a worker thread. Nothing here assumes SQLite. One Rasa process serves
one Telegram database: on start it takes over whatever the last one left.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

logger = logging.getLogger(__name__)

# Telegram keeps undelivered updates for 24 hours; keep ids a little longer.
SEEN_KEEP_S = 72 * 3600
OUTBOX_KEEP_S = 24 * 3600
CALLBACK_KEEP_S = 30 * 24 * 3600
PRUNE_EVERY_S = 3600

PENDING, DONE, SENT, FAILED = "pending", "done", "sent", "failed"
CRISIS, NORMAL = 0, 1  # outbox priority: lower goes first

metadata = sa.MetaData()

inbox = sa.Table(
    "telegram_inbox",
    metadata,
    # update ids are per bot, so a new token starts a new sequence.
    sa.Column("bot_id", sa.String(32), primary_key=True),
    sa.Column("update_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("chat_id", sa.String(32), nullable=True),
    sa.Column("body", sa.Text, nullable=True),
    sa.Column("state", sa.String(8), nullable=False, index=True),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("received_at", sa.Float, nullable=False, index=True),
    sa.Column("done_at", sa.Float, nullable=True),
)

outbox = sa.Table(
    "telegram_outbox",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("bot_id", sa.String(32), nullable=False),
    sa.Column("chat_id", sa.String(32), nullable=False),
    sa.Column("method", sa.String(64), nullable=False),
    sa.Column("params", sa.Text, nullable=True),
    sa.Column("priority", sa.SmallInteger, nullable=False),
    sa.Column("update_id", sa.BigInteger, nullable=True),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("state", sa.String(8), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("next_try_at", sa.Float, nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("done_at", sa.Float, nullable=True),
    sa.Column("error_code", sa.Integer, nullable=True),
    # A turn's replies are stored once, however often the turn is handled.
    sa.UniqueConstraint("bot_id", "update_id", "seq", name="uq_telegram_outbox_turn"),
    sa.Index("ix_telegram_outbox_state_chat", "state", "chat_id", "id"),
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


@dataclass(frozen=True)
class Outgoing:
    """One Bot API call for a chat, not yet stored."""

    chat_id: str
    method: str
    params: dict[str, Any]
    priority: int = NORMAL


@dataclass(frozen=True)
class Queued:
    """One stored outbox row that is due."""

    id: int
    chat_id: str
    method: str
    params: dict[str, Any]
    priority: int
    attempts: int
    created_at: float


def _make_engine(url: str) -> Engine:
    from bot.db import make_engine

    return make_engine(url)


class UpdateStore:
    """The inbox, the outbox, long button payloads and group notices of one bot."""

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
                    Path(self.url[len(prefix) :]).parent.mkdir(parents=True, exist_ok=True)
                engine = _make_engine(self.url)
                metadata.create_all(engine)
                self._engine = engine
            return self._engine

    def dispose(self) -> None:
        """Close the connection pool."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    # -- inbox -----------------------------------------------------------------------

    def accept(self, update_id: int, chat_id: int | None, body: str) -> bool:
        """Store an update; False if it was stored before (a redelivery).

        The insert relies on the primary key, so two deliveries racing each
        other cannot both win.
        """
        now = time.time()
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    sa.insert(inbox).values(
                        bot_id=self.bot_id,
                        update_id=update_id,
                        chat_id=None if chat_id is None else str(chat_id),
                        body=body,
                        state=PENDING,
                        attempts=0,
                        received_at=now,
                    )
                )
        except IntegrityError:
            return False
        if now - self._last_prune > PRUNE_EVERY_S:
            self.prune(now)
        return True

    def begin(self, update_id: int) -> int | None:
        """Count one more try at a pending update; None when it is done already."""
        where = sa.and_(
            inbox.c.bot_id == self.bot_id, inbox.c.update_id == update_id, inbox.c.state == PENDING
        )
        with self.engine.begin() as conn:
            updated = conn.execute(
                sa.update(inbox).where(where).values(attempts=inbox.c.attempts + 1)
            ).rowcount
            if not updated:
                return None
            return int(conn.execute(sa.select(inbox.c.attempts).where(where)).scalar_one())

    def finish(self, update_id: int, messages: list[Outgoing]) -> int:
        """Store an update's replies and mark it done, in one transaction; returns rows added."""
        now = time.time()
        added = 0
        with self.engine.begin() as conn:
            stored = set(
                conn.execute(
                    sa.select(outbox.c.seq).where(
                        outbox.c.bot_id == self.bot_id, outbox.c.update_id == update_id
                    )
                ).scalars()
            )
            rows = [self._row(m, now, update_id, seq) for seq, m in enumerate(messages) if seq not in stored]
            if rows:
                conn.execute(sa.insert(outbox), rows)
                added = len(rows)
            conn.execute(
                sa.update(inbox)
                .where(inbox.c.bot_id == self.bot_id, inbox.c.update_id == update_id)
                .values(state=DONE, body=None, done_at=now)
            )
        return added

    def pending_updates(self) -> list[tuple[int, str]]:
        """(update id, body) of every update not handled yet, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(inbox.c.update_id, inbox.c.body)
                .where(inbox.c.bot_id == self.bot_id, inbox.c.state == PENDING)
                .order_by(inbox.c.update_id)
            ).all()
        return [(int(r.update_id), str(r.body or "")) for r in rows]

    def seen_count(self) -> int:
        """How many update ids are recorded (for tests and monitoring)."""
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(inbox)).scalar_one())

    # -- outbox ----------------------------------------------------------------------

    def _row(self, message: Outgoing, now: float, update_id: int | None, seq: int) -> dict[str, Any]:
        return {
            "bot_id": self.bot_id,
            "chat_id": message.chat_id,
            "method": message.method,
            "params": json.dumps(message.params, ensure_ascii=False),
            "priority": message.priority,
            "update_id": update_id,
            "seq": seq,
            "state": PENDING,
            "attempts": 0,
            "next_try_at": now,
            "created_at": now,
        }

    def enqueue(self, messages: list[Outgoing]) -> None:
        """Store calls that belong to no update (messages Rasa sends on its own)."""
        if not messages:
            return
        now = time.time()
        with self.engine.begin() as conn:
            conn.execute(sa.insert(outbox), [self._row(m, now, None, seq) for seq, m in enumerate(messages)])

    def due(self, now: float, limit: int) -> list[Queued]:
        """The first pending row of each chat whose turn it is, crisis chats first.

        A chat's later rows wait behind its first, so one chat's messages keep their order.
        """
        pending = sa.and_(outbox.c.bot_id == self.bot_id, outbox.c.state == PENDING)
        heads = (
            sa.select(
                outbox.c.chat_id,
                sa.func.min(outbox.c.id).label("head"),
                sa.func.min(outbox.c.priority).label("urgency"),
            )
            .where(pending)
            .group_by(outbox.c.chat_id)
            .subquery()
        )
        query = (
            sa.select(outbox, heads.c.urgency)
            .join(heads, outbox.c.id == heads.c.head)
            .where(outbox.c.next_try_at <= now)
            .order_by(heads.c.urgency, outbox.c.id)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            Queued(
                id=r.id,
                chat_id=r.chat_id,
                method=r.method,
                params=json.loads(r.params or "{}"),
                priority=int(r.urgency),
                attempts=int(r.attempts),
                created_at=float(r.created_at),
            )
            for r in rows
        ]

    def next_due(self) -> float | None:
        """When the earliest pending row may be tried (None when nothing is pending)."""
        with self.engine.connect() as conn:
            value = conn.execute(
                sa.select(sa.func.min(outbox.c.next_try_at)).where(
                    outbox.c.bot_id == self.bot_id, outbox.c.state == PENDING
                )
            ).scalar_one_or_none()
        return None if value is None else float(value)

    def _close(self, conn: Connection, row_id: int, **values: Any) -> None:
        conn.execute(sa.update(outbox).where(outbox.c.id == row_id).values(**values))

    def mark_sent(self, row_id: int) -> None:
        """Telegram took it: forget the text."""
        with self.engine.begin() as conn:
            self._close(
                conn,
                row_id,
                state=SENT,
                params=None,
                done_at=time.time(),
                attempts=outbox.c.attempts + 1,
                error_code=None,
            )

    def mark_failed(self, row_id: int, code: int) -> None:
        """Telegram refused it for good (chat not found, bot blocked): forget the text."""
        with self.engine.begin() as conn:
            self._close(
                conn,
                row_id,
                state=FAILED,
                params=None,
                done_at=time.time(),
                attempts=outbox.c.attempts + 1,
                error_code=code,
            )

    def retry_later(self, row_id: int, code: int, at: float) -> None:
        """Count a failed try and set when to try again."""
        with self.engine.begin() as conn:
            self._close(conn, row_id, attempts=outbox.c.attempts + 1, error_code=code, next_try_at=at)

    def counts(self) -> dict[str, int]:
        """Updates waiting to be handled and calls waiting to be sent (no content)."""
        with self.engine.connect() as conn:
            updates = conn.execute(
                sa.select(sa.func.count())
                .select_from(inbox)
                .where(inbox.c.bot_id == self.bot_id, inbox.c.state == PENDING)
            ).scalar_one()
            sends = conn.execute(
                sa.select(sa.func.count())
                .select_from(outbox)
                .where(outbox.c.bot_id == self.bot_id, outbox.c.state == PENDING)
            ).scalar_one()
            failed = conn.execute(
                sa.select(sa.func.count())
                .select_from(outbox)
                .where(outbox.c.bot_id == self.bot_id, outbox.c.state == FAILED)
            ).scalar_one()
        return {"pending_updates": int(updates), "pending_sends": int(sends), "failed_sends": int(failed)}

    # -- housekeeping ----------------------------------------------------------------

    def prune(self, now: float | None = None) -> None:
        """Forget handled update ids, finished sends and stored payloads past their keeping time."""
        now = time.time() if now is None else now
        self._last_prune = now
        with self.engine.begin() as conn:
            conn.execute(
                sa.delete(inbox).where(inbox.c.state == DONE, inbox.c.received_at < now - SEEN_KEEP_S)
            )
            conn.execute(
                sa.delete(outbox).where(outbox.c.state != PENDING, outbox.c.created_at < now - OUTBOX_KEEP_S)
            )
            conn.execute(sa.delete(callbacks).where(callbacks.c.created_at < now - CALLBACK_KEEP_S))

    def store_payload(self, payload: str) -> str:
        """Keep a long button payload and return short callback_data for it."""
        key = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
        try:
            with self.engine.begin() as conn:
                conn.execute(sa.insert(callbacks).values(key=key, payload=payload, created_at=time.time()))
        except IntegrityError:
            with self.engine.begin() as conn:
                conn.execute(
                    sa.update(callbacks).where(callbacks.c.key == key).values(created_at=time.time())
                )
        return CALLBACK_PREFIX + key

    def load_payload(self, data: str) -> str | None:
        """The payload behind callback_data made by :meth:`store_payload`."""
        key = data[len(CALLBACK_PREFIX) :]
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(callbacks.c.payload).where(callbacks.c.key == key)
            ).scalar_one_or_none()

    def first_notice(self, chat_id: int | str) -> bool:
        """True the first time a group chat is seen (so it is told once only)."""
        try:
            with self.engine.begin() as conn:
                conn.execute(sa.insert(notices).values(chat_id=str(chat_id), created_at=time.time()))
        except IntegrityError:
            return False
        return True
