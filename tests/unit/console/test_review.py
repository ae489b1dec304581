"""Review actions, reveal, exports, audit log, retention and erasure."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import requests
import sqlalchemy as sa
import yaml

from bot.console import audit, schema
from tools.console.fill import fill, conversation, standard_set
from tools.console.server import ConsoleServer, count_rows, csrf_of, login

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
    refused = client.post(f"{console.url}/c/{pid}/close-flag", data={"note": "  ", "csrf_token": csrf_of(page.text)})
    assert refused.status_code == 400 and "cannot be closed without a note" in refused.text
    done = client.post(f"{console.url}/c/{pid}/close-flag",
                       data={"note": "Rang the parent, safe, GP informed", "csrf_token": csrf_of(page.text)})
    assert done.status_code == 200 and "Rang the parent" in done.text and "flag closed" in done.text
    queue = client.get(console.url + "/inbox?view=queue").text
    assert pid not in queue


def test_notes_tags_follow_up(console: ConsoleServer) -> None:
    client = login(console.url, "reviewer")
    pid = _pid(client, console.url, intent="find_support", channel="rest")
    token = csrf_of(client.get(f"{console.url}/c/{pid}").text)
    client.post(f"{console.url}/c/{pid}/notes", data={"text": "Directory gap <b>Brecon</b>", "csrf_token": token})
    client.post(f"{console.url}/c/{pid}/tags", data={"tag": "Directory gap", "csrf_token": token})
    page = client.post(f"{console.url}/c/{pid}/review", data={"action": "follow_up", "csrf_token": token})
    assert "Directory gap &lt;b&gt;Brecon&lt;/b&gt;" in page.text and "directory gap" in page.text
    assert "needs follow-up" in page.text
    assert pid in client.get(console.url + "/inbox?view=all&reviewed=follow_up").text
    assert client.post(f"{console.url}/c/{pid}/notes", data={"text": "", "csrf_token": token}).status_code == 400


def test_admin_reveal_needs_a_reason_and_is_audited(console: ConsoleServer) -> None:
    client = login(console.url, "admin")
    pid = _pid(client, console.url, crisis="C1")
    token = csrf_of(client.get(f"{console.url}/c/{pid}").text)
    assert client.post(f"{console.url}/c/{pid}/reveal", data={"reason": "", "csrf_token": token}).status_code == 400
    shown = client.post(f"{console.url}/c/{pid}/reveal", data={"reason": "safeguarding call back", "csrf_token": token})
    assert "07700 900123" in shown.text and "test-crisis-1" in shown.text
    assert "07700" not in client.get(f"{console.url}/c/{pid}").text
    log = client.get(console.url + "/audit?action=reveal").text
    assert "safeguarding call back" in log and pid in log and "hash chain intact" in log


def test_exports_are_redacted_and_audited(console: ConsoleServer) -> None:
    client = login(console.url, "admin")
    data = client.get(console.url + "/export.json?view=all").json()["conversations"]
    assert len(data) == 7
    text = json.dumps(data)
    assert "07700" not in text and "jo@example.com" not in text and "test-" not in text
    assert "116 123" in text
    csv_text = client.get(console.url + "/export.csv?view=all&crisis=C1").text
    assert csv_text.count("\n") == 3 and "[phone]" in csv_text
    pid = _pid(client, console.url, turns="fallback")
    story = yaml.safe_load(client.get(f"{console.url}/c/{pid}/story.yml").text)
    steps = story["stories"][0]["steps"]
    assert steps[0] == {"user": "asdkjh qwe", "intent": "nlu_fallback"}
    assert {"action": "action_default_fallback"} in steps
    crisis = _pid(client, console.url, crisis="C1")
    page = client.get(f"{console.url}/c/{crisis}").text
    event = re.findall(r"safety-case.yml\?event=(\d+)", page)[0]
    case = yaml.safe_load(client.get(f"{console.url}/c/{crisis}/safety-case.yml?event={event}&category=C1").text)
    assert case[0]["text"] == "I want to die, call me on [phone]" and case[0]["expected_category"] == "C1"
    actions = client.get(console.url + "/audit").text
    for action in ("export_json", "export_csv", "export_story", "export_safety", "view", "login"):
        assert f"<td>{action}</td>" in actions


def test_dashboard_shows_charts(console: ConsoleServer) -> None:
    client = login(console.url, "reviewer")
    html = client.get(console.url + "/dashboard").text
    for caption in ("Conversations started per day", "Crisis triggers by category", "Services signposted",
                    "Places with nothing local", "Fallback rate"):
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
    return subprocess.run([sys.executable, "-m", "bot.console", *args], cwd=REPO, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_cli_create_user_retention_and_erase(tmp_path: Path) -> None:
    import os

    tracker = tmp_path / "tracker.db"
    old = time.time() - 400 * 86400
    senders = standard_set(tracker)
    fill(tracker, {"old-kept": conversation("normal", old), "old-gone": conversation("crisis", old)})
    env = {**os.environ, "TRACKER_DB_URL": f"sqlite:///{tracker}", "CONSOLE_DB_URL": f"sqlite:///{tmp_path}/c.db",
           "RETENTION_DAYS": "180", "RASA_TELEMETRY_ENABLED": "false"}
    assert _cli(env, "create-user", "sam", "--role", "admin", "--password-stdin", stdin="short\n").returncode == 1
    made = _cli(env, "create-user", "sam", "--role", "admin", "--password-stdin", stdin="a-long-password\n")
    assert made.returncode == 0, made.stderr
    assert _cli(env, "reindex").returncode == 0
    engine = schema.open_console_db(env["CONSOLE_DB_URL"])
    with engine.begin() as conn:
        conn.execute(sa.update(schema.conversations).where(schema.conversations.c.sender_id == "old-kept").values(hold=True))
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
