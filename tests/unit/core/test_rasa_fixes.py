"""The Rasa fixes: installed by the first component, only on the Rasa source they were written for."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.engine.exceptions import GraphComponentException, GraphRunError
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.diet_classifier import DIET
from rasa.utils.tensorflow.models import RasaModel

from bot.nlu import rasa_fixes

FIXES = rasa_fixes.FIXES


@pytest.fixture
def rasa_own() -> Iterator[None]:
    """Rasa's own functions in place for the test; the state before it is put back after."""
    missing = object()
    before = [(fix, fix.owner.__dict__.get(fix.attribute, missing)) for fix in FIXES]

    def put(fix: rasa_fixes.Fix, value: object) -> None:
        if value is missing:
            if fix.attribute in fix.owner.__dict__:
                delattr(fix.owner, fix.attribute)
        else:
            setattr(fix.owner, fix.attribute, value)

    for fix in FIXES:  # DIET inherits RasaModel.load: Rasa's own is no attribute of DIET's
        put(fix, missing if fix.owner is DIET else fix.original)
    yield
    for fix, value in before:
        put(fix, value)


def validate(result: dict) -> bool:
    rasa_fixes.install()
    return RemoteAction("validate_location_form", None)._validate_action_result(result)


def test_a_good_answer_passes() -> None:
    assert validate(
        {
            "events": [{"event": "slot", "name": "location", "value": "Brecon"}],
            "responses": [{"response": "utter_services_found", "custom": {"services": []}}],
        }
    )


@pytest.mark.parametrize(
    "result",
    [
        {"events": [{"name": "location"}]},  # an event without its type
        {"events": "not a list"},
    ],
)
def test_a_bad_answer_is_refused_as_rasa_would(result: dict) -> None:
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        validate(result)


def _answers() -> Iterator[Any]:
    """Answers made from the schema: each event type valid, then each property of it (and of the
    event items, the answer and its responses) given a value of every JSON type, its required
    properties left out, and answers and events of the wrong shape."""
    schema = RemoteAction.action_response_format_spec()
    items = schema["properties"]["events"]["items"]
    values = [True, 0, 1, 1.5, -2.0, "text", "", None, [], ["x"], {}, {"name": "x"}, [{}], [{"name": 1}]]
    common = {"timestamp": None, "metadata": {}}
    for alternative in items["oneOf"]:
        name = alternative["properties"]["event"]["const"]
        minimal = {"event": name, **{key: "x" for key in alternative.get("required", [])}}
        yield {"events": [minimal]}
        yield {"events": [minimal, {**minimal, **common}], "responses": [{"text": "hi"}]}
        for key in (*alternative["properties"], *items["properties"], "unknown"):
            for value in values:
                yield {"events": [{**minimal, key: value}]}
        for key in alternative.get("required", []):
            yield {"events": [{k: v for k, v in minimal.items() if k != key}]}
        for nested in ("parse_data", "entities"):
            if nested in alternative["properties"]:
                sub = alternative["properties"][nested]
                for key in sub.get("properties", {}) if isinstance(sub.get("properties"), dict) else ():
                    for value in values:
                        yield {"events": [{**minimal, nested: {key: value}}]}
                if "items" in sub:
                    for key in sub["items"].get("properties", {}):
                        for value in values:
                            yield {"events": [{**minimal, nested: [{key: value}]}]}
    for value in values:
        yield value
        yield {"events": value}
        yield {"responses": value}
        yield {"events": [value]}
        yield {"responses": [value]}
        yield {"events": [{"event": value}]}
        yield {"events": [{"event": "slot", "name": "x", "value": value}, {"event": "nonsense"}]}
    yield {}
    yield {"events": [{"event": "bot", "text": "hi"}, {"event": "slot", "name": "s"}]}


def test_the_cheap_check_of_an_answer_agrees_with_the_schema() -> None:
    """Valid exactly when the whole schema says so, on answers of every shape the schema names."""
    whole = rasa_fixes._action_result_validator()
    checked = valid = 0
    for answer in _answers():
        expected = whole.is_valid(answer)
        assert rasa_fixes._action_result_is_valid(answer) is expected, answer
        checked += 1
        valid += expected
    assert checked > 2000 and 100 < valid < checked - 100


