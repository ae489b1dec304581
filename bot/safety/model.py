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
    def train(cls, examples: Iterable[Example], c_risk: float = 4.0, c_category: float = 8.0) -> RiskModel:
        """Fit both models on the examples."""
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

    def score(self, text: str) -> RiskScore:
        """Probability that ``text`` discloses risk, and the likeliest category."""
        scores = self.score_many([text])
        return scores[0]

    def score_many(self, texts: list[str]) -> list[RiskScore]:
        """``score`` for several texts at once."""
        x = self.features.transform([model_text(t) for t in texts])
        p = self.risk.predict_proba(x)[:, list(self.risk.classes_).index(True)]
        cats = self.category.predict(x)
        return [RiskScore(float(pi), str(ci)) for pi, ci in zip(p, cats, strict=True)]
