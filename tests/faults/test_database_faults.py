"""The tracker database blinks or stops: parents are answered and no turn is lost."""

from __future__ import annotations

import uuid

from tools.stack.services import Cluster, answered, send, text_of


def test_postgres_restarted_between_turns_loses_no_turn_and_serves_no_stale_conversation(
    cluster: Cluster,
) -> None:
    first, second = cluster.replicas
    sender = f"pg-restart-{uuid.uuid4().hex}"
    opening = send(first.rasa_url, sender, "I need some support since having my baby")
    assert "Where do you live?" in text_of(opening)

    cluster.pg.restart()  # every pooled connection of both replicas is now dead
    reply = send(second.rasa_url, sender, "Brecon")

    # The other replica read the conversation as stored (it had asked where the parent
    # lives): a search near Brecon, not a new conversation's privacy notice.
    assert answered(reply, "Brecon")
    assert "Here is support near" in text_of(reply)
    assert "automated service" not in text_of(reply)
    assert cluster.user_texts(sender) == ["I need some support since having my baby", "Brecon"]


def test_postgres_stopped_turns_are_answered_journaled_and_stored_in_order_when_it_returns(
    cluster: Cluster,
) -> None:
    replica = cluster.replicas[0]
    sender = f"pg-down-{uuid.uuid4().hex}"
    assert answered(send(replica.rasa_url, sender, "hi there"), "hi there")

    cluster.pg.stop()
    try:
        crisis = send(replica.rasa_url, sender, "I want to die")
        after = send(replica.rasa_url, sender, "thank you")
        journaled = [
            e.get("text")
            for r in cluster.journal_records(1)
            if r["sender_id"] == sender
            for e in r["events"]
            if e["event"] == "user"
        ]
    finally:
        cluster.pg.start()

    assert "999" in text_of(crisis) and "116 123" in text_of(crisis)
    assert answered(after, "thank you")
    assert journaled == ["I want to die", "thank you"]
    expected = ["hi there", "I want to die", "thank you"]
    stored = cluster.wait_for(lambda: cluster.user_texts(sender) == expected, timeout=30)
    assert stored, cluster.user_texts(sender)
    # Staff see the crisis reply that was given while the database was down, after the disclosure.
    events = cluster.events(sender)
    disclosure = next(i for i, e in enumerate(events) if e.get("text") == "I want to die")
    assert any("116 123" in (e.get("text") or "") for e in events[disclosure:] if e["event"] == "bot")
    assert cluster.journal_records(1) == []


def test_redis_stopped_parents_still_get_replies_crisis_above_all(cluster: Cluster) -> None:
    assert cluster.nginx is not None
    sender = f"redis-down-{uuid.uuid4().hex}"
    cluster.redis.stop()
    try:
        crisis = send(cluster.nginx.url, sender, "I want to die")
        after = send(cluster.nginx.url, sender, "thank you")
    finally:
        cluster.redis.start()

    assert "999" in text_of(crisis) and "116 123" in text_of(crisis)
    assert answered(after, "thank you")
    assert cluster.user_texts(sender) == ["I want to die", "thank you"]
