"""The service directory in the console: list, stale services, parents' reports, edits.

Everyone logged in may read these pages; editors and admins (auth.DIRECTORY_EDITORS)
add, edit, retire and re-assure services and close reports. Each change is
checked with the directory loader's rules, written to the live directory and to
its ``service_edit`` history (kept across rebuilds: bot/directory/edits.py), and
recorded in the console's audit log with the fields changed, old and new.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from aiohttp import web
from sqlalchemy.orm import Session

from bot.console import audit, store
from bot.console.app import CONSOLE, Console, deny, render
from bot.console.views import _form
from bot.directory import edits
from bot.directory.seed import STATUSES
from bot.directory.vocabulary import AUDIENCES, DELIVERY, KINDS, REFERRALS
from bot.settings import resolve_sqlite_url

routes = web.RouteTableDef()
LONDON = ZoneInfo("Europe/London")
T = TypeVar("T")

# The form's fields, in the YAML's names (data/directory/README.md). Opening times
# as structured schedules, locations, contacts and languages are kept as they are.
TEXT_FIELDS = (
    "name",
    "name_cy",
    "url",
    "email",
    "fees_description",
    "schedule",
    "application_process",
    "alert",
    "source",
)
LONG_FIELDS = ("description", "description_cy", "eligibility_description")
LIST_FIELDS = ("audience", "needs", "delivery", "referral", "service_area")
AGE_FIELDS = ("min_age_months", "max_age_months")
CHOICES = {
    "audience": sorted(AUDIENCES),
    "delivery": sorted(DELIVERY),
    "referral": sorted(REFERRALS),
    "kind": sorted(KINDS),
    "status": sorted(STATUSES),
}
PHONE_PARTS = ("number", "type", "description", "hours")


def today() -> date:
    """Today in the UK (the day a check is recorded against)."""
    return datetime.now(LONDON).date()


def _editor(request: web.Request) -> None:
    if not request["session"].user.can_edit_directory:
        raise web.HTTPForbidden(text="Directory editors only.")


def form_values(record: Mapping[str, Any]) -> dict[str, str]:
    """A record as the edit form shows it."""
    out = {key: str(record.get(key) or "") for key in (*TEXT_FIELDS, *LONG_FIELDS, "kind", "status")}
    out.update({key: ", ".join(record.get(key) or []) for key in LIST_FIELDS})
    out.update({key: "" if record.get(key) is None else str(record[key]) for key in AGE_FIELDS})
    assured = record.get("assured_date")
    out["assured_date"] = assured.isoformat() if isinstance(assured, date) else str(assured or "")
    out["phones"] = "\n".join(
        " | ".join(str(p.get(k) or "") for k in PHONE_PARTS).rstrip(" |") for p in record.get("phones") or []
    )
    return out


def parse_form(form: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The form's values in the YAML's shape, and what could not be read."""
    problems: list[str] = []
    values: dict[str, Any] = {key: form.get(key, "").strip() for key in (*TEXT_FIELDS, *LONG_FIELDS)}
    values.update({key: form.get(key, "").strip() for key in ("kind", "status")})
    for key in LIST_FIELDS:
        values[key] = [v.strip() for v in form.get(key, "").split(",") if v.strip()]
    for key in AGE_FIELDS:
        raw = form.get(key, "").strip()
        values[key] = None
        if raw:
            try:
                values[key] = int(raw)
            except ValueError:
                problems.append(f"{key} must be a whole number of months")
    raw_date = form.get("assured_date", "").strip()
    values["assured_date"] = None
    if raw_date:
        try:
            values["assured_date"] = date.fromisoformat(raw_date)
        except ValueError:
            problems.append("assured_date must be a date (YYYY-MM-DD)")
    phones = []
    for line in form.get("phones", "").splitlines():
        if line.strip():
            parts = [p.strip() for p in line.split("|")]
            phone = {k: v for k, v in zip(PHONE_PARTS, parts, strict=False) if v}
            phone.setdefault("type", "voice")
            phones.append(phone)
    values["phones"] = phones
    return values, problems


def _directory_url(console: Console) -> str:
    return resolve_sqlite_url(console.settings.directory_db_url)


async def _read(console: Console, fn: Callable[[Session], T]) -> T:
    def run() -> T:
        with console.directory() as session:
            return fn(session)

    return await asyncio.get_running_loop().run_in_executor(None, run)


async def _change(console: Console, fn: Callable[[Session], T]) -> T:
    """Run one change in a directory transaction, apart from any rebuild."""

    def run() -> T:
        with edits.lock(_directory_url(console)), console.directory() as session, session.begin():
            return fn(session)

    return await asyncio.get_running_loop().run_in_executor(None, run)


