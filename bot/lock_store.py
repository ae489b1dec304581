"""The conversation lock store: one turn at a time per conversation, across replicas.

Rasa handles a message under a lock per conversation, so two messages of one
parent are never processed at the same time (each would read the same stored
conversation and one turn would be lost). Rasa 3.6's `RedisLockStore` reads the
ticket queue, changes it in Python and writes it back in two separate steps: two
replicas issuing tickets at once both get the same ticket number and both go
ahead. Its tickets also live 60 seconds, so a replica killed while answering
blocks that conversation for a minute.

`ConversationLockStore` keeps the queue in Redis and changes it only in Lua
scripts, which Redis runs atomically:

* issuing a ticket is one `INCR` plus an append to the queue;
* a ticket is a lease of `LOCK_LEASE_SECONDS`, renewed every third of that by the
  replica that holds it (and by waiters as they poll), so a ticket of a dead
  replica is dropped after at most one lease, not after a minute;
* the holder is the first ticket in the queue; releasing removes only one's own
  ticket.

Without `REDIS_URL` (one Rasa server) the locks are `asyncio` locks in memory.
Rasa forks several workers (`SANIC_WORKERS`, `RASA_WORKERS` of `make run`) with
any custom lock store configured; their in-memory locks would be per worker, so
that is logged as an error here and refused by `make run` (bot/run.py).
When Redis cannot be reached the message is still handled, under this process's
in-memory lock: a parent in crisis must get an answer whatever is down (the
tracker store appends only the events of its own turn, so even two replicas
answering one conversation at once lose nothing).
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockStore

from bot.settings import get_settings

logger = logging.getLogger(__name__)

KEY_PREFIX = "perinatal:lock:"
POLL_SECONDS = 0.05  # waiting replicas ask Redis this often whether it is their turn
REDIS_TIMEOUT_SECONDS = 2.0

# KEYS: queue (sorted set of tickets), expiries (hash ticket -> ms), counter.
# ARGV: lease ms, key ttl ms.
_ISSUE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local n = redis.call('INCR', KEYS[3])
redis.call('ZADD', KEYS[1], n, n)
redis.call('HSET', KEYS[2], n, now + tonumber(ARGV[1]))
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
return n
"""

# ARGV: ticket, lease ms, key ttl ms. Drops expired tickets, renews this one.
# Returns 1 if this ticket is first in the queue, 0 if it waits, -1 if it is gone.
_POLL = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local expires = tonumber(redis.call('HGET', KEYS[2], m) or '0')
  if expires < now then
    redis.call('ZREM', KEYS[1], m)
    redis.call('HDEL', KEYS[2], m)
  end
end
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return -1 end
redis.call('HSET', KEYS[2], ARGV[1], now + tonumber(ARGV[2]))
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
if redis.call('ZRANGE', KEYS[1], 0, 0)[1] == ARGV[1] then return 1 end
return 0
"""

# ARGV: ticket. Removes this ticket; the last one out deletes the keys.
_RELEASE = """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('DEL', KEYS[1], KEYS[2], KEYS[3]) end
return 1
"""


def _sanic_workers() -> int:
    """The Rasa server's worker processes (Rasa reads SANIC_WORKERS; unset or not a number: 1)."""
    try:
        return int(os.environ.get("SANIC_WORKERS", "1"))
    except ValueError:
        return 1


