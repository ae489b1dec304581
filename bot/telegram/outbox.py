"""Sends the stored outbox (bot.telegram.store) until Telegram takes every message.

One task per process. Each round it takes the first pending row of each chat
whose turn it is (a chat's messages keep their order) and sends them together;
while any crisis row is due, only crisis rows are sent, so a crisis reply goes
before every ordinary one queued with it.

When Telegram is away (network error, 5xx, 401/404), the whole sender waits:
exponential backoff from :data:`BACKOFF_BASE_S`, capped at :data:`BACKOFF_CAP_S`,
with jitter, then one row (the most urgent) is tried before the rest follow.
A 429 puts that row off by Telegram's ``retry_after``. 400 ("chat not found")
and 403 ("bot was blocked") are final: the row is marked failed and the chat's
next message goes on. A row still undelivered after :data:`MAX_AGE_S` is
marked failed too (Telegram itself keeps nothing longer). Logs carry row ids,
methods and codes, never text.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from bot.telegram.api import BotApi, TelegramApiError
from bot.telegram.store import CRISIS, Queued, UpdateStore

logger = logging.getLogger(__name__)

BACKOFF_BASE_S = 0.5
BACKOFF_CAP_S = 20.0
MAX_RETRY_AFTER_S = 3600.0
MAX_AGE_S = 24 * 3600.0
ATTEMPT_TIMEOUT_S = 10.0
BATCH = 8
EXPIRED = 0  # error_code of a row given up after MAX_AGE_S


def backoff(failures: int, rand: Callable[[], float] = random.random) -> float:
    """Seconds to wait after ``failures`` failed rounds in a row: doubling, capped, jittered (50-100%)."""
    ceiling = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** max(failures - 1, 0))
    return ceiling * (0.5 + rand() / 2)


class Sender:
    """The task that delivers the outbox."""

    def __init__(self, api: BotApi, store: UpdateStore) -> None:
        self.api = api
        self.store = store
        self.failures = 0  # failed rounds in a row (Telegram unreachable or erroring)
        self.pause_until = 0.0
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._idle = asyncio.Event()

    def start(self) -> None:
        """Start delivering (resumes whatever an earlier process left pending)."""
        if self._task is None or self._task.done():
            self._wake = asyncio.Event()
            self._idle = asyncio.Event()
            self._task = asyncio.get_running_loop().create_task(self._run())

    def wake(self) -> None:
        """New rows were stored: look now (unless Telegram is being waited for)."""
        self._idle.clear()
        self._wake.set()

    async def stop(self) -> None:
        """Stop the task; undelivered rows stay stored for the next start."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def idle(self, timeout: float) -> bool:
        """Wait until nothing is due (for shutdown and tests); False on timeout."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except asyncio.TimeoutError:
            return False
        return True

    async def _run(self) -> None:
        db_failures = 0
        while True:
            try:
                await self._round()
                db_failures = 0
            except asyncio.CancelledError:
                raise
            except SQLAlchemyError as err:
                db_failures += 1
                logger.error("telegram outbox: database error (%s)", type(err).__name__)
                await asyncio.sleep(backoff(db_failures))
            except Exception as err:  # noqa: BLE001 - the sender must outlive any one failure
                db_failures += 1
                logger.error("telegram outbox: unexpected %s", type(err).__name__)
                logger.debug("telegram outbox traceback", exc_info=True)
                await asyncio.sleep(backoff(db_failures))

    async def _sleep(self, seconds: float | None, wakeable: bool) -> None:
        if not wakeable:
            await asyncio.sleep(max(seconds or 0.0, 0.0))
            return
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._wake.wait(), None if seconds is None else max(seconds, 0.0))

    async def _round(self) -> None:
        now = time.time()
        if now < self.pause_until:
            await self._sleep(self.pause_until - now, wakeable=False)
            return
        self._wake.clear()
        rows = await asyncio.to_thread(self.store.due, now, BATCH)
        if not rows:
            upcoming = await asyncio.to_thread(self.store.next_due)
            if upcoming is None:
                self._idle.set()
            await self._sleep(None if upcoming is None else upcoming - time.time(), wakeable=True)
            return
        self._idle.clear()
        crisis = [row for row in rows if row.priority == CRISIS]
        batch = crisis or rows
        if self.failures:
            batch = batch[:1]  # Telegram was away: try one before the rest follow
        results = await asyncio.gather(*(self._send(row) for row in batch))
        if any(results):
            self.failures += 1
            delay = backoff(self.failures)
            self.pause_until = time.time() + delay
            logger.warning(
                "telegram outbox: Telegram unavailable, waiting %.1fs (round %d)", delay, self.failures
            )
        else:
            self.failures = 0

    async def _send(self, row: Queued) -> bool:
        """Try one row; True when Telegram itself seems unavailable."""
        try:
            await self.api.attempt(row.method, timeout_s=ATTEMPT_TIMEOUT_S, **row.params)
        except TelegramApiError as err:
            now = time.time()
            if not err.retryable:
                logger.warning(
                    "telegram outbox %d: %s refused with %s, not retried", row.id, row.method, err.code
                )
                await asyncio.to_thread(self.store.mark_failed, row.id, err.code)
                return False
            if now - row.created_at > MAX_AGE_S:
                logger.error(
                    "telegram outbox %d: %s undelivered after %.0fh, given up",
                    row.id,
                    row.method,
                    MAX_AGE_S / 3600,
                )
                await asyncio.to_thread(self.store.mark_failed, row.id, EXPIRED)
                return False
            if err.code == 429:
                wait = min(err.retry_after or 1.0, MAX_RETRY_AFTER_S)
                logger.warning("telegram outbox %d: 429, retrying after %.1fs", row.id, wait)
                await asyncio.to_thread(self.store.retry_later, row.id, err.code, now + wait)
                return False
            logger.warning("telegram outbox %d: %s failed with %s, will retry", row.id, row.method, err.code)
            await asyncio.to_thread(self.store.retry_later, row.id, err.code, now)
            return True
        await asyncio.to_thread(self.store.mark_sent, row.id)
        return False
