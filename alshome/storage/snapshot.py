"""What the home window shows at start, read with the standard library's sqlite3.

Importing SQLAlchemy costs about 0.3 s, more than a bare Qt window takes to appear, and the
home screen needs only a few small reads: the active program, an overview of the last
session and when this week's sessions started. So the app reads them here first (see
`alshome.app`) and opens the database with SQLAlchemy once the window is on screen.

The read is opened read-only (it never creates, migrates or changes anything) and trusts
only a SQLite file at exactly the revision this app expects. Anything else - another kind of
database, an older or newer revision, a damaged file, any sqlite3 error - gives None, and the
caller opens the database the full way, which migrates it or explains what is wrong.
An encrypted history (see `alshome.storage.cipher`) is known by its marker and gives None
at once: only the full opening, with the passphrase, can read it.
`Repository` runs the same SQL through the same row functions, so both readings agree.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from alshome.domain.session import SessionStatus
from alshome.platform.paths import sqlite_path
from alshome.storage.encrypted_mark import is_encrypted
from alshome.storage.revision import HEAD_REVISION, VERSION_TABLE

T = TypeVar("T")

ACTIVE_PROGRAM_SQL = "SELECT id, name, version, document FROM programs WHERE active"

# The newest session by the moment it started (naive UTC sorts correctly across
# daylight-saving changes and travel), with counts over its sets. count(done) counts the
# sets that were done: a skipped set has no `done`.
LAST_SESSION_SQL = """
SELECT started_at, ended_at, status, program_name, program_version,
       (SELECT count(*) FROM sets WHERE sets.session_id = sessions.id),
       (SELECT count(done) FROM sets WHERE sets.session_id = sessions.id),
       (SELECT max(fatigue) FROM sets WHERE sets.session_id = sessions.id)
FROM sessions
ORDER BY started_utc DESC, id DESC
LIMIT 1
"""

# When each session started, from a moment on: every session counts, however it ended
# (see `alshome.domain.week`). `since` is a naive UTC time, compared as the column keeps it.
SESSION_STARTS_SQL = """
SELECT started_at FROM sessions
WHERE started_utc >= :since
ORDER BY started_utc, id
"""
# How SQLAlchemy writes a DateTime into SQLite, so the standard library can compare with it.
SQLITE_DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


@dataclass(frozen=True)
class StoredProgram:
    id: int
    name: str
    version: int
    document: dict[str, Any]


@dataclass(frozen=True)
class SessionOverview:
    """What the home screen says about the last session."""

    started_at: datetime
    ended_at: datetime | None
    status: SessionStatus
    program_name: str
    program_version: int
    sets_done: int
    sets_skipped: int
    highest_fatigue: int | None

    @property
    def duration(self) -> timedelta | None:
        return None if self.ended_at is None else self.ended_at - self.started_at


@dataclass(frozen=True)
class Snapshot:
    """The saved state the home window needs: nothing at all for a database not made yet."""

    active_program: StoredProgram | None = None
    last_session: SessionOverview | None = None


def stored_program(row: Sequence[Any] | None) -> StoredProgram | None:
    """The program from a row of ACTIVE_PROGRAM_SQL whose document is already decoded."""
    return None if row is None else StoredProgram(*row)


def session_overview(row: Sequence[Any] | None) -> SessionOverview | None:
    """The overview from a row of LAST_SESSION_SQL; None when there is no session yet."""
    if row is None:
        return None
    started_at, ended_at, status, program_name, program_version, total, done, highest = row
    return SessionOverview(
        started_at=datetime.fromisoformat(started_at),
        ended_at=parse_moment(ended_at),
        status=SessionStatus(status),
        program_name=program_name,
        program_version=program_version,
        sets_done=done,
        sets_skipped=total - done,
        highest_fatigue=highest,
    )


def session_starts(rows: Iterable[Sequence[Any]]) -> tuple[datetime, ...]:
    """The aware start times from the rows of SESSION_STARTS_SQL, with their own offsets."""
    return tuple(datetime.fromisoformat(started_at) for (started_at,) in rows)


def naive_utc(moment: datetime) -> datetime:
    """An aware moment as the `started_utc` column keeps it."""
    return moment.astimezone(UTC).replace(tzinfo=None)


def parse_moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def read_snapshot(database_url: str) -> Snapshot | None:
    """The snapshot, or None when only opening the database the full way can tell.

    A SQLite file that does not exist yet holds nothing: the empty snapshot (the full
    opening creates it).
    """
    return _read(database_url, _snapshot, Snapshot())


def read_session_starts(database_url: str, since: datetime) -> tuple[datetime, ...] | None:
    """When each session started at or after `since`, read as `read_snapshot` reads.

    The home screen asks for this week's sessions before the database is open the full
    way; None, as for the snapshot, leaves the question to the full opening.
    """
    key = naive_utc(since).strftime(SQLITE_DATETIME_FORMAT)

    def starts(connection: sqlite3.Connection) -> tuple[datetime, ...]:
        return session_starts(connection.execute(SESSION_STARTS_SQL, {"since": key}))

    return _read(database_url, starts, ())


def _snapshot(connection: sqlite3.Connection) -> Snapshot:
    program = connection.execute(ACTIVE_PROGRAM_SQL).fetchone()
    if program is not None:
        program = (*program[:-1], json.loads(program[-1]))
    last = connection.execute(LAST_SESSION_SQL).fetchone()
    return Snapshot(stored_program(program), session_overview(last))


def _read(database_url: str, read: Callable[[sqlite3.Connection], T], empty: T) -> T | None:
    """`read` in one read-only transaction, so its queries agree; None whenever unsure.

    `empty` is the answer for a SQLite file that does not exist yet.
    """
    path = sqlite_path(database_url)
    if path is None:
        return None
    if not path.exists():
        return empty
    if is_encrypted(path):
        return None
    try:
        connection = sqlite3.connect(
            f"{path.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None
        )
    except sqlite3.Error:
        return None
    try:
        connection.execute("BEGIN")
        revision = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
        if revision != [(HEAD_REVISION,)]:
            return None
        return read(connection)
    except (sqlite3.Error, ValueError):
        return None
    finally:
        connection.close()
