"""Benchmark the staff console at scale (not a test).

Generates a SQLite tracker store with N conversations / ~20 events each (Rasa's
own table layout and event JSON), builds the console's index from it, then times
inbox pages (queue, all, filters, deep pages) and transcripts over HTTP and
prints p50/p95.

Run: .venv/bin/python bench/console_bench.py [--conversations 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.console import indexer, schema  # noqa: E402
from bot.conversations import read_only_engine  # noqa: E402
from tools.console.server import ConsoleServer, add_users, console_settings, login  # noqa: E402

INTENTS = [
    "greet",
    "ask_low_mood",
    "ask_attachment",
    "ask_infant_mental_health",
    "find_support",
    "inform",
    "thank",
    "affirm",
    "deny",
    "goodbye",
    "ask_more_results",
    "narrow_online",
]
PLACES = [
    "Brecon",
    "Newtown",
    "Llandrindod Wells",
    "Welshpool",
    "Milton Keynes",
    "Bletchley",
    "Machynlleth",
    "Crickhowell",
    "Hay-on-Wye",
    "Wolverton",
    "LD3 7HR",
    "SY16 1AA",
    "MK9 3EJ",
]
TEXTS = [
    "I've been feeling really low since the birth",
    "how do I bond with my baby",
    "any groups near {p}?",
    "thank you",
    "my partner is struggling",
    "is there anything online",
    "what is circle of security",
    "I can't stop crying",
    "call me on 07700 900{n:03d}",
    "I live at {p}",
    "yes",
    "no",
]


def _user(ts: float, text: str, intent: str, conf: float, channel: str, entities: list) -> dict:
    return {
        "event": "user",
        "timestamp": ts,
        "metadata": {},
        "text": text,
        "parse_data": {
            "intent": {"name": intent, "confidence": conf},
            "entities": entities,
            "text": text,
            "message_id": "m",
            "metadata": {},
            "intent_ranking": [{"name": intent, "confidence": conf}],
        },
        "input_channel": channel,
        "message_id": "m",
    }


def _bot(ts: float, text: str, utter: str, custom: dict | None = None) -> dict:
    return {
        "event": "bot",
        "timestamp": ts,
        "metadata": {"utter_action": utter},
        "text": text,
        "data": {
            "elements": None,
            "quick_replies": None,
            "buttons": None,
            "attachment": None,
            "image": None,
            "custom": custom,
        },
    }


def _action(ts: float, name: str) -> dict:
    return {
        "event": "action",
        "timestamp": ts,
        "name": name,
        "policy": "RulePolicy",
        "confidence": 1.0,
        "action_text": None,
        "hide_rule_turn": False,
    }


def conversation(
    rng: random.Random, start: float, events: int
) -> list[tuple[str, str | None, str | None, dict]]:
    out: list[tuple[str, str | None, str | None, dict]] = []
    ts = start
    channel = rng.choice(["socketio", "socketio", "telegram", "rest"])

    def add(kind: str, intent: str | None, action: str | None, data: dict) -> None:
        out.append((kind, intent, action, data))

    add("action", None, "action_session_start", _action(ts, "action_session_start"))
    add("session_started", None, None, {"event": "session_started", "timestamp": ts})
    add("action", None, "action_listen", _action(ts, "action_listen"))
    crisis_turn = rng.randrange(8) if rng.random() < 0.03 else -1
    turn = 0
    while len(out) < events:
        ts += rng.uniform(5, 120)
        place = rng.choice(PLACES)
        text = rng.choice(TEXTS).format(p=place, n=rng.randrange(1000))
        intent = "nlu_fallback" if rng.random() < 0.05 else rng.choice(INTENTS)
        conf = rng.uniform(0.2, 0.5) if intent == "nlu_fallback" else rng.uniform(0.55, 0.99)
        entities = [{"entity": "location", "value": place}] if "{p}" in text or rng.random() < 0.1 else []
        if turn == crisis_turn:
            text, intent, conf = "I want to die", "crisis", 0.99
            entities = [{"entity": "risk_category", "value": "C1"}]
        add("user", intent, None, _user(ts, text, intent, conf, channel, entities))
        if turn == crisis_turn:
            add(
                "slot",
                None,
                "risk_category",
                {"event": "slot", "timestamp": ts, "name": "risk_category", "value": "C1"},
            )
            add(
                "bot",
                None,
                None,
                _bot(
                    ts,
                    "Please call Samaritans on 116 123 or 999 in an emergency.",
                    "utter_crisis",
                    {"type": "crisis", "category": "C1", "nation": "uk", "contacts": []},
                ),
            )
        elif entities:
            add("action", None, "action_find_services", _action(ts, "action_find_services"))
            add(
                "bot",
                None,
                None,
                _bot(
                    ts,
                    f"Here is what I found near {place}. Did that help?",
                    "utter_services",
                    {"type": "services", "services": [{"name": "Mums Matter"}], "more": False},
                ),
            )
        else:
            add("action", None, "utter_answer", _action(ts, "utter_answer"))
            add("bot", None, None, _bot(ts, "Lots of parents feel this way. Did that help?", "utter_answer"))
        add("action", None, "action_listen", _action(ts, "action_listen"))
        turn += 1
    return out[:events]


def generate(path: Path, conversations: int, per: int, seed: int = 7) -> int:
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    SQLTrackerStore(
        Domain.empty(), dialect="sqlite", db=str(path)
    ).engine.dispose()  # Rasa's own table layout
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    rng = random.Random(seed)
    now = time.time()
    total = 0
    rows = []
    for i in range(conversations):
        start = now - rng.uniform(0, 180 * 86400)
        sender = (
            f"{rng.randrange(10**9, 10**10)}"
            if rng.random() < 0.3
            else f"web-{i:08x}-{rng.getrandbits(32):08x}"
        )
        n = max(6, int(rng.gauss(per, 4)))
        for kind, intent, action, data in conversation(rng, start, n):
            rows.append((sender, kind, data["timestamp"], intent, action, json.dumps(data)))
        if len(rows) > 50000:
            con.executemany(
                "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
            total += len(rows)
            rows = []
    con.executemany(
        "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    total += len(rows)
    con.commit()
    con.close()
    return total


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--events-per", type=int, default=20)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="reuse/keep the data in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="console-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    tracker = folder / "tracker.db"
    try:
        if not tracker.exists():
            t0 = time.perf_counter()
            n = generate(tracker, args.conversations, args.events_per)
            print(
                f"generated {n} events for {args.conversations} conversations in {time.perf_counter() - t0:.0f}s"
            )
        settings = console_settings(folder, tracker)
        db = schema.open_console_db(settings.console_db_url)
        t0 = time.perf_counter()
        done = indexer.refresh(db, read_only_engine(settings.tracker_db_url), batch=20000)
        print(f"indexed {done} new events in {time.perf_counter() - t0:.0f}s")
        add_users(settings)
        server = ConsoleServer(settings).start()
        try:
            client = login(server.url, "admin")
            rng = random.Random(1)
            pids = re.findall(r'href="/c/(P-[a-z0-9]+)"', client.get(server.url + "/inbox?view=all").text)
            queries = [
                "view=queue",
                "view=all",
                "view=all&page=50",
                "view=all&page=1500",
                "view=queue&page=20",
                "view=all&channel=telegram",
                "view=all&intent=find_support",
                "view=all&crisis=C1",
                "view=all&turns=fallback",
                "view=all&place=Brecon",
                "view=all&reviewed=no",
                "view=all&from=2026-01-01&to=2026-12-31",
                "view=queue&crisis=ANY&channel=web",
            ]
            timings: dict[str, list[float]] = {"inbox": [], "transcript": [], "free text": []}
            for i in range(args.requests):
                q = queries[i % len(queries)]
                t0 = time.perf_counter()
                page = client.get(f"{server.url}/inbox?{q}")
                timings["inbox"].append((time.perf_counter() - t0) * 1000)
                assert page.status_code == 200
                pids += re.findall(r'href="/c/(P-[a-z0-9]+)"', page.text)[:3]
                pid = rng.choice(pids)
                t0 = time.perf_counter()
                assert client.get(f"{server.url}/c/{pid}").status_code == 200
                timings["transcript"].append((time.perf_counter() - t0) * 1000)
                if i % 10 == 0:
                    t0 = time.perf_counter()
                    client.get(
                        f"{server.url}/inbox?view=all&q=" + rng.choice(["bond", "crying", "circle of"])
                    )
                    timings["free text"].append((time.perf_counter() - t0) * 1000)
            for name, values in timings.items():
                print(
                    f"{name:10} n={len(values):4}  p50={statistics.median(values):6.1f} ms  "
                    f"p95={pct(values, 95):6.1f} ms  max={max(values):6.1f} ms"
                )
        finally:
            server.stop()
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
