"""Held-out figures for service search, answers to questions and short replies.

Reads the frozen blind sets in tests/blind/directory/ (written by someone who never
saw the bot) and runs each message through the trained model's NLU (the whole
pipeline, as the Rasa server runs it) and then what the bot does with the parse:
the place check of the location form, the directory search, the answer chosen
by intent and topic. It prints:

- service hits: the place understood (when one was given) and, among the three
  services shown, at least one for the parent's need (the need or a narrower term);
- wrong-area answers: a service shown that does not serve the parent's area;
- answers: the question got the answer for its topic;
- short replies: yes / no understood, and a family role recognised.

Lines whose text is also in the training data are left out and counted.
Run: .venv/bin/python scripts/directory_check.py [--misses] [--floors]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from seen_in_training import normalise, training_texts  # noqa: E402

BLIND = REPO / "tests" / "blind" / "directory"
FLOORS = BLIND / "floors.yml"
QUESTION_INTENTS = {"ask_low_mood", "ask_attachment", "ask_infant_mental_health"}
# The answer each question topic should get: the NLU topic value that selects it.
# "general" is the default answer of an intent (a topic-less question).
EXPECTED_TOPIC = {
    "what_is_pnd": {"postnatal_depression"},
    "baby_blues": {"baby_blues"},
    "when_pnd_starts": {"pnd_timing"},
    "anxiety_without_depression": {"anxiety"},
    "birth_trauma": {"birth_trauma"},
    "dads_depression": {"dads_depression"},
    "attachment": {"attachment", "bonding"},
    "aces": {"aces"},
    "good_enough": {"good_enough"},
    "take_baby_away": {"fear_of_losing_baby"},
    "medicines_breastfeeding": {"medicines"},
    "intrusive_thoughts": {"intrusive_thoughts"},
    "postpartum_psychosis": {"postpartum_psychosis"},
    "infant_mental_health": {"infant_mental_health", "general:ask_infant_mental_health"},
    "treatment_options": {"treatment"},
}
AREA_AUTHORITY = {"powys": "Powys", "milton_keynes": "Milton Keynes"}
AREA_NATION = {
    "powys": "wales",
    "milton_keynes": "england",
    "wales_other": "wales",
    "england_other": "england",
    "scotland": "scotland",
    "northern_ireland": "northern_ireland",
}


def load(name: str) -> list[dict[str, Any]]:
    path = BLIND / name
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or []) if path.exists() else []


class Bot:
    """The trained model's NLU and the bot's own search and place functions."""

    def __init__(self) -> None:
        import logging

        from rasa.core.agent import Agent
        from rasa.model import get_latest_model
        from rasa.utils.log_utils import configure_structlog

        configure_structlog(logging.WARNING)  # Rasa's debug events quote message text
        self.agent = Agent.load(get_latest_model(str(REPO / "models")))

    async def parse(self, text: str) -> dict[str, Any]:
        return await self.agent.parse_message(text)


def entity(parsed: dict[str, Any], name: str) -> str | None:
    values = [e.get("value") for e in parsed.get("entities", []) if e.get("entity") == name]
    return str(values[0]) if values else None


def service_facts() -> dict[str, tuple[set[str], list[str]]]:
    """Service id -> (needs, area names), straight from the directory database."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from bot.directory import models as m

    facts: dict[str, tuple[set[str], list[str]]] = {}
    with directory().session() as session:
        rows = session.scalars(
            select(m.Service).options(
                selectinload(m.Service.taxonomy_terms), selectinload(m.Service.service_areas)
            )
        ).all()
        for row in rows:
            needs = {t.term for t in row.taxonomy_terms if t.vocabulary == "need"}
            facts[row.id] = (needs, [a.name for a in row.service_areas])
    return facts


def narrower(need: str) -> frozenset[str]:
    """The need and every term under it (the taxonomy's own tree, bot/directory/taxonomy.py)."""
    from bot.directory.taxonomy import load_taxonomy

    return load_taxonomy().narrower(need)


def serves(areas: list[str], area: str) -> bool:
    """Whether a service with these area names serves a parent in ``area``."""
    from bot.directory.places import load_gazetteer

    gaz = load_gazetteer()
    nation = AREA_NATION.get(area)
    for name in areas:
        if name.upper() == "UK":
            return True
        place = gaz.area(name)
        chain = set(place.areas) if place else {name}
        if area in AREA_AUTHORITY and AREA_AUTHORITY[area] in chain | {name}:
            return True
        if nation and name.lower().replace(" ", "_") == nation:
            return True
        if area == "none" and name.lower() in ("england", "wales"):
            return True  # no place given: a nation-wide line is a fair answer
    return False


def directory() -> Any:
    """The directory the settings name, as the action server has it (one per run of this script)."""
    global _directory
    if _directory is None:
        from bot.directory.service import Directory

        _directory = Directory.from_settings()
    return _directory


_directory: Any = None


