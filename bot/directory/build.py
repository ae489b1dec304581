"""Build the directory database from services.yml and every services/*.yml.

Usage: ``python -m bot.directory.build [--url URL] [--services PATH]``

After a build, the number of services in each area and for each need is logged
at INFO (names of areas and needs only; no personal data).

The URL defaults to the settings' ``DIRECTORY_DB_URL`` (bot/settings.py), the one the
bot reads; a relative SQLite path is the repo's, as for the bot. A SQLite
file is built beside the target and moved into place with an atomic rename, so the
bot never reads a half-built directory; other databases are rebuilt in one
transaction.

Edits made in the staff console (table ``service_edit``, bot/directory/edits.py)
are kept: they are copied into the new database and re-applied after the YAML is
loaded, in the same transaction (a skipped edit is logged with its reason).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.orm import Session

from bot.db import make_engine
from bot.directory import edits
from bot.directory import models as m
from bot.directory.seed import SeedError, create_directory
from bot.settings import get_settings, resolve_sqlite_url

log = logging.getLogger(__name__)


def build(url: str, services: Path | None = None) -> int:
    """Rebuild the directory at ``url`` (idempotent).

    Args:
        url: SQLAlchemy URL of the directory database.
        services: The main file; defaults to ``data/directory/services.yml`` (every
            ``services/*.yml`` beside it is loaded too).

    Returns:
        The number of services loaded.

    Raises:
        SeedError: If the seed is invalid; the existing database is left as it was.
    """
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        engine = make_engine(url)
        try:
            with engine.begin() as conn:
                count = _load(conn, services, None)
            report(engine)
            return count
        finally:
            engine.dispose()

    target = Path(database).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    # Held until the new file is in place, so no console edit lands in the old file meanwhile.
    with edits.lock(url):
        saved = _saved_edits(target)
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
        engine = make_engine(parsed.set(database=str(tmp)).render_as_string(hide_password=False))
        try:
            with engine.begin() as conn:
                count = _load(conn, services, saved)
        except BaseException:
            engine.dispose()
            tmp.unlink(missing_ok=True)
            raise
        report(engine)
        # Closing the last connection checkpoints WAL into the file, so it is complete alone.
        engine.dispose()
        if target.exists():
            _checkpoint(target)
        os.replace(tmp, target)
    return count


def _load(conn: Connection, services: Path | None, saved: list[dict[str, Any]] | None) -> int:
    """Load the YAML, then the console's edits (``saved`` from the old file, or those in place)."""
    count = create_directory(conn, services)
    with Session(bind=conn, future=True) as session:
        if saved is not None:
            edits.restore(session, saved)
        edits.reapply(session)
        session.flush()
    return count


def _saved_edits(target: Path) -> list[dict[str, Any]]:
    """The console edits in the current file (none when there is no file yet)."""
    if not target.exists():
        return []
    engine = make_engine(f"sqlite:///{target}")
    try:
        return edits.saved_edits(engine)
    finally:
        engine.dispose()


def report(engine: Engine) -> tuple[Counter[str], Counter[str]]:
    """Log (INFO) how many services each area and each need has; returns both counts."""
    with engine.connect() as conn:
        areas = Counter(conn.scalars(select(m.ServiceArea.name)).all())
        needs = Counter(
            conn.scalars(
                select(m.TaxonomyTerm.term)
                .join(m.ServiceTaxonomy, m.ServiceTaxonomy.taxonomy_term_id == m.TaxonomyTerm.id)
                .where(m.TaxonomyTerm.vocabulary == "need")
            ).all()
        )
    log.info("directory services by area: %s", ", ".join(f"{name} {n}" for name, n in sorted(areas.items())))
    log.info("directory services by need: %s", ", ".join(f"{name} {n}" for name, n in sorted(needs.items())))
    return areas, needs


def _checkpoint(path: Path) -> None:
    """Empty the old file's WAL, so its frames are never replayed onto the new file."""
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the process exit code."""
    parser = argparse.ArgumentParser(description="Build the service directory database.")
    parser.add_argument(
        "--url",
        default=resolve_sqlite_url(get_settings().directory_db_url),
        help="database URL (default: DIRECTORY_DB_URL in the settings, now %(default)s)",
    )
    parser.add_argument(
        "--services", type=Path, default=None, help="main YAML file (its services/*.yml are read too)"
    )
    args = parser.parse_args(argv)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        count = build(args.url, args.services)
    except SeedError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"directory built: {count} services -> {make_url(args.url).render_as_string()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
