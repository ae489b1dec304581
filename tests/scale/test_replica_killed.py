"""A replica killed while it holds a conversation's lock does not block that conversation."""

from __future__ import annotations

import os
import signal
import threading
import uuid

import redis

from bot.lock_store import KEY_PREFIX
from tools.stack.services import Cluster, answered, kill, send


def test_next_message_is_answered_after_the_lock_holder_is_sigkilled(cluster: Cluster) -> None:
    victim, survivor = cluster.replicas[1], cluster.replicas[0]
    sender = f"killed-{uuid.uuid4().hex}"
    red = redis.Redis.from_url(cluster.redis.url, password=cluster.redis.password)
    actions = victim.procs["actions"]
    # The victim's action server is frozen, so the victim holds the lock while it
    # waits for the directory search; then it is SIGKILLed mid-turn.
    os.killpg(actions.pid, signal.SIGSTOP)
    try:
        search = (victim.rasa_url, sender, "any support groups near LD3 7HR")  # calls the action server
        worker = threading.Thread(target=send, args=search, daemon=True)
        worker.start()
        assert cluster.wait_for(lambda: red.zcard(f"{KEY_PREFIX}{sender}:queue") == 1, timeout=60)
        kill(victim)
    finally:
        os.killpg(actions.pid, signal.SIGCONT)

    reply = send(survivor.rasa_url, sender, "hello")

    assert answered(reply, "hello")
    assert cluster.user_texts(sender)[-1] == "hello"
