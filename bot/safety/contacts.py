"""Crisis contacts from data/safety/contacts.yml (the one versioned source), and every copy of them.

This module is the one loader of the contacts file: it is checked against
``schemas/safety/contacts.schema.json`` and refused (ContactsError) if it does not
match. Every copy of the contacts that has to be checked in is generated from it
by one command:

    python -m bot.safety.contacts --write   # rewrite every generated copy
    python -m bot.safety.contacts --check   # exit 1, naming each stale copy

The copies: the crisis responses in domain.yml (``bot.safety.responses``), the web
chat's baked contacts (``bot/webchat/contacts.fallback.json``) and the widget's
last-resort list (the marked block in ``bot/webchat/static/widget.js``). Replies
built while the bot runs (REST and web chat error replies, the Telegram footer:
``bot.safety.responses.system_error`` and ``urgent_footer``) read this module and
need no copy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

REPO_ROOT = Path(__file__).resolve().parents[2]
CONTACTS_FILE = REPO_ROOT / "data" / "safety" / "contacts.yml"
SCHEMA_FILE = REPO_ROOT / "schemas" / "safety" / "contacts.schema.json"
NATIONS = ("england", "wales")
# "Get help now" in the web chat (and its baked copies): these contacts, in this order,
# each for the nations it serves; unknown nation: all of them.
GET_HELP_NOW = ("emergency", "nhs111_england", "nhs111_wales", "samaritans", "shout")


class ContactsError(ValueError):
    """The contacts file does not match its schema (the message says where and why)."""


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
            "id": self.id,
            "name": self.text("name", lang),
            "phone": self.phone if self.verified else None,
            "tel": self.tel if self.verified else None,
            "sms": self.sms if self.verified else None,
            "sms_body": self.sms_body if self.verified else None,
            "url": self.url,
            "hours": self.text("hours", lang) or None,
            "description": self.text("description", lang),
        }


def _jsonable(value: Any) -> Any:
    """YAML dates as ISO strings, so the document can be checked as JSON."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate(data: Any, source: str = "contacts file") -> dict[str, Any]:
    """Check a parsed contacts file against the schema and its cross-references; returns it.

    Raises:
        ContactsError: naming the first problem (path in the file and reason).
    """
    error = best_match(_validator().iter_errors(_jsonable(data)))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        raise ContactsError(f"{source}: {where}: {error.message}")
    ids = [c["id"] for c in data["contacts"]]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ContactsError(f"{source}: contacts: duplicate id {', '.join(duplicates)}")
    missing = [i for i in GET_HELP_NOW if i not in ids]
    if missing:
        raise ContactsError(f"{source}: contacts: 'Get help now' needs {', '.join(missing)}")
    for key, by_nation in data["sets"].items():
        for nation, members in by_nation.items():
            unknown = [i for i in members if i not in ids]
            if unknown:
                raise ContactsError(f"{source}: sets/{key}/{nation}: unknown contact {', '.join(unknown)}")
    return dict(data)


def read(path: Path = CONTACTS_FILE) -> dict[str, Any]:
    """Read and validate a contacts file (ContactsError if it does not match the schema)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return validate(data, str(path.relative_to(REPO_ROOT)) if path.is_relative_to(REPO_ROOT) else str(path))


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, Contact], dict[str, dict[str, tuple[str, ...]]]]:
    data = read(CONTACTS_FILE)
    contacts = {}
    for raw in data["contacts"]:
        contacts[raw["id"]] = Contact(
            id=raw["id"],
            name=raw["name"],
            phone=raw.get("phone"),
            tel=raw.get("tel"),
            sms=raw.get("sms"),
            sms_body=raw.get("sms_body"),
            email=raw.get("email"),
            url=raw.get("url"),
            hours=raw.get("hours"),
            nations=tuple(raw["nations"]),
            status=raw["status"],
            source=raw["source"],
            last_verified=raw["last_verified"],
            description=raw["description"],
            say=raw["say"],
            route=raw.get("route"),
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


def payload(
    category: str | None, nation: str | None, detail: str | None = None, lang: str = "en"
) -> dict[str, Any]:
    """The crisis card of docs/contracts.md."""
    return {
        "type": "crisis",
        "category": category or "C1",
        "nation": nation_key(nation),
        "contacts": [c.card(lang) for c in contacts_for(category, nation, detail)],
    }


def get_help_now(nation: str | None) -> list[Contact]:
    """The web chat's "Get help now" contacts for a nation (england, wales; else UK-wide: all)."""
    by_id = {c.id: c for c in all_contacts()}
    chosen = [by_id[i] for i in GET_HELP_NOW]
    if nation not in NATIONS:
        return chosen
    return [c for c in chosen if nation in c.nations or "uk" in c.nations]


