"""Queries over the console's own database: inbox, reviews, dashboard.

Every value from a request goes in as a bound parameter; free text uses LIKE
with its wildcards escaped.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlencode

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from bot.console import schema as t
from bot.console.indexer import FLAG_FALLBACKS, place_label, queue_fields
from bot.console.severity import MISUNDERSTOOD, NOT_HELPED, RANK_NONE, Level, by_severity, directory_report

PAGE_SIZE = 50
CHANNELS = ("web", "telegram", "rest")
TURN_FILTERS = ("fallback", "lowconf", "not_helped")
CATEGORIES = tuple(f"C{i}" for i in range(1, 10))


@dataclass(frozen=True)
class Filters:
    """Inbox filters, parsed and validated from a query string."""

    view: str = "queue"
    date_from: date | None = None
    date_to: date | None = None
    channel: str = ""
    intent: str = ""
    crisis: str = ""
    turns: str = ""
    place: str = ""
    reviewed: str = ""
    q: str = ""
    page: int = 1

    @classmethod
    def parse(cls, query: Any) -> Filters:
        def text(name: str, limit: int = 100) -> str:
            return str(query.get(name, "") or "").strip()[:limit]

        def day(name: str) -> date | None:
            try:
                return datetime.strptime(text(name, 10), "%Y-%m-%d").date()
            except ValueError:
                return None

        try:
            page = max(1, min(int(text("page", 9)), 100000))
        except ValueError:
            page = 1
        view = text("view")
        return cls(
            view=view if view in ("queue", "all") else "queue",
            date_from=day("from"),
            date_to=day("to"),
            channel=text("channel") if text("channel") in CHANNELS else "",
            intent=text("intent"),
            crisis=text("crisis").upper() if text("crisis").upper() in CATEGORIES + ("ANY",) else "",
            turns=text("turns") if text("turns") in TURN_FILTERS else "",
            place=text("place"),
            reviewed=text("reviewed") if text("reviewed") in ("yes", "no", "follow_up") else "",
            q=text("q", 200),
            page=page,
        )

    def query_string(self, **changes: Any) -> str:
        """The filters as a query string (for links and paging)."""
        f = replace(self, **changes)
        pairs = {
            "view": f.view,
            "from": f.date_from.isoformat() if f.date_from else "",
            "to": f.date_to.isoformat() if f.date_to else "",
            "channel": f.channel,
            "intent": f.intent,
            "crisis": f.crisis,
            "turns": f.turns,
            "place": f.place,
            "reviewed": f.reviewed,
            "q": f.q,
            "page": str(f.page) if f.page > 1 else "",
        }
        return urlencode({k: v for k, v in pairs.items() if v})


@dataclass(frozen=True)
class ConversationSummary:
    """One inbox row."""

    id: int
    sender_id: str
    pseudonym: str
    channel: str
    first_ts: float
    last_ts: float
    n_user: int
    n_bot: int
    crisis: list[str]
    fallback_count: int
    low_conf_count: int
    not_helped_count: int
    queue_rank: int
    flag_ts: float | None
    reviewed: bool
    follow_up: bool
    flag_closed: bool
    hold: bool
    tags: list[str] = field(default_factory=list)
    flag_text: str = ""
    reports: list[str] = field(default_factory=list)  # names of the services reported wrong, still open

    @property
    def flagged(self) -> bool:
        return self.queue_rank != RANK_NONE

    @property
    def flag_levels(self) -> list[Level]:
        """Every reason for a flag, most serious first (crisis categories, then service flags)."""
        levels = by_severity(self.crisis)
        if self.not_helped_count:
            levels.append(NOT_HELPED)
        if self.fallback_count >= FLAG_FALLBACKS:
            levels.append(MISUNDERSTOOD)
        levels += [directory_report(name) for name in self.reports]
        return levels

    @property
    def flag_reason(self) -> str:
        """The most serious reason, in words (e.g. "Suicide risk — immediate")."""
        levels = self.flag_levels
        return levels[0].label if levels else ""

    @property
    def preview(self) -> str:
        """The flagged message, redacted, on one line."""
        return self.flag_text

    def waited(self, now: float) -> float:
        return max(0.0, now - (self.flag_ts or self.last_ts))


def _summary(
    row: Any, tags: list[str] | None = None, reports: list[str] | None = None
) -> ConversationSummary:
    return ConversationSummary(
        id=row.id,
        sender_id=row.sender_id,
        pseudonym=row.pseudonym,
        channel=row.channel,
        first_ts=row.first_ts,
        last_ts=row.last_ts,
        n_user=row.n_user,
        n_bot=row.n_bot,
        crisis=[c for c in row.crisis.split(",") if c],
        fallback_count=row.fallback_count,
        low_conf_count=row.low_conf_count,
        not_helped_count=row.not_helped_count,
        queue_rank=row.queue_rank,
        flag_ts=row.flag_ts,
        reviewed=bool(row.reviewed),
        follow_up=bool(row.follow_up),
        flag_closed=bool(row.flag_closed),
        hold=bool(row.hold),
        tags=tags or [],
        flag_text=row.flag_text or "",
        reports=reports or [],
    )


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _epoch(d: date) -> float:
    return datetime(d.year, d.month, d.day, tzinfo=timezone.utc).timestamp()


def _has_facet(kind: str, value: str) -> Any:
    return t.conversations.c.id.in_(
        sa.select(t.facets.c.conv_id).where(t.facets.c.kind == kind, t.facets.c.value == value)
    )


def conditions(f: Filters) -> list[Any]:
    """SQL conditions for the filters (bound parameters only)."""
    c = t.conversations.c
    where: list[Any] = []
    if f.view == "queue":
        where.append(c.queue_rank < RANK_NONE)
    if f.date_from:
        where.append(c.last_ts >= _epoch(f.date_from))
    if f.date_to:
        where.append(c.first_ts < _epoch(f.date_to + timedelta(days=1)))
    if f.channel:
        where.append(c.channel == f.channel)
    if f.intent:
        where.append(_has_facet("intent", f.intent))
    if f.crisis == "ANY":
        where.append(c.crisis != "")
    elif f.crisis:
        where.append(_has_facet("crisis", f.crisis))
    if f.turns == "fallback":
        where.append(c.fallback_count > 0)
    elif f.turns == "lowconf":
        where.append(c.low_conf_count > 0)
    elif f.turns == "not_helped":
        where.append(c.not_helped_count > 0)
    if f.place:
        where.append(_has_facet("place", place_label(f.place) or f.place))
    if f.reviewed == "yes":
        where.append(c.reviewed.is_(True))
    elif f.reviewed == "no":
        where.append(c.reviewed.is_(False))
    elif f.reviewed == "follow_up":
        where.append(c.follow_up.is_(True))
    if f.q:
        where.append(
            c.id.in_(
                sa.select(t.conv_text.c.conv_id).where(
                    t.conv_text.c.text.like("%" + _escape_like(f.q.lower()) + "%", escape="\\")
                )
            )
        )
    return where


def inbox(conn: Connection, f: Filters, page_size: int = PAGE_SIZE) -> tuple[list[ConversationSummary], int]:
    """One page of conversations and the total matching."""
    c = t.conversations.c
    where = conditions(f)
    order = [c.queue_rank, c.queue_sort] if f.view == "queue" else [c.last_ts.desc()]
    rows = conn.execute(
        sa.select(t.conversations)
        .where(*where)
        .order_by(*order, c.id.desc())
        .limit(page_size)
        .offset((f.page - 1) * page_size)
    ).all()
    total = conn.execute(sa.select(sa.func.count()).select_from(t.conversations).where(*where)).scalar_one()
    ids = [r.id for r in rows]
    tags, reports = _tags_for(conn, ids), _report_names(conn, ids)
    return [_summary(r, tags.get(r.id), reports.get(r.id)) for r in rows], int(total)


def matching_ids(conn: Connection, f: Filters, limit: int) -> list[ConversationSummary]:
    """Every matching conversation up to ``limit`` (for exports), newest first."""
    rows = conn.execute(
        sa.select(t.conversations)
        .where(*conditions(f))
        .order_by(t.conversations.c.last_ts.desc())
        .limit(limit)
    ).all()
    return [_summary(r) for r in rows]


def _tags_for(conn: Connection, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if ids:
        for row in conn.execute(sa.select(t.tags).where(t.tags.c.conv_id.in_(ids)).order_by(t.tags.c.tag)):
            out.setdefault(row.conv_id, []).append(row.tag)
    return out


def _report_names(conn: Connection, ids: list[int]) -> dict[int, list[str]]:
    """Names of the services with open directory reports, per conversation."""
    out: dict[int, list[str]] = {}
    if ids:
        r = t.directory_reports.c
        rows = conn.execute(
            sa.select(r.conv_id, r.service_name)
            .where(r.conv_id.in_(ids), r.closed_ts.is_(None))
            .order_by(r.reported_ts, r.id)
        )
        for row in rows:
            out.setdefault(row.conv_id, []).append(row.service_name)
    return out


def by_pseudonym(conn: Connection, pid: str) -> ConversationSummary | None:
    """One conversation by its pseudonym."""
    row = conn.execute(sa.select(t.conversations).where(t.conversations.c.pseudonym == pid)).first()
    if row is None:
        return None
    return _summary(row, _tags_for(conn, [row.id]).get(row.id), _report_names(conn, [row.id]).get(row.id))


@dataclass(frozen=True)
class Report:
    """A parent's "this information is wrong" report about a directory service."""

    id: int
    conv_id: int
    pseudonym: str
    service_id: str
    service_name: str
    reported_ts: float


