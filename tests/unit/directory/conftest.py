"""Fixtures: an in-memory directory built from the real seed file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from bot.db import make_engine, make_session_factory
from bot.directory.places import Gazetteer, load_gazetteer
from bot.directory.seed import create_directory


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def session() -> Iterator[Session]:
    engine = make_engine("sqlite://")
    create_directory(engine)
    with make_session_factory(engine)() as session:
        yield session
    engine.dispose()
