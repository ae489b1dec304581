"""The project's Telegram channel: webhook input, durable inbox and outbox, set-up commands.

- :mod:`bot.telegram.channel`: the Rasa input channel (``TelegramInput``).
- :mod:`bot.telegram.store`, :mod:`bot.telegram.outbox`: the inbox and outbox (no reply lost).
- :mod:`bot.telegram.output`: Rasa's replies as Bot API calls (cards from :mod:`bot.cards`).
- :mod:`bot.telegram.api`, :mod:`bot.telegram.format`, :mod:`bot.telegram.updates`,
  :mod:`bot.telegram.texts`: the pieces (a shared location is resolved by the gazetteer, bot.directory.places).
- :mod:`bot.telegram.cli`: ``python -m bot.telegram.cli set-webhook|delete-webhook|webhook-info|poll``.
"""
