"""The trained risk model: does a message disclose risk, and of which category?

It sits beside the rules (``detector.py``) and catches what they have no
pattern for. Two linear models over the same features:

* risk or not (binary, calibrated probability ``p_risk``);
* which category (C1..C9), trained on the risk examples only.

Features are TF-IDF weighted character n-grams inside words (2-5: they cope
with typos, text speak and Welsh mutations, "marw"/"farw", "lladd"/"ladd") and
word uni- and bigrams, on the same normalised text as the rules. A message of
a few dozen words is scored in well under a millisecond.

Training data (never the test sets under ``tests/``):

* ``data/safety/training/*.yml``: ``risk`` entries ``{text, cat}`` and
  ``everyday`` entries ``{text, kind}``, written for training;
* the NLU training data: ``crisis`` examples are risk, every other intent but
  ``risk_negated`` and ``crisis_misunderstood`` is everyday.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from bot.safety.detector import normalise

TRAINING_DIR = Path(__file__).resolve().parents[2] / "data" / "safety" / "training"
CATEGORIES = tuple(f"C{i}" for i in range(1, 10))
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True)
class RiskScore:
    """The model's view of one message."""

    p_risk: float
    category: str


@dataclass(frozen=True)
class Example:
    text: str
    category: str | None  # None: everyday


def model_text(text: str) -> str:
    """The text the model sees: the rules' normalisation, letters only."""
    return " ".join(_WORDS.findall(normalise(text)))


def load_examples(folder: Path = TRAINING_DIR) -> list[Example]:
    """Every example of the training folder's YAML files."""
    out: list[Example] = []
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("risk") or []:
            cat = str(entry["cat"])
            if cat not in CATEGORIES:
                raise ValueError(f"{path.name}: unknown category {cat!r}")
            out.append(Example(str(entry["text"]), cat))
        for entry in data.get("everyday") or []:
            out.append(Example(str(entry["text"] if isinstance(entry, dict) else entry), None))
    return out


