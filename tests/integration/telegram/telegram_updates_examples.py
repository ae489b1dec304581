"""Update objects shaped like the examples in Telegram's Bot API documentation.

https://core.telegram.org/bots/api#update and the object types it links to.
Each builder takes the update id and the chat id and returns one Update.
"""

from __future__ import annotations

import time
from typing import Any

BOT_USER = {"id": 123456, "is_bot": True, "first_name": "Stand-in", "username": "standin_bot"}


def user(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "is_bot": False, "first_name": "Parent", "language_code": "en"}


def private_chat(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "type": "private", "first_name": "Parent"}


def message(update_id: int, chat_id: int, **content: Any) -> dict[str, Any]:
    """An Update with a ``message`` from a private chat."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "from": user(chat_id),
            "chat": private_chat(chat_id),
            "date": int(time.time()),
            **content,
        },
    }


def text(update_id: int, chat_id: int, body: str) -> dict[str, Any]:
    entities = (
        [{"type": "bot_command", "offset": 0, "length": len(body.split()[0])}] if body.startswith("/") else []
    )
    return message(update_id, chat_id, text=body, **({"entities": entities} if entities else {}))


def callback(
    update_id: int, chat_id: int, data: str, message_id: int = 1, markup: Any = None
) -> dict[str, Any]:
    msg: dict[str, Any] = {
        "message_id": message_id,
        "from": BOT_USER,
        "chat": private_chat(chat_id),
        "date": int(time.time()),
        "text": "question",
    }
    if markup is not None:
        msg["reply_markup"] = markup
    return {
        "update_id": update_id,
        "callback_query": {
            "id": f"cq{update_id}",
            "from": user(chat_id),
            "message": msg,
            "chat_instance": "-1234567890",
            "data": data,
        },
    }


PHOTO = [{"file_id": "AgAD", "file_unique_id": "AQAD", "width": 90, "height": 90, "file_size": 1234}]


def shapes(update_id: int, chat_id: int) -> dict[str, tuple[dict[str, Any], str]]:
    """Named update shapes → (update, expected handling: reply | silent | rasa)."""
    group = {"id": -1000000000000 - chat_id, "type": "supergroup", "title": "Parents"}
    channel = {"id": -1009999999999, "type": "channel", "title": "News"}
    member = {"user": BOT_USER, "status": "member"}
    left = {"user": BOT_USER, "status": "left"}
    chat_member_updated = {
        "chat": private_chat(chat_id),
        "from": user(chat_id),
        "date": int(time.time()),
        "old_chat_member": member,
        "new_chat_member": {"user": BOT_USER, "status": "kicked", "until_date": 0},
    }
    return {
        "voice": (
            message(
                update_id,
                chat_id,
                voice={"file_id": "v", "file_unique_id": "v1", "duration": 3, "mime_type": "audio/ogg"},
            ),
            "reply",
        ),
        "audio": (
            message(update_id, chat_id, audio={"file_id": "a", "file_unique_id": "a1", "duration": 30}),
            "reply",
        ),
        "video": (
            message(
                update_id,
                chat_id,
                video={"file_id": "d", "file_unique_id": "d1", "width": 1, "height": 1, "duration": 2},
            ),
            "reply",
        ),
        "video_note": (
            message(
                update_id,
                chat_id,
                video_note={"file_id": "n", "file_unique_id": "n1", "length": 240, "duration": 4},
            ),
            "reply",
        ),
        "sticker": (
            message(
                update_id,
                chat_id,
                sticker={
                    "file_id": "s",
                    "file_unique_id": "s1",
                    "type": "regular",
                    "width": 512,
                    "height": 512,
                    "is_animated": False,
                    "is_video": False,
                    "emoji": "😢",
                },
            ),
            "reply",
        ),
        "photo": (message(update_id, chat_id, photo=PHOTO), "reply"),
        "document": (
            message(
                update_id,
                chat_id,
                document={"file_id": "f", "file_unique_id": "f1", "file_name": "letter.pdf"},
            ),
            "reply",
        ),
        "animation": (
            message(
                update_id,
                chat_id,
                animation={"file_id": "g", "file_unique_id": "g1", "width": 1, "height": 1, "duration": 1},
                document={"file_id": "g", "file_unique_id": "g1"},
            ),
            "reply",
        ),
        "contact": (
            message(update_id, chat_id, contact={"phone_number": "+447700900123", "first_name": "Jo"}),
            "reply",
        ),
        "poll": (
            message(
                update_id,
                chat_id,
                poll={
                    "id": "p",
                    "question": "?",
                    "options": [],
                    "total_voter_count": 0,
                    "is_closed": False,
                    "is_anonymous": True,
                    "type": "regular",
                    "allows_multiple_answers": False,
                },
            ),
            "reply",
        ),
        "dice": (message(update_id, chat_id, dice={"emoji": "🎲", "value": 4}), "reply"),
        "location_far": (
            message(update_id, chat_id, location={"latitude": 35.0, "longitude": 139.0}),
            "reply",
        ),
        "edited_message": (
            {
                "update_id": update_id,
                "edited_message": {
                    "message_id": 7,
                    "from": user(chat_id),
                    "chat": private_chat(chat_id),
                    "date": int(time.time()),
                    "edit_date": int(time.time()),
                    "text": "edited words",
                },
            },
            "reply",
        ),
        "edited_live_location": (
            {
                "update_id": update_id,
                "edited_message": {
                    "message_id": 8,
                    "from": user(chat_id),
                    "chat": private_chat(chat_id),
                    "date": int(time.time()),
                    "edit_date": int(time.time()),
                    "location": {"latitude": 51.9, "longitude": -3.4, "live_period": 60},
                },
            },
            "silent",
        ),
        "group_message": (
            {
                "update_id": update_id,
                "message": {
                    "message_id": 9,
                    "from": user(chat_id),
                    "chat": group,
                    "date": int(time.time()),
                    "text": "/start",
                },
            },
            "group",
        ),
        "channel_post": (
            {
                "update_id": update_id,
                "channel_post": {
                    "message_id": 10,
                    "sender_chat": channel,
                    "chat": channel,
                    "date": int(time.time()),
                    "text": "news",
                },
            },
            "silent",
        ),
        "edited_channel_post": (
            {
                "update_id": update_id,
                "edited_channel_post": {
                    "message_id": 10,
                    "chat": channel,
                    "date": int(time.time()),
                    "edit_date": int(time.time()),
                    "text": "news!",
                },
            },
            "silent",
        ),
        "my_chat_member": ({"update_id": update_id, "my_chat_member": chat_member_updated}, "silent"),
        "chat_member": (
            {
                "update_id": update_id,
                "chat_member": {**chat_member_updated, "chat": group, "new_chat_member": left},
            },
            "silent",
        ),
        "inline_query": (
            {
                "update_id": update_id,
                "inline_query": {"id": "iq", "from": user(chat_id), "query": "help", "offset": ""},
            },
            "silent",
        ),
        "poll_answer": (
            {
                "update_id": update_id,
                "poll_answer": {"poll_id": "p", "user": user(chat_id), "option_ids": [0]},
            },
            "silent",
        ),
        "message_reaction": (
            {
                "update_id": update_id,
                "message_reaction": {
                    "chat": private_chat(chat_id),
                    "message_id": 5,
                    "user": user(chat_id),
                    "date": int(time.time()),
                    "old_reaction": [],
                    "new_reaction": [{"type": "emoji", "emoji": "👍"}],
                },
            },
            "silent",
        ),
        "new_chat_members": (message(update_id, chat_id, new_chat_members=[user(chat_id + 1)]), "silent"),
        "from_bot": (
            {
                "update_id": update_id,
                "message": {
                    "message_id": 11,
                    "from": BOT_USER,
                    "chat": private_chat(chat_id),
                    "date": int(time.time()),
                    "text": "hello",
                },
            },
            "silent",
        ),
        "unknown_future_kind": (
            {
                "update_id": update_id,
                "purchased_paid_media": {"from": user(chat_id), "paid_media_payload": "x"},
            },
            "silent",
        ),
    }
