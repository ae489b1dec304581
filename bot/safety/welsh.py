"""Welsh initial mutations, for matching Welsh words in any form they take in a sentence.

A Welsh word changes its first sound after certain words: *marw* "die" becomes
*farw* ("eisiau farw" in speech, "wedi marw"), *lladd* "kill" becomes *ladd*
("i ladd fy hun"), *cyllell* "knife" becomes *gyllell*, *nghyllell*, *chyllell*.
The risk rules name each word once, in its radical (dictionary) form, and match
every mutated form through ``forms`` / ``alternation``.

Soft:      p→b t→d c→g b→f d→dd g→(dropped) ll→l m→f rh→r
Nasal:     p→mh t→nh c→ngh b→m d→n g→ng
Aspirate:  p→ph t→th c→ch
(h- before a vowel after *ei* "her", *ein*, *eu* is added too.)
"""

from __future__ import annotations

import re

_SOFT = {"p": "b", "t": "d", "c": "g", "b": "f", "d": "dd", "g": "", "ll": "l", "m": "f", "rh": "r"}
_NASAL = {"p": "mh", "t": "nh", "c": "ngh", "b": "m", "d": "n", "g": "ng"}
_ASPIRATE = {"p": "ph", "t": "th", "c": "ch"}
_VOWELS = "aeiouwyâêîôûŵŷ"


def _initial(word: str) -> str:
    for two in ("ll", "rh"):
        if word.startswith(two):
            return two
    return word[:1]


def forms(word: str) -> set[str]:
    """The radical form of a Welsh word and every mutated form of it."""
    word = word.lower()
    out = {word}
    first = _initial(word)
    rest = word[len(first) :]
    for table in (_SOFT, _NASAL, _ASPIRATE):
        if first in table:
            out.add(table[first] + rest)
    if first and first in _VOWELS:
        out.add("h" + word)
    # Accents are often left out when typing on a phone.
    out |= {f.translate(str.maketrans("âêîôûŵŷ", "aeiouwy")) for f in list(out)}
    return {f for f in out if f}


def alternation(*phrases: str) -> str:
    """A regex alternation of phrases whose FIRST word may be mutated.

    ``alternation("marw", "lladd fy hun")`` matches "farw", "ladd fy hun",
    "nladd fy hun" and so on. Later words are taken as written (they are
    usually the ones that do not mutate: "fy hun", "y babi").
    """
    options: set[str] = set()
    for phrase in phrases:
        first, _, rest = phrase.partition(" ")
        for form in forms(first):
            options.add(re.escape(form) + ((" " + rest) if rest else ""))
    return "(?:" + "|".join(sorted(options, key=len, reverse=True)) + ")"
