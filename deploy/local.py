"""PostgreSQL, Redis and nginx on 127.0.0.1 with throwaway data folders.

Used by `make scale` (a local demo of the scale-out setup: PostgreSQL, Redis,
two Rasa replicas behind nginx, and the singletons) and by the scale and fault
tests (tools/stack/services.py). Every service gets a free port and a folder
under one temporary directory; nothing touches the system's own services.

PostgreSQL refuses to run as root: as root it runs as the `postgres` user
(created by Debian's package) via `runuser`.
"""

from __future__ import annotations

import argparse
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NGINX_TEMPLATE = REPO / "deploy/nginx/perinatal-bot.conf.template"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout}s")


def missing_services() -> list[str]:
    """The Debian packages `scripts/install_services.sh` would install."""
    missing = []
    if not (glob.glob("/usr/lib/postgresql/*/bin/initdb") or shutil.which("initdb")):
        missing.append("postgresql")
    if not shutil.which("redis-server"):
        missing.append("redis-server")
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        missing.append("nginx")
    return missing


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if found:
        return found[-1]
    path = shutil.which(name)
    if not path:
        raise RuntimeError("PostgreSQL is not installed: run scripts/install_services.sh (make services)")
    return path


@dataclass
class Postgres:
    """A PostgreSQL cluster of its own (trust auth on 127.0.0.1 only)."""

    root: Path
    port: int = field(default_factory=free_port)

    @property
    def data(self) -> Path:
        return self.root / "pgdata"

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = list(args)
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed: {done.stdout}{done.stderr}")
        return done

    def init(self) -> Postgres:
        if os.geteuid() == 0:
            # The postgres user must reach the folder: a fresh one in /tmp, not under
            # a root-only temporary directory (removed by `remove`).
            self.root = Path(tempfile.mkdtemp(prefix="perinatal-pg-"))
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
        self.root.mkdir(parents=True, exist_ok=True)
        self._run(
            _pg_bin("initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        return self

    def start(self) -> None:
        # A throwaway cluster: no fsync (a clean stop still writes everything).
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.data} -c max_connections=100 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        log = str(self.root / "postgres.log")
        self._run(
            _pg_bin("pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "-t", "60", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self._run(_pg_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def remove(self) -> None:
        """Stop and delete the cluster's folder."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def restart(self) -> None:
        self.stop()
        self.start()

    def create_database(self, name: str) -> str:
        import psycopg2

        conn = psycopg2.connect(self.url())
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"')
        conn.close()
        return self.url(name)


@dataclass
class Redis:
    """A Redis server with a password and no persistence."""

    root: Path
    password: str = "local-test-password"
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        log = open(self.root / "redis.log", "ab")  # noqa: SIM115 - closed with the process
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.root),
                "--requirepass",
                self.password,
                "--daemonize",
                "no",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_port(self.port)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc = None


def render_nginx(replicas: list[str], listen: str) -> str:
    """deploy/nginx/perinatal-bot.conf.template with its three placeholders filled (like envsubst)."""
    text = NGINX_TEMPLATE.read_text()
    values = {"RASA_REPLICA_1": replicas[0], "RASA_REPLICA_2": replicas[1], "LISTEN": listen}
    for name, value in values.items():
        text = text.replace("${" + name + "}", value)
    return text


@dataclass
class Nginx:
    """nginx with the deploy/ configuration, in front of two replicas."""

    root: Path
    replicas: list[str]
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "site.conf").write_text(render_nginx(self.replicas, f"127.0.0.1:{self.port}"))
        user = "user root;\n" if os.geteuid() == 0 else ""
        (self.root / "nginx.conf").write_text(
            f"{user}worker_processes 1;\npid {self.root}/nginx.pid;\nerror_log {self.root}/error.log warn;\n"
            "events { worker_connections 512; }\n"
            f"http {{\n  access_log off;\n  client_body_temp_path {self.root}/body;\n"
            f"  proxy_temp_path {self.root}/proxy;\n  fastcgi_temp_path {self.root}/fastcgi;\n"
            f"  uwsgi_temp_path {self.root}/uwsgi;\n  scgi_temp_path {self.root}/scgi;\n"
            f"  include {self.root}/site.conf;\n}}\n"
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.proc = subprocess.Popen(
            [nginx, "-p", str(self.root), "-c", str(self.root / "nginx.conf"), "-g", "daemon off;"],
            stdout=open(self.root / "stdout.log", "ab"),  # noqa: SIM115 - the log lives as long as nginx
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_port(self.port)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc = None


def demo() -> int:
    """`make scale`: PostgreSQL + Redis + two replicas + nginx + singletons, on this machine."""
    missing = missing_services()
    if missing:
        print(f"Missing: {', '.join(missing)}. Run `make services` (as root) first.", file=sys.stderr)
        return 1
    root = Path(tempfile.mkdtemp(prefix="perinatal-scale-"))
    pg, redis = Postgres(root / "postgres").init(), Redis(root / "redis")
    pg.start()
    redis.start()
    tracker_url = pg.create_database("tracker")
    ports = [(free_port(), free_port()) for _ in range(2)]
    nginx = Nginx(root / "nginx", [f"127.0.0.1:{rasa}" for rasa, _ in ports])
    shared = {
        "TRACKER_DB_URL": tracker_url,
        "REDIS_URL": redis.url,
        "REDIS_PASSWORD": redis.password,
        "TELEGRAM_DB_URL": pg.create_database("telegram"),
        "RASA_TELEMETRY_ENABLED": "false",
    }
    procs: list[subprocess.Popen] = []

    def launch(role: str, extra: dict[str, str]) -> None:
        env = {**os.environ, **shared, "RUN_ROLE": role, **extra}
        procs.append(
            subprocess.Popen([sys.executable, "-m", "bot.run"], cwd=REPO, env=env, start_new_session=True)
        )

    try:
        for i, (rasa, action) in enumerate(ports, 1):
            launch(
                "replica",
                {
                    "RASA_PORT": str(rasa),
                    "ACTION_PORT": str(action),
                    "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{action}/webhook",
                    "TRACKER_JOURNAL_DIR": str(root / f"journal-{i}"),
                },
            )
        console_db = f"sqlite:///{root / 'console.db'}"
        launch("singletons", {"CONSOLE_DB_URL": console_db})
        for rasa, _ in ports:
            wait_port(rasa, timeout=300)
        nginx.start()
        print(
            "\n".join(
                [
                    "",
                    "Scale-out demo running (Ctrl-C stops it and deletes its data):",
                    f"  Load balancer (nginx):  {nginx.url}/webchat/   REST: {nginx.url}/webhooks/rest/webhook",
                    *[
                        f"  Replica {i}:             http://127.0.0.1:{rasa}/"
                        for i, (rasa, _) in enumerate(ports, 1)
                    ],
                    f"  PostgreSQL:             {tracker_url}",
                    f"  Redis:                  {redis.url} (password in REDIS_PASSWORD)",
                    f"  Staff console:          http://{os.environ.get('CONSOLE_HOST', '127.0.0.1')}:"
                    f"{os.environ.get('CONSOLE_PORT', '8010')}/ (a user: CONSOLE_DB_URL={console_db} "
                    "make console-user NAME=alex ROLE=admin)",
                    f"  Data folder:            {root}",
                    "",
                ]
            ),
            flush=True,
        )
        while all(p.poll() is None for p in procs):
            time.sleep(1)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        nginx.stop()
        redis.stop()
        pg.remove()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["demo"])
    parser.parse_args()
    sys.exit(demo())
