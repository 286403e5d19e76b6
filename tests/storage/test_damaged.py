"""A corpus of damaged database files, each made in the test from a real saved history.

Each damage must be caught before anything writes: the file is renamed aside with its
bytes exactly as found, a plain sentence says where it is, and a fresh start works beside
it. A database that only lost an uncheckpointed -wal in a crash is not damaged: it opens
with everything that had been checkpointed.
"""

from __future__ import annotations

import random
import re
import signal
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from test_kill_writer import Writer, kill_at_random
from writer_process import record_session

from alshome.domain.clock import ManualClock
from alshome.operations.failures import FAILURE, explain_failure
from alshome.operations.startup import load_active_program
from alshome.storage.db import open_database, open_fresh_database
from alshome.storage.health import DamagedDatabaseError, check_database, set_aside
from alshome.storage.repository import Repository

SESSIONS = 3
PAGE_SIZE = 4096
HEADER_SIZE = 100
KEPT_NAME = re.compile(r"alshome\.sqlite3\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d")


def record_sessions(engine: Engine, count: int) -> None:
    repository = Repository(engine)
    program_id, program = load_active_program(repository)
    clock = ManualClock(datetime(2026, 3, 2, 9, 30, tzinfo=UTC))
    for _ in range(count):
        record_session(repository, program_id, program, clock)


@pytest.fixture
def saved(database_url: str, database_path: Path) -> Path:
    """A database with a few whole sessions, closed cleanly (no -wal left)."""
    engine = open_database(database_url)
    record_sessions(engine, SESSIONS)
    engine.dispose()
    assert not database_path.with_name(database_path.name + "-wal").exists()
    return database_path


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def bit_flipped(path: Path) -> None:
    """Flip every bit of a b-tree page header in the middle of the file."""
    data = bytearray(path.read_bytes())
    middle = (len(data) // PAGE_SIZE // 2) * PAGE_SIZE
    for offset in range(middle, middle + 8):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def zeroed_header(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(bytes(HEADER_SIZE) + data[HEADER_SIZE:])


def garbage(path: Path) -> None:
    size = path.stat().st_size
    path.write_bytes(random.Random(5).randbytes(size))


def dangling_references(path: Path) -> None:
    """Remove a session under its sets with foreign keys off, as a careless tool would."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = OFF")
        with connection:
            connection.execute("DELETE FROM sessions WHERE id = (SELECT MIN(id) FROM sessions)")
    finally:
        connection.close()


DAMAGES = [truncated, bit_flipped, zeroed_header, garbage, dangling_references]


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda damage: damage.__name__)
def test_a_damaged_file_is_kept_and_a_fresh_start_works(
    saved: Path, database_url: str, damage: Callable[[Path], None]
):
    damage(saved)
    damaged_bytes = saved.read_bytes()
    assert not check_database(saved).ok

    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(database_url)

    kept = caught.value.kept
    assert KEPT_NAME.fullmatch(kept.name)
    assert kept.parent == saved.parent
    assert kept.read_bytes() == damaged_bytes
    assert kept.stat().st_mode & 0o777 == 0o600
    assert not saved.exists()
    status, sentence = explain_failure(caught.value)
    assert status == FAILURE
    assert str(kept) in sentence

    engine = open_fresh_database(database_url)
    try:
        assert not Repository(engine).has_history()
        record_sessions(engine, 1)
        assert len(Repository(engine).sessions()) == 1
    finally:
        engine.dispose()
    assert kept.read_bytes() == damaged_bytes
    assert check_database(saved).ok


def test_a_new_or_empty_file_is_not_damaged(database_path: Path):
    assert check_database(database_path).ok
    database_path.parent.mkdir()
    database_path.touch()
    assert check_database(database_path).ok


def test_a_crash_that_lost_the_wal_loses_only_what_was_not_checkpointed(
    saved: Path, database_url: str
):
    engine = open_database(database_url)
    before = Repository(engine).sessions()
    engine.dispose()
    writer = Writer(database_url)
    try:
        assert writer.line() == "open"
        printed, end = kill_at_random(writer, delay=0, after_sets=3)
    finally:
        writer.close()
    assert end.split()[2] == str(-signal.SIGKILL)
    wal = saved.with_name(saved.name + "-wal")
    hot = {path: path.read_bytes() for path in (saved, wal)}
    assert len(hot[wal]) > 0

    assert check_database(saved).ok, "a hot -wal is the crash's last commits, not damage"
    assert {path: path.read_bytes() for path in (saved, wal)} == hot, "the check wrote"

    wal.unlink()
    saved.with_name(saved.name + "-shm").unlink()
    engine = open_database(database_url)
    try:
        after = Repository(engine).sessions()
    finally:
        engine.dispose()
    assert after[: len(before)] == before
    assert len(printed) >= 3
    assert not list(saved.parent.glob("*.damaged-*"))


def test_setting_aside_moves_a_hot_wal_with_its_database(saved: Path, database_url: str):
    """The kept trio reads as one database, with the sets that were only in the -wal."""
    writer = Writer(database_url)
    try:
        assert writer.line() == "open"
        printed, _ = kill_at_random(writer, delay=0, after_sets=3)
    finally:
        writer.close()

    moment = datetime(2026, 11, 25, 17, 40, 12)
    kept = set_aside(saved, moment)
    again = set_aside(_copy_of(kept, saved), moment)

    assert kept.name == "alshome.sqlite3.damaged-2026-11-25T17-40-12"
    assert again.name == "alshome.sqlite3.damaged-2026-11-25T17-40-12-2"
    assert sorted(path.name for path in saved.parent.iterdir()) == sorted(
        name + end for name in (kept.name, again.name) for end in ("", "-wal", "-shm")
    )
    connection = sqlite3.connect(kept)
    try:
        stored = set(connection.execute("SELECT session_id, position FROM sets"))
    finally:
        connection.close()
    assert set(printed) <= stored


def _copy_of(kept: Path, path: Path) -> Path:
    """The kept trio's bytes back at `path`, to set aside a second time in the same second."""
    for end in ("", "-wal", "-shm"):
        path.with_name(path.name + end).write_bytes(kept.with_name(kept.name + end).read_bytes())
    return path


def test_a_file_that_cannot_be_opened_is_not_taken_for_damage(database_path: Path, database_url):
    """A folder where the file should be: opening fails plainly, and nothing is moved."""
    database_path.mkdir(parents=True)
    (database_path / "keep").write_text("kept")

    assert check_database(database_path).ok
    with pytest.raises(OSError) as caught:
        open_database(database_url)

    assert explain_failure(caught.value)[0] == FAILURE
    assert (database_path / "keep").read_text() == "kept"
    assert not list(database_path.parent.glob("*.damaged-*"))
