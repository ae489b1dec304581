"""Start everything a parent and a staff member need, and say where to go.

`make run` calls this after setting up, building the directory and training.
It starts the action server, the Rasa server (REST, web chat and Telegram
channels), the staff console, Telegram long polling when a token is set but no
webhook URL (the console runs the scheduled retention job). Ctrl-C stops them all.

At scale `RUN_ROLE` says what this machine runs (README "Running at scale"):
`replica` starts only the Rasa server and its action server (as many machines as
needed, behind the load balancer); `singletons` starts only what must run once
(the console with its retention job, Telegram long polling); `all` (the default)
starts everything.

`RASA_WORKERS` (default 1) runs the Rasa server as that many worker processes on
one port (Rasa's SANIC_WORKERS): one per core roughly doubles the messages a
second on 2 cores. The workers must share the conversation locks, so more than
one needs `REDIS_URL` (refused otherwise: in-memory locks are per process).
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bot.settings import REPO_ROOT, Settings, get_settings

logger = logging.getLogger("bot.run")
BIN = Path(sys.executable).parent


def _wait(url: str, proc: subprocess.Popen, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    return False


ROLES = ("all", "replica", "singletons")


def commands(settings: Settings) -> dict[str, list[str]]:
    """The processes to run, by name, for this machine's RUN_ROLE."""
    role = settings.run_role.strip().lower()
    if role not in ROLES:
        raise SystemExit(f"RUN_ROLE must be one of {', '.join(ROLES)}, not {settings.run_role!r}")
    rasa = str(BIN / "rasa")
    procs: dict[str, list[str]] = {}
    if role in ("all", "replica"):
        rasa_workers(settings)  # refused before anything starts
        procs["actions"] = [rasa, "run", "actions", "--actions", "actions", "-p", str(settings.action_port)]
        procs["rasa"] = [
            rasa,
            "run",
            "-m",
            "models",
            "--credentials",
            "credentials.yml",
            "--endpoints",
            "endpoints.yml",
            "-i",
            settings.rasa_host,
            "-p",
            str(settings.rasa_port),
        ]
    if role in ("all", "singletons"):
        if (REPO_ROOT / "bot/console/__main__.py").exists():
            procs["console"] = [sys.executable, "-m", "bot.console", "serve"]
        if settings.telegram_token and not settings.telegram_webhook_url:
            procs["telegram"] = [sys.executable, "-m", "bot.telegram.cli", "poll"]
    return procs


def rasa_workers(settings: Settings) -> int:
    """The Rasa server's worker processes; more than one only with the Redis lock store."""
    if settings.rasa_workers < 1:
        raise SystemExit(f"RASA_WORKERS must be 1 or more, not {settings.rasa_workers}")
    if settings.rasa_workers > 1 and not settings.redis_url:
        raise SystemExit(
            "RASA_WORKERS > 1 needs REDIS_URL: the workers must share the conversation locks "
            "(without Redis each worker would lock only its own messages)"
        )
    return settings.rasa_workers


def process_env(name: str, settings: Settings, env: dict[str, str]) -> dict[str, str]:
    """The environment of one process: rasa-sdk's action server listens on SANIC_HOST (0.0.0.0 if unset);
    Rasa forks SANIC_WORKERS workers (it accepts more than 1 with our lock store configured)."""
    if name == "actions":
        return {**env, "SANIC_HOST": settings.action_host}
    return {
        **env,
        "ACTION_ENDPOINT_URL": settings.action_endpoint_url,
        "SANIC_WORKERS": str(rasa_workers(settings)),
    }


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    settings = get_settings()
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "LOG_LEVEL": settings.log_level}
    procs: dict[str, subprocess.Popen] = {}
    for name, args in commands(settings).items():
        procs[name] = subprocess.Popen(
            args, cwd=REPO_ROOT, env=process_env(name, settings, env), start_new_session=True
        )

    def stop(*_: object) -> None:
        for proc in procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)

    def stop_and_exit(*_: object) -> None:
        stop()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop_and_exit)
    base = f"http://{'127.0.0.1' if settings.rasa_host == '0.0.0.0' else settings.rasa_host}:{settings.rasa_port}"
    try:
        if "rasa" not in procs:
            print(
                f"Running the singletons: {', '.join(procs) or 'nothing to run'}. Press Ctrl-C to stop.",
                flush=True,
            )
        elif not _wait(base + "/", procs["rasa"], 180):
            logger.error("The Rasa server did not start; see the messages above.")
            stop()
            return 1
        lines = (
            []
            if "rasa" not in procs
            else [
                "",
                "The perinatal support bot is running" + (" (replica)." if "console" not in procs else "."),
                f"  Parents, web chat:    {base}/webchat/",
                f"  REST channel:         {base}/webhooks/rest/webhook",
                f"  Staff console:        http://{settings.console_host}:{settings.console_port}/"
                if "console" in procs
                else "  Staff console:        "
                + (
                    "not on this machine (RUN_ROLE=replica)"
                    if settings.run_role.strip().lower() == "replica"
                    else "not installed"
                ),
                "  Create a staff user:  make console-user NAME=alex ROLE=admin",
                "  Telegram:             "
                + (
                    "long polling"
                    if "telegram" in procs
                    else "webhook"
                    if settings.telegram_token
                    else "off (no TELEGRAM_TOKEN)"
                ),
                "Press Ctrl-C to stop.",
            ]
        )
        if lines:
            print("\n".join(lines), flush=True)
        # The console runs the retention job itself when RETENTION_SCHEDULE_HOURS > 0.
        while all(proc.poll() is None for proc in procs.values()):
            time.sleep(1)
        dead = [name for name, proc in procs.items() if proc.poll() is not None]
        logger.error("Stopped because %s exited.", ", ".join(dead))
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop()


if __name__ == "__main__":
    sys.exit(main())
