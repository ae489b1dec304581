"""Answers to parents' questions: one home for their wording (data/answers/answers.yml).

Each answer is keyed by the NLU topic it answers, in English and Welsh, with the
public pages that support its claims. The response generator (bot.safety.nlg)
gives the answer for the conversation's `topic` and language whenever one of the
question responses is due, so which question intent the NLU chose does not
change the answer; a question without a known topic gets its response's default.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ANSWERS_FILE = Path(__file__).resolve().parent.parent / "data" / "answers" / "answers.yml"
# The question responses and the answer each gives when no known topic was named.
DEFAULT_TOPIC = {
    "utter_ask_low_mood": "low_mood",
    "utter_ask_attachment": "bonding",
    "utter_ask_infant_mental_health": "infant_mental_health",
}


@dataclass(frozen=True)
class Answer:
    """One answer in English and Welsh, with its sources (URLs)."""

    topic: str
    en: str
    cy: str
    sources: tuple[str, ...]

    def text(self, language: str | None) -> str:
        """The answer in the conversation's language ("cy" or English)."""
        return self.cy if language == "cy" and self.cy else self.en


def _clean(text: Any) -> str:
    return " ".join(str(text or "").split())


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return yaml.safe_load(ANSWERS_FILE.read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def answers() -> dict[str, Answer]:
    """Every answer by topic; each must have English, Welsh and at least one source URL."""
    out: dict[str, Answer] = {}
    for raw in _data().get("answers") or []:
        sources = tuple(str(s["url"]) for s in raw.get("sources") or [])
        answer = Answer(str(raw["topic"]), _clean(raw.get("en")), _clean(raw.get("cy")), sources)
        if not answer.en or not answer.sources:
            raise ValueError(f"answers.yml: {answer.topic!r} needs English text and a source")
        out[answer.topic] = answer
    missing = sorted(set(DEFAULT_TOPIC.values()) - set(out))
    if missing:
        raise ValueError(f"answers.yml: no default answer for {', '.join(missing)}")
    return out


def answer_for(response: str, topic: str | None) -> Answer:
    """The answer a question response gives for this topic (its default when unknown)."""
    found = answers()
    return found.get(topic or "") or found[DEFAULT_TOPIC[response]]


# The gentle check-in's responses and the line of data/answers/answers.yml `whooley` each says;
# the three questions carry Yes / No buttons.
CHECK_IN = {
    "utter_check_in_intro": "intro",
    "utter_check_in_q1": "q1",
    "utter_check_in_q2": "q2",
    "utter_check_in_q2_after_no": "q2",  # the same question; the name tells the rules the first answer
    "utter_check_in_q3": "q3",
    "utter_check_in_after_yes": "after_yes",
    "utter_check_in_after_no": "after_no",
    "utter_check_in_no_help": "after_no_help",
}
_QUESTIONS = {"q1", "q2", "q3"}


def check_in_response(response: str, language: str | None) -> dict[str, Any]:
    """A check-in response: its text, and Yes / No buttons for the three questions."""
    key = CHECK_IN[response]
    out: dict[str, Any] = {"text": check_in_text(key, language)}
    if key in _QUESTIONS:
        titles = (_data().get("whooley") or {})["buttons"]
        yes, no = titles["cy"] if language == "cy" else titles["en"]
        out["buttons"] = [{"title": yes, "payload": "/affirm"}, {"title": no, "payload": "/deny"}]
    elif key == "after_yes":
        out["buttons"] = (
            [{"title": check_in_text("find_button", language), "payload": "/find_support"}]
            if "find_button" in (_data().get("whooley") or {})
            else []
        )
    return out


def check_in_text(key: str, language: str | None) -> str:
    """One line of the gentle check-in (the Whooley questions, NICE CG192): intro, q1 ... after_no."""
    entry = (_data().get("whooley") or {})[key]
    return _clean(entry.get("cy") if language == "cy" and entry.get("cy") else entry["en"])


__all__ = [
    "CHECK_IN",
    "DEFAULT_TOPIC",
    "Answer",
    "answer_for",
    "answers",
    "check_in_response",
    "check_in_text",
]
