"""Redaction of personal data in what staff read.

Kinds: UK phone numbers (national, +44 / 0044, spaced or hyphenated), emails,
postcodes (the district is kept: "LD3 7HR" -> "LD3 ***") and NHS numbers
(10 digits, spaced 3-3-4 or not). Pure functions, no I/O.

The bot's own replies are treated differently: they carry helplines and
directory numbers (116 123, 0808 ..., 111, 999, 85258, service phones) that staff
must see, and the bot never repeats a parent's phone, email or NHS number, so
only echoed postcodes are redacted there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PHONE = "phone"
EMAIL = "email"
POSTCODE = "postcode"
NHS = "nhs"
KINDS = (PHONE, EMAIL, POSTCODE, NHS)

_EMAIL_RE = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9._%+'-]*\s?@\s?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}"
)
# Outward code (area letters + district) then inward code (digit + two letters).
_POSTCODE_RE = re.compile(
    r"(?<![A-Za-z0-9])(?P<district>[A-Za-z]{1,2}[0-9][A-Za-z0-9]?)\s*[0-9][A-Za-z]{2}(?![A-Za-z0-9])"
)
# A run of digits with the separators people type; classified after matching.
_NUMBER_RE = re.compile(
    r"(?<![\w+])(?:\+\s?|\(\s?)?\d(?:[\d\u00a0 ().\-]|\s(?=\d)){7,}\d(?:\s?\))?(?![\d\w])"
)


@dataclass(frozen=True)
class Span:
    """One piece of personal data found in a text."""

    start: int
    end: int
    kind: str


def _classify_number(raw: str) -> str | None:
    digits = re.sub(r"\D", "", raw)
    if digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif digits.startswith("44") and raw.lstrip().startswith(("+", "(+")):
        digits = "0" + digits[2:]
    elif digits.startswith("44") and len(digits) in (12, 13):
        digits = "0" + digits[2:]
    if digits.startswith("00") and "(0)" in raw:
        digits = digits[1:]
    if digits.startswith("00"):
        return None
    if digits.startswith("0") and len(digits) in (10, 11):
        return PHONE
    if "(0)" in raw and len(digits) in (11, 12):
        return PHONE
    if not digits.startswith("0") and len(digits) == 10:
        return NHS
    return None


def _number_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    for match in _NUMBER_RE.finditer(text):
        raw = match.group(0)
        start, end = match.start(), match.end()
        # Drop unbalanced brackets and stray separators at the edges.
        while raw and raw[-1] in ").- " and raw.count("(") < raw.count(")"):
            raw, end = raw[:-1], end - 1
        kind = _classify_number(raw)
        if kind is None:
            # Two numbers typed next to each other: try each half.
            for part in re.finditer(r"[+(]?\d[\d ()\-]{7,}\d", raw):
                sub_kind = _classify_number(part.group(0))
                if sub_kind:
                    spans.append(Span(start + part.start(), start + part.end(), sub_kind))
            continue
        spans.append(Span(start, end, kind))
    return spans


def find_spans(text: str, kinds: tuple[str, ...] = KINDS) -> list[Span]:
    """Find personal data in ``text``.

    Args:
        text: A message.
        kinds: Which kinds to look for.

    Returns:
        Non-overlapping spans in text order (emails win over numbers inside them).
    """
    found: list[Span] = []
    if EMAIL in kinds:
        found += [Span(m.start(), m.end(), EMAIL) for m in _EMAIL_RE.finditer(text)]
    if POSTCODE in kinds:
        found += [Span(m.start(), m.end(), POSTCODE) for m in _POSTCODE_RE.finditer(text)]
    if PHONE in kinds or NHS in kinds:
        found += [s for s in _number_spans(text) if s.kind in kinds]
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    result: list[Span] = []
    for span in found:
        if result and span.start < result[-1].end:
            continue
        result.append(span)
    return result


_LABELS = {PHONE: "[phone]", EMAIL: "[email]", NHS: "[NHS number]"}


def _replacement(text: str, span: Span) -> str:
    if span.kind == POSTCODE:
        match = _POSTCODE_RE.fullmatch(text[span.start : span.end])
        district = match.group("district").upper() if match else ""
        return f"{district} ***"
    return _LABELS[span.kind]


def redact(text: str | None, kinds: tuple[str, ...] = KINDS) -> str:
    """Return ``text`` with personal data replaced by placeholders."""
    if not text:
        return text or ""
    out: list[str] = []
    pos = 0
    for span in find_spans(text, kinds):
        out.append(text[pos : span.start])
        out.append(_replacement(text, span))
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


def redact_user(text: str | None) -> str:
    """Redact a parent's message: every kind."""
    return redact(text, KINDS)


def redact_bot(text: str | None) -> str:
    """Redact a bot reply: only echoed postcodes; helplines and service numbers stay."""
    return redact(text, (POSTCODE,))


def redact_value(value: object) -> object:
    """Redact a slot or entity value of any JSON type."""
    if isinstance(value, str):
        return redact_user(value)
    if isinstance(value, list):
        return [redact_value(v) for v in value]
    if isinstance(value, dict):
        return {k: redact_value(v) for k, v in value.items()}
    return value
