"""RUN_ROLE: what `make run` starts on a machine of a scale-out deployment."""

from __future__ import annotations

import dataclasses

import pytest

from bot.run import commands
from bot.settings import Settings

POLLING = {"telegram_token": "123:abc", "telegram_webhook_url": ""}


def test_a_replica_runs_only_rasa_and_its_action_server() -> None:
    settings = dataclasses.replace(Settings(), run_role="replica", **POLLING)
    assert set(commands(settings)) == {"rasa", "actions"}


def test_the_singletons_machine_runs_the_console_and_telegram_polling_only() -> None:
    settings = dataclasses.replace(Settings(), run_role="singletons", **POLLING)
    assert set(commands(settings)) == {"console", "telegram"}


def test_one_machine_runs_everything() -> None:
    settings = dataclasses.replace(Settings(), **POLLING)
    assert set(commands(settings)) == {"rasa", "actions", "console", "telegram"}


def test_an_unknown_role_is_refused_with_the_choices() -> None:
    with pytest.raises(SystemExit, match="all, replica, singletons"):
        commands(dataclasses.replace(Settings(), run_role="worker"))


def test_rasa_runs_one_worker_unless_told() -> None:
    from bot.run import process_env

    assert process_env("rasa", Settings(), {})["SANIC_WORKERS"] == "1"


def test_two_rasa_workers_share_their_locks_in_redis() -> None:
    from bot.run import process_env

    settings = dataclasses.replace(Settings(), rasa_workers=2, redis_url="redis://127.0.0.1:6379/0")
    assert set(commands(settings)) >= {"rasa", "actions"}
    assert process_env("rasa", settings, {})["SANIC_WORKERS"] == "2"
    assert "SANIC_WORKERS" not in process_env("actions", settings, {})


@pytest.mark.parametrize("role", ["all", "replica"])
def test_two_rasa_workers_without_redis_are_refused_before_anything_starts(role: str) -> None:
    with pytest.raises(SystemExit, match="RASA_WORKERS > 1 needs REDIS_URL"):
        commands(dataclasses.replace(Settings(), run_role=role, rasa_workers=2))


def test_the_singletons_machine_ignores_rasa_workers() -> None:
    settings = dataclasses.replace(Settings(), run_role="singletons", rasa_workers=2, **POLLING)
    assert set(commands(settings)) == {"console", "telegram"}


def test_rasa_forks_the_workers_with_the_projects_lock_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rasa accepts SANIC_WORKERS > 1 only with a lock store other than in-memory: ours is one."""
    from rasa.core.utils import number_of_sanic_workers
    from rasa.utils.endpoints import read_endpoint_config

    from bot.settings import REPO_ROOT

    lock_store = read_endpoint_config(str(REPO_ROOT / "endpoints.yml"), "lock_store")
    monkeypatch.setenv("SANIC_WORKERS", "2")
    assert number_of_sanic_workers(lock_store) == 2
    monkeypatch.setenv("SANIC_WORKERS", "1")
    assert number_of_sanic_workers(lock_store) == 1
