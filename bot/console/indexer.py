"""Conversation summary index, refreshed incrementally from the tracker's events.

Rasa's `events` table is indexed on sender_id only, so the inbox never reads it:
it reads `conversations` and `facets` in the console's own database, which this
module brings up to date from ``events.id > last_seen_id`` in batches.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bot.console import schema as t
from bot.console.redact import find_spans, redact_user
from bot.console.severity import (
    RANK_DIRECTORY_REPORT,
    RANK_MISUNDERSTOOD,
    RANK_NONE,
    RANK_NOT_HELPED,
    crisis_rank,
)
from bot.conversations import StoredEvent, events_after, tracker_has_events

LOW_CONFIDENCE = 0.5
FALLBACK_INTENT = "nlu_fallback"
# Misunderstood parent messages (a fallback, or the "Sorry, I can't help with
# that" reply) that flag a conversation as a repeated misunderstanding.
FLAG_FALLBACKS = 2
MISUNDERSTOOD_REPLIES = ("utter_default", "utter_out_of_scope")
TEXT_CAP = 4000
PREVIEW_CAP = 300
# Bump when queue_fields changes: the next refresh recomputes every row's rank.
QUEUE_SCHEME = "2"
CHANNELS = {"socketio": "web", "webchat": "web", "telegram": "telegram", "rest": "rest"}
_HELP_QUESTION = ("did that help", "did this help", "was that helpful", "was this helpful")
_HELP_RESPONSES = ("utter_results_options",)
# The bot's responses for "nothing local fits" (see domain.yml); the services
# payload also says `"local": false`.
_NO_LOCAL = ("services_national", "place_outside")
# The slot the bot sets when a parent says a service's details are wrong: its
# value is the service id (never the parent's words).
REPORT_SLOT = "directory_report"
_lock = threading.Lock()


def day_of(ts: float) -> str:
    """The UTC day of a timestamp as YYYY-MM-DD."""
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%d")


def _meta_get(conn: Connection, key: str) -> str | None:
    return conn.execute(sa.select(t.meta.c.value).where(t.meta.c.key == key)).scalar_one_or_none()


def _meta_set(conn: Connection, key: str, value: str) -> None:
    if _meta_get(conn, key) is None:
        conn.execute(sa.insert(t.meta).values(key=key, value=value))
    else:
        conn.execute(sa.update(t.meta).where(t.meta.c.key == key).values(value=value))


def pseudonym_key(conn: Connection) -> bytes:
    """The console's own random key for pseudonyms (made once, kept in its database)."""
    key = _meta_get(conn, "pseudonym_key")
    if key is None:
        key = secrets.token_hex(32)
        _meta_set(conn, "pseudonym_key", key)
    return bytes.fromhex(key)


def pseudonym(key: bytes, sender_id: str) -> str:
    """A stable pseudonym for a channel id (keyed hash: not reversible without the key)."""
    digest = hmac.new(key, sender_id.encode(), hashlib.sha256).digest()
    return "P-" + base64.b32encode(digest).decode()[:10].lower()


