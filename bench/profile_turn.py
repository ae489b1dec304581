"""Where a turn's time goes: cProfile of this bot's turns in process (a tool, not a test).

Loads the trained model with Rasa's Agent and the repo's endpoints (the project's
tracker store on a throwaway SQLite file, the response generator, the lock
store) against a real action server on 127.0.0.1, then profiles turns 1-20 and
101-120 of one conversation (bench/bench_speed.py's script over and over) and
prints the functions with the most cumulative time. docs/speed.md has a reading.

Usage: .venv/bin/python bench/profile_turn.py [--top 40] [--turns 120] [--without-ted] [--dump out/prof] [--model models/x.tar.gz]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import logging
import pstats
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_speed import BOT_SCRIPT, start_in_process  # noqa: E402

# The parts of a turn: each NLU component, each policy, the tracker store, the action server call.
PARTS = r"\(process\)|\(predict_action_probabilities\)|\(_retrieve\)|\(save\)|\(_send_request\)|\(generate\)"


def report(profile: cProfile.Profile, top: int, title: str) -> None:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).strip_dirs().sort_stats("cumulative")
    stats.print_stats(PARTS)
    stats.print_stats(top)
    print(f"===== {title}")
    print(out.getvalue())


async def turns(
    top: int,
    count: int,
    var_dir: Path,
    without_ted: bool,
    dump: Path | None = None,
    model: Path | None = None,
) -> None:
    from rasa.core.agent import load_agent
    from rasa.core.utils import AvailableEndpoints
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)  # debug logging would be most of the profile
    configure_structlog(logging.WARNING)
    if without_ted:
        from bench.without_ted import silence_ted

        silence_ted()

    from tools.stack.stack import REPO

    bot_stack = start_in_process(var_dir, model)
    try:
        endpoints = AvailableEndpoints.read_endpoints(str(REPO / "endpoints.yml"))
        agent = await load_agent(model_path=str(bot_stack.model), endpoints=endpoints)
        sender = f"profile-{uuid.uuid4().hex}"
        for text in BOT_SCRIPT * 2:  # warm up, another conversation
            await agent.handle_text(text, sender_id=f"warm-{uuid.uuid4().hex}")
        profile_first, profile_late = cProfile.Profile(), cProfile.Profile()
        took = []
        for i in range(count):
            profile = profile_first if i < 20 else profile_late if i >= count - 20 else None
            start = time.perf_counter()
            if profile is not None:
                profile.enable()
            await agent.handle_text(BOT_SCRIPT[i % len(BOT_SCRIPT)], sender_id=sender)
            if profile is not None:
                profile.disable()
            took.append(time.perf_counter() - start)
        print(
            f"turns 1-20: {sum(took[:20]) / 20 * 1000:.1f} ms mean; last 20: {sum(took[-20:]) / 20 * 1000:.1f} ms mean"
        )
        report(profile_first, top, "turns 1-20")
        report(profile_late, top, f"turns {count - 19}-{count}")
        if dump is not None:  # for pstats (e.g. print_callees) or snakeviz
            profile_first.dump_stats(str(dump) + ".first")
            profile_late.dump_stats(str(dump) + ".late")
    finally:
        bot_stack.stop()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--turns", type=int, default=120)
    parser.add_argument(
        "--without-ted", action="store_true", help="TED answers nothing (bench/without_ted.py)"
    )
    parser.add_argument("--dump", type=Path, help="also write the two profiles to DUMP.first and DUMP.late")
    parser.add_argument("--model", type=Path, help="this bot's model (default: the newest in models/)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(turns(args.top, args.turns, Path(tmp), args.without_ted, args.dump, args.model))
    return 0


if __name__ == "__main__":
    sys.exit(main())