def open_reports(conn: Connection, service_id: str | None = None) -> dict[str, list[Report]]:
    """Open reports by service id (oldest first), of one service or of all."""
    r, c = t.directory_reports.c, t.conversations.c
    query = (
        sa.select(r.id, r.conv_id, c.pseudonym, r.service_id, r.service_name, r.reported_ts)
        .join(t.conversations, c.id == r.conv_id)
        .where(r.closed_ts.is_(None))
        .order_by(r.reported_ts, r.id)
    )
    if service_id is not None:
        query = query.where(r.service_id == service_id)
    out: dict[str, list[Report]] = {}
    for row in conn.execute(query):
        out.setdefault(row.service_id, []).append(Report(*row))
    return out


def close_report(conn: Connection, report_id: int, author: str, note: str) -> Report | None:
    """Close an open report: the conversation leaves the queue when nothing else flags it.

    Returns:
        The report closed, or None when there is no such open report.
    """
    r = t.directory_reports.c
    found = conn.execute(
        sa.select(r.id, r.conv_id, t.conversations.c.pseudonym, r.service_id, r.service_name, r.reported_ts)
        .join(t.conversations, t.conversations.c.id == r.conv_id)
        .where(r.id == report_id, r.closed_ts.is_(None))
    ).first()
    if found is None:
        return None
    report = Report(*found)
    conn.execute(
        sa.update(t.directory_reports)
        .where(r.id == report_id)
        .values(closed_ts=time.time(), closed_by=author[:64])
    )
    row = dict(
        conn.execute(sa.select(t.conversations).where(t.conversations.c.id == report.conv_id))
        .mappings()
        .one()
    )
    row["open_reports"] = max(0, (row["open_reports"] or 0) - 1)
    fields = queue_fields(row)
    conn.execute(
        sa.update(t.conversations)
        .where(t.conversations.c.id == report.conv_id)
        .values(open_reports=row["open_reports"], **fields)
    )
    text = f"Directory report closed ({report.service_name})" + (f": {note}" if note else "")
    add_note(conn, report.conv_id, author, text, kind="report_closed")
    return report


