"""Settings: every one is documented in .env.example, and the environment wins."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from bot.settings import REPO_ROOT, Settings, load_settings, resolve_sqlite_url


def documented() -> set[str]:
    text = (REPO_ROOT / ".env.example").read_text()
    return set(re.findall(r"^([A-Z_][A-Z0-9_]*)=", text, flags=re.M))


def test_every_setting_is_in_env_example() -> None:
    assert {f.name.upper() for f in fields(Settings)} == documented()


def test_environment_wins_over_dotenv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("RASA_PORT=6000\nCONSOLE_PORT=9000\nCONSOLE_COOKIE_SECURE=true\n")
    for name in ("CONSOLE_PORT", "CONSOLE_COOKIE_SECURE"):
        # set then delete, so monkeypatch removes what load_dotenv adds
        monkeypatch.setenv(name, "x")
        monkeypatch.delenv(name)
    monkeypatch.setenv("RASA_PORT", "7000")
    settings = load_settings(env_file)
    assert (settings.rasa_port, settings.console_port, settings.console_cookie_secure) == (7000, 9000, True)


def test_telemetry_is_off_by_default() -> None:
    assert Settings().rasa_telemetry_enabled is False


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///var/x.db", f"sqlite:///{REPO_ROOT}/var/x.db"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
        ("sqlite://", "sqlite://"),
        ("postgresql://u:p@db/bot", "postgresql://u:p@db/bot"),
    ],
)
def test_relative_sqlite_paths_are_under_the_repo(url: str, expected: str) -> None:
    assert resolve_sqlite_url(url) == expected


def test_make_run_keeps_the_action_server_on_loopback() -> None:
    from bot.run import process_env

    settings = Settings()
    assert settings.action_host == "127.0.0.1"
    assert process_env("actions", settings, {"PATH": "/bin"}) == {"PATH": "/bin", "SANIC_HOST": "127.0.0.1"}
    assert "SANIC_HOST" not in process_env("rasa", settings, {"PATH": "/bin"})


def test_rasa_gets_the_action_server_url_from_the_environment() -> None:
    from bot.run import process_env

    settings = Settings(action_endpoint_url="http://10.0.0.5:6000/webhook")
    assert process_env("rasa", settings, {})["ACTION_ENDPOINT_URL"] == "http://10.0.0.5:6000/webhook"
    assert "${ACTION_ENDPOINT_URL}" in (REPO_ROOT / "endpoints.yml").read_text(encoding="utf-8")


def test_env_defaults_fill_only_what_is_unset() -> None:
    import os
    from unittest import mock

    from bot import envdefaults

    line = envdefaults.pth_line()
    assert line.startswith("import os; ")
    with mock.patch.dict(os.environ, {}, clear=True):
        exec(line)  # what Python does with the venv's .pth line at start-up
        assert os.environ["ACTION_ENDPOINT_URL"] == "http://127.0.0.1:5055/webhook"
    with mock.patch.dict(os.environ, {"ACTION_ENDPOINT_URL": "http://x:1/webhook"}, clear=True):
        exec(line)
        assert os.environ["ACTION_ENDPOINT_URL"] == "http://x:1/webhook"