def fingerprint(folder: Path = TRAINING_DIR) -> str:
    """A hash of the training files, so that Rasa retrains the model when they change."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.yml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _features() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion(
        [
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(2, 5),
                    min_df=2,
                    sublinear_tf=True,
                    max_features=200_000,
                    dtype=np.float32,
                ),
            ),
            (
                "words",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    min_df=1,
                    sublinear_tf=True,
                    token_pattern=r"(?u)\b\w[\w']*\b",
                    dtype=np.float32,
                ),
            ),
        ]
    )


class RiskModel:
    """Risk-or-not and category, from the same features."""

    def __init__(self, features: Any, risk: Any, category: Any) -> None:
        self.features = features
        self.risk = risk
        self.category = category

    @classmethod
    def train(cls, examples: Iterable[Example], c_risk: float = 10.0, c_category: float = 8.0) -> RiskModel:
        """Fit both models on the examples.

        ``c_risk`` (inverse regularisation of risk-or-not) was chosen on the
        regression sets (rounds 1 and 2 of the blind sets), model only: with the
        27k lines of round 6, recall at 2% false alarms 94.7% at C=10, 94.4% at
        25, 91.9% at 4 (4 was best with round 4's 14k lines).
        """
        from sklearn.linear_model import LogisticRegression

        examples = list(examples)
        texts = [model_text(e.text) for e in examples]
        features = _features()
        x = features.fit_transform(texts)
        y = np.array([e.category is not None for e in examples])
        risk = LogisticRegression(C=c_risk, class_weight="balanced", max_iter=3000)
        risk.fit(x, y)
        idx = [i for i, e in enumerate(examples) if e.category is not None]
        category = LogisticRegression(C=c_category, class_weight="balanced", max_iter=3000)
        category.fit(x[idx], [examples[i].category for i in idx])
        return cls(features, risk, category)

    # A bounded cache of scores by model text: the texts of a turn are scored
    # again in later turns (the previous turns joined; "hi", "thank you"). A
    # score is a pure function of the model text and this fitted model (each
    # row of a batch is computed on its own), so a cached score is the score.
    # Kept out of the pickle (__getstate__), built on first use.
    CACHE_SIZE = 2048

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in {"_cache", "_lock", "_fast"}}

    def score(self, text: str) -> RiskScore:
        """Probability that ``text`` discloses risk, and the likeliest category."""
        scores = self.score_many([text])
        return scores[0]

    def score_many(self, texts: list[str]) -> list[RiskScore]:
        """``score`` for several texts at once (from the cache where it has them)."""
        if "_cache" not in self.__dict__:
            self._cache: OrderedDict[str, RiskScore] = OrderedDict()
            self._lock = threading.Lock()
        keys = [model_text(t) for t in texts]
        found: dict[str, RiskScore] = {}
        with self._lock:
            for key in keys:
                if key in self._cache:
                    self._cache.move_to_end(key)
                    found[key] = self._cache[key]
        missing = list(dict.fromkeys(k for k in keys if k not in found))
        if missing:
            scored = self.score_model_texts(missing)
            found.update(zip(missing, scored, strict=True))
            with self._lock:
                for key, value in zip(missing, scored, strict=True):
                    self._cache[key] = value
                while len(self._cache) > self.CACHE_SIZE:
                    self._cache.popitem(last=False)
        return [found[k] for k in keys]

    def score_model_texts(self, texts: list[str]) -> list[RiskScore]:
        """Score texts already in model form (``model_text``), without the cache."""
        fast: _FastScorer | bool | None = self.__dict__.get("_fast")
        if fast is None:  # first use: False when the model is not of the shape the fast path knows
            fast = self._fast = _FastScorer.for_model(self) or False
        if isinstance(fast, _FastScorer):
            p, cats = fast.score(texts)
        else:
            x = self.features.transform(texts)
            p = self.risk.predict_proba(x)[:, list(self.risk.classes_).index(True)]
            cats = self.category.predict(x)
        return [RiskScore(float(pi), str(ci)) for pi, ci in zip(p, cats, strict=True)]

    def score_sklearn(self, texts: list[str]) -> list[RiskScore]:
        """The reference: scikit-learn's own transform and predict (for tests)."""
        x = self.features.transform([model_text(t) for t in texts])
        p = self.risk.predict_proba(x)[:, list(self.risk.classes_).index(True)]
        cats = self.category.predict(x)
        return [RiskScore(float(pi), str(ci)) for pi, ci in zip(p, cats, strict=True)]


class _FastScorer:
    """scikit-learn's arithmetic for this model, without its per-call checks.

    ``FeatureUnion.transform`` runs each vectorizer through joblib;
    ``TfidfVectorizer.transform`` checks it is fitted by summing the 200,000-wide
    idf diagonal; ``decision_function`` multiplies by ``coef_.T``, which scipy
    copies to C order on every call (the category model's 9 x 200,000). Here the
    same operations run on the same arrays in the same order (the transposed
    coefficients copied once), so the features and scores are bit-identical
    (tests/unit/safety/test_model_scoring.py). A model of another shape gets
    scikit-learn's path.
    """

    def __init__(self, vectorizers: list[Any], risk: Any, category: Any, true_index: int) -> None:
        self.vectorizers = vectorizers
        self.risk = risk
        self.risk_coef_t = np.ascontiguousarray(risk.coef_.T)
        self.category = category
        self.category_coef_t = np.ascontiguousarray(category.coef_.T)
        self.true_index = true_index

    @classmethod
    def for_model(cls, model: RiskModel) -> _FastScorer | None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import FeatureUnion

        union = model.features
        if type(union) is not FeatureUnion or union.transformer_weights:
            return None
        vectorizers = [t for _, t in union.transformer_list]
        if not vectorizers or any(type(v) is not TfidfVectorizer or v.binary for v in vectorizers):
            return None
        classes = list(model.risk.classes_)
        if len(classes) != 2 or True not in classes or model.risk.coef_.shape[0] != 1:
            return None
        if len(model.category.classes_) < 3:
            return None
        return cls(vectorizers, model.risk, model.category, classes.index(True))

    def features(self, texts: list[str]) -> Any:
        from scipy import sparse
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.preprocessing import normalize

        blocks = []
        for vectorizer in self.vectorizers:
            x = CountVectorizer.transform(vectorizer, texts)  # TfidfVectorizer.transform, less the check
            tfidf = vectorizer._tfidf  # TfidfTransformer.transform, less its checks
            if tfidf.sublinear_tf:
                np.log(x.data, x.data)
                x.data += 1
            if tfidf.use_idf:
                x = x * tfidf._idf_diag
            if tfidf.norm:
                x = normalize(x, norm=tfidf.norm, copy=False)
            blocks.append(x)
        return sparse.hstack(blocks).tocsr()  # FeatureUnion._hstack

    def score(self, texts: list[str]) -> tuple[Any, Any]:
        from scipy.special import expit

        x = self.features(texts)
        # LogisticRegression.predict_proba, binary (one-vs-rest): expit of the decision.
        prob = (x @ self.risk_coef_t + self.risk.intercept_).ravel()
        expit(prob, out=prob)
        p = np.vstack([1 - prob, prob]).T[:, self.true_index]
        # LogisticRegression.predict, several classes: argmax of the decision.
        decision = x @ self.category_coef_t + self.category.intercept_
        cats = self.category.classes_[decision.argmax(axis=1)]
        return p, cats
