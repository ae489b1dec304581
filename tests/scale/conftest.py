"""The shared scale-out cluster: PostgreSQL, Redis, two Rasa replicas, nginx (tests/support/services.py)."""

from __future__ import annotations

import pytest

from tests.support.services import Cluster, shared_cluster


@pytest.fixture
def cluster(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Cluster:
    return shared_cluster(request, tmp_path_factory)
