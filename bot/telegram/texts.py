"""What the Telegram channel itself says (everything else comes from domain.yml).

These are replies to things Rasa never sees (a voice note, an edited message, a
group chat, the erase confirmation), so they cannot be domain responses. Safety
wording: whenever the bot cannot read what a parent sent, it still gives the
UK-wide urgent contacts, because that message might have been a disclosure.
Keep this file short and reviewed with the domain's safety wording.
"""

from __future__ import annotations

from bot.cards import CARD_WORDS  # noqa: F401 - the cards' words (English), listed with their Welsh for review

CANNOT_READ = {
    "voice": "I can't listen to voice messages, I can only read typed messages.",
    "audio": "I can't listen to audio, I can only read typed messages.",
    "video": "I can't watch videos, I can only read typed messages.",
    "video_note": "I can't watch video messages, I can only read typed messages.",
    "photo": "I can't see pictures, I can only read typed messages.",
    "sticker": "I can't read stickers, I can only read typed messages.",
    "animation": "I can't see GIFs, I can only read typed messages.",
    "document": "I can't open files, I can only read typed messages.",
    "contact": "I can't use shared contacts, I can only read typed messages.",
    "poll": "I can't answer polls, I can only read typed messages.",
}
CANNOT_READ_OTHER = "Sorry, I can only read typed messages."
TYPE_INSTEAD = "Could you type what you'd like to say?"
CAPTION_READ = "I can't open that, but I've read the words you wrote with it."

EDITED = (
    "I saw you edited a message. I only read new messages, "
    "so please send it again as a new message if you'd like me to read it."
)

LOCATION_NOT_FOUND = (
    "Thanks for sharing your location. I couldn't match it to a town I know, "
    "so could you type the name of your town or your postcode?"
)

GROUP_CHAT = (
    "Hello. I only talk with parents one to one, to keep conversations private. "
    "Please message me directly instead of in a group."
)

FORGET_CONFIRM = (
    "Do you want me to delete our conversation? This removes what you've told me "
    "from our records and can't be undone."
)
FORGET_YES = "Yes, delete it"
FORGET_NO = "No, keep it"
FORGET_DONE = "Done: I've deleted our conversation. Send /start whenever you'd like to talk again."
FORGET_KEPT = "OK, I haven't deleted anything."
FORGET_FAILED = (
    "Sorry, something went wrong and I couldn't delete our conversation just now. "
    "Please try /forget again later."
)

BUTTON_EXPIRED = "That button has expired. Please type your answer instead."


def say(key: str, language: str | None = None) -> str:
    """One of the texts above, in Welsh for a Telegram set to Welsh (data/wording/cy.yml, ``telegram``)."""
    from bot.language import telegram_strings

    english = globals()[key]
    welsh = telegram_strings().get(key) if language == "cy" else None
    return str(welsh) if isinstance(welsh, str) and welsh else str(english)


def cannot_read(media: str | None, language: str | None = None) -> str:
    """What the bot says about a message it cannot read, by kind of media."""
    from bot.language import telegram_strings

    welsh = telegram_strings().get("CANNOT_READ") if language == "cy" else None
    table = welsh if isinstance(welsh, dict) else CANNOT_READ
    return str(table.get(media or "") or say("CANNOT_READ_OTHER", language))
