"""The staff console's aiohttp application: factory, middlewares and rendering.

Login is required for every route but the login page and the stylesheet;
every POST carries a CSRF token; pages are never cached and may not be framed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from aiohttp import web
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from bot.console import auth, indexer, schema
from bot.console.severity import crisis_level
from bot.conversations import read_only_engine
from bot.db import make_engine, make_session_factory
from bot.directory.models import Service as DirectoryService
from bot.settings import Settings, get_settings, resolve_sqlite_url

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "console_session"
PRE_COOKIE = "console_pre"
PUBLIC = ("/login", "/static/", "/oruk/")  # /oruk/: the public directory feed (bot.directory.api)
REFRESH_SECONDS = 3.0


@dataclass
class Console:
    """Everything the handlers share."""

    settings: Settings
    db: Engine
    tracker: Engine
    secret: bytes
    templates: jinja2.Environment
    directory_db: Engine | None = None  # the service directory (bot/directory), read and edited
    _warned: bool = False

    def directory(self) -> Session:
        """A new session on the service directory."""
        if self.directory_db is None:
            raise RuntimeError("the console has no directory database")
        return make_session_factory(self.directory_db)()

    def service_name(self, service_id: str) -> str:
        """A directory service's name, or its id when the directory does not know it."""
        if self.directory_db is None:
            return service_id
        try:
            with self.directory() as session:
                name = session.scalar(select(DirectoryService.name).where(DirectoryService.id == service_id))
        except SQLAlchemyError:
            return service_id
        return str(name) if name else service_id

    def refresh_index(self, max_batches: int | None = None) -> int:
        """Index new events; a page request (max_batches set) waits at most 2 s for a running refresh."""
        try:
            return indexer.refresh(
                self.db,
                self.tracker,
                max_batches=max_batches,
                wait=-1 if max_batches is None else 2.0,
                service_name=self.service_name,
            )
        except OperationalError as err:
            # Typically: Rasa has not created the tracker store yet. Say so once, not every 3 s.
            if not self._warned:
                log.warning("tracker store not readable yet: %s", err.orig)
                self._warned = True
            return 0
        except Exception:  # noqa: BLE001 - the inbox still answers from the index it has
            log.exception("index refresh failed")
            return 0


CONSOLE = web.AppKey("console", Console)


def _fmt_ts(ts: float | None) -> str:
    if not ts:
        return ""
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%d %H:%M")


def _duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes}m"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours}h {minutes}m"
    return f"{hours // 24}d {hours % 24}h"


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=jinja2.select_autoescape(["html"], default=True),
    )
    env.filters["ts"] = _fmt_ts
    env.filters["duration"] = _duration
    env.filters["risk_label"] = lambda code: crisis_level(str(code)).label
    return env


def render(request: web.Request, name: str, status: int = 200, **context: Any) -> web.Response:
    """Render a template with the session, CSRF token and current time."""
    console = request.app[CONSOLE]
    session = request.get("session")
    body = console.templates.get_template(name).render(
        session=session,
        user=session.user if session else None,
        csrf=session.csrf if session else "",
        now=time.time(),
        path=request.path,
        **context,
    )
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")


def deny(request: web.Request, status: int, message: str) -> web.Response:
    """An error page (or plain text for non-HTML clients)."""
    if "text/html" in request.headers.get("Accept", "") and request.get("session") is not None:
        return render(request, "error.html", status=status, message=message)
    return web.Response(text=message, status=status, content_type="text/plain")


@web.middleware
async def security_headers(request: web.Request, handler: Any) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        response = exc
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    )
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    if not request.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"
    if isinstance(response, web.HTTPException):
        raise response
    return response