def place_label(value: Any) -> str | None:
    """A place as the console stores it: postcodes cut to their district."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if find_spans(text, ("postcode",)):
        return redact_user(text).replace(" ***", "").upper()[:64]
    return redact_user(text).strip()[:64].title()


@dataclass
class _Conv:
    row: dict[str, Any]
    new: bool
    facets: set[tuple[str, str]]
    text: list[str]
    reports: dict[str, float] = field(default_factory=dict)  # service id -> when reported


class _Stats:
    def __init__(self) -> None:
        self.counts: dict[tuple[str, str, str], int] = defaultdict(int)

    def add(self, ts: float, metric: str, key: str = "", n: int = 1) -> None:
        self.counts[(day_of(ts), metric, key[:128])] += n


def _apply(conv: _Conv, ev: StoredEvent, stats: _Stats) -> None:
    row, data = conv.row, ev.data
    row["n_events"] += 1
    row["first_ts"] = min(row["first_ts"], ev.timestamp)
    row["last_ts"] = max(row["last_ts"], ev.timestamp)
    if ev.type_name == "user":
        row["n_user"] += 1
        stats.add(ev.timestamp, "messages")
        channel = data.get("input_channel")
        if channel and not row["channel"]:
            row["channel"] = CHANNELS.get(channel, str(channel)[:32])
        parse = data.get("parse_data") or {}
        intent = (parse.get("intent") or {}).get("name") or ev.intent_name
        confidence = (parse.get("intent") or {}).get("confidence")
        if intent:
            conv.facets.add(("intent", intent[:128]))
            stats.add(ev.timestamp, "intent", intent)
        row["last_user_text"] = _preview(data.get("text"))
        row["turn_missed"] = False
        if intent == FALLBACK_INTENT:
            stats.add(ev.timestamp, "fallback")
            _missed(row)
        if isinstance(confidence, (int, float)) and confidence < LOW_CONFIDENCE:
            row["low_conf_count"] += 1
        if row["awaiting_help_answer"] and (
            intent == "deny" or (data.get("text") or "").strip().lower() in {"no", "nope", "/deny"}
        ):
            row["not_helped_count"] += 1
            stats.add(ev.timestamp, "not_helped")
            if not row["crisis"]:
                row["flag_text"] = row["help_subject"] or row["last_user_text"]
        row["awaiting_help_answer"] = False
        for entity in parse.get("entities") or []:
            if entity.get("entity") == "location":
                _place(conv, entity.get("value"), ev.timestamp, stats)
            elif entity.get("entity") == "risk_category":
                _crisis(conv, entity.get("value"), ev.timestamp, stats)
        text = redact_user(data.get("text") or "").lower()
        if text and sum(len(x) for x in conv.text) < TEXT_CAP:
            conv.text.append(text)
    elif ev.type_name == "bot":
        row["n_bot"] += 1
        text = (data.get("text") or "").lower()
        utter = str((data.get("metadata") or {}).get("utter_action") or "")
        row["awaiting_help_answer"] = any(q in text for q in _HELP_QUESTION) or utter in _HELP_RESPONSES
        if row["awaiting_help_answer"]:
            row["help_subject"] = row["last_user_text"]
        if utter in MISUNDERSTOOD_REPLIES:
            _missed(row)
        custom = (data.get("data") or {}).get("custom")
        if isinstance(custom, dict):
            if custom.get("type") == "crisis":
                _crisis(conv, custom.get("category"), ev.timestamp, stats)
            elif custom.get("type") == "services":
                services = custom.get("services") or []
                for service in services:
                    name = str(service.get("name") or service.get("id") or "")[:128]
                    if name:
                        conv.facets.add(("service", name))
                        stats.add(ev.timestamp, "service", name)
                if not services and row["last_place"] or custom.get("local") is False and row["last_place"]:
                    _gap(conv, ev.timestamp, stats)
        if utter and any(marker in utter for marker in _NO_LOCAL) and row["last_place"]:
            _gap(conv, ev.timestamp, stats)
    elif ev.type_name == "slot":
        slot, value = data.get("name"), data.get("value")
        if slot == "risk_category" and value:
            _crisis(conv, value, ev.timestamp, stats)
        elif slot == "location" and value:
            _place(conv, value, ev.timestamp, stats)
        elif slot == REPORT_SLOT and isinstance(value, str) and value.strip():
            conv.reports[value.strip()[:64]] = ev.timestamp
    elif ev.type_name == "action":
        action = str(data.get("name") or ev.action_name or "")
        if action == "action_default_fallback":
            conv.facets.add(("action", action))
            _missed(row)


def _preview(text: Any) -> str:
    """A parent's message as the queue previews it: redacted, on one line, capped."""
    line = " ".join(redact_user(str(text or "")).split())
    return line if len(line) <= PREVIEW_CAP else line[: PREVIEW_CAP - 1] + "…"


def _missed(row: dict[str, Any]) -> None:
    """Count the parent's latest message as misunderstood (once, however many signs); it
    becomes the preview unless a more serious flag has one."""
    if row["turn_missed"]:
        return
    row["turn_missed"] = True
    row["fallback_count"] += 1
    if not row["crisis"] and not row["not_helped_count"]:
        row["flag_text"] = row["last_user_text"]


def _place(conv: _Conv, value: Any, ts: float, stats: _Stats) -> None:
    label = place_label(value)
    if label:
        if ("place", label) not in conv.facets:
            stats.add(ts, "place", label)
        conv.facets.add(("place", label))
        conv.row["last_place"] = label


def _gap(conv: _Conv, ts: float, stats: _Stats) -> None:
    label = conv.row["last_place"]
    if ("gap", label) not in conv.facets:
        conv.facets.add(("gap", label))
        stats.add(ts, "gap", label)


def _crisis(conv: _Conv, value: Any, ts: float, stats: _Stats) -> None:
    if not isinstance(value, str) or not value:
        return
    category = value.strip().upper()[:8]
    row = conv.row
    current = [c for c in row["crisis"].split(",") if c]
    if category not in current:
        if not current or crisis_rank(category) < min(crisis_rank(c) for c in current):
            row["flag_text"] = row["last_user_text"]
        current.append(category)
        row["crisis"] = ",".join(sorted(current))
        conv.facets.add(("crisis", category))
        stats.add(ts, "crisis", category)
        # A new disclosure reopens a closed flag: staff must look again.
        row["flag_closed"] = False
        row["reviewed"] = False
    if row["first_crisis_ts"] is None:
        row["first_crisis_ts"] = ts