async def search_figures(bot: Bot, show: bool) -> dict[str, float]:
    from bot.directory.signposting import check_place, search

    facts = service_facts()
    seen = training_texts()
    rows = load("search.yml")
    counts: Counter[str] = Counter()
    by_need: dict[str, Counter[str]] = defaultdict(Counter)
    by_area: dict[str, Counter[str]] = defaultdict(Counter)
    for item in rows:
        text, area, need = item["text"], item["area"], item["need"]
        if normalise(text) in seen:
            counts["left_out"] += 1
            continue
        counts["n"] += 1
        parsed = await bot.parse(text)
        location = entity(parsed, "location")
        place_ok = True
        value: str | None = "anywhere"
        if area != "none":
            check = check_place(location, directory=directory()) if location else None
            value = check.value if check else None
            place_ok = value not in (None, "anywhere", "online")
            if place_ok and area in AREA_AUTHORITY:
                from bot.directory.places import load_gazetteer

                match = load_gazetteer().resolve(value or "")
                place_ok = match.place is not None and AREA_AUTHORITY[area] in match.place.areas
        if place_ok or area == "none":
            reply = search(
                value, role=entity(parsed, "role"), topic=entity(parsed, "topic"), directory=directory()
            )
            shown = [s["id"] for s in (reply.payload or {}).get("services", [])]
        else:
            shown = []  # the place was not understood: the bot asks again, showing nothing
        wanted = narrower(need)
        need_ok = any(facts.get(sid, (set(), []))[0] & wanted for sid in shown)
        wrong = [sid for sid in shown if not serves(facts.get(sid, (set(), []))[1], area)]
        hit = place_ok and need_ok
        counts["hit"] += hit
        counts["place_ok"] += place_ok
        counts["need_ok"] += need_ok
        counts["wrong_area"] += bool(wrong)
        by_need[need]["n"] += 1
        by_need[need]["hit"] += hit
        by_area[area]["n"] += 1
        by_area[area]["hit"] += hit
        by_area[area]["wrong"] += bool(wrong)
        if show and (not hit or wrong):
            print(
                f"  MISS [{area}/{need}] place={location!r}->{value!r} topic={entity(parsed, 'topic')} "
                f"shown={shown} wrong={wrong} :: {text}"
            )
    n = max(counts["n"], 1)
    print(f"service search: {counts['n']} requests ({counts['left_out']} left out, seen in training)")
    print(
        f"  service hits {counts['hit'] / n:.1%}  place understood {counts['place_ok'] / n:.1%}  "
        f"need met in top 3 {counts['need_ok'] / n:.1%}  wrong-area answers {counts['wrong_area'] / n:.1%}"
    )
    print(
        "  by area: "
        + ", ".join(f"{a} {c['hit']}/{c['n']} (wrong {c['wrong']})" for a, c in sorted(by_area.items()))
    )
    print("  by need: " + ", ".join(f"{k} {c['hit']}/{c['n']}" for k, c in sorted(by_need.items())))
    return {"service_hits": counts["hit"] / n, "wrong_area": counts["wrong_area"] / n}


async def answer_figures(bot: Bot, show: bool) -> dict[str, float]:
    seen = training_texts()
    counts: Counter[str] = Counter()
    by_topic: dict[str, Counter[str]] = defaultdict(Counter)
    for item in load("questions.yml"):
        text, label = item["text"], item["topic"]
        if normalise(text) in seen:
            counts["left_out"] += 1
            continue
        counts["n"] += 1
        parsed = await bot.parse(text)
        intent = (parsed.get("intent") or {}).get("name")
        topic = entity(parsed, "topic")
        got = topic if topic and topic != "general" else f"general:{intent}"
        ok = intent in QUESTION_INTENTS and got in EXPECTED_TOPIC.get(label, set())
        counts["hit"] += ok
        counts["crisis"] += intent == "crisis"
        by_topic[label]["n"] += 1
        by_topic[label]["hit"] += ok
        if show and not ok:
            print(f"  MISS [{label}] intent={intent} topic={topic} :: {text}")
    n = max(counts["n"], 1)
    print(
        f"answers: {counts['hit']}/{counts['n']} = {counts['hit'] / n:.1%} "
        f"({counts['left_out']} left out; {counts['crisis']} went to the crisis path)"
    )
    print("  by topic: " + ", ".join(f"{k} {c['hit']}/{c['n']}" for k, c in sorted(by_topic.items())))
    return {"answers": counts["hit"] / n}


async def short_figures(bot: Bot, show: bool) -> dict[str, float]:
    seen = training_texts()
    counts: Counter[str] = Counter()
    for item in load("short_replies.yml"):
        text, label = item["text"], item["label"]
        if normalise(text) in seen:
            counts["left_out"] += 1
            continue
        parsed = await bot.parse(text)
        intent = (parsed.get("intent") or {}).get("name")
        ok = entity(parsed, "role") is not None if label == "family_role" else intent == label
        counts[f"{label}_n"] += 1
        counts[f"{label}_ok"] += ok
        counts["n"] += 1
        counts["ok"] += ok
        if show and not ok:
            print(f"  MISS [{label}] intent={intent} role={entity(parsed, 'role')} :: {text}")
    n = max(counts["n"], 1)
    parts = [f"{lab} {counts[lab + '_ok']}/{counts[lab + '_n']}" for lab in ("affirm", "deny", "family_role")]
    print(
        f"short replies: {counts['ok']}/{counts['n']} = {counts['ok'] / n:.1%} ({', '.join(parts)}; "
        f"{counts['left_out']} left out)"
    )
    return {"short_replies": counts["ok"] / n}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print each miss")
    parser.add_argument("--floors", action="store_true", help=f"fail below the floors in {FLOORS.name}")
    args = parser.parse_args(argv)
    bot = Bot()

    async def run() -> dict[str, float]:
        figures: dict[str, float] = {}
        figures.update(await search_figures(bot, args.misses))
        figures.update(await answer_figures(bot, args.misses))
        figures.update(await short_figures(bot, args.misses))
        return figures

    figures = asyncio.run(run())
    if not args.floors:
        return 0
    floors = yaml.safe_load(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    failed = [
        f"{k} {figures[k]:.3f} vs floor {v}"
        for k, v in (floors.get("minimum") or {}).items()
        if figures.get(k, 0.0) < v
    ]
    failed += [
        f"{k} {figures[k]:.3f} vs ceiling {v}"
        for k, v in (floors.get("maximum") or {}).items()
        if figures.get(k, 1.0) > v
    ]
    for line in failed:
        print("BELOW FLOOR:", line)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
