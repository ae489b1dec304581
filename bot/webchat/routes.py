"""The widget's HTTP routes and the one cross-origin (CORS) policy of web chat.

Routes: ``/webchat/`` (demo page), ``/webchat/static/...``, ``/webchat/contacts.json``
(crisis contacts from data/safety/contacts.yml), ``/webchat/strings.json`` (the
widget's Welsh labels, from data/wording/cy.yml) and ``POST /webchat/history``
(the stored conversation of one session id; the id travels in the body, never
in the URL).

CORS: the channel answers for its own paths (the socket.io path and
``/webchat/``) with exactly one ``Access-Control-Allow-Origin``, whatever
Rasa's ``--cors`` says: ``*`` allows any site, a comma-separated list allows
those sites (and always the server's own pages). Rasa's CORS extension is told
these paths are done, so it adds no second header and does not answer their
preflight requests with its own empty one.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import BaseHTTPResponse, HTTPResponse
from sanic_cors.core import SANIC_CORS_EVALUATED

from bot.language import WELSH, widget_strings
from bot.webchat.contacts import load_contacts
from bot.webchat.messages import conversation_from_events

WEBCHAT_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEBCHAT_DIR / "static"
DEMO_TEMPLATE = WEBCHAT_DIR / "demo.html"
WIDGET_PREFIX = "/webchat"

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}

# A client session id must look random: a UUID (crypto.randomUUID) or at least
# 32 URL-safe characters. Anything else ("alice", "1") is replaced by a new id.
SESSION_ID_RE = re.compile(r"^[A-Za-z0-9_-]{32,128}$")


def valid_session_id(value: Any) -> bool:
    """True if `value` is a client session id we accept (unguessable-looking)."""
    return isinstance(value, str) and bool(SESSION_ID_RE.match(value))


def parse_origins(value: str | list[str] | None) -> list[str]:
    """``"*"``, ``"https://a.org, https://b.org"`` or a list, as a list of origins ("*" when empty)."""
    items = value.split(",") if isinstance(value, str) else list(value or [])
    origins = [str(o).strip().rstrip("/").lower() for o in items if str(o).strip()]
    return origins or ["*"]


class OriginPolicy:
    """Which sites may use the web chat channel from the browser, and the headers that say so."""

    def __init__(self, allowed: str | list[str] | None, socket_path: str) -> None:
        self.allowed = parse_origins(allowed)
        self.any = "*" in self.allowed
        self.socket_path = "/" + socket_path.strip("/")

    @staticmethod
    def _under(path: str, prefix: str) -> bool:
        return path == prefix or path.startswith(prefix + "/")

    def covers_socket(self, path: str) -> bool:
        """True for the socket.io path."""
        return self._under(path, self.socket_path)

    def covers(self, path: str) -> bool:
        """True for the channel's own paths (socket.io and the widget's routes)."""
        return self.covers_socket(path) or self._under(path, WIDGET_PREFIX)

    def allows(self, origin: str | None, host: str | None) -> bool:
        """No Origin (not a browser's cross-site call), the server's own pages, or a listed site."""
        if not origin:
            return True
        origin = origin.strip().rstrip("/").lower()
        if self.any or origin in self.allowed:
            return True
        return bool(host) and urlsplit(origin).netloc == str(host).lower()

    def headers(self, request: Request) -> dict[str, str]:
        """The CORS headers for a request from another site that is allowed; {} otherwise."""
        origin = request.headers.get("origin")
        if not origin or not self.allows(origin, request.host):
            return {}
        headers = {
            "Access-Control-Allow-Origin": origin,
            "Vary": "Origin",
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Content-Type",
        }
        if self.covers_socket(request.path):
            # socket.io's long-polling may send cookies (sticky sessions behind a load balancer).
            headers["Access-Control-Allow-Credentials"] = "true"
        return headers

    def install(self, app: Sanic) -> None:
        """Put the policy in front of every other request middleware of `app` (Rasa's CORS included)."""

        async def before(request: Request) -> HTTPResponse | None:
            if not self.covers(request.path):
                return None
            setattr(request.ctx, SANIC_CORS_EVALUATED, "1")  # Rasa's --cors: these paths are handled here
            origin = request.headers.get("origin")
            if self.covers_socket(request.path) and not self.allows(origin, request.host):
                return response.json(
                    {
                        "error": "origin not allowed",
                        "fix": "add this site to WEBCHAT_ALLOWED_ORIGINS (comma-separated, or * for any site)",
                    },
                    status=403,
                )
            if request.method == "OPTIONS":
                return response.empty(status=204, headers=self.headers(request))
            return None

        async def after(request: Request, resp: BaseHTTPResponse) -> None:
            if resp is None or not self.covers(request.path):
                return
            for key, value in self.headers(request).items():
                resp.headers[key] = value  # replaces, never adds a second value

        app.register_middleware(before, "request")
        app.request_middleware.remove(before)
        app.request_middleware.appendleft(before)
        app.register_middleware(after, "response")


def widget_blueprint(storage: str, exit_url: str) -> Blueprint:
    """Routes that serve the widget, its contacts, its Welsh labels and conversation restore.

    Their CORS headers come from :class:`OriginPolicy` (installed by the channel).
    """
    bp = Blueprint("webchat_widget", url_prefix=WIDGET_PREFIX)
    bp.static("/static", str(STATIC_DIR), name="webchat_static")

    @bp.route("/", methods=["GET"])
    async def demo(request: Request) -> HTTPResponse:
        contacts = json.dumps(load_contacts()).replace("<", "\\u003c")
        page = DEMO_TEMPLATE.read_text(encoding="utf-8")
        page = (
            page.replace("{{CONTACTS_JSON}}", contacts)
            .replace("{{STORAGE}}", html.escape(storage, quote=True))
            .replace("{{EXIT_URL}}", html.escape(exit_url, quote=True))
        )
        headers = {
            **SECURITY_HEADERS,
            "Content-Security-Policy": (
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                "connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
            ),
        }
        return response.html(page, headers=headers)

    @bp.route("/contacts.json", methods=["GET"])
    async def contacts(request: Request) -> HTTPResponse:
        return response.json(load_contacts(), headers=SECURITY_HEADERS)

    @bp.route("/strings.json", methods=["GET"])
    async def strings(request: Request) -> HTTPResponse:
        # The widget's Welsh labels (data/wording/cy.yml); English is built into the widget.
        return response.json({"cy": widget_strings(WELSH)}, headers=SECURITY_HEADERS)

    @bp.route("/history", methods=["POST"])
    async def history(request: Request) -> HTTPResponse:
        headers = {**SECURITY_HEADERS, **NO_STORE}
        try:
            session_id = (request.json or {}).get("session_id")
        except Exception:  # noqa: BLE001 - Sanic raises its own InvalidUsage for bad JSON
            session_id = None
        if not valid_session_id(session_id):
            return response.json({"error": "invalid session id"}, status=400, headers=headers)
        agent = getattr(request.app.ctx, "agent", None)
        store = getattr(agent, "tracker_store", None)
        if store is None:
            return response.json({"error": "not ready"}, status=503, headers=headers)
        tracker = await store.retrieve_full_tracker(session_id)
        events = [e.as_dict() for e in tracker.events] if tracker else []
        return response.json({"messages": conversation_from_events(events)}, headers=headers)

    return bp
