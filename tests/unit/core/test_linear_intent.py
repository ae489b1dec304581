"""bot.nlu.linear_intent: the fast scoring equals scikit-learn's, the stored model loads the same."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.linear_intent import (
    VIEWS,
    LinearIntentClassifier,
    _vectoriser_params,
    normalise,
    read_the_answer,
)

EXAMPLES = {
    "greet": ["hi", "hello there", "hiya", "good morning", "shwmae", "helo", "hey hey"],
    "find_support": [
        "is there a group near brecon",
        "any support in newtown",
        "find me help near wolverton",
        "groups for dads in bletchley",
        "oes grwp yn y trallwng",
    ],
    "ask_low_mood": [
        "what is postnatal depression",
        "how long do the baby blues last",
        "is it normal to cry every day",
        "why do i feel so low",
    ],
    "thank": ["thanks", "thank you so much", "diolch", "cheers", "ta"],
}
TEXTS = [
    "hi",
    "Hello!",
    "is there a group near me",
    "what is pnd",
    "diolch yn fawr",
    "I\u2019m so low, why",
    "",
    "zzzz qqq",
    "thank you, any groups in brecon?",
]


def _training_data() -> TrainingData:
    return TrainingData(
        [Message(data={TEXT: text, INTENT: intent}) for intent, texts in EXAMPLES.items() for text in texts]
    )


@pytest.fixture()
def storage(tmp_path: Path) -> LocalModelStorage:
    (tmp_path / "storage").mkdir()
    return LocalModelStorage(tmp_path / "storage")


def _context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), "test")


def _trained(storage: LocalModelStorage) -> tuple[LinearIntentClassifier, Resource]:
    resource = Resource("linear_intent")
    component = LinearIntentClassifier.create({}, storage, resource, _context())
    component.train(_training_data())
    return component, resource


def _sklearn_probabilities(texts: list[str]) -> tuple[list[str], np.ndarray]:
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    config = LinearIntentClassifier.get_default_config()
    data = _training_data().intent_examples
    vectorisers = [TfidfVectorizer(**_vectoriser_params(config, view, p)) for view, p in VIEWS]
    train = [normalise(e.get(TEXT)) for e in data]
    matrix = hstack([v.fit_transform(train) for v in vectorisers]).tocsr()
    clf = LogisticRegression(
        C=config["C"],
        class_weight=config["class_weight"],
        max_iter=config["max_iter"],
        multi_class="multinomial",
    )
    clf.fit(matrix, [e.get(INTENT) for e in data])
    test = hstack([v.transform([normalise(t) for t in texts]) for v in vectorisers]).tocsr()
    return [str(c) for c in clf.classes_], clf.predict_proba(test)


def test_probabilities_equal_scikit_learns(storage: LocalModelStorage) -> None:
    component, _ = _trained(storage)
    classes, expected = _sklearn_probabilities(TEXTS)
    assert component._classes == classes
    for text, row in zip(TEXTS, expected, strict=True):
        np.testing.assert_allclose(component.probabilities(text), row, rtol=1e-9, atol=1e-12)


def test_the_stored_model_loads_with_the_same_probabilities(storage: LocalModelStorage) -> None:
    component, resource = _trained(storage)
    loaded = LinearIntentClassifier.load({}, storage, resource, _context())
    assert loaded._classes == component._classes
    for text in TEXTS:
        np.testing.assert_array_equal(loaded.probabilities(text), component.probabilities(text))


def test_the_stored_model_keeps_its_n_gram_settings(storage: LocalModelStorage) -> None:
    resource = Resource("accents_kept")
    trained = LinearIntentClassifier.create({"strip_accents": None}, storage, resource, _context())
    trained.train(_training_data())
    loaded = LinearIntentClassifier.load({}, storage, resource, _context())  # the defaults strip accents
    for text in ("shwmâe", *TEXTS):
        np.testing.assert_array_equal(loaded.probabilities(text), trained.probabilities(text))


def test_process_sets_the_intent_and_a_sorted_ranking(storage: LocalModelStorage) -> None:
    component, _ = _trained(storage)
    messages = component.process([Message(data={TEXT: "hello there"}), Message(data={TEXT: "diolch"})])
    assert messages[0].get(INTENT)["name"] == "greet"
    assert messages[1].get(INTENT)["name"] == "thank"
    for message in messages:
        ranking = message.get(INTENT_RANKING_KEY)
        assert len(ranking) == len(EXAMPLES)
        assert ranking[0] == message.get(INTENT)
        confidences = [r["confidence"] for r in ranking]
        assert confidences == sorted(confidences, reverse=True)
        assert sum(confidences) == pytest.approx(1.0)


def test_accents_can_be_stripped(storage: LocalModelStorage) -> None:
    component, _ = _trained(storage)  # accents stripped by default
    np.testing.assert_array_equal(component.probabilities("shwmâe"), component.probabilities("shwmae"))
    kept = LinearIntentClassifier.create({"strip_accents": None}, storage, Resource("accents"), _context())
    kept.train(_training_data())
    assert not np.array_equal(kept.probabilities("shwmâe"), kept.probabilities("shwmae"))


def test_ranking_length_limits_the_ranking(storage: LocalModelStorage) -> None:
    resource = Resource("short")
    component = LinearIntentClassifier.create({"ranking_length": 2}, storage, resource, _context())
    component.train(_training_data())
    (message,) = component.process([Message(data={TEXT: "hi"})])
    assert len(message.get(INTENT_RANKING_KEY)) == 2


def test_an_untrained_classifier_leaves_messages_alone(storage: LocalModelStorage) -> None:
    component = LinearIntentClassifier.load({}, storage, Resource("never_trained"), _context())
    (message,) = component.process([Message(data={TEXT: "hi"})])
    assert message.get(INTENT) is None


def test_temperature_sharpens_the_probabilities_and_keeps_the_ranking(storage: LocalModelStorage) -> None:
    component, resource = _trained(storage)
    sharp = LinearIntentClassifier.load({"temperature": 0.5}, storage, resource, _context())
    for text in TEXTS:
        plain, sharpened = component.probabilities(text), sharp.probabilities(text)
        expected = plain**2 / (plain**2).sum()  # softmax(s / 0.5) is softmax(s) squared, renormalised
        np.testing.assert_allclose(sharpened, expected, rtol=1e-9, atol=1e-12)
        assert np.argmax(sharpened) == np.argmax(plain)
        assert sharpened.max() >= plain.max()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no im fine", "crisis_misunderstood"),  # reassurance, as DIET read it
        ("na dwi'n iawn", "crisis_misunderstood"),
        ("no I'm not ok", "deny"),
        ("na dwi ddim yn iawn", "deny"),
        ("no i don't feel safe", "deny"),
        ("nope", "deny"),
        ("sai moyn", "deny"),
        ("Nantwich", "inform"),  # no negative word: not a no
    ],
)
def test_a_no_is_read_by_its_words(text: str, expected: str) -> None:
    ranking = [
        {"name": "deny", "confidence": 0.7},
        {"name": "inform", "confidence": 0.2},
        {"name": "crisis_misunderstood", "confidence": 0.1},
    ]
    assert read_the_answer(text, ranking)[0]["name"] == expected
