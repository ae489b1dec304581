"""Turn speed of this bot beside a plain Rasa 3.6 bot (a benchmark, not a test).

Both bots run on 127.0.0.1 with their action servers, one after the other (never
both Rasa servers at once): this project's model from models/ with the repo's
endpoints (SafeSQLTrackerStore on SQLite, the lock store, the response
generator), and the plain bot of bench/plain_bot/ (21 intents, DIET and TED,
Rasa's SQL tracker store on SQLite, an action that runs one SQLite query),
trained by this script into a temporary folder (cached there by the hash of
its files, so a second run does not train again).

Rows (the targets are those of docs/speed.md):
- ready: seconds from spawning `rasa run` (action server already up) to the
  first reply through the REST channel;
- single client: every turn of 20 scripted conversations sent one at a time;
- search turn: the turn that runs the directory search (this bot) or the SQLite
  query (plain bot), over the same conversations plus 20 more;
- 10 msg/s: 50 conversations of the script, messages started at 10 a second in
  all (each conversation sends every 5 s), open loop;
- saturated: 12 clients sending conversations back to back for 20 s;
- long conversation: one conversation of 120 turns (the script over and over),
  p50 and p95 of turns 101-120 against turns 1-20;
- memory: peak resident size (VmHWM) of the Rasa process at the end;
- saturated, 2 workers + Redis lock store (this bot only): the saturated row
  again against a second Rasa server of this bot started with 2 Sanic workers
  (SANIC_WORKERS=2, what RASA_WORKERS=2 of `make run` passes) and REDIS_URL, so
  the project's lock store shares the conversation locks in a throwaway
  redis-server on 127.0.0.1 (deploy/local.py, as the scale tests start it); the
  tracker store stays the SQLite file (WAL) both workers share. Its memory row
  is the larger worker's peak RSS.

Usage: .venv/bin/python bench/bench_speed.py [--only bot|plain] [--quick] [--no-workers]
       [--model models/x.tar.gz]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy.local import Redis  # noqa: E402
from tools.stack.stack import (  # noqa: E402
    RASA,
    REPO,
    Stack,
    free_port,
    latest_model,
    post_json,
    wait_http,
)

PLAIN = REPO / "bench" / "plain_bot"

# A conversation of each bot: the same shape (greeting, how they feel, a search,
# thanks, a question, goodbye); SEARCH is the index of the search turn.
BOT_SCRIPT = (
    "hi",
    "I've been feeling really low since my baby was born",
    "are there any groups for mums in Brecon",
    "thank you",
    "what is postnatal depression",
    "bye",
)
PLAIN_SCRIPT = (
    "hi",
    "I feel sad",
    "any groups in Brecon",
    "thanks",
    "my baby won't sleep",
    "bye",
)
SEARCH = 2

TARGETS = {
    "ready": ("ready after start (s)", "<= 12"),
    "single_p50": ("single client p50 (ms)", "<= 20"),
    "single_p95": ("single client p95 (ms)", "<= 30"),
    "search_p50": ("search turn p50 (ms)", "<= 22"),
    "paced_p95": ("p95 at 10 msg/s, 50 conversations (ms)", "<= 80"),
    "saturated": ("saturated throughput (msg/s)", ">= 50"),
    "cpu_ms": ("saturated: CPU ms a message, Rasa + action server", ""),
    "long_p50": ("turns 101-120 / 1-20, p50 (x)", "<= 1.2"),
    "long_p95": ("turns 101-120 / 1-20, p95 (x)", "<= 1.2"),
    "long_p95_ms": ("turns 101-120 p95 (ms)", ""),
    "memory": ("Rasa process peak RSS (GB)", "<= 1.0"),
    "saturated_2w": ("saturated, 2 workers + Redis lock store (msg/s)", ">= 50"),
    "cpu_ms_2w": ("2 workers: CPU ms a message, Rasa + action server + Redis", ""),
    "memory_2w": ("2 workers: peak RSS of a worker (GB)", "<= 1.0"),
}
WORKERS = 2


def p50(samples: list[float]) -> float:
    return statistics.median(samples)


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(len(ordered) * 0.95) - 1))]


@dataclass
class Bot:
    name: str
    script: tuple[str, ...]
    stack: Stack
    actions_module: str
    results: dict[str, float] = field(default_factory=dict)

    def send(self, sender: str, text: str) -> float:
        """Seconds for one message through the REST channel (a reply is required)."""
        start = time.perf_counter()
        status, body = post_json(self.stack.rest_url, {"sender": sender, "message": text})
        took = time.perf_counter() - start
        if status != 200 or not body:
            raise RuntimeError(f"{self.name}: no reply to {text!r}: {status} {body!r}")
        return took


def plain_model() -> Path:
    """The plain bot's model, trained into the temp folder once per version of its files."""
    digest = hashlib.sha256()
    for path in sorted(PLAIN.rglob("*")):
        if path.is_file() and path.suffix in {".yml", ".py"}:
            digest.update(path.relative_to(PLAIN).as_posix().encode() + path.read_bytes())
    out = Path(tempfile.gettempdir()) / f"bench-plain-bot-{digest.hexdigest()[:12]}"
    model = out / "plain.tar.gz"
    if not model.exists():
        print("training the plain bot (once) ...", flush=True)
        subprocess.run(
            [
                RASA,
                "train",
                "--quiet",
                "--domain",
                "domain.yml",
                "--config",
                "config.yml",
                "--data",
                "data",
                "--out",
                str(out),
                "--fixed-model-name",
                "plain",
            ],
            cwd=PLAIN,
            env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
            check=True,
            capture_output=True,
        )
    return model


