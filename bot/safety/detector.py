"""Deterministic risk detector: raw message text -> ``RiskFinding`` or ``None``.

Pure function of the text (and optionally the parent's previous message). The
lexicon (``lexicon.py``) is compiled once, on first use; nothing is built at
import time. Never logs message text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple, cast

from spacy.matcher import Matcher
from spacy.tokens import Doc

from bot.safety import lexicon as lx

if TYPE_CHECKING:
    from spacy.pipeline import Lemmatizer

# Most urgent first; the primary category is the first found in this order.
PRIORITY: tuple[str, ...] = ("C7", "C1", "C3:intent", "C4", "C6", "C8", "C5", "C2", "C3:intrusive", "C9")


@dataclass(frozen=True)
class RiskFinding:
    """What the detector found in one message."""

    category: str
    categories: tuple[str, ...]
    detail: str | None
    about_other: bool
    negated: bool
    rule: str
    certain: bool = True  # False: said as a joke; the reply is the gentle check, not the full one
    joke: bool = False  # laughter or "joking" beside the risk (not elsewhere in the message)


class _Hit(NamedTuple):
    rule: str
    category: str
    detail: str | None
    start: int
    end: int
    core: int
    negated: bool
    other: bool


# ----------------------------------------------------------------------------
# Normalisation
# ----------------------------------------------------------------------------
_COMMAND = re.compile(
    r"^\s*/(?:(?P<name>[A-Za-z_][\w\-]*)(?:@[\d.]+)?(?:\{.*?\}(?=\s|$))?(?=\s|$))?\s*", re.S
)
_TAGS = re.compile(r"<[^>]{0,200}>")
_CENSORED = [
    (re.compile(r"(?<![a-z])r[\*@#4]+p(e|ed|es|ing|ist)(?![a-z])", re.I), r"rap\1"),
    (re.compile(r"(?<![a-z])k[\*1!]+ll(?![a-z])", re.I), "kill"),
    (re.compile(r"(?<![a-z])su[\*1!]+c[\*1!]*de(?![a-z])", re.I), "suicide"),
]
_MARKDOWN = re.compile(r"[*_`~#>|\\]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)

# Text speak, misspellings, contractions -> plain words (order matters).
_SUBS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(a), b)
    for a, b in [
        (r"\bw/o\b", "without"),
        (r"\bw/\s", "with "),
        (
            r"\b(can|could|would|should|does|do|did|is|are|was|were|has|have|had|must|might|need|wo|ca|ai)n'?t\b",
            r"\1 not",
        ),
        (r"\bwo not\b", "will not"),
        (r"\bca not\b", "can not"),
        (r"\bai not\b", "is not"),
        (r"\bcannot\b", "can not"),
        (r"\bdont\b", "do not"),
        (r"\bdoesnt\b", "does not"),
        (r"\bdidnt\b", "did not"),
        (r"\bcant\b", "can not"),
        (r"\bwont\b", "will not"),
        (r"\bwouldnt\b", "would not"),
        (r"\bisnt\b", "is not"),
        (r"\barent\b", "are not"),
        (r"\bhavent\b", "have not"),
        (r"\bhasnt\b", "has not"),
        (r"\bshouldnt\b", "should not"),
        (r"\bi'?m\b", "i am"),
        (r"\bi'?ve\b", "i have"),
        (r"\bive\b", "i have"),
        (r"\bi'?ll\b", "i will"),
        (r"\b(i|you|she|he|we|they|it)'d\b", r"\1 would"),
        (r"\bid\b(?= (?:rather|be|never|love|like))", "i would"),
        (r"\b(you|we|they)'re\b", r"\1 are"),
        (r"\b(she|he|it|that|there|what|who)'s\b", r"\1 is"),
        (r"\b(she|he|it|they|we|you)'ll\b", r"\1 will"),
        (r"\b(we|they|you)'ve\b", r"\1 have"),
        (r"\bhes\b", "he is"),
        (r"\bshes\b", "she is"),
        (r"\bthats\b", "that is"),
        (r"\bwhats\b", "what is"),
        (r"\b(?:wanna|wana|wnna|wna|wan2)\b", "want to"),
        (r"\bwnt\b", "want"),
        (r"\bgonna\b", "going to"),
        (r"\bgotta\b", "got to"),
        # Single letters, but never after an apostrophe: Welsh "dwi'n", "brifo'r" keep theirs.
        (r"(?<![\w'])u(?![\w'])", "you"),
        (r"(?<![\w'])r(?![\w'])", "are"),
        (r"(?<![\w'])b(?![\w'])", "be"),
        (r"(?<![\w'])n(?![\w'])", "and"),
        (r"(?<![\w'])w(?![\w'])", "with"),
        (r"\bur\b", "your"),
        (r"\bwud\b", "would"),
        (r"\bcud\b", "could"),
        (r"\bshud\b", "should"),
        (r"\bevry1\b|\beveryon\b|\bevery1\b", "everyone"),
        (r"\bsum1\b", "someone"),
        (r"\bno1\b", "no one"),
        (r"\bbout\b", "about"),
        (r"\bwen\b", "when"),
        (r"\bcoz\b|\bcos\b|\bcuz\b", "because"),
        (r"\bpls\b|\bplz\b", "please"),
        (r"\bded\b", "dead"),
        (r"\bdie+\b", "die"),
        (r"\bthots?\b", "thoughts"),
        (r"\bkil\b", "kill"),
        (r"\bkilin\b", "killing"),
        (
            r"\b(think|end|hurt|harm|cutt|hav|feel|kill|dy|go|do|want|tak|sleep|say|liv|jump|tell)in\b",
            r"\1ing",
        ),
        (r"\bsewer[\s-]?slide\b", "suicide"),
        (r"\bsu+i?c+i?d(e|al|el|le|ial)\b", r"suicid\1"),
        (r"\bsui?sid(e|al)\b", r"suicid\1"),
        (r"\bsuicidel\b|\bsuicidle\b", "suicidal"),
        (r"\bself[\s-]?harmin\b", "self harming"),
        (r"(?<=[a-z]) 2 (?=[a-z])", " to "),
    ]
]

# Words that may follow an object pronoun (her/him/them); anything else means
# the pronoun is a possessive ("throws her food", "hit her head").
_AFTER_PRONOUN = {
    "and",
    "when",
    "while",
    "so",
    "until",
    "till",
    "with",
    "because",
    "in",
    "on",
    "at",
    "to",
    "for",
    "again",
    "too",
    "really",
    "hard",
    "off",
    "down",
    "out",
    "up",
    "if",
    "or",
    "but",
    "over",
    "into",
    "around",
    "against",
    "near",
    "from",
    "then",
    "every",
    "all",
    "like",
    "as",
    "before",
    "after",
    "by",
    "about",
    "tonight",
    "today",
    "sometimes",
    "the",
    "a",
    "anymore",
    "now",
    "i",
    "she",
    "he",
    "it",
    "just",
    "even",
    "one",
    "there",
    "last",
    "is",
    "was",
    "since",
    "whenever",
    "once",
    "more",
    "any",
    "somehow",
    "myself",
    "accidentally",
    "alive",
    "dead",
    "away",
    "that",
    "who",
    "which",
    "safely",
    "anyway",
    "yet",
    "properly",
    "much",
    "behind",
    "through",
    "onto",
    "under",
}
_CLAUSE_BREAK = re.compile(r"[.!?;\n]| but ")


@lru_cache(maxsize=2048)
def normalise(text: str) -> str:
    """Return the text the lexicon runs on (see ``lexicon`` docstring).

    A pure function of the text, so it is cached (bounded): a turn's text is
    normalised by the rules, then again for the risk model, and the previous
    turns' texts again in the next turns.
    """
    text = html.unescape(text or "")
    text = _TAGS.sub(" ", text)
    text = text.translate(_QUOTES)
    m = _COMMAND.match(text)
    if m:  # "/greet@1.0{...} rest" -> "greet rest": keep the words, drop the command syntax
        text = (m.group("name") or "").replace("_", " ") + " " + text[m.end() :]
    for rx, rep in _CENSORED:
        text = rx.sub(rep, text)
    text = _MARKDOWN.sub(" ", text)
    text = "".join(" " if unicodedata.category(c)[0] in "SC" and c not in "\n" else c for c in text)
    text = _REPEATS.sub(r"\1", text.lower())
    for rx, rep in _SUBS:
        text = rx.sub(rep, text)
    text = re.sub(r"[ \t]+", " ", text)
    return text.strip()


def strip_command(text: str) -> str:
    """Remove a leading Rasa ``/intent`` command, keeping any words after it."""
    m = _COMMAND.match(text or "")
    if not m:
        return text
    rest = text[m.end() :].strip()
    return rest if rest else (m.group("name") or "").replace("_", " ")


# ----------------------------------------------------------------------------
# Compiled lexicon (built once, lazily)
# ----------------------------------------------------------------------------
class _Compiled(NamedTuple):
    nlp: object
    matcher: Matcher
    token_meta: dict[str, tuple[str, str | None]]
    regexes: list[tuple[str, str, str | None, re.Pattern[str]]]
    exclusions: list[re.Pattern[str]]
    fear: re.Pattern[str]
    strong_intent: re.Pattern[str]
    lemmas: object
    psychosis_signs: list[tuple[str, re.Pattern[str]]]
    requires: dict[str, re.Pattern[str]]


def _token_spec(tok: str) -> list[dict]:
    if tok.startswith("*"):
        return [{"IS_PUNCT": False, "OP": "?"} for _ in range(int(tok[1:]))]
    spec: dict = {}
    if tok.endswith("?") and len(tok) > 1:
        spec["OP"] = "?"
        tok = tok[:-1]
    if tok.startswith("@"):
        spec["LOWER"] = {"IN": lx.MACROS[tok[1:]]}
    elif tok.startswith("~"):
        spec["NORM"] = {"IN": [t.lstrip("~") for t in tok.split("|")]}
    else:
        spec["LOWER"] = {"IN": tok.split("|")}
    return [spec]


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    from bot.nlp import english_pipeline

    nlp = english_pipeline()
    matcher = Matcher(nlp.vocab)
    meta: dict[str, tuple[str, str | None]] = {}
    for rule, cat, detail, patterns in lx.TOKEN_RULES:
        specs = [[s for tok in p.split() for s in _token_spec(tok)] for p in patterns]
        matcher.add(rule, specs)
        meta[rule] = (cat, detail)
    regexes = [(r, c, d, re.compile(p)) for r, c, d, p in lx.REGEX_RULES + lx.CONCEPT_RULES]
    signs = [(name, re.compile(p)) for name, p in lx.PSYCHOSIS_SIGNS]
    requires = {rule: re.compile(p) for rule, p in lx.REQUIRES.items()}
    excl = [re.compile(p) for _, p in lx.EXCLUSIONS]
    # The lookup lemmatiser's own table, used directly on the tokenizer's output:
    # the same lemmas as nlp(text), without running the pipeline per message.
    # get_pipe is typed as returning any pipe; this one is the (lookup) Lemmatizer.
    lemmatizer = cast("Lemmatizer", nlp.get_pipe("lemmatizer"))
    lemmas = lemmatizer.lookups.get_table("lemma_lookup")
    return _Compiled(
        nlp,
        matcher,
        meta,
        regexes,
        excl,
        re.compile(lx.FEAR_MARKERS),
        re.compile(lx.STRONG_INTENT_MARKERS),
        lemmas,
        signs,
        requires,
    )


@lru_cache(maxsize=1)
def _idioms() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for _, pattern in lx.DIET_IDIOMS))


def everyday_idiom(text: str) -> bool:
    """True if the text holds an everyday exaggeration such as "teething is killing me".

    Used only to set aside a classifier-only crisis guess; the lexicon's own
    findings are never overridden by it.
    """
    return bool(_idioms().search(normalise(strip_command(text.strip()))))


def warm_up() -> None:
    """Build the pipeline and lexicon now (e.g. when the Rasa component loads)."""
    _compiled()


# ----------------------------------------------------------------------------
# Matching
# ----------------------------------------------------------------------------
_WORD = re.compile(r"[a-z0-9']+|[^\sa-z0-9']")


def _words(s: str) -> list[str]:
    return [w for w in _WORD.findall(re.sub(r"'s\b", "", s)) if w != "'"]


def _clause_start(norm: str, pos: int) -> int:
    start = 0
    for m in _CLAUSE_BREAK.finditer(norm, 0, pos):
        start = m.end()
    return start


def _clause_end(norm: str, pos: int) -> int:
    m = _CLAUSE_BREAK.search(norm, pos)
    return m.start() if m else len(norm)


def _is_negated(norm: str, core: int) -> bool:
    before = _words(norm[_clause_start(norm, core) : core].replace(",", " , "))
    if "," in before:
        before = before[len(before) - before[::-1].index(",") :]
    window = before[-4:] + _words(norm[core : core + 30])[:1]
    for i, w in enumerate(window[:-1]):
        if w in lx.NEGATION_CUES:
            nxt = window[i + 1]
            if nxt in lx.HEDGE_AFTER_NEGATION or nxt == "stop":
                continue
            if w == "no" and nxt in {"one", "body"}:
                continue
            return True
    return False


def _possessive_after(norm: str, end: int, matched: str) -> bool:
    last = matched.split()[-1] if matched.split() else ""
    rest = norm[end:]
    if rest.startswith("'s"):
        return True
    if last not in {"her", "him", "them"}:
        return False
    nxt = re.match(r"\s*([a-z']+)", rest)
    return nxt is not None and nxt.group(1) not in _AFTER_PRONOUN


def _about_other(norm: str, cat: str, start: int, core: int, end: int) -> bool:
    if cat in {"C6", "C9"}:
        return False
    cstart = _clause_start(norm, core)
    before = _words(norm[cstart:core])
    span = _words(norm[core:end])
    if cat in {"C5", "C8"}:
        after = _words(norm[end : _clause_end(norm, end)])[:2]
        for group in (span, after):
            for w in reversed(group):
                if w in {"me", "i", "my", "myself"}:
                    return False
                if w in {"her", "she", "herself"}:
                    return True
        for w in reversed(before):
            if w in lx.FIRST_PERSON:
                return False
            if w in lx.OTHER_PERSON and w not in lx.ABUSER_WORDS:
                return True
        return False
    span_pron = (
        []
        if cat == "C3"
        else [
            w
            for w in span
            if w
            in {
                "i",
                "me",
                "myself",
                "my",
                "she",
                "he",
                "her",
                "him",
                "herself",
                "himself",
                "his",
                "themselves",
            }
        ]
    )
    for w in reversed(before + span_pron):
        if w in lx.FIRST_PERSON:
            return False
        if w in lx.OTHER_PERSON:
            return True
    return False


def _c3_resolve(
    norm: str, c: _Compiled, core: int, end: int, detail: str | None
) -> tuple[str, str | None] | None:
    """Decide C3 intrusive / intent, or C6 when someone else harms the child."""
    cstart = _clause_start(norm, core)
    before = _words(norm[cstart:core])
    agent = None
    for w in reversed(before):
        if w in lx.SELF_AGENTS:
            agent = "self"
            break
        if w in {"she", "her"}:
            agent = "she"
            break
        if w in lx.OTHER_AGENTS:
            agent = "other"
            break
    clause = norm[cstart : _clause_end(norm, end)]
    if re.search(r"\b(?:her|him|them)$", norm[core:end]) and re.search(
        r"\b(?:daughter|sister|friend|mum|mother|niece|cousin)(?:'s)? (?:partner|husband|boyfriend|fella|bf|ex)\b",
        norm[cstart:core],
    ):
        return None  # an adult relative hit by her partner: C5, handled by the C5 rules
    if detail in {"intent", "intrusive"}:
        return "C3", detail
    if detail == "act":  # something already done to a child: by someone else C6, by the writer C3 intent
        return ("C6", None) if agent in {"other", "she"} else ("C3", "intent")
    strong = bool(c.strong_intent.search(norm))
    fear = bool(c.fear.search(norm))
    if agent == "other":
        return "C6", None
    if agent == "she" and not (
        strong or fear or re.search(r"\b(?:says|said|told|keeps|feels|thinks)\b", norm)
    ):
        return "C6", None
    if strong:
        return "C3", "intent"
    near = " ".join(before[-3:])
    if re.search(r"\b(?:going to|will|would|want|about to)\b", near) and not fear:
        return "C3", "intent"
    if re.search(r"\b(?:going to|will)\b", clause) and not fear:
        return "C3", "intent"
    return "C3", "intrusive"


def _psychosis_cluster(norm: str, c: _Compiled) -> list[tuple[str, str, str | None, int, int, int]]:
    """A C4 hit when signs of at least two kinds appear (see ``lexicon.PSYCHOSIS_SIGNS``)."""
    found: dict[str, tuple[int, int]] = {}
    for name, rx in c.psychosis_signs:
        m = rx.search(norm)
        if m:
            found[name] = (m.start(), m.end())
    if len(found) < lx.MIN_PSYCHOSIS_SIGNS:
        return []
    start = min(a for a, _ in found.values())
    end = max(b for _, b in found.values())
    return [("c4.cluster", "C4", None, start, end, start)]


def _find(norm: str) -> list[_Hit]:
    c = _compiled()
    if not norm:
        return []
    excluded = [(m.start(), m.end()) for rx in c.exclusions for m in rx.finditer(norm)]
    raw: list[tuple[str, str, str | None, int, int, int]] = []
    doc: Doc = c.nlp.make_doc(norm)  # type: ignore[attr-defined]
    for tok in doc:
        low = tok.lower_
        tok.norm_ = lx.NORM_OVERRIDES.get(low) or c.lemmas.get(low, low)  # type: ignore[attr-defined]
    for match_id, s, e in c.matcher(doc):
        rule = doc.vocab.strings[match_id]
        cat, detail = c.token_meta[rule]
        span = doc[s:e]
        raw.append((rule, cat, detail, span.start_char, span.end_char, span.start_char))
    for rule, cat, detail, rx in c.regexes:
        if rule in c.requires and not c.requires[rule].search(norm):
            continue
        for m in rx.finditer(norm):
            core = next(
                (
                    m.start(g)
                    for g in ("core", "core2", "core3", "core4")
                    if g in rx.groupindex and m.start(g) >= 0
                ),
                m.start(),
            )
            raw.append((rule, cat, detail, m.start(), m.end(), core))
    raw += _psychosis_cluster(norm, c)
    hits: list[_Hit] = []
    for rule, cat, detail, start, end, core in raw:
        if any(start < b and a < end for a, b in excluded):
            continue
        if _possessive_after(norm, end, norm[start:end]):
            continue
        if cat == "C3":
            resolved = _c3_resolve(norm, c, core, end, detail)
            if resolved is None:
                continue
            cat, detail = resolved
        else:
            detail = None
        other = rule != "c7.baby_emergency" and _about_other(norm, cat, start, core, end)
        hits.append(_Hit(rule, cat, detail, start, end, core, _is_negated(norm, core), other))
    return hits


def _key(h: _Hit) -> str:
    return f"C3:{h.detail}" if h.category == "C3" else h.category


def _finding(hits: list[_Hit]) -> RiskFinding | None:
    if not hits:
        return None
    positive = [h for h in hits if not h.negated]
    # A sure rule's finding before a gentle one's ("she flinches when he comes in"
    # beside "squeezes her till she screams"): the gentle check only when nothing surer fired.
    pool = [h for h in positive if h.rule not in lx.GENTLE_RULES] or positive or hits
    pool = sorted(pool, key=lambda h: PRIORITY.index(_key(h)))
    top = pool[0]
    cats: list[str] = []
    for h in sorted(hits, key=lambda h: PRIORITY.index(_key(h))):
        if h.category not in cats:
            cats.append(h.category)
    same = [h for h in pool if _key(h) == _key(top)]
    about_other = all(h.other for h in same)
    return RiskFinding(
        category=top.category,
        categories=tuple(cats),
        detail=top.detail,
        about_other=about_other,
        negated=not positive,
        rule=top.rule,
    )


def assess(text: str, previous: str | None = None) -> RiskFinding | None:
    """Assess one parent message for risk.

    Args:
        text: the RAW message text (commands, markdown and HTML are handled here).
        previous: the parent's previous message, for disclosures split in two.

    Returns:
        A ``RiskFinding`` (``negated=True`` when the only risk found is denied),
        or ``None``.
    """
    norm = normalise(text)
    if not norm:
        return None
    hits: list[_Hit] = []
    bare = re.sub(r"[^a-z' ]", " ", norm)
    bare = re.sub(r"\s+", " ", bare).strip()
    bare = re.sub(r"^(?:i |just |to |and |then )+", "", bare) if bare not in lx.STANDALONE else bare
    if previous:
        prev = normalise(previous)
        if prev:
            joined = f"{prev} {norm}"
            offset = len(prev) + 1
            # Positions in this message (a core in the previous turn counts from its start).
            hits += [
                h._replace(start=max(0, h.start - offset), end=h.end - offset, core=max(0, h.core - offset))
                for h in _find(joined)
                if h.end > offset
            ]
    if bare in lx.STANDALONE and not any(not h.negated for h in hits):
        hits.append(_Hit("standalone", lx.STANDALONE[bare], None, 0, len(norm), 0, False, False))
    if not any(not h.negated for h in hits):
        hits += _find(norm)
    finding = _finding(hits)
    if finding is None or finding.negated:
        return finding
    at = min(h.core for h in hits if h.rule == finding.rule and not h.negated)
    context = _context(norm, text, at)
    if (
        context in {"history", "generic"}
        or (context == "reported" and (finding.category != "C4" or _a_story(norm, at)))
        or (context == "info" and finding.category not in {"C1", "C7"})
    ):
        return None  # not a disclosure; the trained model still gets its say
    if context == "joke" and finding.category != "C9":  # a young person's age is no joke
        return replace(finding, certain=False, joke=True)
    if finding.rule in lx.GENTLE_RULES:
        return replace(finding, certain=False)
    return finding


_FICTION = re.compile(lx.FICTION)
_OWN_PEOPLE = re.compile(lx.OWN_PEOPLE)
_STORY_CLAUSE = re.compile(lx.STORY_CLAUSE)


def _a_story(norm: str, at: int) -> bool:
    """A programme's or a book's story, not the writer's or someone close to her.

    The sign told inside the story's own clause, in the same clause of the
    message ("my wife is reading a novel where the mother thinks her baby has
    been swapped"), is the story's, whoever is reading it (round 10).
    """
    if not _FICTION.search(norm):
        return False
    lo, _ = _near(norm, at, _CLAUSE_END, 0, 0)
    return not _OWN_PEOPLE.search(norm) or bool(_STORY_CLAUSE.search(norm, lo, at))


# Where a clause ends: the joke and question markers are read near the risk, not
# anywhere in a long message ("she hates broccoli lol ... anyway i cut again").
_CLAUSE_END = re.compile(r"[.!?,;:\n]+")
_SENTENCE_END = re.compile(r"[.!?\n]+")


def _near(norm: str, at: int, ends: re.Pattern[str], before: int, after: int) -> tuple[int, int]:
    """The span from ``before`` units (clauses or sentences) before the one at ``at`` to ``after`` units after it."""
    starts = [0, *(m.end() for m in ends.finditer(norm, 0, at))]
    stops = [m.start() for m in ends.finditer(norm, at)] + [len(norm)]
    return starts[max(0, len(starts) - 1 - before)], stops[min(after, len(stops) - 1)]


@lru_cache(maxsize=1)
def _context_patterns() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(getattr(lx, name)) for name in lx.CONTEXT_MARKERS}


def _context(norm: str, raw: str, at: int = 0) -> str | None:
    """What sets this message apart from a disclosure, if anything.

    ``history``: risk in the past and over ("I self-harmed at uni, not for ten
    years"); ``reported``: someone else's story in the news, a programme or a
    book; ``generic``: parents in general ("lots of mums get these thoughts");
    ``info``: a question about a topic with no first person in it ("what is
    coercive control?"); ``joke``: laughter or "joking". Any sign of risk in the
    present ("again", "urges", "tonight", "I want") keeps the disclosure.
    """
    c = _context_patterns()
    emoji = any(ch in raw for ch in lx.JOKING_EMOJI)  # a laughing emoji counts wherever it is
    joking = (emoji or c["JOKING"].search(norm)) and not c["SERIOUS"].search(norm)
    if joking:
        lo, hi = _near(norm, at, _CLAUSE_END, 1, 1)  # the risk's clause and one either side
        if emoji or c["JOKING"].search(norm, lo, hi):
            return "joke"
    context = _structure(c, norm, at)
    # Laughter far from the risk, in a message that is otherwise a disclosure, is
    # not a joke about it; beside another structure it stays the gentle check.
    return "joke" if joking and context else context


_NOW_CONTRAST = re.compile(r"^\s*(?:but |and |yet )?(?:now|these days|nowadays)\b")
_NOT_PAST = re.compile(
    r"\b(?:ago|used to|when i was|as a|in my|back then|last year|years|at (?:uni|school|college))\b"
)


def _now_contrast(norm: str, at: int) -> bool:
    """The risk's sentence opens with "now" and names no past time: the past is
    something else ("i used to love life. now i lie awake working out how")."""
    lo, hi = _near(norm, at, _SENTENCE_END, 0, 0)
    sentence = norm[lo:hi]
    return bool(_NOW_CONTRAST.search(sentence)) and not _NOT_PAST.search(sentence)


def _structure(c: dict[str, re.Pattern[str]], norm: str, at: int) -> str | None:
    """History, someone else's story, people in general or a topic question (see ``_context``)."""
    if c["PRESENT_RISK"].search(norm):
        return None
    if (
        c["PAST_TIME"].search(norm)
        and (c["RESOLVED"].search(norm) or "?" in norm)
        and not _now_contrast(norm, at)
    ):
        return "history"
    if c["REPORTED"].search(norm) and not c["RELATES"].search(norm):
        return "reported"
    if c["GENERIC"].search(norm):
        return "generic"
    if c["INFO_QUESTION"].search(norm) and not c["FIRST_PERSON_ANY"].search(norm):
        # A question about a topic, unless the risk is said in a later sentence that is
        # the parent's own ("...under 16? i am 15").
        lo, hi = _near(norm, at, _SENTENCE_END, 0, 0)
        if lo == 0 or not c["FIRST_PERSON_ANY"].search(norm[lo:hi].lstrip()):
            return "info"
    return None
