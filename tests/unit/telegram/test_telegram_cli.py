"""`python -m bot.telegram.cli` against the Bot API stand-in."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

import pytest
from aiohttp import web

from bot.settings import Settings
from bot.telegram import cli as telegram_cli
from tests.integration.telegram import telegram_updates_examples as ex
from tests.integration.telegram.telegram_standin import TOKEN, BotApiStandIn

pytestmark = pytest.mark.asyncio
SECRET = "cli-secret_1"


def settings_for(api: BotApiStandIn, **changes: Any) -> Settings:
    values: dict[str, Any] = {
        "telegram_token": TOKEN,
        "telegram_secret_token": SECRET,
        "telegram_api_base": api.base_url,
        "telegram_webhook_url": "https://bot.example.org/webhooks/telegram/webhook",
        **changes,
    }
    return replace(Settings(), **values)


async def test_set_webhook_sends_secret_allowed_updates_and_drop_pending() -> None:
    api = BotApiStandIn()
    await api.start()
    try:
        await telegram_cli.set_webhook(settings_for(api), None, drop_pending=True, max_connections=10)
        await telegram_cli.delete_webhook(settings_for(api), drop_pending=False)
    finally:
        await api.stop()
    assert api.calls_of("setWebhook") == [
        {
            "url": "https://bot.example.org/webhooks/telegram/webhook",
            "secret_token": SECRET,
            "allowed_updates": ["message", "edited_message", "callback_query"],
            "drop_pending_updates": True,
            "max_connections": 10,
        }
    ]
    assert api.calls_of("deleteWebhook") == [{"drop_pending_updates": False}]


@pytest.mark.parametrize("secret", ["", "has space", "x" * 257, "ünï"])
async def test_set_webhook_refuses_a_bad_secret(secret: str) -> None:
    api = BotApiStandIn()
    await api.start()
    try:
        with pytest.raises(SystemExit):
            await telegram_cli.set_webhook(settings_for(api, telegram_secret_token=secret), None, False, 40)
    finally:
        await api.stop()
    assert api.calls_of("setWebhook") == []


async def test_poll_forwards_updates_in_order_with_the_secret_and_confirms_them() -> None:
    api = BotApiStandIn()
    await api.start()
    received: list[tuple[str | None, int]] = []

    async def webhook(request: web.Request) -> web.Response:
        body = await request.json()
        received.append((request.headers.get("X-Telegram-Bot-Api-Secret-Token"), body["update_id"]))
        if len(received) == 1:
            return web.json_response({"ok": False}, status=503)  # Rasa restarting: retried
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_post("/webhooks/telegram/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    for update_id in (11, 12, 13):
        api.queue_update(ex.text(update_id, 5, f"message {update_id}"))
    task = asyncio.create_task(
        telegram_cli.poll(
            settings_for(api), f"http://127.0.0.1:{port}/webhooks/telegram/webhook", timeout=1, force=False
        )
    )
    try:
        for _ in range(100):
            if len(received) >= 4 and len(api.calls_of("getUpdates")) >= 2:
                break
            await asyncio.sleep(0.1)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await runner.cleanup()
        await api.stop()
    assert received == [(SECRET, 11), (SECRET, 11), (SECRET, 12), (SECRET, 13)]
    offsets = [call.get("offset") for call in api.calls_of("getUpdates")]
    assert offsets[0] is None and offsets[1] == 14


async def test_poll_refuses_when_a_webhook_is_set() -> None:
    api = BotApiStandIn()
    await api.start()
    api.webhook = {"url": "https://bot.example.org/webhooks/telegram/webhook"}
    try:
        with pytest.raises(SystemExit):
            await telegram_cli.poll(settings_for(api), "http://127.0.0.1:9/x", timeout=1, force=False)
    finally:
        await api.stop()
    assert api.calls_of("getUpdates") == []
