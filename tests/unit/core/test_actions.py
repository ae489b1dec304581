"""Every custom action, run on trackers built by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.location_form import ValidateLocationForm
from actions.search import ActionSearchServices
from tests.unit.core.conftest import make_tracker


def run_search(**tracker_args: object) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = ActionSearchServices().run(dispatcher, make_tracker(**tracker_args), {})
    return dispatcher.messages, events


def slot_events(events: list[dict]) -> dict[str, object]:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


@pytest.mark.usefixtures("directory")
def test_search_for_brecon_sends_services_then_options() -> None:
    messages, events = run_search(slots={"location": "Brecon"})
    assert [m["response"] for m in messages] == ["utter_services_found", "utter_results_options"]
    assert messages[0]["place"] == "Brecon"
    assert messages[0]["custom"]["type"] == "services"
    assert "Mums Matter" in messages[0]["custom"]["services"][0]["name"]
    slots = slot_events(events)
    assert slots.pop("shown_services") == [s["id"] for s in messages[0]["custom"]["services"]]
    assert slots == {"results_offset": 0.0, "search_mode": None}


@pytest.mark.usefixtures("directory")
def test_show_more_moves_on_by_three() -> None:
    messages, events = run_search(
        intent="ask_more_results", slots={"location": "Milton Keynes", "results_offset": 0.0}
    )
    assert slot_events(events)["results_offset"] == 3.0
    assert messages[0]["response"] == "utter_services_list"
    assert messages[0]["custom"]["offset"] == 3


@pytest.mark.parametrize(
    ("intent", "mode"),
    [("narrow_online", "online"), ("narrow_groups", "group"), ("narrow_one_to_one", "one_to_one")],
)
@pytest.mark.usefixtures("directory")
def test_narrowing_sets_the_mode(intent: str, mode: str) -> None:
    _, events = run_search(intent=intent, slots={"location": "Milton Keynes"})
    slots = slot_events(events)
    assert slots.pop("shown_services")
    assert slots == {"results_offset": 0.0, "search_mode": mode}


@pytest.mark.usefixtures("directory")
def test_dad_in_milton_keynes_gets_services() -> None:
    messages, _ = run_search(slots={"location": "Milton Keynes", "role": "dad"})
    assert messages[0]["custom"]["services"]


@pytest.mark.usefixtures("missing_directory")
def test_directory_down_gives_a_kind_message_not_silence() -> None:
    messages, events = run_search(slots={"location": "Brecon"})
    assert [m["response"] for m in messages] == ["utter_directory_unavailable"]
    assert events == []


@pytest.mark.parametrize(
    ("answer", "expected", "response"),
    [
        ("Brecon", {"location": "Brecon", "nation": "wales", "place_id": "town:brecon:powys"}, None),
        (
            "MK9",
            {"location": "MK9", "nation": "england", "place_id": "postcode_district:mk9:milton-keynes"},
            None,
        ),
        ("skip", {"location": "anywhere", "place_id": None}, None),
        ("online", {"location": "online", "place_id": None}, None),
        ("brekon", {"location": None, "place_id": None}, "utter_place_suggestion"),
        ("Atlantis", {"location": None, "place_id": None}, "utter_place_unknown"),
    ],
)
def test_validate_location(answer: str, expected: dict, response: str | None) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(intent="inform", text=answer, active_loop="location_form")
    result = ValidateLocationForm().validate_location(answer, dispatcher, tracker, {})
    assert result == expected
    assert [m["response"] for m in dispatcher.messages] == ([response] if response else [])


def test_suggestion_offers_buttons_for_the_guess_and_online() -> None:
    dispatcher = CollectingDispatcher()
    ValidateLocationForm().validate_location("brekon", dispatcher, make_tracker(intent="inform"), {})
    assert dispatcher.messages[0]["buttons"] == [
        {"title": "Brecon", "payload": "Brecon"},
        {"title": "online", "payload": "online"},
    ]


def test_form_slots_match_the_domain() -> None:
    """The action server gets no domain (selective domain), so the form names its slot."""
    import yaml

    from actions.location_form import REQUIRED_SLOTS

    domain = yaml.safe_load(Path("domain.yml").read_text(encoding="utf-8"))
    endpoints = yaml.safe_load(Path("endpoints.yml").read_text(encoding="utf-8"))
    assert endpoints["action_endpoint"]["enable_selective_domain"] is True
    assert list(REQUIRED_SLOTS) == domain["forms"]["location_form"]["required_slots"]


def test_no_action_is_sent_the_domain() -> None:
    """Rasa would send the domain to validate_* actions unless the domain says `send_domain: false`."""
    from rasa.shared.core.domain import Domain

    domain = Domain.load("domain.yml")
    assert "validate_location_form" in domain.action_names_or_texts
    assert not [
        name for name in domain.user_actions if domain.does_custom_action_explicitly_need_domain(name)
    ]


async def test_form_validates_the_place_without_a_domain() -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        intent="inform",
        text="Brecon",
        slots={"location": "Brecon", "requested_slot": "location"},
        active_loop="location_form",
    )
    tracker.events = [
        {"event": "user", "text": "Brecon"},
        {"event": "slot", "name": "location", "value": "Brecon"},
    ]
    events = await ValidateLocationForm().run(dispatcher, tracker, {})
    slots = slot_events(events)
    assert slots.pop("search_prefetch")["responses"]  # the search's reply (below)
    assert slots == {"location": "Brecon", "nation": "wales", "place_id": "town:brecon:powys"}


def form_tracker(text: str, *, intent: str = "inform", **slots: object):  # type: ignore[no-untyped-def]
    tracker = make_tracker(
        intent=intent,
        text=text,
        slots={"location": text, "requested_slot": "location", **slots},
        active_loop="location_form",
    )
    tracker.events = [{"event": "user", "text": text}, {"event": "slot", "name": "location", "value": text}]
    return tracker


@pytest.mark.usefixtures("directory")
async def test_a_place_accepted_also_answers_the_search_as_the_search_action_would() -> None:
    """One call to the action server for the search turn: the reply the search would give, in a slot."""
    dispatcher = CollectingDispatcher()
    events = await ValidateLocationForm().run(dispatcher, form_tracker("brecon", role="mum"), {})
    assert dispatcher.messages == []  # nothing is said before the form ends
    slots = slot_events(events)
    prefetch = slots.pop("search_prefetch")
    # The search action on the tracker once the form has set the accepted place:
    search_dispatcher = CollectingDispatcher()
    search_tracker = make_tracker(intent="inform", text="brecon", slots={**slots, "role": "mum"})
    expected_events = ActionSearchServices().run(search_dispatcher, search_tracker, {})
    assert prefetch == {"responses": search_dispatcher.messages, "events": expected_events}
    assert [m["response"] for m in prefetch["responses"]] == ["utter_services_found", "utter_results_options"]
    assert prefetch["responses"][0]["place"] == "Brecon"


@pytest.mark.usefixtures("directory")
async def test_a_place_not_accepted_answers_no_search() -> None:
    dispatcher = CollectingDispatcher()
    events = await ValidateLocationForm().run(dispatcher, form_tracker("brekon"), {})
    assert "search_prefetch" not in slot_events(events)
    assert [m["response"] for m in dispatcher.messages] == ["utter_place_suggestion"]


@pytest.mark.usefixtures("missing_directory")
async def test_the_directory_down_leaves_the_search_to_the_search_action() -> None:
    """The search action then runs on the action server and tells the parent, as it always did."""
    events = await ValidateLocationForm().run(CollectingDispatcher(), form_tracker("Brecon"), {})
    slots = slot_events(events)
    assert slots["location"] == "Brecon"
    assert "search_prefetch" not in slots


async def test_a_place_resolved_by_the_nlu_is_not_resolved_again() -> None:
    """ "Walton, Powys": the NLU resolved the Walton in Powys; the form keeps that one."""
    from bot.directory.places import load_gazetteer

    walton = load_gazetteer().resolve("Walton, Powys").place
    assert walton is not None and walton.authority == "Powys"
    assert load_gazetteer().resolve("Walton").status == "ambiguous"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        intent="inform",
        text="Walton, Powys",
        slots={"location": "Walton", "place_id": walton.id, "requested_slot": "location"},
        active_loop="location_form",
    )
    result = ValidateLocationForm().validate_location("Walton", dispatcher, tracker, {})
    assert result == {"location": "Walton", "nation": "wales", "place_id": walton.id}
    assert dispatcher.messages == []


def test_a_report_names_the_service_of_the_card_or_the_last_search() -> None:
    from actions.report import ActionReportDirectory

    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        intent="report_wrong_info", text="/report_wrong_info", slots={"shown_services": ["a-service"]}
    )
    events = ActionReportDirectory().run(dispatcher, tracker, {})
    assert slot_events(events) == {"directory_report": "a-service"}
    assert [m["response"] for m in dispatcher.messages] == ["utter_report_thanks"]
    tracker = make_tracker(intent="report_wrong_info", text="that number is wrong", slots={})
    assert slot_events(ActionReportDirectory().run(CollectingDispatcher(), tracker, {})) == {
        "directory_report": "unspecified"
    }


def test_a_report_from_a_card_button_names_that_card() -> None:
    from actions.report import ActionReportDirectory

    tracker = make_tracker(
        intent="report_wrong_info",
        text='/report_wrong_info{"service_id":"b-service"}',
        entities=[{"entity": "service_id", "value": "b-service"}],
        slots={"shown_services": ["a-service", "b-service"]},
    )
    assert slot_events(ActionReportDirectory().run(CollectingDispatcher(), tracker, {})) == {
        "directory_report": "b-service"
    }


@pytest.mark.usefixtures("directory")
def test_a_report_after_several_services_asks_which_one_by_name() -> None:
    from actions.report import ActionReportDirectory

    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        intent="report_wrong_info",
        text="the number is wrong",
        slots={"shown_services": ["brecon-mind-mums-matter", "no-such-service"]},
    )
    assert ActionReportDirectory().run(dispatcher, tracker, {}) == []
    (message,) = dispatcher.messages
    assert message["response"] == "utter_report_which"
    assert [b["payload"] for b in message["buttons"]] == [
        '/report_wrong_info{"service_id": "brecon-mind-mums-matter"}',
        '/report_wrong_info{"service_id": "no-such-service"}',
    ]
    assert "Mums Matter" in message["buttons"][0]["title"]
