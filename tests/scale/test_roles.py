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
