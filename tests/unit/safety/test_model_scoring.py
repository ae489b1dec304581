"""The risk model's fast scoring path, its cache and the component's choice of texts change no result.

A small model is trained here on a sample of data/safety/training (a few
seconds); bench/bench_safety.py checks the same on every training line with the
trained model in models/.
"""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.safety import model as risk_model
from bot.safety.component import CRISIS_INTENT, RiskDetector
from bot.safety.conversation import RECENT_KEY
from bot.safety.detector import normalise


@pytest.fixture(scope="module")
def examples() -> list[risk_model.Example]:
    return risk_model.load_examples()


@pytest.fixture(scope="module")
def model(examples: list[risk_model.Example]) -> risk_model.RiskModel:
    return risk_model.RiskModel.train(examples[::8])


def test_fast_features_are_bit_identical(model: risk_model.RiskModel, examples: list[Any]) -> None:
    texts = [risk_model.model_text(e.text) for e in examples[::3]]
    fast = risk_model._FastScorer.for_model(model)
    assert fast is not None
    a, b = fast.features(texts), model.features.transform(texts)
    assert a.shape == b.shape and a.dtype == b.dtype
    assert (a.indptr == b.indptr).all() and (a.indices == b.indices).all() and (a.data == b.data).all()


def test_fast_scores_equal_scikit_learn(model: risk_model.RiskModel, examples: list[Any]) -> None:
    texts = [e.text for e in examples[1::3]]
    reference = model.score_sklearn(texts)
    fresh = pickle.loads(pickle.dumps(model))  # noqa: S301 - our own object
    assert fresh.score_model_texts([risk_model.model_text(t) for t in texts]) == reference


def test_the_cache_cannot_change_a_result(
    model: risk_model.RiskModel, examples: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [e.text for e in examples[2::9]]
    reference = model.score_sklearn(texts)
    cached = pickle.loads(pickle.dumps(model))  # noqa: S301 - our own object
    monkeypatch.setattr(cached, "CACHE_SIZE", 50)  # evictions all the way through
    # One at a time, in batches with repeats, in reverse: every answer is the reference's.
    assert [cached.score(t) for t in texts] == reference
    for start in range(0, len(texts), 7):
        batch = texts[start : start + 7]
        batch = batch + batch[:2]
        assert cached.score_many(batch) == [*reference[start : start + 7], *reference[start : start + 2]]
    assert cached.score_many(texts[::-1]) == reference[::-1]
    assert len(cached._cache) <= 50
    # The same model text is one entry: a text differing only in what normalise drops.
    assert cached.score_many([texts[0] + "  ", texts[0].upper()]) == [reference[0], reference[0]]


def test_cache_is_not_pickled(model: risk_model.RiskModel) -> None:
    model.score("I feel fine today thanks")
    assert "_cache" in model.__dict__
    state = pickle.loads(pickle.dumps(model)).__dict__  # noqa: S301 - our own object
    assert not {"_cache", "_lock", "_fast"} & set(state)


def test_normalise_cache_returns_the_same_text() -> None:
    text = "I cant   do this anymore <b>tonight</b> u know"
    first = normalise(text)
    normalise.cache_clear()
    assert normalise(text) == first == normalise(text)


class _Sklearn:
    """The model scored by scikit-learn's own path, every time (no fast path, no cache)."""

    def __init__(self, model: risk_model.RiskModel) -> None:
        self.model = model

    def score_many(self, texts: list[str]) -> list[risk_model.RiskScore]:
        return self.model.score_sklearn(texts)


class _AllTexts(RiskDetector):
    """The component scoring every text, a message under MIN_MODEL_WORDS included, by scikit-learn."""

    def _category_of_zero_read(self) -> bool:
        return True


def _message(text: str, recent: list[str], intent: str | None) -> Message:
    data: dict[str, Any] = {"text": text, "metadata": {RECENT_KEY: recent}}
    if intent:
        data["intent"] = {"name": intent, "confidence": 0.9}
        data["intent_ranking"] = [
            {"name": intent, "confidence": 0.9},
            {"name": "greet", "confidence": 0.05},
            {"name": "risk_negated", "confidence": 0.05},
        ]
    return Message(data=data)


@pytest.mark.parametrize(
    "config", [{}, {"full_threshold": 0.9, "gentle_threshold": 0.3, "distress_threshold": 0.0}]
)
def test_component_gives_the_same_messages(
    model: risk_model.RiskModel, examples: list[Any], config: dict[str, float]
) -> None:
    narrowed = RiskDetector(pickle.loads(pickle.dumps(model)), config)  # noqa: S301 - our own object
    reference = _AllTexts(_Sklearn(model), config)  # type: ignore[arg-type]
    lines = [e.text for e in examples[1::41]] + ["hi", "thank you", "no", "bye", "I am", "/greet", "ok then"]
    intents = [None, CRISIS_INTENT, "nlu_fallback", "greet"]
    for i, text in enumerate(lines):
        recent = [lines[j] for j in range(max(0, i - i % 3), i)][-2:]
        intent = intents[i % len(intents)]
        got, want = _message(text, recent, intent), _message(text, recent, intent)
        narrowed.process([got])
        reference.process([want])
        assert got.as_dict() == want.as_dict(), text


def test_the_model_keeps_the_structure_markers_it_was_trained_with(
    model: risk_model.RiskModel, examples: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.safety import lexicon

    texts = [e.text for e in examples[5::97]] + ["saw a programme about it on the news last year"]
    reference = model.score_sklearn(texts)
    fingerprint = risk_model.fingerprint()
    stored = pickle.loads(pickle.dumps(model))  # noqa: S301 - our own object
    monkeypatch.setattr(lexicon, "REPORTED", r"\b(?:a|the|i)\b")  # the lexicon's markers change later
    assert stored.score_sklearn(texts) == reference
    assert stored.score_model_texts([risk_model.model_text(t) for t in texts]) == reference
    assert risk_model.fingerprint() != fingerprint  # and Rasa retrains the model


def test_the_presence_view_takes_part_in_the_fast_path(model: risk_model.RiskModel) -> None:
    """The third view (word presence weighed by naive Bayes ratios) is fitted and scored by the fast path."""
    assert model.presence_risk is not None
    fast = risk_model._FastScorer.for_model(model)
    assert fast is not None and fast.presence is not None
