"""The whole trained NLU pipeline (DIET, risk rules, risk model) on the safety sets.

Two kinds of set:

* ``tests/safety/risk.yml`` + ``everyday.yml``: written with the first lexicon
  (a regression set: every risk line must still be caught);
* ``tests/safety/blind/*.yml``: the blind set of this round, written by people
  who never saw the detector, its lexicon, the training data or the other
  sets, and never used for tuning;
* ``tests/safety/round11/*.yml``, ``round10/*.yml`` ... ``round1/*.yml``: the blind sets of
  earlier rounds, now regression sets (their misses may be read to find
  missing concepts, never copied).
  The targets: through the whole model, recall at least 0.98 in every category
  and theme, full crisis replies on at most 1% of everyday messages, the gentle
  check on at most 3%. Where a target is not met yet, ``make test`` holds the
  model to the floor in the set's ``floors.yml`` (what it reached, less two
  points) and prints the gap to the target.

A message "gets the crisis contacts" when it comes out as ``crisis`` (the full
reply, or the gentle check with the numbers when ``risk_detail`` is
``unclear``) or ``risk_negated`` (a check-in with the numbers). Split
disclosures are fed turn by turn with the earlier turns as the conversation's
stored events, as the Rasa server gives them; a split counts as caught when any
of its turns gets the contacts.

    python scripts/safety_system_check.py            # both kinds, with limits
    python scripts/safety_system_check.py --blind    # this round's blind set only
    python scripts/safety_system_check.py --misses   # also print the misses
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the model's custom components live in bot/

MIN_RECALL = 0.98
MAX_FULL_ALARM = 0.01
MAX_GENTLE_ALARM = 0.03
MAX_FULL_ALARM_REGRESSION = 0.03
CAUGHT = {"crisis", "check-in", "risk_negated"}


@dataclass
class RiskCase:
    turns: list[str]
    groups: list[str]
    expect_negated: bool = False


@dataclass
class SafetySet:
    name: str
    blind: bool
    risks: list[RiskCase] = field(default_factory=list)
    everyday: list[tuple[str, str]] = field(default_factory=list)
    left_out: int = 0  # blind lines also in the training data
    folder: Path | None = None  # where its floors.yml lives


def _groups(entry: dict[str, Any], split: bool = False) -> list[str]:
    groups = [str(entry.get("cat", "?"))]
    theme = entry.get("theme")
    if theme and str(theme).upper() != groups[0] and theme != "split":
        groups.append(f"theme:{theme}")
    if split:
        groups.append("theme:split")
    return groups


def regression_set() -> SafetySet:
    """The first safety sets (tests/safety/risk.yml and everyday.yml)."""
    risk = yaml.safe_load((REPO / "tests/safety/risk.yml").read_text(encoding="utf-8"))
    out = SafetySet("regression (tests/safety/)", blind=False)
    for entry in risk["risk"] + risk["mixed"]:
        out.risks.append(RiskCase([entry["text"]], _groups(entry)))
    for entry in risk["negated"]:
        out.risks.append(RiskCase([entry["text"]], _groups(entry), expect_negated=True))
    for entry in risk["pairs"]:
        out.risks.append(RiskCase([entry["previous"], entry["text"]], _groups(entry, split=True)))
    everyday = yaml.safe_load((REPO / "tests/safety/everyday.yml").read_text(encoding="utf-8"))
    out.everyday = [
        (e, "everyday") if isinstance(e, str) else (e["text"], e.get("kind", "everyday"))
        for e in everyday["everyday"]
    ]
    return out


# Frozen sets written by people who never saw the code: this round's blind set,
# then the earlier rounds' (regression sets now). Each folder has its floors.yml.
BLIND_FOLDERS = (
    "tests/safety/blind",
    "tests/safety/round11",
    "tests/safety/round10",
    "tests/safety/round9",
    "tests/safety/round8",
    "tests/safety/round7",
    "tests/safety/round6",
    "tests/safety/round5",
    "tests/safety/round4",
    "tests/safety/round3",
    "tests/safety/round2",
    "tests/safety/round1",
)


def blind_sets(folders: tuple[str, ...] = BLIND_FOLDERS) -> list[SafetySet]:
    """Every frozen blind set (this round's and the earlier rounds').

    Single messages whose text the model was trained on are left out (counted in
    ``left_out``): a blind line measures nothing once it is in the training data.
    A risk entry has ``text`` (one message) or ``turns`` (a split conversation);
    round 1 kept its splits under ``splits:``.
    """
    from seen_in_training import seen

    sets = []
    for name in folders:
        folder = REPO / name
        round_name = "this round's blind set" if name == BLIND_FOLDERS[0] else "earlier blind set"
        out = SafetySet(f"{round_name} ({name})", blind=True, folder=folder)
        for path in sorted(folder.glob("*.yml")):
            if path.name == "floors.yml":
                continue
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            welsh = path.stem.startswith("welsh")
            for entry in (data.get("risk") or []) + (data.get("splits") or []):
                turns = [str(t) for t in entry["turns"]] if "turns" in entry else [str(entry["text"])]
                if len(turns) == 1 and seen(turns[0]):
                    out.left_out += 1
                    continue
                groups = _groups(entry, split=len(turns) > 1)
                if welsh and "theme:welsh" not in groups:
                    groups.append("theme:welsh")
                out.risks.append(RiskCase(turns, groups))
            for entry in data.get("everyday") or []:
                if seen(entry["text"]):
                    out.left_out += 1
                    continue
                kind = entry.get("kind", "everyday")
                out.everyday.append((entry["text"], f"welsh:{kind}" if welsh else kind))
        sets.append(out)
    return sets


class Classifier:
    """The trained model, loaded once; a message's path given its conversation so far."""

    def __init__(self, model: Path | None = None) -> None:
        import logging

        from rasa.core.agent import Agent
        from rasa.model import get_latest_model
        from rasa.utils.log_utils import configure_structlog

        configure_structlog(logging.WARNING)  # Rasa's debug events quote message text
        self.agent = Agent.load(str(model) if model else get_latest_model(str(REPO / "models")))
        self._n = 0

    async def paths(self, turns: list[str]) -> list[str]:
        """The path of each turn of one conversation, each parsed with the earlier turns stored."""
        from rasa.core.channels.channel import UserMessage
        from rasa.shared.core.events import ActionExecuted, UserUttered
        from rasa.shared.core.trackers import DialogueStateTracker

        self._n += 1
        sender = f"check-{self._n}"
        events: list[Any] = []
        out = []
        for text in turns:
            tracker = DialogueStateTracker.from_events(sender, list(events))
            message = UserMessage(text, sender_id=sender)
            parsed = await self.agent.processor.parse_message(message, tracker)
            details = {e["value"] for e in parsed["entities"] if e["entity"] == "risk_detail"}
            name = parsed["intent"]["name"]
            out.append("check-in" if name == "crisis" and "unclear" in details else str(name))
            events += [
                ActionExecuted("action_listen"),
                UserUttered(text, parsed["intent"], parsed["entities"]),
            ]
        return out


