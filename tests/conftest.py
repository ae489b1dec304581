"""Shared fixtures: one real Rasa stack per test session, started on first use."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tools.stack.stack import Stack, start_stack

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The real action server and Rasa server on 127.0.0.1 (REST, socketio, Telegram channels)."""
    running = start_stack(tmp_path_factory.mktemp("stack"))
    yield running
    running.stop()
