"""The history database as the front ends open it: the app's one long-lived `History`, and
the short openings of a command.

The app opens its history once (before the window, after it, or when Start is pressed;
see `alshome.app`) and closes it only to put a backup back, to change its passphrase or
to delete it. A command opens it for one call and lets go of it at once. Either way the
passphrase of an encrypted history is given by the front end, which asks the person for
it; it is kept in memory only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from alshome.operations.startup import Start
from alshome.platform.errors import QT_TRANSLATE_NOOP
from alshome.storage.snapshot import read_session_starts

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from alshome.domain.program import Program
    from alshome.programs.transfer import CheckedProgram
    from alshome.storage.recorder import SessionRecorder
    from alshome.storage.repository import Repository
    from alshome.storage.snapshot import SessionOverview

# What backups and the passphrase mean for a history that is not a SQLite file, such as
# one on a PostgreSQL server given with --database-url: nothing alshome does.
ONLY_A_FILE = {
    "backup": QT_TRANSLATE_NOOP(
        "Errors",
        "alshome backs up only a history kept in a SQLite file; a history on a database "
        "server is kept safe by the server's own backups.",
    ),
    "restore": QT_TRANSLATE_NOOP(
        "Errors",
        "alshome restores only a history kept in a SQLite file; a history on a database "
        "server is restored with the server's own tools.",
    ),
    "passphrase": QT_TRANSLATE_NOOP(
        "Errors",
        "A passphrase protects only a history kept in a SQLite file; a history on a "
        "database server is protected by the server's own access control.",
    ),
}


class History:
    """The history database, opened once: before the window, after it, or by Start."""

    def __init__(self, database_url: str, start: Start | None) -> None:
        self._url = database_url
        self._start = start
        self._repository: Repository | None = None
        self._engine: Engine | None = None
        # An encrypted history's passphrase, kept in memory only; None for a plain one.
        self.passphrase: str | None = None

    @property
    def url(self) -> str:
        return self._url

    @property
    def is_open(self) -> bool:
        return self._repository is not None

    def open(self) -> Start:
        """Open the database unless it is open; raises what opening raises.

        After a quick start with no saved program yet (a first launch), this saves the demo.
        """
        if self._repository is None:
            from alshome.operations.startup import full_start
            from alshome.storage.db import open_database
            from alshome.storage.health import DamagedDatabaseError
            from alshome.storage.repository import Repository

            try:
                engine = open_database(self._url, self.passphrase)
            except DamagedDatabaseError:
                self._start = None  # read quickly from the damaged file: trust none of it
                raise
            repository = Repository(engine)
            if self._start is None or self._start.program_id is None:
                self._start = full_start(repository)
            self._repository, self._engine = repository, engine
        return self._start

    def close(self) -> None:
        """Close every connection, so that no file of the database is held open.

        Deleting all data calls this first; the app ends after that without opening again.
        """
        if self._engine is not None:
            self._engine.dispose()
        self._repository = self._engine = None

    def reopen(self) -> Start:
        """Open afresh, reading everything again: after a backup was put back."""
        self.close()
        self._start = None
        return self.open()

    def recorder(self) -> SessionRecorder:
        from alshome.storage.recorder import SessionRecorder

        program_id = self.open().program_id
        return SessionRecorder(self._repository, program_id)

    def last_session(self) -> SessionOverview | None:
        if self._repository is None:
            return self._start.last_session
        return self._repository.last_session()

    def session_times_since(self, moment: datetime) -> tuple[datetime, ...]:
        """When each session started from `moment` on; read quickly until the database is open.

        Should the quick read be unsure, the database is opened the full way to answer.
        """
        if self._repository is None:
            starts = read_session_starts(self._url, moment)
            if starts is not None:
                return starts
            self.open()
        return self._repository.session_times_since(moment)

    def use_program(self, checked: CheckedProgram) -> Program:
        """Save a checked program file as the active program; later sessions record it.

        Only `operations.program_import` calls this, after it has taken a backup.
        """
        from alshome.operations.startup import load_active_program
        from alshome.programs.transfer import import_program

        start = self.open()
        import_program(checked, self._repository)
        program_id, program = load_active_program(self._repository)
        self._start = replace(start, program_id=program_id, program=program)
        return program

    def safety_records(self) -> Repository:
        """The open history, for the first-run pages and the checks before a session."""
        self.open()
        return self._repository


@contextmanager
def opened_history(database_url: str, passphrase: str | None) -> Iterator[Repository]:
    """The history for one command, made where none was saved; let go of when done."""
    from alshome.storage.db import open_database
    from alshome.storage.repository import Repository

    engine = open_database(database_url, passphrase)
    try:
        yield Repository(engine)
    finally:
        engine.dispose()


@contextmanager
def saved_history(database_url: str, passphrase: str | None) -> Iterator[Repository]:
    """The history a reading command works on; none is made where none was saved."""
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
    from alshome.storage.urls import sqlite_file

    database = sqlite_file(database_url)
    if database is not None and not database.exists():
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "There is no alshome history in {folder}."),
            folder=database.parent,
        )
    with opened_history(database_url, passphrase) as repository:
        yield repository


def history_file(database_url: str, need: str) -> Path:
    """The SQLite file behind `database_url`; `need` (a key of ONLY_A_FILE) says why one is
    needed, and is the refusal for a history on a database server."""
    from alshome.platform.errors import DocumentError
    from alshome.storage.urls import sqlite_file

    database = sqlite_file(database_url)
    if database is None:
        raise DocumentError(ONLY_A_FILE[need])
    return database


def saved_file(database: Path) -> bool:
    """Whether a history was saved in `database`: a file that is there and not empty."""
    return database.is_file() and database.stat().st_size > 0
