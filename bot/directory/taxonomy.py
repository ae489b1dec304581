"""The one taxonomy of needs, read from ``data/directory/taxonomy.yml``.

Term ids are used everywhere (services' ``needs``, search, the ORUK feed); the
file's ``topics`` map is the only map from NLU topics to needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

DEFAULT_TAXONOMY_PATH = Path(__file__).resolve().parents[2] / "data" / "directory" / "taxonomy.yml"


@dataclass(frozen=True)
class Term:
    """One need term: ``id``, its ``parent`` id (if any), English and Welsh labels."""

    id: str
    label: str
    label_cy: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class Taxonomy:
    """The needs taxonomy: its published vocabulary name, terms in file order, topic map."""

    vocabulary: str
    terms: tuple[Term, ...]
    topics: dict[str, str] = field(default_factory=dict, compare=False)

    def ids(self) -> frozenset[str]:
        """Every term id."""
        return frozenset(t.id for t in self.terms)

    def get(self, term_id: str) -> Term | None:
        """The term with this id, or None."""
        return next((t for t in self.terms if t.id == term_id), None)

    def need_for(self, topic: str | None) -> str | None:
        """The need a search for ``topic`` looks for (a term id used as a topic maps to itself)."""
        if not topic:
            return None
        if topic in self.topics:
            return self.topics[topic]
        return topic if topic in self.ids() else None

    def narrower(self, term_id: str) -> frozenset[str]:
        """The term and every term under it."""
        out, todo = {term_id}, [term_id]
        while todo:
            parent = todo.pop()
            for t in self.terms:
                if t.parent == parent and t.id not in out:
                    out.add(t.id)
                    todo.append(t.id)
        return frozenset(out)

    def label(self, term_id: str, language: str | None = None) -> str:
        """What a parent sees for a term, in Welsh when ``language`` is "cy" and there is one."""
        term = self.get(term_id)
        if term is None:
            return term_id.replace("_", " ")
        return term.label_cy if language == "cy" and term.label_cy else term.label


@lru_cache(maxsize=4)
def _load(path: Path) -> Taxonomy:
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    terms = tuple(
        Term(str(t["id"]), str(t["label"]), t.get("label_cy"), t.get("parent"))
        for t in doc.get("terms") or []
    )
    topics = {str(k): str(v) for k, v in (doc.get("topics") or {}).items()}
    return Taxonomy(str(doc.get("vocabulary") or "perinatal-signposting-needs"), terms, topics)


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read (once) the needs taxonomy; ``path`` defaults to ``data/directory/taxonomy.yml``."""
    return _load(Path(path or DEFAULT_TAXONOMY_PATH).resolve())


__all__ = ["Taxonomy", "Term", "load_taxonomy"]
