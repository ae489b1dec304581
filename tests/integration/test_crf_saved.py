"""The CRF entity extractor loaded from its saved taggers finds what Rasa's load (training again) finds."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data

from bot.nlu import crf
from tools.stack.stack import latest_model

HELD_OUT = Path(__file__).resolve().parents[2] / "tests" / "nlu" / "held_out.yml"


def _entities(model: Path, texts: list[str]) -> list[tuple[Any, ...]]:
    async def run() -> list[tuple[Any, ...]]:
        agent = Agent.load(str(model))
        out = []
        for text in texts:
            parsed = await agent.parse_message(text)
            out.append(
                tuple(
                    sorted(
                        (e["entity"], str(e["value"]), e.get("start"), e.get("end"))
                        for e in parsed["entities"]
                    )
                )
            )
        return out

    return asyncio.run(run())


def test_saved_taggers_give_the_entities_rasa_s_retraining_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    model = latest_model()
    texts = [m.get("text") for m in load_data(str(HELD_OUT)).intent_examples]
    saved = _entities(model, texts)
    monkeypatch.setattr(crf, "TAGGERS_FILE", "not-in-this-model.pkl")  # Rasa's way: train again on load
    retrained = _entities(model, texts)
    assert saved == retrained
    assert any(saved), "the held-out set has entities"
