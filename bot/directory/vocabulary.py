"""The directory's small fixed vocabularies and their published ORUK taxonomy names.

Needs come from the taxonomy (``bot.directory.taxonomy``); audience, delivery, kind
and referral are listed here, so the YAML loader, the ORUK export and its import
agree on them.
"""

from __future__ import annotations

from bot.directory.taxonomy import Taxonomy, load_taxonomy

AUDIENCES = ("mum", "dad", "partner", "carer", "family", "professional", "young_person")
DELIVERY = ("online", "in_person", "phone", "text")
KINDS = ("group", "one_to_one", "helpline", "information", "course", "network", "home_visiting", "clinic")
REFERRALS = ("self", "gp", "midwife", "health_visitor", "professional")
# Attributes that carry a value rather than a classification (Welsh name, priority ...).
FIELDS = "field"
_OURS = ("audience", "delivery", "kind", "referral", FIELDS)
# The "field" attributes of an exported service (HSDS attributes with a ``value``):
# term -> (name, description). Phones carry "hours" the same way.
FIELD_TERMS = {
    "local_id": ("Local id", "The directory's own id (a slug) for this record."),
    "name_cy": ("Welsh name", "The name in Welsh."),
    "description_cy": ("Welsh description", "The description in Welsh."),
    "priority": ("Priority", "Order among national services in the signposting bot; lower first."),
    "hours": ("Hours", "When this phone line is answered, as the source gives it."),
}
PUBLISHED_PREFIX = "perinatal-signposting"


def published_name(vocabulary: str, taxonomy: Taxonomy | None = None) -> str:
    """The ORUK ``taxonomy`` string for one of our vocabularies (needs: taxonomy.yml's name)."""
    if vocabulary == "need":
        return (taxonomy or load_taxonomy()).vocabulary
    return f"{PUBLISHED_PREFIX}-{vocabulary}" if vocabulary in _OURS else vocabulary


def vocabulary_of(published: str, taxonomy: Taxonomy | None = None) -> str:
    """Inverse of :func:`published_name`; another publisher's taxonomy keeps its own name."""
    if published == (taxonomy or load_taxonomy()).vocabulary:
        return "need"
    for vocabulary in _OURS:
        if published == f"{PUBLISHED_PREFIX}-{vocabulary}":
            return vocabulary
    return published


__all__ = [
    "AUDIENCES",
    "DELIVERY",
    "FIELDS",
    "FIELD_TERMS",
    "KINDS",
    "REFERRALS",
    "published_name",
    "vocabulary_of",
]
