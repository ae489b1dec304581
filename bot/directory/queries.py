"""Search the directory: which services fit this parent, here, now.

The directory is small and changes only when it is rebuilt, so its services are
read (eager-loaded) into immutable entries and ranked in Python. The entries are
kept by their owner, :class:`bot.directory.service.Directory`, which reads them
again when the build stamp (:func:`build_token`) changes; a caller that passes no
entries gets them read from its session. This keeps a search well under a
millisecond and behaves the same on PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from bot.directory import models as m
from bot.directory.places import Gazetteer, Place, load_gazetteer
from bot.directory.taxonomy import load_taxonomy

# Area levels, most specific first; WITHIN = the service covers part of the place asked about.
_LEVEL = {"town": 0, "district": 1, "subarea": 2, "authority": 3, "nation": 5, "uk": 6}
WITHIN = 4
_ROLE_FIT = {
    "mum": {"mum", "family"},
    "dad": {"dad", "partner", "family"},
    "partner": {"partner", "dad", "family"},
    "carer": {"carer", "family"},
    "family": {"family", "carer"},
    "professional": {"professional"},
}
# Needs for which a crisis line is the right answer; otherwise crisis lines stay out.
CRISIS_NEEDS = frozenset({"crisis", "domestic_abuse", "child_safety", "psychosis", "urgent_health"})
_MODES = {"online", "group", "one_to_one"}
# How a service is given, as a card says it ("in person or by phone").
_DELIVERY_WORDS = (
    ("in_person", "in person"),
    ("phone", "by phone"),
    ("text", "by text"),
    ("online", "online"),
)
# What "support near me" means when the parent names no need: the perinatal and
# mental health support this service is for, and parents' peer groups.
_GENERAL_NEEDS = ("mental_health", "peer_support", "bonding")
_CORE_NEEDS = frozenset({"perinatal_mental_health", "postnatal_depression", "low_mood", "anxiety"})


@lru_cache(maxsize=1)
def _general() -> frozenset[str]:
    taxonomy = load_taxonomy()
    return frozenset().union(*(taxonomy.narrower(n) for n in _GENERAL_NEEDS)) - {"crisis"}


@dataclass(frozen=True)
class ServiceCard:
    """One service as the bot shows it (see ``docs/contracts.md``)."""

    id: str
    name: str
    organisation: str
    description: str
    audience: str
    phone: str | None
    tel: str | None
    email: str | None
    url: str | None
    cost: str
    mode: str
    schedule: str
    area: str
    kind: str
    source: str
    assured_date: date
    how: str = ""  # how to get it (the directory's application_process)
    name_cy: str | None = None  # Welsh name and description, where the directory has them
    description_cy: str | None = None
    schedules: tuple[dict[str, Any], ...] = ()  # ORUK schedules, for "open now"

    def as_payload(self) -> dict[str, Any]:
        """The service card dict sent in a ``{"type": "services"}`` payload (docs/contracts.md)."""
        keys = (
            "id",
            "name",
            "organisation",
            "description",
            "audience",
            "phone",
            "tel",
            "email",
            "url",
            "cost",
            "mode",
            "schedule",
            "area",
            "how",
        )
        return {k: getattr(self, k) for k in keys}


@dataclass(frozen=True)
class SearchResult:
    """A page of services; ``local`` is False when these are national fallbacks.

    ``need`` is the need searched for (a taxonomy term) and ``need_found`` says
    whether any service meets it; when none does, the services are general ones.
    """

    services: tuple[ServiceCard, ...]
    total: int
    local: bool
    offset: int
    has_more: bool
    need: str | None = None
    need_found: bool = True


@dataclass(frozen=True)
class _Entry:
    card: ServiceCard
    status: str
    audiences: frozenset[str]
    needs: frozenset[str]
    delivery: frozenset[str]
    areas: tuple[tuple[str, str, tuple[str, ...]], ...]  # (name, extent_type, containing areas)
    priority: int


Entries = Mapping[str, _Entry]


def build_token(session: Session) -> str:
    """What identifies this build of the directory: its newest build stamp (a one-row lookup)."""
    return (
        session.scalar(select(m.DirectoryBuild.id).order_by(m.DirectoryBuild.built_at.desc()).limit(1))
        or f"unstamped:{session.scalar(select(func.count(m.Service.id)))}"
    )


def read_entries(session: Session, gazetteer: Gazetteer | None = None) -> dict[str, _Entry]:
    """All services of this database, as the search ranks them (areas placed with ``gazetteer``)."""
    rows = session.scalars(
        select(m.Service)
        .options(
            selectinload(m.Service.organization),
            selectinload(m.Service.phones),
            selectinload(m.Service.schedules),
            selectinload(m.Service.service_areas),
            selectinload(m.Service.taxonomy_terms),
        )
        .order_by(m.Service.id)
    ).all()
    gaz = gazetteer or load_gazetteer()
    return {row.id: _entry(row, gaz) for row in rows}


def _entry(row: m.Service, gaz: Gazetteer) -> _Entry:
    vocab: dict[str, set[str]] = {}
    for t in row.taxonomy_terms:
        vocab.setdefault(t.vocabulary, set()).add(t.term)
    delivery = frozenset(vocab.get("delivery", ()))
    voice = next((p for p in row.phones if p.type == "voice"), None)
    areas = tuple(
        (a.name, a.extent_type or "uk", (place.areas if (place := gaz.area(a.name)) else ()))
        for a in row.service_areas
    )
    mode = " or ".join(words for key, words in _DELIVERY_WORDS if key in delivery) or "online"
    card = ServiceCard(
        id=row.id,
        name=row.name,
        organisation=row.organization.name,
        description=row.description,
        audience=row.eligibility_description,
        phone=voice.number if voice else None,
        tel=re.sub(r"\D", "", voice.number) if voice else None,
        email=row.email,
        url=row.url,
        cost=row.fees_description or "",
        mode=mode,
        schedule=" ".join(s.description for s in row.schedules),
        area=", ".join(a[0] for a in areas),
        kind=next(iter(vocab.get("kind", {""}))),
        source=row.source,
        assured_date=row.assured_date,
        how=row.application_process or "",
        name_cy=row.name_cy,
        description_cy=row.description_cy,
        schedules=tuple(
            {
                "byday": s.byday,
                "opens_at": s.opens_at,
                "closes_at": s.closes_at,
                "freq": s.freq,
                "description": s.description,
            }
            for s in row.schedules
        ),
    )
    return _Entry(
        card,
        row.status,
        frozenset(vocab.get("audience", ())),
        frozenset(vocab.get("need", ())),
        delivery,
        areas,
        row.priority,
    )


def _level(entry: _Entry, place: Place | None) -> int | None:
    """How specifically ``entry`` covers ``place`` (lower is closer); None if it does not."""
    best: int | None = None
    for name, extent_type, chain in entry.areas:
        level = _LEVEL.get(extent_type, 6)
        if place is None:
            hit = level if level >= _LEVEL["nation"] else None
        elif name in place.areas:
            hit = level
        elif not place.outside and place.kind in ("authority", "subarea", "district"):
            hit = WITHIN if place.name in chain[1:] else None
        else:
            hit = None
        if hit is not None and (best is None or hit < best):
            best = hit
    return best


def _allowed(
    e: _Entry, role: str | None, need: str | None, mode: str | None, include_professional: bool
) -> bool:
    if e.status != "active":
        return False
    if e.audiences == {"professional"} and not (role == "professional" or include_professional):
        return False  # never offer a professionals' network as a parent's support
    if "crisis" in e.needs and not (need in CRISIS_NEEDS and (need == "crisis" or need in e.needs)):
        return False  # crisis lines come from the safety replies, not "local support"
    if mode == "online":
        return bool(e.delivery & {"online", "phone"})
    if mode == "group":
        return e.card.kind in ("group", "course")
    if mode == "one_to_one":
        return e.card.kind == "one_to_one"
    return True


def _audience_rank(e: _Entry, role: str | None) -> int:
    if role is None:
        return 0
    if role in e.audiences:
        return 0 if len(e.audiences) <= 2 else 1  # services made for this role first
    return 2 if e.audiences & _ROLE_FIT.get(role, set()) else 3


def _general_rank(e: _Entry) -> int:
    """Without a need: parents' mental health first, then groups and bonding, other help after."""
    if e.needs & _CORE_NEEDS:
        return 0
    return 1 if e.needs & _general() else 2


