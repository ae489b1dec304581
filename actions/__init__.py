"""Custom actions: thin adapters from slots to bot/ functions to response names."""
