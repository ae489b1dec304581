"""Plain opening-status lines from a service's structured schedules.

Pure functions: give them the schedules (ORUK ``schedule`` rows or dicts with
``byday`` "MO,TU", ``opens_at``/``closes_at`` "HH:MM" in UK local time, optional
``freq`` and ``description``) and a timezone-aware ``now``. The wording, English
and Welsh, is in ``data/wording/opening_hours.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

WORDING_PATH = Path(__file__).resolve().parents[2] / "data" / "wording" / "opening_hours.yml"
LONDON = ZoneInfo("Europe/London")
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_TIME = re.compile(r"^([01]?[0-9]|2[0-4]):([0-5][0-9])")
_DAY = 24 * 60


@dataclass(frozen=True)
class _Slot:
    days: tuple[int, ...]  # 0 = Monday
    opens: int  # minutes after midnight
    closes: int  # minutes after midnight; <= opens means it runs past midnight
    every_week: bool


@lru_cache(maxsize=2)
def _wording(path: Path = WORDING_PATH) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _get(row: Any, key: str) -> Any:
    return row.get(key) if isinstance(row, Mapping) else getattr(row, key, None)


def _minutes(text: Any) -> int | None:
    found = _TIME.match(str(text or ""))
    return int(found.group(1)) * 60 + int(found.group(2)) if found else None


def _slots(schedules: Iterable[Any]) -> list[_Slot]:
    words = [w.lower() for w in _wording()["not_every_week"]]
    out = []
    for row in schedules:
        opens, closes = _minutes(_get(row, "opens_at")), _minutes(_get(row, "closes_at"))
        days = tuple(
            DAYS.index(d.strip()) for d in str(_get(row, "byday") or "").split(",") if d.strip() in DAYS
        )
        if opens is None or closes is None or not days:
            continue
        description = str(_get(row, "description") or "").lower()
        every_week = (_get(row, "freq") or "WEEKLY") == "WEEKLY" and not any(
            re.search(rf"\b{re.escape(w)}\b", description) for w in words
        )
        out.append(_Slot(days, opens, closes if closes != 23 * 60 + 59 else _DAY, every_week))
    return out


def _clock(minutes: int, w: dict[str, Any]) -> str:
    minutes %= _DAY
    if minutes == 0:
        return str(w["midnight"])
    if minutes == 12 * 60:
        return str(w["midday"])
    hour, minute = divmod(minutes, 60)
    suffix = w["am"] if hour < 12 else w["pm"]
    hour = hour % 12 or 12
    return f"{hour}{suffix}" if minute == 0 else f"{hour}:{minute:02d}{suffix}"


def _join(items: list[str], w: dict[str, Any]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {w['and']} {items[-1]}"


def _intervals(slots: list[_Slot], monday: datetime) -> list[tuple[datetime, datetime]]:
    """Opening intervals (local, aware) for the three weeks from ``monday``."""
    out = []
    for week in (0, 7, 14):
        for slot in slots:
            for day in slot.days:
                start_day = (monday + timedelta(days=week + day)).date()
                start = datetime(start_day.year, start_day.month, start_day.day, tzinfo=LONDON)
                end_minutes = slot.closes if slot.closes > slot.opens else slot.closes + _DAY
                # Wall-clock times: add minutes to the local date, then attach the zone.
                opens = (start.replace(tzinfo=None) + timedelta(minutes=slot.opens)).replace(tzinfo=LONDON)
                closes = (start.replace(tzinfo=None) + timedelta(minutes=end_minutes)).replace(tzinfo=LONDON)
                out.append((opens, closes))
    return sorted(out)


def opening_status(schedules: Iterable[Any], now: datetime, lang: str = "en") -> str | None:
    """One short line about when a service is open, or None when the times are not known.

    Args:
        schedules: The service's schedules; rows without days and times are ignored.
        now: The current time, timezone-aware (any zone; read in Europe/London).
        lang: "en" or "cy".

    Returns:
        e.g. "Open 24 hours, every day", "Open now, until 5pm", "Closed now. Opens
        Monday at 9am", or, for groups that do not run every week (term time ...),
        "Runs on Tuesdays, 10am to 11:30am".

    Raises:
        ValueError: If ``now`` is naive or ``lang`` is not "en" or "cy".
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    if lang not in ("en", "cy"):
        raise ValueError(f"unknown language {lang!r}")
    w = _wording()[lang]
    slots = _slots(schedules)
    if not slots:
        return None
    if any(not s.every_week for s in slots):
        parts = []
        for s in slots:
            days = _join([w["days_plural"][d] for d in s.days], w)
            parts.append(
                str(w["runs_on"]).format(days=days, opens=_clock(s.opens, w), closes=_clock(s.closes, w))
            )
        return "; ".join(parts)
    if all(any(d in s.days and s.opens == 0 and s.closes == _DAY for s in slots) for d in range(7)):
        return str(w["open_24_7"])
    local = now.astimezone(LONDON)
    monday = (local - timedelta(days=local.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    intervals = _intervals(slots, monday - timedelta(days=7))
    for opens, closes in intervals:
        if opens <= local < closes:
            # Back-to-back intervals (e.g. until midnight, then from midnight) read as one.
            end = closes
            for o2, c2 in intervals:
                if o2 <= end < c2:
                    end = c2
            return str(w["open_now"]).format(time=_clock(end.hour * 60 + end.minute, w))
    upcoming = [opens for opens, _ in intervals if opens > local]
    if not upcoming:
        return None
    nxt = upcoming[0]
    days_ahead = (nxt.date() - local.date()).days
    day = w["today"] if days_ahead == 0 else w["tomorrow"] if days_ahead == 1 else w["days"][nxt.weekday()]
    return str(w["closed_opens"]).format(day=day, time=_clock(nxt.hour * 60 + nxt.minute, w))


__all__ = ["opening_status"]
