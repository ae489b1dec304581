"""The Rasa fixes change no NLU result: the held-out set parses the same with and without them.

The trained model in models/ is loaded twice with Rasa's Agent: once with Rasa's own
functions (the fixes kept out), once as the Rasa server loads it (the pipeline's first
component installs the fixes). Every held-out message must get the same intent and
the same entities.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data

from bot.nlu import rasa_fixes
from tools.stack.stack import latest_model

HELD_OUT = Path(__file__).resolve().parents[2] / "tests" / "nlu" / "held_out.yml"
Parse = tuple[str, tuple[tuple[Any, ...], ...]]


def _rasa_own_functions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Put Rasa's functions back (restored after the test) and keep install() from replacing them."""
    for fix in rasa_fixes.FIXES:
        if fix.owner.__dict__.get(fix.attribute) is fix.replacement:
            if fix.original.__qualname__.startswith(fix.owner.__name__ + "."):
                monkeypatch.setattr(fix.owner, fix.attribute, fix.original)
            else:  # inherited (DIET.load is RasaModel.load)
                monkeypatch.delattr(fix.owner, fix.attribute)
    monkeypatch.setattr(rasa_fixes, "FIXES", ())


def _parse_all(model: Path, texts: list[str]) -> list[Parse]:
    async def run() -> list[Parse]:
        agent = Agent.load(str(model))
        results = []
        for text in texts:
            parsed = await agent.parse_message(text)
            entities = tuple(
                sorted(
                    (e["entity"], str(e["value"]), e.get("start"), e.get("end"), e.get("extractor"))
                    for e in parsed["entities"]
                )
            )
            results.append((parsed["intent"]["name"], entities))
        return results

    return asyncio.run(run())


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [m.get("text") for m in load_data(str(HELD_OUT)).intent_examples]


def test_held_out_set_parses_identically_with_and_without_the_fixes(
    texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    model = latest_model()
    fixes = rasa_fixes.FIXES
    with monkeypatch.context() as without:
        _rasa_own_functions(without)
        rasa_only = _parse_all(model, texts)
        assert not any(fix.is_installed() for fix in fixes)

    with_fixes = _parse_all(model, texts)
    assert all(fix.is_installed() for fix in fixes)  # loading the model installed them

    assert len(texts) > 100
    differences = [(text, a, b) for text, a, b in zip(texts, rasa_only, with_fixes, strict=True) if a != b]
    assert differences == []
