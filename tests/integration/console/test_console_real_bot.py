"""The console on a tracker store filled by the real bot (REST channel), and in a browser.

Uses the session's one real stack (tests/conftest.py); the console runs in a
thread on its own port, reading that stack's tracker.db read-only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from tools.console.server import PASSWORDS, ConsoleServer, add_users, console_settings, login

REPO = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.skipif(
    not list((REPO / "models").glob("*.tar.gz")), reason="needs a trained model in models/ (make train)"
)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SENDERS = {
    "normal": "console-it-normal",
    "crisis": "console-it-crisis",
    "fallback": "console-it-fallback",
    "place": "console-it-place",
}


@pytest.fixture(scope="module")
def talked(stack):  # noqa: ANN001, ANN201 - the lead's Stack fixture
    """Real conversations through the bot's REST channel."""
    replies = {
        "normal": [
            stack.texts(SENDERS["normal"], "hello"),
            stack.texts(SENDERS["normal"], "I've been feeling really low since my baby was born"),
        ],
        "crisis": [
            stack.texts(SENDERS["crisis"], "I want to die"),
            stack.texts(SENDERS["crisis"], "my number is 07700 900123 <script>alert(1)</script>"),
        ],
        # Empty messages always reach the fallback (gibberish may not: the model
        # can call it out_of_scope, which is also a fair answer).
        "fallback": [stack.texts(SENDERS["fallback"], ""), stack.texts(SENDERS["fallback"], "   ")],
        "place": [stack.texts(SENDERS["place"], "are there any support groups in Brecon?")],
    }
    return stack, replies


@pytest.fixture(scope="module")
def console(talked, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleServer]:  # noqa: ANN001
    stack, _ = talked
    settings = console_settings(tmp_path_factory.mktemp("console-it"), stack.var_dir / "tracker.db")
    add_users(settings)
    server = ConsoleServer(settings).start()
    yield server
    server.stop()


def _pid(server: ConsoleServer, sender: str) -> str:
    server.app  # noqa: B018 - started
    engine = sa.create_engine(server.settings.console_db_url)
    with engine.connect() as conn:
        pid = conn.exec_driver_sql(
            "select pseudonym from conversations where sender_id = ?", (sender,)
        ).scalar_one()
    engine.dispose()
    return pid


def test_the_bot_answered(talked) -> None:  # noqa: ANN001
    _, replies = talked
    assert "116 123" in replies["crisis"][0], replies["crisis"][0]


def test_queue_flags_the_crisis_with_its_category(console: ConsoleServer) -> None:
    client = login(console.url, "reviewer")
    queue = client.get(console.url + "/inbox?view=queue").text
    pid = _pid(console, SENDERS["crisis"])
    assert pid in queue
    row = re.search(rf"{pid}</a>.*?</tr>", queue, re.S).group(0)
    assert "Suicide risk — immediate" in row and "I want to die" in row, row
    assert _pid(console, SENDERS["normal"]) not in queue


def test_transcript_redacts_the_parent_and_keeps_helplines(console: ConsoleServer) -> None:
    client = login(console.url, "reviewer")
    html = client.get(f"{console.url}/c/{_pid(console, SENDERS['crisis'])}").text
    assert "I want to die" in html and "slot risk_category" not in html
    details = client.get(f"{console.url}/c/{_pid(console, SENDERS['crisis'])}?details=1").text
    assert "slot risk_category = C1" in details
    assert "my number is [phone]" in html and "07700" not in html
    assert "116 123" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert SENDERS["crisis"] not in html


def test_fallback_and_place_are_indexed(console: ConsoleServer) -> None:
    client = login(console.url, "reviewer")
    fallback = _pid(console, SENDERS["fallback"])
    assert fallback in client.get(console.url + "/inbox?view=all&turns=fallback").text
    place = client.get(console.url + "/inbox", params={"view": "all", "place": "Brecon"}).text
    assert _pid(console, SENDERS["place"]) in place
    normal = client.get(f"{console.url}/c/{_pid(console, SENDERS['normal'])}?details=1").text
    assert "intent <b>greet</b>" in normal


def test_browser_review_of_a_flagged_conversation(console: ConsoleServer, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    pid = _pid(console, SENDERS["crisis"])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        page.goto(console.url + "/inbox?view=queue")
        assert "/login" in page.url
        page.fill("input[name=username]", "reviewer")
        page.fill("input[name=password]", PASSWORDS["reviewer"])
        page.click("button:has-text('Log in')")
        page.wait_for_selector("h1:has-text('Flagged queue')")
        page.click(f"a:has-text('{pid}')")
        page.wait_for_selector(f"h1:has-text('{pid}')")
        body = page.inner_text("main")
        assert "my number is [phone]" in body and "07700" not in body and "116 123" in body
        page.fill("form.note textarea[name=text]", "Checked the crisis reply; signposting was right.")
        page.click("form.note button")
        page.wait_for_selector("text=signposting was right")
        page.click("form.close-flag button")
        assert "cannot be closed without a note" in page.inner_text("main")
        page.fill("form.close-flag textarea[name=note]", "Called back by the perinatal team, safe.")
        page.click("form.close-flag button")
        page.wait_for_selector("text=flag closed")
        page.screenshot(path=str(tmp_path / "transcript.png"), full_page=True)
        page.goto(console.url + "/inbox?view=queue")
        assert pid not in page.inner_text("main")
        browser.close()
