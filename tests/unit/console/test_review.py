"""Review actions, reveal, exports, audit log, retention and erasure."""

from __future__ import annotations

import html as html_lib
import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
import yaml

from bot.console import audit, schema
from tools.console.fill import conversation, fill, standard_set
from tools.console.server import ConsoleServer, add_users, console_settings, count_rows, csrf_of, login

REPO = Path(__file__).resolve().parents[3]


def _pid(client: requests.Session, base: str, **filters: str) -> str:
    html = client.get(base + "/inbox", params={"view": "all", **filters}).text
    return re.findall(r'href="/c/(P-[a-z0-9]+)"', html)[0]


def test_closing_a_flag_needs_a_note(console: ConsoleServer) -> None:
    client = login(console.url, "reviewer")
    pid = _pid(client, console.url, crisis="C1")
    page = client.get(f"{console.url}/c/{pid}")
    assert "[phone]" in page.text and "07700" not in page.text
    assert "116 123" in page.text and "0800 132 737" in page.text and "85258" in page.text
    refused = client.post(
        f"{console.url}/c/{pid}/close-flag", data={"note": "  ", "csrf_token": csrf_of(page.text)}
    )
    assert refused.status_code == 400 and "cannot be closed without a note" in refused.text
    done = client.post(
        f"{console.url}/c/{pid}/close-flag",
        data={"note": "Rang the parent, safe, GP informed", "csrf_token": csrf_of(page.text)},
    )
    assert done.status_code == 200 and "Rang the parent" in done.text and "flag closed" in done.text
    queue = client.get(console.url + "/inbox?view=queue").text
    assert pid not in queue


def test_notes_tags_follow_up(console: ConsoleServer) -> None:
    client = login(console.url, "reviewer")
    pid = _pid(client, console.url, intent="find_support", channel="rest")
    token = csrf_of(client.get(f"{console.url}/c/{pid}").text)
    client.post(
        f"{console.url}/c/{pid}/notes", data={"text": "Directory gap <b>Brecon</b>", "csrf_token": token}
    )
    client.post(f"{console.url}/c/{pid}/tags", data={"tag": "Directory gap", "csrf_token": token})
    page = client.post(f"{console.url}/c/{pid}/review", data={"action": "follow_up", "csrf_token": token})
    assert "Directory gap &lt;b&gt;Brecon&lt;/b&gt;" in page.text and "directory gap" in page.text
    assert "needs follow-up" in page.text
    assert pid in client.get(console.url + "/inbox?view=all&reviewed=follow_up").text
    assert (
        client.post(f"{console.url}/c/{pid}/notes", data={"text": "", "csrf_token": token}).status_code == 400
    )


def test_admin_reveal_needs_a_reason_and_is_audited(console: ConsoleServer) -> None:
    client = login(console.url, "admin")
    pid = _pid(client, console.url, crisis="C1")
    token = csrf_of(client.get(f"{console.url}/c/{pid}").text)
    assert (
        client.post(f"{console.url}/c/{pid}/reveal", data={"reason": "", "csrf_token": token}).status_code
        == 400
    )
    shown = client.post(
        f"{console.url}/c/{pid}/reveal", data={"reason": "safeguarding call back", "csrf_token": token}
    )
    assert "07700 900123" in shown.text and "test-crisis-1" in shown.text
    assert "07700" not in client.get(f"{console.url}/c/{pid}").text
    log = client.get(console.url + "/audit?action=reveal").text
    assert "safeguarding call back" in log and pid in log and "hash chain intact" in log


def test_exports_are_redacted_and_audited(console: ConsoleServer) -> None:
    client = login(console.url, "admin")
    data = client.get(console.url + "/export.json?view=all").json()["conversations"]
    assert len(data) == 9
    text = json.dumps(data)
    assert "07700" not in text and "jo@example.com" not in text and "test-" not in text
    assert "116 123" in text
    csv_text = client.get(console.url + "/export.csv?view=all&crisis=C1").text
    assert csv_text.count("\n") == 3 and "[phone]" in csv_text
    pid = _pid(client, console.url, q="fnargle")
    story = yaml.safe_load(client.get(f"{console.url}/c/{pid}/story.yml").text)
    steps = story["stories"][0]["steps"]
    assert steps[0] == {"user": "asdkjh qwe", "intent": "nlu_fallback"}
    assert {"action": "action_default_fallback"} in steps
    crisis = _pid(client, console.url, crisis="C1")
    page = client.get(f"{console.url}/c/{crisis}?details=1").text
    event = re.findall(r"safety-case.yml\?event=(\d+)", page)[0]
    case = yaml.safe_load(
        client.get(f"{console.url}/c/{crisis}/safety-case.yml?event={event}&category=C1").text
    )
    assert case[0]["text"] == "I want to die, call me on [phone]" and case[0]["expected_category"] == "C1"
    actions = client.get(console.url + "/audit").text
    for action in ("export_json", "export_csv", "export_story", "export_safety", "view", "login"):
        assert f"<td>{action}</td>" in actions


