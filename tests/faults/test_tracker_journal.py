"""bot.tracker_store's saves and journal, in process (SQLite and a PostgreSQL that stops)."""

from __future__ import annotations

import json
from pathlib import Path

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered

from bot.tracker_store import SafeSQLTrackerStore
from deploy.local import Postgres


def user_texts(tracker: object) -> list[str]:
    return [e.text for e in tracker.events if isinstance(e, UserUttered)]  # type: ignore[attr-defined]


async def test_two_writers_of_one_conversation_both_keep_their_turn(
    tmp_path: Path, journal_dir: Path, domain: Domain
) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    one, two = SafeSQLTrackerStore(domain=domain, url=url), SafeSQLTrackerStore(domain=domain, url=url)
    await one.get_or_create_tracker("parent")
    first, second = await one.retrieve("parent"), await two.retrieve("parent")
    assert first is not None and second is not None
    first.update(UserUttered("first message"))
    second.update(UserUttered("second message"))
    await one.save(first)
    await two.save(second)

    assert user_texts(await one.retrieve("parent")) == ["first message", "second message"]


async def test_turns_while_postgres_is_down_are_journaled_and_written_back_once_in_order(
    postgres: Postgres, journal_dir: Path, domain: Domain
) -> None:
    url = postgres.create_database("journal_test")
    store = SafeSQLTrackerStore(domain=domain, url=url)
    tracker = await store.get_or_create_tracker("parent")
    tracker.update(UserUttered("before"))
    await store.save(tracker)

    postgres.stop()
    try:
        during = await store.retrieve("parent")  # from this process's copy
        assert during is not None and user_texts(during) == ["before"]
        during.update(UserUttered("I want to die"))
        during.update(BotUttered("crisis reply"))
        await store.save(during)
        again = await store.retrieve("parent")  # the copy plus the journal
        assert again is not None and user_texts(again) == ["before", "I want to die"]
        again.update(UserUttered("still there"))
        await store.save(again)
        [journal] = list(journal_dir.glob("*.jsonl"))
        records = [json.loads(line) for line in journal.read_text().splitlines()]
    finally:
        postgres.start()
    # A crash while writing leaves a torn last line; it is skipped, not fatal.
    with journal.open("a") as file:
        file.write('{"id": "torn", "sender_id": "parent", "ev')

    fresh = SafeSQLTrackerStore(domain=domain, url=url)  # e.g. another replica, after the outage
    stored = await store.retrieve("parent")  # writes the journal back first

    assert [len(r["events"]) for r in records] == [2, 1]
    assert stored is not None and user_texts(stored) == ["before", "I want to die", "still there"]
    assert user_texts(await fresh.retrieve("parent")) == ["before", "I want to die", "still there"]
    assert journal.read_text() == ""
    # Written back exactly once: replaying the same records changes nothing.
    journal.write_text("".join(json.dumps(r) + "\n" for r in records))
    assert user_texts(await fresh.retrieve("parent")) == ["before", "I want to die", "still there"]
