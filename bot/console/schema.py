"""The console's own database: users, sessions, the conversation index, reviews, audit.

SQLAlchemy Core tables, created with ``create_all`` (the console owns this database).
Nothing here assumes SQLite; the audit table gets extra append-only triggers there.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.db import make_engine

metadata = sa.MetaData()

meta = sa.Table(
    "console_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("failed_count", sa.Integer, nullable=False, default=0),
    sa.Column("locked_until", sa.Float, nullable=False, default=0.0),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("created_at", sa.Float, nullable=False),
)

sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("last_seen", sa.Float, nullable=False),
)

# One row per conversation (Rasa sender id), kept up to date from the tracker's events.
conversations = sa.Table(
    "conversations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False, unique=True),
    sa.Column("pseudonym", sa.String(32), nullable=False, unique=True),
    sa.Column("channel", sa.String(32), nullable=False, default=""),
    sa.Column("first_ts", sa.Float, nullable=False),
    sa.Column("last_ts", sa.Float, nullable=False),
    sa.Column("n_events", sa.Integer, nullable=False, default=0),
    sa.Column("n_user", sa.Integer, nullable=False, default=0),
    sa.Column("n_bot", sa.Integer, nullable=False, default=0),
    sa.Column("crisis", sa.String(64), nullable=False, default=""),
    sa.Column("first_crisis_ts", sa.Float),
    sa.Column("fallback_count", sa.Integer, nullable=False, default=0),
    sa.Column("low_conf_count", sa.Integer, nullable=False, default=0),
    sa.Column("not_helped_count", sa.Integer, nullable=False, default=0),
    sa.Column("flag_ts", sa.Float),
    # Severity order of bot/console/severity.py (0 most serious); 99 not flagged or closed.
    sa.Column("queue_rank", sa.Integer, nullable=False, default=99),
    # Ascending within a rank: longest-waiting flag first, then newest activity.
    sa.Column("queue_sort", sa.Float, nullable=False, default=0.0),
    sa.Column("awaiting_help_answer", sa.Boolean, nullable=False, default=False),
    sa.Column("last_place", sa.String(64)),
    sa.Column("reviewed", sa.Boolean, nullable=False, default=False),
    sa.Column("follow_up", sa.Boolean, nullable=False, default=False),
    sa.Column("flag_closed", sa.Boolean, nullable=False, default=False),
    sa.Column("hold", sa.Boolean, nullable=False, default=False),
    # Whether the parent's latest message already counted as misunderstood.
    sa.Column("turn_missed", sa.Boolean, nullable=False, default=False, server_default=sa.false()),
    # Redacted, one-line texts: the parent's latest message, the one a "did that
    # help?" answered, and the flagged one (the queue's preview).
    sa.Column("last_user_text", sa.String(300), nullable=False, default="", server_default=""),
    sa.Column("help_subject", sa.String(300), nullable=False, default="", server_default=""),
    sa.Column("flag_text", sa.String(300), nullable=False, default="", server_default=""),
    # Parents' "this information is wrong" reports still open (rows of directory_reports).
    sa.Column("open_reports", sa.Integer, nullable=False, default=0, server_default="0"),
    sa.Index("ix_conv_last_ts", "last_ts"),  # newest first (rowid breaks ties)
    sa.Index("ix_conv_span", "last_ts", "first_ts"),  # covering for date-range counts
    sa.Index("ix_conv_queue", "queue_rank", "queue_sort"),
)

# Searchable facets: intent, place, crisis, service, gap (a place with nothing local).
facets = sa.Table(
    "facets",
    metadata,
    sa.Column("conv_id", sa.Integer, sa.ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("value", sa.String(128), primary_key=True),
    sa.Index("ix_facet_lookup", "kind", "value", "conv_id"),
)

# Redacted, lower-cased user text for the free-text filter (kept apart so the
# index rows stay small).
conv_text = sa.Table(
    "conv_text",
    metadata,
    sa.Column("conv_id", sa.Integer, sa.ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("text", sa.Text, nullable=False, default=""),
)

# A parent said a service's details are wrong (slot ``directory_report`` = the service
# id; the parent's words are never in it). One row per conversation and service;
# an editor closes it once the record is checked.
directory_reports = sa.Table(
    "directory_reports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "conv_id",
        sa.Integer,
        sa.ForeignKey("conversations.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("service_id", sa.String(64), nullable=False, index=True),
    sa.Column("service_name", sa.String(200), nullable=False),  # from the directory, or the id
    sa.Column("reported_ts", sa.Float, nullable=False),
    sa.Column("closed_ts", sa.Float),
    sa.Column("closed_by", sa.String(64)),
    sa.UniqueConstraint("conv_id", "service_id"),
)

tags = sa.Table(
    "tags",
    metadata,
    sa.Column("conv_id", sa.Integer, sa.ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("tag", sa.String(64), primary_key=True),
)

notes = sa.Table(
    "notes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "conv_id",
        sa.Integer,
        sa.ForeignKey("conversations.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("author", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False, default="note"),
    sa.Column("text", sa.Text, nullable=False),
)

# Aggregate counts per day for the dashboard: no personal data, so kept after erasure.
day_stats = sa.Table(
    "day_stats",
    metadata,
    sa.Column("day", sa.String(10), primary_key=True),
    sa.Column("metric", sa.String(16), primary_key=True),
    sa.Column("key", sa.String(128), primary_key=True),
    sa.Column("n", sa.Integer, nullable=False, default=0),
)

audit = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ts", sa.Float, nullable=False, index=True),
    sa.Column("actor", sa.String(64), nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("target", sa.String(64), nullable=False, default=""),
    sa.Column("detail", sa.Text, nullable=False, default=""),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

_SQLITE_APPEND_ONLY = [
    "CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
]


def _add_missing_columns(engine: Engine) -> None:
    """Columns added after a table was created (each has a server default)."""
    inspector = sa.inspect(engine)
    for table in metadata.sorted_tables:
        have = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name not in have and column.server_default is not None:
                kind = column.type.compile(dialect=engine.dialect)
                default = column.server_default.arg  # type: ignore[union-attr]
                literal = (
                    default.compile(dialect=engine.dialect) if hasattr(default, "compile") else f"'{default}'"
                )
                with engine.begin() as conn:
                    conn.exec_driver_sql(
                        f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind} NOT NULL DEFAULT {literal}"
                    )


def open_console_db(url: str) -> Engine:
    """Open (and create if needed) the console database.

    Args:
        url: SQLAlchemy URL of the console's own database.

    Returns:
        The engine.
    """
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        from pathlib import Path

        Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    metadata.create_all(engine)
    _add_missing_columns(engine)
    # Indexes added after a table was created (create_all only makes missing tables).
    for table in metadata.sorted_tables:
        for index in table.indexes:
            index.create(engine, checkfirst=True)
    if engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            for statement in _SQLITE_APPEND_ONLY:
                conn.exec_driver_sql(statement)
            conn.exec_driver_sql("PRAGMA optimize")  # keeps the planner's statistics fresh
    return engine
