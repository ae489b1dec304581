"""One conversation's messages reaching two replicas at once: every turn stored, every message answered.

Two Rasa replicas share PostgreSQL (tracker store) and Redis (lock store); the
messages go straight to both replicas, or through nginx (deploy/nginx).
"""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

from tools.stack.services import Cluster, answered, send

MESSAGES = ("hi there", "I need some support since having my baby")


def turns_are_whole(events: list[dict]) -> bool:
    """Each stored parent message is followed by the bot's answer before the next one."""
    kinds = [e["event"] for e in events if e["event"] in ("user", "bot")]
    pairs = zip(kinds, kinds[1:], strict=False)
    return all(kind == "bot" for prev, kind in pairs if prev == "user") and kinds[-1] == "bot"


def test_twenty_simultaneous_messages_from_one_parent_are_all_stored_and_answered(cluster: Cluster) -> None:
    sender = f"burst-{uuid.uuid4().hex}"
    texts = [f"hello, this is message {i}" for i in range(20)]
    urls = [cluster.replicas[i % 2].rasa_url for i in range(20)]  # alternate: both replicas at once
    with ThreadPoolExecutor(20) as pool:
        replies = list(pool.map(lambda pair: send(pair[0], sender, pair[1]), zip(urls, texts, strict=False)))

    assert [answered(reply, text) for reply, text in zip(replies, texts, strict=False)] == [True] * 20
    assert sorted(cluster.user_texts(sender)) == sorted(texts)
    assert turns_are_whole(cluster.events(sender))


def test_thirty_parents_double_sending_through_nginx_lose_no_turn(cluster: Cluster) -> None:
    nginx = cluster.nginx
    assert nginx is not None
    senders = [f"double-{i}-{uuid.uuid4().hex}" for i in range(30)]
    jobs = [(who, text) for who in senders for text in MESSAGES]
    with ThreadPoolExecutor(len(jobs)) as pool:
        replies = list(pool.map(lambda job: send(nginx.url, *job), jobs))

    texts = [text for _, text in jobs]
    assert [answered(reply, text) for reply, text in zip(replies, texts, strict=True)] == [True] * len(jobs)
    stored = {who: sorted(cluster.user_texts(who)) for who in senders}
    assert stored == {who: sorted(MESSAGES) for who in senders}
