"""A small Telegram Bot API client, no message text in logs.

Telegram answers every call with ``{"ok": true, "result": ...}`` or
``{"ok": false, "error_code": n, "description": "...", "parameters": {...}}``.
A 429 carries ``parameters.retry_after`` (seconds); a 5xx or a network error is
worth another try later. 400 ("chat not found", "message is not modified") and
403 ("bot was blocked by the user") will not get better by retrying: they are
final. :meth:`BotApi.attempt` makes one attempt and says which (the outbox
retries); :meth:`BotApi.call` retries a few times in place (set-up commands,
long polling).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

import aiohttp

logger = logging.getLogger(__name__)

# In-place retries of :meth:`BotApi.call` (set-up commands and long polling only;
# replies to parents go through the outbox, which retries until Telegram takes them).
MAX_RETRY_AFTER_S = 30.0
MAX_429_RETRIES = 3
MAX_5XX_RETRIES = 2
BACKOFF_S = 0.5


# Codes that no retry can change; everything else (401/404 while a token is being
# fixed, 408, 409, 429, 5xx, network errors, reported as 599) is tried again.
FINAL_CODES = frozenset({400, 403, 413})
NETWORK_ERROR = 599


class TelegramApiError(Exception):
    """A Bot API call failed (for good, or for now when ``retryable``)."""

    def __init__(self, method: str, code: int, description: str, retry_after: float | None = None) -> None:
        super().__init__(f"{method} failed with {code}: {description}")
        self.method = method
        self.code = code
        self.description = description
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        """Whether trying again later may work (not for 400 "chat not found", 403 "blocked")."""
        return self.code not in FINAL_CODES


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

    async def attempt(self, method: str, timeout_s: float | None = None, **params: Any) -> Any:
        """Make one call and return its ``result``.

        Raises:
            TelegramApiError: Telegram refused it, or it did not get there (code 599);
                ``retry_after`` is set for a 429.
        """
        body = {k: v for k, v in params.items() if v is not None}
        session = await self._get_session()
        timeout = aiohttp.ClientTimeout(total=timeout_s or self.request_timeout_s)
        try:
            async with session.post(self._url(method), json=body, timeout=timeout) as resp:
                status = resp.status
                try:
                    answer = await resp.json(content_type=None)
                except (ValueError, aiohttp.ContentTypeError):
                    answer = {}
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as err:
            raise TelegramApiError(method, NETWORK_ERROR, type(err).__name__) from None
        if not isinstance(answer, dict):
            answer = {}
        if status == 200 and answer.get("ok"):
            return answer.get("result")
        code = answer.get("error_code")
        code = code if isinstance(code, int) and not isinstance(code, bool) else status
        retry_after = None
        parameters = answer.get("parameters")
        if code == 429:
            value = parameters.get("retry_after") if isinstance(parameters, dict) else None
            retry_after = float(value) if isinstance(value, (int, float)) and value >= 0 else 1.0
        raise TelegramApiError(method, code, str(answer.get("description") or ""), retry_after)

    async def call(self, method: str, timeout_s: float | None = None, **params: Any) -> Any:
        """Call one Bot API method, retrying a 429 (after ``retry_after``, capped) and a 5xx a few times.

        Args:
            method: Bot API method name, e.g. ``setWebhook``.
            timeout_s: Total timeout of one HTTP attempt (long polls need more).
            **params: The method's parameters (None values are left out).

        Returns:
            The ``result`` field of Telegram's answer.

        Raises:
            TelegramApiError: When Telegram refuses the call or retries ran out.
        """
        tries_429 = tries_5xx = 0
        while True:
            try:
                return await self.attempt(method, timeout_s, **params)
            except TelegramApiError as err:
                if err.code == 429 and tries_429 < MAX_429_RETRIES:
                    tries_429 += 1
                    delay = min(err.retry_after or 1.0, MAX_RETRY_AFTER_S)
                    logger.warning("telegram %s: 429, retrying after %.1fs", method, delay)
                    await asyncio.sleep(delay)
                    continue
                if err.code >= 500 and tries_5xx < MAX_5XX_RETRIES:
                    tries_5xx += 1
                    logger.warning("telegram %s: %s, retry %d", method, err.code, tries_5xx)
                    await asyncio.sleep(BACKOFF_S * 2 ** (tries_5xx - 1))
                    continue
                raise
