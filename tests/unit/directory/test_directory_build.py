"""The build CLI, the engine factory and the ORUK export."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.db import make_engine, make_session_factory
from bot.directory.build import main
from bot.directory.oruk import oruk_id, service_json
from bot.directory.queries import count_services, find_services
from bot.directory.seed import load_seed
from bot.settings import get_settings

SERVICES = {svc["id"]: svc for _, svc in load_seed().services()}
TOTAL = len(SERVICES)
ACTIVE = sum(svc["status"] == "active" for svc in SERVICES.values())


def _count(path: Path) -> tuple[str, int]:
    with sqlite3.connect(path) as conn:
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        count = conn.execute("SELECT count(*) FROM service").fetchone()[0]
    return mode, count


def test_cli_builds_a_wal_sqlite_file_idempotently(tmp_path: Path, capsys) -> None:
    db = tmp_path / "var" / "directory.db"
    url = f"sqlite:///{db}"
    assert (main(["--url", url]), main(["--url", url])) == (0, 0)
    leftovers = sorted(p.name for p in db.parent.iterdir() if p.name != db.name)
    assert (_count(db), leftovers) == (("wal", TOTAL), [])
    assert capsys.readouterr().out.count(f"directory built: {TOTAL} services") == 2


def test_cli_reads_url_from_the_settings(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("DIRECTORY_DB_URL", f"sqlite:///{db}")
    get_settings.cache_clear()  # the settings are read once per process, like the bot's
    try:
        assert (main([]), _count(db)) == (0, ("wal", TOTAL))
    finally:
        get_settings.cache_clear()


def test_bad_seed_leaves_the_old_directory(tmp_path: Path, capsys) -> None:
    db = tmp_path / "directory.db"
    bad = tmp_path / "bad.yml"
    bad.write_text("organisations: []\n", encoding="utf-8")
    main(["--url", f"sqlite:///{db}"])
    assert (main(["--url", f"sqlite:///{db}", "--services", str(bad)]), _count(db)) == (1, ("wal", TOTAL))
    assert "no organisations" in capsys.readouterr().err


def test_sqlite_engine_pragmas(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as conn:
        got = [
            conn.execute(text(f"PRAGMA {p}")).scalar()
            for p in ("journal_mode", "busy_timeout", "foreign_keys")
        ]
    engine.dispose()
    assert got == ["wal", 5000, 1]


def test_session_factory_keeps_values_after_commit(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    main(["--url", f"sqlite:///{db}"])
    engine = make_engine(f"sqlite:///{db}")
    session_factory = make_session_factory(engine)
    with session_factory.begin() as session:
        result = find_services(session, None, mode="online", limit=1)
        total = count_services(session)
    engine.dispose()
    assert (len(result.services), result.services[0].id in SERVICES, total) == (1, True, ACTIVE)


def test_cache_notices_a_rebuild(tmp_path: Path) -> None:
    """A long-running action server sees a rebuilt directory without a restart."""
    from bot.directory.seed import create_directory

    engine = make_engine("sqlite://")
    create_directory(engine)
    session_factory = make_session_factory(engine)
    with session_factory() as session:
        first = find_services(session, None, mode="online", limit=1)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE service SET status = 'inactive' WHERE id = :id"), {"id": first.services[0].id}
        )
        conn.execute(text("UPDATE directory_build SET id = 'edited'"))
    with session_factory() as session:
        after = find_services(session, None, mode="online", limit=1).total
    assert after == first.total - 1


@pytest.mark.parametrize("service_id", ["pavo-startwell", "samaritans", "cnwl-circle-of-security"])
def test_oruk_export(session, service_id: str) -> None:
    doc = service_json(session, service_id)
    assert (doc["id"], doc["status"], doc["assured_date"], doc["organization"]["id"] != doc["id"]) == (
        oruk_id("service", service_id),
        "active",
        SERVICES[service_id]["assured_date"].isoformat(),
        True,
    )


def test_oruk_export_unknown(session) -> None:
    assert service_json(session, "nope") is None


def test_build_logs_counts_by_area_and_need(tmp_path: Path, caplog) -> None:
    fixture = Path(__file__).resolve().parent / "fixtures" / "services.yml"
    with caplog.at_level(logging.INFO, logger="bot.directory.build"):
        assert main(["--url", f"sqlite:///{tmp_path / 'd.db'}", "--services", str(fixture)]) == 0
    assert caplog.messages[-2:] == [
        "directory services by area: Brecon and district 1, Milton Keynes 1, Wales 1",
        "directory services by need: anxiety 1, information 1, loneliness 1, postnatal_depression 1, "
        "walking_group 1",
    ]


def test_the_directory_keeps_its_connection_and_sees_a_rebuilt_file(tmp_path: Path) -> None:
    """Searches reuse one SQLite connection; a rebuild (a new file renamed over the old) or a removed
    file is noticed when a connection is handed out, and the search reads the file in place."""
    import os

    from sqlalchemy import event

    from bot.directory.service import Directory

    db = tmp_path / "d.db"
    main(["--url", f"sqlite:///{db}"])
    directory = Directory(f"sqlite:///{db}")
    connects: list[object] = []
    event.listen(directory.engine, "connect", lambda conn, record: connects.append(conn))
    try:
        first = directory.find_services(None, mode="online", limit=1)
        assert directory.find_services(None, mode="online", limit=1).total == first.total
        assert len(connects) == 1
        # A rebuild with one service fewer, renamed over the file the pooled connection has open.
        other = tmp_path / "other.db"
        main(["--url", f"sqlite:///{other}"])
        with make_engine(f"sqlite:///{other}").begin() as conn:
            conn.execute(
                text("UPDATE service SET status = 'inactive' WHERE id = :id"), {"id": first.services[0].id}
            )
            conn.execute(text("UPDATE directory_build SET id = 'rebuilt'"))
        os.replace(other, db)
        assert directory.find_services(None, mode="online", limit=1).total == first.total - 1
        assert len(connects) == 2
        assert directory.find_services(None, mode="online", limit=1).total == first.total - 1
        assert len(connects) == 2
        # Edited in place (the console): the same file, the same connection, the edit seen.
        with make_engine(f"sqlite:///{db}").begin() as conn:
            conn.execute(
                text("UPDATE service SET status = 'active' WHERE id = :id"), {"id": first.services[0].id}
            )
            conn.execute(text("UPDATE directory_build SET id = 'edited'"))
        assert directory.find_services(None, mode="online", limit=1).total == first.total
        assert len(connects) == 2
    finally:
        directory.dispose()


def test_only_a_sqlite_file_gets_the_kept_connections() -> None:
    from sqlalchemy.pool import QueuePool

    from bot.db import make_replaceable_sqlite_engine

    for url in ("sqlite://", "sqlite:///:memory:"):
        assert not isinstance(make_replaceable_sqlite_engine(url).pool, QueuePool)
    assert isinstance(make_replaceable_sqlite_engine("sqlite:///x.db").pool, QueuePool)
