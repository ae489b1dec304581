"""Validate the answer to "where do you live?"."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import directory
from actions.search import PREFETCH_SLOT, prefetched_search
from bot.directory.signposting import check_place

REQUIRED_SLOTS = ("location",)


class ValidateLocationForm(FormValidationAction):
    """Accepts known places, "online", "anywhere" and "skip"; helps with the rest."""

    def name(self) -> str:
        return "validate_location_form"

    def domain_slots(self, domain: DomainDict) -> list[str]:
        # The Rasa server does not send its (large) domain to the action server
        # (`enable_selective_domain` in endpoints.yml, and `send_domain: false` for
        # this action in domain.yml: Rasa sends it to validate_* actions otherwise),
        # so the form's one slot is named here; a unit test keeps it equal to the
        # form in domain.yml.
        return list(REQUIRED_SLOTS)

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        events = await super().run(dispatcher, tracker, domain)
        # A place accepted fills the form's one slot, so the form ends and the search
        # (action_search_services) comes next in this turn: it is answered here too, on
        # the tracker with the accepted place, and the Rasa server sends that reply for
        # the search instead of calling this server again (actions/search.py PREFETCH_SLOT).
        accepted = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}.get("location")
        if accepted is not None and not dispatcher.messages:
            prefetch = prefetched_search(tracker)  # `tracker` holds the validated slots now
            if prefetch is not None:
                events.append(SlotSet(PREFETCH_SLOT, prefetch))
        return events

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
