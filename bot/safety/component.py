"""Rasa NLU component: the deterministic risk detector on the RAW message text.

Placed after the intent classifier and FallbackClassifier in config.yml, so a lexicon
hit overrides both. Rasa appends ``RegexMessageHandler`` as the last NLU node;
it replaces the intent of any text starting with ``/<known intent>``. When risk
is found in such a text we remove the leading command from the message TEXT so
the handler leaves ``crisis`` alone (the tracker keeps the original text).
"""

from __future__ import annotations

import logging
import pickle
import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.language import WELSH
from bot.language import detect as detect_language
from bot.safety import model as risk_model
from bot.safety.conversation import recent_texts
from bot.safety.detector import RiskFinding, assess, everyday_idiom, strip_command, warm_up

logger = logging.getLogger(__name__)

CRISIS_INTENT = "crisis"
NEGATED_INTENT = "risk_negated"
EXTRACTOR = "RiskDetector"
# Intents where a risk signal below the gentle threshold still gets the gentle
# check: the NLU could not place the message. (Low mood is placed: its answer
# already gives routes to help, and low mood without risk is the commonest
# everyday message a gentle check would wrongly alarm.)
DISTRESS_INTENTS = {"nlu_fallback", "out_of_scope"}
# NLU examples that are not taken as everyday (negative) examples for the risk model:
# negations and corrections of risk.
NOT_NEGATIVES = frozenset({"risk_negated", "crisis_misunderstood"})
_MODEL_FILE = "risk_model.pkl"
# The model does not judge fragments: a word or two carries too little to weigh
# ("my boyfriend", "I don't know"); the rules still read every message.
MIN_MODEL_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _entity(name: str, value: str) -> dict[str, Any]:
    return {
        "entity": name,
        "value": value,
        "start": 0,
        "end": 0,
        "extractor": EXTRACTOR,
        "confidence_entity": 1.0,
    }


def apply_finding(message: Message, finding: RiskFinding) -> None:
    """Set intent, ranking and entities on ``message`` for a detector finding."""
    intent = NEGATED_INTENT if finding.negated else CRISIS_INTENT
    ranking = [r for r in (message.get(INTENT_RANKING_KEY) or []) if r.get(INTENT_NAME_KEY) != intent]
    message.set(INTENT, {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}, add_to_output=True)
    message.set(
        INTENT_RANKING_KEY,
        [{INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}, *ranking],
        add_to_output=True,
    )
    # Drop anything else claiming our entities (e.g. the CRF entity extractor) so the slots come from here.
    entities = [
        e for e in (message.get(ENTITIES) or []) if e.get("entity") not in {"risk_category", "risk_detail"}
    ]
    if finding.negated:
        entities.append(_entity("risk_detail", "negated"))
    else:
        entities.append(_entity("risk_category", finding.category))
        if finding.about_other:
            entities.append(_entity("risk_detail", "other_person"))
        elif finding.category == "C3" and finding.detail in {"intrusive", "intent"}:
            entities.append(_entity("risk_detail", finding.detail))
        else:
            entities.append(_entity("risk_detail", "self"))
    message.set(ENTITIES, entities, add_to_output=True)


# A button payload: "/intent", "/intent@0.9" or "/intent{...}" and nothing else.
BUTTON_PAYLOAD = re.compile(r"/[A-Za-z_][\w-]*(?:@[0-9.]+)?(?:\{.*\})?", re.S)


def keep_free_text_out_of_the_command_parser(message: Message, raw: str) -> None:
    """Let only real button payloads reach Rasa's "/intent" parser.

    Typed text that merely starts with "/" ("/ I feel awful") would be parsed as
    an unknown intent, and Rasa's warning about it quotes the whole message into
    the log. The intent classifier has already read the text, so dropping the slash loses
    nothing.
    """
    stripped = raw.strip()
    if stripped.startswith("/") and not BUTTON_PAYLOAD.fullmatch(stripped):
        message.set(TEXT, stripped.lstrip("/"))


def mark_unclear(message: Message, category: str | None) -> None:
    """Maybe a disclosure: ask gently, with the numbers for the likeliest category.

    The rules found nothing, so the reply checks whether the parent is safe
    instead of treating a maybe as a disclosure (hazard H8: over-triggering).
    """
    ranking = [r for r in (message.get(INTENT_RANKING_KEY) or []) if r.get(INTENT_NAME_KEY) != CRISIS_INTENT]
    message.set(INTENT, {INTENT_NAME_KEY: CRISIS_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}, add_to_output=True)
    message.set(
        INTENT_RANKING_KEY,
        [{INTENT_NAME_KEY: CRISIS_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}, *ranking],
        add_to_output=True,
    )
    entities = [
        e for e in (message.get(ENTITIES) or []) if e.get("entity") not in {"risk_category", "risk_detail"}
    ]
    extra = [_entity("risk_category", category)] if category else []
    message.set(ENTITIES, [*entities, *extra, _entity("risk_detail", "unclear")], add_to_output=True)


def _intent_name(message: Message) -> str | None:
    return (message.get(INTENT) or {}).get(INTENT_NAME_KEY)


