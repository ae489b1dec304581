"""Shared fixtures of the fault tests: the scale-out cluster (tools/stack/services.py), the
domain, a tracker journal folder of the test's own, and a throwaway PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain

from bot.settings import get_settings
from deploy.local import Postgres
from tools.stack.services import Cluster, ensure_services, shared_cluster
from tools.stack.stack import REPO


@pytest.fixture
def cluster(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Cluster:
    return shared_cluster(request, tmp_path_factory)


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(REPO / "domain.yml"))


@pytest.fixture
def journal_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """TRACKER_JOURNAL_DIR in the test's own temporary folder."""
    monkeypatch.setenv("TRACKER_JOURNAL_DIR", str(tmp_path / "journal"))
    get_settings.cache_clear()
    yield tmp_path / "journal"
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Postgres]:
    ensure_services()
    server = Postgres(tmp_path_factory.mktemp("pg")).init()
    server.start()
    yield server
    server.remove()
