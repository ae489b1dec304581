"""Small, contained fixes to Rasa 3.6 internals, installed by the Rasa server.

`install()` is called from the pipeline's first component (`bot.nlu.spacy_nlp.SpacyNLP.create`),
so every process that trains or runs the model has them, and importing this module
changes nothing. Each fix replaces one Rasa function and is applied only if Rasa is
the version it was written for AND that function's source is the one it was written
against (sha256 below); otherwise Rasa's own function is kept and a warning logged.

The first two keep Rasa's behaviour and only remove work that cost this 2-core machine
most of a conversation turn or most of a server start.

1. Action server answers.
`RemoteAction._validate_action_result` calls `jsonschema.validate()` on every
answer from the action server. That function first checks the (fixed) schema
against the JSON Schema 2020-12 meta-schema, which costs ~30 ms per call on this
machine: two thirds of a whole conversation turn with a directory look-up. The
replacement validates the answer against the same schema with the same errors,
but builds the validator once. And it first asks whether the answer is valid the
cheap way: the schema's events are a `oneOf` of 23 alternatives, one per event type
(each fixes `event` with a `const`), so every event was tried against all 23 and 22
errors built for it (~1 ms for the search turn's answer, twice a search turn). An
event whose `event` is a string can only match the alternatives with that `const`,
so it is checked against the same item schema with only those alternatives (the
same validator class; anything else against the whole item schema), and the answer
without its events' items against the rest of the schema: valid exactly when the
whole schema finds it valid. An answer found invalid is validated the whole way, so
it raises the same error as before. If the schema is not of that shape, every
answer is validated the whole way.

2. Loading DIET. `RasaModel.load` builds a model's weights by fitting it on one
example, in graph mode: TensorFlow traces the whole training step (with its
gradients and DIET's CRF entity loss) only to throw it away, ~30 s of a ~90 s
start. For DIET the replacement runs that one step eagerly (the same weights are
created, then overwritten by the trained ones), then restores the configured
mode, so prediction still runs as a traced `tf.function`; its predictions are
identical. Not for TED: one eager step leaves some of its layers unbuilt, so
their trained weights would not load. Fine-tuning keeps Rasa's path too.

3. The conversation for the NLU. `MessageProcessor._parse_message_with_graph`
gets the tracker loaded from the tracker store but gives the NLU components the
message only. The wrapper hands the parent's last turns to the pipeline in the
metadata of a COPY of the message (see `bot.safety.conversation`), so the risk
detector joins split disclosures from stored events; the stored message is
unchanged.

4. The action server away. When `RemoteAction.run` cannot reach the action server
(or it answers with an error), Rasa logs the exception and the turn goes on with no
reply from that action: a search, or the first message of a conversation, got
nothing. The wrapper answers with `utter_directory_unavailable` instead (the
generator builds it from data/safety/wording.yml and the contacts file: "I can't
search for services right now", with 999, Samaritans and Shout), so every message
gets a reply. A rejection (a form's slot not filled) is passed on as before.

5. Reading events. `Event.resolve_by_type` finds an event's class by walking every
subclass of `Event` (and asking `inspect.isabstract` of each) for every event read
back from the tracker store: ~0.1 ms an event, most of reading a long
conversation. The replacement remembers the class found for each type name (a
name not found yet is looked up Rasa's way each time, so classes imported later
are still found); the classes returned are the same.

6. Tracing DIET's prediction. `RasaModel._rasa_predict` wraps `predict_step` in a
`tf.function` with AutoGraph on: tracing it first rewrites the Python source of
every layer into graph code, ~3 s of a ~12 s server start (and again in each
Sanic worker). DIET's prediction has no Python control flow on tensors, so the
graph traced without AutoGraph is the same graph: the wrapper sets that function
before calling Rasa's `_rasa_predict` (which keeps a function already set). If
a model's prediction cannot be traced without AutoGraph (tracing raises), the
function is dropped and Rasa's own is built instead. The held-out NLU set parses
identically (tests/integration/test_rasa_fixes_nlu.py).

7. One call for the search turn. In the turn where the location form accepts a
place, Rasa called the action server twice: the form's validation, then
`action_search_services`. The validation now also answers the search on the
tracker with the accepted place and returns that reply in the slot
`search_prefetch` (actions/location_form.py); the wrapper of fix 4 sends it as the
search's reply (the same responses through the response generator, the same
events, checked against the same schema) and clears the slot, instead of calling
the action server again. Only a reply set since the parent's last message is
used; with none (a page of "show me more", a narrower search, the directory down
during the validation, this fix not installed) the search runs on the action
server as before. The parent sees the same messages, and the dialogue has the
same actions.

8. Running the graph without dask. `DaskGraphRunner.run` hands the graph to
`dask.get` (dask's synchronous scheduler, with its queues and bookkeeping) and
first works out the nodes a target needs by walking the schema again on every
run: 3-4 runs a turn (the NLU, then one per policy prediction). The
replacement runs the same nodes, each once after the nodes it needs, with the
same inputs (each node gets its needs' `(name, output)` pairs, an input its
`(name, value)`, a name nothing provides as the bare name, as dask does) and
returns the same `{target: output}`; the nodes a set of targets needs are
worked out once. Independent nodes (the policies) may run in another order
than dask's: they share nothing. A graph whose nodes have hooks (training) is
run by dask as before.

9. The dialogue states built once a tracker. RulePolicy and MemoizationPolicy turn
the tracker into its states (`DialogueStateTracker.past_states`, i.e.
`Domain.states_for_tracker_history`) for every prediction: RulePolicy twice on
the first prediction of a turn, MemoizationPolicy once more with its own options,
and a turn predicts 2-3 times. Each time Rasa replays the window's events into a
fresh tracker and reads the state before every action. The replacement keeps,
for each tracker in memory (forgotten with it), what that replay read at each
action (the state, the previous action, whether the turn is hidden from ML
policies, a follow-up or loop step) and the replay itself, and replays only the
events added since; if the events it replayed are not the start of the
tracker's applied events any more (a rewind, an undo, a restart), it replays
from the start. Each call then applies the options (rule-only turns and
features) to fresh copies, as Rasa's loop does, so the states returned are
equal to Rasa's and nothing shared is changed by the featurizer. Only for
`DialogueStateTracker` itself (training's `TrackerWithCachedStates` has its
own cache) and without `omit_unset_slots`; the guard also covers the two Rasa
functions whose logic it repeats.

10. Matching the rules. `RulePolicy._get_possible_keys` keeps the rules whose states
match the conversation's, going back one state at a time; for every rule and state
it calls `_is_rule_applicable`, which reverses the rule's states (parsed from the
rule's key) into a new list, and `_does_rule_match_state` turns every list value
back into a tuple: ~150 rules, 3-4 times a prediction. The replacement keeps each
rule key's reversed states with those tuples (by key: a key is its states' JSON,
so they never change) and runs the same tests in the same order on them, so the
same keys come back. A policy class that overrides one of those methods gets
Rasa's function; the guard covers all three.

11. The applied events once a tracker. `DialogueStateTracker.applied_events` (the events
without the reverted ones and a form's folded turns) walks the whole window with six
`isinstance` tests an event against abstract classes, and a turn asks it ~10 times of the
same tracker (fix 9 on every `past_states`, the processor, the policies): ~1 ms a turn.
The replacement keeps, per tracker in memory (forgotten with it), the events it has
folded, the loop names and the result, and folds only the events appended since; it
starts again from the first event when the events seen are not the start of the
tracker's events any more (the same objects, in order) or an appended event names a
loop not seen before (Rasa reads the loop names of all events first, so a new name can
change how earlier events fold). An event's kind is found once per event class. Each
call returns a new list, as Rasa's does. Only for `DialogueStateTracker` itself; the
guard also covers the three methods the fold calls.

12. The tracker's copy before an action. `MessageProcessor._run_action` hands every action a
copy of the tracker (`DialogueStateTracker.copy`: a new tracker from `init_copy` with all
the events replayed into it), so that a rejected action's policy events can be dropped:
~0.1 ms a copy, 2-3 a turn. A tracker's state is what replaying its events gives
(`from_events` and `update` build it so), so the replacement builds the copy from that
state instead: `init_copy`'s fields (no model or assistant id, no sender source), the same
events, each slot copied as `init_copy` copies it (`copy.copy`, done directly for a slot
class that copies the default way) with its value and whether it was set,
the active loop and the latest action as new objects, the latest message and bot
utterance the same event (a new empty one if the tracker's is not one of its events, as a
reset makes); an attribute that others set on the tracker (the tracker store's count of
stored events) is not copied, as a replay does not make it. Only for
`DialogueStateTracker` itself with the attributes Rasa's `__init__` sets, slots in a dict
and no event history limit (a limited deque has dropped
events whose state a replay would lose); otherwise Rasa's replay. The copies equal
Rasa's on every prefix of every story with a rewind, an undo, a restart, a new session
and a form (tests/unit/core/test_rasa_fixes.py); the guard covers `travel_back_in_time`,
`init_copy`, `__init__` and `_reset`.
"""

