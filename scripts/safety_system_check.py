"""The whole NLU pipeline (DIET + risk detector) on the safety test sets.

The detector's unit tests check the lexicon alone; this checks what the trained
model does with every message of tests/safety/: each risk message must come
out as `crisis` (or `risk_negated` where the set says negated), and at most 3%
of everyday messages may come out as `crisis` (DIET can over-trigger even where
the lexicon does not). Run by `make test-rasa` after training.
"""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the model's custom components live in bot/
MAX_FALSE_ALARM_RATE = 0.03


def risk_messages() -> list[tuple[str, str]]:
    """(text, expected intent) for every single-message risk line."""
    data = yaml.safe_load((REPO / "tests/safety/risk.yml").read_text())
    items = [(entry["text"], "crisis") for entry in data["risk"] + data["mixed"]]
    # The second message of a split disclosure, sent on its own ("end it").
    items += [(entry["text"], "crisis") for entry in data["pairs"]]
    items += [(entry["text"], "risk_negated") for entry in data["negated"]]
    return items


def everyday_messages() -> list[str]:
    data = yaml.safe_load((REPO / "tests/safety/everyday.yml").read_text())
    return [e if isinstance(e, str) else e["text"] for e in data["everyday"]]


async def classify(texts: list[str]) -> list[str]:
    """The path each text takes: an intent name, or "check-in" for a classifier-only crisis."""
    from rasa.core.agent import Agent
    from rasa.model import get_latest_model

    agent = Agent.load(get_latest_model(str(REPO / "models")))
    paths = []
    for text in texts:
        parsed = await agent.parse_message(text)
        details = {e["value"] for e in parsed["entities"] if e["entity"] == "risk_detail"}
        unclear = parsed["intent"]["name"] == "crisis" and "unclear" in details
        paths.append("check-in" if unclear else parsed["intent"]["name"])
    return paths


def main() -> int:
    risks = risk_messages()
    everyday = everyday_messages()
    predicted = asyncio.run(classify([t for t, _ in risks] + everyday))
    missed = [t for (t, want), got in zip(risks, predicted) if got not in {want, "crisis", "check-in"}]
    alarms = [t for t, got in zip(everyday, predicted[len(risks):]) if got == "crisis"]
    checks = [t for t, got in zip(everyday, predicted[len(risks):]) if got == "check-in"]
    rate = len(alarms) / len(everyday)
    print(f"safety, whole pipeline: {len(risks) - len(missed)}/{len(risks)} risk messages caught; "
          f"{len(alarms)}/{len(everyday)} everyday messages sent to the crisis reply ({rate:.1%}, "
          f"limit {MAX_FALSE_ALARM_RATE:.0%}); {len(checks)} ({len(checks) / len(everyday):.1%}) "
          "got the gentle 'are you okay?' check")
    print("  everyday intents:", dict(Counter(predicted[len(risks):]).most_common(6)))
    for text in missed:
        print("  MISSED:", text)
    for text in alarms:
        print("  FALSE ALARM:", text)
    return 1 if missed or rate > MAX_FALSE_ALARM_RATE else 0


if __name__ == "__main__":
    sys.exit(main())
