"""The project's spaCy pipeline and the deterministic entity extractor."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from spacy.language import Language

from bot.directory.places import load_gazetteer
from bot.nlu.extractors import ProjectEntityExtractor
from bot.nlu.spacy_nlp import build_nlu_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlu_pipeline()


def extract(nlp: Language, text: str, intent: str = "find_support", entities: list | None = None) -> dict:
    message = Message(
        data={TEXT: text, INTENT: {"name": intent, "confidence": 0.9}, ENTITIES: entities or []}
    )
    message.set(SPACY_DOCS[TEXT], nlp(text.lower()))
    ProjectEntityExtractor(load_gazetteer()).process([message])
    return {e["entity"]: e["value"] for e in message.get(ENTITIES)}


def test_pipeline_is_blank_english_with_lemmas_and_a_place_ruler(nlp: Language) -> None:
    assert nlp.pipe_names == ["lemmatizer", "entity_ruler"]
    doc = nlp("groups for mums in aberhonddu")
    assert [t.lemma_ for t in doc][:3] == ["group", "for", "mum"]
    assert [(e.text, e.label_) for e in doc.ents] == [("aberhonddu", "PLACE")]


@pytest.mark.parametrize(
    ("text", "location", "nation"),
    [
        ("groups for mums with PND in Brecon", "Brecon", "wales"),
        ("anything near MK", "Milton Keynes", "england"),
        ("I live in Llandrindod", "Llandrindod Wells", "wales"),
        ("my postcode is LD3 7HR", "LD3", "wales"),
        ("Aberhonddu", "Brecon", "wales"),
        ("Y Drenewydd", "Newtown", "wales"),
        ("we're in olney", "Olney", "england"),
    ],
)
def test_known_places_become_canonical_location_and_nation(
    nlp: Language, text: str, location: str, nation: str
) -> None:
    found = extract(nlp, text)
    assert (found["location"], found["nation"]) == (location, nation)


def test_a_known_place_replaces_dietS_partial_guess(nlp: Language) -> None:
    diet = [{"entity": "location", "value": "Drenewydd", "start": 2, "end": 11}]
    assert extract(nlp, "Y Drenewydd", entities=diet) == {
        "location": "Newtown",
        "nation": "wales",
        "place_id": "town:newtown:powys",
    }


def test_an_unknown_place_from_diet_is_kept(nlp: Language) -> None:
    diet = [{"entity": "location", "value": "Timbuktu", "start": 10, "end": 18}]
    assert extract(nlp, "I live in Timbuktu", entities=diet) == {"location": "Timbuktu"}


@pytest.mark.parametrize("intent", ["ask_low_mood", "ask_attachment", "ask_infant_mental_health"])
def test_questions_without_a_topic_get_the_general_topic(nlp: Language, intent: str) -> None:
    assert extract(nlp, "tell me more", intent=intent) == {"topic": "general"}


def test_a_topic_found_by_diet_is_kept(nlp: Language) -> None:
    diet = [{"entity": "topic", "value": "circle_of_security", "start": 8, "end": 26}]
    assert extract(nlp, "what is circle of security", intent="ask_attachment", entities=diet) == {
        "topic": "circle_of_security"
    }


@pytest.mark.parametrize(
    ("text", "diet", "topic"),
    [
        # DIET's span can be wrong; the named topic wins.
        ("what does good enough parenting mean", [("topic", "enough parenting", 10, 26)], "good_enough"),
        ("what is circle of security", [], "circle_of_security"),
        ("I don't feel any bond with my baby", [], "bonding"),
        ("is PND the same as the baby blues", [], "postnatal_depression"),
        ("what are adverse childhood experiences", [("topic", "aces", 9, 38)], "aces"),
    ],
)
def test_a_named_topic_becomes_the_contract_value(nlp: Language, text: str, diet: list, topic: str) -> None:
    entities = [{"entity": n, "value": v, "start": s, "end": e} for n, v, s, e in diet]
    assert extract(nlp, text, intent="ask_attachment", entities=entities)["topic"] == topic


def test_values_outside_the_contract_are_dropped(nlp: Language) -> None:
    diet = [
        {"entity": "topic", "value": "sleep", "start": 0, "end": 5},
        {"entity": "role", "value": "my neighbour", "start": 6, "end": 18},
    ]
    assert extract(nlp, "sleep my neighbour", intent="ask_low_mood", entities=diet) == {"topic": "general"}


def test_a_contract_role_from_diet_is_kept(nlp: Language) -> None:
    diet = [{"entity": "role", "value": "dad", "start": 5, "end": 8}]
    assert extract(nlp, "im a dad", entities=diet) == {"role": "dad"}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("i'm a nurse in bletchley and want to understand infant mental health", "professional"),
        ("I'm a health visitor, which groups can I refer families to", "professional"),
        ("im a new dad and struggling", "dad"),
        ("are there groups for dads near MK", "dad"),
        ("I'm the baby's grandad", "family"),
        ("my wife has the baby blues really badly", "partner"),
        ("my girlfriend is struggling since the birth", "partner"),
        ("my daughter has just had a baby and isn't herself", "family"),
        ("my sister has pnd, where can she get help", "family"),
        ("I'm a foster carer for a 6 week old", "carer"),
        ("groups for mums in Brecon", "mum"),
    ],
)
def test_roles_from_clear_phrasings(nlp: Language, text: str, role: str) -> None:
    assert extract(nlp, text).get("role") == role


@pytest.mark.parametrize(
    "text",
    [
        "is there a mums matter group near brecon",  # a service, not the writer
        "my daughter has colic",  # the baby
        "my dad died before the baby was born",
        "will this be shared with my health visitor",
    ],
)
def test_no_role_where_the_text_does_not_say_one(nlp: Language, text: str) -> None:
    assert "role" not in extract(nlp, text)


def test_a_role_in_the_text_replaces_dietS_guess(nlp: Language) -> None:
    diet = [{"entity": "role", "value": "mum", "start": 0, "end": 2}]
    assert extract(nlp, "im a dad", entities=diet)["role"] == "dad"


def test_contract_values_match_the_domain_and_the_synonyms() -> None:
    import yaml

    from bot.nlu.extractors import ROLES, SYNONYMS, TOPICS

    domain = yaml.safe_load(Path("domain.yml").read_text(encoding="utf-8"))
    assert set(domain["slots"]["role"]["values"]) == ROLES
    names = {item["synonym"] for item in yaml.safe_load(SYNONYMS.read_text(encoding="utf-8"))["nlu"]}
    assert names - ROLES == TOPICS


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("can my husband get postnatal depression", "dads_depression"),
        ("will social services get involved if i say", "fear_of_losing_baby"),
        ("when does pnd usually start", "pnd_timing"),
        ("will my rubbish childhood affect how i parent", "aces"),
        ("how does attachment develop", "attachment"),
        ("my baby wont settle at night", "crying_sleep"),
        ("any parenting courses in brecon", "parenting"),
        ("my health visitor said try a baby group", "parent_baby_groups"),  # a route to help loses to a need
    ],
)
def test_topics_named_by_a_concept(text: str, topic: str) -> None:
    from bot.nlu.extractors import ProjectEntityExtractor

    _, named = ProjectEntityExtractor._topics_and_roles(text, [])
    assert [e["value"] for e in named if e["entity"] == "topic"] == [topic]