def test_bot_turns_are_redacted_everywhere_and_helplines_stay(console: ConsoleServer) -> None:
    client = login(console.url, "admin")
    pid = _pid(client, console.url, intent="inform")
    page = client.get(f"{console.url}/c/{pid}").text
    json_text = json.dumps(client.get(console.url + "/export.json?view=all&intent=inform").json())
    csv_text = client.get(console.url + "/export.csv?view=all&intent=inform").text
    for shown in (page, json_text, csv_text):
        # The bot repeated the parent's number, email and NHS number: all hidden.
        assert "Thanks. I have [phone] and [email], NHS number [NHS number]." in shown
        assert "07700" not in shown and "jo.bloggs" not in shown and "943 476 5919" not in shown
        # The helpline the parent tried, and the crisis contacts in the reply, stay readable.
        assert "I already rang 0808 802 5544. my number is [phone], [email]" in shown
        assert "Samaritans are on 116 123 and jo@samaritans.org." in shown


@pytest.fixture
def fresh_console(tmp_path: Path) -> Iterator[ConsoleServer]:
    """A console over a new standard set: no flag closed by other tests."""
    standard_set(tmp_path / "tracker.db")
    settings = console_settings(tmp_path, tmp_path / "tracker.db")
    add_users(settings)
    server = ConsoleServer(settings).start()
    yield server
    server.stop()


def test_transcript_is_readable_with_internals_on_request(fresh_console: ConsoleServer) -> None:
    console = fresh_console
    client = login(console.url, "reviewer")
    pid = _pid(client, console.url, crisis="C1")
    page = client.get(f"{console.url}/c/{pid}").text
    for internal in (
        "slot ",
        "session_started_metadata",
        "action utter_",
        "intent <b>",
        "(0.99)",
        "safety-case.yml",
        "utter_crisis",
    ):
        assert internal not in page
    assert "<b>Parent</b>" in page and "<b>Bot</b>" in page and "I want to die, call me on [phone]" in page
    # The flagged message is one click from the top; review and closing controls come before the transcript.
    event = re.search(r'<li class="turn user crisis" id="e(\d+)"', page).group(1)
    jump = page.index(f'<a class="jump-flag" href="#e{event}">Jump to the flagged message</a>')
    assert jump < page.index("Mark reviewed") < page.index("Close flag") < page.index('id="transcript"')
    assert "Suicide risk — immediate" in page
    details = client.get(f"{console.url}/c/{pid}?details=1").text
    assert "slot risk_category = C1" in details and "intent <b>crisis</b> (0.99)" in details
    assert "action utter_crisis" in details and "safety-case.yml?event=" in details


