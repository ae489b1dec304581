"""A scale-out cluster for tests: PostgreSQL, Redis, two Rasa replicas, nginx.

The services are started by deploy/local.py on 127.0.0.1 free ports with
throwaway folders (PostgreSQL as the `postgres` user when the tests run as root),
installed first with scripts/install_services.sh when missing. The replicas are
real `tools.stack.stack` stacks sharing the tracker database and the lock store.

One cluster serves the whole test session (tests/faults and tests/scale): each
fault test puts back what it broke.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from bot.channels.rest import system_error_reply
from deploy.local import Nginx, Postgres, Redis, missing_services
from tools.stack.stack import REPO, Stack, post_json, start_stack

STOCK_ENDPOINTS = """\
action_endpoint:
  url: ${{ACTION_ENDPOINT_URL}}
  enable_selective_domain: true
nlg:
  type: bot.safety.nlg.CrisisAwareNLG
tracker_store:
  type: SQL
  dialect: postgresql
  url: 127.0.0.1
  port: {pg_port}
  db: tracker
  username: postgres
lock_store:
  type: redis
  url: 127.0.0.1
  port: {redis_port}
  password: {redis_password}
  db: 0
"""


def ensure_services() -> None:
    """Install PostgreSQL, Redis and nginx with scripts/install_services.sh if any is missing."""
    if not missing_services():
        return
    if os.geteuid() != 0:
        pytest.fail(f"missing {', '.join(missing_services())}: run `sudo make services` once")
    subprocess.run(["bash", str(REPO / "scripts/install_services.sh")], check=True)


@dataclass
class Cluster:
    """Two replicas sharing PostgreSQL and Redis, nginx in front."""

    root: Path
    pg: Postgres
    redis: Redis
    tracker_url: str
    stock: bool = False
    replicas: list[Stack] = field(default_factory=list)
    nginx: Nginx | None = None

    def replica_env(self, index: int) -> dict[str, str]:
        return {
            "TRACKER_DB_URL": self.tracker_url,
            "REDIS_URL": self.redis.url,
            "REDIS_PASSWORD": self.redis.password,
            "TRACKER_JOURNAL_DIR": str(self.root / f"replica{index}" / "journal"),
        }

    def _start_replica(self, index: int) -> Stack:
        endpoints = None
        if self.stock:  # Rasa's own RedisLockStore and SQLTrackerStore, for the "before" figures
            endpoints = self.root / "stock-endpoints.yml"
            endpoints.write_text(
                STOCK_ENDPOINTS.format(
                    pg_port=self.pg.port, redis_port=self.redis.port, redis_password=self.redis.password
                )
            )
        var_dir = self.root / f"replica{index}"
        return start_stack(var_dir, extra_env=self.replica_env(index), endpoints=endpoints)

    def start_replicas(self, count: int = 2) -> None:
        with ThreadPoolExecutor(count) as pool:
            self.replicas = list(pool.map(self._start_replica, range(1, count + 1)))

    def ensure_running(self) -> None:
        """Restart a replica a test killed."""
        for i, stack in enumerate(self.replicas):
            if stack.procs.get("rasa") is None or stack.procs["rasa"].poll() is not None:
                stack.stop()
                self.replicas[i] = self._start_replica(i + 1)

    def journal_records(self, index: int) -> list[dict[str, Any]]:
        folder = self.root / f"replica{index}" / "journal"
        records = []
        for path in sorted(folder.glob("*.jsonl")):
            records += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        return records

    def events(self, sender: str) -> list[dict[str, Any]]:
        """Every stored event of `sender`, in the order the store keeps them."""
        engine = sa.create_engine(self.tracker_url)
        try:
            with engine.connect() as conn:
                rows = (
                    conn.execute(
                        sa.text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}
                    )
                    .scalars()
                    .all()
                )
        finally:
            engine.dispose()
        return [json.loads(row) for row in rows]

    def user_texts(self, sender: str) -> list[str]:
        return [e.get("text") or "" for e in self.events(sender) if e["event"] == "user"]

    def wait_for(self, condition: Callable[[], bool], timeout: float = 60.0) -> bool:
        """Poll `condition` until it holds (True) or `timeout` passes (False)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if condition():
                    return True
            except sa.exc.OperationalError:
                pass
            time.sleep(0.3)
        return False

    def restart_redis(self) -> None:
        self.redis.stop()
        self.redis.start()

    def stop(self) -> None:
        for stack in self.replicas:
            stack.stop()
        if self.nginx is not None:
            self.nginx.stop()
        self.redis.stop()
        self.pg.remove()


def start_cluster(root: Path, *, stock: bool = False, nginx: bool = True) -> Cluster:
    """PostgreSQL + Redis + two replicas (+ nginx) on free 127.0.0.1 ports under `root`."""
    ensure_services()
    pg = Postgres(root / "postgres").init()
    pg.start()
    redis = Redis(root / "redis")
    cluster = Cluster(root=root, pg=pg, redis=redis, tracker_url="", stock=stock)
    try:
        redis.start()
        cluster.tracker_url = pg.create_database("tracker")
        cluster.start_replicas()
        if nginx:
            cluster.nginx = Nginx(root / "nginx", [f"127.0.0.1:{s.rasa_port}" for s in cluster.replicas])
            cluster.nginx.start()
    except Exception:
        cluster.stop()
        raise
    return cluster


_shared: dict[str, Cluster] = {}


def shared_cluster(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Cluster:
    """The session's cluster (tests/faults and tests/scale share it), started on first use."""
    if "cluster" not in _shared:
        cluster = start_cluster(tmp_path_factory.mktemp("cluster"))
        _shared["cluster"] = cluster

        def stop() -> None:
            _shared.pop("cluster", None)
            cluster.stop()

        request.config.add_cleanup(stop)
    cluster = _shared["cluster"]
    cluster.ensure_running()
    return cluster


def send(url: str, sender: str, text: str, timeout: float = 120.0) -> list[dict]:
    """POST one message to a REST webhook; the bot's messages ([] on a transport error)."""
    try:
        status, body = post_json(
            f"{url}/webhooks/rest/webhook", {"sender": sender, "message": text}, timeout=timeout
        )
    except OSError:
        return []
    return body if status == 200 and isinstance(body, list) else []


def answered(reply: list[dict], text: str) -> bool:
    """A real answer: at least one message, and not the 'something went wrong' reply."""
    return bool(reply) and system_error_reply(text) not in [m.get("text", "") for m in reply]


def text_of(reply: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in reply)


def kill(stack: Stack, name: str = "rasa") -> None:
    """SIGKILL one of a stack's processes (no cleanup, like a crashed machine)."""
    proc = stack.procs[name]
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
