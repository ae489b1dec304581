"""The parent's previous message, for disclosures split over two messages.

Rasa gives NLU components the message only, not the conversation, so the
channels tag each message with its conversation id (metadata key
`conversation_key`) and the risk detector keeps the previous raw text of each
conversation here: in memory only, for at most ten minutes, for at most
10,000 conversations. With several Rasa replicas a split disclosure is only
joined when both halves reach the same replica (sticky sessions).
"""

from __future__ import annotations

import time
from collections import OrderedDict

METADATA_KEY = "conversation_key"


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
