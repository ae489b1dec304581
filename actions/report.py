"""A parent says a service's information is wrong: note which service, for staff."""

from __future__ import annotations

import json
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions import directory

UNSPECIFIED = "unspecified"
REPORT = "/report_wrong_info"


def reported_service(tracker: Tracker) -> str | None:
    """The service the report is about: the card's button names it; the one service of
    the last search; None when several were shown (ask which); "unspecified" when none."""
    named = next(tracker.get_latest_entity_values("service_id"), None)
    if named:
        return str(named)
    shown = tracker.get_slot("shown_services") or []
    if len(shown) > 1:
        return None
    return str(shown[0]) if shown else UNSPECIFIED


def which_buttons(service_ids: list[str]) -> list[dict[str, str]]:
    """One button per service shown, named as its card is; a report of that service."""
    buttons = []
    for service_id in service_ids:
        try:
            card = directory().get_service(service_id)
        except SQLAlchemyError:
            card = None
        title = card.name if card is not None else service_id
        buttons.append({"title": title, "payload": REPORT + json.dumps({"service_id": service_id})})
    return buttons


class ActionReportDirectory(Action):
    """Records the report as the `directory_report` slot (never the parent's words) and thanks them."""

    def name(self) -> str:
        return "action_report_directory"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        service = reported_service(tracker)
        if service is None:
            shown = [str(s) for s in tracker.get_slot("shown_services") or []]
            dispatcher.utter_message(response="utter_report_which", buttons=which_buttons(shown))
            return []
        dispatcher.utter_message(response="utter_report_thanks")
        return [SlotSet("directory_report", service)]
