"""Log-in, inbox, transcript and review handlers."""

from __future__ import annotations

import asyncio
import secrets

from aiohttp import web

from bot.console import audit, auth, store
from bot.console.app import CONSOLE, PRE_COOKIE, SESSION_COOKIE, deny, render, set_cookie
from bot.console.store import CATEGORIES, CHANNELS, Filters
from bot.console.transcript import build_turns, flagged_turn
from bot.conversations import conversation_events

routes = web.RouteTableDef()


def _safe_next(value: str | None) -> str:
    # Only local paths: no scheme, no host, no protocol-relative "//".
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/inbox"


@routes.get("/login")
async def login_page(request: web.Request) -> web.Response:
    console = request.app[CONSOLE]
    pre = request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(24)
    response = render(
        request,
        "login.html",
        login_csrf=auth.login_csrf(console.secret, pre),
        error="",
        next=_safe_next(request.query.get("next")),
    )
    set_cookie(response, console, PRE_COOKIE, pre)
    return response


@routes.post("/login")
async def login(request: web.Request) -> web.Response:
    console = request.app[CONSOLE]
    form = await request.post()
    username = str(form.get("username", ""))[:64]
    password = str(form.get("password", ""))[:1024]
    pre = request.cookies.get(PRE_COOKIE, "")
    error = ""
    # One transaction that commits either way: failed attempts must be counted.
    with console.db.begin() as conn:
        try:
            user = auth.authenticate(conn, username, password)
        except auth.AuthError as err:
            error = str(err)
            audit.record(conn, username or "?", "login_failed", detail=err.reason)
        else:
            token = auth.start_session(conn, user)
            audit.record(conn, user.username, "login")
    if error:
        await asyncio.sleep(0.2)
        return render(
            request,
            "login.html",
            status=401,
            login_csrf=auth.login_csrf(console.secret, pre),
            error=error,
            next=_safe_next(str(form.get("next", ""))),
        )
    response = web.HTTPFound(_safe_next(str(form.get("next", ""))))
    set_cookie(response, console, SESSION_COOKIE, token)
    response.del_cookie(PRE_COOKIE, path="/")
    raise response


@routes.post("/logout")
async def logout(request: web.Request) -> web.Response:
    console = request.app[CONSOLE]
    session = request["session"]
    with console.db.begin() as conn:
        auth.end_session(conn, session.token_hash)
        audit.record(conn, session.user.username, "logout")
    response = web.HTTPFound("/login")
    response.del_cookie(SESSION_COOKIE, path="/")
    raise response


@routes.get("/")
async def home(_request: web.Request) -> web.Response:
    raise web.HTTPFound("/inbox?view=queue")


