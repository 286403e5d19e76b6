"""A saved history in a fresh data folder, with sessions recorded the way the app records
them, and the ways to look inside a history file or a backup without changing it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from alshome.domain.clock import ManualClock
from alshome.domain.session import Phase, Session
from alshome.operations.history import History
from alshome.platform.paths import DATABASE_FILE, sqlite_url
from alshome.programs.demo import demo_document
from alshome.programs.transfer import CheckedProgram, check_program, program_file_text

SESSION_START = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def record_session(history: History) -> None:
    """One whole session of the active program, every set skipped, saved as it goes."""
    start = history.open()
    session = Session(start.program, ManualClock(SESSION_START), history.recorder())
    while session.phase is not Phase.SUMMARY:
        session.end_rest() if session.phase is Phase.REST else session.skip_set()


def rows(database: Path, query: str) -> list[tuple]:
    """What `query` finds in the plain SQLite file `database`, opened read-only."""
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
        return connection.execute(query).fetchall()


def program_names(database: Path) -> set[str]:
    return {name for (name,) in rows(database, "SELECT name FROM programs")}


def session_count(database: Path) -> int:
    return rows(database, "SELECT count(*) FROM sessions")[0][0]


def therapist_program(name: str = "From the clinic") -> CheckedProgram:
    document = demo_document()
    document["name"] = name
    return check_program(document)


def write_program_file(folder: Path, checked: CheckedProgram) -> Path:
    path = folder / "program.json"
    path.write_text(program_file_text(checked.document), encoding="utf-8")
    return path


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """Where the history is kept; nothing is saved there yet."""
    return tmp_path / "data" / DATABASE_FILE


@pytest.fixture
def saved(database: Path) -> Path:
    """A saved history holding the demo program and one session, closed again."""
    history = History(sqlite_url(database), None)
    record_session(history)
    history.close()
    return database
