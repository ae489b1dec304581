"""Redaction of personal data in everything staff read or export.

Kinds: UK phone numbers (national, +44 / 0044 / 44, spaced, hyphenated, dotted,
bracketed, digits spelled out, the letter o typed for a zero), emails (also
written "jane dot smith at gmail dot com", "jane(at)hotmail.co.uk",
"jane @ yahoo . com"), postcodes (the district is kept: "LD3 7HR" -> "LD3 ***")
and NHS numbers (10 digits, spaced or not, or spelled out).

The same rules apply to the parent's messages and the bot's replies (the bot
repeats what a parent typed). What stays visible, so a reviewer can tell which
service a parent tried or was given:

- numbers and email addresses of the services in the directory
  (data/directory/, via ``bot.directory.seed``) and the crisis contacts
  (data/safety/contacts.yml, via ``bot.safety.contacts``);
- public non-geographic service numbers (03xx and 08xx: 0300, 0345, 0800,
  0808 ...) and short codes (999, 111, 116 123, 85258: never long enough to be a
  personal number);
- role mailboxes (info@, referrals@, help@ ...) at an organisation's domain: a
  domain of the directory or the contacts file, or a public-sector mail domain.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

PHONE = "phone"
EMAIL = "email"
POSTCODE = "postcode"
NHS = "nhs"
KINDS = (PHONE, EMAIL, POSTCODE, NHS)

# ---- emails -------------------------------------------------------------------------------
# "at" and "dot" as people type them when they avoid the symbols.
_AT_SYMBOL = r"(?:\s*@\s*|\s*[(\[{<]\s*at\s*[)\]}>]\s*)"
_AT_WORD = r"\s+at\s+"
_DOT = r"(?:\s*\.\s*|\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)"
# After a bare "at", a spaced " . " is a sentence break, not an address.
_DOT_TIGHT = r"(?:\.|\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)"
_LOCAL_WORD = r"[A-Za-z0-9][A-Za-z0-9%+'_-]*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
# Endings that make "x dot y" or "x . y" an address rather than a sentence.
_TLDS = (
    r"(?:com|net|org|uk|co|ac|gov|nhs|edu|info|biz|me|io|ie|eu|scot|wales|cymru|online|email|live|mail|"
    r"icloud|gmail|yahoo|hotmail|outlook|btinternet|sky|aol|de|fr|es|it|nl|us|au|ca|nz|in|pl)"
)


def _email_re(at: str, dot: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![A-Za-z0-9._%+'-])(?P<local>{_LOCAL_WORD}(?:(?:{dot}|[._-]){_LOCAL_WORD})*){at}"
        rf"(?P<domain>{_LABEL}(?:(?:{dot}|,){_LABEL})*(?:{dot}|,){_TLDS})(?![A-Za-z0-9])",
        re.IGNORECASE,
    )


_SYMBOL_EMAIL_RE = _email_re(_AT_SYMBOL, _DOT)
_WORD_EMAIL_RE = _email_re(_AT_WORD, _DOT_TIGHT)
# Words before a bare "at" that make it a place or a website ("find us at
# samaritans.org", "I was at tesco.com"), not the name of a mailbox.
_NOT_A_MAILBOX = frozenset(
    [
        "us",
        "me",
        "you",
        "him",
        "her",
        "them",
        "it",
        "we",
        "they",
        "i",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "am",
        "online",
        "home",
        "look",
        "looking",
        "find",
        "found",
        "available",
        "here",
        "there",
        "more",
        "info",
        "information",
        "details",
        "website",
        "site",
        "web",
        "page",
        "apply",
        "book",
        "visit",
        "go",
        "went",
        "shop",
        "shopping",
        "bought",
        "ordered",
        "order",
        "work",
        "working",
    ]
)
# Anything else with an @ between two words: an address with a typo, or no ending.
_AT_SIGN_RE = re.compile(r"(?<![\w.%+'-])[\w.%+'-]*\w\s?@\s?\w[\w-]*(?:[.,]\w[\w-]*)*")

# ---- postcodes ----------------------------------------------------------------------------
# Outward code (area letters + district) then inward code (digit + two letters).
_POSTCODE_RE = re.compile(
    r"(?<![A-Za-z0-9])(?P<district>[A-Za-z]{1,2}[0-9][A-Za-z0-9]?)\s*[0-9][A-Za-z]{2}(?![A-Za-z0-9])"
)

# ---- numbers ------------------------------------------------------------------------------
# A run of digits with the separators people type; the letter o inside a run of
# digits counts as a zero ("07700 9oo 846"). Classified after matching.
_DIGIT = r"[0-9oO]"
_NUMBER_RE = re.compile(
    rf"(?<![\w+])(?:\+\s?|\(\s?)?(?:\d|[oO](?=[\s.\-]?\d))"
    rf"(?:{_DIGIT}|[\u00a0 ().\-/]|\s(?=\d)){{7,}}\d(?:\s?\))?(?![\d\w])"
)
_WORD_DIGITS = {
    "zero": "0",
    "oh": "0",
    "o": "0",
    "nought": "0",
    "nil": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_REPEAT = {"double": 2, "triple": 3, "treble": 3}
_SPOKEN_TOKEN = (
    r"(?:(?:double|triple|treble)[\s-]+)?"
    r"(?:zero|oh|o|nought|nil|one|two|three|four|five|six|seven|eight|nine|\d+)"
)
_SPOKEN_RE = re.compile(rf"(?<![\w]){_SPOKEN_TOKEN}(?:[\s,.-]+{_SPOKEN_TOKEN}){{4,}}(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    """One piece of personal data found in a text."""

    start: int
    end: int
    kind: str


def _national(digits: str, raw: str) -> str:
    """Digits in national form: +44 / 0044 / 44 / (0) turned into a leading 0."""
    plus = raw.lstrip().startswith(("+", "(+"))
    if digits.startswith("0044"):
        digits = digits[4:]
        plus = True
    elif digits.startswith("44") and (plus or len(digits) in (12, 13)):
        digits = digits[2:]
        plus = True
    if plus:
        # "+44 (0)1597 ..." keeps its trunk zero; "+44 1597 ..." gets one.
        return digits if digits.startswith("0") and len(digits) in (10, 11) else "0" + digits
    return digits


def _classify_digits(digits: str, raw: str) -> str | None:
    national = _national(digits, raw)
    if national.startswith("00"):
        return None
    if national.startswith("0") and len(national) in (10, 11):
        return PHONE
    if not national.startswith("0") and len(national) == 10:
        return NHS
    return None


def _digits_of(raw: str) -> str:
    return re.sub(r"\D", "", raw.replace("o", "0").replace("O", "0"))


def _classify_number(raw: str) -> str | None:
    return _classify_digits(_digits_of(raw), raw)


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


def _spoken_digits(raw: str) -> str:
    out: list[str] = []
    repeat = 1
    for token in re.findall(r"[A-Za-z]+|\d+", raw.lower()):
        if token in _REPEAT:
            repeat = _REPEAT[token]
            continue
        digits = _WORD_DIGITS.get(token, token if token.isdigit() else "")
        out.append(digits * repeat if len(digits) == 1 else digits)
        repeat = 1
    return "".join(out)


def _spoken_spans(text: str) -> list[Span]:
    """Numbers written (partly) in words: "oh seven seven double oh nine ..."."""
    spans = []
    for match in _SPOKEN_RE.finditer(text):
        raw = match.group(0)
        if not re.search(r"[A-Za-z]", raw):
            continue  # all digits: the number rules decide
        kind = _classify_digits(_spoken_digits(raw), raw)
        if kind:
            spans.append(Span(match.start(), match.end(), kind))
    return spans


def _email_spans(text: str) -> list[Span]:
    spans = [Span(m.start(), m.end(), EMAIL) for m in _SYMBOL_EMAIL_RE.finditer(text)]
    for m in _WORD_EMAIL_RE.finditer(text):
        last_word = re.split(r"\W+", m.group("local").lower())[-1]
        if last_word in _NOT_A_MAILBOX or m.group("domain").lower().startswith("www"):
            continue
        if not any(s.start < m.end() and m.start() < s.end for s in spans):
            spans.append(Span(m.start(), m.end(), EMAIL))
    for m in _AT_SIGN_RE.finditer(text):
        if not any(s.start <= m.start() < s.end for s in spans):
            spans.append(Span(m.start(), m.end(), EMAIL))
    return spans


# ---- what stays visible -------------------------------------------------------------------
# Public-sector mail domains: role mailboxes there belong to a team, not a person.
_PUBLIC_MAIL_DOMAINS = (
    "nhs.net",
    "nhs.uk",
    "nhs.scot",
    "hscni.net",
    "gov.uk",
    "gov.wales",
    "llyw.cymru",
    "gov.scot",
    "police.uk",
)
# Words of a team or role mailbox (not a person's name).
_ROLE_WORDS = (
    "info",
    "enquir",
    "inquir",
    "hello",
    "help",
    "contact",
    "admin",
    "office",
    "support",
    "referral",
    "team",
    "service",
    "booking",
    "appointment",
    "reception",
    "general",
    "feedback",
    "advice",
    "perinatal",
    "maternity",
    "midwi",
    "visiting",
    "mentalhealth",
    "wellbeing",
    "safeguard",
    "duty",
    "press",
    "media",
    "mail",
    "post",
    "care",
    "crisis",
    "listen",
    "volunteering",
    "assist",
)


@dataclass(frozen=True)
class KnownContacts:
    """Numbers and addresses that may be shown: services' and helplines' own."""

    numbers: frozenset[str]
    emails: frozenset[str]
    domains: frozenset[str]


def _host(value: str) -> str:
    value = value.strip().lower()
    host = (
        value.rsplit("@", 1)[1]
        if "@" in value and "//" not in value
        else urlsplit(value if "//" in value else "//" + value).hostname or ""
    )
    return host.removeprefix("www.")


def known_contacts_from(phones: list[str], emails: list[str], urls: list[str]) -> KnownContacts:
    """Build the keep lists from raw phones, emails and web addresses."""
    numbers = set()
    for phone in phones:
        digits = _digits_of(phone)
        if len(digits) >= 7:
            numbers.add(_national(digits, phone))
    mails = {e.strip().lower() for e in emails if "@" in e}
    domains = {_host(x) for x in [*mails, *urls] if x} - {""}
    return KnownContacts(frozenset(numbers), frozenset(mails), frozenset(domains))


@lru_cache(maxsize=1)
def known_contacts() -> KnownContacts:
    """The directory's and the crisis contacts' numbers, addresses and domains (read once)."""
    phones: list[str] = []
    emails: list[str] = []
    urls: list[str] = []
    try:
        from bot.safety.contacts import all_contacts

        for c in all_contacts():
            phones += [x for x in (c.phone, c.tel, c.sms) if x]
            emails += [c.email] if c.email else []
            urls += [c.url] if c.url else []
    except Exception:  # noqa: BLE001 - redaction must still work: it only keeps less
        log.warning("crisis contacts not readable: their numbers will be redacted")
    try:
        from bot.directory.seed import load_seed

        for org, svc in load_seed().services():
            phones += [str(p.get("number") or "") for p in svc.get("phones") or [] if isinstance(p, dict)]
            emails += [str(x) for x in (org.get("email"), svc.get("email")) if x]
            urls += [
                str(x) for x in (org.get("website"), org.get("url"), svc.get("url"), svc.get("website")) if x
            ]
    except Exception:  # noqa: BLE001
        log.warning("directory not readable: its services' numbers will be redacted")
    return known_contacts_from(phones, emails, urls)


def _domain_known(domain: str, known: KnownContacts) -> bool:
    if any(domain == d or domain.endswith("." + d) for d in _PUBLIC_MAIL_DOMAINS):
        return True
    for d in known.domains:
        if domain == d or domain.endswith("." + d):
            return True
        # A known web host below the mail domain ("111.wales.nhs.uk" for "wales.nhs.uk").
        if d.endswith("." + domain) and domain.count(".") >= 2:
            return True
    return False


def _normal_email(raw: str) -> str:
    text = re.sub(rf"{_AT_SYMBOL}|{_AT_WORD}", "@", raw, count=1, flags=re.IGNORECASE)
    text = re.sub(rf"{_DOT}", ".", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", "", text.replace(",", ".")).lower()


def _public_email(raw: str, known: KnownContacts) -> bool:
    address = _normal_email(raw)
    if address in known.emails:
        return True
    local, _, domain = address.rpartition("@")
    if not local or not _domain_known(domain, known):
        return False
    return any(word in local for word in _ROLE_WORDS)


def _public_number(raw: str, known: KnownContacts) -> bool:
    national = _national(_digits_of(raw), raw)
    return national.startswith(("03", "08")) or national in known.numbers


def _is_public(text: str, span: Span, known: KnownContacts) -> bool:
    raw = text[span.start : span.end]
    if span.kind == PHONE:
        return _public_number(raw, known)
    if span.kind == EMAIL:
        return _public_email(raw, known)
    return False


def find_spans(text: str, kinds: tuple[str, ...] = KINDS, known: KnownContacts | None = None) -> list[Span]:
    """Find personal data in ``text``.

    Args:
        text: A message (a parent's or the bot's).
        kinds: Which kinds to look for.
        known: Public contacts to leave visible (default: the directory's and the contacts file's).

    Returns:
        Non-overlapping spans in text order (emails win over numbers inside them).
    """
    known = known_contacts() if known is None else known
    found: list[Span] = []
    if EMAIL in kinds:
        found += _email_spans(text)
    if POSTCODE in kinds:
        found += [Span(m.start(), m.end(), POSTCODE) for m in _POSTCODE_RE.finditer(text)]
    if PHONE in kinds or NHS in kinds:
        found += [s for s in _number_spans(text) + _spoken_spans(text) if s.kind in kinds]
    found.sort(key=lambda s: (s.start, -(s.end - s.start), KINDS.index(s.kind)))
    result: list[Span] = []
    for span in found:
        if result and span.start < result[-1].end:
            continue
        result.append(span)
    return [s for s in result if not _is_public(text, s, known)]


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
    """Redact a bot reply: every kind too (it may repeat the parent's number or email)."""
    return redact(text, KINDS)


def redact_value(value: object) -> object:
    """Redact a slot or entity value of any JSON type."""
    if isinstance(value, str):
        return redact_user(value)
    if isinstance(value, list):
        return [redact_value(v) for v in value]
    if isinstance(value, dict):
        return {k: redact_value(v) for k, v in value.items()}
    return value
