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
    items += [(entry["text"], "risk_negated") for entry in data["negated"]]
    return items


def split_disclosures() -> list[tuple[str, str]]:
    """(first message, second message) pairs that only together disclose risk."""
    data = yaml.safe_load((REPO / "tests/safety/risk.yml").read_text())
    return [(entry["previous"], entry["text"]) for entry in data["pairs"]]


def everyday_messages() -> list[str]:
    data = yaml.safe_load((REPO / "tests/safety/everyday.yml").read_text())
    return [e if isinstance(e, str) else e["text"] for e in data["everyday"]]


async def classify(texts: list[str], pairs: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """The path each text takes, and the path each pair's second message takes.

    An intent name, or "check-in" for a classifier-only crisis. The two messages
    of a pair share a conversation key, as the channels set it.
    """
    import logging

    from rasa.core.agent import Agent
    from rasa.core.channels.channel import UserMessage
    from rasa.model import get_latest_model
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # Rasa's debug events quote message text

    from bot.safety.recent import METADATA_KEY

    agent = Agent.load(get_latest_model(str(REPO / "models")))

    async def parse(text: str, key: str) -> dict:
        return await agent.processor.parse_message(UserMessage(text, metadata={METADATA_KEY: key}))

    async def path(text: str, key: str) -> str:
        parsed = await parse(text, key)
        details = {e["value"] for e in parsed["entities"] if e["entity"] == "risk_detail"}
        unclear = parsed["intent"]["name"] == "crisis" and "unclear" in details
        return "check-in" if unclear else parsed["intent"]["name"]

    for i, (first, _) in enumerate(pairs):
        await parse(first, f"pair-{i}")
    text_paths = [await path(text, f"single-{i}") for i, text in enumerate(texts)]
    pair_paths = [await path(second, f"pair-{i}") for i, (_, second) in enumerate(pairs)]
    return text_paths, pair_paths


def main() -> int:
    everyday = everyday_messages()
    pairs = split_disclosures()
    singles = risk_messages()
    text_paths, pair_paths = asyncio.run(classify([t for t, _ in singles] + everyday, pairs))
    risks = singles + [(f"{first} / {second}", "crisis") for first, second in pairs]
    risk_paths = text_paths[: len(singles)] + pair_paths
    everyday_paths = text_paths[len(singles):]
    missed = [t for (t, want), got in zip(risks, risk_paths) if got not in {want, "crisis", "check-in"}]
    alarms = [t for t, got in zip(everyday, everyday_paths) if got == "crisis"]
    checks = [t for t, got in zip(everyday, everyday_paths) if got == "check-in"]
    rate = len(alarms) / len(everyday)
    print(f"safety, whole pipeline: {len(risks) - len(missed)}/{len(risks)} risk messages caught; "
          f"{len(alarms)}/{len(everyday)} everyday messages sent to the crisis reply ({rate:.1%}, "
          f"limit {MAX_FALSE_ALARM_RATE:.0%}); {len(checks)} ({len(checks) / len(everyday):.1%}) "
          "got the gentle 'are you okay?' check")
    print("  everyday intents:", dict(Counter(everyday_paths).most_common(6)))
    for text in missed:
        print("  MISSED:", text)
    for text in alarms:
        print("  FALSE ALARM:", text)
    return 1 if missed or rate > MAX_FALSE_ALARM_RATE else 0


if __name__ == "__main__":
    sys.exit(main())
