"""Rasa's SpacyNLP, fed with the project's own spaCy pipeline instead of a download.

The class keeps the name `SpacyNLP` on purpose: Rasa's SpacyTokenizer finds its
model provider by that class name (`model_from="SpacyNLP"`).
"""

from __future__ import annotations

import hashlib
from typing import Any, cast

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.nlu.utils.spacy_utils import SpacyNLP as RasaSpacyNLP
from spacy.language import Language
from spacy.pipeline import EntityRuler

from bot.directory.places import load_gazetteer
from bot.nlp import english_pipeline
from bot.nlu import rasa_fixes

PLACE_LABEL = "PLACE"


def build_nlu_pipeline() -> Language:
    """Blank English + lookup lemmatiser + an entity ruler of every known place name.

    Patterns match lower-cased tokens, because SpacyNLP lower-cases text first.
    """
    nlp = english_pipeline()
    ruler = cast(EntityRuler, nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"}))
    names = sorted(set(load_gazetteer().names()))
    ruler.add_patterns([{"label": PLACE_LABEL, "pattern": name.lower()} for name in names])
    return nlp


def pipeline_fingerprint() -> str:
    """Changes when the place names change, so Rasa retrains what depends on them."""
    names = "\n".join(sorted(set(load_gazetteer().names())))
    return "project-en-" + hashlib.sha256(names.encode()).hexdigest()[:16]


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MODEL_LOADER, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=False,
    model_from="SpacyNLP",
)
class SpacyNLP(RasaSpacyNLP):
    """Provides the project's spaCy pipeline to SpacyTokenizer and the extractors."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RasaSpacyNLP:
        """Rasa's create, after installing the project's Rasa fixes.

        This component is the pipeline's first, created (for training and when a model
        is loaded) before the classifiers are loaded and before any message is parsed.
        """
        rasa_fixes.install()
        return super().create(config, model_storage, resource, execution_context)

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**RasaSpacyNLP.get_default_config(), "model": "project"}

    @staticmethod
    def load_model(spacy_model_name: str) -> SpacyModel:
        return SpacyModel(model=build_nlu_pipeline(), model_name=pipeline_fingerprint())

    @staticmethod
    def ensure_proper_language_model(nlp: Language | None) -> None:
        # Rasa's check rejects pipelines not loaded from disk; ours is built in code.
        if nlp is None:
            raise ValueError("The project's spaCy pipeline could not be built.")
