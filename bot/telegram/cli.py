"""Telegram set-up commands: ``python -m bot.telegram.cli set-webhook|delete-webhook|webhook-info|poll``.

Setting the webhook is a deliberate step, not a side effect of every start.
``poll`` lets a service pilot the bot without a public HTTPS URL: it long-polls
getUpdates and forwards each update to the running Rasa server's Telegram
webhook with the secret header, so updates go through exactly the same checks,
de-duplication and handling as webhook deliveries.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import sys
from typing import Any

import aiohttp

from bot.settings import Settings, get_settings
from bot.telegram.api import BotApi, TelegramApiError
from bot.telegram.channel import SECRET_HEADER

logger = logging.getLogger("bot.telegram.cli")

# Only what the channel handles; Telegram then never sends the rest.
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
WEBHOOK_PATH = "/webhooks/telegram/webhook"
SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
RETRY_MAX_S = 30.0


def _api(settings: Settings) -> BotApi:
    if not settings.telegram_token:
        raise SystemExit("TELEGRAM_TOKEN is not set")
    return BotApi(token=settings.telegram_token, base_url=settings.telegram_api_base)


def _secret(settings: Settings) -> str:
    secret = settings.telegram_secret_token
    if not SECRET_PATTERN.match(secret):
        raise SystemExit("TELEGRAM_SECRET_TOKEN must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
    return secret


async def set_webhook(settings: Settings, url: str | None, drop_pending: bool, max_connections: int) -> None:
    """Point Telegram at our webhook, with the secret token and allowed updates."""
    target = url or settings.telegram_webhook_url
    if not target:
        raise SystemExit("no webhook URL: set TELEGRAM_WEBHOOK_URL or pass --url")
    if not target.startswith("https://"):
        logger.warning("Telegram only delivers to https:// webhooks")
    api = _api(settings)
    try:
        await api.call(
            "setWebhook",
            url=target,
            secret_token=_secret(settings),
            allowed_updates=ALLOWED_UPDATES,
            drop_pending_updates=drop_pending,
            max_connections=max_connections,
        )
    finally:
        await api.close()
    print(f"webhook set (allowed updates: {', '.join(ALLOWED_UPDATES)}; drop pending: {drop_pending})")


async def delete_webhook(settings: Settings, drop_pending: bool) -> None:
    """Remove the webhook (needed before long polling)."""
    api = _api(settings)
    try:
        await api.call("deleteWebhook", drop_pending_updates=drop_pending)
    finally:
        await api.close()
    print("webhook deleted")


async def webhook_info(settings: Settings) -> None:
    """Print where Telegram delivers and how many updates wait (no secrets)."""
    api = _api(settings)
    try:
        info = await api.call("getWebhookInfo")
    finally:
        await api.close()
    for key in ("url", "pending_update_count", "last_error_date", "last_error_message", "allowed_updates"):
        if isinstance(info, dict) and key in info:
            print(f"{key}: {info[key]}")


async def _forward(session: aiohttp.ClientSession, url: str, secret: str, update: dict[str, Any]) -> int:
    """POST one update to the local webhook until Rasa takes it; returns the status."""
    delay = 0.5
    while True:
        try:
            async with session.post(url, json=update, headers={SECRET_HEADER: secret}) as resp:
                if resp.status < 500:
                    return resp.status
                logger.warning(
                    "webhook answered %s for update %s; retrying", resp.status, update.get("update_id")
                )
        except (aiohttp.ClientError, asyncio.TimeoutError) as err:
            logger.warning("webhook not reachable (%s); retrying", type(err).__name__)
        await asyncio.sleep(delay)
        delay = min(delay * 2, RETRY_MAX_S)


async def poll(settings: Settings, webhook: str | None, timeout: int, force: bool) -> None:
    """Long-poll getUpdates and hand each update to the local webhook, in order."""
    api, secret = _api(settings), _secret(settings)
    target = webhook or f"http://{settings.rasa_host}:{settings.rasa_port}{WEBHOOK_PATH}"
    offset: int | None = None
    delay = 1.0
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        try:
            info = await api.call("getWebhookInfo")
            if isinstance(info, dict) and info.get("url"):
                if not force:
                    raise SystemExit(
                        "a webhook is set; long polling would conflict (delete it, or pass --force)"
                    )
                await api.call("deleteWebhook", drop_pending_updates=False)
            logger.info("long polling; forwarding updates to %s", target)
            while True:
                try:
                    updates = await api.call(
                        "getUpdates",
                        offset=offset,
                        timeout=timeout,
                        allowed_updates=ALLOWED_UPDATES,
                        timeout_s=timeout + 15,
                    )
                except TelegramApiError as err:
                    if err.code in (401, 404, 409):
                        raise SystemExit(
                            f"getUpdates refused ({err.code}): check the token and the webhook"
                        ) from err
                    logger.warning("getUpdates failed (%s); retrying in %.0fs", err.code, delay)
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, RETRY_MAX_S)
                    continue
                delay = 1.0
                for update in updates or []:
                    update_id = update.get("update_id")
                    status = await _forward(session, target, secret, update)
                    if status == 403:
                        raise SystemExit(
                            "the webhook refused the secret: TELEGRAM_SECRET_TOKEN differs from Rasa's"
                        )
                    if status != 200:
                        logger.warning("update %s not accepted (%s); skipped", update_id, status)
                    if isinstance(update_id, int):
                        # Confirming moves Telegram past it; the channel's store keeps it from
                        # being answered twice if we crash before confirming.
                        offset = update_id + 1
        finally:
            await api.close()


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(prog="python -m bot.telegram.cli", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_set = sub.add_parser("set-webhook", help="setWebhook with the secret token and allowed updates")
    p_set.add_argument("--url", help="public https URL (default: TELEGRAM_WEBHOOK_URL)")
    p_set.add_argument("--drop-pending", action="store_true", help="discard updates waiting at Telegram")
    p_set.add_argument("--max-connections", type=int, default=40)
    p_del = sub.add_parser("delete-webhook", help="deleteWebhook")
    p_del.add_argument("--drop-pending", action="store_true", help="discard updates waiting at Telegram")
    sub.add_parser("webhook-info", help="getWebhookInfo")
    p_poll = sub.add_parser("poll", help="long-poll getUpdates and feed the local Rasa webhook")
    p_poll.add_argument(
        "--webhook", help=f"local webhook (default: http://RASA_HOST:RASA_PORT{WEBHOOK_PATH})"
    )
    p_poll.add_argument("--timeout", type=int, default=30, help="getUpdates long-poll timeout in seconds")
    p_poll.add_argument("--force", action="store_true", help="delete a webhook that is set, then poll")
    args = parser.parse_args(argv)
    settings = get_settings()
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        if args.command == "set-webhook":
            asyncio.run(set_webhook(settings, args.url, args.drop_pending, args.max_connections))
        elif args.command == "delete-webhook":
            asyncio.run(delete_webhook(settings, args.drop_pending))
        elif args.command == "webhook-info":
            asyncio.run(webhook_info(settings))
        else:
            asyncio.run(poll(settings, args.webhook, args.timeout, args.force))
    except TelegramApiError as err:
        print(f"error: {err.method} failed ({err.code})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
