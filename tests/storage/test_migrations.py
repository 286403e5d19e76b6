"""The schema comes only from the shipped migrations, and a migration is all or nothing."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

import alshome
from alshome.domain.session import Session
from alshome.platform.paths import sqlite_url
from alshome.storage.backups import backups_folder, list_backups, verify
from alshome.storage.db import open_database
from alshome.storage.migrate import (
    HEAD_REVISION,
    MigrationError,
    NewerDatabaseError,
    alembic_config,
    current_revision,
)
from alshome.storage.models import Base
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository
from tests.storage.conftest import on_disk

REPOSITORY_ROOT = Path(alshome.__file__).resolve().parent.parent


BOTH = pytest.mark.databases("sqlite", "postgresql")


@pytest.fixture
def database_url(
    database_path: Path, server_database_url: str | None, request: pytest.FixtureRequest
) -> Iterator[str]:
    """An empty database, so that opening it runs every migration from the first."""
    if server_database_url is None:
        yield sqlite_url(database_path)
        return
    server = request.getfixturevalue("postgres_server")
    url = server.new_database(migrated=False)
    yield url
    server.drop_database(url)


def tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def rows(url: str, *names: str) -> dict[str, list[tuple]]:
    return {name: on_disk(url, f"SELECT * FROM {name} ORDER BY id") for name in names}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*")}


@BOTH
def test_empty_database_is_migrated_to_head(engine, database_url):
    assert tables(database_url) == {
        "alembic_version",
        "programs",
        "sessions",
        "sets",
        "profile",
        "carry_over_checks",
        "lift_checks",
        "alsfrs_entries",
        "media",
        "program_media",
        "sharing",
        "outbox",
    }
    assert current_revision(engine) == HEAD_REVISION


@BOTH
def test_a_first_schema_history_is_upgraded_with_its_sessions_kept(
    database_url, database_path, short_program, short_document, clock
):
    """A database left by the first release (0001) gains the safety tables, losing nothing."""
    database_path.parent.mkdir()
    old = create_engine(database_url)
    config = alembic_config()
    with old.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_initial")
    old.dispose()
    old = Repository(create_engine(database_url))
    program_id = old.add_program(short_document, active=True)
    session = Session(short_program, clock, SessionRecorder(old, program_id))
    session.start_set()
    session.start_set()
    clock.advance(10)
    session.finish_set()
    session.answer_fatigue(3)
    session.stop_tired()
    before = rows(database_url, "sessions", "sets", "programs")
    assert tables(database_url) == {"alembic_version", "programs", "sessions", "sets"}

    engine = open_database(database_url)
    try:
        repository = Repository(engine)
        assert current_revision(engine) == HEAD_REVISION
        assert rows(database_url, "sessions", "sets", "programs") == before
        [kept] = repository.sessions()
        assert (kept.status, kept.sets[0].fatigue, kept.lift_checks) == ("stopped_tired", 3, ())
        assert repository.profile() is None
        assert repository.last_lift_checks() == {}
        assert repository.carry_over_checks() == []
    finally:
        engine.dispose()


def test_head_revision_is_alembics_head():
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_current_head() == HEAD_REVISION


@BOTH
def test_models_match_the_migrations(engine):
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_newer_database_is_refused_and_left_byte_identical(database_url, database_path):
    open_database(database_url).dispose()
    with sqlite3.connect(database_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    database_path.chmod(0o640)
    before = snapshot(database_path.parent)

    with pytest.raises(NewerDatabaseError):
        open_database(database_url)

    assert snapshot(database_path.parent) == before
    assert stat.S_IMODE(database_path.stat().st_mode) == 0o640


@BOTH
def test_a_failed_migration_leaves_no_table_behind(database_url, monkeypatch):
    real_upgrade = command.upgrade

    def upgrade_then_fail(config, revision):
        real_upgrade(config, revision)
        raise OSError("disk full")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(OSError, match="disk full"):
        open_database(database_url)
    assert tables(database_url) == set()


def test_a_migration_that_breaks_references_is_rolled_back(
    database_url, database_path, monkeypatch
):
    real_upgrade = command.upgrade

    def upgrade_leaving_an_orphan(config, revision):
        real_upgrade(config, revision)
        config.attributes["connection"].exec_driver_sql(
            "INSERT INTO sets (session_id, position, exercise_id, exercise_name, kind, side,"
            " set_number, total_sets, mover, planned, symptoms, started_at, ended_at)"
            " VALUES (42, 0, 'x', 'x', 'resistance', 'none', 1, 1, 'patient', '{}', '[]', '', '')"
        )

    monkeypatch.setattr(command, "upgrade", upgrade_leaving_an_orphan)
    with pytest.raises(MigrationError):
        open_database(database_url)
    assert tables(database_url) == set()


def test_foreign_keys_are_back_on_after_a_migration(engine):
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


OPEN_AND_REPORT = """
import sys
from alshome.storage.db import open_database
open_database(sys.argv[1]).dispose()
print("alembic" in sys.modules)
"""


def test_opening_a_database_at_head_does_not_import_alembic(tmp_path):
    url = sqlite_url(tmp_path / "alshome.sqlite3")

    def open_in_a_new_process() -> str:
        result = subprocess.run(
            [sys.executable, "-c", OPEN_AND_REPORT, url],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPOSITORY_ROOT,
            timeout=60,
        )
        return result.stdout.strip()

    assert open_in_a_new_process() == "True"  # the first open migrates
    assert open_in_a_new_process() == "False"


@BOTH
def test_inspecting_the_fresh_schema_finds_the_constraints(engine):
    inspector = inspect(engine)
    checks = {check["name"] for check in inspector.get_check_constraints("sets")}
    assert checks == {"ck_sets_position", "ck_sets_set_number", "ck_sets_fatigue"}
    foreign = inspector.get_foreign_keys("sets")[0]
    assert foreign["options"]["ondelete"] == "CASCADE"


def test_migrating_a_saved_history_first_leaves_a_backup_of_it(database_url, database_path):
    database_path.parent.mkdir()
    old = create_engine(database_url)
    config = alembic_config()
    with old.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_initial")
    old.dispose()
    before = tables(database_url)

    open_database(database_url).dispose()

    [backup] = list_backups(backups_folder(database_path))
    assert backup.reason == "before-migration"
    assert verify(backup.path)
    assert tables(sqlite_url(backup.path)) == before
    with sqlite3.connect(backup.path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0001_initial",)
        ]
    connection.close()


def test_a_new_database_needs_no_backup_before_its_first_migration(engine, database_path):
    assert not backups_folder(database_path).exists()
