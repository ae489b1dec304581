"""Retention and erasure: delete conversations from the tracker store and the console.

The only code in the console that writes to Rasa's tracker store. Both paths are
audited; conversations on hold are kept past the retention period.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy.engine import Engine

from bot.console import audit, indexer, store
from bot.conversations import erase_conversations, read_only_engine
from bot.settings import Settings


@dataclass(frozen=True)
class RetentionResult:
    """What a retention run deleted."""

    conversations: int
    events: int


def _catch_up(db: Engine, settings: Settings) -> None:
    # Index everything first, so old conversations never seen by the console are found too.
    tracker = read_only_engine(settings.tracker_db_url)
    try:
        indexer.refresh(db, tracker)
    finally:
        tracker.dispose()


class RetentionRefused(ValueError):
    """The retention period would delete everything (or makes no sense): nothing was deleted."""


ZERO_DAYS_REFUSED = (
    "RETENTION_DAYS is 0: that would delete every conversation not on hold, including today's. "
    "Nothing was deleted. If that is really what you want, run the retention command again "
    "with --allow-zero-days."
)


def run_retention(
    db: Engine, settings: Settings, actor: str, now: float | None = None, *, allow_zero_days: bool = False
) -> RetentionResult:
    """Delete conversations whose last activity is older than ``retention_days`` (not on hold).

    Args:
        db: The console database.
        settings: Settings (retention days, tracker URL).
        actor: Who ran it, for the audit log.
        now: The current time (tests).
        allow_zero_days: Accept ``retention_days == 0`` (delete everything not on hold).

    Raises:
        RetentionRefused: ``retention_days`` is negative, or 0 without ``allow_zero_days``.
    """
    if settings.retention_days < 0:
        raise RetentionRefused(
            f"RETENTION_DAYS is {settings.retention_days}: it must be 0 or more. Nothing was deleted."
        )
    if settings.retention_days == 0 and not allow_zero_days:
        raise RetentionRefused(ZERO_DAYS_REFUSED)
    _catch_up(db, settings)
    cutoff = (now or time.time()) - settings.retention_days * 86400
    with db.connect() as conn:
        doomed = store.expired(conn, cutoff)
    events = 0
    for start in range(0, len(doomed), 500):
        chunk = doomed[start : start + 500]
        events += erase_conversations([sender for _, sender, _ in chunk], settings.tracker_db_url)
        with db.begin() as conn:
            for conv_id, _, _ in chunk:
                store.delete_conversation(conn, conv_id)
    with db.begin() as conn:
        audit.record(
            conn,
            actor,
            "retention",
            "",
            f"{len(doomed)} conversations, {events} events older than {settings.retention_days} days",
        )
    return RetentionResult(len(doomed), events)


def erase(db: Engine, settings: Settings, ident: str, actor: str) -> RetentionResult:
    """Erase one conversation (by Rasa sender id or console pseudonym) everywhere.

    Raises:
        LookupError: No such conversation in the tracker store or the console.
    """
    _catch_up(db, settings)
    with db.connect() as conn:
        conv = store.by_sender_or_pseudonym(conn, ident)
    sender = conv.sender_id if conv else ident
    events = erase_conversations([sender], settings.tracker_db_url)
    if conv is None and events == 0:
        raise LookupError("no such conversation")
    with db.begin() as conn:
        if conv is not None:
            store.delete_conversation(conn, conv.id)
        pid = conv.pseudonym if conv else indexer.pseudonym(indexer.pseudonym_key(conn), sender)
        audit.record(conn, actor, "erase", pid, f"{events} events")
    return RetentionResult(1, events)
