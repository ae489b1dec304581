"""bot.tracker_store reads a long conversation as its last turns plus the state they start from."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    AllSlotsReset,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.tracker_store import WINDOW_TURNS, SafeSQLTrackerStore


@pytest.fixture
def store(tmp_path: Path, journal_dir: Path, domain: Domain) -> SafeSQLTrackerStore:
    return SafeSQLTrackerStore(domain=domain, url=f"sqlite:///{tmp_path / 'tracker.db'}")


def turn(text: str, intent: str, reply: str = "utter_greet", *extra: Event) -> list[Event]:
    return [
        ActionExecuted("action_listen"),
        UserUttered(text, {"name": intent, "confidence": 1.0}),
        *extra,
        ActionExecuted(reply),
        BotUttered(f"reply to {text}"),
    ]


def session_start() -> list[Event]:
    return [ActionExecuted("action_session_start"), SessionStarted()]


async def stored(store: SafeSQLTrackerStore, events: list[Event]) -> DialogueStateTracker:
    """Save `events` as one conversation, turn by turn as the server does; return the full tracker."""
    tracker = store.init_tracker("parent")
    for event in events:
        tracker.update(event)
        if isinstance(event, BotUttered):
            await store.save(tracker)
    await store.save(tracker)
    return tracker


def texts(tracker: DialogueStateTracker) -> list[str]:
    return [e.text for e in tracker.events if isinstance(e, UserUttered) and e.text]


async def test_a_long_conversation_is_read_as_its_last_turns_with_the_slots_set_before(
    store: SafeSQLTrackerStore, domain: Domain
) -> None:
    events = session_start() + turn(
        "groups in Brecon",
        "find_support",
        "utter_greet",
        SlotSet("location", "Brecon"),
        SlotSet("nation", "wales"),
    )
    events += turn("in Welsh please", "greet", "utter_greet", SlotSet("language", "cy"))
    events += turn("Newtown actually", "inform", "utter_greet", SlotSet("location", "Newtown"))
    for i in range(40):
        events += turn(f"message {i}", "greet")
    full = await stored(store, events)

    window = await store.retrieve("parent")

    assert window is not None
    assert texts(window) == texts(full)[-WINDOW_TURNS:]
    assert window.current_slot_values() == full.current_slot_values()
    assert window.get_slot("location") == "Newtown" and window.get_slot("language") == "cy"
    # What the policies see of the last turns is the same.
    assert window.past_states(domain)[-8:] == full.past_states(domain)[-8:]


async def test_saving_a_windowed_tracker_appends_only_the_new_turn(store: SafeSQLTrackerStore) -> None:
    events = session_start()
    for i in range(30):
        events += turn(f"message {i}", "greet")
    await stored(store, events)

    window = await store.retrieve("parent")
    assert window is not None
    for event in turn("one more", "greet"):
        window.update(event)
    await store.save(window)

    everything = await store.retrieve_full_tracker("parent")
    assert texts(everything) == [f"message {i}" for i in range(30)] + ["one more"]


async def test_an_open_form_from_before_the_window_is_still_open(
    store: SafeSQLTrackerStore, domain: Domain
) -> None:
    events = session_start()
    for i in range(WINDOW_TURNS):
        events += turn(f"before {i}", "greet")
    events += [
        ActionExecuted("action_listen"),
        UserUttered("I need support", {"name": "find_support", "confidence": 1.0}),
        ActionExecuted("location_form"),  # Rasa logs the action, then its events
        ActiveLoop("location_form"),
        SlotSet("requested_slot", "location"),
        BotUttered("Where are you?"),
    ]
    for i in range(WINDOW_TURNS + 3):
        events += [
            ActionExecuted("action_listen"),
            UserUttered(f"not a place {i}", {"name": "inform", "confidence": 1.0}),
            ActionExecuted("location_form"),
            BotUttered("Where are you?"),
        ]
    full = await stored(store, events)

    window = await store.retrieve("parent")

    assert window is not None and window.active_loop_name == "location_form"
    assert window.get_slot("requested_slot") == "location"
    assert window.past_states(domain)[-8:] == full.past_states(domain)[-8:]


async def test_a_slot_of_a_reverted_turn_or_before_a_reset_does_not_come_back(
    store: SafeSQLTrackerStore,
) -> None:
    events = session_start() + turn("hi", "greet", "utter_greet", SlotSet("role", "dad"))
    events += [AllSlotsReset()]
    events += turn("Brecon", "inform", "utter_greet", SlotSet("location", "Brecon"))
    events += [
        ActionExecuted("action_listen"),
        UserUttered("gibberish Newtown", {"name": "nlu_fallback", "confidence": 1.0}),
        SlotSet("location", "Newtown"),
        ActionExecuted("action_default_fallback"),
        BotUttered("Sorry, I didn't get that"),
        UserUtteranceReverted(),
    ]
    for i in range(WINDOW_TURNS + 2):
        events += turn(f"message {i}", "greet")
    full = await stored(store, events)

    window = await store.retrieve("parent")

    assert window is not None
    assert full.get_slot("location") == "Brecon" and full.get_slot("role") is None
    assert window.current_slot_values() == full.current_slot_values()


async def test_a_new_session_starts_the_window_afresh(store: SafeSQLTrackerStore) -> None:
    events = session_start()
    for i in range(WINDOW_TURNS + 5):
        events += turn(f"old {i}", "greet", "utter_greet", SlotSet("topic", "sleep"))
    events += session_start() + [SlotSet("topic", "sleep")]  # slots carried over to the new session
    events += turn("new", "greet")
    full = await stored(store, events)

    window = await store.retrieve("parent")

    assert window is not None and texts(window) == ["new"]
    assert window.get_slot("topic") == full.get_slot("topic") == "sleep"


@pytest.mark.parametrize("with_sessions", [True, False])
async def test_a_short_session_is_read_whole_in_one_query(
    store: SafeSQLTrackerStore, with_sessions: bool
) -> None:
    """Up to WINDOW_TURNS user turns: the session's events as Rasa's query reads them, in one statement;
    one turn more: the windowed read."""
    import json

    import sqlalchemy as sa

    statements: list[str] = []
    sa.event.listen(store.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    events = (session_start() + turn("old", "greet")) if with_sessions else []
    events += session_start() if with_sessions else []
    for i in range(WINDOW_TURNS + 1):
        events += turn(f"turn {i}", "greet", "utter_greet", SlotSet("topic", "sleep"))
        await stored(store, events)  # a new conversation each time: the events so far
        with store.session_scope() as session:
            rasa = [json.loads(row.data) for row in store._event_query(session, "parent", False).all()]
            statements.clear()
            read = store._read("parent", all_sessions=False)
        if i < WINDOW_TURNS:
            assert read == rasa and len(statements) == 1, i
        else:
            assert read != rasa and len(read) < len(rasa) and len(statements) > 1
            statements.clear()  # read again: the short session's query is skipped, the same window read
            assert store._read("parent", all_sessions=False) == read
            assert not any(sql.startswith("WITH start") for sql in statements)
        with store.session_scope() as session:
            session.execute(sa.delete(store.SQLEvent))
            session.commit()
    # A new session after the long one (a hint kept from the last read): read whole, then in one query.
    await stored(store, [*events, *session_start(), *turn("new", "greet")])
    assert texts_of(store._read("parent", all_sessions=False)) == ["new"]
    statements.clear()
    assert texts_of(store._read("parent", all_sessions=False)) == ["new"] and len(statements) == 1


def texts_of(events: list[dict]) -> list[str]:
    return [event["text"] for event in events if event["event"] == "user"]


async def test_two_stores_on_one_database_both_start_and_the_window_reads_by_index(
    tmp_path: Path, journal_dir: Path, domain: Domain
) -> None:
    """The events index (sender, type, id) is made once, whichever replica starts first."""
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    one, two = SafeSQLTrackerStore(domain=domain, url=url), SafeSQLTrackerStore(domain=domain, url=url)
    await stored(one, session_start() + [e for i in range(WINDOW_TURNS + 3) for e in turn(f"m{i}", "greet")])
    with two.engine.connect() as connection:
        plan = " ".join(
            str(row[-1])
            for row in connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT max(id) FROM events WHERE sender_id = 'parent' AND type_name = 'user'"
            )
        )
    assert "ix_events_sender_type_id" in plan
    tracker = await two.retrieve("parent")
    assert tracker is not None and texts(tracker)[-1] == f"m{WINDOW_TURNS + 2}"