def queue_fields(row: dict[str, Any]) -> dict[str, Any]:
    """Rank and sort key of a conversation in the queue: most serious flag first, then longest waiting."""
    crisis = [c for c in (row["crisis"] or "").split(",") if c]
    if crisis:
        rank, since = min(crisis_rank(c) for c in crisis), row["first_crisis_ts"] or row["last_ts"]
    elif row["not_helped_count"]:
        rank, since = RANK_NOT_HELPED, row["flag_ts"] or row["last_ts"]
    elif row["fallback_count"] >= FLAG_FALLBACKS:
        rank, since = RANK_MISUNDERSTOOD, row["flag_ts"] or row["last_ts"]
    elif row.get("open_reports"):
        rank, since = RANK_DIRECTORY_REPORT, row["flag_ts"] or row["last_ts"]
    else:
        rank, since = RANK_NONE, None
    if rank != RANK_NONE and row["flag_closed"]:
        return {"queue_rank": RANK_NONE, "queue_sort": -row["last_ts"], "flag_ts": since}
    if rank == RANK_NONE:
        return {"queue_rank": rank, "queue_sort": -row["last_ts"], "flag_ts": None}
    return {"queue_rank": rank, "queue_sort": since, "flag_ts": since}


def upgrade_queue(conn: Connection) -> int:
    """Recompute every conversation's queue rank after the ranking changed (once per scheme)."""
    if _meta_get(conn, "queue_scheme") == QUEUE_SCHEME:
        return 0
    rows = conn.execute(sa.select(t.conversations)).mappings().all()
    for row in rows:
        conn.execute(
            sa.update(t.conversations)
            .where(t.conversations.c.id == row["id"])
            .values(**queue_fields(dict(row)))
        )
    _meta_set(conn, "queue_scheme", QUEUE_SCHEME)
    return len(rows)


_COLUMNS = [c.name for c in t.conversations.columns if c.name != "id"]


def _load(
    conn: Connection, key: bytes, sender_ids: list[str], first_ts: dict[str, float]
) -> dict[str, _Conv]:
    found: dict[str, _Conv] = {}
    for start in range(0, len(sender_ids), 500):
        chunk = sender_ids[start : start + 500]
        for row in conn.execute(
            sa.select(t.conversations).where(t.conversations.c.sender_id.in_(chunk))
        ).mappings():
            found[row["sender_id"]] = _Conv(dict(row), False, set(), [])
    for sender in sender_ids:
        if sender not in found:
            ts = first_ts[sender]
            row = {c: None for c in _COLUMNS} | {
                "sender_id": sender,
                "pseudonym": pseudonym(key, sender),
                "channel": "",
                "first_ts": ts,
                "last_ts": ts,
                "n_events": 0,
                "n_user": 0,
                "n_bot": 0,
                "crisis": "",
                "fallback_count": 0,
                "low_conf_count": 0,
                "not_helped_count": 0,
                "queue_rank": RANK_NONE,
                "queue_sort": 0.0,
                "awaiting_help_answer": False,
                "reviewed": False,
                "follow_up": False,
                "flag_closed": False,
                "hold": False,
                "turn_missed": False,
                "last_user_text": "",
                "help_subject": "",
                "flag_text": "",
                "open_reports": 0,
            }
            found[sender] = _Conv(row, True, set(), [])
    return found


ServiceName = Callable[[str], str]


def _new_reports(conn: Connection, conv: _Conv) -> list[tuple[str, float, int | None]]:
    """Reports that open now: (service id, when, id of a closed report reopened or None)."""
    existing: dict[str, tuple[int, float | None]] = {}
    if not conv.new:
        rows = conn.execute(
            sa.select(
                t.directory_reports.c.id, t.directory_reports.c.service_id, t.directory_reports.c.closed_ts
            ).where(t.directory_reports.c.conv_id == conv.row["id"])
        )
        existing = {r.service_id: (r.id, r.closed_ts) for r in rows}
    out: list[tuple[str, float, int | None]] = []
    for service_id, ts in conv.reports.items():
        before = existing.get(service_id)
        if before is None:
            out.append((service_id, ts, None))
        elif before[1] is not None:  # reported again after it was closed
            out.append((service_id, ts, before[0]))
    return out


