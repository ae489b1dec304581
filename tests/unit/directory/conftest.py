"""Fixtures: in-memory directories built from the real YAML and from a small test copy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.db import make_engine, make_session_factory
from bot.directory.places import Gazetteer, load_gazetteer
from bot.directory.seed import create_directory

FIXTURE_SERVICES = Path(__file__).resolve().parent / "fixtures" / "services.yml"


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


@pytest.fixture
def small_db(tmp_path: Path) -> Iterator[tuple[str, Engine]]:
    """A SQLite file built from tests/unit/directory/fixtures (three services)."""
    url = f"sqlite:///{tmp_path / 'small.db'}"
    engine = make_engine(url)
    create_directory(engine, FIXTURE_SERVICES)
    yield url, engine
    engine.dispose()
