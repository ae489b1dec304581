"""How serious each flag is, and the words staff see for it.

The risk categories C1-C9 are those of docs/safety/SAFETY.md (set by the safety
layer in bot/safety/); UNCLEAR is a possible risk the bot asked about and
CHECK_IN a gentle "are you safe?" check. The queue shows the most serious flag
first: immediate danger, then urgent risks, then unclear risk and check-ins,
then a reply that did not help and repeated misunderstandings, and last a
parent's "this information is wrong" report about a directory service; within
one level, the longest-waiting first.
"""

from __future__ import annotations

from dataclasses import dataclass

IMMEDIATE, URGENT, POSSIBLE, CHECK, SERVICE = "immediate", "urgent", "possible", "check", "service"


@dataclass(frozen=True)
class Level:
    """One kind of flag: its code, the words on its badge and its tier."""

    code: str
    label: str
    tier: str


# Most serious first. The position is the queue rank.
CRISIS_LEVELS: tuple[Level, ...] = (
    Level("C7", "Overdose or medical emergency — immediate", IMMEDIATE),
    Level("C1", "Suicide risk — immediate", IMMEDIATE),
    Level("C4", "Possible postpartum psychosis — immediate", IMMEDIATE),
    Level("C3", "Thoughts of harming the baby — immediate", IMMEDIATE),
    Level("C6", "Child at risk — immediate", IMMEDIATE),
    Level("C2", "Self-harm — urgent", URGENT),
    Level("C5", "Domestic abuse — urgent", URGENT),
    Level("C8", "Sexual violence — urgent", URGENT),
    Level("C9", "Parent may be a child — urgent", URGENT),
    Level("UNCLEAR", "Possible risk — unclear", POSSIBLE),
    Level("CHECK_IN", "Check-in", CHECK),
)
_BY_CODE = {level.code: (rank, level) for rank, level in enumerate(CRISIS_LEVELS)}
# An unknown category sorts with the urgent ones (after C9) and shows its code.
_UNKNOWN_RANK = _BY_CODE["C9"][0]
RANK_NOT_HELPED = len(CRISIS_LEVELS) + 1
RANK_MISUNDERSTOOD = len(CRISIS_LEVELS) + 2
RANK_DIRECTORY_REPORT = len(CRISIS_LEVELS) + 3
RANK_NONE = 99
NOT_HELPED = Level("NOT_HELPED", '"Did that help?" — no', SERVICE)
MISUNDERSTOOD = Level("MISUNDERSTOOD", "Repeated misunderstanding", SERVICE)
DIRECTORY_REPORT = "Directory report"


def directory_report(service_name: str) -> Level:
    """The badge of a parent's report that a service's details are wrong."""
    return Level("DIRECTORY_REPORT", f"{DIRECTORY_REPORT}: {service_name}", SERVICE)


def crisis_rank(code: str) -> int:
    """Queue rank of a crisis category (lower is more serious)."""
    found = _BY_CODE.get(code.upper())
    return found[0] if found else _UNKNOWN_RANK


def crisis_level(code: str) -> Level:
    """The level of a crisis category."""
    found = _BY_CODE.get(code.upper())
    return found[1] if found else Level(code, f"Risk category {code} — urgent", URGENT)


def by_severity(codes: list[str]) -> list[Level]:
    """Crisis categories as levels, most serious first."""
    return [crisis_level(c) for c in sorted(codes, key=crisis_rank)]
