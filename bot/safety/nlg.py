"""The Rasa server's response generator: the domain's responses plus the crisis variations.

Configured in endpoints.yml (``nlg: type: bot.safety.nlg.CrisisAwareNLG``). It runs
inside the Rasa server, like domain responses, so the crisis replies need neither
the action server nor a database. Rasa's own response filter chooses the variation
from the slots ``nation``, ``risk_category`` and ``risk_detail``, exactly as it
would if the variations were written in domain.yml (they were, until the file
reached ~700 kB and took ~35 s of every start to read).
"""

from __future__ import annotations

from typing import Any

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain

from bot.safety.responses import crisis_responses


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
