"""The parent's previous message, for disclosures split over two messages.

Rasa gives NLU components the message only, not the conversation, so the
channels tag each message with an opaque conversation key (metadata key
`conversation_key`) and the risk detector keeps the previous raw text of each
conversation here: in memory only, for at most ten minutes, for at most
10,000 conversations. With several Rasa replicas a split disclosure is only
joined when both halves reach the same replica (sticky sessions).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import OrderedDict
from functools import lru_cache

METADATA_KEY = "conversation_key"


@lru_cache(maxsize=1)
def _process_secret() -> bytes:
    return secrets.token_bytes(32)


def conversation_key(sender_id: str) -> str:
    """An opaque key for a conversation, stable only within this process.

    The key is stored with each message's metadata in the tracker store, so it
    must not reveal the channel id (e.g. a Telegram chat id) to staff.
    """
    return hmac.new(_process_secret(), sender_id.encode(), hashlib.sha256).hexdigest()[:24]


class RecentMessages:
    """A small, bounded, expiring map from conversation id to its last message."""

    def __init__(self, max_items: int = 10_000, ttl_seconds: float = 600.0) -> None:
        self._items: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._max = max_items
        self._ttl = ttl_seconds

    def swap(self, key: str, text: str, now: float | None = None) -> str | None:
        """Store `text` as the latest message of `key`; return the one before, if fresh."""
        now = time.monotonic() if now is None else now
        previous = self._items.pop(key, None)
        self._items[key] = (now, text)
        while len(self._items) > self._max:
            self._items.popitem(last=False)
        if previous is None or now - previous[0] > self._ttl:
            return None
        return previous[1]
