"""Deterministic entities on top of DIET: known places, their nation, a default topic.

Places come from the directory's gazetteer (via the spaCy entity ruler for
names, and postcode patterns), so "Aberhonddu", "LD3 7HR" and "near MK" are
always understood and the `nation` slot is set without the action server: the
crisis replies depend on it.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.directory.places import Gazetteer, Place, load_gazetteer
from bot.nlu.spacy_nlp import PLACE_LABEL

# Intents whose answer varies by topic; "general" selects the default answer and
# replaces a topic left over from an earlier question.
TOPIC_INTENTS = {"ask_low_mood", "ask_attachment", "ask_infant_mental_health"}
DEFAULT_TOPIC = "general"


def _entity(name: str, value: str, start: int, end: int) -> dict[str, Any]:
    return {"entity": name, "value": value, "start": start, "end": end, "confidence_entity": 1.0}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ProjectEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds canonical `location` and `nation` for known places and a default `topic`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ProjectEntityExtractor:
        return cls(load_gazetteer())

    def places(self, message: Message) -> list[tuple[int, int, Place]]:
        """Known places in the message: ruler matches on names, plus postcodes."""
        text = message.get(TEXT) or ""
        found = []
        doc = message.get(SPACY_DOCS[TEXT])
        for ent in doc.ents if doc is not None else ():
            if ent.label_ == PLACE_LABEL:
                match = self._gazetteer.resolve(text[ent.start_char : ent.end_char])
                if match.place is not None:
                    found.append((ent.start_char, ent.end_char, match.place))
        taken = [(start, end) for start, end, _ in found]
        for start, end, place in self._gazetteer.find_in_text(text):
            if not any(start < t_end and t_start < end for t_start, t_end in taken):
                found.append((start, end, place))
        return sorted(found, key=lambda item: item[0])

    def process(self, messages: list[Message]) -> list[Message]:
        """Rewrite location entities and add nation / topic (see module docstring)."""
        for message in messages:
            entities = list(message.get(ENTITIES, []))
            places = self.places(message)
            added = []
            if places:
                start, end, place = places[0]
                # The known place replaces DIET's guesses, so the slot gets one clean value.
                entities = [e for e in entities if e["entity"] != "location"]
                added.append(_entity("location", place.name, start, end))
                added.append(_entity("nation", place.nation, start, end))
            intent = (message.get(INTENT) or {}).get("name")
            if intent in TOPIC_INTENTS and not any(e["entity"] == "topic" for e in entities):
                added.append(_entity("topic", DEFAULT_TOPIC, 0, 0))
            message.set(ENTITIES, entities + self.add_extractor_name(added), add_to_output=True)
        return messages