def make_stack(var_dir: Path, plain: bool, model: Path | None = None) -> Stack:
    """A stack (not started) on free ports with its own SQLite files."""
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "DIRECTORY_DB_URL": f"sqlite:///{var_dir / 'directory.db'}",
        "TRACKER_DB_URL": f"sqlite:///{var_dir / 'tracker.db'}",
        "TELEGRAM_DB_URL": f"sqlite:///{var_dir / 'telegram.db'}",
        "CONSOLE_DB_URL": f"sqlite:///{var_dir / 'console.db'}",
        "TRACKER_JOURNAL_DIR": str(var_dir / "journal"),
        "PLAIN_TRACKER_DB": str(var_dir / "plain_tracker.db"),
        "PLAIN_SERVICES_DB": str(var_dir / "plain_services.db"),
        "LOG_LEVEL": "WARNING",
    }
    if not plain:
        subprocess.run(
            [sys.executable, "-m", "bot.directory.build", "--url", env["DIRECTORY_DB_URL"]],
            cwd=REPO,
            env=env,
            check=True,
            capture_output=True,
        )
    return Stack(
        var_dir=var_dir,
        env=env,
        rasa_port=free_port(),
        action_port=free_port(),
        credentials=(PLAIN if plain else REPO) / "credentials.yml",
        model=plain_model() if plain else model or latest_model(),
        endpoints=(PLAIN if plain else REPO) / "endpoints.yml",
    )


def start_actions(bot: Bot) -> None:
    stack = bot.stack
    proc = stack._spawn(
        "actions",
        [RASA, "run", "actions", "--actions", bot.actions_module, "-p", str(stack.action_port)],
        env={"SANIC_HOST": "127.0.0.1"},
    )
    wait_http(f"{stack.action_url}/health", proc=proc)


def start_in_process(var_dir: Path, model: Path | None = None) -> Stack:
    """This bot's stack for an agent loaded in this process: its action server
    running and this process's environment pointed at it (the in-process tools)."""
    stack = make_stack(var_dir, plain=False, model=model)
    os.environ.update(stack.env)
    os.environ["ACTION_ENDPOINT_URL"] = f"{stack.action_url}/webhook"
    start_actions(Bot("this bot", BOT_SCRIPT, stack, "actions"))
    return stack


