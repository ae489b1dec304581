"""The crisis contacts that ship with the web chat page ("Get help now").

They are built from the project's one contacts file, `data/safety/contacts.yml`,
so the widget never carries numbers of its own (hazard H2). Numbers whose status
is not `V` (verified) are dropped and the contact's website is shown instead.

The result has one list per nation plus the UK-wide list used when the nation is
unknown (999, NHS 111 with both England's and Wales's wording, Samaritans, Shout),
each contact in the crisis-card shape of `docs/contracts.md`.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

logger = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
CONTACTS_FILE = REPO_ROOT / "data" / "safety" / "contacts.yml"
FALLBACK_FILE = Path(__file__).resolve().parent / "contacts.fallback.json"

CARD_FIELDS = ("id", "name", "phone", "tel", "sms", "sms_body", "url", "hours", "description")
NUMBER_FIELDS = ("phone", "tel", "sms", "sms_body")
NATIONS = ("england", "wales")
UK_WIDE = {"uk", "gb", "all", "uk-wide", "uk_wide", "england", "wales"}

# "Get help now" shows the core crisis set, in this order. Each slot is matched on
# the contact's id, so the data file stays the only source of numbers.
CORE_SLOTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("emergency", re.compile(r"^(emergency|999)$", re.I)),
    ("nhs111", re.compile(r"^nhs_?111(_(england|wales))?$", re.I)),
    ("samaritans", re.compile(r"^samaritans$", re.I)),
    ("shout", re.compile(r"^shout$", re.I)),
)


def _nations(entry: Mapping[str, Any]) -> set[str]:
    raw = entry.get("nations") or entry.get("nation") or ["uk"]
    if isinstance(raw, str):
        raw = re.split(r"[,\s]+", raw)
    return {str(n).strip().lower() for n in raw if str(n).strip()}


def _verified(entry: Mapping[str, Any]) -> bool:
    return str(entry.get("status", "")).strip().upper() == "V"


def to_card_contact(entry: Mapping[str, Any]) -> dict[str, Any]:
    """One contacts-file entry in the crisis card's contact shape (unverified numbers removed)."""
    card = {key: entry.get(key) for key in CARD_FIELDS}
    card["id"] = str(entry.get("id", ""))
    for key in ("phone", "tel", "sms", "sms_body", "url", "hours", "description", "name"):
        if card[key] is not None:
            card[key] = str(card[key])
    if not _verified(entry):
        for key in NUMBER_FIELDS:
            card[key] = None
    return card


def _entries(raw: Any) -> list[dict[str, Any]]:
    """Accept a list of entries, `{contacts: [...]}` or `{contacts: {id: {...}}}`/`{id: {...}}`."""
    if isinstance(raw, Mapping) and "contacts" in raw:
        raw = raw["contacts"]
    if isinstance(raw, Mapping):
        raw = [{"id": key, **value} for key, value in raw.items() if isinstance(value, Mapping)]
    if not isinstance(raw, list):
        raise ValueError("contacts file must hold a list of contacts")
    return [dict(item) for item in raw if isinstance(item, Mapping) and item.get("id")]


def _pick(entries: Iterable[dict[str, Any]], nation: str | None) -> list[dict[str, Any]]:
    chosen: list[dict[str, Any]] = []
    for _slot, pattern in CORE_SLOTS:
        for entry in entries:
            if not pattern.search(str(entry.get("id", ""))):
                continue
            nations = _nations(entry)
            if nation is None:
                fits = bool(nations & UK_WIDE)
            else:
                fits = nation in nations or bool(nations & {"uk", "gb", "all", "uk-wide", "uk_wide"})
            if fits and entry not in chosen:
                chosen.append(entry)
    return chosen


def build_contacts(raw: Any, source: str = "data/safety/contacts.yml") -> dict[str, Any]:
    """Build the widget's contacts document from the parsed contacts file.

    Args:
        raw: The parsed YAML of the contacts file.
        source: Where it came from (shown in the JSON for reviewers).

    Returns:
        `{"source": ..., "sets": {"uk": [...], "england": [...], "wales": [...]}}`.
    """
    entries = _entries(raw)
    sets = {"uk": [to_card_contact(e) for e in _pick(entries, None)]}
    for nation in NATIONS:
        sets[nation] = [to_card_contact(e) for e in _pick(entries, nation)]
    return {"source": source, "sets": sets}


def load_contacts(path: Path = CONTACTS_FILE) -> dict[str, Any]:
    """Read the contacts file and build the widget's document; fall back to the baked copy.

    The baked copy (`contacts.fallback.json`) is used only when the data file is
    missing or unreadable, and a unit test keeps it equal to what the data file gives.
    """
    try:
        with path.open(encoding="utf-8") as handle:
            doc = build_contacts(yaml.safe_load(handle), source=str(path.relative_to(REPO_ROOT))
                                 if path.is_relative_to(REPO_ROOT) else path.name)
        if doc["sets"]["uk"]:
            return doc
        logger.warning("No core crisis contacts found in %s; using the baked copy", path)
    except (OSError, ValueError, yaml.YAMLError) as err:
        logger.warning("Cannot read contacts file %s (%s); using the baked copy", path, type(err).__name__)
    return load_fallback()


def load_fallback() -> dict[str, Any]:
    """The small baked copy of the core crisis contacts."""
    return json.loads(FALLBACK_FILE.read_text(encoding="utf-8"))
