"""Answering "what help is there near me?": place → directory search → reply.

Actions call these functions with slot values and the action server's one
:class:`~bot.directory.service.Directory` (``actions.directory()``), and send the
response name and variables they return; all the words are in domain.yml (and
the directory data, for the details of each service).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.exc import SQLAlchemyError

from bot.directory.places import Place, PlaceMatch
from bot.directory.queries import SearchResult, ServiceCard
from bot.directory.schedule import opening_status
from bot.directory.service import Directory

PAGE_SIZE = 3
LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class PlaceCheck:
    """What the location form should do with the parent's answer."""

    value: str | None  # the slot value to keep; None asks again
    nation: str | None = None
    place_id: str | None = None  # the place's stable id (slot place_id), once resolved
    response: str | None = None  # a response to send first
    variables: dict[str, Any] = field(default_factory=dict)
    options: tuple[str, ...] = ()  # button titles (sent as the parent's next message)


def check_place(text: str, place_id: str | None = None, *, directory: Directory) -> PlaceCheck:
    """Decide whether an answer to "where do you live?" can be searched.

    ``place_id`` is the place the NLU already resolved in this message (slot
    ``place_id``): when ``text`` is that place's name it is kept as it is, so a
    place is resolved once ("Walton, Powys" stays the Walton in Powys).
    """
    gazetteer = directory.gazetteer
    known = gazetteer.get(place_id) if place_id else None
    names = (known.name.lower(), (known.welsh_name or "").lower()) if known is not None else ()
    if known is not None and str(text).strip().lower() in names:
        return PlaceCheck(value=known.name, nation=known.nation, place_id=known.id)
    match: PlaceMatch = gazetteer.resolve(text)
    if match.status in ("online", "anywhere"):
        return PlaceCheck(value=match.status)
    if match.status in ("found", "outside") and match.place is not None:
        return PlaceCheck(value=match.place.name, nation=match.place.nation, place_id=match.place.id)
    if match.status == "ambiguous" and match.candidates:
        return PlaceCheck(
            value=None,
            response="utter_place_ambiguous",
            variables={"name": match.candidates[0].name},
            options=tuple(_label(place) for place in match.candidates[:4]) + ("online",),
        )
    if match.suggestion:
        # Never repeat what the parent typed: it may hold a phone number or an address.
        return PlaceCheck(
            value=None,
            response="utter_place_suggestion",
            variables={"suggestion": match.suggestion},
            options=(match.suggestion, "online"),
        )
    return PlaceCheck(value=None, response="utter_place_unknown")


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


def card_payload(card: ServiceCard, now: datetime, language: str | None) -> dict[str, Any]:
    """One service card for the payload, with whether it is open now (Europe/London)."""
    payload = card.as_payload()
    if language == "cy":
        payload["name"] = card.name_cy or card.name
        payload["description"] = card.description_cy or card.description
    opening = opening_status(card.schedules, now, "cy" if language == "cy" else "en")
    if opening:
        payload["opening"] = opening
        payload["schedule"] = ""  # the status says it, in the parent's language
    return payload


def _reply(
    response: str, place: str, result: SearchResult, language: str | None = None, now: datetime | None = None
) -> SearchReply:
    """The reply: an introduction (the response) and the card payload, the only copy of the services."""
    moment = now or datetime.now(LONDON)
    payload = {
        "type": "services",
        "language": "cy" if language == "cy" else "en",
        "services": [card_payload(card, moment, language) for card in result.services],
        "offset": result.offset,
        "more": result.has_more,
        "local": result.local,
    }
    return SearchReply(
        response=response,
        variables={"place": place},
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
    language: str | None = None,
    place_id: str | None = None,
    directory: Directory,
) -> SearchReply:
    """Find up to three services for a place (or online), from `offset`.

    ``place_id`` (slot ``place_id``) is the place as resolved when the parent
    named it; the text ``location`` is resolved only when there is no id for it.
    The parent's need (from the topic, through the taxonomy) decides the results.
    The reply says honestly when nothing local fits that need and offers national
    services for it instead. Raises SQLAlchemyError if the directory is down.
    """
    gazetteer = directory.gazetteer
    known = gazetteer.get(place_id) if place_id else None
    if known is not None and location == known.name:
        # Resolved once (NLU or form) and kept as an id: never resolved again here.
        status = "outside" if known.outside else "found"
        match: PlaceMatch | None = PlaceMatch(status, known, (), None, location)
    else:
        match = gazetteer.resolve(location) if location else None
    place = match.place if match is not None and match.status in ("found", "outside") else None
    # The gazetteer already reads "online", "anywhere", "skip", "don't mind" ...
    online = mode == "online" or match is None or match.status in ("online", "anywhere")
    if place is not None:
        result = directory.find_services(
            place, role=role, need=topic, mode=mode, offset=offset, limit=PAGE_SIZE
        )
    elif online:
        result = directory.find_services(
            None, role=role, need=topic, mode="online", offset=offset, limit=PAGE_SIZE
        )
    else:
        result = directory.national_services(role=role, need=topic, limit=PAGE_SIZE)
    if not result.services:
        return SearchReply("utter_no_more_results", {}, None, offset, False)
    label = directory.taxonomy.label(result.need, language).lower() if result.need else ""
    name = place.name if place is not None else location or ""
    if result.need and not result.need_found:
        reply = _reply("utter_services_need_unmet", name, result, language)
        reply.variables["need"] = label
        return reply
    if place is not None and place.outside:
        return _reply("utter_place_outside", place.name, result, language)
    if place is None and online:
        return _reply("utter_services_online", "online", result, language)
    if place is None:
        return _reply("utter_services_national", name, result, language)
    if not result.local:
        if result.need and not offset:
            reply = _reply("utter_services_none_local_for_need", place.name, result, language)
            reply.variables["need"] = label
            return reply
        return _reply("utter_services_national", place.name, result, language)
    if offset:
        return _reply("utter_services_list", place.name, result, language)
    return _reply("utter_services_found", place.name, result, language)


__all__ = ["Directory", "PlaceCheck", "SQLAlchemyError", "SearchReply", "check_place", "search"]
