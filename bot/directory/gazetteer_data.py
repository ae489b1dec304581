"""Parse and check ``places.yml`` into the lookup tables the Gazetteer uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.directory.place import Place
from bot.directory.text import fold, postcode_area

NATION_NAMES = {
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "northern_ireland": "Northern Ireland",
}
UK = "UK"


@dataclass
class GazetteerData:
    """Lookup tables built from places.yml (mutable only while loading)."""

    surfaces: dict[str, list[Place]] = field(default_factory=dict)
    areas: dict[str, Place] = field(default_factory=dict)
    not_in_text: frozenset[str] = frozenset()
    display_names: set[str] = field(default_factory=set)
    districts: dict[str, dict[str, Any]] = field(default_factory=dict)
    area_nations: dict[str, str | None] = field(default_factory=dict)

    def add(self, place: Place, surfaces: list[str | None], *, area: bool = True) -> None:
        """Register ``place`` under each surface form (and as a service area name)."""
        for surface in surfaces:
            if not surface:
                continue
            bucket = self.surfaces.setdefault(fold(surface), [])
            if place not in bucket:
                bucket.append(place)
            self.display_names.add(surface)
        if area:
            self.areas.setdefault(fold(place.name), place)

    def display_of(self, key: str) -> str:
        """The canonical name behind a folded surface form."""
        return self.surfaces[key][0].name

    def by_name(self, name: str) -> Place:
        """A place by its canonical name (used for postcode candidates)."""
        place = self.areas.get(fold(name))
        if place is None:
            raise ValueError(f"places.yml: unknown place {name!r}")
        return place

    def postcode(self, district: str, sector: str | None) -> tuple[list[Place], str | None] | None:
        """Resolve a postcode district (and sector) to places.

        Returns:
            ``(places, status)``: one place, several (ambiguous), or
            ``([], "outside")`` for a real area whose nation we cannot tell;
            None when the code is not a district we recognise.
        """
        entry = self.districts.get(district)
        if entry is not None:
            sectors = entry.get("sectors") or {}
            if sector is not None and str(sector) in sectors:
                return [self._district_place(f"{district} {sector}", sectors[str(sector)])], None
            if "ambiguous" in entry:
                return [self.by_name(n) for n in entry["ambiguous"]], None
            return [self._district_place(district, entry)], None
        area = postcode_area(district)
        nation = self.area_nations.get(area, "england")  # unlisted areas are English
        if area in ("LD", "MK") or (area in self.area_nations and nation is None):
            # Our own areas have every real district listed; a miss is a typo.
            return None if area in ("LD", "MK") else ([], "outside")
        place = Place(
            district,
            None,
            "postcode_district",
            None,
            None,
            nation or "england",
            outside=True,
            areas=(NATION_NAMES[nation or "england"], UK),
        )
        return [place], "outside"

    def _district_place(self, code: str, entry: dict[str, Any]) -> Place:
        if "outside" in entry:
            nation = entry["nation"]
            return Place(
                code,
                None,
                "postcode_district",
                entry["outside"],
                None,
                nation,
                outside=True,
                areas=(code, NATION_NAMES[nation], UK),
            )
        authority = self.by_name(entry["authority"])
        chain = [code]
        if entry.get("town"):
            chain += list(self.by_name(entry["town"]).areas[:1])
        chain += [a for a in (entry.get("district"), entry.get("subarea")) if a]
        chain += list(authority.areas)
        return Place(
            code,
            None,
            "postcode_district",
            authority.name,
            entry.get("subarea"),
            authority.nation,
            district=entry.get("district"),
            areas=tuple(dict.fromkeys(chain)),
        )


def load_gazetteer_data(path: Path) -> GazetteerData:
    """Read ``places.yml`` and build the lookup tables, checking cross-references.

    Args:
        path: The YAML file.

    Returns:
        The tables.

    Raises:
        ValueError: If the file refers to an unknown authority, sub-area or district.
    """
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    data = GazetteerData()
    for nation, title in NATION_NAMES.items():
        data.areas[fold(title)] = Place(
            title, None, "region", None, None, nation, outside=True, areas=(title, UK)
        )
    data.areas[fold(UK)] = Place(UK, None, "region", None, None, "uk", outside=True, areas=(UK,))

    for a in raw["authorities"]:
        chain = (a["name"], NATION_NAMES[a["nation"]], UK)
        place = Place(a["name"], a.get("welsh_name"), "authority", a["name"], None, a["nation"], areas=chain)
        data.add(place, [a["name"], a.get("welsh_name"), a.get("official_name"), *a.get("aliases", [])])
    for s in raw["subareas"]:
        parent = data.by_name(s["authority"])
        place = Place(
            s["name"],
            s.get("welsh_name"),
            "subarea",
            parent.name,
            s["name"],
            parent.nation,
            areas=(s["name"], *parent.areas),
        )
        data.add(place, [s["name"], s.get("welsh_name"), *s.get("aliases", [])])
    for d in raw["districts"]:
        parent = data.by_name(d["subarea"] or d["authority"])
        place = Place(
            d["name"],
            d.get("welsh_name"),
            "district",
            parent.authority,
            d.get("subarea"),
            parent.nation,
            district=d["name"],
            areas=(d["name"], *parent.areas),
        )
        data.add(place, [d["name"], d.get("welsh_name"), *d.get("aliases", [])])
    for group in raw["places"]:
        parent = data.by_name(group.get("subarea") or group["authority"])
        for p in group["places"]:
            district = data.by_name(p["district"]) if p.get("district") else parent
            kind = p.get("kind") or ("town" if "lat" in p else "village")
            place = Place(
                p["name"],
                p.get("welsh_name"),
                kind,
                parent.authority,
                group.get("subarea"),
                parent.nation,
                district=p.get("district"),
                latitude=p.get("lat"),
                longitude=p.get("lon"),
                areas=(p["name"], *district.areas),
            )
            data.add(place, [p["name"], p.get("welsh_name"), *p.get("aliases", [])])
    for o in raw["outside"]:
        kind = o.get("kind", "town")
        title = NATION_NAMES[o["nation"]]
        areas = (title, UK) if kind == "region" else (o["name"], title, UK)
        place = Place(
            o["name"],
            o.get("welsh_name"),
            kind,
            o["name"] if kind == "authority" else None,
            None,
            o["nation"],
            outside=True,
            areas=areas,
        )
        data.add(place, [o["name"], o.get("welsh_name"), *o.get("aliases", [])], area=kind != "region")

    data.districts = {str(k).upper(): v for k, v in raw["postcode_districts"].items()}
    for code, entry in data.districts.items():
        for name in entry.get("ambiguous", []):
            data.by_name(name)
        if "authority" in entry and "ambiguous" not in entry:
            data.add(data._district_place(code, entry), [code], area=False)
    for nation, areas in raw["postcode_areas"].items():
        for area in areas:
            data.area_nations[area] = None if nation == "unknown" else nation
    data.not_in_text = frozenset(fold(s) for s in raw.get("not_in_text", []))
    return data
