"""Score the console's redaction on the frozen blind set (tests/blind/redaction/).

Run: .venv/bin/python -m tools.console.redaction_blind [--json]

Measures what staff see: each message goes through the function the transcript
uses for its speaker (``redact_user`` for a parent, ``redact_bot`` for the bot),
and the output is compared with the input, so any redaction code can be scored.

- recall (per redact kind and speaker): a labelled substring counts as hidden
  when none of its letters and digits is visible in the output (a postcode may
  keep its district, the part before the space: the console shows it on purpose);
- precision (per placeholder kind and speaker): of the stretches of input the
  output hides, the share that overlap a labelled redact substring;
- keep (per keep kind and speaker): the share of helplines, organisation
  mailboxes and websites that appear unchanged in the output.

Only totals are printed, never the set's lines: the set stays blind. Never copy
its lines into code, patterns or tests (see tests/blind/redaction/README.md).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from bot.console.redact import redact_bot, redact_user

BLIND = Path(__file__).resolve().parents[2] / "tests" / "blind" / "redaction" / "messages.yml"
SPEAKERS = ("parent", "bot")
# What the console puts in place of personal data, and the kind each stands for.
PLACEHOLDERS = {"[phone]": "phone", "[email]": "email", "[NHS number]": "nhs_number", "***": "postcode"}
_PLACEHOLDER_RE = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS))
_MASK = "\x00"


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(needle)) for m in re.finditer(re.escape(needle), text)]


def _masked(original: str, shown: str) -> tuple[str, list[str]]:
    """The output with each placeholder as one masked character (and the kinds, in order)."""
    kinds: list[str] = []

    def swap(match: re.Match[str]) -> str:
        if match.group(0) in original:  # the parent typed it: not a placeholder
            return match.group(0)
        kinds.append(PLACEHOLDERS[match.group(0)])
        return _MASK

    return _PLACEHOLDER_RE.sub(swap, shown), kinds


def hidden_stretches(original: str, shown: str) -> tuple[list[bool], list[tuple[int, int, str]]]:
    """Which input characters are visible in the output, and the hidden stretches with their kind."""
    masked, kinds = _masked(original, shown)
    visible = [False] * len(original)
    stretches: list[tuple[int, int, str]] = []
    matcher = difflib.SequenceMatcher(None, original, masked, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i in range(i1, i2):
                visible[i] = True
        elif tag in ("replace", "delete") and original[i1:i2].strip():
            kind = "other"
            masks = masked[:j2].count(_MASK) - masked[:j1].count(_MASK)
            if masks:
                kind = kinds[masked[:j1].count(_MASK)]
            stretches.append((i1, i2, kind))
    return visible, stretches


def _hidden(text: str, start: int, end: int, kind: str, visible: list[bool]) -> bool:
    chars = [i for i in range(start, end) if text[i].isalnum()]
    if kind == "postcode":
        # The district (outward code) may stay; the inward code (last 3) must go.
        chars = chars[-3:]
    return bool(chars) and not any(visible[i] for i in chars)


def score(path: Path = BLIND) -> dict[str, Any]:
    """Counts and rates per kind and speaker (and "all")."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    redact_n: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # hidden, labelled
    keep_n: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # kept, labelled
    prec_n: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # right, hidden stretches
    for item in items:
        text, speaker = item["text"], item["speaker"]
        shown = (redact_user if speaker == "parent" else redact_bot)(text)
        visible, stretches = hidden_stretches(text, shown)
        labelled: list[tuple[int, int]] = []
        for r in item.get("redact") or []:
            spans = _occurrences(text, r["text"])
            labelled += spans
            ok = all(_hidden(text, s, e, r["kind"], visible) for s, e in spans) and r["text"] not in shown
            for who in (speaker, "all"):
                redact_n[(r["kind"], who)][0] += ok
                redact_n[(r["kind"], who)][1] += 1
        for k in item.get("keep") or []:
            for who in (speaker, "all"):
                keep_n[(k["kind"], who)][0] += k["text"] in shown
                keep_n[(k["kind"], who)][1] += 1
        for start, end, kind in stretches:
            right = any(start < e and s < end for s, e in labelled)
            for who in (speaker, "all"):
                prec_n[(kind, who)][0] += right
                prec_n[(kind, who)][1] += 1
    return {
        "messages": len(items),
        "recall": _rates(redact_n),
        "precision": _rates(prec_n),
        "keep": _rates(keep_n),
    }


def _rates(counts: dict[tuple[str, str], list[int]]) -> dict[str, dict[str, dict[str, float]]]:
    out: dict[str, dict[str, dict[str, float]]] = {}
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (kind, who), (good, n) in sorted(counts.items()):
        out.setdefault(kind, {})[who] = {"n": n, "rate": good / n if n else 1.0}
        totals[who][0] += good
        totals[who][1] += n
    out["ALL"] = {who: {"n": n, "rate": good / n if n else 1.0} for who, (good, n) in totals.items()}
    return out


def _table(title: str, rates: dict[str, dict[str, dict[str, float]]]) -> str:
    lines = [title, f"  {'kind':12} " + " ".join(f"{w:>16}" for w in (*SPEAKERS, "all"))]
    for kind, by_who in rates.items():
        cells = []
        for who in (*SPEAKERS, "all"):
            r = by_who.get(who)
            cells.append(f"{r['rate']:7.3f} (n={int(r['n']):3})" if r else f"{'-':>16}")
        lines.append(f"  {kind:12} " + " ".join(f"{c:>16}" for c in cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = score()
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"{result['messages']} blind messages")
    print(_table("recall of redact substrings (hidden / labelled)", result["recall"]))
    print(_table("precision of hidden stretches (overlapping a redact label / hidden)", result["precision"]))
    print(_table("keep substrings shown unchanged (kept / labelled)", result["keep"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
