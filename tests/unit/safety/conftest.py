"""Shared loaders for the held-out safety test sets (tests/safety/)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]


@cache
def load(name: str) -> dict:
    return yaml.safe_load((ROOT / "tests" / "safety" / name).read_text(encoding="utf-8"))
