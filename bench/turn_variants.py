"""Turn time in process with a round's levers on and off, alternated in one process (a tool, not a test).

The set-up of bench/profile_turn.py (the trained model with Rasa's Agent, the
repo's endpoints, a real action server), no profiler. Four variants, each run
for 3 conversations of the bench's script in turn, 6 rounds: scikit-learn's
scoring path of the risk model and dask's graph run; the fast scoring path;
the graph run without dask (Rasa fix 8); and the score cache on (the bench's
script repeats its texts, so the cache answers them; a parent's new text never
is). docs/speed.md, round 4, has a reading. `--round 5`: round 5's levers, each
variant the one before it with one more lever (all with round 4's levers on,
the score cache off): Rasa's dialogue states, then fix 9's (states built once
a tracker), then the form's validation called without the domain (domain.yml's
`send_domain: false`, which a model trained before it does not have: the
variant takes validate_location_form out of the loaded domain's list), then
fix 10 (the rules matched on states prepared once), then the tracker store's
save as one INSERT (the variants before it save through the ORM, as before).
`--round 6`: round 5's levers all on (the score cache off), then Rasa fix 11 (the applied
events folded once a tracker), then fix 12 (the tracker's copy before an action made from
its state), then the tracker store's read of a short session in one query, then the action server's
answers checked per event type (fix 1's cheap check); it also prints
the time spent in `applied_events`, in the tracker's copy and in the tracker store's read a
turn (the mean; the timing wrapper costs the same in every variant).

`--round 7 --compare models/y.tar.gz`: two models of this bot, each loaded with its own Agent in
the same process (the same action server and tracker file, all of round 6's levers on, the
score cache off), alternated 3 conversations at a time; it also prints each model's NLU alone
(`Agent.parse_message` on the script's texts, alternated between the models) and the process's
peak RSS once both are loaded.

Usage: .venv/bin/python bench/turn_variants.py [--round 4|5|6|7] [--rounds 6] [--model models/x.tar.gz]
    [--compare models/y.tar.gz]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_speed import BOT_SCRIPT, start_in_process  # noqa: E402

ROUND_VARIANTS = {
    4: ("sklearn,dask", "fast,dask", "fast,nodask", "fast,cache,nodask"),
    5: (
        "rasa states",
        "states once",
        "states once,no domain",
        "states once,no domain,rules indexed",
        "states once,no domain,rules indexed,one insert",
    ),
    6: (
        "round 5",
        "round 5,applied once",
        "round 5,applied once,copy from state",
        "round 5,applied once,copy from state,short read",
        "round 5,applied once,copy from state,short read,answer check",
    ),
}


async def run_models(var_dir: Path, rounds: int, model: Path | None, compare: Path) -> None:
    """Round 7: two models alternated in one process (see the module docstring)."""
    from rasa.core.agent import load_agent
    from rasa.core.utils import AvailableEndpoints
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    from bot.safety.model import RiskModel
    from tools.stack.stack import REPO

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    stack = start_in_process(var_dir, model)
    try:
        endpoints = AvailableEndpoints.read_endpoints(str(REPO / "endpoints.yml"))
        agents = {}
        for path in (stack.model, compare):
            agents[path.name] = await load_agent(model_path=str(path), endpoints=endpoints)
        for risk in (o for o in gc.get_objects() if isinstance(o, RiskModel)):
            risk.__dict__.pop("_cache", None)
            risk.CACHE_SIZE = 0
        rss = next(
            line.split()[1]
            for line in Path("/proc/self/status").read_text().splitlines()
            if line.startswith("VmHWM")
        )
        print(f"models {' / '.join(agents)}; peak RSS with both loaded {int(rss) / 1e6:.2f} GB")
        for agent in agents.values():
            for text in BOT_SCRIPT * 2:  # warm up
                await agent.handle_text(text, sender_id=f"warm-{uuid.uuid4().hex}")
        turns: dict[str, list[float]] = {name: [] for name in agents}
        search: dict[str, list[float]] = {name: [] for name in agents}
        nlu: dict[str, list[float]] = {name: [] for name in agents}
        # The NLU components' own time in the parse_message runs below (each message's process call).
        components: dict[str, dict[str, list[float]]] = {name: {} for name in agents}
        timing = False

        def timed(model: str, component: str, run: Any) -> Any:
            def timed_run(*args: Any, **kwargs: Any) -> Any:
                if not timing:
                    return run(*args, **kwargs)
                start = time.perf_counter()
                try:
                    return run(*args, **kwargs)
                finally:
                    spent = (time.perf_counter() - start) * 1000
                    components[model].setdefault(component, []).append(spent)

            return timed_run

        for name, agent in agents.items():
            runner = agent.processor.graph_runner if agent.processor else None
            for node_name, node in getattr(runner, "_instantiated_nodes", {}).items():
                # A graph node calls its function with the component (GraphNode._fn).
                if node_name.startswith("run_") and getattr(node, "_fn_name", "") == "process":
                    node._fn = timed(name, node_name.removeprefix("run_"), node._fn)
        for _ in range(rounds):
            for name, agent in agents.items():
                for _ in range(3):
                    sender = uuid.uuid4().hex
                    for i, text in enumerate(BOT_SCRIPT):
                        start = time.perf_counter()
                        await agent.handle_text(text, sender_id=sender)
                        took = (time.perf_counter() - start) * 1000
                        turns[name].append(took)
                        if i == 2:
                            search[name].append(took)
            timing = True
            for _ in range(3):
                for text in BOT_SCRIPT:
                    for name, agent in agents.items():
                        start = time.perf_counter()
                        await agent.parse_message(text)
                        nlu[name].append((time.perf_counter() - start) * 1000)
            timing = False
        for name in agents:
            ms = sorted(turns[name])
            print(
                f"{name:40s} turn p50 {statistics.median(ms):5.1f} mean {statistics.mean(ms):5.1f} "
                f"p95 {ms[int(len(ms) * 0.95)]:5.1f} ms; search turn p50 {statistics.median(search[name]):5.1f} ms; "
                f"NLU alone p50 {statistics.median(nlu[name]):5.2f} mean {statistics.mean(nlu[name]):5.2f} ms"
            )
            print(
                "    NLU components (mean ms a message): "
                + ", ".join(
                    f"{label} {statistics.mean(spent):.2f}" for label, spent in components[name].items()
                )
            )
    finally:
        stack.stop()


async def run(var_dir: Path, rounds: int, round_: int, model: Path | None) -> None:
    from rasa.core.agent import load_agent
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.core.utils import AvailableEndpoints
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    from bot.nlu import rasa_fixes
    from bot.safety.model import RiskModel
    from bot.tracker_store import SafeSQLTrackerStore
    from tools.stack.stack import REPO

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    variants = ROUND_VARIANTS[round_]
    stack = start_in_process(var_dir, model)
    try:
        endpoints = AvailableEndpoints.read_endpoints(str(REPO / "endpoints.yml"))
        agent = await load_agent(model_path=str(stack.model), endpoints=endpoints)
        print("model", stack.model.name)
        risk = next(o for o in gc.get_objects() if isinstance(o, RiskModel))
        store = next(o for o in gc.get_objects() if isinstance(o, SafeSQLTrackerStore))

        def orm_insert(sender_id: str, events: list[dict]) -> None:  # the save before round 5
            with store.session_scope() as session:
                session.add_all(store._rows(sender_id, events))
                session.commit()

        domain = agent.processor.domain if agent.processor else None
        sends_domain = list(getattr(domain, "_actions_which_explicitly_need_domain", []))

        parts: dict[str, float] = {
            "applied_events": 0.0,
            "copy": 0.0,
            "read": 0.0,
        }  # round 6: the time in each, this turn

        def timed(function: Any, part: str) -> Any:
            if round_ != 6:
                return function

            def timed_function(*args: Any, **kwargs: Any) -> Any:
                start = time.perf_counter()
                try:
                    return function(*args, **kwargs)
                finally:
                    parts[part] += time.perf_counter() - start

            return timed_function

        action_result_is_valid = rasa_fixes._action_result_is_valid

        def variant(name: str) -> None:
            if round_ == 5:
                name = f"fast,nodask,{name}"
            if round_ == 6:  # round 5's levers all on, the score cache off, and round 6's each in turn
                name = name.replace("round 5", "fast,nodask,states once,no domain,rules indexed,one insert")
            DialogueStateTracker.applied_events = timed(  # type: ignore[method-assign]
                rasa_fixes._applied_events if "applied once" in name else rasa_fixes._rasa_applied_events,
                "applied_events",
            )
            DialogueStateTracker.copy = timed(  # type: ignore[method-assign]
                rasa_fixes._copy_tracker if "copy from state" in name else rasa_fixes._rasa_tracker_copy,
                "copy",
            )
            DaskGraphRunner.run = rasa_fixes._run_graph if "nodask" in name else rasa_fixes._rasa_graph_run  # type: ignore[method-assign]
            risk.__dict__.pop("_cache", None)
            risk.CACHE_SIZE = 2048 if "cache" in name else 0
            risk._fast = None if "fast" in name else False
            if domain is not None:
                domain._actions_which_explicitly_need_domain = [
                    a for a in sends_domain if "no domain" not in name or a != "validate_location_form"
                ]
            rasa_fixes._action_result_is_valid = (  # type: ignore[assignment]
                action_result_is_valid if "answer check" in name or round_ != 6 else lambda result: None
            )
            if round_ == 6:
                store._read_short_session = (  # type: ignore[method-assign]
                    type(store)._read_short_session.__get__(store) if "short read" in name else lambda *_: []
                )
                store._read = timed(type(store)._read.__get__(store), "read")  # type: ignore[method-assign]
            if "one insert" in name:
                store.__dict__.pop("_insert", None)
            else:
                store._insert = orm_insert  # type: ignore[method-assign]
            RulePolicy._get_possible_keys = (  # type: ignore[method-assign]
                rasa_fixes._get_possible_keys if "rules indexed" in name else rasa_fixes._rasa_possible_keys
            )
            DialogueStateTracker.past_states = (  # type: ignore[method-assign]
                rasa_fixes._past_states if "states once" in name else rasa_fixes._rasa_past_states
            )

        for text in BOT_SCRIPT * 2:  # warm up
            await agent.handle_text(text, sender_id=f"warm-{uuid.uuid4().hex}")
        turns: dict[str, list[float]] = {v: [] for v in variants}
        part_times: dict[str, dict[str, list[float]]] = {v: {p: [] for p in parts} for v in variants}
        search: dict[str, list[float]] = {v: [] for v in variants}
        for _ in range(rounds):
            for name in variants:
                variant(name)
                for _ in range(3):
                    sender = uuid.uuid4().hex
                    for i, text in enumerate(BOT_SCRIPT):
                        for part in parts:
                            parts[part] = 0.0
                        start = time.perf_counter()
                        await agent.handle_text(text, sender_id=sender)
                        took = (time.perf_counter() - start) * 1000
                        turns[name].append(took)
                        for part, spent in parts.items():
                            part_times[name][part].append(spent * 1000)
                        if i == 2:
                            search[name].append(took)
        variant(variants[-1])
        for name in variants:
            ms = sorted(turns[name])
            print(
                f"{name:38s} turn p50 {statistics.median(ms):5.1f} mean {statistics.mean(ms):5.1f} "
                f"p95 {ms[int(len(ms) * 0.95)]:5.1f} ms; search turn p50 {statistics.median(search[name]):5.1f} ms"
                + "".join(
                    f"; {part} {statistics.mean(spent):.3f} ms a turn (mean)"
                    for part, spent in part_times[name].items()
                    if round_ == 6
                )
            )
    finally:
        stack.stop()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--round", type=int, choices=[*sorted(ROUND_VARIANTS), 7], default=4)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--model", type=Path, help="this bot's model (default: the newest in models/)")
    parser.add_argument("--compare", type=Path, help="round 7: a second model, alternated with the first")
    args = parser.parse_args()
    if args.round == 7 and args.compare is None:
        parser.error("--round 7 needs --compare")
    with tempfile.TemporaryDirectory() as tmp:
        if args.round == 7:
            asyncio.run(run_models(Path(tmp), args.rounds, args.model, args.compare))
        else:
            asyncio.run(run(Path(tmp), args.rounds, args.round, args.model))
    return 0


if __name__ == "__main__":
    sys.exit(main())
