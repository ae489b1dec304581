"""The shared scale-out cluster: PostgreSQL, Redis, two Rasa replicas, nginx (tools/stack/services.py)."""

from __future__ import annotations

import pytest

from tools.stack.services import Cluster, shared_cluster


@pytest.fixture
def cluster(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Cluster:
    return shared_cluster(request, tmp_path_factory)
