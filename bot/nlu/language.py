"""Rasa NLU component: marks a message written in Welsh with the entity ``language`` = ``cy``.

The slot ``language`` is filled from it (domain.yml), so the reply comes in Welsh.
A channel may say the parent's language in the message metadata (``language``:
``cy``: the widget while Welsh is chosen, Telegram's ``language_code`` on
/start); that is used when the text itself says nothing.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.language import ENGLISH, LANGUAGE_SLOT, WELSH, detect

EXTRACTOR = "LanguageDetector"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LanguageDetector(GraphComponent):
    """Adds ``language`` = ``cy`` to a Welsh message (or the channel's stated choice)."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LanguageDetector:
        """No state."""
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Add the entity when the text is Welsh or the channel says the language."""
        for message in messages:
            text = message.get(TEXT) or ""
            language = detect(text)
            if language is None:
                stated = (message.get("metadata") or {}).get(LANGUAGE_SLOT)
                language = stated if stated in (WELSH, ENGLISH) else None
            if language is None:
                continue
            entities = [e for e in message.get(ENTITIES) or [] if e.get("entity") != LANGUAGE_SLOT]
            entities.append(
                {
                    "entity": LANGUAGE_SLOT,
                    "value": language,
                    "start": 0,
                    "end": 0,
                    "extractor": EXTRACTOR,
                    "confidence_entity": 1.0,
                }
            )
            message.set(ENTITIES, entities, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Nothing to do at training time."""
        return training_data
