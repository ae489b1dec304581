"""The read-only ORUK API, through aiohttp's test client."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.directory.api import add_routes
from bot.directory.oruk import oruk_id


@pytest.fixture
async def client(small_db) -> AsyncIterator[TestClient]:
    app = web.Application()
    add_routes(app, small_db[0])
    async with TestClient(TestServer(app)) as test_client:
        yield test_client


async def _json(client: TestClient, path: str, status: int = 200):
    response = await client.get(path)
    assert (response.status, response.content_type) == (status, "application/json")
    return await response.json()


def _names(page) -> list[str]:
    return [s["name"] for s in page["contents"]]


async def test_version(client) -> None:
    assert (await _json(client, "/oruk/"))["version"] == "3.0"


async def test_services_envelope_and_paging(client) -> None:
    page = await _json(client, "/oruk/services?per_page=2&page=2")
    assert {k: v for k, v in page.items() if k != "contents"} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 2,
        "size": 1,
        "first_page": False,
        "last_page": True,
        "empty": False,
    }
    assert _names(page) == ["Re-sourced record"]
    beyond = await _json(client, "/oruk/services?page=5")
    assert (beyond["empty"], beyond["contents"], beyond["total_items"]) == (True, [], 3)


async def test_search_taxonomy_and_postcode_filters(client) -> None:
    assert _names(await _json(client, "/oruk/services?search=buggy%20WALK")) == ["Brecon buggy walk"]
    assert _names(await _json(client, "/oruk/services?search=taith")) == ["Brecon buggy walk"]
    anxiety = oruk_id("taxonomy_term", "need:anxiety")
    assert _names(await _json(client, f"/oruk/services?taxonomy_term_id={anxiety}")) == ["Example helpline"]
    # LD3 is Brecon: the Brecon walk and the Wales-wide helpline cover it; MK9 is Milton Keynes.
    assert _names(await _json(client, "/oruk/services?postcode=ld3%207hr")) == [
        "Brecon buggy walk",
        "Example helpline",
    ]
    assert _names(await _json(client, "/oruk/services?postcode=MK9")) == ["Re-sourced record"]


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("page=0", "page must be between 1 and 1000000"),
        ("per_page=lots", "per_page must be a whole number"),
        ("taxonomy_term_id=anxiety", "taxonomy_term_id must be a UUID"),
        (
            "postcode=Brecon%20please",
            "postcode must be a UK postcode or postcode district, e.g. LD3 7HR or LD3",
        ),
        ("search=" + "a" * 201, "search must be at most 200 characters"),
    ],
)
async def test_bad_parameters_are_400(client, query: str, error: str) -> None:
    assert await _json(client, f"/oruk/services?{query}", 400) == {"error": error}


async def test_one_service_by_uuid_or_slug_and_unknown_404(client) -> None:
    by_uuid = await _json(client, f"/oruk/services/{oruk_id('service', 'brecon-walk')}")
    by_slug = await _json(client, "/oruk/services/brecon-walk")
    assert by_uuid == by_slug and by_uuid["name"] == "Brecon buggy walk"
    assert await _json(client, "/oruk/services/nope", 404) == {"error": "no service with id 'nope'"}


async def test_taxonomy_terms(client) -> None:
    page = await _json(client, "/oruk/taxonomy_terms?per_page=500")
    needs = {t["term"]: t for t in page["contents"] if t["taxonomy"] == "perinatal-signposting-needs"}
    assert needs["loneliness"]["parent_id"] == oruk_id("taxonomy_term", "need:peer_support")
    assert needs["postnatal_depression"]["name"] == "Postnatal depression"


async def test_a_rebuilt_directory_is_served(client, small_db) -> None:
    with sqlite3.connect(small_db[0].removeprefix("sqlite:///")) as conn:
        conn.execute("UPDATE service SET name = 'Renamed walk' WHERE id = 'brecon-walk'")
        conn.execute("UPDATE directory_build SET id = 'rebuilt'")
    assert (await _json(client, "/oruk/services/brecon-walk"))["name"] == "Renamed walk"


async def test_missing_directory_is_503(tmp_path: Path) -> None:
    app = web.Application()
    add_routes(app, f"sqlite:///{tmp_path / 'none.db'}")
    async with TestClient(TestServer(app)) as test_client:
        assert await _json(test_client, "/oruk/services", 503) == {
            "error": "the directory cannot be read just now"
        }


async def test_console_serves_oruk_without_login(small_db, tmp_path: Path) -> None:
    from bot.console.app import create_app
    from bot.settings import get_settings

    tracker = tmp_path / "tracker.db"
    sqlite3.connect(tracker).close()
    settings = dataclasses.replace(
        get_settings(),
        console_db_url=f"sqlite:///{tmp_path / 'console.db'}",
        tracker_db_url=f"sqlite:///{tracker}",
        console_secret_key="test-secret-key",
        directory_db_url=small_db[0],
    )
    async with TestClient(TestServer(create_app(settings, background=False))) as console:
        feed = await console.get("/oruk/services/brecon-walk")
        private = await console.get("/", headers={"Accept": "application/json"}, allow_redirects=False)
        assert (feed.status, (await feed.json())["name"], private.status) == (200, "Brecon buggy walk", 401)
