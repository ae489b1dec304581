"""The one plain-text rendering of service cards and crisis cards.

A card is the ``custom`` payload of a reply (docs/contracts.md): ``{"type":
"services", ...}`` or ``{"type": "crisis", ...}``. It is the only source of a
card's content: a channel that does not draw cards (Telegram, a web chat client
without card support) renders it here, as plain text, and keeps only the
introduction of the reply's text (:func:`text_with_card`), so nothing arrives twice.

Pure functions: a payload dict and a language (``"en"`` or ``"cy"``) in, text
out. English labels live here; their Welsh is ``telegram.CARD_WORDS`` in
data/wording/cy.yml (listed for review in docs/welsh-review.md). Plain text
only: no markup, so nothing needs escaping and numbers stay tappable.
"""

from __future__ import annotations

import re
from typing import Any

# The English words of a card; keys are the same in data/wording/cy.yml (telegram.CARD_WORDS).
CARD_WORDS: dict[str, str] = {
    "crisis_heading": "Who you can contact:",
    "services_heading": "Services that may help:",
    "call": "call",
    "text": "text",
    "to": "to",
    "what": "What it is",
    "who": "Who it's for",
    "phone": "Phone",
    "email": "Email",
    "website": "Website",
    "cost": "Cost",
    "how": "How",
    "when": "When",
    "area": "Area",
    "access": "How to get it",
}

# (label key, service field), in the order a card shows them.
SERVICE_FIELDS = (
    ("what", "description"),
    ("who", "audience"),
    ("phone", "phone"),
    ("email", "email"),
    ("website", "url"),
    ("cost", "cost"),
    ("how", "mode"),
    ("when", "schedule"),
    ("", "opening"),  # "Open now, until 5pm": no label needed
    ("access", "how"),
    ("area", "area"),
)

# A numbered service in a reply's text ("1. Mums Matter ...") and a crisis contact line ("- Samaritans ...").
_SERVICE_PARAGRAPH = re.compile(r"^\d+\.\s")
_CONTACT_LINE = re.compile(r"^\s*[-•]\s")


def words(lang: str | None) -> dict[str, str]:
    """The card words in ``lang`` (Welsh from data/wording/cy.yml; English for anything missing)."""
    if lang != "cy":
        return dict(CARD_WORDS)
    from bot.language import telegram_strings

    welsh = telegram_strings().get("CARD_WORDS")
    welsh = welsh if isinstance(welsh, dict) else {}
    return {key: str(welsh.get(key) or english) for key, english in CARD_WORDS.items()}


def _clean(value: Any) -> str:
    return "" if value is None else str(value).strip()


def card_kind(payload: Any) -> str | None:
    """``"services"`` or ``"crisis"`` for a card payload, else None."""
    if isinstance(payload, dict) and payload.get("type") in ("services", "crisis"):
        return str(payload["type"])
    return None


def service_title(service: dict[str, Any]) -> str:
    """The name, with the organisation in brackets unless the name already says it."""
    name, organisation = _clean(service.get("name")), _clean(service.get("organisation"))
    if not organisation or organisation.casefold() in name.casefold():
        return name
    return f"{name} ({organisation})" if name else organisation


def render_service(number: int, service: dict[str, Any], lang: str | None = "en") -> str:
    """One service card as a numbered block of labelled lines."""
    label = words(lang)
    lines = [f"{number}. {service_title(service)}"]
    for key, field in SERVICE_FIELDS:
        value = _clean(service.get(field))
        if value:
            lines.append(f"{label[key]}: {value}" if key else value)
    return "\n".join(lines)


