"""The texts the trained model has seen: every NLU example and every risk-model training line.

A blind set measures only what the model has not seen, so the blind safety check
(scripts/safety_system_check.py) leaves out any blind line whose text (lower
case, punctuation dropped) is also in the training data, and says how many. The writers never saw each other's files, but short
courtesies ("bore da", "diolch") and a few plain questions come out the same.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
_ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def normalise(text: str) -> str:
    """Lower case, punctuation dropped, spaces collapsed."""
    return " ".join(re.sub(r"[^\w\s]", " ", str(text).lower()).split())


@lru_cache(maxsize=1)
def training_texts() -> frozenset[str]:
    """Normalised texts of data/nlu/*.yml examples and data/safety/training/*.yml lines."""
    seen: set[str] = set()
    for path in sorted((REPO / "data" / "nlu").glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            for line in str(block.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- "):
                    seen.add(normalise(_ANNOTATION.sub(r"\1", line[2:])))
    for path in sorted((REPO / "data" / "safety" / "training").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in (data.get("risk") or []) + (data.get("everyday") or []):
            seen.add(normalise(entry["text"] if isinstance(entry, dict) else entry))
    seen.discard("")
    return frozenset(seen)


def seen(text: str) -> bool:
    """True if the model was trained on this text."""
    return normalise(text) in training_texts()