def _need_rank(e: _Entry, need: str | None) -> int:
    """0 when the service is tagged with the need itself, 1 for a narrower term."""
    return 0 if need is None or need in e.needs else 1


def find_services(
    session: Session,
    place: Place | None,
    *,
    role: str | None = None,
    need: str | None = None,
    mode: str | None = None,
    offset: int = 0,
    limit: int = 3,
    include_professional: bool = False,
    entries: Entries | None = None,
) -> SearchResult:
    """Find services for a parent, local ones first, then national ones.

    Args:
        session: An open session (the caller owns it).
        place: A resolved place, or None when the parent gave none.
        role: mum, dad, partner, carer, family or professional.
        need: A need term or NLU topic (e.g. "postnatal_depression", "baby_blues",
            "crisis"); crisis lines appear only for crisis-type needs.
        mode: "online", "group" or "one_to_one" to filter; None for all.
        offset: How many results were already shown (paging).
        limit: Page size.
        include_professional: Also offer services meant for professionals.
        entries: The directory's services as its owner keeps them
            (:meth:`bot.directory.service.Directory.entries`); read from ``session`` if None.

    Returns:
        A SearchResult. ``local`` is False when nothing covers the place itself
        (or no place was given): the services are then national fallbacks.
    """
    if mode is not None and mode not in _MODES:
        raise ValueError(f"unknown mode {mode!r}")
    taxonomy = load_taxonomy()
    need_term = taxonomy.need_for(need)
    wanted = taxonomy.narrower(need_term) if need_term else None
    services = read_entries(session) if entries is None else entries
    allowed = [e for e in services.values() if _allowed(e, role, need_term, mode, include_professional)]
    need_found = True
    if wanted is not None:
        fitting = [e for e in allowed if e.needs & wanted]
        # The need decides the results; only when no service anywhere meets it are
        # general services shown (and the reply says so).
        need_found = any(_level(e, place) is not None for e in fitting)
        if need_found:
            allowed = fitting
    ranked: list[tuple[tuple[Any, ...], ServiceCard]] = []
    any_local = False
    for e in allowed:
        # No place given: only services that serve everyone in a nation or the UK.
        level = _level(e, place)
        if level is None:
            continue
        is_local = level <= WITHIN and place is not None and not place.outside
        any_local |= is_local
        aud = _audience_rank(e, role)
        fit = _need_rank(e, need_term) if need_term and need_found else _general_rank(e)
        key = (0, aud, fit, level, e.priority) if is_local else (1, aud, fit, e.priority, level)
        # When the need is risk, the lines for it come before any local group.
        urgent = (fit,) if need_term in CRISIS_NEEDS else (0,)
        ranked.append((urgent + key + (e.card.name,), e.card))
    ranked.sort(key=lambda item: item[0])
    cards = tuple(card for _, card in ranked)
    offset = max(offset, 0)
    page = cards[offset : offset + limit]
    return SearchResult(
        page,
        len(cards),
        any_local,
        offset,
        offset + limit < len(cards),
        need=need_term,
        need_found=need_found,
    )


def national_services(
    session: Session,
    *,
    role: str | None = None,
    need: str | None = None,
    limit: int = 3,
    entries: Entries | None = None,
) -> SearchResult:
    """National services only (the fallback when the directory has nothing local).

    Args:
        session: An open session.
        role: As for :func:`find_services`.
        need: As for :func:`find_services`.
        limit: Page size.
        entries: As for :func:`find_services`.

    Returns:
        A SearchResult with ``local`` False.
    """
    return find_services(session, None, role=role, need=need, limit=limit, entries=entries)


def get_service(session: Session, service_id: str, entries: Entries | None = None) -> ServiceCard | None:
    """One service's card by id, or None if there is no such service."""
    entry = (read_entries(session) if entries is None else entries).get(service_id)
    return entry.card if entry else None


def count_services(session: Session) -> int:
    """How many active services the directory holds."""
    return int(session.scalar(select(func.count(m.Service.id)).where(m.Service.status == "active")) or 0)