def test_importing_changes_nothing_creating_the_first_component_installs_every_fix(
    rasa_own: None, tmp_path: Path
) -> None:
    from bot.nlu.spacy_nlp import SpacyNLP

    assert not any(fix.is_installed() for fix in FIXES)
    SpacyNLP.create(
        SpacyNLP.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("spacy_nlp"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    assert [fix.name for fix in FIXES if fix.is_installed()] == [fix.name for fix in FIXES]
    assert RemoteAction._validate_action_result is rasa_fixes._validate_action_result


def test_only_diet_is_built_eagerly_on_load(rasa_own: None) -> None:
    """TED keeps Rasa's load: one eager step leaves some of its layers unbuilt."""
    rasa_fixes.install()
    assert DIET.load.__func__ is rasa_fixes._load_model
    assert RasaModel.load.__func__ is rasa_fixes._rasa_model_load


def test_another_rasa_version_is_not_patched(rasa_own: None, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.nlu.rasa_fixes"):
        assert rasa_fixes.install(rasa_version="3.6.22") == []
    assert not any(fix.is_installed() for fix in FIXES)
    assert len([r for r in caplog.records if "Rasa is 3.6.22" in r.getMessage()]) == len(FIXES)


def test_a_changed_rasa_function_is_not_patched(
    rasa_own: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The fix for the action answers was written against another source: only it is left out."""
    changed = dataclasses.replace(FIXES[0], source_sha256="0" * 64)
    monkeypatch.setattr(rasa_fixes, "FIXES", (changed, *FIXES[1:]))
    with caplog.at_level(logging.WARNING, logger="bot.nlu.rasa_fixes"):
        applied = rasa_fixes.install()
    assert applied == [fix.name for fix in FIXES[1:]]
    assert RemoteAction._validate_action_result is FIXES[0].original
    assert [r.getMessage() for r in caplog.records] == [
        "Rasa fix 'action answer validation' not applied: the source of "
        "RemoteAction._validate_action_result differs from the one the fix was written against. "
        "Rasa's own code runs instead."
    ]


def test_the_recorded_sources_are_the_installed_rasa(rasa_own: None) -> None:
    assert all(rasa_fixes.source_sha256(fix.original) == fix.source_sha256 for fix in FIXES)
    assert all(rasa_fixes.source_sha256(f) == sha256 for fix in FIXES for f, sha256 in fix.repeats)


def test_a_change_in_a_function_a_fix_repeats_leaves_it_out(
    rasa_own: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from rasa.shared.core.trackers import DialogueStateTracker

    states = next(fix for fix in FIXES if fix.repeats)
    changed = dataclasses.replace(states, repeats=((states.repeats[0][0], "0" * 64), *states.repeats[1:]))
    monkeypatch.setattr(rasa_fixes, "FIXES", tuple(changed if fix is states else fix for fix in FIXES))
    with caplog.at_level(logging.WARNING, logger="bot.nlu.rasa_fixes"):
        applied = rasa_fixes.install()
    assert states.name not in applied and len(applied) == len(FIXES) - 1
    assert DialogueStateTracker.past_states is rasa_fixes._rasa_past_states
    assert "Domain.states_for_tracker_history differs" in caplog.text


async def test_the_action_server_away_gets_the_kind_reply_with_the_numbers() -> None:
    """A search (or a form's check) with the action server down: the parent is told, with 999 and 116 123."""
    from rasa.core.actions.action import RemoteAction
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.nlg.generator import NaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import BotUttered
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig, read_endpoint_config

    from bot.nlu import rasa_fixes

    rasa_fixes.install()
    domain = Domain.load("domain.yml")
    nlg = NaturalLanguageGenerator.create(read_endpoint_config("endpoints.yml", "nlg"), domain)
    action = RemoteAction(
        "action_search_services", EndpointConfig("http://127.0.0.1:9/webhook")
    )  # nothing listens
    tracker = DialogueStateTracker("p1", domain.slots)
    events = await action.run(CollectingOutputChannel(), nlg, tracker, domain)
    (event,) = events
    assert isinstance(event, BotUttered)
    assert "can't search for services right now" in event.text
    assert "999" in event.text and "116 123" in event.text


async def _search_with(events_before: list[Any]) -> list[Any]:
    """action_search_services run by the Rasa server (no action server listening) after `events_before`."""
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.nlg.generator import NaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig, read_endpoint_config

    rasa_fixes.install()
    domain = Domain.load("domain.yml")
    nlg = NaturalLanguageGenerator.create(read_endpoint_config("endpoints.yml", "nlg"), domain)
    action = RemoteAction("action_search_services", EndpointConfig("http://127.0.0.1:9/webhook"))
    tracker = DialogueStateTracker.from_events("p1", events_before, slots=domain.slots)
    return await action.run(CollectingOutputChannel(), nlg, tracker, domain)


@pytest.mark.usefixtures("directory")
async def test_the_search_answered_by_the_form_in_this_turn_is_sent_without_a_call() -> None:
    from rasa.shared.core.events import BotUttered, SlotSet, UserUttered

    from actions.search import PREFETCH_SLOT, prefetched_search
    from tests.unit.core.conftest import make_tracker

    reply = prefetched_search(make_tracker(intent="inform", slots={"location": "Brecon"}))
    assert reply is not None
    events = await _search_with([UserUttered("Brecon"), SlotSet(PREFETCH_SLOT, reply)])
    messages = [e for e in events if isinstance(e, BotUttered)]
    slots = [(e.key, e.value) for e in events if isinstance(e, SlotSet)]
    assert len(messages) == 2 and "Brecon" in messages[0].text
    assert messages[0].data["custom"]["services"] == reply["responses"][0]["custom"]["services"]
    expected = [(e["name"], e["value"]) for e in reply["events"]]
    assert slots == [*expected, (PREFETCH_SLOT, None)]  # then the reply is cleared
    assert reply["responses"][0]["response"] == "utter_services_found"  # not popped from the slot's value


async def test_a_search_answered_in_an_earlier_turn_is_not_sent_again() -> None:
    """Only a reply set since the parent's last message is used; otherwise the action server is called."""
    from rasa.shared.core.events import BotUttered, SlotSet, UserUttered

    reply = {"responses": [{"response": "utter_results_options"}], "events": []}
    events = await _search_with(
        [UserUttered("Brecon"), SlotSet("search_prefetch", reply), UserUttered("more")]
    )
    (event,) = events
    assert isinstance(event, BotUttered)
    assert "can't search for services right now" in event.text  # nothing listens at :9


def test_events_read_back_get_the_classes_rasa_gives_them() -> None:
    from rasa.shared.core.events import Event, UserUttered
    from rasa.shared.utils.common import all_subclasses

    rasa_fixes.install()
    for cls in all_subclasses(Event):
        assert Event.resolve_by_type(cls.type_name) is rasa_fixes._rasa_resolve_by_type(cls.type_name)
    assert Event.resolve_by_type("no such event", UserUttered) is UserUttered
    assert Event.resolve_by_type("topic") is None
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no such event")


class _Model:
    """What `RasaModel._rasa_predict` uses of a model, around a `predict_step` of one's own."""

    _dynamic_signature = staticmethod(RasaModel._dynamic_signature)
    _empty_lists_to_none_in_dict = staticmethod(RasaModel._empty_lists_to_none_in_dict)

    def __init__(self, predict_step: Any) -> None:
        self.predict_step = predict_step
        self._run_eagerly = False
        self._tf_predict_step: Any = None
        self.prepared_for_prediction = True
        self._training = False


def _batch() -> tuple[np.ndarray, ...]:
    return (np.array([[1.0, -2.0, 4.0]], dtype=np.float32),)


def test_prediction_is_traced_without_autograph_with_the_same_result() -> None:
    import tensorflow as tf

    def predict_step(batch_in: Any) -> dict[str, Any]:
        return {"score": tf.nn.softmax(batch_in[0]) * 2.0}

    model = _Model(predict_step)
    out = rasa_fixes._predict_traced_without_autograph(model, _batch())  # type: ignore[arg-type]
    assert model._tf_predict_step._autograph is False
    rasa = _Model(predict_step)
    expected = rasa_fixes._rasa_predict(rasa, _batch())  # type: ignore[arg-type]
    assert rasa._tf_predict_step._autograph is True
    assert np.array_equal(out["score"], expected["score"])
    again = rasa_fixes._predict_traced_without_autograph(model, _batch())  # type: ignore[arg-type]
    assert np.array_equal(again["score"], expected["score"])


def test_a_prediction_that_needs_autograph_is_traced_rasas_way(caplog: pytest.LogCaptureFixture) -> None:
    import tensorflow as tf

    def predict_step(batch_in: Any) -> dict[str, Any]:
        if tf.reduce_sum(batch_in[0]) > 0:  # Python control flow on a tensor: AutoGraph's job
            return {"score": batch_in[0] + 1.0}
        return {"score": batch_in[0] - 1.0}

    model = _Model(predict_step)
    with caplog.at_level(logging.WARNING, logger="bot.nlu.rasa_fixes"):
        out = rasa_fixes._predict_traced_without_autograph(model, _batch())  # type: ignore[arg-type]
    assert model._tf_predict_step._autograph is True
    assert np.array_equal(out["score"], _batch()[0] + 1.0)
    assert "traced without AutoGraph" in caplog.text


class _Step(GraphComponent):
    """A node that records its call and returns its name with what it was given."""

    calls: list[str] = []

    def __init__(self, name: str) -> None:
        self.name = name

    @classmethod
    def create(
        cls, config: dict[str, Any], model_storage: Any, resource: Any, execution_context: ExecutionContext
    ) -> _Step:
        return cls(config["name"])

    def run(self, **given: Any) -> tuple[str, dict[str, Any]]:
        _Step.calls.append(self.name)
        if self.name == "boom":
            raise RuntimeError("boom")
        return self.name, given


def _node(name: str, needs: dict[str, str], target: bool = False) -> SchemaNode:
    return SchemaNode(needs, _Step, "create", "run", {"name": name}, is_target=target)


def _schema() -> GraphSchema:
    return GraphSchema(
        {
            "nlu": _node("nlu", {"message": "__message__"}),
            "rules": _node("rules", {"parsed": "nlu", "tracker": "__tracker__"}),
            "memo": _node("memo", {"parsed": "nlu", "tracker": "__tracker__"}),
            "select": _node("select", {"a": "rules", "b": "memo"}, target=True),
            "other": _node("other", {"x": "nlu"}),
        }
    )


def test_the_graph_runs_without_dask_with_the_same_results(rasa_own: None, tmp_path: Path) -> None:
    from rasa.engine.runner.dask import DaskGraphRunner

    context = ExecutionContext(_schema(), "model")
    storage = LocalModelStorage(tmp_path)
    rasa_runner = DaskGraphRunner(_schema(), storage, context)
    runner = DaskGraphRunner(_schema(), storage, context)
    inputs = {"__message__": ["hello"], "__tracker__": {"events": []}}
    for targets in (None, ["rules", "memo"], ["other"], ["nlu", "select"]):
        _Step.calls = []
        expected = rasa_fixes._rasa_graph_run(rasa_runner, inputs, targets)
        rasa_calls = sorted(_Step.calls)
        _Step.calls = []
        assert rasa_fixes._run_graph(runner, inputs, targets) == expected
        assert sorted(_Step.calls) == rasa_calls  # each node it needs, once
        assert _Step.calls.index("nlu") < min(_Step.calls.index(n) for n in _Step.calls if n != "nlu")
    with pytest.raises(GraphRunError, match="clashes with a node name"):
        rasa_fixes._run_graph(runner, {"__message__": "nlu", "__tracker__": None}, None)
    boom = GraphSchema({"boom": _node("boom", {}, target=True)})
    for run in (rasa_fixes._rasa_graph_run, rasa_fixes._run_graph):  # a node's error, as Rasa raises it
        with pytest.raises(GraphComponentException, match="node boom"):
            run(DaskGraphRunner(boom, storage, context), {}, None)


def test_a_graph_with_hooks_is_run_by_dask(
    rasa_own: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasa.engine.graph import GraphNodeHook
    from rasa.engine.runner.dask import DaskGraphRunner

    class Hook(GraphNodeHook):
        def on_before_node(self, *args: Any, **kwargs: Any) -> dict:
            return {}

        def on_after_node(self, *args: Any, **kwargs: Any) -> None:
            return None

    runs: list[str] = []
    monkeypatch.setattr(
        rasa_fixes, "_rasa_graph_run", lambda runner, inputs, targets: runs.append("dask") or {}
    )
    runner = DaskGraphRunner(
        _schema(), LocalModelStorage(tmp_path), ExecutionContext(_schema(), "m"), [Hook()]
    )
    assert rasa_fixes._run_graph(runner, {"__message__": [], "__tracker__": None}, None) == {}
    assert runs == ["dask"]


def _story_events() -> list[tuple[str, list[Any]]]:
    """The events of every story and rule of the project and of the test stories, as Rasa reads them."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader

    from tools.stack.stack import REPO

    domain = Domain.load(str(REPO / "domain.yml"))
    files = [*sorted((REPO / "data").glob("*/*.yml")), *sorted((REPO / "tests").glob("test_*.yml"))]
    stories = []
    for path in files:
        if path.parent.name not in ("stories", "rules", "tests"):
            continue
        for step in YAMLStoryReader(domain).read_from_file(str(path)):
            stories.append((f"{path.name}: {step.block_name}", step.explicit_events(domain)))
    return stories


def test_the_dialogue_states_built_once_are_rasas(rasa_own: None) -> None:
    """Every prefix of every story, the options RulePolicy and MemoizationPolicy use, a rewind and a restart."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, ActionReverted, Restarted, UserUtteranceReverted
    from rasa.shared.core.trackers import DialogueStateTracker

    from tools.stack.stack import REPO

    domain = Domain.load(str(REPO / "domain.yml"))
    rule_only = {"slots": ["requested_slot", "search_prefetch"], "loops": ["location_form"]}
    options = [(False, None), (False, rule_only), (True, None), (True, rule_only)]
    ends = [[UserUtteranceReverted()], [ActionReverted()], [Restarted(), ActionExecuted("action_listen")]]
    stories = _story_events()
    assert len(stories) > 50
    compared = 0
    for name, events in stories:
        for end in ends:
            tracker = DialogueStateTracker(name, domain.slots)
            for event in [*events, *end]:
                tracker.update(event, domain)
                for ignore, data in options:
                    expected = rasa_fixes._rasa_past_states(tracker, domain, False, ignore, data)
                    got = rasa_fixes._past_states(tracker, domain, False, ignore, data)
                    assert got == expected, (name, event)
                    for state in got:  # what the featurizer does to the last state changes no later answer
                        state.pop("user", None)
                        state.get("slots", {}).clear()
                    assert rasa_fixes._past_states(tracker, domain, False, ignore, data) == expected
                    compared += 1
    assert compared > 1000


def test_states_are_built_once_per_tracker_and_forgotten_with_it(rasa_own: None) -> None:
    import gc

    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActiveLoop
    from rasa.shared.core.trackers import DialogueStateTracker

    from tools.stack.stack import REPO

    domain = Domain.load(str(REPO / "domain.yml"))
    # A story without a form: a loop's second step takes the turns since its first out of the applied
    # events (Rasa's applied_events), so the states are built again from the start once then.
    name, events = next(
        (n, e) for n, e in _story_events() if len(e) > 12 and not any(isinstance(x, ActiveLoop) for x in e)
    )
    tracker = DialogueStateTracker(name, domain.slots)
    key = id(tracker)
    replayed: list[object] = []
    original_update = DialogueStateTracker.update

    def update(self: DialogueStateTracker, event: Any, domain: Any = None) -> None:
        if id(self) != key:  # the fix's replay
            replayed.append(event)
        original_update(self, event, domain)

    rasa_fixes.install()
    try:
        DialogueStateTracker.update = update  # type: ignore[method-assign]
        for event in events:
            tracker.update(event, domain)
            tracker.past_states(domain)
            tracker.past_states(domain, ignore_rule_only_turns=True)
    finally:
        DialogueStateTracker.update = original_update  # type: ignore[method-assign]
    assert replayed == list(tracker.applied_events())  # each event replayed once, in order
    assert key in rasa_fixes._state_histories
    del tracker
    gc.collect()
    assert key not in rasa_fixes._state_histories


def test_the_rules_matched_on_prepared_states_are_rasas(rasa_own: None) -> None:
    """Rule keys made from the stories' states (each of 1-4 states, with slots and loops that must
    not be set, and conversation starts) against every prefix of every story: the same keys."""
    import json

    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.shared.core.constants import SHOULD_NOT_BE_SET
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    from tools.stack.stack import REPO

    domain = Domain.load(str(REPO / "domain.yml"))
    policy = RulePolicy.__new__(RulePolicy)  # matching reads no configuration
    conversations: list[list[dict]] = []
    for name, events in _story_events():
        tracker = DialogueStateTracker(name, domain.slots)
        for event in events:
            tracker.update(event, domain)
            conversations.append(rasa_fixes._rasa_past_states(tracker, domain))
    lookup: dict[str, str] = {}
    for states in conversations[::6]:
        for length in (1, 2, 3, 4):
            rule = [dict(state) for state in states[-length:]]
            lookup[json.dumps(rule, sort_keys=True)] = "x"
            rule[-1] = {
                **rule[-1],
                "slots": {"location": SHOULD_NOT_BE_SET},
                "active_loop": {"name": SHOULD_NOT_BE_SET},
            }
            lookup[json.dumps(rule, sort_keys=True)] = "x"
            lookup[json.dumps([{}, *rule[-1:]], sort_keys=True)] = "x"  # a conversation start
    assert len(lookup) > 200
    found = 0
    for states in conversations:
        expected = rasa_fixes._rasa_possible_keys(policy, lookup, states)
        assert rasa_fixes._get_possible_keys(policy, lookup, states) == expected
        found += len(expected)
    assert found > len(conversations)  # rules do match


def test_the_applied_events_folded_once_are_rasas(rasa_own: None) -> None:
    """Every prefix of every story, asked after each event (and twice), with a rewind, an undo, a
    restart, a new session and a form opened late; the same events in the same order, a new list."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import (
        ActionExecuted,
        ActionExecutionRejected,
        ActionReverted,
        ActiveLoop,
        Restarted,
        SessionStarted,
        UserUtteranceReverted,
        UserUttered,
    )
    from rasa.shared.core.trackers import DialogueStateTracker

    from tools.stack.stack import REPO

    domain = Domain.load(str(REPO / "domain.yml"))
    form = [
        ActionExecuted("location_form"),
        ActiveLoop("location_form"),
        ActionExecuted("action_listen"),
        UserUttered("cardiff", {"name": "inform"}),
        ActionExecutionRejected("location_form"),
        ActionExecuted("utter_ask_location"),
        ActionExecuted("action_listen"),
        UserUttered("swansea", {"name": "inform"}),
        ActionExecuted("location_form"),
        ActiveLoop(None),
    ]
    ends = [
        [UserUtteranceReverted()],
        [ActionReverted()],
        [Restarted(), ActionExecuted("action_listen")],
        [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")],
        form,
        [
            *form[:4],
            ActionExecuted("location_form"),
            ActionExecuted("action_listen"),
        ],  # a form's turns folded
    ]
    compared = 0
    for name, events in _story_events():
        for end in ends:
            tracker = DialogueStateTracker(name, domain.slots)
            for event in [*events, *end]:
                tracker.update(event, domain)
                expected = rasa_fixes._rasa_applied_events(tracker)
                for _ in range(2):
                    got = rasa_fixes._applied_events(tracker)
                    assert len(got) == len(expected) and all(
                        a is b for a, b in zip(got, expected, strict=True)
                    ), name
                    got.clear()  # a caller's change to the list changes no later answer
                compared += 1
    assert compared > 1000
    # The events replaced under the tracker (not appended): folded again from the start.
    tracker = DialogueStateTracker("x", domain.slots)
    for event in form:
        tracker.update(event, domain)
    rasa_fixes._applied_events(tracker)
    tracker.events.popleft()
    tracker.events.appendleft(ActionExecuted("action_listen"))
    assert rasa_fixes._applied_events(tracker) == rasa_fixes._rasa_applied_events(tracker)
    tracker.events = tracker._create_events(list(tracker.events)[:4])
    assert rasa_fixes._applied_events(tracker) == rasa_fixes._rasa_applied_events(tracker)


def test_applied_events_are_kept_per_tracker_and_forgotten_with_it(rasa_own: None) -> None:
    import gc

    from rasa.shared.core.events import ActionExecuted
    from rasa.shared.core.trackers import DialogueStateTracker

    tracker = DialogueStateTracker("x", [])
    tracker.update(ActionExecuted("action_listen"))
    key = id(tracker)
    assert [e.action_name for e in rasa_fixes._applied_events(tracker)] == ["action_listen"]
    assert key in rasa_fixes._applied_events_held
    del tracker
    gc.collect()
    assert key not in rasa_fixes._applied_events_held


def _tracker_state(tracker: Any) -> dict[str, Any]:
    """Everything a tracker holds, slots by their attributes; the events and messages by identity."""
    state = dict(vars(tracker))
    state["events"] = [id(event) for event in tracker.events]
    state["slots"] = {name: (type(slot), vars(slot)) for name, slot in tracker.slots.items()}
    for name in ("latest_message", "latest_bot_utterance"):
        message = state[name]
        in_events = any(event is message for event in tracker.events)
        fresh = {k: v for k, v in message.as_dict().items() if k != "timestamp"} if message else None
        state[name] = id(message) if in_events else (type(message), fresh)  # an empty one made now
    return state


def test_the_tracker_copied_from_its_state_is_rasas_copy(rasa_own: None) -> None:
    """Every prefix of every story with a rewind, an undo, a restart, a new session and a form (rejected
    and happy), with a model id set: the same state as Rasa's replayed copy, and nothing shared that an
    action could change in the copy."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import (
        ActionExecuted,
        ActionExecutionRejected,
        ActionReverted,
        ActiveLoop,
        Restarted,
        SessionStarted,
        SlotSet,
        UserUtteranceReverted,
        UserUttered,
    )
    from rasa.shared.core.trackers import DialogueStateTracker

    from tools.stack.stack import REPO

    domain = Domain.load(str(REPO / "domain.yml"))
    form = [
        ActionExecuted("location_form"),
        ActiveLoop("location_form"),
        SlotSet("requested_slot", "location"),
        ActionExecuted("action_listen"),
        UserUttered("cardiff", {"name": "inform"}),
        ActionExecutionRejected("location_form"),
        ActionExecuted("utter_ask_location"),
        ActionExecuted("action_listen"),
        UserUttered("swansea", {"name": "inform"}),
        ActionExecuted("location_form"),
        SlotSet("location", "swansea"),
        ActiveLoop(None),
    ]
    ends = [
        [UserUtteranceReverted()],
        [ActionReverted()],
        [Restarted(), ActionExecuted("action_listen")],
        [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")],
        form,
    ]
    compared = 0
    for name, events in _story_events():
        for end in ends:
            tracker = DialogueStateTracker.from_events(name, [], domain.slots)
            tracker.model_id = "model"
            for event in [*events, *end]:
                tracker.update(event, domain)
                expected = rasa_fixes._rasa_tracker_copy(tracker)
                got = rasa_fixes._copy_tracker(tracker)
                assert _tracker_state(got) == _tracker_state(expected), (name, event)
                assert got.events is not tracker.events
                assert all(
                    a is not b for a, b in zip(got.slots.values(), tracker.slots.values(), strict=True)
                )
                if tracker.active_loop is not None:
                    assert got.active_loop is not tracker.active_loop
                if tracker.latest_action is not None:
                    assert got.latest_action is not tracker.latest_action
                compared += 1
    assert compared > 1000


def test_a_tracker_of_another_kind_is_copied_by_replay(
    rasa_own: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasa.shared.core.events import ActionExecuted
    from rasa.shared.core.trackers import DialogueStateTracker

    replays: list[object] = []
    monkeypatch.setattr(rasa_fixes, "_rasa_tracker_copy", lambda tracker: replays.append(tracker) or tracker)

    class Tracker(DialogueStateTracker):
        pass

    limited = DialogueStateTracker("x", [], max_event_history=3)
    other = Tracker("y", [])
    for tracker in (limited, other):
        tracker.update(ActionExecuted("action_listen"))
        assert rasa_fixes._copy_tracker(tracker) is tracker
    assert replays == [limited, other]
    # An attribute set by others (the tracker store's count of stored events) is not copied, as by Rasa.
    marked = DialogueStateTracker("z", [])
    marked._perinatal_stored_events = 1  # type: ignore[attr-defined]
    copied = rasa_fixes._copy_tracker(marked)
    assert copied is not marked and not hasattr(copied, "_perinatal_stored_events")
