"""Two stores on one database are two replicas (or two Sanic workers): each sees the other's turns.

In process, on SQLite and PostgreSQL. A guard for any read kept in process (docs/speed.md,
round 5, lever 2: tried and dropped): a replica must never answer from its own copy after
another replica, a worker or the staff console's erasure changed the conversation.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, UserUttered

from bot.conversations import erase_conversation
from bot.tracker_store import SafeSQLTrackerStore
from deploy.local import Postgres

# every test with its own tracker journal folder
pytestmark = pytest.mark.usefixtures("journal_dir")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tracker.db'}"
    postgres: Postgres = request.getfixturevalue("postgres")
    return postgres.create_database(f"replicas_{uuid.uuid4().hex[:12]}")


def turn(text: str, *extra: Event) -> list[Event]:
    return [
        ActionExecuted("action_listen"),
        UserUttered(text, {"name": "greet", "confidence": 1.0}),
        *extra,
        ActionExecuted("utter_greet"),
        BotUttered(f"reply to {text}"),
    ]


def texts(tracker: object) -> list[str]:
    return [e.text for e in tracker.events if isinstance(e, UserUttered)]  # type: ignore[attr-defined]


async def test_a_second_replicas_write_is_seen(
    url: str, domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = SafeSQLTrackerStore(domain=domain, url=url), SafeSQLTrackerStore(domain=domain, url=url)
    for text in ("first", "second"):  # replica one reads and writes two turns
        tracker = await one.get_or_create_tracker("parent")
        tracker.update_with_events(turn(text), None)
        await one.save(tracker)
    kept = await one.retrieve("parent")
    assert kept is not None and texts(kept) == ["first", "second"]

    other = await two.retrieve("parent")  # the parent's next message reaches replica two
    assert other is not None
    other.update_with_events(turn("to the other replica"), None)
    await two.save(other)

    seen = await one.retrieve("parent")
    assert seen is not None and texts(seen) == ["first", "second", "to the other replica"]
    seen.update_with_events(turn("back to the first"), None)
    await one.save(seen)
    assert texts(await two.retrieve("parent")) == texts(await one.retrieve("parent"))
    assert texts(await one.retrieve("parent"))[-1] == "back to the first"


async def test_an_erased_conversation_is_not_served_from_memory(url: str, domain: Domain) -> None:
    store = SafeSQLTrackerStore(domain=domain, url=url)
    for text in ("first", "second"):
        tracker = await store.get_or_create_tracker("parent")
        tracker.update_with_events(turn(text), None)
        await store.save(tracker)
    erase_conversation("parent", url)  # the staff console's erasure, another process
    assert await store.retrieve("parent") is None
    other = SafeSQLTrackerStore(domain=domain, url=url)
    tracker = other.init_tracker("parent")
    tracker.update_with_events(turn("after the erasure"), None)
    await other.save(tracker)
    again = await store.retrieve("parent")
    assert again is not None and texts(again) == ["after the erasure"]
