"""Rasa NLU component: the deterministic risk detector on the RAW message text.

Placed after DIETClassifier and FallbackClassifier in config.yml, so a lexicon
hit overrides both. Rasa appends ``RegexMessageHandler`` as the last NLU node;
it replaces the intent of any text starting with ``/<known intent>``. When risk
is found in such a text we remove the leading command from the message TEXT so
the handler leaves ``crisis`` alone (the tracker keeps the original text).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.safety.detector import RiskFinding, assess, everyday_idiom, strip_command, warm_up
from bot.safety.recent import METADATA_KEY, RecentMessages

logger = logging.getLogger(__name__)

CRISIS_INTENT = "crisis"
NEGATED_INTENT = "risk_negated"
EXTRACTOR = "RiskDetector"


def _entity(name: str, value: str) -> dict[str, Any]:
    return {"entity": name, "value": value, "start": 0, "end": 0,
            "extractor": EXTRACTOR, "confidence_entity": 1.0}


def apply_finding(message: Message, finding: RiskFinding) -> None:
    """Set intent, ranking and entities on ``message`` for a detector finding."""
    intent = NEGATED_INTENT if finding.negated else CRISIS_INTENT
    ranking = [r for r in (message.get(INTENT_RANKING_KEY) or []) if r.get(INTENT_NAME_KEY) != intent]
    message.set(INTENT, {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [{INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}, *ranking],
                add_to_output=True)
    # Drop anything else claiming our entities (e.g. DIET) so the slots come from here.
    entities = [e for e in (message.get(ENTITIES) or []) if e.get("entity") not in {"risk_category", "risk_detail"}]
    if finding.negated:
        entities.append(_entity("risk_detail", "negated"))
    else:
        entities.append(_entity("risk_category", finding.category))
        if finding.about_other:
            entities.append(_entity("risk_detail", "other_person"))
        elif finding.category == "C3" and finding.detail in {"intrusive", "intent"}:
            entities.append(_entity("risk_detail", finding.detail))
        else:
            entities.append(_entity("risk_detail", "self"))
    message.set(ENTITIES, entities, add_to_output=True)


# A button payload: "/intent", "/intent@0.9" or "/intent{...}" and nothing else.
BUTTON_PAYLOAD = re.compile(r"/[A-Za-z_][\w-]*(?:@[0-9.]+)?(?:\{.*\})?", re.S)


def keep_free_text_out_of_the_command_parser(message: Message, raw: str) -> None:
    """Let only real button payloads reach Rasa's "/intent" parser.

    Typed text that merely starts with "/" ("/ I feel awful") would be parsed as
    an unknown intent, and Rasa's warning about it quotes the whole message into
    the log. DIET has already classified the text, so dropping the slash loses
    nothing.
    """
    stripped = raw.strip()
    if stripped.startswith("/") and not BUTTON_PAYLOAD.fullmatch(stripped):
        message.set(TEXT, stripped.lstrip("/"))


def mark_unclear(message: Message) -> None:
    """A classifier-only crisis: ask gently (with the numbers) rather than assume.

    The lexicon found nothing, so the reply checks whether the parent is safe
    instead of treating a maybe as a disclosure (SAFETY.md H8: over-triggering).
    """
    entities = [e for e in (message.get(ENTITIES) or []) if e.get("entity") not in {"risk_category", "risk_detail"}]
    message.set(ENTITIES, [*entities, _entity("risk_detail", "unclear")], add_to_output=True)


def _intent_name(message: Message) -> str | None:
    return (message.get(INTENT) or {}).get(INTENT_NAME_KEY)


def set_aside_crisis(message: Message) -> None:
    """Replace a classifier-only crisis guess with the next best intent.

    Only for everyday idioms the lexicon knows ("teething is killing me"):
    a real disclosure in the same message is a lexicon finding and never
    reaches here.
    """
    ranking = [r for r in (message.get(INTENT_RANKING_KEY) or []) if r.get(INTENT_NAME_KEY) != CRISIS_INTENT]
    best = ranking[0] if ranking else {INTENT_NAME_KEY: "nlu_fallback", PREDICTED_CONFIDENCE_KEY: 1.0}
    message.set(INTENT, dict(best), add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
    logger.debug("classifier-only crisis set aside: everyday idiom")


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RiskDetector(GraphComponent, IntentClassifier):
    """Marks messages that disclose risk as intent ``crisis`` (or ``risk_negated``)."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RiskDetector:
        """Create the component and build the lexicon once, at load time."""
        warm_up()
        return cls()

    def __init__(self) -> None:
        self._recent = RecentMessages()

    def _previous(self, message: Message, raw: str) -> str | None:
        key = (message.get("metadata") or {}).get(METADATA_KEY)
        return self._recent.swap(str(key), raw) if key else None

    def process(self, messages: list[Message]) -> list[Message]:
        """Assess each message's raw text; see module docstring."""
        for message in messages:
            raw = message.get(TEXT) or ""
            finding = assess(raw, previous=self._previous(message, raw))
            if finding is None:
                if _intent_name(message) == CRISIS_INTENT:
                    if everyday_idiom(raw):
                        set_aside_crisis(message)
                    else:
                        mark_unclear(message)
                keep_free_text_out_of_the_command_parser(message, raw)
                continue
            logger.debug("risk rule=%s category=%s negated=%s", finding.rule, finding.category, finding.negated)
            apply_finding(message, finding)
            if raw.lstrip().startswith("/"):
                message.set(TEXT, strip_command(raw.lstrip()))
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Nothing to do at training time."""
        return training_data
