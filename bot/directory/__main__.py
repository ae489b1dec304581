"""``python -m bot.directory export|import --oruk FILE``: the directory as an ORUK v3 feed.

``export`` writes every service as a JSON array of ORUK ``GET /services/{id}`` records.
``import`` validates a feed and, only if every record is valid, replaces the directory
with it. The database is ``--url``, or the settings' ``DIRECTORY_DB_URL`` (bot/settings.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.db import make_engine, make_session_factory
from bot.directory.build import report
from bot.directory.oruk import FeedError, export_services, import_feed
from bot.settings import get_settings, resolve_sqlite_url


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the process exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m bot.directory", description="Export or import the directory as ORUK v3 JSON."
    )
    parser.add_argument("command", choices=("export", "import"))
    parser.add_argument(
        "--oruk",
        type=Path,
        required=True,
        metavar="FILE",
        help="the ORUK JSON file to write (export) or read (import); - for stdout",
    )
    parser.add_argument(
        "--url",
        default=resolve_sqlite_url(get_settings().directory_db_url),
        help="database URL (default: DIRECTORY_DB_URL in the settings, now %(default)s)",
    )
    args = parser.parse_args(argv)
    engine = make_engine(args.url)
    try:
        if args.command == "export":
            with make_session_factory(engine)() as session:
                docs = export_services(session)
            text = json.dumps(docs, indent=2, ensure_ascii=False) + "\n"
            if str(args.oruk) == "-":
                sys.stdout.write(text)
            else:
                args.oruk.write_text(text, encoding="utf-8")
                print(f"exported {len(docs)} services as ORUK v3 -> {args.oruk}")
            return 0
        try:
            records = json.loads(args.oruk.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            print(f"cannot read {args.oruk}: {exc}", file=sys.stderr)
            return 2
        count = import_feed(engine, records)
        report(engine)
        print(f"imported {count} services from {args.oruk}")
        return 0
    except FeedError as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
