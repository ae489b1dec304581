"""Scale-out figures (a benchmark, not a test): Rasa's own stores against this project's.

Starts PostgreSQL, Redis, two Rasa replicas and nginx on 127.0.0.1 (tools/stack/
services.py), first with Rasa 3.6's RedisLockStore and SQLTrackerStore
(`--stock`), then with bot.lock_store and bot.tracker_store, and measures:

- 20 simultaneous messages from one sender, alternating between the replicas:
  user turns stored (of 20) and messages answered, per round;
- 30 parents each sending two messages at once through nginx: parents with a
  turn missing from the store;
- a replica SIGKILLed while it holds a conversation's lock: seconds until the
  next message of that conversation is answered by the other replica.

Usage: .venv/bin/python bench/bench_scale.py [--rounds 3] [--only stock|project]
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.stack.services import Cluster, answered, kill, send, start_cluster  # noqa: E402

MESSAGES = ("hi there", "I need some support since having my baby")


def burst(cluster: Cluster) -> tuple[int, int]:
    sender = f"burst-{uuid.uuid4().hex}"
    texts = [f"hello, this is message {i}" for i in range(20)]
    urls = [cluster.replicas[i % 2].rasa_url for i in range(20)]
    with ThreadPoolExecutor(20) as pool:
        replies = list(pool.map(lambda pair: send(pair[0], sender, pair[1]), zip(urls, texts, strict=False)))
    stored = len(set(cluster.user_texts(sender)) & set(texts))
    return stored, sum(answered(r, t) for r, t in zip(replies, texts, strict=False))


def double_senders(cluster: Cluster) -> int:
    assert cluster.nginx is not None
    senders = [f"double-{i}-{uuid.uuid4().hex}" for i in range(30)]
    jobs = [(who, text) for who in senders for text in MESSAGES]
    with ThreadPoolExecutor(len(jobs)) as pool:
        list(pool.map(lambda job: send(cluster.nginx.url, *job), jobs))  # type: ignore[union-attr]
    return sum(len(cluster.user_texts(who)) < 2 for who in senders)


def killed_holder(cluster: Cluster, lock_key: str) -> tuple[float, bool]:
    """Seconds from the SIGKILL of the lock holder to the other replica's reply, and whether it answered."""
    import redis

    victim, survivor = cluster.replicas[1], cluster.replicas[0]
    sender = f"killed-{uuid.uuid4().hex}"
    red = redis.Redis.from_url(cluster.redis.url, password=cluster.redis.password)
    actions = victim.procs["actions"]
    os.killpg(actions.pid, signal.SIGSTOP)
    try:
        threading.Thread(
            target=send, args=(victim.rasa_url, sender, "any support groups near LD3 7HR"), daemon=True
        ).start()
        cluster.wait_for(lambda: red.exists(lock_key.format(sender=sender)) == 1, timeout=60)
        kill(victim)
    finally:
        os.killpg(actions.pid, signal.SIGCONT)
    start = time.monotonic()
    reply = send(survivor.rasa_url, sender, "hello", timeout=180)
    took = time.monotonic() - start
    return took, answered(reply, "hello")


def run(stock: bool, rounds: int) -> None:
    name = "Rasa 3.6 stores (before)" if stock else "project stores (after)"
    cluster = start_cluster(Path(tempfile.mkdtemp(prefix="bench-scale-")), stock=stock)
    try:
        bursts = [burst(cluster) for _ in range(rounds)]
        doubles = [double_senders(cluster) for _ in range(rounds)]
        key = "lock:{sender}" if stock else "perinatal:lock:{sender}:queue"
        took, ok = killed_holder(cluster, key)
        print(f"\n{name}")
        print("  20 at once, one sender (stored/answered of 20): " + ", ".join(f"{s}/{a}" for s, a in bursts))
        print("  30 parents double-sending, parents with a lost turn: " + ", ".join(map(str, doubles)))
        outcome = "answered" if ok else "NOT answered (error reply or none)"
        print(f"  lock holder SIGKILLed: next message {outcome} after {took:.1f} s")
    finally:
        cluster.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", choices=["stock", "project"])
    args = parser.parse_args()
    for stock in (True, False):
        if args.only is None or args.only == ("stock" if stock else "project"):
            run(stock, args.rounds)


if __name__ == "__main__":
    main()
