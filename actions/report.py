"""A parent says a service's information is wrong: note which service, for staff."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

UNSPECIFIED = "unspecified"


def reported_service(tracker: Tracker) -> str:
    """The service the report is about: the card's button names it; otherwise the
    first service of the last search; otherwise "unspecified" (staff still see it)."""
    named = next(tracker.get_latest_entity_values("service_id"), None)
    if named:
        return str(named)
    shown = tracker.get_slot("shown_services") or []
    return str(shown[0]) if shown else UNSPECIFIED


class ActionReportDirectory(Action):
    """Records the report as the `directory_report` slot (never the parent's words) and thanks them."""

    def name(self) -> str:
        return "action_report_directory"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_report_thanks")
        return [SlotSet("directory_report", reported_service(tracker))]
