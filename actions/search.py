"""Look up services for the parent's place and show up to three of them."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import directory
from bot.directory.signposting import PAGE_SIZE, SQLAlchemyError, search

logger = logging.getLogger(__name__)

NARROWING = {"narrow_online": "online", "narrow_groups": "group", "narrow_one_to_one": "one_to_one"}

# The search answered by the location form's validation when it accepts a place
# (actions/location_form.py): what this action would reply in the same turn, as the
# action server sends a reply ({"responses": [...], "events": [...]}). The Rasa
# server replies with it for action_search_services instead of calling this server
# a second time (bot/nlu/rasa_fixes.py, fix 7).
PREFETCH_SLOT = "search_prefetch"


def search_events(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """This turn's search: its messages to `dispatcher`, its slot events returned.

    Raises SQLAlchemyError when the directory cannot be read.
    """
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    mode = tracker.get_slot("search_mode")
    offset = 0
    if intent == "ask_more_results":
        offset = int(tracker.get_slot("results_offset") or 0) + PAGE_SIZE
    elif intent in NARROWING:
        mode = NARROWING[intent]
    else:
        mode = None
    reply = search(
        tracker.get_slot("location"),
        role=tracker.get_slot("role"),
        topic=tracker.get_slot("topic"),
        language=tracker.get_slot("language"),
        place_id=tracker.get_slot("place_id"),
        mode=mode,
        offset=offset,
        directory=directory(),
    )
    dispatcher.utter_message(response=reply.response, json_message=reply.payload, **reply.variables)
    if reply.payload is not None:
        dispatcher.utter_message(response="utter_results_options")
    shown = [service["id"] for service in (reply.payload or {}).get("services", [])]
    return [
        SlotSet("results_offset", float(reply.offset)),
        SlotSet("search_mode", mode),
        SlotSet("shown_services", shown or None),
    ]


def prefetched_search(tracker: Tracker) -> dict[str, Any] | None:
    """The reply this action would give on `tracker` now, or None if the directory failed
    (the action then runs, and reports the failure, as it always did)."""
    dispatcher = CollectingDispatcher()
    try:
        events = search_events(dispatcher, tracker)
    except SQLAlchemyError:
        return None
    return {"responses": dispatcher.messages, "events": events}


class ActionSearchServices(Action):
    """New search, next page ("show me more") or a narrower search."""

    def name(self) -> str:
        return "action_search_services"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        try:
            return search_events(dispatcher, tracker)
        except SQLAlchemyError as error:
            logger.error("directory lookup failed: %s", type(error).__name__)
            dispatcher.utter_message(response="utter_directory_unavailable")
            return []
