"""Custom actions: thin adapters from slots to bot/ functions to response names.

The action server (``rasa run actions --actions actions``) has one directory,
created on first use from the settings; every action gets it from
:func:`directory`.
"""

from __future__ import annotations

import threading

from bot.directory.service import Directory

_directory: Directory | None = None
_lock = threading.Lock()


def directory() -> Directory:
    """The action server's directory (``DIRECTORY_DB_URL``), created once."""
    global _directory
    if _directory is None:
        with _lock:
            if _directory is None:
                _directory = Directory.from_settings()
    return _directory


def use_directory(replacement: Directory | None) -> Directory | None:
    """Give the actions another directory (None: create it from the settings on next use).

    Returns the one in place before, which the caller disposes of if it is done with it.
    """
    global _directory
    with _lock:
        previous, _directory = _directory, replacement
    return previous
