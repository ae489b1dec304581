"""Browser check on synthetic conversations (the real-bot version is in tests/integration/console)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from tools.console.server import PASSWORDS, ConsoleServer, login

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="needs Debian's chromium")
def test_log_in_review_and_close_a_flag(
    console: ConsoleServer, tracker_db: tuple[Path, dict[str, str]]
) -> None:
    from playwright.sync_api import sync_playwright

    login(console.url, "reviewer")  # the first inbox request indexes the tracker
    engine = sa.create_engine(console.settings.console_db_url)
    with engine.connect() as conn:
        pid = conn.exec_driver_sql(
            "select pseudonym from conversations where sender_id = ?", (tracker_db[1]["crisis"],)
        ).scalar_one()
    engine.dispose()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page()
        page.goto(console.url + "/inbox?view=queue")
        page.fill("input[name=username]", "reviewer")
        page.fill("input[name=password]", PASSWORDS["reviewer"])
        page.click("button:has-text('Log in')")
        page.wait_for_selector("h1:has-text('Flagged queue')")
        page.click(f"a:has-text('{pid}')")
        page.wait_for_selector(f"h1:has-text('{pid}')")
        body = page.inner_text("main")
        assert "call me on [phone]" in body and "07700" not in body
        assert "116 123" in body and "0800 132 737" in body and "85258" in body
        page.fill("form.note textarea[name=text]", "Crisis reply was right.")
        page.click("form.note button")
        page.wait_for_selector("text=Crisis reply was right.")
        page.click("form.close-flag button")
        assert "cannot be closed without a note" in page.inner_text("main")
        page.fill("form.close-flag textarea[name=note]", "Perinatal team called back; safe.")
        page.click("form.close-flag button")
        page.wait_for_selector("text=flag closed")
        page.goto(console.url + "/inbox?view=queue")
        assert pid not in page.inner_text("main")
        browser.close()