def render_services(payload: dict[str, Any], lang: str | None = "en", heading: bool = True) -> str:
    """A services card as text: numbered from the payload's ``offset`` + 1; "" when it lists none."""
    services = [s for s in payload.get("services") or [] if isinstance(s, dict)]
    if not services:
        return ""
    offset = payload.get("offset")
    first = offset + 1 if isinstance(offset, int) and not isinstance(offset, bool) and offset >= 0 else 1
    blocks = [render_service(first + i, s, lang) for i, s in enumerate(services)]
    if heading:
        blocks.insert(0, words(lang)["services_heading"])
    return "\n\n".join(blocks)


def render_crisis(payload: dict[str, Any], lang: str | None = "en", heading: bool = True) -> str:
    """A crisis card as text: one bullet per contact, numbers written plainly."""
    label = words(lang)
    lines = [label["crisis_heading"]] if heading else []
    for contact in payload.get("contacts") or []:
        if not isinstance(contact, dict):
            continue
        head = f"• {_clean(contact.get('name'))}"
        if _clean(contact.get("phone")):
            head += f": {label['call']} {_clean(contact['phone'])}"
        if _clean(contact.get("hours")):
            head += f" ({_clean(contact['hours'])})"
        lines.append(head)
        sms, body = _clean(contact.get("sms")), _clean(contact.get("sms_body"))
        if sms:
            to = f"{body} {label['to']} {sms}" if body else sms
            lines.append(f"  {label['text']} {to}")
        if _clean(contact.get("description")):
            lines.append(f"  {_clean(contact['description'])}")
        if _clean(contact.get("url")):
            lines.append(f"  {_clean(contact['url'])}")
    return "\n".join(lines) if len(lines) > int(heading) else ""


def render_card(payload: Any, lang: str | None = "en", heading: bool = True) -> str | None:
    """Text of a card payload, or None for a payload that is not a card (or an empty one)."""
    kind = card_kind(payload)
    if kind == "services":
        return render_services(payload, lang, heading) or None
    if kind == "crisis":
        return render_crisis(payload, lang, heading) or None
    return None


def _is_listing(paragraph: str, kind: str) -> bool:
    if kind == "services":
        return bool(_SERVICE_PARAGRAPH.match(paragraph))
    lines = [line for line in paragraph.splitlines() if line.strip()]
    return bool(lines) and all(_CONTACT_LINE.match(line) for line in lines)


def text_without_card(text: str | None, payload: Any) -> str:
    """The reply's own words without the paragraphs that list what its card shows.

    For a client that draws the card itself: it shows this text, then the card,
    so nothing appears twice. When the payload is not a card the text is
    returned unchanged.
    """
    text = (text or "").strip()
    kind = card_kind(payload)
    if kind is None:
        return text
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n\n".join(p for p in paragraphs if not _is_listing(p, kind))


def text_with_card(text: str | None, payload: Any, lang: str | None = "en") -> str:
    """The reply as one text: its own words, with the card in place of any list it repeats.

    A reply's text may list the same services or contacts as its card (for
    channels that ignore cards). Those paragraphs are dropped and the rendered
    card stands where the list began (after the text when it has no list); the
    heading is left out when the text has an introduction of its own, and the
    cards are numbered as the text numbered them unless the payload gives an
    ``offset``. When the
    payload is not a card, or an empty one, the text is returned unchanged, so
    the numbers in it are never lost.
    """
    text = (text or "").strip()
    kind = card_kind(payload)
    if kind is None or render_card(payload, lang) is None:
        return text
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    listing = [i for i, p in enumerate(paragraphs) if _is_listing(p, kind)]
    at = listing[0] if listing else len(paragraphs)
    first = re.match(r"^(\d+)\.", paragraphs[at]) if listing and kind == "services" else None
    if first and "offset" not in payload:
        # Number the cards as the text did ("show more" starts at 4), when the payload does not say.
        payload = {**payload, "offset": int(first[1]) - 1}
    kept = [p for i, p in enumerate(paragraphs) if i not in listing]
    card = render_card(payload, lang, heading=at == 0 or kind == "crisis")
    kept.insert(at, card or "")
    return "\n\n".join(p for p in kept if p)
