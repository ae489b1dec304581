"""A place the bot knows, and the result of resolving what a parent typed.

Its own module so that the gazetteer's data loader and its lookup both use it
without importing each other.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


@dataclass(frozen=True)
class Place:
    """A place the bot knows, inside or outside the areas it serves.

    ``areas`` lists the area names that contain the place, most specific first
    (e.g. Brecon: Brecon, Brecon and district, Brecknockshire, Powys, Wales, UK);
    a service covers the place when one of its service_area names is in it.
    ``kind`` is town, village, district, subarea, authority, postcode_district or region.
    """

    name: str
    welsh_name: str | None
    kind: str
    authority: str | None
    subarea: str | None
    nation: str
    district: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    outside: bool = False
    areas: tuple[str, ...] = field(default=(), compare=False)

    @property
    def id(self) -> str:
        """A stable id, kept in the ``place_id`` slot: kind, name and the area it lies in.

        e.g. ``town:walton:powys``, ``postcode_district:ld3:powys``, ``town:glasgow:scotland``.
        """
        return f"{self.kind}:{_slug(self.name)}:{_slug(self.authority or self.nation)}"


@dataclass(frozen=True)
class PlaceMatch:
    """The result of resolving a reply to "where are you?".

    ``status`` is found, ambiguous, unknown (maybe with a ``suggestion``), online,
    anywhere or outside (a known UK place outside our areas; ``place.nation`` is
    still set when known).
    """

    status: str
    place: Place | None
    candidates: tuple[Place, ...]
    suggestion: str | None
    query: str

    @property
    def nation(self) -> str | None:
        """The nation when it is certain (one place, or candidates that agree)."""
        if self.place is not None:
            return self.place.nation
        nations = {c.nation for c in self.candidates}
        return nations.pop() if len(nations) == 1 else None
