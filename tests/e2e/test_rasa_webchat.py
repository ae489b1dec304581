"""The ecosystem's rasa-webchat widget, embedded on another site, against the real bot.

A service that embeds the standard `rasa-webchat` (npm, installed into
tests/e2e/rasa_webchat/ by `npm ci`) on its own page must show a parent the
greeting, the services found (as text: rasa-webchat draws no cards) and the
crisis numbers. The host page is served from a second 127.0.0.1 port, so every
request is cross-origin; the Rasa server runs with `--cors "*"` and
WEBCHAT_ALLOWED_ORIGINS unset, the set-up that used to block the widget or send
two Access-Control-Allow-Origin headers.

The same module checks, with plain socket.io clients, that every message gets an
answer when the action server is down, and (with its own Rasa server) when the
Redis lock store cannot be reached.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import http.server
import re
import shutil
import subprocess
import threading
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import socketio
from playwright.sync_api import Page, expect

from tools.stack.stack import REPO, Stack, free_port, start_stack

NPM_DIR = Path(__file__).resolve().parent / "rasa_webchat"
BUNDLE = NPM_DIR / "node_modules" / "rasa-webchat" / "lib" / "index.js"
REPLY_TIMEOUT = 90_000

HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A children's centre</title></head>
<body><h1>Our children's centre</h1><div id="webchat"></div>
<script src="/rasa-webchat.js"></script>
<script>
  WebChat.default({
    selector: "#webchat", socketUrl: "__RASA__", socketPath: "/socket.io/",
    initPayload: "hello", embedded: true, title: "Support for parents",
    params: { storage: "session" }
  }, null);
</script></body></html>
"""