def set_aside_crisis(message: Message) -> None:
    """Replace the intent classifier's crisis guess with the next best intent.

    For everyday idioms the lexicon knows ("teething is killing me"), and when
    the trained risk model gives the message a low risk score: a real
    disclosure in the same message is a rule finding and never reaches here.
    """
    # The next best intent, unless it answers a crisis reply that was never given
    # ("no, I'm fine", "you misunderstood"): then the NLU could not place it.
    left_out = {CRISIS_INTENT, *NOT_NEGATIVES}
    ranking = [r for r in (message.get(INTENT_RANKING_KEY) or []) if r.get(INTENT_NAME_KEY) not in left_out]
    best = ranking[0] if ranking else {INTENT_NAME_KEY: "nlu_fallback", PREDICTED_CONFIDENCE_KEY: 1.0}
    message.set(INTENT, dict(best), add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
    logger.debug("classifier-only crisis set aside")


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class RiskDetector(GraphComponent, IntentClassifier):
    """Marks messages that disclose risk as intent ``crisis`` (or ``risk_negated``).

    Three views of the raw text, most certain first:

    1. the rules (``detector.assess``), on the message and on the message joined
       to the parent's previous turns (from the stored conversation, see
       ``bot.safety.conversation``): a finding is a disclosure, unless the
       model gives it under ``second_opinion`` (then the gentle check; and
       when the message marks itself as a joke, the finding is set aside and
       the model alone decides: both views read no disclosure);
    2. the trained risk model (``model.RiskModel``): at or above
       ``full_threshold`` a disclosure of its likeliest category, at or above
       ``gentle_threshold`` the gentle check with that category's numbers;
    3. the distress safety net: a message the NLU could not place (fallback,
       out of scope), placed as low mood, or that the intent classifier calls a crisis gets the
       gentle check when the model's score reaches ``distress_threshold`` -
       never "Sorry, I can't help".
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Thresholds on the model's risk probability (chosen on held-out training data)."""
        return {
            "full_threshold": 0.995,
            "gentle_threshold": 0.65,
            "distress_threshold": 0.6,
            "short_words": 8,
            "short_threshold": 0.8,
            "second_opinion": 0.2,
        }

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """Retrain when the risk model's own training files change."""
        return risk_model.fingerprint()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RiskDetector:
        """Create the component (untrained) and build the lexicon once."""
        warm_up()
        return cls(None, config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> RiskDetector:
        """Load the trained risk model saved by ``train``."""
        warm_up()
        model = None
        try:
            with model_storage.read_from(resource) as folder:
                model = pickle.loads((folder / _MODEL_FILE).read_bytes())  # noqa: S301 - our own model file
        except (ValueError, FileNotFoundError):
            logger.warning("risk model not found in the trained model: rules only")
        return cls(model, config, model_storage, resource)

    def __init__(
        self,
        model: risk_model.RiskModel | None = None,
        config: dict[str, Any] | None = None,
        model_storage: ModelStorage | None = None,
        resource: Resource | None = None,
    ) -> None:
        self._model = model
        self._config = {**self.get_default_config(), **(config or {})}
        self._storage = model_storage
        self._resource = resource

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the risk model on its own files plus the NLU examples, and persist it."""
        examples = risk_model.load_examples()
        for message in training_data.intent_examples:
            intent = message.get(INTENT)
            text = message.get(TEXT) or ""
            if intent == CRISIS_INTENT:
                finding = assess(text)
                category = finding.category if finding and not finding.negated else "C1"
                examples.append(risk_model.Example(text, category))
            elif intent not in NOT_NEGATIVES and detect_language(text) != WELSH:
                # Welsh negatives come only from the model's own Welsh everyday file, chosen
                # beside its Welsh risk lines: the NLU's thousands of Welsh lines would
                # outweigh those and teach the model that Welsh is not risk.
                examples.append(risk_model.Example(text, None))
        self._model = risk_model.RiskModel.train(examples)
        if self._storage is not None and self._resource is not None:
            with self._storage.write_to(self._resource) as folder:
                (folder / _MODEL_FILE).write_bytes(pickle.dumps(self._model))
        assert self._resource is not None
        return self._resource

    def _score(self, texts: list[str]) -> list[risk_model.RiskScore] | None:
        return self._model.score_many(texts) if self._model is not None else None

    def process(self, messages: list[Message]) -> list[Message]:
        """Assess each message's raw text; see the class docstring."""
        for message in messages:
            raw = message.get(TEXT) or ""
            recent = recent_texts(message)
            finding = assess(raw, previous=" ".join(recent) if recent else None)
            if finding is not None:
                logger.debug(
                    "risk rule=%s category=%s negated=%s certain=%s",
                    finding.rule,
                    finding.category,
                    finding.negated,
                    finding.certain,
                )
                if self._joke_set_aside(finding, raw, recent):
                    logger.debug("risk rule set aside: a joke the model scores under second_opinion")
                else:
                    if finding.certain and (finding.negated or self._model_agrees(raw, recent)):
                        apply_finding(message, finding)
                    else:
                        mark_unclear(message, finding.category)
                    if raw.lstrip().startswith("/"):
                        message.set(TEXT, strip_command(raw.lstrip()))
                    continue
            self._model_view(message, raw, recent)
            keep_free_text_out_of_the_command_parser(message, raw)
        return messages

    def _joke_set_aside(self, finding: RiskFinding, raw: str, recent: list[str]) -> bool:
        """A joke ("i'd rather die lol") that the model too reads as no disclosure.

        Both views say so: the finding is set aside and the model view decides.
        A joke's finding is never certain (``assess``), so only uncertain ones
        are asked; a message that is not a joke is never set aside.
        """
        return (
            not finding.certain
            and not finding.negated
            and finding.joke
            and not self._model_agrees(raw, recent)
        )

    def _model_agrees(self, raw: str, recent: list[str]) -> bool:
        """The trained model's second opinion on a rule's finding, before the full reply.

        When the model gives the message (alone or joined to the earlier turns)
        almost no chance of being a disclosure (under ``second_opinion``), the
        rule probably read an idiom, someone else's past or a bereavement: the
        parent gets the gentle check with the numbers instead of the full reply
        (hazard H8). Never dismissed: the numbers are always given. A message
        under ``short_words`` keeps the rule's full reply ("kms").
        """
        if self._model is None or self._config["second_opinion"] <= 0:
            return True
        if _words(raw) < self._config["short_words"]:
            return True  # a few words are too little for the model to overrule a rule
        texts = [raw, " ".join([*recent, raw])] if recent else [raw]
        scores = self._score(texts) or []
        return max((s.p_risk for s in scores), default=1.0) >= self._config["second_opinion"]

    def _model_view(self, message: Message, raw: str, recent: list[str]) -> None:
        """No rule fired: the trained model and the distress safety net decide."""
        if BUTTON_PAYLOAD.fullmatch(raw.strip()):
            return  # a button: Rasa's command parser sets its intent after this component
        intent = _intent_name(message)
        if self._model is None:  # no trained model (unit tests of the rules): the old behaviour
            if intent == CRISIS_INTENT:
                set_aside_crisis(message) if everyday_idiom(raw) else mark_unclear(message, None)
            return
        # Score only the texts that can decide (the same result as scoring all three):
        # a message under MIN_MODEL_WORDS counts as p = 0, whose category no
        # threshold above 0 ever reads (the debug log does); the turns joined
        # count only from MIN_MODEL_WORDS words, and the earlier turns alone only
        # beside the joined text.
        words = _words(raw)
        own = words >= MIN_MODEL_WORDS or self._category_of_zero_read()
        together = " ".join([*recent, raw]) if recent else ""
        with_recent = bool(recent) and _words(together) >= MIN_MODEL_WORDS
        texts = ([raw] if own else []) + ([together, " ".join(recent)] if with_recent else [])
        scores = self._score(texts) if texts else []
        assert scores is not None
        if own:
            first = scores.pop(0)
            best = first if words >= MIN_MODEL_WORDS else risk_model.RiskScore(0.0, first.category)
        else:
            best = _UNSCORED
        if with_recent:
            joined, before = scores
            # Only together: the earlier turns alone were not a disclosure (they were answered).
            if joined.p_risk > best.p_risk and before.p_risk < self._config["gentle_threshold"]:
                best, words = joined, _words(together)
        p = best.p_risk
        # A few words carry little evidence ("I don't know", "she's been sick all
        # morning"): under short_words the model needs short_threshold to ask.
        few = words < self._config["short_words"]
        gentle = max(self._config["gentle_threshold"], self._config["short_threshold"] if few else 0.0)
        distress = max(self._config["distress_threshold"], self._config["short_threshold"] if few else 0.0)
        logger.debug("risk model p=%.3f category=%s", p, best.category)
        if p >= self._config["full_threshold"] and not everyday_idiom(raw):
            apply_finding(
                message,
                RiskFinding(
                    best.category, (best.category,), _model_detail(best.category), False, False, "model"
                ),
            )
        elif p >= gentle or p >= distress and (intent in DISTRESS_INTENTS or intent == CRISIS_INTENT):
            mark_unclear(message, best.category)
        elif intent == CRISIS_INTENT:
            set_aside_crisis(message)

    def _category_of_zero_read(self) -> bool:
        """Whether a score of 0's category can be read: a threshold at 0, or the debug log."""
        thresholds = ("full_threshold", "gentle_threshold", "distress_threshold")
        return min(self._config[t] for t in thresholds) <= 0 or logger.isEnabledFor(logging.DEBUG)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Nothing to add to the training data."""
        return training_data


# The score of a message too short for the model when it was not scored: p = 0
# is below every threshold (see _category_of_zero_read), so its category is never read.
_UNSCORED = risk_model.RiskScore(0.0, "")


def _model_detail(category: str) -> str | None:
    # The model does not tell unwanted thoughts from intent: a C3 finding from it
    # gets the emergency wording only through the rules; the model's gets "intent"
    # contacts (999 first) but is said as a check, see mark_unclear.
    return "intent" if category == "C3" else None