def _write(
    conn: Connection, convs: dict[str, _Conv], stats: _Stats, service_name: ServiceName | None = None
) -> None:
    for conv in convs.values():
        row = conv.row
        was_flagged = row.get("flag_ts") is not None
        reports = _new_reports(conn, conv) if conv.reports else []
        if reports:
            row["open_reports"] = (row.get("open_reports") or 0) + len(reports)
            # A new report reopens a closed flag, as a new disclosure does.
            row["flag_closed"] = False
            row["reviewed"] = False
        row.update(queue_fields(row))
        if not was_flagged and row["flag_ts"] is not None:
            stats.add(row["flag_ts"], "flagged")
        values = {c: row[c] for c in _COLUMNS}
        if conv.new:
            conv_id = conn.execute(sa.insert(t.conversations).values(**values)).inserted_primary_key[0]
            row["id"] = conv_id
            stats.add(row["first_ts"], "conversations")
            existing: set[tuple[str, str]] = set()
            conn.execute(sa.insert(t.conv_text).values(conv_id=conv_id, text="\n".join(conv.text)[:TEXT_CAP]))
        else:
            conv_id = row["id"]
            conn.execute(sa.update(t.conversations).where(t.conversations.c.id == conv_id).values(**values))
            existing = {
                (r.kind, r.value)
                for r in conn.execute(
                    sa.select(t.facets.c.kind, t.facets.c.value).where(t.facets.c.conv_id == conv_id)
                )
            }
            if conv.text:
                old = conn.execute(
                    sa.select(t.conv_text.c.text).where(t.conv_text.c.conv_id == conv_id)
                ).scalar_one_or_none()
                if old is None:
                    conn.execute(
                        sa.insert(t.conv_text).values(conv_id=conv_id, text="\n".join(conv.text)[:TEXT_CAP])
                    )
                elif len(old) < TEXT_CAP:
                    conn.execute(
                        sa.update(t.conv_text)
                        .where(t.conv_text.c.conv_id == conv_id)
                        .values(text=(old + "\n" + "\n".join(conv.text))[:TEXT_CAP])
                    )
        new_facets = conv.facets - existing
        if new_facets:
            conn.execute(
                sa.insert(t.facets), [{"conv_id": conv_id, "kind": k, "value": v} for k, v in new_facets]
            )
        for service_id, ts, reopen in reports:
            name = (service_name(service_id) if service_name else service_id)[:200]
            if reopen is None:
                conn.execute(
                    sa.insert(t.directory_reports).values(
                        conv_id=conv_id, service_id=service_id, service_name=name, reported_ts=ts
                    )
                )
            else:
                conn.execute(
                    sa.update(t.directory_reports)
                    .where(t.directory_reports.c.id == reopen)
                    .values(service_name=name, reported_ts=ts, closed_ts=None, closed_by=None)
                )
    for (day, metric, key), n in stats.counts.items():
        updated = conn.execute(
            sa.update(t.day_stats)
            .where(t.day_stats.c.day == day, t.day_stats.c.metric == metric, t.day_stats.c.key == key)
            .values(n=t.day_stats.c.n + n)
        ).rowcount
        if not updated:
            conn.execute(sa.insert(t.day_stats).values(day=day, metric=metric, key=key, n=n))


def refresh(
    console: Engine,
    tracker: Engine,
    batch: int = 5000,
    max_batches: int | None = None,
    wait: float = -1,
    service_name: ServiceName | None = None,
) -> int:
    """Bring the index up to date with the tracker store.

    Args:
        console: The console's own database.
        tracker: The tracker store, read-only.
        batch: Events read per transaction.
        max_batches: Stop after this many batches (None: until caught up).
        wait: Seconds to wait for a refresh already running (-1: as long as it takes);
            then return 0 (a page request must not wait behind a long catch-up).
        service_name: A directory service's name from its id (for directory reports);
            by default the id itself.

    Returns:
        The number of events indexed.
    """
    done = 0
    if not _lock.acquire(timeout=wait):
        return 0
    try:
        with console.begin() as conn:
            upgrade_queue(conn)
        with tracker.connect() as tconn:
            if not tracker_has_events(tconn):
                return 0
            batches = 0
            while max_batches is None or batches < max_batches:
                with console.begin() as conn:
                    last_id = int(_meta_get(conn, "last_event_id") or 0)
                    events = events_after(tconn, last_id, batch)
                    if not events:
                        break
                    key = pseudonym_key(conn)
                    first: dict[str, float] = {}
                    for ev in events:
                        first.setdefault(ev.sender_id, ev.timestamp)
                    convs = _load(conn, key, list(first), first)
                    stats = _Stats()
                    for ev in events:
                        _apply(convs[ev.sender_id], ev, stats)
                    _write(conn, convs, stats, service_name)
                    _meta_set(conn, "last_event_id", str(events[-1].id))
                done += len(events)
                batches += 1
                if len(events) < batch:
                    break
    finally:
        _lock.release()
    return done


def now() -> float:
    """The current time (a function so tests can reason about waiting times)."""
    return time.time()
