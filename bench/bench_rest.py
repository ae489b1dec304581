"""Speed of the running bot (a benchmark, not a test).

Measures, on 127.0.0.1:
- ready to serve: from `make run` (model already trained) to the first answer
  through the REST channel;
- one message through the REST channel with a directory look-up (p50, p95);
- the crisis reply with and without the action server (p50, p95);
- directory queries alone (p50, p95).

Usage: .venv/bin/python bench/bench_rest.py [--n 200]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.stack.stack import REPO, Stack, free_port, post_json, start_stack  # noqa: E402


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"p50 {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms (n={len(ordered)})"


def timed(stack: Stack, messages: list[str], n: int) -> list[float]:
    samples = []
    for _ in range(n):
        sender = f"bench-{uuid.uuid4().hex}"
        for text in messages[:-1]:
            stack.send(sender, text)
        start = time.perf_counter()
        reply = stack.send(sender, messages[-1])
        samples.append(time.perf_counter() - start)
        assert reply, "no reply"
    return samples


def ready_to_serve(var_dir: Path) -> float:
    """Seconds from `make run` to the first REST reply (own ports and database files)."""
    ports = {name: free_port() for name in ("RASA_PORT", "ACTION_PORT", "CONSOLE_PORT")}
    env = {
        **os.environ,
        **{name: str(port) for name, port in ports.items()},
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{ports['ACTION_PORT']}/webhook",
        **{
            f"{db}_DB_URL": f"sqlite:///{var_dir / db.lower()}.db"
            for db in ("DIRECTORY", "TRACKER", "CONSOLE", "TELEGRAM")
        },
        "TELEGRAM_TOKEN": "",
    }
    url = f"http://127.0.0.1:{ports['RASA_PORT']}/webhooks/rest/webhook"
    start = time.perf_counter()
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "run"],
        cwd=REPO,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while proc.poll() is None:
            try:
                status, body = post_json(
                    url, {"sender": f"ready-{uuid.uuid4().hex}", "message": "hello"}, timeout=5
                )
                if status == 200 and body:
                    return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"make run exited with {proc.returncode}")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(
            f"ready to serve: {ready_to_serve(Path(tmp) / 'run'):.1f} s from `make run` to the first REST reply "
            "(model trained)"
        )
        stack = start_stack(Path(tmp) / "stack")
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
    print(
        f"directory query (place resolution + search): p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {worst:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
