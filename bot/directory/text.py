"""Text folding for place names: case, accents, punctuation and postcodes.

Kept apart from the gazetteer so the NLU component and the tests fold text the same
way. Folding keeps character offsets, because the NLU component tags entities by span.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Apostrophes join ("don't" -> "dont"); every other non-alphanumeric splits words.
_JOINERS = frozenset("'\u2019\u2018`")
# Blank out HTML-ish tags with spaces of the same length, so offsets still line up.
_TAG = re.compile(r"<[^<>]{0,200}>")

# A UK postcode: outward code (area letters + district) and inward code.
FULL_POSTCODE = re.compile(r"^([a-z]{1,2}[0-9][a-z0-9]?) ?([0-9])[a-z]{2}$")
OUTWARD_CODE = re.compile(r"^([a-z]{1,2})([0-9][a-z0-9]?)$")


@dataclass(frozen=True)
class Token:
    """One folded word and where it came from in the original text."""

    text: str
    start: int
    end: int


def _fold_char(ch: str) -> str | None:
    """Fold one character: a lowercase ASCII letter/digit, "" (joiner) or None (separator)."""
    if ch in _JOINERS:
        return ""
    for part in unicodedata.normalize("NFKD", ch.lower()):
        if part.isascii() and part.isalnum():
            return part
    return None


def tokens(text: str) -> list[Token]:
    """Split ``text`` into folded words with their character spans.

    Args:
        text: Raw user text, in any case, with accents, punctuation or tags.

    Returns:
        The words, lowercase ASCII, each with ``start``/``end`` offsets into ``text``.
    """
    text = _TAG.sub(lambda m: " " * len(m.group()), text)
    out: list[Token] = []
    buf: list[str] = []
    start = end = 0
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        if folded is None:
            if buf:
                out.append(Token("".join(buf), start, end))
                buf = []
            continue
        if folded == "":
            continue
        if not buf:
            start = i
        buf.append(folded)
        end = i + 1
    if buf:
        out.append(Token("".join(buf), start, end))
    return out


def fold(text: str) -> str:
    """Fold ``text`` to lowercase ASCII words separated by single spaces.

    Args:
        text: Any text.

    Returns:
        The folded form used as a lookup key ("Y Gelli-Gandryll!" -> "y gelli gandryll").
    """
    return " ".join(t.text for t in tokens(text))


def split_postcode(folded: str) -> tuple[str, str | None] | None:
    """Split a folded postcode or outward code into (district, sector digit).

    Args:
        folded: Folded text such as ``"ld3 7hr"``, ``"ld37hr"`` or ``"ld3"``.

    Returns:
        ``("LD3", "7")`` for a full postcode or a sector ("ld3 7"), ``("LD3", None)``
        for an outward code,
        or None if the text is not postcode-shaped.
    """
    compact = folded.replace(" ", "")
    full = FULL_POSTCODE.match(compact)
    if full:
        return full.group(1).upper(), full.group(2)
    words = folded.split()
    if len(words) == 2 and OUTWARD_CODE.match(words[0]) and re.fullmatch(r"[0-9]", words[1]):
        return words[0].upper(), words[1]  # a sector, e.g. "HR3 5" (as we name split districts)
    if OUTWARD_CODE.match(compact) and len(words) == 1:
        return compact.upper(), None
    return None


def postcode_area(district: str) -> str:
    """Return the letters of a postcode district ("SY16" -> "SY")."""
    return re.match(r"[A-Z]+", district).group(0)  # type: ignore[union-attr]
