"""The directory in the staff console: editing, stale services and parents' reports (aiohttp test client)."""

from __future__ import annotations

import re
import shutil
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml
from aiohttp.test_utils import TestClient, TestServer
from rasa.shared.core.events import SlotSet

from bot.console import auth, schema
from bot.console.app import CONSOLE, create_app
from bot.console.views_directory import today
from bot.db import make_engine, make_session_factory
from bot.directory import edits
from bot.directory.build import build
from bot.directory.places import load_gazetteer
from bot.directory.queries import find_services
from tools.console.fill import action, bot, conversation, fill, user
from tools.console.server import CSRF_RE, PASSWORDS, add_users, console_settings

FIXTURES = Path(__file__).resolve().parents[1] / "directory" / "fixtures"
EDITOR_PASSWORD = "editor-password-1"
# Days since each fixture service was checked (the copy's dates are set from today).
AGES = {"brecon-walk": 10, "old-record": 200, "example-helpline": 400}


def _report(sender_start: float, service_id: str) -> list[Any]:
    """A parent taps "this information is wrong" on a service card."""
    t = iter(sender_start + i for i in range(20))
    return [
        action("action_listen", next(t)),
        user("the number for that group doesn't work", "report_wrong_info", 0.9, ts=next(t)),
        action("action_report_directory", next(t)),
        SlotSet("directory_report", service_id, timestamp=next(t)),
        bot("Thank you for telling us. Someone will check it.", "utter_report_thanks", ts=next(t)),
        action("action_listen", next(t)),
    ]