@dataclass
class Result:
    name: str
    blind: bool
    per_group: dict[str, list[int]]
    full_recall: dict[str, list[int]]
    everyday_n: int
    full_alarms: list[tuple[str, str]]
    gentle_alarms: list[tuple[str, str]]
    misses: list[tuple[str, str]]
    everyday_paths: Counter
    left_out: int = 0
    folder: Path | None = None


async def evaluate(classifier: Classifier, safety_set: SafetySet) -> Result:
    per_group: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    full: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for case in safety_set.risks:
        paths = await classifier.paths(case.turns)
        caught = any(p in CAUGHT for p in paths)
        is_full = any(p == "crisis" for p in paths) or (case.expect_negated and paths[-1] == "risk_negated")
        for group in case.groups:
            per_group[group][0] += caught
            per_group[group][1] += 1
            full[group][0] += is_full
            full[group][1] += 1
        if not caught:
            misses.append((" / ".join(case.turns), ",".join(case.groups) + " -> " + paths[-1]))
    full_alarms, gentle_alarms = [], []
    counts: Counter = Counter()
    for text, kind in safety_set.everyday:
        path = (await classifier.paths([text]))[0]
        counts[path] += 1
        if path == "crisis":
            full_alarms.append((text, kind))
        elif path in CAUGHT:
            gentle_alarms.append((text, kind))
    return Result(
        safety_set.name,
        safety_set.blind,
        dict(per_group),
        dict(full),
        len(safety_set.everyday),
        full_alarms,
        gentle_alarms,
        misses,
        counts,
        safety_set.left_out,
        safety_set.folder,
    )


