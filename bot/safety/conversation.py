"""The parent's previous turns, from the conversation's stored events.

Rasa gives NLU components the message only, not the conversation. The Rasa
server (``bot.nlu.rasa_fixes``) reads the parent's last turns from the tracker it
has just loaded from the tracker store, and hands them to the NLU pipeline in
the message's metadata (key ``recent_user_texts``) - on a copy of the message,
so nothing extra is stored. A disclosure split over two or three turns ("I
can't do this" / "I've got the pills here") is then joined whatever process,
restart or replica took the earlier turns.

Only the current session's turns of the last ten minutes count, and never a
turn that was itself answered as a disclosure (it has had its reply); a turn
that got the gentle check may be the first half of one, so it still counts.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

RECENT_KEY = "recent_user_texts"
MAX_TURNS = 2
MAX_AGE_SECONDS = 600.0
_ANSWERED = {"crisis"}


def recent_user_texts(events: Iterable[Any], now: float | None = None) -> list[str]:
    """The texts of the parent's last turns (oldest first) that a new message may complete."""
    from rasa.shared.core.events import SessionStarted, UserUttered

    now = time.time() if now is None else now
    texts: list[str] = []
    for event in reversed(list(events)):
        if isinstance(event, SessionStarted):
            break
        if not isinstance(event, UserUttered):
            continue
        if now - event.timestamp > MAX_AGE_SECONDS or _answered(event):
            break
        if event.text:
            texts.append(event.text)
        if len(texts) >= MAX_TURNS:
            break
    return texts[::-1]


def _answered(event: Any) -> bool:
    """A turn answered as a disclosure (not as the gentle check, which may be half of one)."""
    if (event.intent or {}).get("name") not in _ANSWERED:
        return False
    details = {e.get("value") for e in event.entities or [] if e.get("entity") == "risk_detail"}
    return "unclear" not in details


def recent_texts(message: Any) -> list[str]:
    """The previous turns handed to the NLU with ``message`` (a Rasa NLU ``Message``)."""
    metadata = message.get("metadata") or {}
    texts = metadata.get(RECENT_KEY) or []
    return [str(t) for t in texts if isinstance(t, str)][-MAX_TURNS:]
