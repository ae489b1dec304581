"""The REST channel at /webhooks/rest/webhook, hardened.

Rasa's own RestInput answers 500 to a JSON body that is not an object, passes
an empty message to the pipeline, trusts a client-chosen `input_channel` and
`metadata`, and logs the message text when something fails. This one answers
400 to a malformed request, turns an empty message into the fallback (which
asks the parent to rephrase), and never logs message text.
"""

from __future__ import annotations

import logging
from asyncio import CancelledError
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.cards import render_card
from bot.language import ENGLISH, detect
from bot.safety.contacts import all_contacts
from bot.safety.responses import say

logger = logging.getLogger(__name__)

MAX_SENDER_LENGTH = 255  # the tracker store's sender_id column
EMPTY_MESSAGE = "/nlu_fallback"


def system_error_reply(text: str) -> str:
    """Only used when Rasa itself failed and produced nothing: the parent must never
    be left with silence, and the emergency route needs no working component.
    In Welsh when the message was Welsh (data/safety/wording.yml)."""
    numbers = {c.id: c.phone for c in all_contacts()}
    return say("system_error", detect(text) or ENGLISH).format(
        emergency=numbers["emergency"], samaritans=numbers["samaritans"]
    )


def _bad_request(reason: str) -> HTTPResponse:
    return response.json({"error": reason}, status=400)


def parse_body(request: Request) -> tuple[str, str] | str:
    """Validate a webhook body.

    Returns:
        (sender, text) when the body is usable, otherwise the reason it is not.
    """
    try:
        body = request.json
    except Exception:  # Sanic raises InvalidUsage for JSON it cannot parse
        return "The request body is not valid JSON."
    if not isinstance(body, dict):
        return 'The request body must be a JSON object like {"sender": "...", "message": "..."}.'
    sender = body.get("sender", "default")
    text = body.get("message")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_LENGTH:
        return f"'sender' must be a non-empty string of at most {MAX_SENDER_LENGTH} characters."
    if text is None:
        text = ""
    if not isinstance(text, str):
        return "'message' must be a string."
    return sender, text if text.strip() else EMPTY_MESSAGE


class CardTextOutput(CollectingOutputChannel):
    """Collects replies; a card also carries its plain-text form, so a REST client that
    does not draw cards still gets every detail (bot/cards.py, the one renderer)."""

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        text = render_card(
            json_message, json_message.get("language") if isinstance(json_message, dict) else None
        )
        message = {"recipient_id": recipient_id, "custom": json_message}
        if text:
            message["text"] = text
        await self._persist_message(message)


class SafeRestInput(RestInput):
    """REST channel: POST {"sender": "...", "message": "..."}, get the replies as a list."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("safe_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            parsed = parse_body(request)
            if isinstance(parsed, str):
                return _bad_request(parsed)
            sender, text = parsed
            collector = CardTextOutput()
            try:
                await on_new_message(UserMessage(text, collector, sender, input_channel=self.name()))
            except CancelledError:
                logger.error("rest: handling a message timed out")
            except Exception as error:  # keep serving; the parent sees what was collected
                logger.error("rest: handling a message failed: %s", type(error).__name__)
            # Every message gets a reply in this bot; silence means a part failed
            # (e.g. the action server is down), so say so kindly.
            if not collector.messages:
                collector.messages.append({"recipient_id": sender, "text": system_error_reply(text)})
            return response.json(collector.messages)

        return webhook
