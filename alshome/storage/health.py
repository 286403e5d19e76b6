"""Is the database file sound, and if not, where it is kept: checked before anything writes.

A damaged file is never repaired in place and never deleted: it is renamed with its
-wal and -shm (as Firefox keeps `places.sqlite.corrupt`), so whatever it still holds can
be recovered later, and the app starts from a backup or afresh beside it.

The check reads through a read-only connection of the standard library's sqlite3, so a
hot -wal left by a crash is read, never checkpointed or removed: its commits still count.
`quick_check` misses references that point nowhere, so `foreign_key_check` runs too.
Only SQLite's own verdicts (a malformed image, not a database) mean damage. A locked
file or one that cannot be read is no reason to move it: the check leaves it be, and the
open that follows fails with that failure's own message.

An encrypted history (marked beside it, see `alshome.storage.cipher`) reads like garbage
to this check, exactly like a damaged file: it is never judged here. The opening checks it
with the same `check_connection` once its passphrase has opened it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from alshome.platform.errors import QT_TRANSLATE_NOOP, UserError
from alshome.platform.files import sync_folder
from alshome.storage.encrypted_mark import is_encrypted

SQLITE_SIDE_FILES = ("-wal", "-shm")
DAMAGED_SUFFIX = ".damaged-"
DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
PRIVATE_FILE_MODE = 0o600
BUSY_SECONDS = 5.0


class DamagedDatabaseError(UserError, RuntimeError):
    """The database file was damaged; it was renamed to `kept` and nothing was deleted.

    SQLite's `reason` is kept for the log, not put in the sentence: a person can act on
    where the file went, not on how its pages were found broken.
    """

    def __init__(self, kept: Path, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The saved history was damaged. Nothing was deleted: the damaged file was kept "
                "as {path}. Restore a backup, or start afresh beside it.",
            ),
            path=kept,
        )
        self.kept = kept
        self.reason = reason


@dataclass(frozen=True)
class Health:
    """The verdict on one file: not damaged, or damaged for a reason naming no health data."""

    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.reason is None


SOUND = Health()


def check_database(path: Path) -> Health:
    """Whether the SQLite file at `path` is damaged; a missing or empty file is a new one."""
    if not path.exists() or path.stat().st_size == 0 or is_encrypted(path):
        return SOUND
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS)
    except sqlite3.DatabaseError as error:
        return _verdict(error)
    try:
        return check_connection(connection)
    except sqlite3.DatabaseError as error:
        return _verdict(error)
    finally:
        connection.close()


def check_connection(connection: Any) -> Health:
    """The verdict read through an open connection, a keyed SQLCipher one included."""
    problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        return Health(f"integrity: {problems[0]}")
    dangling = connection.execute("PRAGMA foreign_key_check").fetchall()
    if dangling:
        tables = sorted({row[0] for row in dangling})
        return Health(f"{len(dangling)} references point nowhere, in {', '.join(tables)}")
    return SOUND


def _verdict(error: sqlite3.DatabaseError) -> Health:
    """Damage if SQLite says the image is malformed or not a database; else not judged."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in DAMAGE_CODES:
        return Health(str(error))
    return SOUND


def set_aside(path: Path, now: datetime) -> Path:
    """Rename the database and its -wal and -shm to a dated name beside it; return the new path.

    Each side file keeps its suffix after the new name, so SQLite opens the kept trio as
    one database. They move first: were the move cut short, no stray -wal would be left
    beside the database path for a fresh database to replay.
    """
    kept = _free_name(path, now)
    for suffix in SQLITE_SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            _move(side, kept.with_name(kept.name + suffix))
    _move(path, kept)
    sync_folder(path.parent)
    return kept


def _free_name(path: Path, now: datetime) -> Path:
    """`NAME.damaged-2026-11-25T17-40-12`, numbered should that moment already be taken."""
    stem = f"{path.name}{DAMAGED_SUFFIX}{now:%Y-%m-%dT%H-%M-%S}"
    candidate = path.with_name(stem)
    number = 1
    while any(
        candidate.with_name(candidate.name + end).exists() for end in ("", *SQLITE_SIDE_FILES)
    ):
        number += 1
        candidate = path.with_name(f"{stem}-{number}")
    return candidate


def _move(source: Path, target: Path) -> None:
    source.rename(target)
    target.chmod(PRIVATE_FILE_MODE)
