"""Rasa NLU component: Rasa's CRFEntityExtractor, loaded without training it again.

Rasa 3.6's ``CRFEntityExtractor`` keeps only its training tokens in the model and
trains the CRF again every time the model loads: ~2.7 s of a ~9 s start on this
2-core machine, and again in each Sanic worker (docs/speed.md, round 8). This
subclass also keeps the trained taggers (sklearn-crfsuite's CRF objects, which
pickle the model file's bytes) and loads those; the tokens and the order are kept
as before, so a model without the taggers (trained before this component) loads
Rasa's way. The taggers loaded are the ones training made, so the entities are
the same (tests/unit/core/test_nlu_components.py).
"""

from __future__ import annotations

import logging
import pickle
from typing import Any

import rasa.shared.utils.io
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.crf_entity_extractor import CRFEntityExtractor, CRFToken

logger = logging.getLogger(__name__)

TAGGERS_FILE = "crf_taggers.pkl"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class SavedCRFEntityExtractor(CRFEntityExtractor):
    """CRFEntityExtractor whose trained taggers are saved with the model."""

    def persist(self, dataset: list[list[CRFToken]]) -> None:
        """Rasa's files (training tokens, tag order) and the trained taggers."""
        super().persist(dataset)
        with self._model_storage.write_to(self._resource) as model_dir:
            (model_dir / TAGGERS_FILE).write_bytes(pickle.dumps(self.entity_taggers))

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> CRFEntityExtractor:
        """The saved taggers; Rasa's load (training again) when the model has none."""
        try:
            with model_storage.read_from(resource) as model_dir:
                path = model_dir / TAGGERS_FILE
                if path.exists():
                    # The model archive is this deployment's own, as for every Rasa component.
                    taggers = pickle.loads(path.read_bytes())  # noqa: S301
                    extractor = cls(config, model_storage, resource, taggers)
                    extractor.crf_order = rasa.shared.utils.io.read_json_file(model_dir / "crf_order.json")
                    return extractor
        except ValueError:
            pass  # no resource: Rasa's load says so and returns an empty extractor
        logger.debug("CRF taggers not saved with this model: trained again on load")
        return super().load(config, model_storage, resource, execution_context, **kwargs)
