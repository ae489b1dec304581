"""The trained risk model: does a message disclose risk, and of which category?

It sits beside the rules (``detector.py``) and catches what they have no
pattern for. Linear models over three views of the same normalised text:

* risk or not: a logistic regression per view, whose log-odds are averaged
  into ``p_risk`` (an ensemble of views makes fewer confident mistakes than
  any one alone); the third view weighs half (``NB_WEIGHT``);
* which category (C1..C9), on the first view, trained on the risk examples only.

The first view is TF-IDF weighted character n-grams inside words (2-5: they
cope with typos, text speak and Welsh mutations, "marw"/"farw",
"lladd"/"ladd") and word uni- and bigrams; the second is word uni- to
trigrams. Since round 13 a third view: which word uni- to trigrams are present
at all, each scaled by how much likelier it is in risk lines than in everyday
ones (naive Bayes log-count ratios, as in Wang and Manning's NBSVM, with a
logistic regression on top). The first two views also see the message's structure (``ContextFlags``): the
rules' own markers of history, someone else's story, a general question, a
joke, seriousness and risk in the present, and its length, so that the same
risk words weigh less in a story from years ago than in a message about
tonight. A message of a few dozen words is scored in about a millisecond.

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
    """A hash of the training files, the structure markers and the model's shape, so that Rasa retrains the model when they change."""
    import inspect

    digest = hashlib.sha256()
    for source in ContextFlags.marker_sources():
        digest.update(source.encode())
    for shaping in (_words, _word_features, _features, _presence, RiskModel.train):
        digest.update(inspect.getsource(shaping).encode())
    for path in sorted(folder.glob("*.yml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class ContextFlags:
    """The message's structure as a few features, for the linear models.

    The markers are the rules' own (``lexicon``: risk in the present, a time in
    the past, recovery, someone else's story, a story that relates to me,
    parents in general, a question about a topic, the first person, a joke,
    seriousness), read on the model text, plus its length (under 6 words,
    under 12, over 40). ``fit`` keeps the markers' patterns, so a model is
    always scored with the markers it was trained with (a change of the
    markers in the lexicon retrains it: ``fingerprint``). Each feature is 0 or
    ``WEIGHT`` (chosen on the regression sets, model only: 0.5 and 1.0 gave
    the same figures).
    """

    WEIGHT = 0.5

    def __init__(self) -> None:
        self.sources: list[str] | None = None  # the markers' patterns when fitted
        self._patterns: list[re.Pattern[str]] | None = None

    @staticmethod
    def marker_sources() -> list[str]:
        """The lexicon's current patterns for the markers (part of the model's fingerprint)."""
        from bot.safety import lexicon

        return [str(getattr(lexicon, name)) for name in lexicon.CONTEXT_MARKERS]

    def __getstate__(self) -> dict[str, Any]:
        return {"sources": self.sources}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.sources = state.get("sources")
        self._patterns = None

    def fit(self, texts: Any, y: Any = None) -> ContextFlags:
        """Keep the markers as they are now: the model is scored with the patterns it learnt from."""
        self.sources = self.marker_sources()
        self._patterns = None
        return self

    def fit_transform(self, texts: Any, y: Any = None) -> Any:
        return self.fit(texts).transform(texts)

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {}

    def set_params(self, **params: Any) -> ContextFlags:
        return self

    def transform(self, texts: Iterable[str]) -> Any:
        from scipy import sparse

        if self._patterns is None:
            self._patterns = [re.compile(p) for p in (self.sources or self.marker_sources())]
        rows = []
        for text in texts:
            words = len(text.split())
            flags = [p.search(text) is not None for p in self._patterns]
            rows.append([*flags, words < 6, words < 12, words > 40])
        return sparse.csr_matrix(np.array(rows, dtype=np.float32) * np.float32(self.WEIGHT))


def _words(longest: int) -> Any:
    """TF-IDF of word n-grams, from one word to ``longest``.

    An n-gram in more than 3% of the training messages is left out (``max_df``):
    words such as "he", "and", "my" had learnt a weight of their own from where
    they happen to be common ("he" from the abuse lines), so that "partner works
    away and when he's back he undoes the routines" scored 0.92; in n-grams of
    two or three words they still count ("he hits"). Model only, rounds 1-4:
    recall at 1% false alarms 90.7% -> 91.5%, at 2% 94.6% -> 95.4%.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer="word",
        ngram_range=(1, longest),
        min_df=1,
        max_df=0.03,
        sublinear_tf=True,
        token_pattern=r"(?u)\b\w[\w']*\b",
        dtype=np.float32,
    )


def _word_features() -> Any:
    """The second view: word uni- to trigrams and the structure."""
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion([("words", _words(3)), ("context", ContextFlags())])


def _features() -> Any:
    """The first view: character n-grams in words, word uni- and bigrams, and the structure."""
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
            ("words", _words(2)),
            ("context", ContextFlags()),
        ]
    )


def _presence() -> Any:
    """The third view's words: which uni- to trigrams occur (0 or 1), seen in at least two messages."""
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(
        analyzer="word",
        ngram_range=(1, 3),
        min_df=2,
        binary=True,
        token_pattern=r"(?u)\b\w[\w']*\b",
        dtype=np.float32,
    )


def _log_count_ratio(x: Any, y: Any) -> Any:
    """Naive Bayes log-count ratio of each feature, risk against everyday (add-one smoothed)."""
    risk = np.asarray(x[y].sum(axis=0)).ravel() + 1
    everyday = np.asarray(x[~y].sum(axis=0)).ravel() + 1
    return np.log((risk / risk.sum()) / (everyday / everyday.sum())).astype(np.float32)


def _weigh(x: Any, ratio: Any) -> Any:
    """Each present n-gram (a CSR matrix of 0/1) scaled by its ratio: O(entries), not a product with a diagonal."""
    x = x.tocsr()
    x.data = x.data * ratio[x.indices]
    return x


def _combined(first: Any, second: Any, third: Any = None) -> Any:
    """The views' risk log-odds averaged (both scoring paths); the presence view weighs ``NB_WEIGHT``."""
    if third is None:
        return (first + second) / 2
    return (first + second + RiskModel.NB_WEIGHT * third) / (2 + RiskModel.NB_WEIGHT)


class RiskModel:
    """Risk-or-not (three views, averaged) and category (the first view)."""

    # The presence view's share of the average (the other two views count 1 each).
    # Chosen on the regression sets (rounds 1-11), model with the rules, recall at
    # the same share of everyday lines flagged: 0.5 and 1 both add about 0.2-0.4
    # points at 2.5-3.5% flagged; 0.5 is as good or better at every point.
    NB_WEIGHT = 0.5

    def __init__(
        self,
        features: Any,
        risk: Any,
        category: Any,
        word_features: Any = None,
        word_risk: Any = None,
        presence: Any = None,
        presence_ratio: Any = None,
        presence_risk: Any = None,
    ) -> None:
        self.features = features
        self.risk = risk
        self.category = category
        self.word_features = word_features
        self.word_risk = word_risk
        self.presence = presence
        self.presence_ratio = presence_ratio
        self.presence_risk = presence_risk

    def __setstate__(self, state: dict[str, Any]) -> None:
        defaults = dict.fromkeys(
            ("word_features", "word_risk", "presence", "presence_ratio", "presence_risk")
        )
        self.__dict__.update({**defaults, **state})

    @classmethod
    def train(cls, examples: Iterable[Example], c_risk: float = 10.0, c_category: float = 8.0) -> RiskModel:
        """Fit the models on the examples.

        ``c_risk`` (inverse regularisation of risk-or-not) was chosen on the
        regression sets (rounds 1 and 2 of the blind sets), model only: with the
        27k lines of round 6, recall at 2% false alarms 94.7% at C=10, 94.4% at
        25, 91.9% at 4 (4 was best with round 4's 14k lines). Round 7 kept it
        for both views, with the structure features and the second view chosen
        on rounds 1-3 (see ``data/safety/training/README.md``).
        """
        from sklearn.linear_model import LogisticRegression

        examples = list(examples)
        texts = [model_text(e.text) for e in examples]
        y = np.array([e.category is not None for e in examples])
        features = _features()
        x = features.fit_transform(texts)
        risk = LogisticRegression(C=c_risk, class_weight="balanced", max_iter=3000)
        risk.fit(x, y)
        idx = [i for i, e in enumerate(examples) if e.category is not None]
        category = LogisticRegression(C=c_category, class_weight="balanced", max_iter=3000)
        category.fit(x[idx], [examples[i].category for i in idx])
        word_features = _word_features()
        xw = word_features.fit_transform(texts)
        word_risk = LogisticRegression(C=c_risk, class_weight="balanced", max_iter=3000)
        word_risk.fit(xw, y)
        # The presence view: C 1 (0.3 and 3 were no better on the regression sets).
        presence = _presence()
        xp = presence.fit_transform(texts)
        ratio = _log_count_ratio(xp, y)
        presence_risk = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000)
        presence_risk.fit(_weigh(xp, ratio), y)
        return cls(features, risk, category, word_features, word_risk, presence, ratio, presence_risk)

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
            p, cats = self._sklearn(texts)
        return [RiskScore(float(pi), str(ci)) for pi, ci in zip(p, cats, strict=True)]

    def _sklearn(self, texts: list[str]) -> tuple[Any, Any]:
        from scipy.special import expit

        x = self.features.transform(texts)
        decision = self.risk.decision_function(x)
        if self.word_risk is not None:
            second = self.word_risk.decision_function(self.word_features.transform(texts))
            third = None
            if self.presence_risk is not None:
                third = self.presence_risk.decision_function(
                    _weigh(self.presence.transform(texts), self.presence_ratio)
                )
            decision = _combined(decision, second, third)
        if list(self.risk.classes_).index(True) == 0:
            decision = -decision
        return expit(decision), self.category.predict(x)

    def score_sklearn(self, texts: list[str]) -> list[RiskScore]:
        """The reference: scikit-learn's own transform and predict (for tests)."""
        p, cats = self._sklearn([model_text(t) for t in texts])
        return [RiskScore(float(pi), str(ci)) for pi, ci in zip(p, cats, strict=True)]


class _View:
    """One view's features and risk-or-not coefficients, for the fast path."""

    def __init__(self, union: Any, risk: Any) -> None:
        self.parts = [t for _, t in union.transformer_list]
        self.risk_coef_t = np.ascontiguousarray(risk.coef_.T)
        self.intercept = risk.intercept_

    @staticmethod
    def known(union: Any, risk: Any) -> bool:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import FeatureUnion

        if type(union) is not FeatureUnion or union.transformer_weights:
            return False
        parts = [t for _, t in union.transformer_list]
        if not parts or any(
            not (type(v) is TfidfVectorizer and not v.binary) and type(v) is not ContextFlags for v in parts
        ):
            return False
        classes = list(risk.classes_)
        return len(classes) == 2 and True in classes and risk.coef_.shape[0] == 1

    def features(self, texts: list[str], flags: dict[tuple[str, ...], Any] | None = None) -> Any:
        """The view's features; ``flags`` shares the structure block between views with the same markers."""
        from scipy import sparse
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.preprocessing import normalize

        blocks = []
        for part in self.parts:
            if type(part) is ContextFlags:
                key = tuple(part.sources or ())
                if flags is None or not key:
                    blocks.append(part.transform(texts))
                else:
                    if key not in flags:
                        flags[key] = part.transform(texts)
                    blocks.append(flags[key])
                continue
            x = CountVectorizer.transform(part, texts)  # TfidfVectorizer.transform, less the check
            tfidf = part._tfidf  # TfidfTransformer.transform, less its checks
            if tfidf.sublinear_tf:
                np.log(x.data, x.data)
                x.data += 1
            if tfidf.use_idf:
                x = x * tfidf._idf_diag
            if tfidf.norm:
                x = normalize(x, norm=tfidf.norm, copy=False)
            blocks.append(x)
        return sparse.hstack(blocks).tocsr()  # FeatureUnion._hstack

    def decision(self, x: Any) -> Any:
        # LogisticRegression.decision_function, binary.
        return (x @ self.risk_coef_t + self.intercept).ravel()


class _PresenceView:
    """The presence view for the fast path: the same operations as ``_sklearn``."""

    def __init__(self, presence: Any, ratio: Any, risk: Any) -> None:
        self.presence = presence
        self.ratio = ratio
        self.risk_coef_t = np.ascontiguousarray(risk.coef_.T)
        self.intercept = risk.intercept_

    @staticmethod
    def known(presence: Any, risk: Any) -> bool:
        from sklearn.feature_extraction.text import CountVectorizer

        classes = list(risk.classes_)
        return (
            type(presence) is CountVectorizer
            and presence.binary
            and classes == [False, True]
            and risk.coef_.shape[0] == 1
        )

    def decision(self, texts: list[str]) -> Any:
        from sklearn.feature_extraction.text import CountVectorizer

        x = _weigh(CountVectorizer.transform(self.presence, texts), self.ratio)
        return (x @ self.risk_coef_t + self.intercept).ravel()


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

    def __init__(
        self, views: list[_View], category: Any, true_index: int, presence: _PresenceView | None = None
    ) -> None:
        self.views = views
        self.presence = presence
        self.category = category
        self.category_coef_t = np.ascontiguousarray(category.coef_.T)
        self.true_index = true_index

    @classmethod
    def for_model(cls, model: RiskModel) -> _FastScorer | None:
        pairs = [(model.features, model.risk)]
        if model.word_risk is not None:
            pairs.append((model.word_features, model.word_risk))
        if not all(_View.known(union, risk) for union, risk in pairs):
            return None
        if len(model.category.classes_) < 3:
            return None
        presence = None
        if model.presence_risk is not None:
            if model.word_risk is None or not _PresenceView.known(model.presence, model.presence_risk):
                return None
            presence = _PresenceView(model.presence, model.presence_ratio, model.presence_risk)
        true_index = list(model.risk.classes_).index(True)
        return cls([_View(u, r) for u, r in pairs], model.category, true_index, presence)

    def features(self, texts: list[str]) -> Any:
        """The first view's features (the category model's)."""
        return self.views[0].features(texts)

    def score(self, texts: list[str]) -> tuple[Any, Any]:
        from scipy.special import expit

        flags: dict[tuple[str, ...], Any] = {}  # the structure block, computed once for both views
        x = self.views[0].features(texts, flags)
        decision = self.views[0].decision(x)
        for view in self.views[1:]:
            second = view.decision(view.features(texts, flags))
            third = self.presence.decision(texts) if self.presence is not None else None
            decision = _combined(decision, second, third)
        if self.true_index == 0:
            decision = -decision
        p = expit(decision)
        # LogisticRegression.predict, several classes: argmax of the decision.
        category = x @ self.category_coef_t + self.category.intercept_
        cats = self.category.classes_[category.argmax(axis=1)]
        return p, cats
