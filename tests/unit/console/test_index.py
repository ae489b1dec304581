"""The conversation index built from Rasa's events, and its incremental refresh."""

from __future__ import annotations

import time
from pathlib import Path

import sqlalchemy as sa

from bot.console import indexer, schema, store
from bot.console.store import Filters
from bot.conversations import read_only_engine
from tools.console.fill import conversation, fill, standard_set


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
    assert (crisis.crisis, crisis.queue_rank, crisis.n_user, crisis.channel) == ("C1", 0, 1, "rest")
    assert crisis.first_crisis_ts is not None
    assert rows[senders["fallback"]].fallback_count == 3 and rows[senders["fallback"]].queue_rank == 2
    assert rows[senders["not_helped"]].not_helped_count == 1 and rows[senders["not_helped"]].queue_rank == 1
    assert rows[senders["normal"]].queue_rank == 9 and rows[senders["normal"]].not_helped_count == 0
    place = rows[senders["place"]].id
    assert {(place, "place", "Brecon"), (place, "place", "LD3"), (place, "service", "Mums Matter Powys")} <= facets
    assert (rows[senders["gap"]].id, "gap", "Timbuktu") in facets
    assert rows[senders["gap"]].channel == "web"
    assert all(r.pseudonym.startswith("P-") and r.sender_id not in r.pseudonym for r in rows.values())


def test_free_text_is_stored_redacted(tmp_path: Path) -> None:
    db, _, senders = _index(tmp_path)
    with db.connect() as conn:
        texts = " ".join(conn.execute(sa.select(schema.conv_text.c.text)).scalars())
    assert "07700" not in texts and "jo@example.com" not in texts and "7hr" not in texts
    assert "i want to die" in texts


def test_queue_puts_crisis_first_then_not_helped_then_fallback(tmp_path: Path) -> None:
    db, _, senders = _index(tmp_path)
    with db.connect() as conn:
        rows, total = store.inbox(conn, Filters(view="queue"))
    assert total == 3
    assert [r.sender_id for r in rows] == [senders["crisis"], senders["not_helped"], senders["fallback"]]


def test_refresh_is_incremental_and_a_closed_flag_stays_closed(tmp_path: Path) -> None:
    db, tracker, senders = _index(tmp_path)
    assert indexer.refresh(db, tracker) == 0
    with db.begin() as conn:
        conv = store.by_sender_or_pseudonym(conn, senders["crisis"])
        store.close_flag(conn, conv.id, "admin", "called the parent back")
    with db.connect() as conn:
        assert store.inbox(conn, Filters(view="queue"))[1] == 2
    fill(tmp_path / "tracker.db", {"late-crisis": conversation("crisis", time.time())})
    assert indexer.refresh(db, tracker) == len(conversation("crisis", 0))
    with db.connect() as conn:
        rows, total = store.inbox(conn, Filters(view="queue"))
        closed = store.by_sender_or_pseudonym(conn, senders["crisis"])
    assert total == 3 and rows[0].sender_id == "late-crisis"
    assert closed.flag_closed and not closed.flagged and closed.reviewed


def test_a_new_disclosure_reopens_a_closed_flag() -> None:
    row = {"crisis": "C1", "first_crisis_ts": 1.0, "flag_closed": True, "reviewed": True, "last_place": None,
           "last_ts": 2.0, "first_ts": 1.0, "n_events": 0}
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
    assert ids(crisis="any") == {senders["crisis"]}
    assert ids(channel="web") == {senders["gap"]}
    assert ids(turns="fallback") == {senders["fallback"]}
    assert ids(turns="lowconf") == {senders["fallback"], senders["script"]}
    assert ids(place="brecon") == {senders["place"]} == ids(place="LD3 7HR")
    assert ids(q="bond with") == {senders["not_helped"]}
    assert ids(q="100%_") == set()
    assert ids(reviewed="no") == set(senders.values())
    assert ids(**{"from": "2000-01-01", "to": "2000-01-02"}) == set()