@web.middleware
async def require_login(request: web.Request, handler: Any) -> web.StreamResponse:
    console = request.app[CONSOLE]
    token = request.cookies.get(SESSION_COOKIE)
    session = None
    if token:
        with console.db.begin() as conn:
            session = auth.load_session(conn, token, console.settings.console_session_minutes)
    request["session"] = session
    if session is None and not request.path.startswith(PUBLIC):
        if request.method == "GET" and "text/html" in request.headers.get("Accept", "text/html"):
            target = request.path_qs if request.path != "/" else "/"
            raise web.HTTPFound("/login?next=" + quote(target, safe=""))
        return web.Response(
            status=401, text="login required", headers={"WWW-Authenticate": 'Form realm="console"'}
        )
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        form = await request.post()
        sent = form.get("csrf_token")
        if session is not None:
            expected = session.csrf
        else:
            expected = auth.login_csrf(console.secret, request.cookies.get(PRE_COOKIE, ""))
            if not request.cookies.get(PRE_COOKIE):
                expected = ""
        if not auth.tokens_equal(str(sent) if sent else None, expected):
            return web.Response(
                status=403, text="CSRF token missing or wrong: reload the page and try again."
            )
    return await handler(request)


def set_cookie(response: web.StreamResponse, console: Console, name: str, value: str) -> None:
    response.set_cookie(
        name, value, httponly=True, samesite="Strict", secure=console.settings.console_cookie_secure, path="/"
    )


async def _refresh_loop(app: web.Application) -> None:
    console = app[CONSOLE]
    loop = asyncio.get_running_loop()
    while True:
        await loop.run_in_executor(None, console.refresh_index)
        await asyncio.sleep(REFRESH_SECONDS)


async def _retention_loop(app: web.Application) -> None:
    from bot.console import retention

    console = app[CONSOLE]
    loop = asyncio.get_running_loop()
    hours = console.settings.retention_schedule_hours
    while True:
        await asyncio.sleep(hours * 3600)
        try:
            await loop.run_in_executor(
                None, retention.run_retention, console.db, console.settings, "schedule"
            )
        except retention.RetentionRefused as err:
            log.warning("scheduled retention refused: %s", err)
        except Exception:  # noqa: BLE001 - try again at the next interval
            log.exception("scheduled retention failed")


async def _background(app: web.Application):  # noqa: ANN202 - aiohttp cleanup context
    tasks = [asyncio.create_task(_refresh_loop(app))]
    if app[CONSOLE].settings.retention_schedule_hours > 0:
        tasks.append(asyncio.create_task(_retention_loop(app)))
    yield
    for task in tasks:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    app[CONSOLE].tracker.dispose()
    app[CONSOLE].db.dispose()


def secret_key(db: Engine, settings: Settings) -> bytes:
    """The configured secret, or one made once and kept in the console database."""
    if settings.console_secret_key:
        return settings.console_secret_key.encode()
    with db.begin() as conn:
        value = indexer._meta_get(conn, "secret_key")  # noqa: SLF001 - same package
        if value is None:
            value = secrets.token_hex(32)
            indexer._meta_set(conn, "secret_key", value)  # noqa: SLF001
    return value.encode()


def create_app(settings: Settings | None = None, *, background: bool = True) -> web.Application:
    """Build the console application.

    Args:
        settings: Settings to use (defaults to the process settings).
        background: Run the index refresh (and retention schedule) in the background.
    """
    from bot.console import views, views_admin, views_directory
    from bot.directory import api as oruk_api

    settings = settings or get_settings()
    db = schema.open_console_db(resolve_sqlite_url(settings.console_db_url))
    directory = make_engine(resolve_sqlite_url(settings.directory_db_url))
    console = Console(
        settings,
        db,
        read_only_engine(settings.tracker_db_url),
        secret_key(db, settings),
        _templates(),
        directory,
    )
    app = web.Application(middlewares=[security_headers, require_login], client_max_size=256 * 1024)
    app[CONSOLE] = console
    views.add_routes(app)
    views_admin.add_routes(app)
    views_directory.add_routes(app)
    oruk_api.add_routes(app, settings.directory_db_url)
    app.router.add_static("/static/", HERE / "static", show_index=False)
    if background:
        app.cleanup_ctx.append(_background)

    async def _dispose_directory(_: web.Application) -> None:
        directory.dispose()

    app.on_cleanup.append(_dispose_directory)  # type: ignore[arg-type]  # as in bot.directory.api
    return app
