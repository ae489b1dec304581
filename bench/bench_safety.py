"""Latency of the risk detector's rules and of the trained risk model, per message.

python bench/bench_safety.py      # (make bench) p50 / p95 over the safety sets' texts
"""

from __future__ import annotations

import statistics
import sys
import tarfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def texts() -> list[str]:
    out: list[str] = []
    for path in sorted((REPO / "tests/safety").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key in ("risk", "everyday", "negated", "mixed", "pairs"):
            for e in data.get(key) or []:
                if isinstance(e, str):
                    out.append(e)
                else:  # one message, or the turns of a split conversation
                    out.extend([e["text"]] if "text" in e else [str(t) for t in e.get("turns") or []])
    return out


def timed(fn, items: list[str]) -> tuple[float, float]:
    ms = []
    for t in items:
        start = time.perf_counter()
        fn(t)
        ms.append((time.perf_counter() - start) * 1000)
    ms.sort()
    return statistics.median(ms), ms[int(len(ms) * 0.95)]


def trained_model():
    """The risk model from the newest trained Rasa model."""
    import pickle

    newest = max((REPO / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    with tarfile.open(newest) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("risk_model.pkl"))
        return pickle.loads(tar.extractfile(member).read())  # noqa: S301 - our own model file


# The rules run on every message before anything else; this was a unit test's
# wall-clock assertion, which belongs here (a shared CI box is not a stopwatch).
RULES_P95_BUDGET_MS = 2.0


def main() -> int:
    from bot.safety.detector import assess, warm_up

    warm_up()
    items = texts()
    p50, p95 = timed(assess, items)
    print(
        f"risk rules: {len(items)} messages, p50 {p50:.2f} ms, p95 {p95:.2f} ms "
        f"(budget: p95 under {RULES_P95_BUDGET_MS} ms)"
    )
    model = trained_model()
    p50, p95 = timed(model.score, items)
    print(f"risk model: {len(items)} messages, p50 {p50:.2f} ms, p95 {p95:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
