"""A shared location, resolved to the nearest known place (if one is near enough).

Uses the colleague's gazetteer (``bot.directory.places.load_gazetteer()``) when
its entries carry coordinates; otherwise nothing is resolved and the parent is
asked for the town name.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from typing import Any

logger = logging.getLogger(__name__)

# Further than this from every known place, guessing would be worse than asking.
MAX_DISTANCE_KM = 25.0

PLACE_KINDS = frozenset({"town", "village", "district"})

_cache: list[tuple[str, float, float]] | None = None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _get(entry: Any, *names: str) -> Any:
    for name in names:
        value = entry.get(name) if isinstance(entry, dict) else getattr(entry, name, None)
        if value is not None:
            return value
    return None


def points_from(entries: Iterable[Any]) -> list[tuple[str, float, float]]:
    """(name, latitude, longitude) of every entry that has coordinates."""
    points = []
    for entry in entries:
        name = _get(entry, "name", "canonical", "place")
        lat = _get(entry, "latitude", "lat")
        lon = _get(entry, "longitude", "lon", "lng")
        if isinstance(name, str) and isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
            points.append((name, float(lat), float(lon)))
    return points


def _load() -> list[tuple[str, float, float]]:
    global _cache
    if _cache is None:
        try:
            from bot.directory.places import load_gazetteer

            gazetteer = load_gazetteer()
            places = getattr(gazetteer, "places", None)
            entries: Iterable[Any] = places() if callable(places) else gazetteer  # type: ignore[assignment]
            # Outside places are named too (the bot then explains its areas), but not
            # region or authority centroids, which would be a wild guess.
            _cache = points_from(e for e in entries if getattr(e, "kind", "town") in PLACE_KINDS)
        except Exception as err:  # noqa: BLE001 - any failure means "ask for the town"
            logger.warning("telegram: no gazetteer coordinates (%s)", type(err).__name__)
            _cache = []
    return _cache


def nearest_place(
    latitude: float, longitude: float, points: list[tuple[str, float, float]] | None = None
) -> str | None:
    """Name of the nearest known place within :data:`MAX_DISTANCE_KM`, else None."""
    candidates = _load() if points is None else points
    best: tuple[float, str] | None = None
    for name, lat, lon in candidates:
        distance = haversine_km(latitude, longitude, lat, lon)
        if best is None or distance < best[0]:
            best = (distance, name)
    if best is None or best[0] > MAX_DISTANCE_KM:
        return None
    return best[1]
