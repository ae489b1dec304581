"""Opening status lines, at fixed times, across the clock changes and the week's end."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.directory.schedule import opening_status

UTC = timezone.utc
WEEKDAYS = [{"byday": "MO,TU,WE,TH,FR", "opens_at": "09:00", "closes_at": "17:00", "description": "Weekdays"}]
SUNDAY = [{"byday": "SU", "opens_at": "09:00", "closes_at": "17:00", "description": "Sundays"}]
ALWAYS = [
    {
        "byday": "MO,TU,WE,TH,FR,SA,SU",
        "opens_at": "00:00",
        "closes_at": "23:59",
        "description": "24 hours, every day",
    }
]
TERM_GROUP = [{"byday": "TU,TH", "opens_at": "10:00", "closes_at": "11:30", "description": "Term time only"}]


@pytest.mark.parametrize(
    ("schedules", "now", "lang", "line"),
    [
        (ALWAYS, datetime(2025, 6, 1, 3, 0, tzinfo=UTC), "en", "Open 24 hours, every day"),
        (ALWAYS, datetime(2025, 6, 1, 3, 0, tzinfo=UTC), "cy", "Ar agor 24 awr, bob dydd"),
        # Monday 31 March 2025, 08:30 UTC is 09:30 BST: open.
        (WEEKDAYS, datetime(2025, 3, 31, 8, 30, tzinfo=UTC), "en", "Open now, until 5pm"),
        (WEEKDAYS, datetime(2025, 3, 31, 8, 30, tzinfo=UTC), "cy", "Ar agor nawr, tan 5yh"),
        # Monday 31 March 2025, 07:30 UTC is 08:30 BST: opens later today.
        (WEEKDAYS, datetime(2025, 3, 31, 7, 30, tzinfo=UTC), "en", "Closed now. Opens today at 9am"),
        # BST starts on Sunday 30 March 2025: 08:30 UTC is 09:30 local, open.
        (SUNDAY, datetime(2025, 3, 30, 8, 30, tzinfo=UTC), "en", "Open now, until 5pm"),
        # GMT again from Sunday 26 October 2025: 08:30 UTC is 08:30 local, not yet open.
        (SUNDAY, datetime(2025, 10, 26, 8, 30, tzinfo=UTC), "en", "Closed now. Opens today at 9am"),
        # Sunday evening -> Monday morning.
        (WEEKDAYS, datetime(2025, 11, 2, 20, 0, tzinfo=UTC), "en", "Closed now. Opens tomorrow at 9am"),
        (WEEKDAYS, datetime(2025, 11, 2, 20, 0, tzinfo=UTC), "cy", "Ar gau nawr. Yn agor yfory am 9yb"),
        # Friday evening and Saturday: the next opening is Monday.
        (WEEKDAYS, datetime(2025, 10, 31, 17, 30, tzinfo=UTC), "en", "Closed now. Opens Monday at 9am"),
        (WEEKDAYS, datetime(2025, 11, 1, 12, 0, tzinfo=UTC), "cy", "Ar gau nawr. Yn agor ddydd Llun am 9yb"),
        # Saturday evening: the next Sunday-only opening is tomorrow; after it, next Sunday.
        (SUNDAY, datetime(2025, 11, 1, 20, 0, tzinfo=UTC), "en", "Closed now. Opens tomorrow at 9am"),
        (SUNDAY, datetime(2025, 11, 2, 18, 0, tzinfo=UTC), "en", "Closed now. Opens Sunday at 9am"),
        (
            TERM_GROUP,
            datetime(2025, 11, 4, 10, 30, tzinfo=UTC),
            "en",
            "Runs on Tuesdays and Thursdays, 10am to 11:30am",
        ),
        (
            TERM_GROUP,
            datetime(2025, 11, 4, 10, 30, tzinfo=UTC),
            "cy",
            "Ar ddydd Mawrth a ddydd Iau, 10yb tan 11:30yb",
        ),
    ],
)
def test_opening_status(schedules, now: datetime, lang: str, line: str) -> None:
    assert opening_status(schedules, now, lang) == line


def test_same_instant_in_any_zone_gives_the_same_line() -> None:
    instant = datetime(2025, 3, 31, 8, 30, tzinfo=UTC)
    assert {
        opening_status(WEEKDAYS, instant.astimezone(ZoneInfo(z)))
        for z in ("UTC", "Europe/London", "America/New_York")
    } == {"Open now, until 5pm"}


def test_overnight_hours_and_midday() -> None:
    late = [{"byday": "FR", "opens_at": "19:00", "closes_at": "02:00", "description": "Friday nights"}]
    lunch = [{"byday": "MO", "opens_at": "12:00", "closes_at": "13:30", "description": "Lunch"}]
    # 00:30 GMT on Saturday 1 November 2025: still Friday night's session.
    assert opening_status(late, datetime(2025, 11, 1, 0, 30, tzinfo=UTC)) == "Open now, until 2am"
    assert opening_status(lunch, datetime(2025, 11, 3, 9, 0, tzinfo=UTC)) == (
        "Closed now. Opens today at midday"
    )


def test_no_times_known_gives_none() -> None:
    now = datetime(2025, 11, 3, 9, 0, tzinfo=UTC)
    assert (opening_status([], now), opening_status([{"description": "Ask the team"}], now)) == (None, None)


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        opening_status(WEEKDAYS, datetime(2025, 11, 3, 9, 0))
