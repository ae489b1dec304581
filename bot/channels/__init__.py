"""Input channels of the project: REST, the web chat widget and Telegram."""
