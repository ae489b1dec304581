"""Speed of the running bot (a benchmark, not a test).

Starts the real action server and Rasa server on 127.0.0.1, then measures:
- ready to serve: from starting the servers to the first answer;
- one message through the REST channel with a directory look-up (p50, p95);
- the crisis reply with and without the action server (p50, p95);
- directory queries alone (p50, p95).

Usage: .venv/bin/python bench/bench_rest.py [--n 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.stack import Stack, start_stack  # noqa: E402


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"p50 {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms (n={len(ordered)})"


def timed(stack: Stack, messages: list[str], n: int) -> list[float]:
    samples = []
    for i in range(n):
        sender = f"bench-{uuid.uuid4().hex}"
        for text in messages[:-1]:
            stack.send(sender, text)
        start = time.perf_counter()
        reply = stack.send(sender, messages[-1])
        samples.append(time.perf_counter() - start)
        assert reply, "no reply"
    return samples


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        stack = start_stack(Path(tmp))
        print(f"ready to serve: {time.perf_counter() - start:.1f} s (action server + Rasa server, model trained)")
        try:
            timed(stack, ["hi", "groups in Brecon"], 10)  # warm up
            lookup = timed(stack, ["hi", "are there any groups for mums in Brecon"], args.n)
            print(f"REST message with directory look-up: {percentiles(lookup)}")
            crisis = timed(stack, ["hi", "I want to die"], args.n)
            print(f"crisis reply, action server up: {percentiles(crisis)}")
            stack.stop_actions()
            crisis_down = timed(stack, ["I want to die"], args.n)
            print(f"crisis reply, action server down: {percentiles(crisis_down)}")
        finally:
            stack.stop()
    from bot.directory.bench import run

    p50, p95, worst = run()
    print(f"directory query (place resolution + search): p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {worst:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