from __future__ import annotations

import copy
import copyreg
import dataclasses
import hashlib
import inspect
import itertools
import logging
import operator
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

import rasa
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction, create_bot_utterance
from rasa.core.channels.channel import UserMessage
from rasa.core.policies.rule_policy import RulePolicy
from rasa.core.processor import MessageProcessor
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.nlu.classifiers.diet_classifier import DIET
from rasa.shared.constants import DEFAULT_SENDER_ID, DOCS_BASE_URL
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    BotUttered,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
    deserialise_events,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel

from bot.safety.conversation import RECENT_KEY, recent_user_texts

logger = logging.getLogger(__name__)

RASA_VERSION = "3.6.21"

_rasa_model_load = RasaModel.load.__func__  # type: ignore[attr-defined]
_rasa_parse_with_graph = MessageProcessor._parse_message_with_graph
_rasa_remote_run = RemoteAction.run
_rasa_resolve_by_type = Event.resolve_by_type
_rasa_predict = RasaModel._rasa_predict
_rasa_graph_run = DaskGraphRunner.run
_rasa_past_states = DialogueStateTracker.past_states
_rasa_possible_keys = RulePolicy._get_possible_keys
_rasa_applied_events = DialogueStateTracker.applied_events
_rasa_tracker_copy = DialogueStateTracker.copy
_event_classes: dict[str, type[Event]] = {}
UNAVAILABLE_RESPONSE = "utter_directory_unavailable"
SEARCH_ACTION = "action_search_services"
PREFETCH_SLOT = "search_prefetch"  # actions/search.py


