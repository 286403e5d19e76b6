"""The quick read at start: what Repository reads, or None whenever it cannot be sure."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from alshome.domain.session import Session, SessionStatus
from alshome.platform.paths import sqlite_url
from alshome.storage.db import open_database
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository
from alshome.storage.snapshot import Snapshot, read_snapshot


@pytest.fixture
def history(repository, short_document, short_program, clock) -> None:
    """Two sessions of the short program; the second has a skipped set and stops tired."""
    program_id = repository.add_program(short_document, active=True)
    for rating in (2, 5):
        session = Session(short_program, clock, SessionRecorder(repository, program_id))
        session.start_set()
        clock.advance(3)
        session.tick()
        clock.advance(10)
        session.tick()
        session.finish_set()
        session.answer_fatigue(rating)
        session.end_rest()
        session.skip_set()
        session.stop_tired()
        clock.advance(86_400)


def set_revision(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()


def test_it_reads_what_the_repository_reads(repository, history, database_url):
    snapshot = read_snapshot(database_url)
    assert snapshot == Snapshot(repository.active_program(), repository.last_session())
    last = snapshot.last_session
    assert (last.status, last.sets_done, last.sets_skipped) == (SessionStatus.STOPPED_TIRED, 1, 1)
    assert last.highest_fatigue == 5
    assert snapshot.active_program.name == "Short program"


def test_an_empty_history_reads_as_nothing(engine, database_url):
    assert read_snapshot(database_url) == Snapshot()


def test_a_database_not_made_yet_reads_as_empty_and_is_not_made(tmp_path):
    folder = tmp_path / "not-yet"
    assert read_snapshot(sqlite_url(folder / "alshome.sqlite3")) == Snapshot()
    assert not folder.exists()


def test_reading_never_writes_the_database(history, engine, database_path, database_url):
    engine.dispose()  # everything checkpointed into the main file
    before = database_path.read_bytes()
    assert read_snapshot(database_url) is not None
    assert database_path.read_bytes() == before


def test_any_folder_name_is_read(tmp_path, short_document):
    url = sqlite_url(tmp_path / "odd ? name % # here" / "alshome.sqlite3")
    engine = open_database(url)
    Repository(engine).add_program(short_document, active=True)
    engine.dispose()
    assert read_snapshot(url).active_program.document == short_document


@pytest.mark.parametrize("revision", ["0000_older", "9999_newer"])
def test_another_revision_is_left_to_the_full_opening(
    engine, database_path, database_url, revision
):
    set_revision(database_path, revision)
    assert read_snapshot(database_url) is None


def test_a_database_without_a_revision_is_left_to_the_full_opening(tmp_path):
    path = tmp_path / "alshome.sqlite3"
    sqlite3.connect(path).close()
    assert path.exists()
    assert read_snapshot(sqlite_url(path)) is None


def test_a_damaged_file_is_left_to_the_full_opening(tmp_path):
    path = tmp_path / "alshome.sqlite3"
    path.write_bytes(b"this is not a database, only some words" * 100)
    assert read_snapshot(sqlite_url(path)) is None


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://localhost/alshome",
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite+pysqlite:///{path}",
        "sqlite:///{path}?mode=ro",
    ],
)
def test_other_urls_are_left_to_the_full_opening(history, database_path, url):
    assert read_snapshot(url.format(path=database_path)) is None