def test_queue_rows_say_what_happened_most_serious_first(fresh_console: ConsoleServer) -> None:
    console = fresh_console
    client = login(console.url, "reviewer")
    html = client.get(console.url + "/inbox?view=queue").text
    rows = re.findall(r"<tr class=\"flag-(\w+)\">(.*?)</tr>", html, re.S)
    cells = [
        [
            html_lib.unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for _, row in rows
    ]
    assert [(tier, cell[1], cell[2]) for (tier, _), cell in zip(rows, cells, strict=True)] == [
        ("immediate", "Suicide risk — immediate", "I want to die, call me on [phone]"),
        ("check", "Check-in", "bit of a flat day, tired of everything"),
        ("service", '"Did that help?" — no', "how do I bond with my baby"),
        ("service", "Repeated misunderstanding", "fnargle"),
    ]
    assert "C1</span>" not in html and "CHECK_IN" not in html


def test_dashboard_shows_charts(console: ConsoleServer) -> None:
    client = login(console.url, "reviewer")
    html = client.get(console.url + "/dashboard").text
    for caption in (
        "Conversations started per day",
        "Crisis triggers by category",
        "Services signposted",
        "Places with nothing local",
        "Fallback rate",
    ):
        assert caption in html
    assert "Timbuktu" in html and "Mums Matter Powys" in html and "<svg" in html


def test_audit_log_is_append_only(console: ConsoleServer) -> None:
    engine = schema.open_console_db(console.settings.console_db_url)
    with engine.connect() as conn:
        assert audit.verify(conn)
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        try:
            with engine.begin() as conn:
                conn.exec_driver_sql(statement)
            raise AssertionError("audit log changed")
        except sa.exc.DatabaseError as err:
            assert "append-only" in str(err)
    engine.dispose()


def _cli(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.console", *args],
        cwd=REPO,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_create_user_retention_and_erase(tmp_path: Path) -> None:
    import os

    tracker = tmp_path / "tracker.db"
    old = time.time() - 400 * 86400
    senders = standard_set(tracker)
    fill(tracker, {"old-kept": conversation("normal", old), "old-gone": conversation("crisis", old)})
    env = {
        **os.environ,
        "TRACKER_DB_URL": f"sqlite:///{tracker}",
        "CONSOLE_DB_URL": f"sqlite:///{tmp_path}/c.db",
        "RETENTION_DAYS": "180",
        "RASA_TELEMETRY_ENABLED": "false",
    }
    assert (
        _cli(env, "create-user", "sam", "--role", "admin", "--password-stdin", stdin="short\n").returncode
        == 1
    )
    made = _cli(env, "create-user", "sam", "--role", "admin", "--password-stdin", stdin="a-long-password\n")
    assert made.returncode == 0, made.stderr
    assert _cli(env, "reindex").returncode == 0
    engine = schema.open_console_db(env["CONSOLE_DB_URL"])
    with engine.begin() as conn:
        conn.execute(
            sa.update(schema.conversations)
            .where(schema.conversations.c.sender_id == "old-kept")
            .values(hold=True)
        )
    ran = _cli(env, "retention")
    assert ran.returncode == 0 and "Deleted 1 conversations" in ran.stdout, ran.stderr
    erased = _cli(env, "erase", senders["place"])
    assert erased.returncode == 0 and "Erased 1" in erased.stdout
    assert _cli(env, "erase", "no-such-id").returncode == 1
    tracker_url = f"sqlite:///{tracker}"
    remaining = sa.create_engine(tracker_url)
    with remaining.connect() as conn:
        left = {r[0] for r in conn.exec_driver_sql("select distinct sender_id from events")}
    remaining.dispose()
    assert "old-gone" not in left and senders["place"] not in left and "old-kept" in left
    assert count_rows(env["CONSOLE_DB_URL"], "conversations") == len(left)
    with engine.connect() as conn:
        actions = [e.action for e in audit.entries(conn)[0]]
        assert {"create_user", "retention", "erase"} <= set(actions) and audit.verify(conn)
    engine.dispose()


def test_retention_refuses_zero_days_without_the_flag(tmp_path: Path) -> None:
    import os

    tracker = tmp_path / "tracker.db"
    standard_set(tracker)
    env = {
        **os.environ,
        "TRACKER_DB_URL": f"sqlite:///{tracker}",
        "CONSOLE_DB_URL": f"sqlite:///{tmp_path}/c.db",
        "RETENTION_DAYS": "0",
        "RASA_TELEMETRY_ENABLED": "false",
    }
    refused = _cli(env, "retention")
    assert refused.returncode == 2 and refused.stdout == ""
    assert "RETENTION_DAYS is 0" in refused.stderr and "--allow-zero-days" in refused.stderr
    assert "Nothing was deleted" in refused.stderr
    engine = sa.create_engine(f"sqlite:///{tracker}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("select count(distinct sender_id) from events").scalar_one() == 9
    ran = _cli(env, "retention", "--allow-zero-days")
    assert ran.returncode == 0 and "Deleted 9 conversations" in ran.stdout, ran.stderr
    with engine.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from events").scalar_one() == 0
    engine.dispose()


def test_console_never_writes_to_the_tracker(tmp_path: Path) -> None:
    from bot.conversations import read_only_engine

    standard_set(tmp_path / "t.db")
    engine = read_only_engine(f"sqlite:///{tmp_path / 't.db'}")
    with engine.connect() as conn:
        try:
            conn.exec_driver_sql("DELETE FROM events")
            raise AssertionError("tracker writable")
        except sa.exc.OperationalError as err:
            assert "readonly" in str(err) or "read-only" in str(err) or "query_only" in str(err)
    engine.dispose()
