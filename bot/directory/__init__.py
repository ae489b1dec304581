"""The service directory: ORUK-shaped data, place resolution and search.

Import from here; the modules behind it may move.
"""

from bot.directory.places import Gazetteer, Place, PlaceMatch, load_gazetteer
from bot.directory.queries import (
    SearchResult,
    ServiceCard,
    count_services,
    find_services,
    get_service,
    national_services,
)
from bot.directory.seed import SeedError, create_directory
from bot.directory.service import Directory

__all__ = [
    "Directory",
    "Gazetteer",
    "Place",
    "PlaceMatch",
    "SearchResult",
    "SeedError",
    "ServiceCard",
    "count_services",
    "create_directory",
    "find_services",
    "get_service",
    "load_gazetteer",
    "national_services",
]
