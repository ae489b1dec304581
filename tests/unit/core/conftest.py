"""Fixtures for the bot core: a real directory file and trackers built by keyword."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker

from bot import signposting
from bot.directory.build import build
from bot.settings import get_settings


@pytest.fixture(scope="session")
def directory_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('directory') / 'directory.db'}"
    build(url)
    return url


@pytest.fixture
def directory(directory_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point the settings at the real directory file built from the seed."""
    monkeypatch.setenv("DIRECTORY_DB_URL", directory_url)
    get_settings.cache_clear()
    signposting._sessions.cache_clear()
    yield directory_url
    get_settings.cache_clear()


@pytest.fixture
def missing_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A directory URL whose file does not exist (and cannot be created)."""
    monkeypatch.setenv("DIRECTORY_DB_URL", f"sqlite:///{tmp_path / 'no' / 'such' / 'directory.db'}")
    get_settings.cache_clear()
    signposting._sessions.cache_clear()
    yield
    get_settings.cache_clear()
    signposting._sessions.cache_clear()


def make_tracker(
    *,
    intent: str = "find_support",
    slots: dict[str, Any] | None = None,
    text: str = "",
    entities: list[dict[str, Any]] | None = None,
    active_loop: str | None = None,
) -> Tracker:
    """A rasa_sdk Tracker with the latest message and slots given by keyword."""
    return Tracker(
        sender_id="test",
        slots=slots or {},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities or []},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )
