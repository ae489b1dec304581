"""The plain bot's one custom action: a single SQLite query for services in a place."""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

PLACES = (
    "Brecon",
    "Newtown",
    "Welshpool",
    "Llandrindod Wells",
    "Milton Keynes",
    "Bletchley",
    "Wolverton",
    "Machynlleth",
)


def database() -> sqlite3.Connection:
    """The services table (created with 40 rows on first use)."""
    conn = sqlite3.connect(os.environ.get("PLAIN_SERVICES_DB", "plain_services.db"))
    conn.execute("CREATE TABLE IF NOT EXISTS services (name TEXT, place TEXT, phone TEXT)")
    if conn.execute("SELECT COUNT(*) FROM services").fetchone()[0] == 0:
        rows = [(f"Service {i}", PLACES[i % len(PLACES)], f"01234 5678{i:02d}") for i in range(40)]
        conn.executemany("INSERT INTO services VALUES (?, ?, ?)", rows)
        conn.commit()
    return conn


class ActionSearchServices(Action):
    def name(self) -> str:
        return "action_search_services"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[dict]:
        place = tracker.get_slot("place") or "Brecon"
        with database() as conn:
            rows = conn.execute(
                "SELECT name, phone FROM services WHERE place = ? LIMIT 3", (place,)
            ).fetchall()
        if rows:
            dispatcher.utter_message(text="\n".join(f"{name}: {phone}" for name, phone in rows))
        else:
            dispatcher.utter_message(text=f"I found nothing in {place}.")
        return []
