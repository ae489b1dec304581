"""Settings as environment variables for every process of the project's venv.

`make setup` puts a `.pth` file in the venv that imports this module when any
Python of that venv starts (the `rasa` command included). It reads `.env` (never
overriding what the environment already says) and gives `ACTION_ENDPOINT_URL`
its default, so `endpoints.yml` can say `${ACTION_ENDPOINT_URL}` and the standard
Rasa commands (`rasa run`, `rasa shell`) work from the repo root unchanged.
Light on purpose: no imports beyond the standard library and python-dotenv.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = {"ACTION_ENDPOINT_URL": "http://127.0.0.1:5055/webhook"}


def apply(environ: dict[str, str] | os._Environ[str] = os.environ) -> None:
    """Load `.env` (the environment wins), then fill in the defaults that are still unset."""
    try:
        from dotenv import dotenv_values
    except ImportError:  # the venv is being built
        values: dict[str, str | None] = {}
    else:
        env_file = Path(environ.get("PERINATAL_ENV_FILE", str(REPO_ROOT / ".env")))
        values = dict(dotenv_values(env_file)) if env_file.is_file() else {}
    for key in DEFAULTS:
        value = environ.get(key) or values.get(key) or DEFAULTS[key]
        environ[key] = value


apply()
