"""A small Telegram Bot API client: one method, bounded retries, no message text in logs.

Telegram answers every call with ``{"ok": true, "result": ...}`` or
``{"ok": false, "error_code": n, "description": "...", "parameters": {...}}``.
A 429 carries ``parameters.retry_after`` (seconds); a 5xx is worth a retry or two.
Anything else (400 "message is not modified", 403 "bot was blocked by the user")
will not get better by retrying.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

import aiohttp

logger = logging.getLogger(__name__)

# Never wait longer than this for one 429, whatever Telegram asks: a parent waiting
# minutes for a reply is worse than one message logged as undelivered.
MAX_RETRY_AFTER_S = 30.0
MAX_429_RETRIES = 3
MAX_5XX_RETRIES = 2
BACKOFF_S = 0.5


class TelegramApiError(Exception):
    """A Bot API call failed for good (after any retries)."""

    def __init__(self, method: str, code: int, description: str) -> None:
        super().__init__(f"{method} failed with {code}: {description}")
        self.method = method
        self.code = code
        self.description = description


@dataclass
class BotApi:
    """Calls ``{base}/bot{token}/{method}`` with JSON bodies.

    The aiohttp session is made on first use, inside the running event loop
    (Rasa creates channels before its loop starts).
    """

    token: str
    base_url: str = "https://api.telegram.org"
    request_timeout_s: float = 30.0
    _session: aiohttp.ClientSession | None = None

    @property
    def configured(self) -> bool:
        """Whether a bot token is set."""
        return bool(self.token)

    def _url(self, method: str) -> str:
        return f"{self.base_url.rstrip('/')}/bot{self.token}/{method}"

    async def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
        return self._session

    async def close(self) -> None:
        """Close the HTTP session (safe to call twice)."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def call(self, method: str, timeout_s: float | None = None, **params: Any) -> Any:
        """Call one Bot API method and return its ``result``.

        Retries a 429 after ``retry_after`` (capped) and a 5xx or network error
        with a short backoff.

        Args:
            method: Bot API method name, e.g. ``sendMessage``.
            timeout_s: Total timeout of one HTTP attempt (long polls need more).
            **params: The method's parameters (None values are left out).

        Returns:
            The ``result`` field of Telegram's answer.

        Raises:
            TelegramApiError: When Telegram refuses the call or retries ran out.
        """
        body = {k: v for k, v in params.items() if v is not None}
        session = await self._get_session()
        timeout = aiohttp.ClientTimeout(total=timeout_s or self.request_timeout_s)
        tries_429 = tries_5xx = 0
        while True:
            try:
                async with session.post(self._url(method), json=body, timeout=timeout) as resp:
                    status = resp.status
                    try:
                        answer = await resp.json(content_type=None)
                    except (ValueError, aiohttp.ContentTypeError):
                        answer = {}
            except (aiohttp.ClientError, asyncio.TimeoutError) as err:
                status, answer = 599, {"description": type(err).__name__}
            if not isinstance(answer, dict):
                answer = {}
            if status == 200 and answer.get("ok"):
                return answer.get("result")
            code = int(answer.get("error_code") or status)
            description = str(answer.get("description") or "")
            if code == 429 and tries_429 < MAX_429_RETRIES:
                tries_429 += 1
                parameters = answer.get("parameters") or {}
                retry_after = parameters.get("retry_after", 1) if isinstance(parameters, dict) else 1
                delay = min(max(float(retry_after or 1), 0.0), MAX_RETRY_AFTER_S)
                logger.warning("telegram %s: 429, retrying after %.1fs", method, delay)
                await asyncio.sleep(delay)
                continue
            if code >= 500 and tries_5xx < MAX_5XX_RETRIES:
                tries_5xx += 1
                logger.warning("telegram %s: %s, retry %d", method, code, tries_5xx)
                await asyncio.sleep(BACKOFF_S * 2 ** (tries_5xx - 1))
                continue
            raise TelegramApiError(method, code, description)
