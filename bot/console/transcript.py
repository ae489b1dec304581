"""A conversation as staff read it: turns in order, redacted by default.

Also turns a reviewed conversation into a Rasa test story and a missed crisis
message into a safety regression case, so the bot learns from review.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from bot.console.indexer import FALLBACK_INTENT, LOW_CONFIDENCE, MISUNDERSTOOD_REPLIES
from bot.console.redact import redact_bot, redact_user, redact_value
from bot.console.severity import Level, by_severity, crisis_rank
from bot.conversations import StoredEvent

_HIDDEN_ACTIONS = {"action_listen", "action_session_start", "action_extract_slots", "action_unlikely_intent"}


@dataclass(frozen=True)
class Turn:
    """One line of the transcript."""

    event_id: int
    ts: float
    kind: str  # user, bot, slot, action, session
    text: str = ""
    intent: str | None = None
    confidence: float | None = None
    entities: list[tuple[str, str]] = field(default_factory=list)
    buttons: list[str] = field(default_factory=list)
    crisis: dict[str, Any] | None = None
    services: list[dict[str, Any]] = field(default_factory=list)
    name: str = ""
    value: str = ""
    utter: str = ""
    flags: list[str] = field(default_factory=list)

    @property
    def categories(self) -> list[str]:
        """Crisis categories this parent's message set (C1..C9, UNCLEAR, CHECK_IN)."""
        return [flag.split(" ", 1)[1] for flag in self.flags if flag.startswith("crisis ")]

    @property
    def crisis_flag(self) -> bool:
        """Whether this parent's message set a crisis category."""
        return bool(self.categories)

    @property
    def levels(self) -> list[Level]:
        """This message's crisis categories in words, most serious first."""
        return by_severity(self.categories)

    @property
    def misunderstood(self) -> bool:
        """Whether the bot did not understand this parent's message."""
        return "not understood" in self.flags


def _entities(parse: dict[str, Any], reveal: bool) -> list[tuple[str, str]]:
    out = []
    for e in parse.get("entities") or []:
        value = e.get("value")
        out.append((str(e.get("entity")), str(value if reveal else redact_value(value))))
    return out


def build_turns(events: list[StoredEvent], reveal: bool = False) -> list[Turn]:
    """Turn stored events into transcript lines.

    Args:
        events: One conversation's events in order.
        reveal: Show personal data (an admin's audited reveal); redacted otherwise.
    """
    turns: list[Turn] = []
    for ev in events:
        d = ev.data
        if ev.type_name == "user":
            parse = d.get("parse_data") or {}
            intent = (parse.get("intent") or {}).get("name") or ev.intent_name
            conf = (parse.get("intent") or {}).get("confidence")
            flags = []
            if intent == FALLBACK_INTENT:
                flags.append("not understood")
            if isinstance(conf, (int, float)) and conf < LOW_CONFIDENCE:
                flags.append("low confidence")
            text = d.get("text") or ""
            turns.append(
                Turn(
                    ev.id,
                    ev.timestamp,
                    "user",
                    text if reveal else redact_user(text),
                    intent,
                    float(conf) if isinstance(conf, (int, float)) else None,
                    _entities(parse, reveal),
                    flags=flags,
                )
            )
        elif ev.type_name == "bot":
            payload = d.get("data") or {}
            custom = payload.get("custom") if isinstance(payload.get("custom"), dict) else None
            buttons = [str(b.get("title", "")) for b in payload.get("buttons") or [] if isinstance(b, dict)]
            text = d.get("text") or ""
            turns.append(
                Turn(
                    ev.id,
                    ev.timestamp,
                    "bot",
                    text if reveal else redact_bot(text),
                    buttons=buttons,
                    crisis=custom if custom and custom.get("type") == "crisis" else None,
                    services=list(custom.get("services") or [])
                    if custom and custom.get("type") == "services"
                    else [],
                    utter=str((d.get("metadata") or {}).get("utter_action") or ""),
                )
            )
        elif ev.type_name == "slot":
            value = d.get("value")
            shown = value if reveal else redact_value(value)
            turns.append(
                Turn(
                    ev.id,
                    ev.timestamp,
                    "slot",
                    name=str(d.get("name")),
                    value="" if shown is None else str(shown),
                )
            )
        elif ev.type_name == "action":
            name = str(d.get("name") or ev.action_name or "")
            if name not in _HIDDEN_ACTIONS:
                turns.append(Turn(ev.id, ev.timestamp, "action", name=name))
        elif ev.type_name == "session_started":
            turns.append(Turn(ev.id, ev.timestamp, "session"))
    return _mark_crisis_turns(turns)


def _mark_crisis_turns(turns: list[Turn]) -> list[Turn]:
    """Flag each parent's message with what its turn set: a crisis category (from the
    message's own risk entity, the risk_category slot or the crisis reply that follows),
    or "not understood" when the bot answered with a fallback or out-of-scope reply."""
    out = list(turns)
    last_user = None

    def add(flag: str) -> None:
        if last_user is not None and flag not in out[last_user].flags:
            u = out[last_user]
            out[last_user] = Turn(**{**u.__dict__, "flags": [*u.flags, flag]})

    for i, turn in enumerate(out):
        if turn.kind == "user":
            last_user = i
            for name, value in turn.entities:
                if name == "risk_category" and value:
                    add("crisis " + value.upper())
        elif turn.kind == "slot" and turn.name == "risk_category" and turn.value and turn.value != "None":
            add("crisis " + turn.value.upper())
        elif turn.kind == "bot" and turn.crisis and turn.crisis.get("category"):
            add("crisis " + str(turn.crisis["category"]).upper())
        elif (turn.kind == "bot" and turn.utter in MISUNDERSTOOD_REPLIES) or (
            turn.kind == "action" and turn.name == "action_default_fallback"
        ):
            add("not understood")
    return out


def flagged_turn(turns: list[Turn]) -> Turn | None:
    """The parent's message behind the conversation's flag: the most serious crisis
    message, else the first one the bot did not understand."""
    crisis = [t for t in turns if t.kind == "user" and t.crisis_flag]
    if crisis:
        return min(crisis, key=lambda t: min(crisis_rank(c) for c in t.categories))
    return next((t for t in turns if t.kind == "user" and t.misunderstood), None)


def test_story(pseudonym: str, turns: list[Turn]) -> str:
    """A Rasa test story (YAML) of the conversation, redacted, for a reviewer to correct."""
    steps: list[dict[str, Any]] = []
    for turn in turns:
        if turn.kind == "user" and turn.intent:
            steps.append({"user": turn.text, "intent": turn.intent})
        elif turn.kind == "action" and turn.name:
            steps.append({"action": turn.name})
    doc = {"version": "3.1", "stories": [{"story": f"console review {pseudonym}", "steps": steps}]}
    header = (
        "# Exported from the staff console (personal data redacted).\n"
        "# Correct the intents and actions the bot got wrong, then add it to tests/.\n"
    )
    return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def safety_case(pseudonym: str, turn: Turn, category: str) -> str:
    """A safety regression case (YAML) for a crisis message the bot missed."""
    doc = [
        {
            "text": turn.text,
            "expected_category": category or "C?",
            "missed_intent": turn.intent,
            "source": f"console review {pseudonym}, event {turn.event_id}",
        }
    ]
    header = (
        "# Missed crisis message exported from the staff console (personal data redacted).\n"
        "# Add it to the risk detector's regression cases once the category is checked.\n"
    )
    return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
