"""Crisis contacts from data/safety/contacts.yml (the one versioned source)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CONTACTS_FILE = Path(__file__).resolve().parents[2] / "data" / "safety" / "contacts.yml"
NATIONS = ("england", "wales")


@dataclass(frozen=True)
class Contact:
    """One crisis contact. ``shown_phone`` is None unless the number is verified."""

    id: str
    name: str
    phone: str | None
    tel: str | None
    sms: str | None
    sms_body: str | None
    email: str | None
    url: str | None
    hours: str | None
    nations: tuple[str, ...]
    status: str
    source: str
    last_verified: dt.date
    description: str
    say: str
    route: str | None = None  # the same-day route in a sentence ("call NHS 111 and press 2")
    welsh: tuple[tuple[str, str], ...] = ()  # Welsh name, hours, description, say, route

    def text(self, field: str, lang: str = "en") -> str:
        """A wording field (name, hours, description, say, route) in the language."""
        if lang == "cy":
            welsh = dict(self.welsh).get(field)
            if welsh:
                return welsh
        return str(getattr(self, field) or "")

    @property
    def verified(self) -> bool:
        return self.status == "V"

    def card(self, lang: str = "en") -> dict[str, Any]:
        """The contact as it appears in the crisis payload (docs/contracts.md)."""
        return {
            "id": self.id, "name": self.text("name", lang),
            "phone": self.phone if self.verified else None,
            "tel": self.tel if self.verified else None,
            "sms": self.sms if self.verified else None,
            "sms_body": self.sms_body if self.verified else None,
            "url": self.url, "hours": self.text("hours", lang) or None,
            "description": self.text("description", lang),
        }


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, Contact], dict[str, dict[str, tuple[str, ...]]]]:
    data = yaml.safe_load(CONTACTS_FILE.read_text(encoding="utf-8"))
    contacts = {}
    for raw in data["contacts"]:
        contacts[raw["id"]] = Contact(
            id=raw["id"], name=raw["name"], phone=raw.get("phone"), tel=raw.get("tel"),
            sms=raw.get("sms"), sms_body=raw.get("sms_body"), email=raw.get("email"), url=raw.get("url"),
            hours=raw.get("hours"), nations=tuple(raw["nations"]), status=raw["status"],
            source=raw["source"], last_verified=raw["last_verified"], description=raw["description"],
            say=raw["say"], route=raw.get("route"),
            welsh=tuple((k, str(v)) for k, v in (raw.get("cy") or {}).items()),
        )
    sets = {k: {n: tuple(v) for n, v in by_nation.items()} for k, by_nation in data["sets"].items()}
    return contacts, sets


def all_contacts() -> list[Contact]:
    """Every contact in the file."""
    return list(_load()[0].values())


def nation_key(nation: str | None) -> str:
    """england / wales, or uk for unknown and other nations."""
    return nation if nation in NATIONS else "uk"


def set_key(category: str | None, detail: str | None = None) -> str:
    """The `sets` entry for a category (C3 split by intrusive / intent)."""
    if category == "C3":
        return "C3_intrusive" if detail == "intrusive" else "C3_intent"
    if category is None:
        return "C1"
    return category


def contacts_for(category: str | None, nation: str | None, detail: str | None = None) -> list[Contact]:
    """Contacts for a risk category (C1..C9, or ``check_in``) and nation, in reply order."""
    contacts, sets = _load()
    return [contacts[i] for i in sets[set_key(category, detail)][nation_key(nation)]]


def payload(category: str | None, nation: str | None, detail: str | None = None, lang: str = "en") -> dict[str, Any]:
    """The crisis card of docs/contracts.md."""
    return {
        "type": "crisis",
        "category": category or "C1",
        "nation": nation_key(nation),
        "contacts": [c.card(lang) for c in contacts_for(category, nation, detail)],
    }
