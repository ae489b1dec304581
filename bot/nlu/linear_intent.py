"""Rasa NLU component: a linear intent classifier on TF-IDF word and character n-grams.

The project's intent classifier since speed round 8 (in place of DIET, ~10 ms
less a turn; docs/speed.md):
multinomial logistic regression (scikit-learn) on the message's own text, with
two TF-IDF views, word 1-2-grams and character 1-5-grams inside word
boundaries (typos, text speak, Welsh mutations), accents stripped, each
L2-normalised. It reads
no features of the pipeline and extracts no entities (places, topics and roles
come from ``bot.nlu.extractors.ProjectEntityExtractor``).

A message is scored without scikit-learn's per-call checks: its n-grams are
counted with the fitted vectorisers' analysers, weighted and normalised as
``TfidfVectorizer`` does, and multiplied with the coefficients of the n-grams
present; the probabilities are those of ``LogisticRegression.predict_proba``
(tests/unit/core/test_linear_intent.py holds them equal). The model is stored
as JSON and NumPy arrays (no pickle).
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

logger = logging.getLogger(__name__)

# The two views: (name, TfidfVectorizer parameters other than the n-gram range).
VIEWS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("words", {"analyzer": "word", "token_pattern": r"(?u)\b\w+\b"}),
    ("chars", {"analyzer": "char_wb"}),
)


def normalise(text: str) -> str:
    """The text the classifier reads: curly apostrophes straightened (lower-casing is the vectorisers')."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _vectoriser_params(config: dict[str, Any], view: str, params: dict[str, Any]) -> dict[str, Any]:
    ngrams = config["word_ngrams"] if view == "words" else config["char_ngrams"]
    return {
        **params,
        "ngram_range": (int(ngrams[0]), int(ngrams[1])),
        "sublinear_tf": True,
        "lowercase": True,
        "strip_accents": config["strip_accents"],
    }


class _View:
    """One fitted TF-IDF view: the analyser, the vocabulary, the idf weights and the column offset."""

    def __init__(
        self, analyser: Callable[[str], list[str]], vocabulary: dict[str, int], idf: np.ndarray, offset: int
    ):
        self.analyser = analyser
        self.vocabulary = vocabulary
        self.idf = idf
        self.offset = offset

    def columns(self, text: str) -> tuple[list[int], list[float]]:
        """The columns and TF-IDF values of the text's n-grams in this view (sublinear tf, L2 norm)."""
        counts = Counter(self.analyser(text))
        vocabulary, idf = self.vocabulary, self.idf
        columns = []
        values = []
        for gram, count in counts.items():
            column = vocabulary.get(gram)
            if column is not None:
                columns.append(column + self.offset)
                values.append((1.0 + math.log(count)) * float(idf[column]))
        norm = math.sqrt(sum(v * v for v in values))
        if norm > 0:
            values = [v / norm for v in values]
        return columns, values


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    """Intent and ranking from logistic regression on TF-IDF word and character n-grams."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """C and the accents chosen by 5-fold cross-validation on data/nlu (docs/speed.md, round 7)."""
        return {
            "C": 30.0,
            "class_weight": "balanced",
            "word_ngrams": [1, 2],
            "char_ngrams": [1, 5],
            # Accents dropped before the n-grams (Welsh is often typed without its to bach); None keeps them.
            "strip_accents": "unicode",
            "max_iter": 2000,
            "ranking_length": 10,
            # The scores are divided by it before the softmax: under 1 the probabilities are
            # sharper (the ranking is unchanged). 1 gives predict_proba's.
            "temperature": 1.0,
        }

    @staticmethod
    def required_packages() -> list[str]:
        return ["sklearn"]

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        views: list[_View] | None = None,
        coef_t: np.ndarray | None = None,
        intercept: np.ndarray | None = None,
        classes: list[str] | None = None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._views = views or []
        # (n_features, n_classes): the rows of a message's n-grams are gathered.
        self._coef_t = coef_t
        self._intercept = intercept
        self._classes = classes or []

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    # ---- training -------------------------------------------------------------------

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the two views and the regression on the intent examples; store them."""
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if not examples:
            logger.debug("LinearIntentClassifier: no intent examples, not trained")
            return self._resource
        texts = [normalise(e.get(TEXT)) for e in examples]
        labels = [e.get(INTENT) for e in examples]
        vectorisers = [TfidfVectorizer(**_vectoriser_params(self._config, view, p)) for view, p in VIEWS]
        matrix = hstack([v.fit_transform(texts) for v in vectorisers]).tocsr()
        clf = LogisticRegression(
            C=float(self._config["C"]),
            class_weight=self._config["class_weight"],
            max_iter=int(self._config["max_iter"]),
            solver="lbfgs",
            multi_class="multinomial",
            random_state=42,
        )
        clf.fit(matrix, labels)
        self._set_model(
            [(v.vocabulary_, v.idf_) for v in vectorisers],
            clf.coef_,
            clf.intercept_,
            [str(c) for c in clf.classes_],
        )
        self.persist([{k: int(i) for k, i in v.vocabulary_.items()} for v in vectorisers])
        return self._resource

    def _set_model(
        self,
        fitted: list[tuple[dict[str, int], np.ndarray]],
        coef: np.ndarray,
        intercept: np.ndarray,
        classes: list[str],
    ) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        views = []
        offset = 0
        for (view, params), (vocabulary, idf) in zip(VIEWS, fitted, strict=True):
            analyser = TfidfVectorizer(**_vectoriser_params(self._config, view, params)).build_analyzer()
            views.append(_View(analyser, dict(vocabulary), np.asarray(idf, dtype=np.float64), offset))
            offset += len(vocabulary)
        self._views = views
        self._coef_t = np.ascontiguousarray(np.asarray(coef, dtype=np.float64).T)
        self._intercept = np.asarray(intercept, dtype=np.float64)
        self._classes = classes

    def _view_config(self) -> dict[str, Any]:
        """The settings the n-grams were counted with: stored with the model, so a model reads as it was trained."""
        return {key: self._config[key] for key in ("word_ngrams", "char_ngrams", "strip_accents")}

    def persist(self, vocabularies: list[dict[str, int]]) -> None:
        assert self._coef_t is not None and self._intercept is not None
        with self._model_storage.write_to(self._resource) as directory:
            (directory / "model.json").write_text(
                json.dumps(
                    {"classes": self._classes, "vocabularies": vocabularies, "views": self._view_config()}
                ),
                encoding="utf-8",
            )
            np.savez(
                directory / "arrays.npz",
                coef_t=self._coef_t,
                intercept=self._intercept,
                **{f"idf_{i}": view.idf for i, view in enumerate(self._views)},
            )

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LinearIntentClassifier:
        component = cls(config, model_storage, resource)
        try:
            with model_storage.read_from(resource) as directory:
                meta = json.loads((directory / "model.json").read_text(encoding="utf-8"))
                with np.load(directory / "arrays.npz", allow_pickle=False) as arrays:
                    idfs = [arrays[f"idf_{i}"] for i in range(len(VIEWS))]
                    coef_t, intercept = arrays["coef_t"], arrays["intercept"]
        except ValueError:
            logger.debug("LinearIntentClassifier: no trained model in %s", resource.name)
            return component
        component._config.update(meta.get("views") or {})
        component._set_model(
            list(zip(meta["vocabularies"], idfs, strict=True)), coef_t.T, intercept, meta["classes"]
        )
        return component

    # ---- prediction -----------------------------------------------------------------

    def probabilities(self, text: str) -> np.ndarray:
        """The class probabilities of one text (``LogisticRegression.predict_proba``'s at temperature 1)."""
        assert self._coef_t is not None and self._intercept is not None
        columns: list[int] = []
        values: list[float] = []
        text = normalise(text)
        for view in self._views:
            view_columns, view_values = view.columns(text)
            columns += view_columns
            values += view_values
        scores = self._intercept.copy()
        if columns:
            scores += np.asarray(values) @ self._coef_t[columns]
        temperature = float(self._config["temperature"])
        if temperature != 1.0:
            scores /= temperature
        scores -= scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def process(self, messages: list[Message]) -> list[Message]:
        """Set the intent and the ranking (the ranking_length likeliest) of each message."""
        if self._coef_t is None:
            return messages
        length = int(self._config["ranking_length"])
        for message in messages:
            probabilities = self.probabilities(message.get(TEXT) or "")
            order = np.argsort(-probabilities, kind="stable")
            if length > 0:
                order = order[:length]
            ranking = [
                {INTENT_NAME_KEY: self._classes[i], PREDICTED_CONFIDENCE_KEY: float(probabilities[i])}
                for i in order
            ]
            ranking = read_the_answer(message.get(TEXT) or "", ranking)
            message.set(INTENT, dict(ranking[0]), add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages


# A "no" needs a negative word: the character n-grams that carry Welsh "na" also
# read a place such as "Nantwich" as a no. And "no, I'm fine" is reassurance, not a
# bare no: to "are you safe right now?" after a disclosure it gets acknowledgement
# and a same-day route (the crisis_misunderstood path), as DIET read it.
_NEGATIVE = re.compile(
    r"\b(?:no+|nope|nah|na+|nay|not|never|don'?t|do not|negative|wrong|later|skip|cancel|stop|rather not"
    r"|nage|naddo|nac\w*|nag\w*|nad\w*|dim|ddim|s'?dim|sim|sai|sa i|dydw|peidio|beidio|byth|nid|gad o|pasio)\b|n't\b|'m\b"
)
_REASSURED = re.compile(r"\b(?:fine|ok|okay|alright|all right|safe|grand|iawn|saff)\b")
_NOT_REASSURED = re.compile(
    r"\b(?:not|never|ddim|dim)\s+(?:\w+\s+)?(?:fine|ok|okay|alright|all right|safe|grand|iawn|saff)\b"
    r"|\bno\s+(?:good|safe)\b|n't\s+(?:\w+\s+)?(?:fine|ok|okay|alright|safe|iawn|saff)\b"
)
DENY, MISUNDERSTOOD = "deny", "crisis_misunderstood"


def read_the_answer(text: str, ranking: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ranking, with a "deny" that has no negative word set below the next intent,
    and a no with reassurance that is not negated ("no im fine") read as the
    misunderstood intent (its probability and deny's swapped)."""
    if not ranking or ranking[0][INTENT_NAME_KEY] != DENY:
        return ranking
    lowered = text.lower()
    if not _NEGATIVE.search(lowered):
        return ranking[1:] + ranking[:1]
    names = [r[INTENT_NAME_KEY] for r in ranking]
    if MISUNDERSTOOD in names and _REASSURED.search(lowered) and not _NOT_REASSURED.search(lowered):
        at = names.index(MISUNDERSTOOD)
        swapped = [dict(r) for r in ranking]
        swapped[0] = {
            INTENT_NAME_KEY: MISUNDERSTOOD,
            PREDICTED_CONFIDENCE_KEY: ranking[0][PREDICTED_CONFIDENCE_KEY],
        }
        swapped[at] = {INTENT_NAME_KEY: DENY, PREDICTED_CONFIDENCE_KEY: ranking[at][PREDICTED_CONFIDENCE_KEY]}
        return swapped
    return ranking
