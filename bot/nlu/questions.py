"""A question about a topic the bot can answer is a question, whatever the intent classifier thought.

The intent classifier learns question intents from examples, and a question phrased unlike any of
them ("will social services get involved if i'm honest with my hv?") falls to
`out_of_scope` or the fallback even though the topic extractor found a topic with
an answer. This component runs after the FallbackClassifier: when the message names a
topic that has an answer in data/answers/answers.yml and no place (a place means
"find me help"), and the NLU either could not place it (fallback, out of scope)
or read it as a request that is phrased as a question and does not ask for a
service, the intent becomes `ask_low_mood`, whose answer is chosen by topic. The crisis path is untouched: the
risk detector runs after this and overrides any intent.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.answers import answers

QUESTION_INTENT = "ask_low_mood"
# Intents that give no answer to a question; a find_support with a place is a search.
REROUTABLE = frozenset({"nlu_fallback", "out_of_scope", "inform", "find_support", "ask_help", "ask_privacy"})
UNPLACED = frozenset({"nlu_fallback", "out_of_scope"})
_STARTS = (
    r"what|whats|what's|when|whens|how|hows|why|who|which|where|is|isn'?t|are|aren'?t|can|could|"
    r"do|does|did|will|would|should|shall|am|has|have|tell me|explain|i wonder|is it|"
    r"beth|pryd|sut|pam|pwy|oes|ydy|ydw|a yw|a ydy|a fydd|a all|alla|allai|fydd|ga i|dylwn"
)
_QUESTION = re.compile(rf"\?|^\W*(?:{_STARTS})\b", re.IGNORECASE)
# A question that asks for a service, not for an explanation.
_SEEKING = re.compile(
    r"\b(?:where|is there|are there|any|anything|anyone|anybody|someone|somebody|who can|"
    r"near|local|group|groups|(?<!social )services?|support|help line|helpline|number|oes (?:yna|na|grwp)|ble)\b",
    re.IGNORECASE,
)


def is_question(text: str) -> bool:
    """A question mark anywhere, or a sentence that starts like a question."""
    return bool(_QUESTION.search(text.strip()))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class QuestionRouter(GraphComponent):
    """Sends questions about answerable topics to the question intent (see module docstring)."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> QuestionRouter:
        return cls()

    def __init__(self) -> None:
        self._topics = frozenset(answers())

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            if intent.get("name") not in REROUTABLE:
                continue
            entities = message.get(ENTITIES) or []
            topics = {e.get("value") for e in entities if e.get("entity") == "topic"}
            if not topics & self._topics or any(e.get("entity") == "location" for e in entities):
                continue
            text = message.get(TEXT) or ""
            # A message the NLU could not place that names a topic with an answer gets
            # the answer ("I'm scared they'll take my baby if I tell them"); a message
            # it read as a request needs to be a question, and not one for a service.
            unplaced = intent.get("name") in UNPLACED
            if not unplaced and (not is_question(text) or _SEEKING.search(text)):
                continue
            confidence = max(float(intent.get("confidence") or 0.0), 0.5)
            message.set(INTENT, {"name": QUESTION_INTENT, "confidence": confidence}, add_to_output=True)
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != QUESTION_INTENT]
            message.set(
                INTENT_RANKING_KEY,
                [{"name": QUESTION_INTENT, "confidence": confidence}, *ranking],
                add_to_output=True,
            )
        return messages
