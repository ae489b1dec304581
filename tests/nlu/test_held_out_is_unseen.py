"""The held-out NLU set must stay unseen by training, and both sets must be big enough.

`rasa test nlu --nlu tests/nlu/held_out.yml` only measures generalisation if no
held-out utterance (or a trivially normalised copy of it) is also in `data/nlu`.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.training_data import TrainingData

ROOT = Path(__file__).resolve().parents[2]
TRAIN_DIR = ROOT / "data" / "nlu"
HELD_OUT = ROOT / "tests" / "nlu" / "held_out.yml"

CORE_INTENTS = [
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "bot_challenge",
    "out_of_scope",
    "ask_low_mood",
    "ask_attachment",
    "ask_infant_mental_health",
    "find_support",
    "inform",
]
CRISIS = "crisis"


def _normalise(text: str) -> str:
    """Lowercase, drop punctuation and collapse whitespace."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@pytest.fixture(scope="module")
def training() -> TrainingData:
    return load_data(str(TRAIN_DIR))


@pytest.fixture(scope="module")
def held_out() -> TrainingData:
    return load_data(str(HELD_OUT))


def _texts(data: TrainingData) -> set[str]:
    return {_normalise(m.get("text")) for m in data.intent_examples}


def test_held_out_never_appears_in_training(training: TrainingData, held_out: TrainingData) -> None:
    assert sorted(_texts(held_out) & _texts(training)) == []


def test_held_out_is_big_enough(held_out: TrainingData) -> None:
    counts = Counter(m.get("intent") for m in held_out.intent_examples)
    assert sum(counts.values()) >= 150
    assert {i: counts[i] for i in CORE_INTENTS if counts[i] < 12} == {}
    assert counts[CRISIS] >= 12


def test_training_covers_every_core_intent(training: TrainingData) -> None:
    counts = Counter(m.get("intent") for m in training.intent_examples)
    assert {i: counts[i] for i in CORE_INTENTS if counts[i] < 30} == {}


def test_held_out_intents_are_known(training: TrainingData, held_out: TrainingData) -> None:
    # crisis examples are written in data/nlu/crisis.yml by the safety work
    assert held_out.intents - training.intents - {CRISIS} == set()
