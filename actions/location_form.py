"""Validate the answer to "where do you live?"."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import directory
from bot.directory.signposting import check_place

REQUIRED_SLOTS = ("location",)


class ValidateLocationForm(FormValidationAction):
    """Accepts known places, "online", "anywhere" and "skip"; helps with the rest."""

    def name(self) -> str:
        return "validate_location_form"

    def domain_slots(self, domain: DomainDict) -> list[str]:
        # The Rasa server does not send its (large) domain to the action server
        # (`enable_selective_domain` in endpoints.yml), so the form's one slot is
        # named here; a unit test keeps it equal to the form in domain.yml.
        return list(REQUIRED_SLOTS)

    def validate_location(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        text = slot_value[0] if isinstance(slot_value, list) and slot_value else slot_value
        check = check_place(str(text or ""), tracker.get_slot("place_id"), directory=directory())
        if check.response:
            buttons = [{"title": option, "payload": option} for option in check.options]
            dispatcher.utter_message(response=check.response, buttons=buttons, **check.variables)
        events: dict[str, Any] = {"location": check.value, "place_id": check.place_id}
        if check.nation:
            events["nation"] = check.nation
        return events