def floors(folder: Path | None) -> dict[str, Any]:
    """A blind set's floors where a target is not met yet (see module docstring)."""
    path = folder / "floors.yml" if folder else None
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path and path.exists() else {}


def report(result: Result, show_misses: bool) -> list[str]:
    """Print the figures; return the limits broken."""
    broken = []
    floor = floors(result.folder) if result.blind else {}
    total = sum(n for g, (c, n) in result.per_group.items() if not g.startswith("theme:"))
    caught = sum(c for g, (c, n) in result.per_group.items() if not g.startswith("theme:"))
    print(
        f"\n== {result.name}: {caught}/{total} risk cases got the crisis contacts "
        f"({caught / max(total, 1):.1%})"
        + (
            f"; {result.left_out} lines left out, the same text is in the training data"
            if result.left_out
            else ""
        )
    )
    for group in sorted(result.per_group):
        c, n = result.per_group[group]
        f = result.full_recall[group][0]
        print(f"   {group:28s} {c:4d}/{n:<4d} {c / n:6.1%}   full reply {f / n:6.1%}")
        limit = (floor.get("recall") or {}).get(group, MIN_RECALL) if result.blind else 1.0
        if result.blind and c / n < MIN_RECALL:
            print(f"   {'':28s} below the target {MIN_RECALL:.0%} (floor {limit:.0%})")
        if c / n < limit:
            broken.append(f"{result.name}: recall {c / n:.1%} in {group} (limit {limit:.0%})")
    full_rate = len(result.full_alarms) / max(result.everyday_n, 1)
    gentle_rate = len(result.gentle_alarms) / max(result.everyday_n, 1)
    print(
        f"   everyday: {result.everyday_n} messages; full crisis reply {len(result.full_alarms)} "
        f"({full_rate:.1%}); gentle check {len(result.gentle_alarms)} ({gentle_rate:.1%})"
    )
    print("   everyday paths:", dict(result.everyday_paths.most_common(8)))
    by_kind = Counter(k for _, k in result.full_alarms + result.gentle_alarms)
    if by_kind:
        print("   alarms by kind:", dict(by_kind.most_common()))
    max_full = float(floor.get("full_alarm", MAX_FULL_ALARM)) if result.blind else MAX_FULL_ALARM_REGRESSION
    if result.blind and full_rate > MAX_FULL_ALARM:
        print(f"   full crisis reply above the target {MAX_FULL_ALARM:.0%} (ceiling {max_full:.1%})")
    if full_rate > max_full:
        broken.append(
            f"{result.name}: full crisis reply on {full_rate:.1%} of everyday messages (limit {max_full:.0%})"
        )
    max_gentle = float(floor.get("gentle_alarm", MAX_GENTLE_ALARM))
    if result.blind and gentle_rate > MAX_GENTLE_ALARM:
        print(f"   gentle check above the target {MAX_GENTLE_ALARM:.0%} (ceiling {max_gentle:.1%})")
    if result.blind and gentle_rate > max_gentle:
        broken.append(
            f"{result.name}: gentle check on {gentle_rate:.1%} of everyday messages (limit {max_gentle:.1%})"
        )
    if show_misses:
        for text, why in result.misses:
            print(f"   MISSED [{why}]: {text}")
        for text, kind in result.full_alarms:
            print(f"   FULL ALARM [{kind}]: {text}")
        for text, kind in result.gentle_alarms:
            print(f"   GENTLE [{kind}]: {text}")
    return broken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blind", action="store_true", help="this round's blind set only")
    parser.add_argument("--earlier", action="store_true", help="the earlier rounds' blind sets only")
    parser.add_argument("--regression", action="store_true", help="the first (non-blind) sets only")
    parser.add_argument("--misses", action="store_true", help="print misses and alarms")
    parser.add_argument("--model", type=Path, help="a trained model (default: the newest in models/)")
    args = parser.parse_args(argv)
    if args.blind:
        sets = blind_sets(BLIND_FOLDERS[:1])
    elif args.earlier:
        sets = blind_sets(BLIND_FOLDERS[1:])
    elif args.regression:
        sets = [regression_set()]
    else:
        sets = [regression_set(), *blind_sets()]
    classifier = Classifier(args.model)

    async def run() -> list[Result]:
        return [await evaluate(classifier, s) for s in sets]

    broken = []
    for result in asyncio.run(run()):
        broken += report(result, args.misses)
    for line in broken:
        print("LIMIT BROKEN:", line)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
