"""The locked python-socketio/python-engineio work with the locked aiohttp over a real websocket.

python-engineio 4.13+ builds `aiohttp.ClientWSTimeout`, which the aiohttp Rasa 3.6
accepts (3.9.x) does not have: the client's websocket upgrade then fails, and a
client allowed to fall back quietly stays on long-polling. Here the client may use
the websocket transport only, so that mismatch fails this test.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import pytest
import socketio
from aiohttp import web


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def server_url() -> AsyncIterator[str]:
    """A python-socketio server (aiohttp) on 127.0.0.1 that echoes `user_uttered` as `bot_uttered`."""
    sio = socketio.AsyncServer(async_mode="aiohttp")

    @sio.on("user_uttered")
    async def echo(sid: str, data: dict[str, str]) -> None:
        await sio.emit("bot_uttered", {"text": f"echo: {data['message']}"}, to=sid)

    app = web.Application()
    sio.attach(app)
    runner = web.AppRunner(app)
    await runner.setup()
    port = _free_port()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


async def test_async_client_connects_over_websocket_only(server_url: str) -> None:
    client = socketio.AsyncClient(reconnection=False)
    replies: asyncio.Queue[dict[str, str]] = asyncio.Queue()
    client.on("bot_uttered", replies.put)

    await client.connect(server_url, transports=["websocket"], wait_timeout=10)
    try:
        assert client.transport() == "websocket"
        await client.emit("user_uttered", {"message": "hello"})
        reply = await asyncio.wait_for(replies.get(), timeout=10)
    finally:
        await client.disconnect()

    assert reply == {"text": "echo: hello"}
