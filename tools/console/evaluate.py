"""Measure redaction recall and precision per kind on the labelled set.

Run: .venv/bin/python -m tools.console.evaluate
A predicted span counts as correct when it has the same kind and covers exactly
the labelled characters (trailing/leading spaces ignored).
"""

from __future__ import annotations

import json
from pathlib import Path

from bot.console.redact import KINDS, find_spans

SET = Path(__file__).with_name("redaction_set.json")


def evaluate(path: Path = SET) -> tuple[dict[str, dict[str, float]], list[str]]:
    items = json.loads(path.read_text())
    stats = {k: {"tp": 0, "fn": 0, "fp": 0} for k in KINDS}
    misses: list[str] = []
    for item in items:
        text = item["text"]
        expected = {(s["start"], s["end"], s["kind"]) for s in item["spans"]}
        predicted = {(s.start, s.end, s.kind) for s in find_spans(text)}
        for span in expected:
            if span in predicted:
                stats[span[2]]["tp"] += 1
            else:
                stats[span[2]]["fn"] += 1
                misses.append(f"missed {span[2]}: {text!r} -> {sorted(predicted)}")
        for span in predicted - expected:
            stats[span[2]]["fp"] += 1
            misses.append(f"extra {span[2]}: {text!r} {text[span[0] : span[1]]!r}")
    report = {}
    for kind, s in stats.items():
        recall = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 1.0
        precision = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        report[kind] = {"labelled": s["tp"] + s["fn"], "recall": recall, "precision": precision}
    return report, misses


if __name__ == "__main__":
    results, problems = evaluate()
    print(f"{len(json.loads(SET.read_text()))} messages")
    for name, r in results.items():
        print(f"{name:9} n={r['labelled']:3}  recall={r['recall']:.3f}  precision={r['precision']:.3f}")
    print("\n".join(problems))
