"""Answering "what help is there near me?": place → directory search → reply.

Actions call these functions with slot values and send the response name and
variables they return; all the words are in domain.yml (and the directory
data, for the details of each service).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from bot.db import make_engine, make_session_factory
from bot.directory.places import Place, PlaceMatch, load_gazetteer
from bot.directory.queries import SearchResult, ServiceCard, find_services, national_services
from bot.settings import get_settings, resolve_sqlite_url

PAGE_SIZE = 3
# Topics parents mention that are also directory needs (taxonomy terms).
TOPIC_NEEDS = {
    "postnatal_depression": "postnatal_depression",
    "baby_blues": "low_mood",
    "anxiety": "anxiety",
    "loneliness": "loneliness",
    "bonding": "bonding",
    "attachment": "attachment",
    "circle_of_security": "attachment",
    "infant_mental_health": "infant_mental_health",
    "mums_matter": "postnatal_depression",
}


@lru_cache(maxsize=4)
def _sessions(url: str) -> sessionmaker:
    return make_session_factory(make_engine(resolve_sqlite_url(url)))


def directory_sessions() -> sessionmaker:
    """The directory's session factory, created on first use and then reused."""
    return _sessions(get_settings().directory_db_url)


@dataclass(frozen=True)
class PlaceCheck:
    """What the location form should do with the parent's answer."""

    value: str | None  # the slot value to keep; None asks again
    nation: str | None = None
    response: str | None = None  # a response to send first
    variables: dict[str, Any] = field(default_factory=dict)
    options: tuple[str, ...] = ()  # button titles (sent as the parent's next message)


def check_place(text: str) -> PlaceCheck:
    """Decide whether an answer to "where do you live?" can be searched."""
    match: PlaceMatch = load_gazetteer().resolve(text)
    if match.status in ("online", "anywhere"):
        return PlaceCheck(value=match.status)
    if match.status in ("found", "outside") and match.place is not None:
        return PlaceCheck(value=match.place.name, nation=match.place.nation)
    if match.status == "ambiguous" and match.candidates:
        return PlaceCheck(
            value=None,
            response="utter_place_ambiguous",
            variables={"query": match.query},
            options=tuple(_label(place) for place in match.candidates[:4]) + ("online",),
        )
    if match.suggestion:
        return PlaceCheck(
            value=None,
            response="utter_place_suggestion",
            variables={"query": match.query, "suggestion": match.suggestion},
            options=(match.suggestion, "online"),
        )
    return PlaceCheck(value=None, response="utter_place_unknown", variables={"query": match.query or text})


def _label(place: Place) -> str:
    area = place.authority or place.subarea
    return f"{place.name}, {area}" if area and area != place.name else place.name


@dataclass(frozen=True)
class SearchReply:
    """The reply to a search: a response name, its variables and the cards."""

    response: str
    variables: dict[str, Any]
    payload: dict[str, Any] | None
    offset: int
    has_more: bool


def service_text(number: int, card: ServiceCard) -> str:
    """One service as plain text, for channels that do not draw cards."""
    contact = " · ".join(
        part for part in (card.phone and f"call {card.phone}", card.email, card.url) if part
    )
    title = card.name if card.organisation in card.name else f"{card.name} ({card.organisation})"
    lines = [
        f"{number}. {title}",
        card.description,
        f"For: {card.audience}",
        f"Contact: {contact}" if contact else "",
        f"Cost: {card.cost} · {card.mode}",
        f"When: {card.schedule}" if card.schedule else "",
    ]
    return "\n".join(line for line in lines if line)


def _reply(response: str, place: str, result: SearchResult) -> SearchReply:
    text = "\n\n".join(
        service_text(result.offset + i + 1, card) for i, card in enumerate(result.services)
    )
    payload = {
        "type": "services",
        "services": [card.as_payload() for card in result.services],
        "more": result.has_more,
        "local": result.local,
    }
    return SearchReply(
        response=response,
        variables={"place": place, "services_text": text},
        payload=payload,
        offset=result.offset,
        has_more=result.has_more,
    )


def search(
    location: str | None,
    *,
    role: str | None = None,
    topic: str | None = None,
    mode: str | None = None,
    offset: int = 0,
) -> SearchReply:
    """Find up to three services for a place (or online), from `offset`.

    Returns a reply that says honestly when nothing local fits and offers
    national services instead. Raises SQLAlchemyError if the directory is down.
    """
    need = TOPIC_NEEDS.get(topic or "")
    match = load_gazetteer().resolve(location) if location else None
    place = match.place if match is not None and match.status == "found" else None
    # The gazetteer already reads "online", "anywhere", "skip", "don't mind" ...
    online = mode == "online" or match is None or match.status in ("online", "anywhere")
    with directory_sessions()() as session:
        if place is not None:
            result = find_services(session, place, role=role, need=need, mode=mode, offset=offset, limit=PAGE_SIZE)
        elif online:
            result = find_services(session, None, role=role, need=need, mode="online", offset=offset, limit=PAGE_SIZE)
        else:
            result = national_services(session, role=role, need=need, limit=PAGE_SIZE)
    if not result.services:
        return SearchReply("utter_no_more_results", {}, None, offset, False)
    if place is None and not online and match is not None and match.place is not None:
        return _reply("utter_place_outside", match.place.name, result)
    if place is None and online:
        return _reply("utter_services_online", "online", result)
    if place is None or not result.local:
        return _reply("utter_services_national", place.name if place else location or "", result)
    if offset:
        return _reply("utter_services_list", place.name, result)
    return _reply("utter_services_found", place.name, result)


__all__ = ["PlaceCheck", "SQLAlchemyError", "SearchReply", "check_place", "search"]