def _short(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    text = "—" if value in (None, "", []) else str(value)
    return text if len(text) <= 200 else text[:199] + "…"


def _audit(request: web.Request, edit: edits.Edit) -> None:
    detail = "; ".join(f"{c.field}: {_short(c.old)} → {_short(c.new)}" for c in edit.changes)
    with request.app[CONSOLE].db.begin() as conn:
        audit.record(
            conn, request["session"].user.username, f"directory_{edit.action}", edit.service_id, detail
        )


@routes.get("/directory")
async def directory(request: web.Request) -> web.Response:
    console = request.app[CONSOLE]
    day = today()
    services = await _read(console, edits.services)
    with console.db.connect() as conn:
        reports = store.open_reports(conn)
    stale = [s for s in services if s.needs_check(day)]
    return render(
        request,
        "directory.html",
        services=services,
        reports=reports,
        today=day,
        stale=len(stale),
        known={s.id for s in services},
    )


@routes.get("/directory/stale")
async def stale(request: web.Request) -> web.Response:
    day = today()
    rows = await _read(request.app[CONSOLE], lambda session: edits.stale(session, day))
    return render(request, "directory_stale.html", rows=rows, today=day, days=edits.STALE_DAYS)


def _service_page(
    request: web.Request,
    data: dict[str, Any],
    *,
    status: int = 200,
    problems: list[str] | None = None,
    values: dict[str, str] | None = None,
    message: str = "",
) -> web.Response:
    with request.app[CONSOLE].db.connect() as conn:
        reports = store.open_reports(conn, data["id"]).get(data["id"], [])
    return render(
        request,
        "directory_service.html",
        status=status,
        s=data,
        reports=reports,
        problems=problems or [],
        values=values or form_values(data["record"]),
        choices=CHOICES,
        message=message,
        today=today(),
        stale_days=edits.STALE_DAYS,
    )


def _load(session: Session, service_id: str) -> dict[str, Any] | None:
    found = edits.record_of(session, service_id)
    if found is None:
        return None
    org_id, record = found
    orgs = dict(edits.organisations(session))
    return {
        "id": service_id,
        "record": record,
        "organisation": orgs.get(org_id, org_id),
        "history": edits.history(session, service_id),
    }


async def _service(request: web.Request) -> dict[str, Any]:
    service_id = request.match_info["sid"][:64]
    data = await _read(request.app[CONSOLE], lambda session: _load(session, service_id))
    if data is None:
        raise web.HTTPNotFound(text="No such service in the directory.")
    return data


@routes.get("/directory/s/{sid}")
async def service(request: web.Request) -> web.Response:
    return _service_page(request, await _service(request), message=request.query.get("done", "")[:40])


async def _save(
    request: web.Request,
    action: str,
    values: dict[str, Any],
    form: dict[str, str] | None = None,
    **kwargs: Any,
) -> web.Response:
    """Apply a change; on a refusal show the page again with every problem and nothing changed."""
    _editor(request)
    data = await _service(request)
    user = request["session"].user.username
    try:
        edit = await _change(
            request.app[CONSOLE],
            lambda session: edits.save(session, user, action, data["id"], values, **kwargs),
        )
    except edits.EditError as err:
        return _service_page(
            request, data, status=400, problems=err.problems, values=form if form is not None else None
        )
    _audit(request, edit)
    raise web.HTTPFound(f"/directory/s/{data['id']}?done={action}")


@routes.post("/directory/s/{sid}/edit")
async def edit(request: web.Request) -> web.Response:
    _editor(request)
    form = await _form(request)
    values, problems = parse_form(form)
    if problems:
        return _service_page(request, await _service(request), status=400, problems=problems, values=form)
    return await _save(request, "edit", values, form)


@routes.post("/directory/s/{sid}/reassure")
async def reassure(request: web.Request) -> web.Response:
    form = await _form(request)
    checked = {"source": form.get("source", "").strip(), "assured_date": today()}
    return await _save(request, "reassure", checked)


@routes.post("/directory/s/{sid}/retire")
async def retire(request: web.Request) -> web.Response:
    return await _save(request, "retire", {"status": edits.RETIRED_STATUS})


@routes.get("/directory/new")
async def new_page(request: web.Request) -> web.Response:
    _editor(request)
    orgs = await _read(request.app[CONSOLE], edits.organisations)
    values = form_values({"status": "active", "assured_date": today()})
    return render(
        request,
        "directory_new.html",
        orgs=orgs,
        values=values,
        choices=CHOICES,
        problems=[],
        service_id="",
        organisation="",
    )


@routes.post("/directory/new")
async def new(request: web.Request) -> web.Response:
    _editor(request)
    console = request.app[CONSOLE]
    form = await _form(request)
    service_id = form.get("id", "").strip()[:64]
    organisation = form.get("organisation", "").strip()[:64]
    values, problems = parse_form(form)
    user = request["session"].user.username
    if not problems:
        try:
            done = await _change(
                console,
                lambda session: edits.save(
                    session, user, "add", service_id, values, organization_id=organisation
                ),
            )
        except edits.EditError as err:
            problems = err.problems
        else:
            _audit(request, done)
            raise web.HTTPFound(f"/directory/s/{service_id}?done=add")
    orgs = await _read(console, edits.organisations)
    return render(
        request,
        "directory_new.html",
        status=400,
        orgs=orgs,
        values=form,
        choices=CHOICES,
        problems=problems,
        service_id=service_id,
        organisation=organisation,
    )


@routes.post("/directory/reports/{rid}/close")
async def close_report(request: web.Request) -> web.Response:
    _editor(request)
    try:
        report_id = int(request.match_info["rid"])
    except ValueError:
        raise web.HTTPNotFound(text="No such report.") from None
    form = await _form(request)
    note = form.get("note", "").strip()[:1000]
    user = request["session"].user.username
    with request.app[CONSOLE].db.begin() as conn:
        report = store.close_report(conn, report_id, user, note)
        if report is not None:
            audit.record(conn, user, "close_report", report.pseudonym, report.service_id)
    if report is None:
        return deny(request, 404, "No such open report (it may be closed already).")
    if form.get("back") == "service":
        raise web.HTTPFound(f"/directory/s/{report.service_id}?done=close_report")
    raise web.HTTPFound("/directory#reports")


def add_routes(app: web.Application) -> None:
    app.router.add_routes(routes)
