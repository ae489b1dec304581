"""Fixtures: a tracker store filled through Rasa's classes, and a running console."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tools.console.fill import standard_set
from tools.console.server import ConsoleServer, add_users, console_settings


@pytest.fixture(scope="module")
def tracker_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("tracker") / "tracker.db"
    senders = standard_set(path)
    return path, senders


@pytest.fixture(scope="module")
def console(
    tmp_path_factory: pytest.TempPathFactory, tracker_db: tuple[Path, dict[str, str]]
) -> Iterator[ConsoleServer]:
    settings = console_settings(tmp_path_factory.mktemp("console"), tracker_db[0])
    add_users(settings)
    server = ConsoleServer(settings).start()
    yield server
    server.stop()
