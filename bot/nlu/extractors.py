"""Deterministic entities on top of the NLU's own: known places, their nation, topics, a default topic.

Places come from the directory's gazetteer (via the spaCy entity ruler for
names, and postcode patterns), so "Aberhonddu", "LD3 7HR" and "near MK" are
always understood and the `nation` slot is set without the action server: the
crisis replies depend on it.

Topics are a closed list (docs/contracts.md) with the surface forms people type
in data/nlu/synonyms.yml: a topic named in the message replaces
the entity extractor's guess, whose span can be wrong ("good enough parenting" -> "enough parenting"). Roles
come from a few unambiguous phrasings ("I'm a dad", "my wife", "my sister has
had a baby", "I'm a health visitor"), which replace the entity extractor's guess; it learnt
roles poorly (held-out F1 0.51). A topic or role value outside the contract is
dropped, so no slot gets a value that no response knows.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.directory.places import Gazetteer, Place, load_gazetteer
from bot.directory.taxonomy import load_taxonomy
from bot.nlu.spacy_nlp import PLACE_LABEL

# Intents whose answer varies by topic; "general" selects the default answer and
# replaces a topic left over from an earlier question.
TOPIC_INTENTS = {"ask_low_mood", "ask_attachment", "ask_infant_mental_health"}
DEFAULT_TOPIC = "general"
# The topics the NLU knows are the keys of the taxonomy's topic map (one home).
TOPICS = frozenset(load_taxonomy().topics)
# Topics that name a route to help rather than a need: another topic in the message wins.
ROUTE_TOPICS = frozenset({"health_visiting", "urgent_health"})
ROLES = frozenset({"mum", "dad", "partner", "carer", "family", "professional"})
SYNONYMS = Path(__file__).resolve().parents[2] / "data" / "nlu" / "synonyms.yml"
CONCEPTS = Path(__file__).resolve().parents[2] / "data" / "topics" / "concepts.yml"

_IM = r"\b(?:i'?m|im|i am)(?: a| an| the| his| her| their| the baby'?s| a new| a first time| a single)?"
_KIN = r"(?:sister|friend|best friend|niece|daughter in law|cousin|mate|granddaughter|sister in law)"
_GRAND = (
    r"(?:(?:great[ -]?)?(?:grandad|granddad|grandpa|grandma|gran|nan|nana|nanna|nanny|granny|grandparent|"
    r"grandmother|grandfather|grampy|grampa|grandpop|grandpops|gramps)|auntie|aunty|aunt|uncle|"
    r"big sister|big brother|older sister|older brother|godmother|godfather|godparent)"
)
# Welsh words for the family, with the soft mutation after "yn" (dwi'n fodryb).
_WELSH_FAMILY = r"(?:nain|taid|mam-?gu|fam-?gu|tad-?cu|dad-?cu|modryb|fodryb|ewythr|wncwl|anti)"
_STEP = r"(?:step[ -]?(?:mum|mam|mom|mother|dad|father|parent))"
_PROFESSION = (
    r"(?:health visitor|midwife|nurse|gp|social worker|practitioner|family support worker|"
    r"perinatal nurse|support worker|doctor|counsellor|therapist)"
)
# Checked in order: what the writer says they are, then whom they write about.
ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern))
    for role, pattern in (
        ("carer", r"^\W*(?P<w>special guardian|kinship carer|foster carer|foster parent)s? (?:for|to|of)\b"),
        (
            "professional",
            rf"{_IM} (?P<w>{_PROFESSION})\b|\bas an? (?P<w2>{_PROFESSION})\b|"
            r"\brefer (?:families|parents|mums|clients)\b",
        ),
        ("dad", rf"{_IM} (?P<w>dad|father|daddy)\b"),
        ("mum", rf"{_IM} (?P<w>mum|mam|mom|mother|mummy)\b"),
        ("partner", rf"{_IM} (?P<w>partner|husband|wife|boyfriend|girlfriend|fiance|fiancee)\b"),
        (
            "carer",
            rf"{_IM} (?P<w>foster carer|foster parent|foster mum|foster dad|kinship carer|special guardian|"
            r"adoptive (?:parent|mum|dad))\b",
        ),
        ("family", rf"{_IM} (?P<w>{_GRAND})\b"),
        (
            "partner",
            rf"{_IM} (?P<w>{_STEP})\b|^\W*(?:the |his |her |their )?(?:baby'?s )?(?P<w2>{_STEP}) here\b",
        ),
        (
            "family",
            rf"^\W*(?:the |his |her |their )?(?:baby'?s )?(?P<w>{_GRAND}) here\b|"
            rf"^\W*(?:the |his |her |their )?baby'?s (?P<w2>{_GRAND})\b",
        ),
        (
            "family",
            rf"\b(?P<w>{_WELSH_FAMILY}) (?:dw i|ydw i|ydw|wyf fi|yw fi)\b|"
            rf"\b(?:dwi'?n|rwy'?n|rydw i'?n) (?P<w2>{_WELSH_FAMILY})\b",
        ),
        ("dad", r"\b(?:fi yw'?r|fi ydy'?r) (?P<w>tad)\b|\b(?P<w2>tad) y babi (?:dw i|ydw i)\b"),
        ("mum", r"\b(?:fi yw'?r|fi ydy'?r) (?P<w>fam|mam)\b|\b(?P<w2>mam) y babi (?:dw i|ydw i)\b"),
        ("dad", r"\b(?P<w>dads|fathers)\b|\b(?:new|first time) (?P<w2>dads?)\b"),
        ("mum", r"\b(?P<w>mums|mams|mothers)\b(?! matter)|\b(?:new|first time) (?P<w2>mums?)\b(?! matter)"),
        # "my partner / husband" is as often a mum writing about the baby's father: left to the entity extractor.
        ("partner", r"\b(?P<w>my (?:wife|girlfriend|gf|missus|fiancee))\b"),
        (
            "family",
            rf"\b(?P<w>my {_KIN})\b|\b(?P<w2>my daughter) (?:(?:has )?(?:just )?had (?:a|her) baby|"
            r"gave birth|isn'?t coping|has pnd|has postnatal depression)|\b(?P<w3>my daughter)'?s (?:new )?baby\b",
        ),
    )
)


@lru_cache(maxsize=1)
def topic_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern of every topic surface form, longest first, and form -> topic.

    A form ending in ``*`` matches any word that starts with it ("breastfe*":
    breastfeed, breastfeeding, breastfed); the map then holds the stem.
    """
    forms = {topic.replace("_", " "): topic for topic in TOPICS}
    for item in yaml.safe_load(SYNONYMS.read_text(encoding="utf-8"))["nlu"]:
        if item.get("synonym") in TOPICS:
            for line in item["examples"].splitlines():
                form = line.strip().removeprefix("- ").strip().lower()
                if form:
                    forms[form] = item["synonym"]
    alternatives = "|".join(
        re.escape(form[:-1]) + r"\w*" if form.endswith("*") else re.escape(form)
        for form in sorted(forms, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), forms


@lru_cache(maxsize=1)
def topic_concepts() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(topic, pattern) for the topics named by a concept (data/topics/concepts.yml)."""
    data = yaml.safe_load(CONCEPTS.read_text(encoding="utf-8")) or {}
    return tuple(
        (topic, re.compile(pattern))
        for topic, patterns in (data.get("concepts") or {}).items()
        if topic in TOPICS
        for pattern in patterns
    )


def named_topics(lowered: str) -> list[tuple[str, int, int]]:
    """Every topic named in the (lower-case) text, as (topic, start, end), in text order."""
    pattern, _ = topic_forms()
    found = [(topic_of(m.group(0)), m.start(), m.end()) for m in pattern.finditer(lowered)]
    for topic, concept in topic_concepts():
        hit = concept.search(lowered)
        if hit:
            found.append((topic, hit.start(), hit.end()))
    return sorted(found, key=lambda item: (item[1], -(item[2] - item[1])))


def topic_of(found: str) -> str:
    """The topic of a surface form found by :func:`topic_forms`' pattern."""
    _, forms = topic_forms()
    if found in forms:
        return forms[found]
    stems = [form for form in forms if form.endswith("*") and found.startswith(form[:-1])]
    return forms[max(stems, key=len)]


def _entity(name: str, value: str, start: int, end: int) -> dict[str, Any]:
    return {"entity": name, "value": value, "start": start, "end": end, "confidence_entity": 1.0}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ProjectEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds canonical `location` and `nation` for known places and a default `topic`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ProjectEntityExtractor:
        return cls(load_gazetteer())

    def places(self, message: Message) -> list[tuple[int, int, Place]]:
        """Known places in the message: ruler matches on names, plus postcodes."""
        text = message.get(TEXT) or ""
        found = []
        doc = message.get(SPACY_DOCS[TEXT])
        for ent in doc.ents if doc is not None else ():
            if ent.label_ == PLACE_LABEL:
                match = self._gazetteer.resolve(text[ent.start_char : ent.end_char])
                if match.place is not None:
                    found.append((ent.start_char, ent.end_char, match.place))
        taken = [(start, end) for start, end, _ in found]
        for start, end, place in self._gazetteer.find_in_text(text):
            if not any(start < t_end and t_start < end for t_start, t_end in taken):
                found.append((start, end, place))
        return sorted(found, key=lambda item: item[0])

    def process(self, messages: list[Message]) -> list[Message]:
        """Rewrite location entities and add nation / topic (see module docstring)."""
        for message in messages:
            entities = list(message.get(ENTITIES, []))
            places = self.places(message)
            added = []
            if places:
                start, end, place = places[0]
                # The known place replaces the extractor's guesses, so the slot gets one clean value.
                entities = [e for e in entities if e["entity"] != "location"]
                added.append(_entity("location", place.name, start, end))
                added.append(_entity("nation", place.nation, start, end))
                added.append(_entity("place_id", place.id, start, end))
            entities, topic = self._topics_and_roles(message.get(TEXT) or "", entities)
            added += topic
            intent = (message.get(INTENT) or {}).get("name")
            if intent in TOPIC_INTENTS and not any(e["entity"] == "topic" for e in entities + added):
                added.append(_entity("topic", DEFAULT_TOPIC, 0, 0))
            message.set(ENTITIES, entities + self.add_extractor_name(added), add_to_output=True)
        return messages

    @staticmethod
    def _topics_and_roles(
        text: str, entities: list[dict[str, Any]]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The entity extractor's entities to keep, and the topic and role named in the text (which replace the extractor's)."""
        lowered = text.lower().replace("\u2019", "'")
        # The first topic named, unless it is only a route to help ("my health
        # visitor said ...") and a more specific topic is named too.
        matches = named_topics(lowered)
        chosen = next((m for m in matches if m[0] not in ROUTE_TOPICS), matches[0] if matches else None)
        named = [_entity("topic", *chosen)] if chosen else []
        for role, role_pattern in ROLE_PATTERNS:
            said = role_pattern.search(lowered)
            if said:
                # The span of the role word itself where the pattern marks it (w, w2, ...).
                group = next((g for g, v in said.groupdict().items() if v), None)
                start, end = said.span(group) if group else said.span()
                named.append(_entity("role", role, start, end))
                break
        # A value named in the text replaces the extractor's; its others must be in the contract.
        contract = {"topic": TOPICS, "role": ROLES}
        replaced = {n["entity"] for n in named}
        kept = [
            e
            for e in entities
            if e["entity"] not in contract
            or (e["entity"] not in replaced and e["value"] in contract[e["entity"]])
        ]
        return kept, named
