"""Fixtures for the bot core: a real directory file (as the action server's Directory) and trackers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker

import actions
from bot.directory.build import build
from bot.directory.places import Gazetteer
from bot.directory.service import Directory, read_gazetteer
from bot.settings import get_settings


@pytest.fixture(scope="session")
def directory_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('directory') / 'directory.db'}"
    build(url)
    return url


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return read_gazetteer()


def _as_actions_directory(
    monkeypatch: pytest.MonkeyPatch, url: str, gazetteer: Gazetteer
) -> Iterator[Directory]:
    """The directory the settings name, in use by the actions, as the action server creates it."""
    monkeypatch.setenv("DIRECTORY_DB_URL", url)
    get_settings.cache_clear()
    directory = Directory(get_settings().directory_db_url, gazetteer=gazetteer)
    previous = actions.use_directory(directory)
    yield directory
    actions.use_directory(previous)
    directory.dispose()
    get_settings.cache_clear()


@pytest.fixture
def directory(
    directory_url: str, gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Directory]:
    """The real directory file built from the seed."""
    yield from _as_actions_directory(monkeypatch, directory_url, gazetteer)


@pytest.fixture
def missing_directory(
    tmp_path: Path, gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Directory]:
    """A directory URL whose file does not exist (and cannot be created)."""
    url = f"sqlite:///{tmp_path / 'no' / 'such' / 'directory.db'}"
    yield from _as_actions_directory(monkeypatch, url, gazetteer)


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
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": entities or [],
        },
        events=[],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )
