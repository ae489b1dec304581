"""The directory's read-only ORUK v3 API (aiohttp), served by the staff console without login.

Routes (all GET, JSON):

- ``/oruk/`` version information;
- ``/oruk/services`` ORUK paged envelope of full service records; parameters ``page``,
  ``per_page``, ``search`` (every word in the name or description), ``taxonomy_term_id``
  (a term's UUID) and ``postcode`` (services whose area covers the postcode's district);
- ``/oruk/services/{id}`` one service (its UUID, or our slug);
- ``/oruk/taxonomy_terms`` every taxonomy term, paged.

Bad parameters give 400 and an unknown id 404, each with ``{"error": ...}``; a
directory that cannot be read gives 503.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, make_session_factory
from bot.directory import models as m
from bot.directory.oruk import ORUK_VERSION, PROFILE_URL, FeedError, export_services, taxonomy_terms
from bot.directory.places import load_gazetteer
from bot.directory.text import fold, split_postcode
from bot.settings import get_settings, resolve_sqlite_url

PREFIX = "/oruk/"
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
MAX_SEARCH = 200


@dataclass(frozen=True)
class _Indexed:
    doc: dict[str, Any]
    slug: str
    text: str  # folded name and description (English and Welsh)
    terms: frozenset[str]  # taxonomy term UUIDs
    areas: frozenset[str]


@dataclass
class _Directory:
    sessions: sessionmaker
    token: str | None = None
    services: tuple[_Indexed, ...] = ()
    terms: tuple[dict[str, Any], ...] = ()

    def load(self) -> _Directory:
        """Read every service once per directory build (the build stamp says when it changed)."""
        with self.sessions() as session:
            token = _token(session)
            if token != self.token:
                self.services = tuple(_index(d) for d in export_services(session))
                self.terms = tuple(taxonomy_terms(session))
                self.token = token
        return self


DIRECTORY = web.AppKey("oruk_directory", _Directory)


def _token(session: Session) -> str:
    build = session.scalar(select(m.DirectoryBuild.id).order_by(m.DirectoryBuild.built_at.desc()).limit(1))
    return str(build or "unstamped")


def _index(doc: dict[str, Any]) -> _Indexed:
    fields = {
        a["taxonomy_term"]["term"]: a.get("value", "") for a in doc.get("attributes", []) if "value" in a
    }
    text = " ".join(
        [doc["name"], doc.get("description", ""), fields.get("name_cy", ""), fields.get("description_cy", "")]
    )
    return _Indexed(
        doc,
        fields.get("local_id", doc["id"]),
        f" {fold(text)} ",
        frozenset(a["taxonomy_term_id"] for a in doc.get("attributes", []) if "taxonomy_term_id" in a),
        frozenset(a["name"] for a in doc.get("service_areas", [])),
    )


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


class _BadParameter(ValueError):
    pass


def _int(request: web.Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise _BadParameter(f"{name} must be a whole number") from None
    if not low <= value <= high:
        raise _BadParameter(f"{name} must be between {low} and {high}")
    return value


def _page(request: web.Request, items: list[Any]) -> dict[str, Any]:
    page = _int(request, "page", 1, 1, 1_000_000)
    size = _int(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    total_pages = max(1, math.ceil(len(items) / size))
    contents = items[(page - 1) * size : page * size]
    return {
        "total_items": len(items),
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def _directory(request: web.Request) -> _Directory:
    return request.app[DIRECTORY].load()


def _areas_for(postcode: str) -> frozenset[str]:
    folded = fold(postcode)
    if len(folded) > 10 or split_postcode(folded) is None:
        raise _BadParameter("postcode must be a UK postcode or postcode district, e.g. LD3 7HR or LD3")
    match = load_gazetteer().resolve(folded)
    places = [match.place] if match.place is not None else list(match.candidates)
    if not places:
        raise _BadParameter(f"postcode {postcode.strip().upper()!r} is not a district this directory knows")
    return frozenset(name for place in places for name in place.areas)


async def version(request: web.Request) -> web.Response:
    """ORUK API root: which version and profile this feed follows."""
    return web.json_response(
        {
            "version": ORUK_VERSION,
            "profile": PROFILE_URL,
            "openapi_url": f"{PROFILE_URL}/blob/main/schema/openapi.json",
        }
    )


async def services(request: web.Request) -> web.Response:
    """``GET /oruk/services``: filtered, paged full service records."""
    try:
        search = request.query.get("search", "").strip()
        if len(search) > MAX_SEARCH:
            raise _BadParameter(f"search must be at most {MAX_SEARCH} characters")
        term = request.query.get("taxonomy_term_id")
        if term is not None:
            try:
                term = str(uuid.UUID(term))
            except ValueError:
                raise _BadParameter("taxonomy_term_id must be a UUID") from None
        postcode = request.query.get("postcode")
        areas = _areas_for(postcode) if postcode is not None else None
        chosen = list(_directory(request).services)
        words = [f" {w}" for w in fold(search).split()]
        chosen = [s for s in chosen if all(w in s.text for w in words)]
        if term is not None:
            chosen = [s for s in chosen if term in s.terms]
        if areas is not None:
            chosen = [s for s in chosen if s.areas & areas]
        return web.json_response(_page(request, [s.doc for s in chosen]))
    except _BadParameter as exc:
        return _error(400, str(exc))
    except (SQLAlchemyError, FeedError):
        return _error(503, "the directory cannot be read just now")


async def service(request: web.Request) -> web.Response:
    """``GET /oruk/services/{id}``: one full service record (by UUID or by our slug)."""
    wanted = request.match_info["id"]
    try:
        found = next((s.doc for s in _directory(request).services if wanted in (s.doc["id"], s.slug)), None)
    except (SQLAlchemyError, FeedError):
        return _error(503, "the directory cannot be read just now")
    if found is None:
        return _error(404, f"no service with id {wanted!r}")
    return web.json_response(found)


async def terms(request: web.Request) -> web.Response:
    """``GET /oruk/taxonomy_terms``: every taxonomy term, paged."""
    try:
        return web.json_response(_page(request, list(_directory(request).terms)))
    except _BadParameter as exc:
        return _error(400, str(exc))
    except (SQLAlchemyError, FeedError):
        return _error(503, "the directory cannot be read just now")


def add_routes(app: web.Application, db_url: str | None = None) -> None:
    """Mount the ORUK routes on ``app`` (the login middleware must let ``/oruk/`` through).

    Args:
        app: The aiohttp application.
        db_url: The directory database; defaults to the settings' ``directory_db_url``.
    """
    engine = make_engine(resolve_sqlite_url(db_url or get_settings().directory_db_url))
    app[DIRECTORY] = _Directory(make_session_factory(engine))

    async def _dispose(_: web.Application) -> None:
        engine.dispose()

    app.on_cleanup.append(_dispose)  # type: ignore[arg-type]  # aiohttp's stub wants a generic
    app.router.add_get(PREFIX, version)
    app.router.add_get(f"{PREFIX}services", services)
    app.router.add_get(PREFIX + "services/{id}", service)
    app.router.add_get(f"{PREFIX}taxonomy_terms", terms)


__all__ = ["PREFIX", "add_routes"]
