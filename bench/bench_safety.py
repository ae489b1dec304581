"""Latency of the risk detector's rules and of the trained risk model, per message.

python bench/bench_safety.py      # (make bench) p50 / p95 over the safety sets' texts

Also the whole component a turn (``RiskDetector.process`` with the previous
turns, as in a conversation): on the speed benchmark's script repeated (its
texts come back, so the score cache answers them) and on the safety sets'
texts as one long conversation (no text twice: the cache cold); and a check
that the fast scoring path gives scikit-learn's scores on every training line.
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
    p50, p95 = timed(model.score_sklearn if hasattr(model, "score_sklearn") else model.score, items)
    print(f"risk model, scikit-learn's path: {len(items)} messages, p50 {p50:.2f} ms, p95 {p95:.2f} ms")
    fresh = trained_model()  # its cache empty
    p50, p95 = timed(fresh.score, list(dict.fromkeys(items)))
    print(f"risk model: {len(set(items))} messages, p50 {p50:.2f} ms, p95 {p95:.2f} ms")
    component_turns(trained_model(), items)
    verify_fast_scoring(trained_model())
    return 0


def component_turns(model, items: list[str]) -> None:
    """RiskDetector.process a turn, with the previous two turns as the Rasa server hands them."""
    from rasa.shared.nlu.training_data.message import Message

    from bench.bench_speed import BOT_SCRIPT
    from bot.safety.component import RiskDetector
    from bot.safety.conversation import MAX_TURNS, RECENT_KEY

    detector = RiskDetector(model)

    def turn(state: tuple[list[str], str]) -> None:
        history, text = state
        detector.process([Message({"text": text, "metadata": {RECENT_KEY: history[-MAX_TURNS:]}})])

    def conversation(texts: list[str]) -> list[tuple[list[str], str]]:
        return [(texts[max(0, i - MAX_TURNS) : i], t) for i, t in enumerate(texts)]

    script = conversation(list(BOT_SCRIPT) * 50)
    timed(turn, script[:60])  # warm up
    p50, p95 = timed(turn, script)
    print(f"risk detector a turn, the bench script repeated: p50 {p50:.2f} ms, p95 {p95:.2f} ms")
    if hasattr(model, "CACHE_SIZE"):
        model.CACHE_SIZE = 0  # what a parent's new text gets: nothing from the score cache
        model.__dict__.pop("_cache", None)
        p50, p95 = timed(turn, script)
        print(f"risk detector a turn, the bench script, score cache off: p50 {p50:.2f} ms, p95 {p95:.2f} ms")
        model.CACHE_SIZE = type(model).CACHE_SIZE
    unique = conversation(list(dict.fromkeys(items)))
    p50, p95 = timed(turn, unique)
    print(f"risk detector a turn, {len(unique)} turns no text twice: p50 {p50:.2f} ms, p95 {p95:.2f} ms")


def verify_fast_scoring(model) -> None:
    """The fast path's scores are scikit-learn's on every training line (bit for bit)."""
    if not hasattr(model, "score_sklearn"):
        return
    from bot.safety.model import load_examples, model_text

    texts = [e.text for e in load_examples()]
    reference = model.score_sklearn(texts)
    fast = model.score_model_texts([model_text(t) for t in texts])
    same = sum(a == b for a, b in zip(reference, fast, strict=True))
    worst = max(abs(a.p_risk - b.p_risk) for a, b in zip(reference, fast, strict=True))
    print(
        f"fast scoring: {same} of {len(texts)} training lines identical (largest p_risk difference {worst:g})"
    )


if __name__ == "__main__":
    sys.exit(main())