def by_sender_or_pseudonym(conn: Connection, ident: str) -> ConversationSummary | None:
    """One conversation by sender id or pseudonym (for the CLI)."""
    row = conn.execute(
        sa.select(t.conversations).where(
            sa.or_(t.conversations.c.pseudonym == ident, t.conversations.c.sender_id == ident)
        )
    ).first()
    return _summary(row) if row else None


@dataclass(frozen=True)
class Note:
    """A reviewer's note."""

    author: str
    created_at: float
    kind: str
    text: str


def notes_for(conn: Connection, conv_id: int) -> list[Note]:
    rows = conn.execute(sa.select(t.notes).where(t.notes.c.conv_id == conv_id).order_by(t.notes.c.id))
    return [Note(r.author, r.created_at, r.kind, r.text) for r in rows]


def facet_values(conn: Connection, conv_id: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in conn.execute(
        sa.select(t.facets).where(t.facets.c.conv_id == conv_id).order_by(t.facets.c.value)
    ):
        out.setdefault(row.kind, []).append(row.value)
    return out


def add_note(conn: Connection, conv_id: int, author: str, text: str, kind: str = "note") -> None:
    conn.execute(
        sa.insert(t.notes).values(
            conv_id=conv_id, author=author, created_at=time.time(), kind=kind, text=text[:5000]
        )
    )


def set_review(conn: Connection, conv_id: int, **values: bool) -> None:
    """Set reviewed / follow_up / hold flags."""
    allowed = {k: bool(v) for k, v in values.items() if k in ("reviewed", "follow_up", "hold")}
    conn.execute(sa.update(t.conversations).where(t.conversations.c.id == conv_id).values(**allowed))


def close_flag(conn: Connection, conv_id: int, author: str, note: str) -> None:
    """Close a flag with its note (the note is required by the caller)."""
    add_note(conn, conv_id, author, note, kind="flag_closed")
    row = dict(
        conn.execute(sa.select(t.conversations).where(t.conversations.c.id == conv_id)).mappings().one()
    )
    row["flag_closed"] = True
    fields = queue_fields(row)
    conn.execute(
        sa.update(t.conversations)
        .where(t.conversations.c.id == conv_id)
        .values(
            flag_closed=True, reviewed=True, queue_rank=fields["queue_rank"], queue_sort=fields["queue_sort"]
        )
    )


def add_tag(conn: Connection, conv_id: int, tag: str) -> None:
    tag = " ".join(tag.split())[:64].lower()
    if (
        tag
        and conn.execute(
            sa.select(t.tags.c.tag).where(t.tags.c.conv_id == conv_id, t.tags.c.tag == tag)
        ).first()
        is None
    ):
        conn.execute(sa.insert(t.tags).values(conv_id=conv_id, tag=tag))


def remove_tag(conn: Connection, conv_id: int, tag: str) -> None:
    conn.execute(sa.delete(t.tags).where(t.tags.c.conv_id == conv_id, t.tags.c.tag == tag))


def facet_choices(conn: Connection, kind: str, limit: int = 200) -> list[str]:
    """Known values for a filter's drop-down (from the day stats: cheap)."""
    metric = {"intent": "intent", "place": "place"}[kind]
    rows = conn.execute(
        sa.select(t.day_stats.c.key, sa.func.sum(t.day_stats.c.n).label("n"))
        .where(t.day_stats.c.metric == metric)
        .group_by(t.day_stats.c.key)
        .order_by(sa.desc("n"))
        .limit(limit)
    )
    return sorted(r.key for r in rows if r.key)


def delete_conversation(conn: Connection, conv_id: int) -> None:
    """Remove a conversation's index row, facets, text, tags and notes."""
    for table in (t.facets, t.conv_text, t.tags, t.notes, t.directory_reports):
        conn.execute(sa.delete(table).where(table.c.conv_id == conv_id))
    conn.execute(sa.delete(t.conversations).where(t.conversations.c.id == conv_id))


def expired(conn: Connection, before_ts: float) -> list[tuple[int, str, str]]:
    """(id, sender id, pseudonym) of conversations last active before ``before_ts`` and not on hold."""
    rows = conn.execute(
        sa.select(t.conversations.c.id, t.conversations.c.sender_id, t.conversations.c.pseudonym).where(
            t.conversations.c.last_ts < before_ts, t.conversations.c.hold.is_(False)
        )
    )
    return [(r.id, r.sender_id, r.pseudonym) for r in rows]


@dataclass(frozen=True)
class Dashboard:
    """Aggregates for the charts."""

    days: list[str]
    per_day: dict[str, dict[str, int]]
    totals: dict[str, list[tuple[str, int]]]
    fallback_rate: float


def dashboard(conn: Connection, start: date, end: date) -> Dashboard:
    """Counts per day and per key between two days (inclusive), from the day stats."""
    rows = conn.execute(
        sa.select(t.day_stats).where(
            t.day_stats.c.day >= start.isoformat(), t.day_stats.c.day <= end.isoformat()
        )
    )
    days = [(start + timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]
    per_day: dict[str, dict[str, int]] = {
        m: dict.fromkeys(days, 0) for m in ("conversations", "messages", "fallback", "flagged")
    }
    keyed: dict[str, dict[str, int]] = {}
    for r in rows:
        if r.metric in per_day and r.day in per_day[r.metric]:
            per_day[r.metric][r.day] += r.n
        if r.key:
            keyed.setdefault(r.metric, {})
            keyed[r.metric][r.key] = keyed[r.metric].get(r.key, 0) + r.n
    totals = {m: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[:20] for m, v in keyed.items()}
    messages = sum(per_day["messages"].values())
    rate = sum(per_day["fallback"].values()) / messages if messages else 0.0
    return Dashboard(days, per_day, totals, rate)
