"""A Telegram Bot API stand-in on 127.0.0.1 for tests (aiohttp).

Records every call (sendMessage, editMessageReplyMarkup, answerCallbackQuery,
setWebhook, getUpdates, ...), answers like Telegram does, can be told to fail
the next calls of a method with 429 (``retry_after``), 5xx, 400 or 403, can go
away (its port closed: connections refused) and come back on the same port,
and queues updates for getUpdates (long polling). Runs in the test's own event
loop (``await start()``) or in a thread of its own (``start_in_thread()``).
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import defaultdict, deque
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-token-for-the-stand-in"


class BotApiStandIn:
    """Fake ``https://api.telegram.org`` for one bot token."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.accepted: list[tuple[str, dict[str, Any]]] = []  # calls answered "ok": what reached the parent
        self.failures: dict[str, deque[tuple[int, dict[str, Any]]]] = defaultdict(deque)
        self.pending: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] = {}
        self.port = 0
        self._message_id = 1000
        self._lock = threading.Lock()
        self._runner: web.AppRunner | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    # -- control ---------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """What TELEGRAM_API_BASE should be."""
        return f"http://127.0.0.1:{self.port}"

    def fail(
        self,
        method: str,
        status: int,
        times: int = 1,
        retry_after: int | None = None,
        description: str | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail with ``status``."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": status,
            "description": description or f"stand-in error {status}",
        }
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        with self._lock:
            self.failures[method].extend([(status, body)] * times)

    def queue_update(self, update: dict[str, Any]) -> None:
        """Make an update available to getUpdates."""
        with self._lock:
            self.pending.append(update)

    def reset(self) -> None:
        """Forget recorded calls and planned failures."""
        with self._lock:
            self.calls.clear()
            self.accepted.clear()
            self.failures.clear()

    def calls_of(self, method: str, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Recorded parameters of one method (for one chat if given)."""
        with self._lock:
            found = [params for name, params in self.calls if name == method]
        if chat_id is not None:
            found = [p for p in found if str(p.get("chat_id")) == str(chat_id)]
        return found

    def texts(self, chat_id: int) -> list[str]:
        """Texts sent to one chat, in order (every try, refused ones too)."""
        return [str(p.get("text", "")) for p in self.calls_of("sendMessage", chat_id)]

    def received(self, chat_id: int) -> list[str]:
        """Texts the parent in one chat actually received (calls answered "ok"), in order."""
        with self._lock:
            sent = [p for name, p in self.accepted if name == "sendMessage"]
        return [str(p.get("text", "")) for p in sent if str(p.get("chat_id")) == str(chat_id)]

    def wait_for(self, predicate: Any, timeout: float = 60.0, interval: float = 0.1) -> bool:
        """Poll ``predicate()`` until it is true or ``timeout`` passes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(interval)
        return bool(predicate())

    # -- server ------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            raw = await request.read()
            if request.content_type == "application/json" and raw:
                params.update(json.loads(raw))
            elif raw:
                params.update(dict(await request.post()))
        with self._lock:
            self.calls.append((method, params))
            failure = self.failures[method].popleft() if self.failures[method] else None
        if failure is not None:
            return web.json_response(failure[1], status=failure[0])
        with self._lock:
            self.accepted.append((method, params))
        if method == "getUpdates":
            return web.json_response({"ok": True, "result": await self._get_updates(params)})
        return web.json_response({"ok": True, "result": self._result(method, params)})

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 2.0)
        while True:
            with self._lock:
                # Telegram forgets updates below the offset once it is confirmed.
                self.pending = [u for u in self.pending if u["update_id"] >= offset]
                ready = list(self.pending)
            if ready or time.monotonic() >= deadline:
                return ready
            await asyncio.sleep(0.05)

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "sendMessage":
            with self._lock:
                self._message_id += 1
                message_id = self._message_id
            return {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": int(params.get("chat_id", 0)), "type": "private"},
                "text": params.get("text", ""),
            }
        if method == "setWebhook":
            self.webhook = dict(params)
            return True
        if method == "deleteWebhook":
            self.webhook = {}
            return True
        if method == "getWebhookInfo":
            return {"url": self.webhook.get("url", ""), "pending_update_count": len(self.pending)}
        if method == "getMe":
            return {"id": int(self.token.split(":")[0]), "is_bot": True, "first_name": "Stand-in"}
        return True

    async def start(self) -> str:
        """Start in the running event loop (on the same port after :meth:`stop`); returns the base URL."""
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port, reuse_address=True)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self.base_url

    def go_away(self) -> None:
        """Close the port (thread mode): every call is refused until :meth:`come_back`."""
        assert self._loop is not None
        asyncio.run_coroutine_threadsafe(self.stop(), self._loop).result(10)

    def come_back(self) -> None:
        """Listen again on the same port (thread mode)."""
        assert self._loop is not None
        asyncio.run_coroutine_threadsafe(self.start(), self._loop).result(10)

    async def stop(self) -> None:
        """Stop the server started by :meth:`start`."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def start_in_thread(self) -> str:
        """Start in a background thread with its own loop; returns the base URL."""
        ready = threading.Event()

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            self._loop.run_until_complete(self.start())
            ready.set()
            self._loop.run_forever()
            self._loop.run_until_complete(self.stop())
            self._loop.close()

        self._thread = threading.Thread(target=run, name="bot-api-standin", daemon=True)
        self._thread.start()
        ready.wait(10)
        return self.base_url

    def stop_thread(self) -> None:
        """Stop the thread started by :meth:`start_in_thread`."""
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
