"""The conversation index built from Rasa's events, and its incremental refresh."""

from __future__ import annotations

import time
from pathlib import Path

import sqlalchemy as sa
from rasa.shared.core.events import SlotSet, UserUttered

from bot.console import indexer, schema, store
from bot.console.severity import RANK_MISUNDERSTOOD, RANK_NONE, RANK_NOT_HELPED, crisis_rank
from bot.console.store import Filters
from bot.conversations import read_only_engine
from tools.console.fill import action, bot, conversation, fill, standard_set, user


def indexer_user(text: str, intent_or_category: str, ts: float, confidence: float = 0.95) -> UserUttered:
    """A parent's message; a crisis category (C1..C9) is set as the risk detector's entity."""
    if intent_or_category.startswith("C") and intent_or_category[1:].isdigit():
        return user(
            text,
            "crisis",
            0.99,
            ts=ts,
            entities=[{"entity": "risk_category", "value": intent_or_category, "extractor": "RiskDetector"}],
        )
    return user(text, intent_or_category, confidence, ts=ts)


def _index(tmp_path: Path) -> tuple[sa.engine.Engine, sa.engine.Engine, dict[str, str]]:
    senders = standard_set(tmp_path / "tracker.db")
    db = schema.open_console_db(f"sqlite:///{tmp_path / 'console.db'}")
    tracker = read_only_engine(f"sqlite:///{tmp_path / 'tracker.db'}")
    indexer.refresh(db, tracker)
    return db, tracker, senders


def test_summary_of_each_kind(tmp_path: Path) -> None:
    db, _, senders = _index(tmp_path)
    with db.connect() as conn:
        rows = {r.sender_id: r for r in conn.execute(sa.select(schema.conversations))}
        facets = {(r.conv_id, r.kind, r.value) for r in conn.execute(sa.select(schema.facets))}
    crisis = rows[senders["crisis"]]
    assert (crisis.crisis, crisis.queue_rank, crisis.n_user, crisis.channel) == (
        "C1",
        crisis_rank("C1"),
        1,
        "rest",
    )
    assert crisis.first_crisis_ts is not None
    assert crisis.flag_text == "I want to die, call me on [phone]"
    assert rows[senders["checkin"]].queue_rank == crisis_rank("CHECK_IN")
    fallback = rows[senders["fallback"]]
    assert (fallback.fallback_count, fallback.queue_rank, fallback.flag_text) == (
        3,
        RANK_MISUNDERSTOOD,
        "fnargle",
    )
    not_helped = rows[senders["not_helped"]]
    assert (not_helped.not_helped_count, not_helped.queue_rank) == (1, RANK_NOT_HELPED)
    assert not_helped.flag_text == "how do I bond with my baby"
    assert rows[senders["normal"]].queue_rank == RANK_NONE and rows[senders["normal"]].not_helped_count == 0
    place = rows[senders["place"]].id
    assert {
        (place, "place", "Brecon"),
        (place, "place", "LD3"),
        (place, "service", "Mums Matter Powys"),
    } <= facets
    assert (rows[senders["gap"]].id, "gap", "Timbuktu") in facets
    assert rows[senders["gap"]].channel == "web"
    assert all(r.pseudonym.startswith("P-") and r.sender_id not in r.pseudonym for r in rows.values())


def test_free_text_is_stored_redacted(tmp_path: Path) -> None:
    db, _, senders = _index(tmp_path)
    with db.connect() as conn:
        texts = " ".join(conn.execute(sa.select(schema.conv_text.c.text)).scalars())
    assert "07700" not in texts and "jo@example.com" not in texts and "7hr" not in texts
    assert "i want to die" in texts


def test_queue_orders_by_severity_before_waiting_time(tmp_path: Path) -> None:
    db, _, senders = _index(tmp_path)
    with db.connect() as conn:
        rows, total = store.inbox(conn, Filters(view="queue"))
    assert total == 4
    # The check-in has waited longest, but a suicide disclosure comes first.
    assert [r.sender_id for r in rows] == [
        senders["crisis"],
        senders["checkin"],
        senders["not_helped"],
        senders["fallback"],
    ]
    assert [r.flag_reason for r in rows] == [
        "Suicide risk — immediate",
        "Check-in",
        '"Did that help?" — no',
        "Repeated misunderstanding",
    ]
    assert rows[1].waited(time.time()) > rows[0].waited(time.time())


def test_most_serious_category_ranks_a_conversation_and_gives_its_preview(tmp_path: Path) -> None:
    start = time.time() - 600
    first = conversation("checkin", start)
    later = [
        indexer_user("we argue a lot, and I took all my tablets an hour ago", "C7", start + 300),
        SlotSet("risk_category", "C7", timestamp=start + 301),
    ]
    fill(
        tmp_path / "tracker.db", {"two-flags": first + later, "suicide": conversation("crisis", start + 200)}
    )
    db = schema.open_console_db(f"sqlite:///{tmp_path / 'console.db'}")
    indexer.refresh(db, read_only_engine(f"sqlite:///{tmp_path / 'tracker.db'}"))
    with db.connect() as conn:
        rows, _ = store.inbox(conn, Filters(view="queue"))
    assert [r.sender_id for r in rows] == ["two-flags", "suicide"]
    assert rows[0].flag_reason == "Overdose or medical emergency — immediate"
    assert [level.label for level in rows[0].flag_levels] == [
        "Overdose or medical emergency — immediate",
        "Check-in",
    ]
    assert rows[0].preview == "we argue a lot, and I took all my tablets an hour ago"