class LocalLocks:
    """One `asyncio.Lock` per conversation in this process, forgotten when unused."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def hold(self, conversation_id: str) -> AsyncGenerator[None, None]:
        lock, users = self._locks.get(conversation_id, (asyncio.Lock(), 0))
        self._locks[conversation_id] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[conversation_id]
            if users <= 1:
                del self._locks[conversation_id]
            else:
                self._locks[conversation_id] = (lock, users - 1)


class ConversationLockStore(LockStore):
    """Atomic, leased ticket locks in Redis (or in memory without `REDIS_URL`)."""

    def __init__(
        self,
        endpoint_config: Any = None,
        url: str | None = None,
        password: str | None = None,
        lease_seconds: float | None = None,
        key_prefix: str = KEY_PREFIX,
    ) -> None:
        settings = get_settings()
        kwargs = dict(getattr(endpoint_config, "kwargs", None) or {})
        self.url = url if url is not None else (getattr(endpoint_config, "url", None) or settings.redis_url)
        password = password if password is not None else (kwargs.get("password") or settings.redis_password)
        lease = lease_seconds or kwargs.get("lease_seconds") or settings.lock_lease_seconds
        self.lease_seconds = float(lease)
        self.key_prefix = key_prefix
        self.local = LocalLocks()
        self.redis: Any = None
        if self.url:
            import redis.asyncio as aioredis

            self.redis = aioredis.from_url(
                self.url,
                password=password or None,
                socket_timeout=REDIS_TIMEOUT_SECONDS,
                socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
                health_check_interval=30,
            )
            self._issue = self.redis.register_script(_ISSUE)
            self._poll = self.redis.register_script(_POLL)
            self._release = self.redis.register_script(_RELEASE)
        elif _sanic_workers() > 1:
            logger.error(
                "lock: %s Rasa workers without REDIS_URL: each worker locks only its own messages; "
                "set REDIS_URL (or run one worker)",
                _sanic_workers(),
            )
        super().__init__()

    def _keys(self, conversation_id: str) -> list[str]:
        base = self.key_prefix + conversation_id
        return [base + ":queue", base + ":expires", base + ":next"]

    @property
    def _lease_ms(self) -> int:
        return int(self.lease_seconds * 1000)

    @property
    def _ttl_ms(self) -> int:
        return self._lease_ms * 3

    async def _script(self, script: Any, conversation_id: str, *args: object) -> int:
        """Run a script; once more on a fresh connection if the pooled one was stale."""
        import redis

        try:
            return int(await script(keys=self._keys(conversation_id), args=list(args)))
        except redis.ConnectionError:
            return int(await script(keys=self._keys(conversation_id), args=list(args)))

    async def issue(self, conversation_id: str) -> int:
        """Join the queue of `conversation_id`; returns the ticket number."""
        return await self._script(self._issue, conversation_id, self._lease_ms, self._ttl_ms)

    async def poll(self, conversation_id: str, ticket: int) -> int:
        """Renew `ticket`; 1 = it holds the lock, 0 = it waits, -1 = it expired."""
        return await self._script(self._poll, conversation_id, ticket, self._lease_ms, self._ttl_ms)

    async def release(self, conversation_id: str, ticket: int) -> None:
        await self._script(self._release, conversation_id, ticket)

    async def _wait_turn(self, conversation_id: str, ticket: int, give_up_after: float) -> int:
        """Wait until `ticket` is first; returns the ticket held (a new one if it expired)."""
        deadline = time.monotonic() + give_up_after
        while True:
            state = await self.poll(conversation_id, ticket)
            if state == 1:
                return ticket
            if state == -1:  # Redis lost it (restart, or this process stalled past the lease)
                ticket = await self.issue(conversation_id)
                continue
            if time.monotonic() > deadline:
                raise TimeoutError
            await asyncio.sleep(POLL_SECONDS)

    async def _renew(self, conversation_id: str, ticket: int, until: float) -> None:
        """Keep the held ticket alive while the turn is being handled."""
        import redis

        while time.monotonic() < until:
            await asyncio.sleep(self.lease_seconds / 3)
            try:
                if await self.poll(conversation_id, ticket) != 1:
                    logger.warning("lock: a conversation lock expired while its turn was being handled")
                    return
            except (redis.RedisError, OSError):
                logger.warning("lock: could not renew a conversation lock (Redis unreachable)")

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = POLL_SECONDS,
    ) -> AsyncGenerator[TicketLock, None]:
        """Hold the conversation's lock for one turn (at most `lock_lifetime` seconds of waiting)."""
        if self.redis is None:
            async with self.local.hold(conversation_id):
                yield TicketLock(conversation_id)
            return
        import redis

        ticket: int | None = None
        try:
            ticket = await self.issue(conversation_id)
            ticket = await self._wait_turn(conversation_id, ticket, lock_lifetime)
        except (redis.RedisError, OSError) as error:
            # Crisis above all: answer under this process's lock rather than not at all.
            logger.error(
                "lock: Redis unreachable (%s); handling the message with a local lock", type(error).__name__
            )
            ticket = None
        except TimeoutError:
            logger.error(
                "lock: waited %.0f s for a conversation lock; handling the message anyway", lock_lifetime
            )
        if ticket is None:
            async with self.local.hold(conversation_id):
                yield TicketLock(conversation_id)
            return
        until = time.monotonic() + lock_lifetime
        renewer = asyncio.ensure_future(self._renew(conversation_id, ticket, until))
        try:
            async with self.local.hold(conversation_id):
                yield TicketLock(conversation_id)
        finally:
            renewer.cancel()
            try:
                await self.release(conversation_id, ticket)
            except (redis.RedisError, OSError):
                logger.warning("lock: could not release a conversation lock; it expires by itself")

    async def close(self) -> None:
        if self.redis is not None:
            await self.redis.close()
