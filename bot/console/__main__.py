"""Command line: ``python -m bot.console serve|create-user|retention|erase|reindex``."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys

from bot.console.auth import ROLES
from bot.settings import get_settings, resolve_sqlite_url


def _actor() -> str:
    try:
        return "cli:" + getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def _serve(_args: argparse.Namespace) -> int:
    from aiohttp import web

    from bot.console.app import create_app

    settings = get_settings()
    logging.basicConfig(level=settings.log_level)
    web.run_app(
        create_app(settings),
        host=settings.console_host,
        port=settings.console_port,
        access_log_format='%a "%r" %s %b %Tfs',
        print=None,
    )
    return 0


def _create_user(args: argparse.Namespace) -> int:
    from bot.console import audit, auth, schema

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Again: "):
            print("Passwords differ.", file=sys.stderr)
            return 1
    db = schema.open_console_db(resolve_sqlite_url(get_settings().console_db_url))
    try:
        with db.begin() as conn:
            auth.create_user(conn, args.name, password, args.role)
            audit.record(conn, _actor(), "create_user", "", f"{args.name} ({args.role})")
    except ValueError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"User {args.name} ({args.role}) saved.")
    return 0


def _retention(args: argparse.Namespace) -> int:
    from bot.console import retention, schema

    settings = get_settings()
    db = schema.open_console_db(resolve_sqlite_url(settings.console_db_url))
    try:
        result = retention.run_retention(db, settings, _actor(), allow_zero_days=args.allow_zero_days)
    except retention.RetentionRefused as err:
        print(err, file=sys.stderr)
        return 2
    print(
        f"Deleted {result.conversations} conversations ({result.events} events) older than "
        f"{settings.retention_days} days."
    )
    return 0


def _erase(args: argparse.Namespace) -> int:
    from bot.console import retention, schema

    settings = get_settings()
    db = schema.open_console_db(resolve_sqlite_url(settings.console_db_url))
    try:
        result = retention.erase(db, settings, args.conversation_id, _actor())
    except LookupError:
        print("No such conversation.", file=sys.stderr)
        return 1
    print(f"Erased 1 conversation ({result.events} events).")
    return 0


def _reindex(_args: argparse.Namespace) -> int:
    from bot.console import indexer, schema
    from bot.conversations import read_only_engine

    settings = get_settings()
    db = schema.open_console_db(resolve_sqlite_url(settings.console_db_url))
    done = indexer.refresh(db, read_only_engine(settings.tracker_db_url))
    print(f"Indexed {done} new events.")
    return 0


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    parser = argparse.ArgumentParser(prog="python -m bot.console", description="Staff console")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve", help="run the console web app").set_defaults(func=_serve)
    user = sub.add_parser("create-user", help="create a user or reset a password")
    user.add_argument("name")
    user.add_argument("--role", choices=ROLES, default="reviewer")
    user.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    user.set_defaults(func=_create_user)
    keep = sub.add_parser(
        "retention", help="delete conversations older than RETENTION_DAYS (not those on hold)"
    )
    keep.add_argument(
        "--allow-zero-days",
        action="store_true",
        help="accept RETENTION_DAYS=0, which deletes every conversation not on hold",
    )
    keep.set_defaults(func=_retention)
    erase = sub.add_parser("erase", help="erase one conversation everywhere")
    erase.add_argument("conversation_id", help="Rasa sender id or console pseudonym (P-...)")
    erase.set_defaults(func=_erase)
    sub.add_parser("reindex", help="bring the conversation index up to date").set_defaults(func=_reindex)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
