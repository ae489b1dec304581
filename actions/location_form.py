"""Validate the answer to "where do you live?"."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from bot.signposting import check_place


class ValidateLocationForm(FormValidationAction):
    """Accepts known places, "online", "anywhere" and "skip"; helps with the rest."""

    def name(self) -> str:
        return "validate_location_form"

    def validate_location(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        text = slot_value[0] if isinstance(slot_value, list) and slot_value else slot_value
        check = check_place(str(text or ""))
        if check.response:
            buttons = [{"title": option, "payload": option} for option in check.options]
            dispatcher.utter_message(response=check.response, buttons=buttons, **check.variables)
        events: dict[str, Any] = {"location": check.value}
        if check.nation:
            events["nation"] = check.nation
        return events
