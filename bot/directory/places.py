"""Place resolution: what a parent types ("Aberhonddu", "near MK", "LD3 7HR") -> a Place.

The gazetteer is read from ``data/directory/places.yml`` (one reviewable file) and
cached. It answers two questions: which area's services fit (``Place.areas``) and
which nation the parent is in (which decides the crisis contacts).
"""

from __future__ import annotations

import difflib
import math
from functools import lru_cache
from pathlib import Path

from bot.directory.gazetteer_data import GazetteerData, load_gazetteer_data
from bot.directory.place import Place, PlaceMatch
from bot.directory.text import Token, fold, split_postcode, tokens

DEFAULT_PLACES_PATH = Path(__file__).resolve().parents[2] / "data" / "directory" / "places.yml"

# Answers that mean "don't filter by place".
ONLINE = frozenset(
    {
        "online",
        "on line",
        "virtual",
        "virtually",
        "zoom",
        "video",
        "video call",
        "internet",
        "remote",
        "remotely",
        "from home",
        "by phone",
        "phone",
    }
)
ANYWHERE = frozenset(
    {
        "anywhere",
        "skip",
        "dont mind",
        "do not mind",
        "i dont mind",
        "no preference",
        "not bothered",
        "doesnt matter",
        "does not matter",
        "it doesnt matter",
        "any",
        "anything",
        "whatever",
        "either",
        "none",
        "n a",
        "na",
        "everywhere",
        "rather not say",
        "id rather not say",
        "prefer not to say",
        "i prefer not to say",
        "not saying",
        "pass",
        "any where",
        "dont know",
        "not sure",
        "unsure",
    }
)
# Words around a place name that carry no place ("I live near Brecon please").
FILLERS = frozenset(
    [
        "i",
        "im",
        "i'm",
        "am",
        "we",
        "were",
        "are",
        "live",
        "living",
        "lives",
        "based",
        "in",
        "near",
        "nr",
        "around",
        "at",
        "from",
        "close",
        "to",
        "by",
        "the",
        "a",
        "of",
        "is",
        "its",
        "it",
        "just",
        "outside",
        "on",
        "edge",
        "town",
        "village",
        "city",
        "area",
        "county",
        "please",
        "thanks",
        "thank",
        "you",
        "ta",
        "my",
        "our",
        "us",
        "me",
        "currently",
        "moved",
        "here",
        "there",
        "side",
        "north",
        "south",
        "east",
        "west",
        "mid",
        "central",
        "bit",
        "way",
    ]
)
FUZZY_CUTOFF = 0.8
# A shared location further than this from every known town is not guessed.
NEAREST_MAX_KM = 25.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