def test_out_of_scope_replies_count_as_misunderstandings(tmp_path: Path) -> None:
    start = time.time() - 600
    events = [
        indexer_user("can you book my car in for an MOT", "out_of_scope", start, 0.8),
        bot("Sorry, I can't help with that.", "utter_out_of_scope", ts=start + 1),
        indexer_user("what about the weather tomorrow", "nlu_fallback", start + 10, 0.2),
        action("action_default_fallback", start + 11),
        bot("Sorry, I didn't quite understand that.", "utter_default", ts=start + 12),
    ]
    fill(tmp_path / "tracker.db", {"lost": events, "once": events[:2]})
    db = schema.open_console_db(f"sqlite:///{tmp_path / 'console.db'}")
    indexer.refresh(db, read_only_engine(f"sqlite:///{tmp_path / 'tracker.db'}"))
    with db.connect() as conn:
        rows, total = store.inbox(conn, Filters(view="queue"))
        once = store.by_sender_or_pseudonym(conn, "once")
    assert total == 1 and rows[0].sender_id == "lost"
    assert (rows[0].fallback_count, rows[0].flag_reason) == (2, "Repeated misunderstanding")
    assert rows[0].preview == "what about the weather tomorrow"  # the latest misunderstood message
    assert once.fallback_count == 1 and not once.flagged


def test_an_old_index_gets_the_new_queue_order(tmp_path: Path) -> None:
    db, _, senders = _index(tmp_path)
    with db.begin() as conn:
        conn.execute(sa.update(schema.conversations).values(queue_rank=9))
        conn.execute(sa.update(schema.meta).where(schema.meta.c.key == "queue_scheme").values(value="1"))
    indexer.refresh(db, read_only_engine(f"sqlite:///{tmp_path / 'tracker.db'}"))
    with db.connect() as conn:
        rows, total = store.inbox(conn, Filters(view="queue"))
    assert total == 4 and rows[0].sender_id == senders["crisis"]


def test_refresh_is_incremental_and_a_closed_flag_stays_closed(tmp_path: Path) -> None:
    db, tracker, senders = _index(tmp_path)
    assert indexer.refresh(db, tracker) == 0
    with db.begin() as conn:
        conv = store.by_sender_or_pseudonym(conn, senders["crisis"])
        store.close_flag(conn, conv.id, "admin", "called the parent back")
    with db.connect() as conn:
        assert store.inbox(conn, Filters(view="queue"))[1] == 3
    fill(tmp_path / "tracker.db", {"late-crisis": conversation("crisis", time.time())})
    assert indexer.refresh(db, tracker) == len(conversation("crisis", 0))
    with db.connect() as conn:
        rows, total = store.inbox(conn, Filters(view="queue"))
        closed = store.by_sender_or_pseudonym(conn, senders["crisis"])
    assert total == 4 and rows[0].sender_id == "late-crisis"
    assert closed.flag_closed and not closed.flagged and closed.reviewed


def test_a_new_disclosure_reopens_a_closed_flag() -> None:
    row = {
        "crisis": "C1",
        "first_crisis_ts": 1.0,
        "flag_closed": True,
        "reviewed": True,
        "last_place": None,
        "last_ts": 2.0,
        "first_ts": 1.0,
        "n_events": 0,
    }
    conv = indexer._Conv(row, False, set(), [])  # noqa: SLF001 - unit under test
    indexer._crisis(conv, "C3", 5.0, indexer._Stats())  # noqa: SLF001
    assert (row["crisis"], row["flag_closed"], row["reviewed"]) == ("C1,C3", False, False)


def test_filters(tmp_path: Path) -> None:
    db, _, senders = _index(tmp_path)

    def ids(**kw: str) -> set[str]:
        with db.connect() as conn:
            return {r.sender_id for r in store.inbox(conn, Filters.parse({"view": "all", **kw}))[0]}

    assert ids(intent="find_support") == {senders["place"], senders["gap"]}
    assert ids(crisis="C1") == {senders["crisis"]}
    assert ids(crisis="any") == {senders["crisis"], senders["checkin"]}
    assert ids(channel="web") == {senders["gap"]}
    # Not understood: fallbacks and the out-of-scope reply.
    assert ids(turns="fallback") == {senders["fallback"], senders["script"]}
    assert ids(turns="lowconf") == {senders["fallback"], senders["script"]}
    assert ids(place="brecon") == {senders["place"]} == ids(place="LD3 7HR")
    assert ids(q="bond with") == {senders["not_helped"]}
    assert ids(q="100%_") == set()
    assert ids(reviewed="no") == set(senders.values())
    assert ids(**{"from": "2000-01-01", "to": "2000-01-02"}) == set()
