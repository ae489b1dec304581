"""All settings, read once from the environment (and `.env`, which never wins).

Every field here has a line in `.env.example`; a unit test checks that.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from dotenv import load_dotenv

REPO_ROOT = Path(__file__).resolve().parent.parent


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """Deployment settings. Field names are the environment variable names, lower-cased."""

    # Rasa server and action server
    rasa_host: str = "127.0.0.1"
    rasa_port: int = 5005
    action_host: str = "127.0.0.1"
    action_port: int = 5055
    action_endpoint_url: str = "http://127.0.0.1:5055/webhook"
    rasa_telemetry_enabled: bool = False
    log_level: str = "INFO"
    # Data stores (SQLAlchemy URLs; SQLite files by default, PostgreSQL at scale)
    directory_db_url: str = "sqlite:///var/directory.db"
    tracker_db_url: str = "sqlite:///var/tracker.db"
    # Turns taken while the tracker database is unreachable (written back when it returns)
    tracker_journal_dir: str = "var/journal"
    # Scale-out: which processes `make run` starts, and the Redis lock store
    run_role: str = "all"
    redis_url: str = ""
    redis_password: str = ""
    lock_lease_seconds: int = 10
    # Rasa server worker processes on this machine (Sanic workers); more than 1 needs REDIS_URL
    rasa_workers: int = 1
    # Web chat widget
    webchat_storage: str = "session"
    webchat_allowed_origins: str = "*"
    # Telegram
    telegram_token: str = ""
    telegram_secret_token: str = ""
    telegram_api_base: str = "https://api.telegram.org"
    telegram_webhook_url: str = ""
    telegram_db_url: str = "sqlite:///var/telegram.db"
    # Staff console
    console_host: str = "127.0.0.1"
    console_port: int = 8010
    console_db_url: str = "sqlite:///var/console.db"
    console_secret_key: str = ""
    console_session_minutes: int = 30
    console_cookie_secure: bool = False
    retention_days: int = 180
    retention_schedule_hours: int = 0

    @property
    def var_dir(self) -> Path:
        """Folder for local SQLite files and run-time state."""
        return REPO_ROOT / "var"


def _convert(raw: str, default: object) -> object:
    if isinstance(default, bool):
        return _bool(raw)
    if isinstance(default, int):
        return int(raw)
    return raw


def load_settings(env_file: Path | None = None) -> Settings:
    """Read settings from the environment, falling back to `.env`, then defaults.

    Args:
        env_file: The dotenv file to read; defaults to `.env` at the repo root.

    Returns:
        A frozen Settings object.
    """
    load_dotenv(env_file or REPO_ROOT / ".env", override=False)
    # Each value's type follows its field's default (see _convert), which mypy cannot see.
    values: dict[str, Any] = {}
    for field in fields(Settings):
        raw = os.environ.get(field.name.upper())
        if raw is not None and raw != "":
            values[field.name] = _convert(raw, field.default)
    return Settings(**values)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings (read on first use, not at import)."""
    return load_settings()


def resolve_sqlite_url(url: str) -> str:
    """Make a relative SQLite path absolute against the repo root.

    Rasa and the action server are started from the repo root, but tests and
    the console may not be; a relative `sqlite:///var/x.db` must mean the same file.
    """
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and url != "sqlite://":
        return prefix + str(REPO_ROOT / url[len(prefix) :])
    return url
