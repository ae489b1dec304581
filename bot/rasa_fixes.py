"""Small, contained fixes to Rasa 3.6 internals, installed by the Rasa server.

Both keep Rasa's behaviour and only remove work that cost this 2-core machine
most of a conversation turn or most of a server start.

1. Action server answers.
`RemoteAction._validate_action_result` calls `jsonschema.validate()` on every
answer from the action server. That function first checks the (fixed) schema
against the JSON Schema 2020-12 meta-schema, which costs ~30 ms per call on this
machine: two thirds of a whole conversation turn with a directory look-up. The
replacement validates the answer against the same schema with the same errors,
but builds the validator once.

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
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.nlu.classifiers.diet_classifier import DIET
from rasa.shared.constants import DOCS_BASE_URL
from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel

from bot.safety.conversation import RECENT_KEY, recent_user_texts

_rasa_model_load = RasaModel.load.__func__  # type: ignore[attr-defined]
_rasa_parse_with_graph = MessageProcessor._parse_message_with_graph


@lru_cache(maxsize=1)
def _action_result_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    error = best_match(_action_result_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from "
            f"the Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
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
        return _rasa_model_load(cls, model_file_name, model_data_example, predict_data_example, True,
                                *args, **kwargs)
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
            text=message.text, output_channel=message.output_channel, sender_id=message.sender_id,
            parse_data=message.parse_data, input_channel=message.input_channel, message_id=message.message_id,
            metadata={**(message.metadata or {}), RECENT_KEY: recent},
        )
    return _rasa_parse_with_graph(self, message, tracker, only_output_properties)


def install() -> None:
    """Apply the fixes (idempotent)."""
    MessageProcessor._parse_message_with_graph = _parse_message_with_graph  # type: ignore[method-assign]
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    DIET.load = classmethod(_load_model)  # type: ignore[method-assign,assignment]

