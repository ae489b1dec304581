"""Rasa's SQL tracker store, made safe for SQLite, PostgreSQL and several replicas.

1. SQLite. Rasa 3.6 creates its SQLite engine with no busy timeout, so a second
writer gets "database is locked" and Rasa silently keeps the conversation in
memory: staff logs get gaps (SAFETY.md, H5). Here the engine gets WAL journaling
and a busy timeout.

2. Two writers of one conversation. Rasa saves "the events beyond the number
already stored": when two replicas answer one conversation at once, the second
to save skips as many of its own events as the first one wrote, and a parent's
turn is lost. Here a tracker remembers how many of its events came from the
store (`retrieve`) or were written by it (`save`), and a save appends exactly the
events this process added since: concurrent writers never drop each other's turns.

3. The database blinks. Connections are checked before use (`pool_pre_ping`) and
a failed read or write is retried. If the database still cannot be reached, the
turn's events go to an append-only journal on local disk (one JSON line per save,
fsync'd; `TRACKER_JOURNAL_DIR`), the conversation is read from this process's
last copy plus the journal, and the journal is written back, in order and exactly
once, as soon as the database answers (before any other read or write, and by a
background task), so staff see every turn.

4. Long conversations. Rasa reads every event of the session on every turn, turns
each back into an event object, replays them into a tracker, and each policy
walks them all again for every prediction: a turn took longer the longer the
conversation (3x at the 100th turn). Here a read holds only the session's last
`WINDOW_TURNS` user turns, preceded by the events that carry state from before
them (the session start, the last value of each slot, the form's state, a
pause), chosen in SQL; reverted turns (a rewind, an undo) before the window are
left out as Rasa would, and a form still open at the window's start moves the
start back to a few turns before the one that opened it (Rasa folds a form's
turns into that one). The policies look at far fewer turns than
the window (max_history 4, rules of a few turns), so their predictions are the
same, and the window's first turn is never read as a conversation start. Saves
still append exactly the turn's own events (the carried-over events are counted
as stored), and every read asks the database, so other replicas' turns are seen.
The whole history is still read where it is asked for (`retrieve_full_tracker`:
the web chat's history, exports).
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import itertools
import json
import logging
import os
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.db import set_sqlite_pragmas, sqlite_pool_options
from bot.settings import REPO_ROOT, get_settings, resolve_sqlite_url

logger = logging.getLogger(__name__)

STORED = "_perinatal_stored_events"  # attribute: how many of the tracker's events are stored
RETRY_DELAYS = (0.2, 0.6)  # seconds before the 2nd and 3rd attempt of a read or write
RECHECK_SECONDS = 1.0  # while journaled turns wait, try the database this often
CACHE_SIZE = 2000  # conversations whose last stored events this process remembers
PG_CONNECT_TIMEOUT = 3  # seconds; an unreachable host must not hang a turn
WINDOW_TURNS = 8  # user turns a retrieved tracker holds: twice the longest story (policies look back 4)
FORM_CONTEXT_TURNS = 6  # with a form open: user turns kept up to the one that opened it
# Events before the window whose effect lasts: the last of each kind (of each slot) is kept.
_CARRIED = ("session_started", "active_loop", "loop_interrupted", "pause", "resume")
_REVERTING = ("rewind", "undo")
# Errors that mean "cannot reach the database", not "this write is wrong".
_NOT_OUTAGES = (sa.exc.IntegrityError, sa.exc.ProgrammingError, sa.exc.DataError, sa.exc.NotSupportedError)

_journal_meta = sa.MetaData()
JOURNAL_APPLIED = sa.Table(
    "tracker_journal_applied",
    _journal_meta,
    sa.Column("record_id", sa.String(32), primary_key=True),
    sa.Column("applied_at", sa.Float, nullable=False),
)


def is_outage(error: BaseException) -> bool:
    """True for errors that a working database would not raise (connection lost, refused, ...)."""
    if isinstance(error, _NOT_OUTAGES):
        return False
    return isinstance(error, (sa.exc.DBAPIError, sa.exc.DisconnectionError, sa.exc.TimeoutError))


class Journal:
    """Append-only JSON-lines file of saves not yet in the database.

    Each line is one save: ``{"id", "sender_id", "events": [...]}``. Writers take
    an exclusive `flock`, so the replicas of one machine can share the file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def has_records(self) -> bool:
        try:
            return self.path.stat().st_size > 0
        except FileNotFoundError:
            return False

    def append(self, sender_id: str, events: list[dict[str, Any]]) -> None:
        record = {"id": uuid.uuid4().hex, "sender_id": sender_id, "events": events}
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode()
        created = not self.path.exists()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "ab") as file:
            fcntl.flock(file, fcntl.LOCK_EX)
            file.write(line)
            file.flush()
            os.fsync(file.fileno())
        if created:  # the new file's directory entry must survive a power cut too
            fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    @staticmethod
    def _parse(raw: bytes) -> list[dict[str, Any]]:
        records = []
        for line in raw.splitlines():
            try:
                records.append(json.loads(line))
            except ValueError:  # a line torn by a crash mid-write: its save never completed
                logger.error("tracker journal: skipped an incomplete line")
        return records

    def records(self, sender_id: str | None = None) -> list[dict[str, Any]]:
        if not self.has_records():
            return []
        with open(self.path, "rb") as file:
            fcntl.flock(file, fcntl.LOCK_SH)
            records = self._parse(file.read())
        return [r for r in records if sender_id is None or r.get("sender_id") == sender_id]

    @contextlib.contextmanager
    def draining(self) -> Iterator[list[dict[str, Any]]]:
        """Hold the journal while its records are written back; empty it if that succeeds."""
        with open(self.path, "r+b") as file:
            fcntl.flock(file, fcntl.LOCK_EX)
            yield self._parse(file.read())
            file.truncate(0)
            file.flush()
            os.fsync(file.fileno())