def start_rasa_timed(bot: Bot, env: dict[str, str] | None = None) -> float:
    """Spawn `rasa run` and return the seconds until its first REST reply."""
    stack = bot.stack
    start = time.perf_counter()
    proc = stack._spawn(
        "rasa",
        [
            RASA,
            "run",
            "-m",
            str(stack.model),
            "--credentials",
            str(stack.credentials),
            "--endpoints",
            str(stack.endpoints),
            "-i",
            "127.0.0.1",
            "-p",
            str(stack.rasa_port),
        ],
        env={"ACTION_ENDPOINT_URL": f"{stack.action_url}/webhook", **(env or {})},
    )
    while time.perf_counter() - start < 300:
        if proc.poll() is not None:
            raise RuntimeError(f"{bot.name}: rasa exited:\n{stack.log('rasa')[-3000:]}")
        try:
            status, body = post_json(
                stack.rest_url, {"sender": f"ready-{uuid.uuid4().hex}", "message": bot.script[0]}, timeout=30
            )
            if status == 200 and body:
                return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{bot.name}: not ready in 300 s")


def conversation(bot: Bot, pace: Callable[[int], None] | None = None) -> list[float]:
    sender = f"bench-{uuid.uuid4().hex}"
    samples = []
    for i, text in enumerate(bot.script):
        if pace is not None:
            pace(i)
        samples.append(bot.send(sender, text))
    return samples


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds used so far by one process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def saturated(bot: Bot, quick: bool, servers: list[int]) -> tuple[float, float]:
    """Messages a second with 12 clients sending conversations back to back (closed loop),
    and the CPU milliseconds the `servers` processes used per message meanwhile (what
    bounds throughput when the machine is not shared: 2000 / that on 2 cores)."""
    seconds, clients = (8.0, 12) if quick else (20.0, 12)
    stop_at = time.perf_counter() + seconds
    done = [0] * clients

    def client(k: int) -> None:
        while time.perf_counter() < stop_at:
            sender = f"bench-sat-{uuid.uuid4().hex}"
            for text in bot.script:
                if time.perf_counter() >= stop_at:
                    return
                bot.send(sender, text)
                done[k] += 1

    started = time.perf_counter()
    cpu_before = sum(cpu_seconds(pid) for pid in servers)
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cpu = sum(cpu_seconds(pid) for pid in servers) - cpu_before
    return sum(done) / (time.perf_counter() - started), cpu / max(1, sum(done)) * 1000


def measure(bot: Bot, quick: bool) -> None:
    runs = 8 if quick else 20
    for _ in range(3):  # warm up: first calls of every component and of the action server
        conversation(bot)
    turns = [conversation(bot) for _ in range(runs)]
    flat = [t for conv in turns for t in conv]
    search = [conv[SEARCH] for conv in turns]
    sender = f"bench-search-{uuid.uuid4().hex}"
    for _ in range(runs):
        sender = f"bench-search-{uuid.uuid4().hex}"
        for text in bot.script[:SEARCH]:
            bot.send(sender, text)
        search.append(bot.send(sender, bot.script[SEARCH]))
    bot.results.update(
        single_p50=p50(flat) * 1000, single_p95=p95(flat) * 1000, search_p50=p50(search) * 1000
    )
    print(f"  {bot.name}: single client and search done", flush=True)

    # 10 msg/s over 50 conversations: conversation c sends its j-th message at (c + 50 j) / 10 s.
    conversations, rate = (20, 4.0) if quick else (50, 10.0)
    origin = time.perf_counter() + 0.5

    def paced(c: int) -> list[float]:
        def pace(j: int) -> None:
            delay = origin + (c + conversations * j) / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)

        return conversation(bot, pace)

    with ThreadPoolExecutor(conversations) as pool:
        paced_turns = [t for conv in pool.map(paced, range(conversations)) for t in conv]
    bot.results["paced_p95"] = p95(paced_turns) * 1000
    print(f"  {bot.name}: paced done", flush=True)

    servers = [bot.stack.procs["rasa"].pid, bot.stack.procs["actions"].pid]
    bot.results["saturated"], bot.results["cpu_ms"] = saturated(bot, quick, servers)
    print(f"  {bot.name}: saturated done", flush=True)

    # One long conversation.
    sender = f"bench-long-{uuid.uuid4().hex}"
    long = [bot.send(sender, bot.script[i % len(bot.script)]) for i in range(120)]
    first, late = long[:20], long[100:120]
    bot.results.update(
        long_p50=p50(late) / p50(first),
        long_p95=p95(late) / p95(first),
        long_p95_ms=p95(late) * 1000,
    )
    print(f"  {bot.name}: long conversation done", flush=True)


