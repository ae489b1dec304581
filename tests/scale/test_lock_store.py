"""bot.lock_store against a real Redis (with a password): what a conversation's turns can rely on."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.lock_store import ConversationLockStore
from deploy.local import Redis, free_port
from tools.stack.services import ensure_services


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Redis]:
    ensure_services()
    server = Redis(Path(tmp_path_factory.mktemp("redis")))
    server.start()
    yield server
    server.stop()


def stores(server: Redis, count: int = 2, lease: float = 1.0) -> list[ConversationLockStore]:
    return [
        ConversationLockStore(url=server.url, password=server.password, lease_seconds=lease)
        for _ in range(count)
    ]


async def run_turns(
    replicas: list[ConversationLockStore], conversation: str, turns: int
) -> tuple[int, list[int]]:
    """Run `turns` turns at once, alternating replicas; (most turns inside at once, order served)."""
    inside, most, served = 0, 0, []

    async def turn(i: int) -> None:
        nonlocal inside, most
        async with replicas[i % len(replicas)].lock(conversation):
            inside += 1
            most = max(most, inside)
            await asyncio.sleep(0.005)
            served.append(i)
            inside -= 1

    await asyncio.gather(*(turn(i) for i in range(turns)))
    return most, served


async def test_turns_of_one_conversation_on_two_replicas_never_overlap(redis_server: Redis) -> None:
    replicas = stores(redis_server)
    most, served = await run_turns(replicas, "one-parent", 30)
    assert (most, sorted(served)) == (1, list(range(30)))
    for store in replicas:
        await store.close()


async def test_a_lock_left_by_a_dead_replica_lapses_and_the_next_turn_runs(redis_server: Redis) -> None:
    dead, alive = stores(redis_server)
    await dead.issue("orphaned")  # took the lock, then never renewed or released it
    most, served = await run_turns([alive], "orphaned", 1)
    assert served == [0]
    await dead.close()
    await alive.close()


async def test_with_redis_unreachable_turns_still_run_one_at_a_time_in_the_replica() -> None:
    [store] = [ConversationLockStore(url=f"redis://127.0.0.1:{free_port()}/0", password="x")]
    most, served = await run_turns([store], "redis-down", 5)
    assert (most, sorted(served)) == (1, list(range(5)))
    await store.close()


async def test_without_redis_url_locks_are_in_memory() -> None:
    store = ConversationLockStore(url="")
    assert store.redis is None
    most, served = await run_turns([store], "single-server", 5)
    assert (most, sorted(served)) == (1, list(range(5)))


def test_several_rasa_workers_without_redis_are_reported(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Rasa forks SANIC_WORKERS workers with any custom lock store: without Redis each would lock alone."""
    monkeypatch.setenv("SANIC_WORKERS", "2")
    with caplog.at_level("ERROR", logger="bot.lock_store"):
        store = ConversationLockStore(url="")
    assert store.redis is None
    assert "2 Rasa workers without REDIS_URL" in caplog.text


def test_one_rasa_worker_without_redis_is_the_default(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("SANIC_WORKERS", raising=False)
    with caplog.at_level("ERROR", logger="bot.lock_store"):
        ConversationLockStore(url="")
    assert caplog.text == ""
