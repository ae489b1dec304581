"""Reveal, hold, exports (CSV, JSON, test story, safety case), dashboard and audit log."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone

from aiohttp import web

from bot.console import audit, store
from bot.console.app import CONSOLE, deny, render
from bot.console.store import CATEGORIES, Filters
from bot.console.transcript import build_turns, safety_case, test_story
from bot.console.views import _back, _form, conversation, transcript_page
from bot.conversations import conversation_events, conversations_events

routes = web.RouteTableDef()
EXPORT_LIMIT = 5000


def _admin(request: web.Request) -> None:
    if not request["session"].user.is_admin:
        raise web.HTTPForbidden(text="Admins only.")


@routes.post("/c/{pid}/reveal")
async def reveal(request: web.Request) -> web.Response:
    _admin(request)
    conv = conversation(request)
    reason = (await _form(request)).get("reason", "").strip()
    if len(reason) < 5:
        return transcript_page(request, conv, status=400, error="Say why you need to see the personal data.")
    return transcript_page(request, conv, reveal=True, reason=reason[:500])


@routes.post("/c/{pid}/hold")
async def hold(request: web.Request) -> web.Response:
    _admin(request)
    conv = conversation(request)
    on = (await _form(request)).get("hold") == "on"
    with request.app[CONSOLE].db.begin() as conn:
        store.set_review(conn, conv.id, hold=on)
        audit.record(conn, request["session"].user.username, "hold" if on else "release", conv.pseudonym)
    raise _back(conv)


def _attachment(text: str, name: str, content_type: str) -> web.Response:
    return web.Response(
        text=text,
        content_type=content_type,
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@routes.get("/c/{pid}/story.yml")
async def story(request: web.Request) -> web.Response:
    conv = conversation(request)
    console = request.app[CONSOLE]
    with console.tracker.connect() as tconn:
        turns = build_turns(conversation_events(tconn, conv.sender_id))
    with console.db.begin() as conn:
        audit.record(conn, request["session"].user.username, "export_story", conv.pseudonym)
    return _attachment(test_story(conv.pseudonym, turns), f"story-{conv.pseudonym}.yml", "text/yaml")


@routes.get("/c/{pid}/safety-case.yml")
async def safety(request: web.Request) -> web.Response:
    conv = conversation(request)
    console = request.app[CONSOLE]
    try:
        event_id = int(request.query.get("event", ""))
    except ValueError:
        return deny(request, 400, "Choose the message the bot missed.")
    category = request.query.get("category", "").upper()
    category = category if category in CATEGORIES else ""
    with console.tracker.connect() as tconn:
        turns = [
            x
            for x in build_turns(conversation_events(tconn, conv.sender_id))
            if x.kind == "user" and x.event_id == event_id
        ]
    if not turns:
        return deny(request, 404, "No such message in this conversation.")
    with console.db.begin() as conn:
        audit.record(conn, request["session"].user.username, "export_safety", conv.pseudonym, str(event_id))
    return _attachment(
        safety_case(conv.pseudonym, turns[0], category), f"safety-{conv.pseudonym}.yml", "text/yaml"
    )


def _export_rows(request: web.Request, fmt: str) -> tuple[Filters, list[dict]]:
    console = request.app[CONSOLE]
    filters = Filters.parse(request.query)
    with console.db.connect() as conn:
        convs = store.matching_ids(conn, filters, EXPORT_LIMIT)
    with console.tracker.connect() as tconn:
        events = conversations_events(tconn, [c.sender_id for c in convs])
    out = []
    for c in convs:
        turns = build_turns(events.get(c.sender_id, []))
        out.append(
            {
                "conversation": c.pseudonym,
                "channel": c.channel,
                "first": _iso(c.first_ts),
                "last": _iso(c.last_ts),
                "crisis": c.crisis,
                "fallbacks": c.fallback_count,
                "not_helped": c.not_helped_count,
                "reviewed": c.reviewed,
                "follow_up": c.follow_up,
                "turns": [
                    {
                        "time": _iso(x.ts),
                        "speaker": x.kind,
                        "text": x.text,
                        "intent": x.intent,
                        "confidence": x.confidence,
                        "flags": x.flags,
                    }
                    for x in turns
                    if x.kind in ("user", "bot")
                ],
            }
        )
    with console.db.begin() as conn:
        audit.record(
            conn,
            request["session"].user.username,
            "export_" + fmt,
            "",
            f"{len(out)} conversations; filters: {filters.query_string()}",
        )
    return filters, out


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=timezone.utc).isoformat(timespec="seconds")


@routes.get("/export.json")
async def export_json(request: web.Request) -> web.Response:
    _, rows = _export_rows(request, "json")
    return _attachment(
        json.dumps({"conversations": rows}, ensure_ascii=False, indent=1),
        "conversations.json",
        "application/json",
    )


@routes.get("/export.csv")
async def export_csv(request: web.Request) -> web.Response:
    _, rows = _export_rows(request, "csv")
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["conversation", "channel", "crisis", "time", "speaker", "intent", "confidence", "text"])
    for conv in rows:
        for turn in conv["turns"]:
            text = turn["text"]
            # Cells starting with = + - @ are formulas in spreadsheets: neutralise them.
            if text[:1] in ("=", "+", "-", "@"):
                text = "'" + text
            writer.writerow(
                [
                    conv["conversation"],
                    conv["channel"],
                    " ".join(conv["crisis"]),
                    turn["time"],
                    turn["speaker"],
                    turn["intent"] or "",
                    turn["confidence"] or "",
                    text,
                ]
            )
    return _attachment(buf.getvalue(), "conversations.csv", "text/csv")


@routes.get("/dashboard")
async def dashboard(request: web.Request) -> web.Response:
    console = request.app[CONSOLE]
    await __import__("asyncio").get_running_loop().run_in_executor(None, console.refresh_index, 2)
    try:
        days = max(1, min(int(request.query.get("days", "30")), 366))
    except ValueError:
        days = 30
    end = datetime.now(tz=timezone.utc).date()
    start = end - timedelta(days=days - 1)
    with console.db.connect() as conn:
        data = store.dashboard(conn, start, end)
    return render(request, "dashboard.html", d=data, days=days, start=start, end=end)


@routes.get("/audit")
async def audit_log(request: web.Request) -> web.Response:
    _admin(request)
    try:
        page = max(1, int(request.query.get("page", "1")))
    except ValueError:
        page = 1
    actor = request.query.get("actor", "")[:64]
    action = request.query.get("action", "")[:32]
    target = request.query.get("target", "")[:64]
    with request.app[CONSOLE].db.connect() as conn:
        rows, total = audit.entries(
            conn, limit=100, offset=(page - 1) * 100, actor=actor, action=action, target=target
        )
        intact = audit.verify(conn) if page == 1 else True
    return render(
        request,
        "audit.html",
        rows=rows,
        total=total,
        page=page,
        actor=actor,
        action=action,
        target=target,
        intact=intact,
    )


def add_routes(app: web.Application) -> None:
    app.router.add_routes(routes)


__all__ = ["add_routes", "date"]