def peak_rss_gb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024 / 1024
    return float("nan")


def run(bot: Bot, quick: bool) -> None:
    print(f"{bot.name}: starting", flush=True)
    try:
        start_actions(bot)
        bot.results["ready"] = start_rasa_timed(bot)
        measure(bot, quick)
        bot.results["memory"] = peak_rss_gb(bot.stack.procs["rasa"].pid)
    finally:
        bot.stack.stop()


def worker_pids(pid: int) -> list[int]:
    """The Sanic workers: the children of the `rasa run` process."""
    pids = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        pids += [int(child) for child in (task / "children").read_text().split()]
    return pids


def run_workers(bot: Bot, quick: bool) -> None:
    """The saturated row against 2 Sanic workers sharing their locks in a throwaway Redis."""
    print(f"{bot.name}: starting {WORKERS} workers with the Redis lock store", flush=True)
    redis = Redis(bot.stack.var_dir / "redis")
    try:
        redis.start()
        start_actions(bot)
        start_rasa_timed(
            bot,
            env={"SANIC_WORKERS": str(WORKERS), "REDIS_URL": redis.url, "REDIS_PASSWORD": redis.password},
        )
        workers = worker_pids(bot.stack.procs["rasa"].pid)
        if len(workers) != WORKERS:
            raise RuntimeError(f"rasa runs {len(workers)} workers, not {WORKERS}")
        # Warm up every worker (each loads its own model): conversations in parallel reach both.
        with ThreadPoolExecutor(2 * WORKERS) as pool:
            list(pool.map(lambda _: conversation(bot), range(4 * WORKERS)))
        servers = [*workers, bot.stack.procs["actions"].pid, *([redis.proc.pid] if redis.proc else [])]
        bot.results["saturated_2w"], bot.results["cpu_ms_2w"] = saturated(bot, quick, servers)
        bot.results["memory_2w"] = max(peak_rss_gb(pid) for pid in workers)
        print(f"  {bot.name}: saturated with {WORKERS} workers done", flush=True)
    finally:
        bot.stack.stop()
        redis.stop()


def table(bots: list[Bot]) -> str:
    header = ["", *(b.name for b in bots), "target"]
    rows = [header]
    for key, (label, target) in TARGETS.items():
        cells = []
        for bot in bots:
            value = bot.results.get(key)
            cells.append("-" if value is None else f"{value:.2f}" if value < 10 else f"{value:.0f}")
        rows.append([label, *cells, target])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=("bot", "plain"))
    parser.add_argument("--quick", action="store_true", help="fewer samples, 4 msg/s over 20 conversations")
    parser.add_argument("--model", type=Path, help="this bot's model (default: the newest in models/)")
    parser.add_argument(
        "--no-workers", action="store_true", help="skip this bot's row with 2 workers and Redis"
    )
    args = parser.parse_args()
    bots = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.only != "plain":
            bots.append(
                Bot(
                    "this bot",
                    BOT_SCRIPT,
                    make_stack(Path(tmp) / "bot", plain=False, model=args.model),
                    "actions",
                )
            )
        if args.only != "bot":
            bots.append(
                Bot(
                    "plain Rasa",
                    PLAIN_SCRIPT,
                    make_stack(Path(tmp) / "plain", plain=True),
                    "bench.plain_bot.actions",
                )
            )
        failed = False
        for bot in bots:
            try:
                run(bot, args.quick)
                if bot.name == "this bot" and not args.no_workers:
                    run_workers(bot, args.quick)
            except Exception as error:  # print what was measured, and why the rest was not
                print(f"{bot.name}: stopped: {error}", flush=True)
                failed = True
    print()
    print(table(bots))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