class Gazetteer:
    """Lookup of place names, Welsh names, aliases and postcode districts."""

    def __init__(self, data: GazetteerData) -> None:
        """Build the lookup tables from parsed ``places.yml`` data."""
        self._data = data
        self._surfaces = data.surfaces  # folded surface -> places
        self._max_words = max(len(k.split()) for k in self._surfaces)
        self._keys = sorted(self._surfaces)
        self._by_id: dict[str, Place] = {}

    # -- public API -------------------------------------------------------------
    def resolve(self, text: str) -> PlaceMatch:
        """Resolve free text to a place.

        Args:
            text: What the parent typed, e.g. "Brecon", "near MK", "LD3 7HR",
                "Y Drenewydd", "online", "don't mind".

        Returns:
            A PlaceMatch. Misspellings are never accepted silently: they come back
            as ``unknown`` with a ``suggestion``.
        """
        query = text if isinstance(text, str) else ""
        toks = tokens(query)
        folded = " ".join(t.text for t in toks)
        content = " ".join(t.text for t in toks if t.text not in FILLERS)
        for phrase in (folded, content):
            if phrase in ONLINE:
                return PlaceMatch("online", None, (), None, query)
            if phrase in ANYWHERE:
                return PlaceMatch("anywhere", None, (), None, query)
        if not folded:
            return PlaceMatch("unknown", None, (), None, query)
        for phrase in (folded, content):
            postcode = split_postcode(phrase) if phrase else None
            if postcode:
                match = self._data.postcode(*postcode)
                if match is not None:
                    return self._match(match[0], match[1], query)
        exact = self._surfaces.get(folded) or self._surfaces.get(content)
        if exact:
            return self._match(list(exact), None, query)
        spans = self._spans(toks, include_all=True)
        named = [ps[0] for _, _, ps in spans if len(ps) == 1]
        if len(spans) >= 2 and len(named) == len(spans) and len(set(named)) >= 2:
            joined = self._joined(named)
            if joined is not None:
                return PlaceMatch("outside" if joined.outside else "found", joined, (), None, query)
        if spans:
            places = _narrow([p for _, _, ps in spans for p in ps])
            leftover = _leftover(toks, spans)
            return self._match(places, None, query, self._suggest(leftover))
        suggestion = self._suggest([t.text for t in toks if t.text not in FILLERS])
        return PlaceMatch("unknown", None, (), suggestion, query)

    def find_in_text(self, text: str) -> list[tuple[int, int, Place]]:
        """Find every unambiguous place mention in a message.

        Args:
            text: A whole user message.

        Returns:
            ``(start, end, place)`` character spans in text order, longest match
            first where mentions overlap. Names that are common words or first
            names (``not_in_text``) and names of more than one place are skipped.
        """
        toks = tokens(text) if isinstance(text, str) else []
        return [(toks[i].start, toks[j - 1].end, ps[0]) for i, j, ps in self._spans(toks)]

    def names(self) -> list[str]:
        """Every surface form (names, Welsh names, aliases, postcode districts we serve)."""
        return sorted(self._data.display_names, key=str.lower)

    def nation_of(self, text: str) -> str | None:
        """The nation ("england", "wales", ...) named or implied by ``text``, if certain."""
        nation = self.resolve(text).nation
        if nation is None:
            found = {p.nation for _, _, p in self.find_in_text(text)}
            nation = found.pop() if len(found) == 1 else None
        return nation

    def area(self, name: str) -> Place | None:
        """The Place for a service_area name (town, district, subarea, authority, nation)."""
        return self._data.areas.get(fold(name))

    def _joined(self, places: list[Place]) -> Place | None:
        """One place for several named together: "Brecon, Powys" is Brecon (it lies in
        Powys); "between Hay and Talgarth" is the smallest area both lie in
        (Brecknockshire). None when they share no area of ours (then the usual
        ambiguity rules apply)."""
        for place in places:
            if all(other.name in place.areas for other in places):
                return place
        first = places[0]
        for name in first.areas[1:]:
            area = self.area(name)
            if area is None or area.outside or area.kind == "region":
                continue
            if all(name in other.areas for other in places[1:]):
                return area
        return None

    def get(self, place_id: str) -> Place | None:
        """The place with this id (see :attr:`Place.id`), or None."""
        if not self._by_id:
            for place in [*self.places(), *self._data.areas.values()]:
                self._by_id.setdefault(place.id, place)
        found = self._by_id.get(place_id)
        if found is None and place_id.startswith("postcode_district:"):
            # Postcode districts are made on demand: resolve the code again.
            code = place_id.split(":")[1].replace("-", " ").upper()
            match = self.resolve(code)
            found = match.place if match.place is not None and match.place.id == place_id else None
        return found

    def nearest(self, latitude: float, longitude: float, max_km: float = NEAREST_MAX_KM) -> Place | None:
        """The nearest town or village with coordinates within ``max_km``, else None."""
        best: tuple[float, Place] | None = None
        for place in self.places():
            if (
                place.latitude is None
                or place.longitude is None
                or place.kind not in ("town", "village", "district")
            ):
                continue
            distance = haversine_km(latitude, longitude, place.latitude, place.longitude)
            if best is None or distance < best[0]:
                best = (distance, place)
        return best[1] if best is not None and best[0] <= max_km else None

    def places(self) -> list[Place]:
        """Every distinct place in the gazetteer (for tests and exports)."""
        return sorted({p for ps in self._surfaces.values() for p in ps}, key=lambda p: p.name)

    # -- helpers ----------------------------------------------------------------
    def _spans(
        self, toks: list[Token], include_all: bool = False
    ) -> list[tuple[int, int, tuple[Place, ...]]]:
        """Longest non-overlapping surface matches over token positions."""
        found: list[tuple[int, int, tuple[Place, ...]]] = []
        for i in range(len(toks)):
            for n in range(min(self._max_words, len(toks) - i), 0, -1):
                key = " ".join(t.text for t in toks[i : i + n])
                places = self._surfaces.get(key) or self._postcode_at(toks, i, n)
                if not places:
                    continue
                if not include_all and (len(places) > 1 or key in self._data.not_in_text):
                    continue
                found.append((i, i + n, tuple(places)))
                break
        chosen: list[tuple[int, int, tuple[Place, ...]]] = []
        taken: set[int] = set()
        for i, j, ps in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
            if taken.isdisjoint(range(i, j)):
                chosen.append((i, j, ps))
                taken.update(range(i, j))
        return sorted(chosen, key=lambda s: s[0])

    def _postcode_at(self, toks: list[Token], i: int, n: int) -> list[Place]:
        if n > 2:
            return []
        parts = split_postcode(" ".join(t.text for t in toks[i : i + n]))
        if parts is None or (n == 2 and parts[1] is None):
            return []
        match = self._data.postcode(*parts)
        if match is None or len(match[0]) != 1:
            return []
        if parts[1] is None and match[0][0].outside:
            return []  # a bare outward code like "M4" is too often something else
        return match[0]

    def _match(
        self, places: list[Place], status: str | None, query: str, suggestion: str | None = None
    ) -> PlaceMatch:
        unique = list(dict.fromkeys(places))
        if status == "outside" and not unique:
            return PlaceMatch("outside", None, (), None, query)
        if len(unique) == 1:
            place = unique[0]
            return PlaceMatch("outside" if place.outside else "found", place, (), suggestion, query)
        ordered = tuple(sorted(unique, key=lambda p: (p.outside, p.name)))
        return PlaceMatch("ambiguous", None, ordered, suggestion, query)

    def _suggest(self, words: list[str]) -> str | None:
        phrase = " ".join(words)
        candidates = [phrase, *words] if phrase else []
        for cand in candidates:
            if len(cand) < 3:
                continue
            close = difflib.get_close_matches(cand, self._keys, n=1, cutoff=FUZZY_CUTOFF)
            if close:
                return self._data.display_of(close[0])
        return None


def _narrow(places: list[Place]) -> list[Place]:
    """Drop places that only give context ("Powys" in "Newtown Powys")."""
    unique = list(dict.fromkeys(places))
    context = {p.name for p in unique if any(p.name in q.areas[1:] for q in unique)}
    specific = [p for p in unique if p.name not in context]
    if context:
        fitting = [p for p in specific if context & set(p.areas)]
        specific = fitting or specific
    return specific


def _leftover(toks: list[Token], spans: list[tuple[int, int, tuple[Place, ...]]]) -> list[str]:
    used = {k for i, j, _ in spans for k in range(i, j)}
    return [t.text for k, t in enumerate(toks) if k not in used and t.text not in FILLERS]


@lru_cache(maxsize=4)
def _cached(path: Path) -> Gazetteer:
    return Gazetteer(load_gazetteer_data(path))


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load (once per path) the gazetteer.

    Args:
        path: A places YAML file; defaults to ``data/directory/places.yml`` in the repo.

    Returns:
        The cached Gazetteer.
    """
    return _cached(Path(path or DEFAULT_PLACES_PATH).resolve())
