"""Build the directory database from the seed file.

Usage: ``python -m bot.directory.build [--url URL] [--services PATH]``

The URL defaults to ``$DIRECTORY_DB_URL`` or ``sqlite:///var/directory.db``. A SQLite
file is built beside the target and moved into place with an atomic rename, so the
bot never reads a half-built directory; other databases are rebuilt in one
transaction.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.db import make_engine
from bot.directory.seed import SeedError, create_directory

DEFAULT_URL = "sqlite:///var/directory.db"


def build(url: str, services: Path | None = None) -> int:
    """Rebuild the directory at ``url`` (idempotent).

    Args:
        url: SQLAlchemy URL of the directory database.
        services: The seed file; defaults to ``data/directory/services.yml``.

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
            return create_directory(engine, services)
        finally:
            engine.dispose()

    target = Path(database).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    engine = make_engine(parsed.set(database=str(tmp)).render_as_string(hide_password=False))
    try:
        count = create_directory(engine, services)
    except BaseException:
        engine.dispose()
        tmp.unlink(missing_ok=True)
        raise
    # Closing the last connection checkpoints WAL into the file, so it is complete alone.
    engine.dispose()
    if target.exists():
        _checkpoint(target)
    os.replace(tmp, target)
    return count


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
    parser.add_argument("--url", default=os.environ.get("DIRECTORY_DB_URL") or DEFAULT_URL,
                        help="database URL (default: $DIRECTORY_DB_URL or %(default)s)")
    parser.add_argument("--services", type=Path, default=None, help="seed YAML file")
    args = parser.parse_args(argv)
    try:
        count = build(args.url, args.services)
    except SeedError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"directory built: {count} services -> {make_url(args.url).render_as_string()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
