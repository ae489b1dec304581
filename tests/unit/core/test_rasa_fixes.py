"""The cached validation of action server answers behaves like Rasa's own."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot import rasa_fixes


def validate(result: dict) -> bool:
    rasa_fixes.install()
    return RemoteAction("validate_location_form", None)._validate_action_result(result)


def test_a_good_answer_passes() -> None:
    assert validate({"events": [{"event": "slot", "name": "location", "value": "Brecon"}],
                     "responses": [{"response": "utter_services_found", "custom": {"services": []}}]})


@pytest.mark.parametrize("result", [
    {"events": [{"name": "location"}]},  # an event without its type
    {"events": "not a list"},
])
def test_a_bad_answer_is_refused_as_rasa_would(result: dict) -> None:
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        validate(result)


def test_the_model_loads_the_fix() -> None:
    import bot.nlu.spacy_nlp  # noqa: F401 - imported for its side effect

    assert RemoteAction._validate_action_result is rasa_fixes._validate_action_result


def test_only_diet_is_built_eagerly_on_load() -> None:
    """TED keeps Rasa's load: one eager step leaves some of its layers unbuilt."""
    from rasa.nlu.classifiers.diet_classifier import DIET
    from rasa.utils.tensorflow.models import RasaModel

    rasa_fixes.install()
    assert DIET.load.__func__ is rasa_fixes._load_model
    assert RasaModel.load.__func__ is rasa_fixes._rasa_model_load