def ensure_rasa_webchat() -> Path:
    """rasa-webchat's browser bundle, installed with npm from the lock file when missing."""
    if not BUNDLE.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is needed to install rasa-webchat for this test: apt-get install -y npm")
        subprocess.run(
            [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
            cwd=NPM_DIR,
            check=True,
            capture_output=True,
            timeout=600,
        )
    return BUNDLE


def credentials(path: Path) -> Path:
    """REST and the project's web chat channel, nothing else (allowed origins left to their default)."""
    path.write_text("rest:\nbot.webchat.channel.WebChatInput:\n  session_persistence: true\n")
    return path


@pytest.fixture(scope="module")
def stack(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch_module: pytest.MonkeyPatch
) -> Iterator[Stack]:
    monkeypatch_module.delenv("WEBCHAT_ALLOWED_ORIGINS", raising=False)
    var_dir = tmp_path_factory.mktemp("rasa_webchat_stack")
    running = start_stack(
        var_dir, credentials=credentials(var_dir / "credentials.yml"), rasa_args=["--cors", "*"]
    )
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.fixture(scope="module")
def host_site(stack: Stack) -> Iterator[str]:
    """A service's own site on another origin, embedding rasa-webchat from npm."""
    page = HOST_PAGE.replace("__RASA__", stack.rasa_url).encode()
    bundle = ensure_rasa_webchat().read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            script = self.path == "/rasa-webchat.js"
            body, kind = (bundle, "text/javascript") if script else (page, "text/html")
            self.send_response(200)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def say(page: Page, text: str) -> None:
    page.locator(".rw-new-message").fill(text)
    page.locator(".rw-new-message").press("Enter")


def test_rasa_webchat_on_another_site_shows_greeting_services_and_crisis_numbers(
    page: Page, host_site: str
) -> None:
    cors_errors: list[str] = []
    page.on("console", lambda m: cors_errors.append(m.text) if "CORS" in m.text else None)
    page.goto(host_site)
    chat = page.locator(".rw-messages-container")
    expect(chat).to_contain_text("Hello, I'm glad you're here.", timeout=60_000)  # the greeting (initPayload)

    say(page, "I need some support since having my baby")
    expect(chat).to_contain_text("Where do you live?", timeout=REPLY_TIMEOUT)
    say(page, "Brecon")
    # The services themselves, as text: rasa-webchat draws no cards.
    # (rasa-webchat draws the "1." of the text as a list number)
    expect(chat).to_contain_text("Mums Matter (Brecon & District Mind)", timeout=REPLY_TIMEOUT)
    expect(chat).to_contain_text("What it is:", timeout=REPLY_TIMEOUT)
    expect(chat).to_contain_text("Did that help?", timeout=REPLY_TIMEOUT)  # the turn is over

    say(page, "I want to die")
    expect(chat).to_contain_text("Who you can contact:", timeout=REPLY_TIMEOUT)
    expect(chat).to_contain_text("call 999", timeout=REPLY_TIMEOUT)
    expect(chat).to_contain_text("call 116 123", timeout=REPLY_TIMEOUT)
    assert "[object Object]" not in chat.inner_text()
    assert cors_errors == []
    assert page.evaluate("localStorage.length") == 0  # params.storage "session": nothing outlives the tab


def test_one_allow_origin_header_with_rasa_cors_and_no_list(stack: Stack, host_site: str) -> None:
    origin = host_site.rstrip("/")
    req = urllib.request.Request(
        stack.rasa_url + "/socket.io/?EIO=4&transport=polling", headers={"Origin": origin}
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        assert resp.headers.get_all("Access-Control-Allow-Origin") == [origin]


# ---------- every message gets an answer ----------


async def converse(url: str, texts: list[str], cards: bool = False) -> list[list[dict[str, Any]]]:
    """Send each text over socket.io and collect the bot's messages of each turn."""
    sio = socketio.AsyncClient()
    inbox: asyncio.Queue = asyncio.Queue()
    confirmed: asyncio.Queue = asyncio.Queue()
    sio.on("bot_uttered", inbox.put)
    sio.on("session_confirm", confirmed.put)
    await sio.connect(url, transports=["polling"])
    request: dict[str, Any] = {"session_id": uuid.uuid4().hex}
    if cards:
        request["customData"] = {"cards": True}
    await sio.emit("session_request", request)
    await asyncio.wait_for(confirmed.get(), 30)
    turns = []
    for text in texts:
        await sio.emit("user_uttered", {"message": text})
        turn = [await asyncio.wait_for(inbox.get(), 90)]
        while True:  # the turn's other messages follow within moments
            try:
                turn.append(await asyncio.wait_for(inbox.get(), 3))
            except asyncio.TimeoutError:
                break
        turns.append(turn)
    await sio.eio.disconnect(abort=True)  # no wait for the long-poll
    return turns


def talk(url: str, texts: list[str], cards: bool = False) -> list[list[dict[str, Any]]]:
    """`converse` in its own thread (Playwright's sync API keeps an event loop running in this one)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, converse(url, texts, cards)).result()


def test_with_the_action_server_down_a_search_turn_gets_the_kind_error_reply(stack: Stack) -> None:
    """Runs after the browser test; brings the action server back."""
    stack.stop_actions()
    try:
        turns = talk(stack.rasa_url, ["hello", "I need some support since having my baby"])
    finally:
        stack.start_actions()
    search = turns[1]
    from bot.safety.responses import search_unavailable

    # The parent is told at once that services cannot be searched, with the urgent
    # numbers; the form still asks where they live (a place is kept for when it is back).
    assert search[0]["text"] == search_unavailable("en")
    assert "999" in search[0]["text"] and "116 123" in search[0]["text"]
    assert [m["text"].split("?")[0] for m in search[1:]] == ["Where do you live"]


@pytest.fixture(scope="module")
def stack_without_lock_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Rasa with a Redis lock store on a port where nothing listens."""
    var_dir = tmp_path_factory.mktemp("lock_store_down")
    endpoints = var_dir / "endpoints.yml"
    repo_endpoints = (REPO / "endpoints.yml").read_text()
    without_lock_store = re.sub(r"(?ms)^lock_store:.*?(?=^\S|\Z)", "", repo_endpoints)
    endpoints.write_text(
        without_lock_store + f"\nlock_store:\n  type: redis\n  url: 127.0.0.1\n  port: {free_port()}\n"
    )
    running = start_stack(var_dir, credentials=credentials(var_dir / "credentials.yml"), endpoints=endpoints)
    try:
        yield running
    finally:
        running.stop()


def test_with_the_lock_store_unreachable_a_crisis_message_still_gets_the_crisis_reply(
    stack_without_lock_store: Stack,
) -> None:
    stack = stack_without_lock_store
    [plain] = talk(stack.rasa_url, ["I want to die"])
    text = "\n".join(m.get("text", "") for m in plain)
    assert "Who you can contact:" in text and "call 116 123" in text and "call 999" in text
    [widget] = talk(stack.rasa_url, ["I want to die"], cards=True)
    cards = [m for m in widget if m.get("type") == "crisis"]
    assert len(cards) == 1 and "116123" in {c.get("tel") for c in cards[0]["contacts"]}
    log = stack.log("rasa")
    assert "the lock store is unavailable; handling the message without it" in log
    assert "Traceback" not in log