@pytest.fixture(scope="module")
def tracker(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("tracker") / "tracker.db"
    start = 1_700_000_000.0
    senders = {
        "report": "test-report",
        "unknown": "test-report-unknown",
        "checkin": "test-checkin",
        "fallback": "test-fallback",
    }
    fill(
        path,
        {
            senders["checkin"]: conversation("checkin", start),
            senders["fallback"]: conversation("fallback", start + 100),
            senders["report"]: _report(start + 200, "brecon-walk"),
            senders["unknown"]: _report(start + 300, "gone-service"),
        },
    )
    return path, senders


@pytest.fixture
def services(tmp_path: Path) -> Path:
    """A copy of the small fixture directory, its services checked AGES days ago."""
    shutil.copytree(FIXTURES, tmp_path / "data")
    for file in (tmp_path / "data" / "services.yml", *(tmp_path / "data" / "services").glob("*.yml")):
        doc = yaml.safe_load(file.read_text(encoding="utf-8"))
        for org in doc["organisations"]:
            for svc in org["services"]:
                svc["assured_date"] = today() - timedelta(days=AGES[svc["id"]])
        file.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return tmp_path / "data" / "services.yml"


@pytest.fixture
def directory_url(tmp_path: Path, services: Path) -> str:
    url = f"sqlite:///{tmp_path / 'var' / 'directory.db'}"
    build(url, services)
    return url


@pytest.fixture
async def console(tmp_path: Path, tracker, directory_url: str) -> AsyncIterator[TestClient]:
    settings = console_settings(tmp_path, tracker[0], directory_db_url=directory_url)
    add_users(settings)
    engine = schema.open_console_db(settings.console_db_url)
    with engine.begin() as conn:
        auth.create_user(conn, "editor", EDITOR_PASSWORD, "editor")
    engine.dispose()
    async with TestClient(TestServer(create_app(settings, background=False))) as client:
        yield client


async def _login(client: TestClient, name: str) -> None:
    client.session.cookie_jar.clear()
    page = await (await client.get("/login", headers={"Accept": "text/html"})).text()
    password = EDITOR_PASSWORD if name == "editor" else PASSWORDS[name]
    done = await client.post(
        "/login",
        data={"username": name, "password": password, "next": "/directory", "csrf_token": _csrf(page)},
    )
    assert done.status == 200 and "Log out" in await done.text()


def _csrf(html: str) -> str:
    found = CSRF_RE.search(html)
    assert found, "no CSRF token in the page"
    return found.group(1)


async def _page(client: TestClient, path: str) -> tuple[int, str]:
    response = await client.get(path, headers={"Accept": "text/html"})
    return response.status, await response.text()


async def _post(
    client: TestClient,
    path: str,
    data: dict[str, str],
    csrf_from: str = "/directory",
) -> tuple[int, str]:
    _, page = await _page(client, csrf_from)
    response = await client.post(
        path, data={**data, "csrf_token": _csrf(page)}, headers={"Accept": "text/html"}
    )
    return response.status, await response.text()


async def _form_of(client: TestClient, service_id: str) -> dict[str, str]:
    """The edit form's fields as the page fills them in."""
    _, page = await _page(client, f"/directory/s/{service_id}")
    form = page[page.index(f'action="/directory/s/{service_id}/edit"') :]
    form = form[: form.index("</form>")]
    values = dict(re.findall(r'<input name="([a-z_]+)" value="([^"]*)"', form))
    values |= dict(re.findall(r'<input type="date" name="([a-z_]+)" value="([^"]*)"', form))
    values |= dict(re.findall(r'<textarea name="([a-z_]+)" rows="\d">([^<]*)</textarea>', form))
    for name, options in re.findall(r'<select name="([a-z_]+)">(.*?)</select>', form):
        values[name] = re.search(r'<option value="([^"]+)" selected>', options).group(1)
    return {k: v.replace("&#39;", "'").replace("&amp;", "&") for k, v in values.items()}


def _search(url: str, need: str = "loneliness") -> list[Any]:
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            return list(find_services(session, load_gazetteer().resolve("Brecon").place, need=need).services)
    finally:
        engine.dispose()


def _record(url: str, service_id: str) -> dict[str, Any]:
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            found = edits.record_of(session, service_id)
            assert found is not None
            return found[1]
    finally:
        engine.dispose()


def _audit_rows(client: TestClient, action: str) -> list[Any]:
    with client.server.app[CONSOLE].db.connect() as conn:
        return list(conn.execute(sa.select(schema.audit).where(schema.audit.c.action == action)))


async def test_an_editor_edits_a_service_and_the_next_search_sees_it(
    console: TestClient, directory_url: str
) -> None:
    assert [c.phone for c in _search(directory_url)] == ["01874 000000"]  # the search cached this build
    await _login(console, "editor")
    form = await _form_of(console, "brecon-walk")
    assert form["phones"] == "01874 000000 | voice | Group leader | Tuesdays, 9am to 12pm"
    status, page = await _post(
        console,
        "/directory/s/brecon-walk/edit",
        {**form, "phones": "01874 123456 | voice | Group leader"},
        csrf_from="/directory/s/brecon-walk",
    )
    assert status == 200 and "Saved." in page
    assert [c.phone for c in _search(directory_url)] == ["01874 123456"]
    assert "Tuesdays, 9am to 12pm" in page and "01874 123456" in page  # the history: old → new
    [row] = _audit_rows(console, "directory_edit")
    assert (row.actor, row.target) == ("editor", "brecon-walk")
    assert row.detail.startswith("phones: [{") and "'01874 000000'" in row.detail and "→" in row.detail
    assert "'number': '01874 123456'" in row.detail.split("→")[1]


async def test_a_reviewer_can_read_the_directory_but_not_change_it(
    console: TestClient, directory_url: str
) -> None:
    before = _record(directory_url, "brecon-walk")
    await _login(console, "reviewer")
    status, page = await _page(console, "/directory/s/brecon-walk")
    assert status == 200 and "Brecon buggy walk" in page and "/directory/s/brecon-walk/edit" not in page
    for path, data in (
        ("/directory/s/brecon-walk/edit", {"name": "Hijacked"}),
        ("/directory/s/brecon-walk/retire", {}),
        ("/directory/s/brecon-walk/reassure", {"source": "https://example.org/"}),
        ("/directory/new", {"id": "new-one", "name": "New"}),
    ):
        assert (await _post(console, path, data))[0] == 403, path
    assert (await _page(console, "/directory/new"))[0] == 403
    assert _record(directory_url, "brecon-walk") == before


async def test_an_edit_without_the_csrf_token_or_a_login_changes_nothing(
    console: TestClient, directory_url: str
) -> None:
    before = _record(directory_url, "brecon-walk")
    await _login(console, "editor")
    forged = await console.post("/directory/s/brecon-walk/retire", data={})
    assert forged.status == 403 and "CSRF" in await forged.text()
    console.session.cookie_jar.clear()
    anonymous = await console.post(
        "/directory/s/brecon-walk/retire", data={}, headers={"Accept": "application/json"}
    )
    assert anonymous.status == 401
    assert _record(directory_url, "brecon-walk") == before


async def test_an_invalid_edit_is_refused_with_the_reasons_and_nothing_changes(
    console: TestClient, directory_url: str
) -> None:
    before = _record(directory_url, "brecon-walk")
    await _login(console, "editor")
    form = await _form_of(console, "brecon-walk")
    status, page = await _post(
        console,
        "/directory/s/brecon-walk/edit",
        {**form, "source": "brecon-parents.example.org/walk", "phones": "01874 12", "name": "Renamed"},
        csrf_from="/directory/s/brecon-walk",
    )
    assert status == 400
    assert "Not saved: nothing was changed" in page
    assert "source must be an http(s) URL" in page and "bad phone number &#39;01874 12&#39;" in page
    assert 'value="Renamed"' in page  # the editor's input is kept to fix
    assert _record(directory_url, "brecon-walk") == before
    assert _audit_rows(console, "directory_edit") == []
    assert "None: the record is as the YAML has it." in (await _page(console, "/directory/s/brecon-walk"))[1]


async def test_console_edits_survive_a_rebuild_from_the_yaml(
    console: TestClient, directory_url: str, services: Path
) -> None:
    await _login(console, "editor")
    form = await _form_of(console, "brecon-walk")
    await _post(
        console,
        "/directory/s/brecon-walk/edit",
        {**form, "phones": "01874 123456"},
        csrf_from="/directory/s/brecon-walk",
    )
    await _post(console, "/directory/s/example-helpline/retire", {})
    build(directory_url, services)
    assert [c.phone for c in _search(directory_url)] == ["01874 123456"]
    assert _record(directory_url, "example-helpline")["status"] == "inactive"
    _, page = await _page(console, "/directory/s/brecon-walk")
    assert "01874 123456" in page and "<td>editor</td><td>edit</td>" in page


async def test_retire_and_reassure(console: TestClient, directory_url: str) -> None:
    await _login(console, "editor")
    assert "Example helpline" in {c.name for c in _search(directory_url, need="anxiety")}
    status, page = await _post(console, "/directory/s/example-helpline/retire", {})
    assert status == 200 and "Retired: the bot no longer offers it." in page
    assert "Example helpline" not in {c.name for c in _search(directory_url, need="anxiety")}
    assert _record(directory_url, "example-helpline")["status"] == "inactive"  # kept, not deleted
    status, page = await _post(
        console, "/directory/s/old-record/reassure", {"source": "https://new.example.org/about-us"}
    )
    assert status == 200 and "Re-assured: checked today." in page
    record = _record(directory_url, "old-record")
    assert (record["assured_date"], record["source"]) == (today(), "https://new.example.org/about-us")
    refused, page = await _post(console, "/directory/s/brecon-walk/reassure", {"source": "not a url"})
    assert refused == 400 and "source must be an http(s) URL" in page
    assert _record(directory_url, "brecon-walk")["assured_date"] == today() - timedelta(days=10)
    [row] = _audit_rows(console, "directory_reassure")
    assert row.target == "old-record"
    assert f"assured_date: {today() - timedelta(days=200)} → {today()}" in row.detail


async def test_an_editor_adds_a_service_the_bot_can_offer(console: TestClient, directory_url: str) -> None:
    await _login(console, "editor")
    _, page = await _page(console, "/directory/new")
    assert '<option value="brecon-group"' in page
    new = {
        "id": "brecon-cafe",
        "organisation": "brecon-group",
        "name": "Brecon baby cafe",
        "description": "A drop-in cafe for parents.",
        "eligibility_description": "Parents of babies.",
        "kind": "group",
        "status": "active",
        "audience": "mum, dad",
        "needs": "loneliness",
        "delivery": "in_person",
        "service_area": "Brecon and district",
        "url": "https://brecon-parents.example.org/cafe",
        "source": "https://brecon-parents.example.org/cafe",
        "assured_date": today().isoformat(),
    }
    refused, page = await _post(
        console, "/directory/new", {**new, "service_area": "Narnia"}, csrf_from="/directory/new"
    )
    assert refused == 400 and "unknown service_area &#39;Narnia&#39; (not in places.yml)" in page
    assert "Brecon baby cafe" not in {c.name for c in _search(directory_url)}
    status, page = await _post(console, "/directory/new", new, csrf_from="/directory/new")
    assert status == 200 and "Service added." in page
    assert {c.name for c in _search(directory_url)} == {"Brecon baby cafe", "Brecon buggy walk"}
    [row] = _audit_rows(console, "directory_add")
    assert (row.actor, row.target) == ("editor", "brecon-cafe") and "name: — → Brecon baby cafe" in row.detail


async def test_the_stale_list_is_oldest_first_with_a_link_to_reassure(console: TestClient) -> None:
    await _login(console, "reviewer")
    status, page = await _page(console, "/directory/stale")
    assert status == 200
    listed = re.findall(r'<a href="/directory/s/([a-z-]+)#reassure">Re-assure</a>', page)
    assert listed == ["example-helpline", "old-record"]  # 400 and 200 days; brecon-walk (10) is not stale
    assert "Services not checked for six months <small>2</small>" in page


async def test_a_reassured_service_leaves_the_stale_list(console: TestClient) -> None:
    await _login(console, "editor")
    await _post(
        console,
        "/directory/s/example-helpline/reassure",
        {"source": "https://news.example.org/helpline-launch"},
    )
    _, page = await _page(console, "/directory/stale")
    assert re.findall(r'<a href="/directory/s/([a-z-]+)#reassure">', page) == ["old-record"]


async def test_a_parents_report_is_queued_last_with_the_service_name_and_closes(console: TestClient) -> None:
    await _login(console, "editor")
    _, queue = await _page(console, "/inbox?view=queue")  # indexes the tracker
    badges = re.findall(r'<span class="badge tier-[a-z]+[^"]*">([^<]+)</span>', queue)
    assert badges == [
        "Check-in",
        "Repeated misunderstanding",
        "Directory report: Brecon buggy walk",
        "Directory report: gone-service",
    ]
    _, listing = await _page(console, "/directory")
    reports = listing[listing.index('id="reports"') : listing.index("<h2>Services</h2>")]
    assert '<a href="/directory/s/brecon-walk">Brecon buggy walk</a>' in reports
    assert "gone-service <small>(not in the directory)</small>" in reports
    pid = re.search(
        r'<a href="/directory/s/brecon-walk">Brecon buggy walk</a></h3>\s*'
        r'<ul class="reports"><li><a href="/c/(P-[a-z0-9]+)">',
        reports,
    ).group(1)
    _, service_page = await _page(console, "/directory/s/brecon-walk")
    assert f'<a href="/c/{pid}">{pid}</a>' in service_page
    report_id = re.search(r'action="/directory/reports/(\d+)/close"', service_page).group(1)
    status, after = await _post(
        console,
        f"/directory/reports/{report_id}/close",
        {"note": "phone number fixed", "back": "service"},
        csrf_from="/directory/s/brecon-walk",
    )
    assert status == 200 and "Report closed." in after and pid not in after
    _, queue = await _page(console, "/inbox?view=queue")
    assert "Directory report: Brecon buggy walk" not in queue and pid not in queue
    assert "Directory report: gone-service" in queue
    _, transcript = await _page(console, f"/c/{pid}")
    assert "Directory report closed (Brecon buggy walk): phone number fixed" in transcript
    [row] = _audit_rows(console, "close_report")
    assert (row.actor, row.target, row.detail) == ("editor", pid, "brecon-walk")
    again = await _post(console, f"/directory/reports/{report_id}/close", {"note": "twice"})
    assert again[0] == 404


async def test_a_reviewer_sees_reports_but_cannot_close_them(console: TestClient) -> None:
    await _login(console, "reviewer")
    await _page(console, "/inbox?view=queue")
    _, page = await _page(console, "/directory/s/brecon-walk")
    assert "1 open" in page and "/close" not in page
    assert (await _post(console, "/directory/reports/1/close", {"note": "x"}))[0] == 403


def test_a_report_made_again_after_closing_reopens(tmp_path: Path) -> None:
    """The indexer: one report per conversation and service; a new report after closing reopens it."""
    from bot.console import indexer, store
    from bot.conversations import read_only_engine

    path = tmp_path / "tracker.db"
    events = _report(1_700_000_000.0, "brecon-walk") + _report(1_700_000_050.0, "brecon-walk")
    fill(path, {"again": events})
    db = schema.open_console_db(f"sqlite:///{tmp_path / 'console.db'}")
    tracker_engine = read_only_engine(f"sqlite:///{path}")
    names = {"brecon-walk": "Brecon buggy walk"}
    indexer.refresh(db, tracker_engine, service_name=lambda sid: names.get(sid, sid))
    with db.begin() as conn:
        [report] = store.open_reports(conn)["brecon-walk"]
        store.close_report(conn, report.id, "editor", "")
        assert store.open_reports(conn) == {}
        assert store.by_pseudonym(conn, report.pseudonym).flagged is False
    fill(path, {"again": events + _report(1_700_000_100.0, "brecon-walk")})
    indexer.refresh(db, tracker_engine, service_name=lambda sid: names.get(sid, sid))
    with db.connect() as conn:
        [reopened] = store.open_reports(conn)["brecon-walk"]
        summary = store.by_pseudonym(conn, report.pseudonym)
    assert reopened.id == report.id
    assert [level.label for level in summary.flag_levels] == ["Directory report: Brecon buggy walk"]
    db.dispose()
    tracker_engine.dispose()