def journal_path(db_url: str) -> Path:
    """The journal of one database: a file per URL, so stacks on other databases never share it."""
    folder = Path(get_settings().tracker_journal_dir)
    if not folder.is_absolute():
        folder = REPO_ROOT / folder
    digest = hashlib.sha256(db_url.encode()).hexdigest()[:16]
    return folder / f"tracker-{digest}.jsonl"


def _sql_strings(values: tuple[str, ...]) -> str:
    """Fixed event type names as SQL string literals (they are this module's constants)."""
    assert all(value.replace("_", "").isalpha() for value in values)
    return ", ".join(f"'{value}'" for value in values)


class _Scope:
    """The window's events: a conversation's, from its session's start if it has one (Rasa's rule)."""

    def __init__(self, has_start: bool, params: dict[str, Any]) -> None:
        self.has_start = has_start
        self.where = "sender_id = :sender_id" + (" AND timestamp >= :start" if has_start else "")
        self._params = params

    def key(self, name: str) -> str:
        return f"{name}, {'session' if self.has_start else 'all'}"

    def params(self, **more: Any) -> dict[str, Any]:
        return {**self._params, **more}


class SafeSQLTrackerStore(SQLTrackerStore):
    """SQL tracker store: WAL on SQLite, append-only saves, retries and a local journal."""

    engine: Any  # set by Rasa's __init__, replaced below

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
            Path(db_url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
        super().__init__(domain=domain, host=db_url, event_broker=event_broker, **kwargs)
        self.engine.dispose()
        if self.engine.dialect.name == "sqlite":
            # Rasa's code uses 1.x-style sessions, so this engine is not future=True.
            self.engine = sa.create_engine(db_url, **sqlite_pool_options())
            sa.event.listen(self.engine, "connect", set_sqlite_pragmas)
        else:
            options = create_engine_kwargs(db_url)
            if self.engine.dialect.name == "postgresql":
                options["connect_args"] = {
                    **options.get("connect_args", {}),
                    "connect_timeout": PG_CONNECT_TIMEOUT,
                }
            self.engine = sa.create_engine(db_url, pool_pre_ping=True, **options)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        try:
            _journal_meta.create_all(self.engine)
        except sa.exc.SQLAlchemyError:  # another replica created it at the same moment
            _journal_meta.create_all(self.engine)  # checkfirst: now it finds the table
        self._index_events()
        self.journal = Journal(journal_path(db_url))
        self._cache: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
        self._down_since: float | None = None
        self._flusher: asyncio.Task[None] | None = None
        self._short_session_sql: Any = None  # made on first use (`_read_short_session`)
        self._statements: dict[str, Any] = {}  # the window's text statements, by key (`_sql`)
        # Conversations whose last read here found a session longer than the window: their next
        # read skips the short session's query. Only a hint: either path reads exactly.
        self._long_sessions: OrderedDict[str, None] = OrderedDict()
        with contextlib.suppress(Exception):  # turns journaled before a crash or restart
            self._flush_journal()

    def _index_events(self) -> None:
        """An index on Rasa's events table for the window's reads (speed round 8).

        Every read of a long conversation asks for the latest event of a type
        ("the last session_started", "the last user turns", "the last value of
        each slot"); with Rasa's own index on ``sender_id`` alone each of those
        scans all of the conversation's rows, so a turn grew with the
        conversation. ``IF NOT EXISTS`` (SQLite and PostgreSQL) lets several
        replicas start at once. Adding an index changes no row and no query.
        """
        table = self.SQLEvent.__tablename__
        with contextlib.suppress(sa.exc.SQLAlchemyError), self.engine.begin() as connection:
            connection.execute(
                sa.text(
                    f"CREATE INDEX IF NOT EXISTS ix_{table}_sender_type_id ON {table} (sender_id, type_name, id)"
                )
            )

    # -- the database, with retries ------------------------------------------------

    async def _attempt(self, work: Any) -> tuple[bool, Any]:
        """Run `work()` (writing the journal back first); (False, None) if the database is out.

        Always tried (a refused connection fails fast, and a stale read right after
        the database returns must not happen); retried only while it seemed up.
        """
        delays = (0.0, *RETRY_DELAYS) if self._down_since is None else (0.0,)
        failure = ""
        for delay in delays:
            if delay:
                await asyncio.sleep(delay)
            try:
                self._flush_journal()
                result = work()
            except Exception as error:
                if not is_outage(error):
                    raise
                failure = type(error).__name__
                continue
            if self._down_since is not None:
                logger.warning("tracker store: database reachable again")
                self._down_since = None
            return True, result
        if self._down_since is None:
            logger.error("tracker store: database unreachable (%s)", failure)
            self._down_since = time.monotonic()
        return False, None

    def _remember(self, sender_id: str, events: list[dict[str, Any]], replace: bool = False) -> None:
        if replace or sender_id not in self._cache:
            self._cache[sender_id] = list(events)
        else:
            self._cache[sender_id].extend(events)
        self._cache.move_to_end(sender_id)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    @staticmethod
    def _row_values(sender_id: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The columns of Rasa's events table for each event (Rasa's SQLTrackerStore.save)."""
        return [
            {
                "sender_id": sender_id,
                "type_name": data.get("event"),
                "timestamp": data.get("timestamp"),
                "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                "action_name": data.get("name"),
                "data": json.dumps(data),
            }
            for data in events
        ]

    def _rows(self, sender_id: str, events: list[dict[str, Any]]) -> list[Any]:
        return [self.SQLEvent(**values) for values in self._row_values(sender_id, events)]

    def _flush_journal(self) -> int:
        """Write journaled saves back in order, each exactly once; returns how many."""
        if not self.journal.has_records():
            return 0
        written = 0
        with self.journal.draining() as records:
            ids = [r["id"] for r in records]
            with self.session_scope() as session:
                done = (
                    set(
                        session.execute(
                            sa.select(JOURNAL_APPLIED.c.record_id).where(JOURNAL_APPLIED.c.record_id.in_(ids))
                        ).scalars()
                    )
                    if ids
                    else set()
                )
                for record in records:
                    if record["id"] in done:
                        continue
                    session.add_all(self._rows(record["sender_id"], record["events"]))
                    session.execute(
                        JOURNAL_APPLIED.insert().values(record_id=record["id"], applied_at=time.time())
                    )
                    written += 1
                session.commit()
        for record in records:
            if record["sender_id"] in self._cache and record["id"] not in done:
                self._remember(record["sender_id"], record["events"])
        if written:
            logger.warning("tracker store: wrote %d journaled saves back to the database", written)
        return written

    def _schedule_flush(self) -> None:
        if self._flusher is not None and not self._flusher.done():
            return
        try:
            self._flusher = asyncio.get_running_loop().create_task(self._flush_when_back())
        except RuntimeError:  # no event loop: the next read or write flushes
            self._flusher = None

    async def _flush_when_back(self) -> None:
        while self.journal.has_records():
            await asyncio.sleep(RECHECK_SECONDS)
            await self._attempt(lambda: None)

    # -- reading -------------------------------------------------------------------

    def _read(self, sender_id: str, all_sessions: bool) -> list[dict[str, Any]]:
        with self.session_scope() as session:
            if not all_sessions:
                return self._read_window(session, sender_id)
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=True).all()
            return [json.loads(row.data) for row in rows]

    def _read_short_session(self, session: Any, sender_id: str) -> list[dict[str, Any]]:
        """The current session whole if it has at most `WINDOW_TURNS` user turns, in one query; else [].

        The same session (Rasa's rule: the events from its last start's timestamp on) and
        the same test as `_read_window`'s first queries, in one statement, which reads one
        snapshot of the table. [] for a longer session or no events. The statement is text,
        made once: SQLAlchemy's construction and cache key of the equivalent select cost
        more than the two queries it saves.
        """
        if self._short_session_sql is None:
            table = self.SQLEvent.__tablename__
            self._short_session_sql = sa.text(
                f"WITH start AS (SELECT max(timestamp) AS ts FROM {table}"
                " WHERE sender_id = :sender_id AND type_name = 'session_started'),"
                " users AS (SELECT count(*) AS n FROM"
                f" (SELECT {table}.id FROM {table}, start WHERE {table}.sender_id = :sender_id"
                f" AND (start.ts IS NULL OR {table}.timestamp >= start.ts) AND {table}.type_name = 'user'"
                " LIMIT :limit) AS recent)"
                f" SELECT {table}.data FROM users CROSS JOIN start CROSS JOIN {table}"
                f" WHERE users.n <= :turns AND {table}.sender_id = :sender_id"
                f" AND (start.ts IS NULL OR {table}.timestamp >= start.ts) ORDER BY {table}.id"
            )
        data = session.execute(
            self._short_session_sql,
            {"sender_id": sender_id, "limit": WINDOW_TURNS + 1, "turns": WINDOW_TURNS},
        ).scalars()
        return [json.loads(row) for row in data]

    def _read_window(self, session: Any, sender_id: str) -> list[dict[str, Any]]:
        """The current session's last `WINDOW_TURNS` user turns and the state they start from."""
        if sender_id not in self._long_sessions:  # a hint of this process: the other path is as exact
            short = self._read_short_session(session, sender_id)
            if short:  # most reads: a session of at most WINDOW_TURNS user turns, in one query
                return short
        start = session.execute(
            self._sql(
                "start",
                "SELECT max(timestamp) FROM {t} WHERE sender_id = :sender_id AND type_name = 'session_started'",
            ),
            {"sender_id": sender_id},
        ).scalar()
        # Rasa's rule: the session is the events from its start's timestamp on
        scope = _Scope(
            start is not None, {"sender_id": sender_id, **({"start": start} if start is not None else {})}
        )
        users = (
            session.execute(
                self._sql(
                    scope.key("users"),
                    f"SELECT id FROM {{t}} WHERE {scope.where} AND type_name = 'user' ORDER BY id DESC LIMIT :limit",
                ),
                scope.params(limit=WINDOW_TURNS + 1),
            )
            .scalars()
            .all()
        )
        if len(users) > WINDOW_TURNS:
            self._long_sessions[sender_id] = None
            self._long_sessions.move_to_end(sender_id)
            while len(self._long_sessions) > CACHE_SIZE:
                self._long_sessions.popitem(last=False)
        else:  # a short session (a new one, or none yet): all of it
            self._long_sessions.pop(sender_id, None)
            data = session.execute(
                self._sql(scope.key("session"), f"SELECT data FROM {{t}} WHERE {scope.where} ORDER BY id"),
                scope.params(),
            ).scalars()
            return [json.loads(row) for row in data]
        # The window starts at the action (action_listen) before its first user message.
        window = self._last_action_before(session, scope, users[-2]) or users[-2]
        window = self._before_open_form(session, scope, window)
        carried = self._carried_ids(session, scope, window)
        data = session.execute(
            self._sql(
                scope.key("window"),
                f"SELECT data FROM {{t}} WHERE {scope.where} AND (id >= :window OR id IN :carried) ORDER BY id",
                expanding=("carried",),
            ),
            scope.params(window=window, carried=carried),
        ).scalars()
        return [json.loads(row) for row in data]

    def _sql(self, key: str, sql: str, expanding: tuple[str, ...] = ()) -> Any:
        """The text statement `sql` ({t}: the events table), made once per store and key.

        The window's queries are text made once: SQLAlchemy's construction and cache key
        of an equivalent select cost more than running the query (~0.2 ms each).
        """
        statement = self._statements.get(key)
        if statement is None:
            statement = sa.text(sql.replace("{t}", self.SQLEvent.__tablename__))
            if expanding:
                statement = statement.bindparams(*(sa.bindparam(name, expanding=True) for name in expanding))
            self._statements[key] = statement
        return statement

    def _last_action_before(self, session: Any, scope: _Scope, before: int) -> int | None:
        found = session.execute(
            self._sql(
                scope.key("action before"),
                f"SELECT max(id) FROM {{t}} WHERE {scope.where} AND type_name = 'action' AND id < :before",
            ),
            scope.params(before=before),
        ).scalar()
        return None if found is None else int(found)

    def _before_open_form(self, session: Any, scope: _Scope, window: int) -> int:
        """Move the window's start back before the turn that opened a form still open at it.

        Rasa folds a form's repeated turns into its first one (`applied_events`), so
        the window must hold that turn and the turns before it that the policies see.
        """
        loop = session.execute(
            self._sql(
                scope.key("loop before"),
                f"SELECT id, action_name FROM {{t}} WHERE {scope.where} AND type_name = 'active_loop'"
                " AND id < :before ORDER BY id DESC LIMIT 1",
            ),
            scope.params(before=window),
        ).first()
        if loop is None or loop.action_name is None:  # no form open at the window's start
            return window
        opened_by = (
            session.execute(
                self._sql(
                    scope.key("users before"),
                    f"SELECT id FROM {{t}} WHERE {scope.where} AND type_name = 'user' AND id < :before"
                    " ORDER BY id DESC LIMIT :limit",
                ),
                scope.params(before=loop.id, limit=FORM_CONTEXT_TURNS),
            )
            .scalars()
            .all()
        )
        if not opened_by:
            return window
        listen = self._last_action_before(session, scope, opened_by[-1])
        return min(window, int(listen or opened_by[-1]))

    def _carried_ids(self, session: Any, scope: _Scope, window: int) -> list[int]:
        """Ids of the events before `window` whose effect lasts into it."""
        # The last rewind, undo, restart and slot reset before the window, in one query.
        marks: dict[str, int] = dict(
            session.execute(
                self._sql(
                    scope.key("marks"),
                    f"SELECT type_name, max(id) FROM {{t}} WHERE {scope.where} AND id < :window"
                    f" AND type_name IN ({_sql_strings((*_REVERTING, 'restart', 'reset_slots'))})"
                    " GROUP BY type_name",
                ),
                scope.params(window=window),
            ).all()
        )
        if any(kind in marks for kind in _REVERTING):
            return self._carried_ids_replayed(session, scope, window)
        restart = marks.get("restart")
        reset = marks.get("reset_slots")
        before = f"{scope.where} AND id < :window"
        key = scope.key("before")
        params = scope.params(window=window)
        if restart is not None:  # a restart wipes everything before it
            before += " AND id > :restart"
            key += ", after restart"
            params["restart"] = restart
            if reset is not None and reset < restart:
                reset = None
        slots_where = before
        slots_key = key
        if reset is not None:
            slots_where += " AND id > :reset"
            slots_key += ", after reset"
            params["reset"] = reset
        ids = [
            int(found)
            for found in session.execute(
                self._sql(
                    f"slots {slots_key}",
                    f"SELECT max(id) FROM {{t}} WHERE {slots_where} AND type_name = 'slot' GROUP BY action_name",
                ),
                params,
            ).scalars()
        ]
        ids += [
            int(found)
            for found in session.execute(
                self._sql(
                    f"carried {key}",
                    f"SELECT max(id) FROM {{t}} WHERE {before} AND type_name IN ({_sql_strings(_CARRIED)})"
                    " GROUP BY type_name",
                ),
                {k: v for k, v in params.items() if k != "reset"},
            ).scalars()
        ]
        if reset is not None:
            ids.append(reset)
        return ids

    def _carried_ids_replayed(self, session: Any, scope: _Scope, window: int) -> list[int]:
        """`_carried_ids` for a session with reverted turns: Rasa's `applied_events` on (id, type) rows."""
        rows = session.execute(
            self._sql(
                scope.key("rows before"),
                f"SELECT id, type_name, action_name FROM {{t}} WHERE {scope.where} AND id < :window ORDER BY id",
            ),
            scope.params(window=window),
        ).all()
        applied: list[Any] = []

        def undo_till(kind: str) -> None:
            while applied:
                if applied.pop().type_name == kind:
                    return

        for row in rows:
            if row.type_name == "restart":
                applied = []
            elif row.type_name == "rewind":
                undo_till("user")
                undo_till("action")
            elif row.type_name == "undo":
                undo_till("action")
            else:
                applied.append(row)
        last: dict[tuple[str, str | None], int] = {}
        reset: int | None = None
        for row in applied:
            if row.type_name == "reset_slots":
                reset = row.id
                last = {key: value for key, value in last.items() if key[0] != "slot"}
            elif row.type_name == "slot" or row.type_name in _CARRIED:
                last[(row.type_name, row.action_name if row.type_name == "slot" else None)] = row.id
        return [*last.values(), *([reset] if reset is not None else [])]

    def _tracker(self, sender_id: str, events: list[dict[str, Any]]) -> DialogueStateTracker | None:
        if not (self.domain and events):
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        setattr(tracker, STORED, len(tracker.events))
        return tracker

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        ok, events = await self._attempt(lambda: self._read(sender_id, fetch_events_from_all_sessions))
        if ok:
            if not fetch_events_from_all_sessions:
                self._remember(sender_id, events, replace=True)
            return self._tracker(sender_id, events)
        # Database out: this process's last copy, plus the turns journaled since.
        events = list(self._cache.get(sender_id, []))
        for record in self.journal.records(sender_id):
            events.extend(record["events"])
        return self._tracker(sender_id, events)

    def init_tracker(self, sender_id: str) -> DialogueStateTracker:
        tracker = super().init_tracker(sender_id)
        setattr(tracker, STORED, 0)
        return tracker

    # -- writing -------------------------------------------------------------------

    def _count_stored(self, sender_id: str) -> int:
        with self.session_scope() as session:
            return int(self._event_query(session, sender_id, fetch_events_from_all_sessions=False).count())

    def _insert(self, sender_id: str, events: list[dict[str, Any]]) -> None:
        """One INSERT of the turn's rows (the ORM's unit of work cost ~1 ms a turn for the same rows)."""
        with self.session_scope() as session:
            session.execute(sa.insert(self.SQLEvent.__table__), self._row_values(sender_id, events))
            session.commit()

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Append the events this process added to `tracker` since it was read or saved."""
        await self.stream_events(tracker)
        sender_id = tracker.sender_id
        stored = getattr(tracker, STORED, None)
        if stored is None or stored > len(tracker.events) or tracker.events.maxlen is not None:
            # Not a tracker this store handed out (e.g. the HTTP API's): Rasa's rule.
            ok, count = await self._attempt(lambda: self._count_stored(sender_id))
            stored = count if ok else len(self._cache.get(sender_id, []))
        events = [event.as_dict() for event in itertools.islice(tracker.events, stored, None)]
        if events:
            ok, _ = await self._attempt(lambda: self._insert(sender_id, events))
            if ok:
                self._remember(sender_id, events)
            else:
                self.journal.append(sender_id, events)
                logger.error(
                    "tracker store: database unreachable; %d events journaled on local disk", len(events)
                )
                self._schedule_flush()
        setattr(tracker, STORED, len(tracker.events))
