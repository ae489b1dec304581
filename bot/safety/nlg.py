"""The Rasa server's response generator: the domain's responses plus the crisis variations.

Configured in endpoints.yml (``nlg: type: bot.safety.nlg.CrisisAwareNLG``). It runs
inside the Rasa server, like domain responses, so the crisis replies need neither
the action server nor a database. Rasa's own response filter chooses the variation
from the slots ``nation``, ``risk_category`` and ``risk_detail``, exactly as it
would if the variations were written in domain.yml (they were, until the file
reached ~700 kB and took ~35 s of every start to read).

It also makes sure the privacy notice reaches every conversation, whatever its
first message is: the first reply of a session that is not the notice itself
carries it - after the contacts when that reply is a crisis reply (the most
urgent thing first), before the reply otherwise - together with the offer of
Cymraeg and English (a line in both languages and two buttons: the "active
offer" of the Welsh Language Standards).

Replies are in the language of the slot ``language``: the crisis replies name
it in their conditions; every other response's Welsh comes from
``data/wording/cy.yml`` (see ``bot.language``).
"""

from __future__ import annotations

from typing import Any

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SessionStarted

from bot.answers import CHECK_IN, DEFAULT_TOPIC, answer_for, check_in_response
from bot.language import LANGUAGE_SLOT, WELSH, in_welsh, is_language_specific, welsh_strings
from bot.safety.responses import crisis_responses, search_unavailable

PRIVACY_NOTICE = "utter_privacy_notice"
SEARCH_UNAVAILABLE = "utter_directory_unavailable"  # its words: data/safety/wording.yml, with the contacts
# Replies after which the notice follows instead of leading.
URGENT_REPLIES = {"utter_crisis", "utter_crisis_not_safe", "utter_risk_check_in"}
LANGUAGE_BUTTONS = [
    {"title": "Cymraeg", "payload": "/switch_language_cy"},
    {"title": "English", "payload": "/switch_language_en"},
]


def replied_this_session(events: Any) -> bool:
    """True if the bot has already said something since the session started."""
    for event in reversed(list(events)):
        if isinstance(event, BotUttered):
            return True
        if isinstance(event, SessionStarted):
            return False
    return False


class CrisisAwareNLG(TemplatedNaturalLanguageGenerator):
    """Domain responses, with each crisis response replaced by all its variations."""

    def __init__(self, endpoint_config: Any = None, domain: Domain | None = None, **_: Any) -> None:
        self._crisis = crisis_responses()
        super().__init__(domain.responses if domain is not None else {})

    @property
    def responses(self) -> dict[str, list[dict[str, Any]]]:
        return self._responses

    @responses.setter
    def responses(self, responses: dict[str, list[dict[str, Any]]] | None) -> None:
        # Rasa sets `responses` to the domain's again whenever it loads a model.
        self._responses = {**(responses or {}), **self._crisis}

    def _random_response_for(
        self, utter_action: str, output_channel: str, filled_slots: dict[str, Any]
    ) -> dict[str, Any] | None:
        """Rasa's choice of variation, in Welsh when the conversation is in Welsh.

        A question response gives the answer for the conversation's topic
        (data/answers/answers.yml, through bot.answers) in its language.
        """
        if utter_action in DEFAULT_TOPIC:
            answer = answer_for(utter_action, filled_slots.get("topic"))
            return {"text": answer.text(filled_slots.get(LANGUAGE_SLOT))}
        if utter_action in CHECK_IN:
            return check_in_response(utter_action, filled_slots.get(LANGUAGE_SLOT))
        if utter_action == SEARCH_UNAVAILABLE:
            lang = "cy" if filled_slots.get(LANGUAGE_SLOT) == WELSH else "en"
            return {"text": search_unavailable(lang)}
        variation = super()._random_response_for(utter_action, output_channel, filled_slots)
        if variation is None or filled_slots.get(LANGUAGE_SLOT) != WELSH or is_language_specific(variation):
            return variation
        return in_welsh(utter_action, variation) or variation

    async def generate(
        self, utter_action: str, tracker: Any, output_channel: str, **kwargs: Any
    ) -> dict[str, Any] | None:
        """The response, with the privacy notice and the language offer folded into a session's first reply."""
        response = await super().generate(utter_action, tracker, output_channel, **kwargs)
        if response is None or PRIVACY_NOTICE not in self._responses or replied_this_session(tracker.events):
            return response
        if utter_action != PRIVACY_NOTICE:
            notice = (await super().generate(PRIVACY_NOTICE, tracker, output_channel, **kwargs) or {}).get(
                "text"
            )
            if notice:
                text = response.get("text") or ""
                parts = [text, notice] if utter_action in URGENT_REPLIES else [notice, text]
                response["text"] = "\n\n".join(p for p in parts if p)
        offer = welsh_strings().get("offer_line_bilingual")
        if offer:
            response["text"] = f"{response.get('text') or ''}\n\n{offer}".strip()
        response["buttons"] = [*(response.get("buttons") or []), *LANGUAGE_BUTTONS]
        return response
