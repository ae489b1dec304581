"""Run the console in a background thread on a free port, and a logged-in HTTP client."""

from __future__ import annotations

import asyncio
import dataclasses
import re
import socket
import threading
from pathlib import Path

import requests
import sqlalchemy as sa
from aiohttp import web

from bot.console import auth, schema
from bot.console.app import create_app
from bot.settings import Settings, get_settings

PASSWORDS = {"admin": "admin-password-1", "reviewer": "reviewer-password-1"}


def console_settings(tmp: Path, tracker_db: Path, **changes: object) -> Settings:
    return dataclasses.replace(
        get_settings(),
        console_db_url=f"sqlite:///{tmp / 'console.db'}",
        tracker_db_url=f"sqlite:///{tracker_db}",
        console_secret_key="test-secret-key",
        console_host="127.0.0.1",
        **changes,
    )


def add_users(settings: Settings) -> None:
    engine = schema.open_console_db(settings.console_db_url)
    with engine.begin() as conn:
        for name, password in PASSWORDS.items():
            auth.create_user(conn, name, password, name)
    engine.dispose()


class ConsoleServer:
    """The console app served from a thread (its own event loop)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self.app = create_app(self.settings)
        self._runner = web.AppRunner(self.app)
        self._loop.run_until_complete(self._runner.setup())
        self._loop.run_until_complete(web.TCPSite(self._runner, "127.0.0.1", self.port).start())
        self._ready.set()
        self._loop.run_forever()

    def start(self) -> ConsoleServer:
        self._thread.start()
        assert self._ready.wait(30), "console did not start"
        return self

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "no CSRF token in page"
    return match.group(1)


def login(base: str, username: str, password: str | None = None) -> requests.Session:
    """A requests session logged in to the console."""
    client = requests.Session()
    client.headers["Accept"] = "text/html"
    page = client.get(base + "/login")
    resp = client.post(
        base + "/login",
        data={
            "username": username,
            "password": password or PASSWORDS[username],
            "csrf_token": csrf_of(page.text),
            "next": "/inbox",
        },
    )
    assert resp.status_code == 200 and "Log out" in resp.text, resp.text[:500]
    return client


def count_rows(db_url: str, table: str) -> int:
    engine = sa.create_engine(db_url, future=True)
    with engine.connect() as conn:
        n = conn.execute(sa.text(f"select count(*) from {table}")).scalar_one()  # noqa: S608 - test helper
    engine.dispose()
    return int(n)