@routes.get("/inbox")
async def inbox(request: web.Request) -> web.Response:
    console = request.app[CONSOLE]
    # Pick up what Rasa wrote since the last refresh (bounded; the background task does the rest).
    await asyncio.get_running_loop().run_in_executor(None, console.refresh_index, 2)
    filters = Filters.parse(request.query)
    with console.db.connect() as conn:
        rows, total = store.inbox(conn, filters)
        intents = store.facet_choices(conn, "intent")
        places = store.facet_choices(conn, "place")
    pages = max(1, -(-total // store.PAGE_SIZE))
    return render(
        request,
        "inbox.html",
        rows=rows,
        total=total,
        f=filters,
        pages=pages,
        intents=intents,
        places=places,
        channels=CHANNELS,
        categories=CATEGORIES,
    )


def conversation(request: web.Request) -> store.ConversationSummary:
    """The conversation named in the URL, or 404."""
    with request.app[CONSOLE].db.connect() as conn:
        conv = store.by_pseudonym(conn, request.match_info["pid"][:32])
    if conv is None:
        raise web.HTTPNotFound(text="No such conversation (it may have been erased).")
    return conv


def transcript_page(
    request: web.Request,
    conv: store.ConversationSummary,
    *,
    reveal: bool = False,
    reason: str = "",
    status: int = 200,
    error: str = "",
) -> web.Response:
    console = request.app[CONSOLE]
    with console.tracker.connect() as tconn:
        events = conversation_events(tconn, conv.sender_id)
    with console.db.begin() as conn:
        notes = store.notes_for(conn, conv.id)
        facets = store.facet_values(conn, conv.id)
        audit.record(
            conn, request["session"].user.username, "reveal" if reveal else "view", conv.pseudonym, reason
        )
    turns = build_turns(events, reveal)
    # Readable by default; intents, confidences, slots and actions only on request.
    details = request.query.get("details") == "1"
    return render(
        request,
        "transcript.html",
        status=status,
        conv=conv,
        turns=turns,
        flagged=flagged_turn(turns),
        details=details,
        notes=notes,
        facets=facets,
        reveal=reveal,
        reason=reason,
        error=error,
        sender_id=conv.sender_id if reveal else "",
        categories=CATEGORIES,
    )


@routes.get("/c/{pid}")
async def transcript(request: web.Request) -> web.Response:
    return transcript_page(request, conversation(request))


async def _form(request: web.Request) -> dict[str, str]:
    return {k: str(v) for k, v in (await request.post()).items()}


def _back(conv: store.ConversationSummary) -> web.HTTPFound:
    return web.HTTPFound(f"/c/{conv.pseudonym}")


@routes.post("/c/{pid}/review")
async def review(request: web.Request) -> web.Response:
    conv = conversation(request)
    form = await _form(request)
    action = form.get("action", "")
    changes = {
        "reviewed": {"reviewed": True},
        "unreviewed": {"reviewed": False},
        "follow_up": {"follow_up": True},
        "no_follow_up": {"follow_up": False},
    }.get(action)
    if changes is None:
        return deny(request, 400, "Unknown review action.")
    with request.app[CONSOLE].db.begin() as conn:
        store.set_review(conn, conv.id, **changes)
        audit.record(conn, request["session"].user.username, action, conv.pseudonym)
    raise _back(conv)


@routes.post("/c/{pid}/tags")
async def tags(request: web.Request) -> web.Response:
    conv = conversation(request)
    form = await _form(request)
    tag = form.get("tag", "").strip()
    if not tag:
        return deny(request, 400, "A tag needs a name.")
    with request.app[CONSOLE].db.begin() as conn:
        if form.get("remove"):
            store.remove_tag(conn, conv.id, tag)
            audit.record(conn, request["session"].user.username, "untag", conv.pseudonym, tag[:64])
        else:
            store.add_tag(conn, conv.id, tag)
            audit.record(conn, request["session"].user.username, "tag", conv.pseudonym, tag[:64])
    raise _back(conv)


@routes.post("/c/{pid}/notes")
async def notes(request: web.Request) -> web.Response:
    conv = conversation(request)
    text = (await _form(request)).get("text", "").strip()
    if not text:
        return transcript_page(request, conv, status=400, error="A note cannot be empty.")
    with request.app[CONSOLE].db.begin() as conn:
        store.add_note(conn, conv.id, request["session"].user.username, text)
        audit.record(conn, request["session"].user.username, "note", conv.pseudonym)
    raise _back(conv)


@routes.post("/c/{pid}/close-flag")
async def close_flag(request: web.Request) -> web.Response:
    conv = conversation(request)
    note = (await _form(request)).get("note", "").strip()
    if not conv.flagged:
        return transcript_page(request, conv, status=400, error="This conversation has no open flag.")
    if len(note) < 3:
        return transcript_page(
            request, conv, status=400, error="A flag cannot be closed without a note saying what was done."
        )
    with request.app[CONSOLE].db.begin() as conn:
        store.close_flag(conn, conv.id, request["session"].user.username, note)
        audit.record(conn, request["session"].user.username, "close_flag", conv.pseudonym, conv.flag_reason)
    raise _back(conv)


def add_routes(app: web.Application) -> None:
    app.router.add_routes(routes)
