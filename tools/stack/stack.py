"""Start the real action server and Rasa server on 127.0.0.1 for tests.

Each stack gets its own free ports and its own folder of SQLite files, so
several stacks (and people) can run side by side.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
RASA = str(VENV_BIN / "rasa")


def free_port() -> int:
    """Ask the OS for a free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_http(url: str, timeout: float = 120.0, proc: subprocess.Popen | None = None) -> None:
    """Poll `url` until it answers, or fail with the process's log tail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer in {timeout}s")


def latest_model() -> Path:
    models = sorted((REPO / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise RuntimeError("no trained model in models/: run `make train` first")
    return models[-1]


def post_json(
    url: str, body: object, timeout: float = 60.0, headers: dict | None = None
) -> tuple[int, object]:
    """POST JSON (or raw bytes) and return (status, parsed JSON or text)."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read().decode()
            status = resp.status
    except urllib.error.HTTPError as err:
        raw, status = err.read().decode(), err.code
    try:
        return status, json.loads(raw)
    except json.JSONDecodeError:
        return status, raw


@dataclass
class Stack:
    """A running Rasa server (and, normally, action server)."""

    var_dir: Path
    env: dict[str, str]
    rasa_port: int
    action_port: int
    credentials: Path
    model: Path
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)
    endpoints: Path = REPO / "endpoints.yml"
    rasa_args: list[str] = field(default_factory=list)

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}"

    @property
    def rest_url(self) -> str:
        return f"{self.rasa_url}/webhooks/rest/webhook"

    def send(self, sender: str, text: str) -> list[dict]:
        """Send one message through the REST channel and return the bot's messages."""
        status, body = post_json(self.rest_url, {"sender": sender, "message": text})
        assert status == 200, (status, body)
        assert isinstance(body, list), body
        return body

    def texts(self, sender: str, text: str) -> str:
        """Send a message and return all reply texts joined (for readable asserts)."""
        return "\n".join(m.get("text", "") for m in self.send(sender, text))

    def _spawn(self, name: str, args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
        log = open(self.var_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(
            args,
            cwd=REPO,
            env={**self.env, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.procs[name] = proc
        return proc

    def start_actions(self) -> None:
        proc = self._spawn(
            "actions",
            [RASA, "run", "actions", "--actions", "actions", "-p", str(self.action_port)],
            env={"SANIC_HOST": "127.0.0.1"},
        )
        wait_http(f"{self.action_url}/health", proc=proc)

    def stop_actions(self) -> None:
        self._stop("actions")

    def start_rasa(self) -> None:
        # The repo's endpoints.yml; its ${ACTION_ENDPOINT_URL} points at this stack's action server.
        proc = self._spawn(
            "rasa",
            [
                RASA,
                "run",
                "-m",
                str(self.model),
                "--credentials",
                str(self.credentials),
                "--endpoints",
                str(self.endpoints),
                "-i",
                "127.0.0.1",
                "-p",
                str(self.rasa_port),
                *self.rasa_args,
            ],
            env={"ACTION_ENDPOINT_URL": f"{self.action_url}/webhook"},
        )
        wait_http(self.rasa_url + "/", proc=proc, timeout=180)

    def stop_rasa(self) -> None:
        self._stop("rasa")

    def _stop(self, name: str) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    def stop(self) -> None:
        for name in list(self.procs):
            self._stop(name)

    def log(self, name: str) -> str:
        path = self.var_dir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""


def start_stack(
    var_dir: Path,
    *,
    extra_env: dict[str, str] | None = None,
    actions: bool = True,
    credentials: Path | None = None,
    build_directory: bool = True,
    endpoints: Path | None = None,
    rasa_args: list[str] | None = None,
) -> Stack:
    """Build the directory into `var_dir` and start the servers on free ports.

    Args:
        var_dir: Folder for this stack's SQLite files and logs.
        extra_env: Settings to add (e.g. Telegram's API base and secret).
        actions: Start the action server too.
        credentials: A credentials file other than the repo's.
        build_directory: Build `var_dir/directory.db` from the seed first.
        endpoints: An endpoints file other than the repo's (e.g. with a lock store).
        rasa_args: More `rasa run` arguments (e.g. `["--cors", "*"]`).
    """
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "DIRECTORY_DB_URL": f"sqlite:///{var_dir / 'directory.db'}",
        "TRACKER_DB_URL": f"sqlite:///{var_dir / 'tracker.db'}",
        "TELEGRAM_DB_URL": f"sqlite:///{var_dir / 'telegram.db'}",
        "CONSOLE_DB_URL": f"sqlite:///{var_dir / 'console.db'}",
        "TRACKER_JOURNAL_DIR": str(var_dir / "journal"),
        "LOG_LEVEL": "INFO",
        **(extra_env or {}),
    }
    stack = Stack(
        var_dir=var_dir,
        env=env,
        rasa_port=free_port(),
        action_port=free_port(),
        credentials=credentials or REPO / "credentials.yml",
        model=latest_model(),
        endpoints=endpoints or REPO / "endpoints.yml",
        rasa_args=list(rasa_args or []),
    )
    if build_directory:
        subprocess.run(
            [sys.executable, "-m", "bot.directory.build", "--url", env["DIRECTORY_DB_URL"]],
            cwd=REPO,
            env=env,
            check=True,
            capture_output=True,
        )
    try:
        if actions:
            stack.start_actions()
        stack.start_rasa()
    except Exception:
        stack.stop()
        raise
    return stack