BAKED_SOURCE = (
    "baked copy of data/safety/contacts.yml (bot/webchat/contacts.fallback.json); used only if "
    "that file cannot be read. A unit test keeps it in step."
)


def web_document(source: str = "data/safety/contacts.yml") -> dict[str, Any]:
    """The web chat's contacts document: one "Get help now" list per nation and the UK-wide one."""
    sets = {
        key: [c.card("en") for c in get_help_now(None if key == "uk" else key)] for key in ("uk", *NATIONS)
    }
    return {"source": source, "sets": sets}


# ---- generated copies ---------------------------------------------------------------------------

WEBCHAT_DIR = REPO_ROOT / "bot" / "webchat"
FALLBACK_FILE = WEBCHAT_DIR / "contacts.fallback.json"
WIDGET_FILE = WEBCHAT_DIR / "static" / "widget.js"
JS_BEGIN = "// >>> contacts (generated by python -m bot.safety.contacts --write; do not edit by hand)"
JS_END = "// <<< contacts"


def fallback_json() -> str:
    """bot/webchat/contacts.fallback.json, whole."""
    return json.dumps(web_document(BAKED_SOURCE), indent=1, ensure_ascii=False) + "\n"


def widget_block() -> str:
    """The widget's last-resort list (the statement between the markers in widget.js), one contact a line."""
    lines = ["var BAKED = { sets: {"]
    sets = web_document()["sets"]
    for n, (key, contacts) in enumerate(sets.items()):
        lines.append(f"  {key}: [")
        for i, card in enumerate(contacts):
            fields = ", ".join(
                f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in card.items() if v is not None
            )
            lines.append(f"    {{ {fields} }}{',' if i < len(contacts) - 1 else ''}")
        lines.append("  ]" + ("," if n < len(sets) - 1 else ""))
    lines.append("} };")
    return "\n".join(lines)


def splice(text: str, begin: str, end: str, block: str, name: str) -> str:
    """``text`` with the lines between the ``begin`` and ``end`` marker lines replaced by ``block``.

    Markers are matched on the stripped line; the block gets the begin marker's indentation.
    Raises ContactsError when the markers are missing.
    """
    lines = text.splitlines(keepends=True)
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == begin)
        stop = next(i for i, line in enumerate(lines) if i > start and line.strip() == end)
    except StopIteration:
        raise ContactsError(f"{name}: no generated block; add the lines {begin!r} and {end!r}") from None
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    body = "".join(f"{indent}{line}\n" if line else "\n" for line in block.splitlines())
    return "".join(lines[: start + 1]) + body + "".join(lines[stop:])


@dataclass(frozen=True)
class Copy:
    """One checked-in copy of the contacts: its file and how its wanted text is made from the current one."""

    path: Path
    wanted: Callable[[str], str]


def _domain(current: str) -> str:
    from bot.safety import responses  # responses imports this module

    return responses.splice(current, responses.render())


def copies() -> list[Copy]:
    """Every checked-in copy made from data/safety/contacts.yml."""
    from bot.safety.responses import DOMAIN

    return [
        Copy(DOMAIN, _domain),
        Copy(FALLBACK_FILE, lambda _current: fallback_json()),
        Copy(
            WIDGET_FILE, lambda current: splice(current, JS_BEGIN, JS_END, widget_block(), str(WIDGET_FILE))
        ),
    ]


def stale(targets: list[Copy] | None = None) -> list[str]:
    """The checked-in copies that differ from what the contacts file gives (one line each)."""
    problems = []
    for target in copies() if targets is None else targets:
        inside = target.path.is_relative_to(REPO_ROOT)
        name = str(target.path.relative_to(REPO_ROOT)) if inside else str(target.path)
        current = target.path.read_text(encoding="utf-8") if target.path.exists() else ""
        try:
            if target.wanted(current) != current:
                problems.append(f"{name}: out of date")
        except ContactsError as error:
            problems.append(str(error))
    return problems


def write(targets: list[Copy] | None = None) -> list[Path]:
    """Rewrite every stale copy; returns the files written."""
    written = []
    for target in copies() if targets is None else targets:
        current = target.path.read_text(encoding="utf-8") if target.path.exists() else ""
        wanted = target.wanted(current)
        if wanted != current:
            target.path.write_text(wanted, encoding="utf-8")
            written.append(target.path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line entry point (see module docstring)."""
    parser = argparse.ArgumentParser(description="Write or check every copy of data/safety/contacts.yml.")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", action="store_true", help="rewrite every stale copy")
    group.add_argument("--check", action="store_true", help="exit 1 if any copy is stale")
    args = parser.parse_args(argv)
    try:
        if args.check:
            problems = stale()
            for problem in problems:
                print(f"{problem}; run python -m bot.safety.contacts --write", file=sys.stderr)
            return 1 if problems else 0
        for path in write():
            print(f"wrote {path.relative_to(REPO_ROOT)}")
    except ContactsError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