@lru_cache(maxsize=1)
def _action_result_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@lru_cache(maxsize=1)
def _action_result_checks() -> tuple[Any, dict[str, Any], Any] | None:
    """Validators for the cheap check of an answer (see fix 1), or None if the schema is not of its shape."""
    schema = RemoteAction.action_response_format_spec()
    try:
        events = schema["properties"]["events"]
        items = events["items"]
        alternatives = items["oneOf"]
        shaped = (
            set(schema) == {"type", "properties"}
            and set(events) == {"type", "items"}
            and set(items) == {"type", "properties", "required", "oneOf"}
            and "event" in items["required"]
            and all(isinstance(alt["properties"]["event"]["const"], str) for alt in alternatives)
        )
    except (KeyError, TypeError):
        return None
    if not shaped:
        return None
    cls = validator_for(schema)
    by_type: dict[str, list[Any]] = {}
    for alt in alternatives:
        by_type.setdefault(alt["properties"]["event"]["const"], []).append(alt)
    rest = {**schema, "properties": {**schema["properties"], "events": {"type": events["type"]}}}
    per_type = {name: cls({**items, "oneOf": alts}) for name, alts in by_type.items()}
    return cls(rest), per_type, cls(items)


def _action_result_is_valid(result: Any) -> bool | None:
    """Whether the answer is valid against the action answer schema, checked per event type; None: not known."""
    checks = _action_result_checks()
    if checks is None:
        return None
    rest, per_type, any_event = checks
    if not rest.is_valid(result):
        return False
    events = result.get("events") if isinstance(result, dict) else None
    if isinstance(events, list):
        for event in events:
            name = event.get("event") if isinstance(event, dict) else None
            validator = per_type.get(name, any_event) if isinstance(name, str) else any_event
            if not validator.is_valid(event):
                return False
    return True


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    if _action_result_is_valid(result):
        return True
    error = best_match(_action_result_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from "
            "the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def _load_model(
    cls: type[RasaModel],
    model_file_name: str,
    model_data_example: RasaModelData,
    predict_data_example: RasaModelData | None = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> RasaModel:
    if finetune_mode:
        return _rasa_model_load(
            cls, model_file_name, model_data_example, predict_data_example, True, *args, **kwargs
        )
    import tensorflow as tf

    model = cls(*args, **kwargs)
    config = kwargs.get("config", {})
    model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)), run_eagerly=True)
    model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)
    model.run_eagerly = config.get(RUN_EAGERLY)
    model.load_weights(model_file_name)
    if predict_data_example:
        model.run_inference(predict_data_example)  # trace prediction now, not on the first message
    return model


def _parse_message_with_graph(
    self: MessageProcessor, message: UserMessage, tracker: Any, only_output_properties: bool = True
) -> dict[str, Any]:
    recent = recent_user_texts(tracker.events) if tracker is not None else []
    if recent or RECENT_KEY in (message.metadata or {}):  # never taken from a client's metadata
        message = UserMessage(
            text=message.text,
            output_channel=message.output_channel,
            sender_id=message.sender_id,
            parse_data=message.parse_data,
            input_channel=message.input_channel,
            message_id=message.message_id,
            metadata={**(message.metadata or {}), RECENT_KEY: recent},
        )
    return _rasa_parse_with_graph(self, message, tracker, only_output_properties)


def _prefetched_reply(tracker: Any) -> dict[str, Any] | None:
    """The search's reply set by the location form's validation since the parent's last message."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return None
        if isinstance(event, SlotSet) and event.key == PREFETCH_SLOT:
            reply = event.value
            if isinstance(reply, dict) and isinstance(reply.get("responses"), list):
                return reply
            return None
    return None


async def _prefetched_search(
    self: RemoteAction, reply: dict[str, Any], output_channel: Any, nlg: Any, tracker: Any
) -> list[Any]:
    """What `RemoteAction.run` makes of the action server's answer, for the answer given earlier."""
    reply = copy.deepcopy(reply)  # `_utter_responses` pops from the responses
    self._validate_action_result(reply)
    bot_messages = await self._utter_responses(reply["responses"], output_channel, nlg, tracker)
    return [*bot_messages, *deserialise_events(reply.get("events", [])), SlotSet(PREFETCH_SLOT, None)]


async def _run_remote_action(
    self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any
) -> list[Any]:
    if self.name() == SEARCH_ACTION:
        reply = _prefetched_reply(tracker)
        if reply is not None:
            return await _prefetched_search(self, reply, output_channel, nlg, tracker)
    try:
        return await _rasa_remote_run(self, output_channel, nlg, tracker, domain)
    except ActionExecutionRejection:
        raise
    except RasaException as error:
        logger.error(
            "action '%s' failed (%s); the parent is told the search is unavailable",
            self.name(),
            type(error).__name__,
        )
        message = await nlg.generate(UNAVAILABLE_RESPONSE, tracker, output_channel.name())
        return [create_bot_utterance(message)] if message else []


