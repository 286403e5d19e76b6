"""Opening the database: crash-safe pragmas on every connection, private files, locations."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL
from sqlalchemy.exc import IntegrityError

from alshome.platform.paths import (
    DATABASE_FILE,
    Locations,
    ensure_private_dir,
    resolve_locations,
    sqlite_path,
    sqlite_url,
)
from alshome.storage.db import open_database, sqlite_file


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The usual umask, under which SQLite alone would create world-readable files."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_every_connection_gets_the_crash_safe_pragmas(engine):
    engine.dispose()  # the next connection is a new one, configured from scratch
    with engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA busy_timeout").scalar() == 5000


def test_foreign_keys_are_enforced(engine):
    with engine.begin() as connection, pytest.raises(IntegrityError):
        connection.exec_driver_sql(
            "INSERT INTO sessions (uuid, program_id, program_name, program_version,"
            " started_at, started_utc, status, symptoms)"
            " VALUES ('u', 99, 'p', 1, '', '2026-01-01', 'completed', '[]')"
        )


def test_new_folder_and_files_are_private(tmp_path, loose_umask):
    path = tmp_path / "new" / "alshome.sqlite3"
    engine = open_database(sqlite_url(path))
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO programs (name, version, document, added_at) VALUES ('p', 1, '{}', '')"
            )
        assert mode(path.parent) == 0o700
        assert mode(path) == 0o600
        for suffix in ("-wal", "-shm"):
            side_file = path.with_name(path.name + suffix)
            assert side_file.exists()
            assert mode(side_file) == 0o600
    finally:
        engine.dispose()


def test_an_existing_database_file_is_made_private(tmp_path, loose_umask):
    path = tmp_path / "alshome.sqlite3"
    path.touch(mode=0o644)
    open_database(sqlite_url(path)).dispose()
    assert mode(path) == 0o600


def test_a_folder_the_user_already_had_keeps_its_mode(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    open_database(sqlite_url(folder / "alshome.sqlite3")).dispose()
    assert mode(folder) == 0o755


def test_ensure_private_dir_creates_and_tightens(tmp_path, loose_umask):
    created = ensure_private_dir(tmp_path / "a" / "b")
    assert mode(created) == 0o700
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    ensure_private_dir(loose)
    assert mode(loose) == 0o700


def test_explicit_locations_win_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ALSHOME_DATA_DIR", str(tmp_path / "from-env"))
    monkeypatch.setenv("ALSHOME_DATABASE_URL", "sqlite:///from-env.sqlite3")
    explicit = resolve_locations(str(tmp_path / "explicit"), "sqlite:///explicit.sqlite3")
    assert explicit == Locations(tmp_path / "explicit", "sqlite:///explicit.sqlite3")
    from_env = resolve_locations(None, None)
    assert from_env == Locations(tmp_path / "from-env", "sqlite:///from-env.sqlite3")


def test_default_location_is_the_platform_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    locations = resolve_locations()
    assert locations.data_dir == tmp_path / "xdg" / "alshome"
    assert sqlite_file(locations.database_url) == locations.data_dir / DATABASE_FILE


def test_resolving_creates_nothing(tmp_path):
    resolve_locations(str(tmp_path / "not-yet"))
    assert list(tmp_path.iterdir()) == []


def test_any_folder_name_makes_a_working_url(tmp_path):
    folder = tmp_path / "odd ? name % # here"
    locations = resolve_locations(str(folder))
    open_database(locations.database_url).dispose()
    assert (folder / DATABASE_FILE).is_file()


def test_memory_and_server_urls_have_no_file():
    assert sqlite_file("sqlite://") is None
    assert sqlite_file("sqlite:///:memory:") is None
    assert sqlite_file("postgresql://localhost/alshome") is None


@pytest.mark.parametrize("name", ["plain", "odd ? name % # here", "a+b c", "ünïcødé"])
def test_sqlite_urls_are_written_as_sqlalchemy_writes_them_and_read_back(tmp_path, name):
    path = tmp_path / name / DATABASE_FILE
    url = sqlite_url(path)
    assert url == URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)
    assert sqlite_path(url) == sqlite_file(url) == path


@pytest.mark.parametrize(
    "url",
    [
        "sqlite://",
        "sqlite:///:memory:",
        "postgresql://localhost/alshome",
        "sqlite+pysqlite:////tmp/alshome.sqlite3",
        "sqlite:////tmp/alshome.sqlite3?mode=ro",
    ],
)
def test_only_urls_that_sqlite_url_writes_are_read_without_sqlalchemy(url):
    assert sqlite_path(url) is None
