"""Playwright fixtures for the web chat tests: Debian's Chromium, no browser download.

Each test module that needs the bot starts one real stack (Rasa server + action
server on 127.0.0.1) with its own credentials file, so the quick exit can point at
a local "neutral" page and no test touches the internet.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from tools.stack.stack import REPO, Stack, start_stack

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = REPO / "artifacts" / "screenshots"
AXE = REPO / "tests" / "e2e" / "vendor" / "axe.min.js"
NEUTRAL_PAGE = (
    b"<!doctype html><html lang='en'><head><title>Weather</title></head><body><h1>Weather</h1></body></html>"
)


class _Neutral(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(NEUTRAL_PAGE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def neutral_url() -> Iterator[str]:
    """A local stand-in for the quick exit's neutral site (no external network in tests)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Neutral)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/weather"
    server.shutdown()


def webchat_credentials(path: Path, exit_url: str) -> Path:
    """A credentials file with REST (for stack.send) and the web chat channel."""
    path.write_text(
        "rest:\n"
        "bot.webchat.channel.WebChatInput:\n"
        "  user_message_evt: user_uttered\n"
        "  bot_message_evt: bot_uttered\n"
        "  session_persistence: true\n"
        f"  exit_url: {exit_url}\n"
    )
    return path


@pytest.fixture(scope="module")
def webchat_stack(tmp_path_factory: pytest.TempPathFactory, neutral_url: str) -> Iterator[Stack]:
    """One real stack for the module, with the web chat channel."""
    var_dir = tmp_path_factory.mktemp("webchat_stack")
    creds = webchat_credentials(var_dir / "credentials.yml", neutral_url)
    stack = start_stack(var_dir, credentials=creds)
    try:
        yield stack
    finally:
        stack.stop()


@pytest.fixture(scope="module")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="module")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed (apt-get install -y chromium)")
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile per test: its own sessionStorage, localStorage and history."""
    ctx = browser.new_context(viewport={"width": 375, "height": 740}, locale="en-GB")
    ctx.set_default_timeout(60_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    yield page
    assert not errors, errors


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