def _resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    found = _event_classes.get(type_name)
    if found is not None:
        return found
    # Rasa's answer: a class, None (old "topic" events), the default, or an error.
    found = _rasa_resolve_by_type(type_name, default)
    if found is not None and found is not default:
        _event_classes[type_name] = found
    return found


def _predict_traced_without_autograph(self: RasaModel, batch_in: Any) -> Any:
    if self._tf_predict_step is not None or self._run_eagerly:
        return _rasa_predict(self, batch_in)
    import tensorflow as tf

    self._tf_predict_step = tf.function(
        self.predict_step, input_signature=self._dynamic_signature(batch_in), autograph=False
    )
    try:
        return _rasa_predict(self, batch_in)
    except Exception as error:  # noqa: BLE001 - only the first call traces; Rasa's way is tried next
        logger.warning(
            "%s: prediction could not be traced without AutoGraph (%s); tracing it Rasa's way",
            type(self).__name__,
            type(error).__name__,
        )
        self._tf_predict_step = None
        return _rasa_predict(self, batch_in)


def _graph_order(runner: DaskGraphRunner, targets: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """The nodes `targets` need, each after the nodes it needs: (name, the names of its needs)."""
    orders: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = runner.__dict__.setdefault(
        "_bot_graph_orders", {}
    )
    if targets not in orders:
        schema = runner._graph_schema.minimal_graph_schema(list(targets))
        order: list[tuple[str, tuple[str, ...]]] = []
        seen: set[str] = set()

        def visit(name: str) -> None:
            if name in seen or name not in schema.nodes:
                return
            seen.add(name)
            needs = tuple(schema.nodes[name].needs.values())
            for need in needs:
                visit(need)
            order.append((name, needs))

        for name in schema.nodes:
            visit(name)
        orders[targets] = order
    return orders[targets]


def _run_graph(
    self: DaskGraphRunner, inputs: dict[str, Any] | None = None, targets: list[str] | None = None
) -> dict[str, Any]:
    """`DaskGraphRunner.run` without dask: the same nodes, inputs and results (see fix 8)."""
    if any(node._hooks for node in self._instantiated_nodes.values()):
        return _rasa_graph_run(self, inputs, targets)
    run_targets = targets if targets else self._graph_schema.target_names
    order = _graph_order(self, tuple(run_targets))
    if inputs:  # Rasa's check that no input is named like a node of the graph
        self._add_inputs_to_graph(inputs, {name: None for name, _ in order})
    results: dict[str, Any] = {name: (name, value) for name, value in (inputs or {}).items()}
    try:
        for name, needs in order:
            results[name] = self._instantiated_nodes[name](*(results.get(need, need) for need in needs))
    except RuntimeError as e:
        raise GraphRunError("Error running runner.") from e
    return dict(results.get(target, target) for target in run_targets)


class _Turn(NamedTuple):
    """What `Domain.states_for_tracker_history` reads of one prior tracker (before an action, or at the end)."""

    state: State  # domain.get_active_state(tracker)
    previous_action: dict[str, str] | None  # tracker.latest_action: the same object as state's, if in it
    hidden: bool  # the action's hide_rule_turn (False at the end)
    keeps_hidden: bool  # a follow-up action or a loop's own step: the turn stays as hidden as the one before


def _read_turn(domain: Domain, tracker: DialogueStateTracker, hidden: bool) -> _Turn:
    return _Turn(
        domain.get_active_state(tracker),
        domain._get_prev_action_sub_state(tracker),
        hidden,
        bool(tracker.followup_action) or tracker.latest_action_name == tracker.active_loop_name,
    )


class _StateHistory:
    """The prior trackers of one tracker as read so far, and the replay that reached them."""

    def __init__(self, tracker: DialogueStateTracker, domain: Domain) -> None:
        self.domain = domain
        self._start(tracker)

    def _start(self, tracker: DialogueStateTracker) -> None:
        self.replay = tracker.init_copy()
        self.applied: list[Event] = []
        self.turns: list[_Turn] = []
        self.last: _Turn | None = None

    def turns_of(self, tracker: DialogueStateTracker) -> list[_Turn]:
        """`generate_all_prior_trackers` as read by `states_for_tracker_history`, replaying only new events."""
        applied = tracker.applied_events()
        done = len(self.applied)
        if done > len(applied) or any(
            old is not new for old, new in zip(self.applied, applied[:done], strict=True)
        ):
            self._start(tracker)  # a rewind, an undo, a restart: replay from the start
            done = 0
        if self.last is None or len(applied) > done:
            for event in applied[done:]:
                if isinstance(event, ActionExecuted):
                    self.turns.append(_read_turn(self.domain, self.replay, event.hide_rule_turn))
                self.replay.update(event)
            self.applied = applied
            self.last = _read_turn(self.domain, self.replay, False)
        return [*self.turns, self.last]


_state_histories: dict[int, tuple[weakref.ref[DialogueStateTracker], _StateHistory]] = {}


def _state_history(tracker: DialogueStateTracker, domain: Domain) -> _StateHistory:
    key = id(tracker)
    held = _state_histories.get(key)
    if held is None or held[0]() is not tracker or held[1].domain is not domain:
        ref = weakref.ref(tracker, lambda _, key=key: _state_histories.pop(key, None))  # type: ignore[misc]
        held = (ref, _StateHistory(tracker, domain))
        _state_histories[key] = held
    return held[1]


def _past_states(
    self: DialogueStateTracker,
    domain: Domain,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: dict[str, Any] | None = None,
) -> list[State]:
    """`DialogueStateTracker.past_states` from the turns read once (see fix 9): Rasa's loop, on copies."""
    if omit_unset_slots or type(self) is not DialogueStateTracker:
        return _rasa_past_states(self, domain, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
    states: list[State] = []
    last_ml_action = None
    turn_was_hidden = False
    for turn in _state_history(self, domain).turns_of(self):
        previous_action = None if turn.previous_action is None else dict(turn.previous_action)
        if ignore_rule_only_turns:
            if not turn_was_hidden:
                last_ml_action = previous_action
            if not turn.keeps_hidden:
                turn_was_hidden = turn.hidden
            if turn_was_hidden:
                continue
        state = {
            kind: previous_action if sub is turn.previous_action else dict(sub)
            for kind, sub in turn.state.items()
        }
        if ignore_rule_only_turns:
            domain._remove_rule_only_features(state, rule_only_data)
            if states:
                domain._substitute_rule_only_user_input(state, states[-1])
            if last_ml_action:
                state[PREVIOUS_ACTION] = last_ml_action
        states.append(domain._clean_state(state))
    return states


_rule_states: dict[str, tuple[State, ...]] = {}
RULE_STATES_KEPT = 20_000  # rule keys whose states are kept (a model has hundreds; training may try more)


def _reversed_rule_states(rule_key: str) -> tuple[State, ...]:
    """The rule's states, last first, with list values as tuples (what `_does_rule_match_state` compares)."""
    found = _rule_states.get(rule_key)
    if found is None:
        found = tuple(
            {
                kind: {key: tuple(value) if isinstance(value, list) else value for key, value in sub.items()}
                for kind, sub in state.items()
            }
            for state in reversed(RulePolicy._rule_key_to_state(rule_key))
        )
        if len(_rule_states) < RULE_STATES_KEPT:
            _rule_states[rule_key] = found
    return found


def _rule_matches(rule_state: State, conversation_state: State) -> bool:
    """`RulePolicy._does_rule_match_state` on a rule state whose lists are tuples already."""
    for state_type, rule_sub_state in rule_state.items():
        conversation_sub_state = conversation_state.get(state_type, {})
        for key, value_from_rules in rule_sub_state.items():
            value_from_conversation = conversation_sub_state.get(key)
            if (
                value_from_rules
                and value_from_rules != SHOULD_NOT_BE_SET
                and value_from_conversation != value_from_rules
            ) or (
                value_from_rules == SHOULD_NOT_BE_SET
                and value_from_conversation
                and value_from_conversation != SHOULD_NOT_BE_SET
            ):
                return False
    return True


@dataclass
class _RuleIndex:
    """A lookup's rules by what their last state needs of the previous action (see fix 10)."""

    lookup: dict[str, str]
    keys: frozenset[str]
    no_previous_action: list[tuple[str, tuple[State, ...]]]  # kept exactly when the conversation has none
    any_previous_action: list[tuple[str, tuple[State, ...]]]  # no value the previous action must have
    by_previous_action: dict[
        tuple[str, Any], list[tuple[str, tuple[State, ...]]]
    ]  # (key, value) it must have


_rule_indexes: dict[int, _RuleIndex] = {}


def _rule_index(lookup: dict[str, str]) -> _RuleIndex:
    index = _rule_indexes.get(id(lookup))
    if index is not None and index.lookup is lookup and index.keys == lookup.keys():
        return index
    index = _RuleIndex(lookup, frozenset(lookup), [], [], {})
    for key in lookup:
        rule_states = _reversed_rule_states(key)
        previous_action = rule_states[0].get(PREVIOUS_ACTION) if rule_states else None
        if not rule_states:
            index.any_previous_action.append((key, rule_states))  # never stops at the first state
        elif not previous_action:
            index.no_previous_action.append((key, rule_states))
        else:
            needed = [
                (name, value)
                for name, value in previous_action.items()
                if value and value != SHOULD_NOT_BE_SET and isinstance(value, str)
            ]
            if needed:
                index.by_previous_action.setdefault(needed[0], []).append((key, rule_states))
            else:
                index.any_previous_action.append((key, rule_states))
    if len(_rule_indexes) >= 64:
        _rule_indexes.clear()
    _rule_indexes[id(lookup)] = index
    return index


def _get_possible_keys(self: RulePolicy, lookup: dict[str, str], states: list[State]) -> set[str]:
    """`RulePolicy._get_possible_keys` on the rules' states prepared once (see fix 10)."""
    policy = type(self)
    if policy is not RulePolicy and any(
        inspect.getattr_static(policy, name) is not RulePolicy.__dict__[name]
        for name in ("_is_rule_applicable", "_does_rule_match_state", "_rule_key_to_state")
    ):
        return _rasa_possible_keys(self, lookup, states)
    if not states:
        return set(lookup)
    index = _rule_index(lookup)
    # The last state first: only the rules that can pass `_is_rule_applicable` there are tried.
    last = states[-1]
    current_previous_action = last.get(PREVIOUS_ACTION)
    if not current_previous_action:
        possible = list(index.no_previous_action) + [(k, r) for k, r in index.any_previous_action if not r]
    else:
        candidates = list(index.any_previous_action)
        for name, value in current_previous_action.items():
            if isinstance(value, str):
                candidates += index.by_previous_action.get((name, value), [])
        possible = [(k, r) for k, r in candidates if not r or _rule_matches(r[0], last)]
    for turn_index, state in enumerate(reversed(states[:-1]), start=1):
        if not possible:
            break
        current_previous_action = state.get(PREVIOUS_ACTION)
        kept = []
        for key, rule_states in possible:
            # `_is_rule_applicable`, in its order
            if turn_index >= len(rule_states):
                kept.append((key, rule_states))
                continue
            rule_state = rule_states[turn_index]
            rule_previous_action = rule_state.get(PREVIOUS_ACTION)
            if not rule_previous_action and not current_previous_action:
                kept.append((key, rule_states))
            elif not rule_previous_action or not current_previous_action:
                continue
            elif _rule_matches(rule_state, state):
                kept.append((key, rule_states))
        possible = kept
    return {key for key, _ in possible}


# What `applied_events` does with an event, by the event's class (see fix 11).
_RESET, _ACTION_REVERTED, _UTTERANCE_REVERTED, _ACTION, _LOOP, _OTHER = range(6)
_event_kinds: dict[type, int] = {}


def _event_kind(event: Event) -> int:
    kind = _event_kinds.get(type(event))
    if kind is None:
        if isinstance(event, (Restarted, SessionStarted)):
            kind = _RESET
        elif isinstance(event, ActionReverted):
            kind = _ACTION_REVERTED
        elif isinstance(event, UserUtteranceReverted):
            kind = _UTTERANCE_REVERTED
        elif isinstance(event, ActionExecuted):
            kind = _ACTION
        elif isinstance(event, ActiveLoop):
            kind = _LOOP
        else:
            kind = _OTHER
        _event_kinds[type(event)] = kind
    return kind


class _AppliedEvents:
    """One tracker's events folded so far by `applied_events`' loop, and the result (see fix 11)."""

    __slots__ = ("ref", "events", "seen", "loop_names", "applied")

    def __init__(self, ref: weakref.ref[DialogueStateTracker]) -> None:
        self.ref = ref
        self.events: Any = None  # the tracker's deque the fold read
        self.seen: list[Event] = []
        self.loop_names: set[str] = set()
        self.applied: list[Event] = []

    def fold(self, tracker: DialogueStateTracker, events: list[Event]) -> None:
        """Rasa's loop of `applied_events` over `events`, continued from where it stopped."""
        applied = self.applied
        loop_names = self.loop_names
        for event in events:
            kind = _event_kind(event)
            if kind == _RESET:
                applied.clear()
            elif kind == _ACTION_REVERTED:
                tracker._undo_till_previous(ActionExecuted, applied)
            elif kind == _UTTERANCE_REVERTED:
                tracker._undo_till_previous(UserUttered, applied)
                tracker._undo_till_previous(ActionExecuted, applied)
            elif (
                kind == _ACTION
                and event.action_name in loop_names  # type: ignore[attr-defined]
                and not tracker._first_loop_execution_or_unhappy_path(
                    event.action_name,
                    applied,  # type: ignore[attr-defined]
                )
            ):
                tracker._undo_till_previous_loop_execution(event.action_name, applied)  # type: ignore[attr-defined]
            else:
                applied.append(event)


def _loop_names(events: list[Event]) -> set[str]:
    return {event.name for event in events if _event_kind(event) == _LOOP and event.name}  # type: ignore[attr-defined]


_applied_events_held: dict[int, _AppliedEvents] = {}


def _applied_events(self: DialogueStateTracker) -> list[Event]:
    """`DialogueStateTracker.applied_events`, folding only the events appended since the last call (fix 11)."""
    if type(self) is not DialogueStateTracker:
        return _rasa_applied_events(self)
    key = id(self)
    held = _applied_events_held.get(key)
    if held is None or held.ref() is not self:
        held = _AppliedEvents(weakref.ref(self, lambda _, key=key: _applied_events_held.pop(key, None)))  # type: ignore[misc]
        _applied_events_held[key] = held
    events = self.events
    done = len(held.seen)
    if (
        held.events is events
        and len(events) >= done
        and all(map(operator.is_, held.seen, events))  # the events seen are still the first ones
    ):
        new = list(itertools.islice(events, done, None))
        if new and _loop_names(new) <= held.loop_names:
            held.fold(self, new)
            held.seen.extend(new)
            return list(held.applied)
        if not new:
            return list(held.applied)
    everything = list(events)
    held.events = events
    held.seen = everything
    held.loop_names = _loop_names(everything)
    held.applied = []
    held.fold(self, everything)
    return list(held.applied)


_TRACKER_ATTRIBUTES = frozenset(vars(DialogueStateTracker("", [])))  # what Rasa's __init__ sets


_plain_copy_classes: dict[type, bool] = {}


def _copy_slot(slot: Any) -> Any:
    """`copy.copy(slot)`: for a class that copies the default way, what `copy.copy` does, without its steps."""
    cls = type(slot)
    plain = _plain_copy_classes.get(cls)
    if plain is None:
        plain = (
            cls not in copyreg.dispatch_table
            and not hasattr(cls, "__copy__")
            and cls.__reduce_ex__ is object.__reduce_ex__  # type: ignore[comparison-overlap]
            and cls.__reduce__ is object.__reduce__  # type: ignore[comparison-overlap]
            and not hasattr(cls, "__getstate__")
            and not hasattr(cls, "__setstate__")
            and not any(vars(base).get("__slots__") for base in cls.__mro__)  # abc.ABC's are empty
            and cls.__new__ is object.__new__
        )
        _plain_copy_classes[cls] = plain
    if not plain:
        return copy.copy(slot)
    new = object.__new__(cls)  # cls.__new__, which is object's
    new.__dict__.update(slot.__dict__)  # copy's _reconstruct with the state object.__reduce_ex__ gives
    return new


def _copy_tracker(self: DialogueStateTracker) -> DialogueStateTracker:
    """`DialogueStateTracker.copy` from the tracker's state instead of a replay of its events (fix 12)."""
    if (
        type(self) is not DialogueStateTracker
        or self._max_event_history is not None
        or type(self.slots) is not dict
        or not vars(self).keys() >= _TRACKER_ATTRIBUTES
    ):
        return _rasa_tracker_copy(self)
    tracker: DialogueStateTracker = object.__new__(DialogueStateTracker)
    events = self.events
    tracker._max_event_history = None
    tracker.events = tracker._create_events(list(events))
    tracker.sender_id = self.sender_id or DEFAULT_SENDER_ID
    tracker.slots = {slot.name: _copy_slot(slot) for slot in self.slots.values()}
    tracker.sender_source = None
    tracker.is_rule_tracker = self.is_rule_tracker
    tracker._paused = self._paused
    tracker.followup_action = self.followup_action
    tracker.latest_action = None if self.latest_action is None else dict(self.latest_action)
    message = self.latest_message
    tracker.latest_message = (
        message if any(event is message for event in reversed(events)) else UserUttered.empty()
    )
    utterance = self.latest_bot_utterance
    tracker.latest_bot_utterance = (
        utterance if any(event is utterance for event in reversed(events)) else BotUttered.empty()
    )
    tracker.active_loop = None if self.active_loop is None else dataclasses.replace(self.active_loop)
    tracker.model_id = None
    tracker.assistant_id = None
    return tracker


@dataclass(frozen=True)
class Fix:
    """One replaced Rasa function: where it lives, the source it was written against, its replacement."""

    name: str
    owner: type
    attribute: str
    original: Callable[..., Any]  # Rasa's function, as found when this module was imported
    source_sha256: str
    replacement: Any  # what is set on `owner` (a function, or a classmethod)
    # Other Rasa functions whose logic the replacement repeats, with their sources' sha256.
    repeats: tuple[tuple[Callable[..., Any], str], ...] = ()

    def is_installed(self) -> bool:
        return self.owner.__dict__.get(self.attribute) is self.replacement


def source_sha256(function: Callable[..., Any]) -> str | None:
    try:
        return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()
    except (OSError, TypeError):
        return None


_load_model_classmethod = classmethod(_load_model)

FIXES: tuple[Fix, ...] = (
    Fix(
        "action answer validation",
        RemoteAction,
        "_validate_action_result",
        RemoteAction._validate_action_result,
        "f8cdb4be6812396167ced74161b2ccd65c5ea676ad86d7d359d8c322d9d8dc42",
        _validate_action_result,
    ),
    Fix(
        "DIET eager build on load",
        DIET,
        "load",
        _rasa_model_load,
        "84fd81c0fdd01a8048de2d9b5b3022bdbf1e155f7b4d67737eb51ecb0787d292",
        _load_model_classmethod,
    ),
    Fix(
        "conversation for the NLU",
        MessageProcessor,
        "_parse_message_with_graph",
        _rasa_parse_with_graph,
        "0bd50a53b5c013af8458cbefe5dbcbd5c02c82a671a841b1947b3e8964e5c3d1",
        _parse_message_with_graph,
    ),
    Fix(
        "action server away",
        RemoteAction,
        "run",
        _rasa_remote_run,
        "ccabf6f1160d527a157fad5bd285ce69e8221b1bcad23f8a61499b4360a1c17e",
        _run_remote_action,
    ),
    Fix(
        "event class by type name",
        Event,
        "resolve_by_type",
        _rasa_resolve_by_type,
        "b5cf570fa7f286c7059ec73d8880528d03a78b28cf4e80285a46079c0fa65968",
        staticmethod(_resolve_by_type),
    ),
    Fix(
        "prediction traced without AutoGraph",
        RasaModel,
        "_rasa_predict",
        _rasa_predict,
        "7f745b0f9cb647c9df9e5b04b318a7b93709daf9460bad4373970c6cf9f04d8f",
        _predict_traced_without_autograph,
    ),
    Fix(
        "graph run without dask",
        DaskGraphRunner,
        "run",
        _rasa_graph_run,
        "45f0f52f574f3aa9546a552bf671183e171092c18b66e97f5771a7fa295de37e",
        _run_graph,
    ),
    Fix(
        "dialogue states built once a tracker",
        DialogueStateTracker,
        "past_states",
        _rasa_past_states,
        "5463eefb5c69d27f82cdc7eca84e23b4b82851e9a5ff575bd02447d4d987103b",
        _past_states,
        (
            (
                Domain.states_for_tracker_history,
                "035111ce73ac90ba50e143abf556f924af07d9f452893f5a96a62895d44df8b7",
            ),
            (
                DialogueStateTracker.generate_all_prior_trackers,
                "a1f6954347b52649a7b1054741338997d2369197d91acb2eab7f6b11d3855ed1",
            ),
        ),
    ),
    Fix(
        "rules matched on states prepared once",
        RulePolicy,
        "_get_possible_keys",
        _rasa_possible_keys,
        "2915fd81711e194c6d667728e00bd0e51e9c1c2791a0be14c55f0ef9938f9936",
        _get_possible_keys,
        (
            (
                RulePolicy._is_rule_applicable,
                "64a108b016b46e573d6020b755a6036439dc207a364b45c9ea5dcb0f18dc7068",
            ),
            (
                RulePolicy._does_rule_match_state,
                "d3109c1a97de319ceee17570d2d96b51c2fa0006379c5a491d5ed7df136666a7",
            ),
            (
                RulePolicy._rule_key_to_state,
                "b91b949bbccbff0bdd67604e957b8884becef48ebc634c655c01bb5e6e93677e",
            ),
        ),
    ),
    Fix(
        "applied events once a tracker",
        DialogueStateTracker,
        "applied_events",
        _rasa_applied_events,
        "764d5065ea9997d613c1984d9357370f9ae32d31ca21346086f16c54f0487aae",
        _applied_events,
        (
            (
                DialogueStateTracker._undo_till_previous,
                "3a3710e5e73cb945e7a1f529851b5c858b46ba139d2f651428a93ada196df9ae",
            ),
            (
                DialogueStateTracker._first_loop_execution_or_unhappy_path,
                "b67fe33e30d9b68cfde38e3de0027a26a599eb5bba14e4109830301285a06ce2",
            ),
            (
                DialogueStateTracker._is_within_unhappy_path,
                "56754b9201f1d3636bf88e5fd07f1f4981b9852a33a2aed2e784e99915e7ac5e",
            ),
            (
                DialogueStateTracker._undo_till_previous_loop_execution,
                "7ecfe12cccb398143f46d61275ba7130d18b1aba3a85f8de47c22756dc81a73c",
            ),
        ),
    ),
    Fix(
        "tracker copied from its state",
        DialogueStateTracker,
        "copy",
        _rasa_tracker_copy,
        "dfa48dca9f355ad1b42c625bc6f6370bafe83514ed17a77904ed64c67bf07285",
        _copy_tracker,
        (
            (
                DialogueStateTracker.travel_back_in_time,
                "09d16f28f007492f653b504cf2b6064dc453444c524799378609a85b04efd632",
            ),
            (
                DialogueStateTracker.init_copy,
                "429fcd2243b9e0e1a6e8ffc3057a4f2fb4ecbb677055c644129bc65b6cd32b75",
            ),
            (
                DialogueStateTracker.__init__,
                "8f39eb22462aa62b140d9da1f6db986cbc76383d8f7cc4e3dc7664fa7d84cb2d",
            ),
            (DialogueStateTracker._reset, "190858eaf560a0c0a86f45dca86498f8a9fada57ddb6c7dd1e68648c9779e103"),
        ),
    ),
)


def _refusal(fix: Fix, rasa_version: str) -> str | None:
    """Why `fix` must not be applied, or None."""
    if rasa_version != RASA_VERSION:
        return f"Rasa is {rasa_version}, the fix was written for {RASA_VERSION}"
    current = getattr(fix.owner, fix.attribute)
    current = getattr(current, "__func__", current)
    if current is not fix.original:
        return f"{fix.owner.__name__}.{fix.attribute} was replaced by something else"
    for function, sha256 in ((fix.original, fix.source_sha256), *fix.repeats):
        if source_sha256(function) != sha256:
            return f"the source of {function.__qualname__} differs from the one the fix was written against"
    return None


def install(rasa_version: str | None = None) -> list[str]:
    """Apply the fixes whose targets are unchanged (idempotent); returns the names of those in place."""
    version = rasa.__version__ if rasa_version is None else rasa_version
    applied = []
    for fix in FIXES:
        if fix.is_installed():
            applied.append(fix.name)
            continue
        reason = _refusal(fix, version)
        if reason is not None:
            logger.warning("Rasa fix '%s' not applied: %s. Rasa's own code runs instead.", fix.name, reason)
            continue
        setattr(fix.owner, fix.attribute, fix.replacement)
        applied.append(fix.name)
    return applied
