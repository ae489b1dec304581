"""Fill a tracker database with realistic conversations through Rasa's own classes.

Used by the console's unit and security tests (the integration test uses the
real bot instead). Events go through `SQLTrackerStore` and `DialogueStateTracker`,
so the rows look exactly like what Rasa writes.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

SAMARITANS = {
    "id": "samaritans",
    "name": "Samaritans",
    "phone": "116 123",
    "tel": "116123",
    "sms": None,
    "url": "https://www.samaritans.org",
    "hours": "24 hours, every day",
}
SHOUT = {"id": "shout", "name": "Shout", "phone": "85258", "tel": None, "sms": "85258", "hours": "24 hours"}
CALL = {
    "id": "call",
    "name": "C.A.L.L. Mental Health Helpline for Wales",
    "phone": "0800 132 737",
    "tel": "0800132737",
    "hours": "24 hours",
}


def user(
    text: str,
    intent: str,
    confidence: float = 0.95,
    entities: list[dict] | None = None,
    channel: str = "rest",
    ts: float | None = None,
) -> UserUttered:
    parse = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "entities": entities or [],
        "intent_ranking": [{"name": intent, "confidence": confidence}],
    }
    return UserUttered(text, parse_data=parse, input_channel=channel, timestamp=ts)


def bot(
    text: str,
    utter: str = "",
    custom: dict | None = None,
    buttons: list[dict] | None = None,
    ts: float | None = None,
) -> BotUttered:
    data = {
        "elements": None,
        "quick_replies": None,
        "buttons": buttons,
        "attachment": None,
        "image": None,
        "custom": custom,
    }
    return BotUttered(text, data=data, metadata={"utter_action": utter} if utter else {}, timestamp=ts)


def action(name: str, ts: float | None = None) -> ActionExecuted:
    return ActionExecuted(name, policy="RulePolicy", confidence=1.0, timestamp=ts)


def crisis_reply(category: str = "C1", ts: float | None = None) -> list[Event]:
    text = (
        "I'm really sorry you're feeling like this. You can talk to Samaritans any time on 116 123, "
        "call C.A.L.L. on 0800 132 737, text SHOUT to 85258, or call 999 if you are in danger now. "
        "NHS 111 press 2 for mental health."
    )
    card = {"type": "crisis", "category": category, "nation": "wales", "contacts": [SAMARITANS, CALL, SHOUT]}
    return [action("utter_crisis", ts), bot(text, "utter_crisis", card, ts=ts)]


def conversation(kind: str, start: float) -> list[Event]:
    """One canned conversation of a kind (see KINDS)."""
    t = iter(start + i * 7 for i in range(100))
    ev: list[Event] = [
        action("action_session_start", next(t)),
        SessionStarted(next(t)),
        action("action_listen", next(t)),
    ]
    if kind == "normal":
        ev += [
            user("hi there", "greet", ts=next(t)),
            action("utter_greet", next(t)),
            bot("Hello! I can help you find support for you and your baby.", "utter_greet", ts=next(t)),
            action("action_listen", next(t)),
            user("I've been feeling low since my baby was born", "ask_low_mood", 0.91, ts=next(t)),
            action("utter_low_mood", next(t)),
            bot(
                "Lots of parents feel low after a birth. Did that help?",
                "utter_low_mood",
                buttons=[{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}],
                ts=next(t),
            ),
            action("action_listen", next(t)),
            user("yes thanks", "affirm", 0.97, ts=next(t)),
        ]
    elif kind == "crisis":
        ev += [
            user(
                "I want to die, call me on 07700 900123",
                "crisis",
                0.99,
                entities=[{"entity": "risk_category", "value": "C1", "extractor": "RiskDetector"}],
                ts=next(t),
            ),
            SlotSet("risk_category", "C1", timestamp=next(t)),
            *crisis_reply("C1", next(t)),
            action("action_listen", next(t)),
        ]
    elif kind == "fallback":
        for word in ("asdkjh qwe", "zzzz blorp", "fnargle"):
            ev += [
                user(word, "nlu_fallback", 0.21, ts=next(t)),
                action("action_default_fallback", next(t)),
                bot(
                    "Sorry, I didn't understand that. You can ask about low mood, bonding or local support.",
                    "utter_default",
                    ts=next(t),
                ),
                action("action_listen", next(t)),
            ]
    elif kind == "place":
        services = {
            "type": "services",
            "more": False,
            "services": [
                {
                    "id": "mums-matter-powys",
                    "name": "Mums Matter Powys",
                    "phone": "01597 822191",
                    "area": "Powys",
                }
            ],
        }
        ev += [
            user(
                "any support groups in Brecon? my postcode is LD3 7HR",
                "find_support",
                0.88,
                entities=[
                    {"entity": "location", "value": "Brecon"},
                    {"entity": "location", "value": "LD3 7HR"},
                ],
                ts=next(t),
            ),
            SlotSet("location", "Brecon", timestamp=next(t)),
            SlotSet("nation", "wales", timestamp=next(t)),
            action("action_find_services", next(t)),
            bot(
                "Here is what I found near Brecon. Mums Matter Powys: 01597 822191.",
                "utter_services",
                services,
                ts=next(t),
            ),
            action("action_listen", next(t)),
        ]
    elif kind == "not_helped":
        ev += [
            user("how do I bond with my baby", "ask_attachment", 0.93, ts=next(t)),
            bot("Bonding takes time. Did that help?", "utter_attachment", ts=next(t)),
            action("action_listen", next(t)),
            user("no", "deny", 0.99, ts=next(t)),
            bot("I'm sorry. You can talk to your health visitor or call 111.", "utter_sorry", ts=next(t)),
        ]
    elif kind == "script":
        ev += [
            user("<script>alert(1)</script> my email is jo@example.com", "out_of_scope", 0.4, ts=next(t)),
            bot("Sorry, I can only help with support for parents.", "utter_out_of_scope", ts=next(t)),
        ]
    elif kind == "checkin":
        # A gentle check-in: the bot asked "are you safe?" (flagged, least serious).
        ev += [
            user("bit of a flat day, tired of everything", "ask_low_mood", 0.7, ts=next(t)),
            action("utter_risk_check_in", next(t)),
            bot(
                "That sounds really hard. Are you safe right now? Samaritans listen any time on 116 123.",
                "utter_risk_check_in",
                {"type": "crisis", "category": "check_in", "nation": "uk", "contacts": [SAMARITANS]},
                ts=next(t),
            ),
            action("action_listen", next(t)),
        ]
    elif kind == "echo":
        # The bot repeats the parent's details back; the parent quotes a helpline they tried.
        ev += [
            user(
                "I already rang 0808 802 5544. my number is 07700 900456, jo.bloggs@example.com",
                "inform",
                0.9,
                ts=next(t),
            ),
            bot(
                "Thanks. I have 07700 900456 and jo.bloggs@example.com, NHS number 943 476 5919. "
                "Samaritans are on 116 123 and jo@samaritans.org.",
                "utter_confirm_details",
                ts=next(t),
            ),
            action("action_listen", next(t)),
        ]
    elif kind == "gap":
        ev += [
            user(
                "anything in Timbuktu",
                "find_support",
                0.8,
                entities=[{"entity": "location", "value": "Timbuktu"}],
                channel="socketio",
                ts=next(t),
            ),
            SlotSet("location", "Timbuktu", timestamp=next(t)),
            bot(
                "I couldn't find anything local, but these national services can help: PANDAS 0808 1961 776.",
                "utter_no_local_services",
                {"type": "services", "services": [], "more": False},
                ts=next(t),
            ),
        ]
    else:
        raise ValueError(kind)
    return ev


KINDS = ("normal", "crisis", "fallback", "place", "not_helped", "script", "gap", "checkin", "echo")
# Minutes before the set's start: the check-in has waited longest (the queue still puts the crisis first).
EARLIER = {"checkin": 30}


async def _save(url_path: Path, conversations: dict[str, list[Event]]) -> None:
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(url_path))
    for sender, events in conversations.items():
        tracker = DialogueStateTracker.from_events(sender, events)
        await store.save(tracker)
    store.engine.dispose()


def fill(db_path: Path, conversations: dict[str, list[Event]]) -> None:
    """Save conversations into a SQLite tracker store at ``db_path``."""
    asyncio.run(_save(db_path, conversations))


def standard_set(db_path: Path, start: float | None = None) -> dict[str, str]:
    """One conversation of each kind; returns {kind: sender_id}."""
    start = start or time.time() - 3600
    senders = {kind: f"test-{kind}-{i}" for i, kind in enumerate(KINDS)}
    fill(
        db_path,
        {senders[k]: conversation(k, start + i * 60 - EARLIER.get(k, 0) * 60) for i, k in enumerate(KINDS)},
    )
    return senders
