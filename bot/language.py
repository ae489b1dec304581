"""Cymraeg and English: telling Welsh from English, and the Welsh wording of every reply.

The reply language is the slot ``language`` (``en`` or ``cy``; unset means
English). It is set when the parent chooses (a button or "Cymraeg" / "English",
intents ``switch_language_cy`` / ``switch_language_en``), when a channel says so
(the widget's language, Telegram's ``language_code`` on /start), or when a
message is clearly written in Welsh (``detect``). It is never switched back to
English on a guess: a Welsh speaker who writes a line in English keeps Welsh
until they ask for English.

The Welsh wording lives in ``data/wording/cy.yml``: for each domain response,
its Welsh text (and button titles) keyed by the same condition as the English
variation. The crisis replies have their own Welsh in
``data/safety/wording.yml``. ``docs/welsh-review.md`` lists every Welsh string
with its English source for review by a fluent speaker.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

WELSH_FILE = Path(__file__).resolve().parents[1] / "data" / "wording" / "cy.yml"
LANGUAGE_SLOT = "language"
WELSH = "cy"
ENGLISH = "en"

# Words that are Welsh and not English (function words, common verbs and
# phrases of a parent's message, with their mutated and informal forms).
_WELSH_WORDS = set(
    [
        "dwi",
        "dw",
        "dwin",
        "dwi'n",
        "rwy",
        "rwyn",
        "rydw",
        "ydw",
        "ydych",
        "ydi",
        "ydy",
        "yw",
        "mae",
        "mae'n",
        "ma'n",
        "maen",
        "oes",
        "does",
        "dydw",
        "dydy",
        "dyw",
        "wedi",
        "di",
        "ddim",
        "isio",
        "eisiau",
        "eisie",
        "isie",
        "ishe",
        "moyn",
        "efo",
        "gyda",
        "gen",
        "gennych",
        "gennyf",
        "fy",
        "fi",
        "chi",
        "ti",
        "nhw",
        "ni'n",
        "chi'n",
        "fo",
        "hefyd",
        "ond",
        "achos",
        "oherwydd",
        "heddiw",
        "nawr",
        "rwan",
        "rŵan",
        "yfory",
        "neithiwr",
        "heno",
        "beth",
        "pwy",
        "sut",
        "lle",
        "ble",
        "pam",
        "pryd",
        "faint",
        "diolch",
        "shwmae",
        "shwmai",
        "helo",
        "hylo",
        "bore",
        "prynhawn",
        "noswaith",
        "hwyl",
        "iawn",
        "ia",
        "nage",
        "nac",
        "naddo",
        "gwelwch",
        "dda",
        "babi",
        "mabi",
        "fabi",
        "phlentyn",
        "plentyn",
        "cymorth",
        "helpu",
        "grŵp",
        "grwp",
        "grwpiau",
        "agos",
        "ger",
        "yng",
        "ym",
        "yn",
        "yr",
        "i'r",
        "o'r",
        "a'r",
        "wrth",
        "teimlo",
        "teimlon",
        "teimlo'n",
        "isel",
        "blino",
        "drist",
        "trist",
        "poeni",
        "gofid",
        "ofn",
        "pryderus",
        "angen",
        "eisiau",
        "cael",
        "gael",
        "mynd",
        "gwneud",
        "neud",
        "siarad",
        "ddweud",
        "deud",
        "gweud",
        "gwybod",
        "gallu",
        "galla",
        "alla",
        "allwch",
        "fedra",
        "medru",
        "dyma",
        "dyna",
        "hyn",
        "hynna",
        "hon",
        "hwn",
        "hyd",
        "rhywun",
        "rhywbeth",
        "unrhyw",
        "dim",
        "byd",
        "cysgu",
        "bwydo",
        "crio",
        "llefen",
        "tad",
        "rhieni",
        "rhiant",
        "teulu",
        "gŵr",
        "gwr",
        "gwraig",
        "iechyd",
        "meddwl",
        "meddyg",
        "teulu",
        "bydwraig",
        "ymwelydd",
        "gwasanaeth",
        "gwasanaethau",
        "ar-lein",
        "arlein",
        "cymraeg",
        "saesneg",
        "wythnos",
        "mis",
    ]
)
_ENGLISH_WORDS = set(
    [
        "the",
        "and",
        "is",
        "are",
        "i'm",
        "im",
        "i've",
        "ive",
        "my",
        "to",
        "of",
        "in",
        "it",
        "it's",
        "you",
        "your",
        "have",
        "has",
        "had",
        "with",
        "for",
        "not",
        "this",
        "that",
        "what",
        "how",
        "can",
        "do",
        "don't",
        "dont",
        "was",
        "be",
        "but",
        "so",
        "me",
        "we",
        "they",
        "he",
        "she",
        "at",
        "on",
        "just",
        "feel",
        "want",
        "need",
        "get",
        "got",
        "would",
        "could",
        "should",
        "there",
        "their",
        "about",
        "been",
        "because",
        "really",
        "from",
        "when",
    ]
)
_WELSH_LETTERS = re.compile(r"[ŵŷâêîôû]|\b(?:ll|rh|dd|ngh|mh|nh)\w+|\w*(?:ydd|wyd|wch|aeth|iaid|ddw|wyf)\w*")
_WORD = re.compile(r"[\w'’ŵŷâêîôû-]+", re.UNICODE)


# Words that alone show a message is Welsh, and whole messages that are Welsh greetings.
_STRONG_WELSH = {
    "dwi",
    "dwi'n",
    "dw",
    "ydw",
    "ydych",
    "mae'n",
    "isio",
    "eisiau",
    "moyn",
    "efo",
    "rydw",
    "dydw",
    "ddim",
    "gyda'r",
    "mabi",
    "shwmae",
    "shwmai",
}
_WELSH_GREETINGS = {"shwmae", "shwmai", "bore da", "prynhawn da", "noswaith dda", "sut mae", "sut wyt ti"}


def detect(text: str) -> str | None:
    """``cy`` when the message is clearly Welsh, else None (never a guess at English)."""
    words = [w.replace("’", "'").lower() for w in _WORD.findall(text or "")]
    if not words:
        return None
    if " ".join(words) in _WELSH_GREETINGS:
        return WELSH
    welsh = sum(1 for w in words if w in _WELSH_WORDS)
    english = sum(1 for w in words if w in _ENGLISH_WORDS)
    welsh += min(2, len(_WELSH_LETTERS.findall(" ".join(w for w in words if w not in _WELSH_WORDS))))
    if welsh >= 2 and welsh > english:
        return WELSH
    if english == 0 and any(w in _STRONG_WELSH for w in words) and welsh > len(words) / 4:
        return WELSH
    return None


@lru_cache(maxsize=1)
def welsh_responses() -> dict[str, list[dict[str, Any]]]:
    """The Welsh wording of the domain responses (data/wording/cy.yml)."""
    return (yaml.safe_load(WELSH_FILE.read_text(encoding="utf-8")) or {}).get("replies") or {}


@lru_cache(maxsize=1)
def welsh_strings() -> dict[str, str]:
    """Other Welsh strings (the language offer, the widget's labels)."""
    return (yaml.safe_load(WELSH_FILE.read_text(encoding="utf-8")) or {}).get("strings") or {}


def _condition_key(variation: dict[str, Any]) -> dict[str, Any]:
    return {c["name"]: c["value"] for c in variation.get("condition") or [] if c.get("name") != LANGUAGE_SLOT}


def in_welsh(name: str, variation: dict[str, Any]) -> dict[str, Any] | None:
    """The Welsh form of one English variation of response ``name`` (a copy), or None."""
    for welsh in welsh_responses().get(name, []):
        if (welsh.get("condition") or {}) == _condition_key(variation):
            out = dict(variation)
            out["text"] = welsh["text"]
            titles = welsh.get("buttons")
            if titles and variation.get("buttons"):
                out["buttons"] = [
                    {**b, "title": t} for b, t in zip(variation["buttons"], titles, strict=False)
                ]
            return out
    return None


def is_language_specific(variation: dict[str, Any]) -> bool:
    """True for a variation that already names the language (the crisis replies)."""
    return any(c.get("name") == LANGUAGE_SLOT for c in variation.get("condition") or [])


def widget_strings(lang: str) -> dict[str, str]:
    """The web widget's labels in ``lang`` (Welsh from data/wording/cy.yml; English is built in)."""
    if lang != WELSH:
        return {}
    return {
        str(k): str(v)
        for k, v in (
            (yaml.safe_load(WELSH_FILE.read_text(encoding="utf-8")) or {}).get("widget") or {}
        ).items()
    }


@lru_cache(maxsize=1)
def telegram_strings() -> dict[str, Any]:
    """The Telegram channel's own texts in Welsh (data/wording/cy.yml, ``telegram``)."""
    return (yaml.safe_load(WELSH_FILE.read_text(encoding="utf-8")) or {}).get("telegram") or {}
