"""Backups of the history: copied by SQLite itself, verified, and thinned out Anki's way.

A database in use is never copied as a file (a copy taken mid-write, or without its -wal,
is not the data); SQLite's backup API reads one consistent snapshot even while another
connection is writing. Each copy is checked before it gets its final name, so a file
named like a backup is one that opened and passed the integrity check. Names carry the
UTC time, so they sort in the order taken whatever the clocks did in between.

No SQLAlchemy, only the standard library's sqlite3: the migration code and the command
line both use this, and neither should pay for more. A history that is damaged is not
backed up but set aside, as `alshome.storage.health` does on open.

An encrypted history (`alshome.storage.cipher`) is copied between connections opened
with its passphrase, so its backups are encrypted with the same key: a plain copy would
undo the encryption. Every function that reads or writes a copy takes that `passphrase`.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from alshome.platform.errors import BAD_INPUT, QT_TRANSLATE_NOOP, UserError
from alshome.platform.files import sync_folder
from alshome.platform.paths import ensure_private_dir
from alshome.storage import keyed_file
from alshome.storage.health import PRIVATE_FILE_MODE, SQLITE_SIDE_FILES, check_database, set_aside
from alshome.storage.revision import VERSION_TABLE

BACKUPS_FOLDER = "backups"
REASONS = ("automatic", "before-migration", "before-import", "before-restore", "manual")
CHANGE_INTERVAL = timedelta(minutes=30)
STAMP_FORMAT = "%Y-%m-%dT%H-%M-%SZ"
NAME = re.compile(
    r"alshome-(?P<stamp>\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ)-(?P<reason>"
    + "|".join(REASONS)
    + r")\.sqlite3"
)

# Anki's rhythm: the two newest, then the newest of each recent day, week and month.
NEWEST_KEPT = 2
DAYS_KEPT = 12
WEEKS_KEPT = 10
MONTHS_KEPT = 9


class BackupError(UserError, RuntimeError):
    """A backup could not be made, or a file is not a backup that can be restored."""

    exit_status = BAD_INPUT


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    reason: str
    size: int


def backups_folder(database: Path) -> Path:
    """Backups live beside the database they copy: `<data folder>/backups` by default."""
    return database.parent / BACKUPS_FOLDER


def take_backup(
    database: Path, folder: Path, reason: str, now: datetime, passphrase: str | None = None
) -> Path:
    """Copy `database` into `folder` as a verified, private backup; its path.

    The copy is written under a temporary name and renamed only once it verifies, so a
    crash or a failed check never leaves a half backup that looks like a whole one.
    """
    if reason not in REASONS:
        raise ValueError(f"Unknown backup reason {reason!r}.")
    ensure_private_dir(folder)
    descriptor, name = tempfile.mkstemp(dir=folder, prefix=".alshome-", suffix=".partial")
    os.close(descriptor)
    temporary = Path(name)
    try:
        _copy(database, temporary, passphrase)
        _stand_alone(temporary, passphrase)
        if not verify(temporary, passphrase):
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The copy of {path} is damaged, so no backup was saved."
                ),
                path=database,
            )
        return _name_for_good(temporary, folder, reason, now)
    finally:
        temporary.unlink(missing_ok=True)


def verify(path: Path, passphrase: str | None = None) -> bool:
    """Whether `path` is a whole alshome database: intact, references sound, schema stamped.

    With a passphrase, a copy that does not open with it is no backup of this history.
    """
    try:
        connection = _connect(path, passphrase, read_only=True)
    except (*keyed_file.DATABASE_ERRORS, keyed_file.WrongPassphraseError):
        return False
    try:
        intact = connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        sound = connection.execute("PRAGMA foreign_key_check").fetchone() is None
        stamped = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
            (VERSION_TABLE,),
        ).fetchone() == (1,)
        return intact and sound and stamped
    except keyed_file.DATABASE_ERRORS:
        return False
    finally:
        connection.close()


def list_backups(folder: Path) -> list[Backup]:
    """The backups in `folder`, newest first; files not named like a backup are ignored."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = NAME.fullmatch(path.name)
        if match is None:
            continue
        taken_at = datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=UTC)
        found.append(Backup(path, taken_at, match["reason"], path.stat().st_size))
    return sorted(found, key=lambda backup: (backup.taken_at, backup.path.name), reverse=True)


def due(folder: Path, now: datetime, changed_since_last: bool) -> bool:
    """Whether an automatic backup is due: something changed and the newest is 30 minutes old.

    A newest backup stamped in the future (the clock was set back) makes one due, or the
    clock change would stop backups until that moment came round again.
    """
    if not changed_since_last:
        return False
    backups = list_backups(folder)
    if not backups:
        return True
    elapsed = _aware(now) - backups[0].taken_at
    return not timedelta(0) <= elapsed < CHANGE_INTERVAL


def kept(backups: Iterable[Backup], now: datetime) -> set[Backup]:
    """The backups retention keeps: at most 2 + 12 + 10 + 9, whatever their number.

    Days, weeks and months are counted on the calendar of `now`'s time zone, the one the
    person lives in, so "yesterday's backup" means what they would expect.
    """
    now = _aware(now)
    zone = now.tzinfo
    newest_first = sorted(backups, key=lambda backup: backup.taken_at, reverse=True)
    keep = set(newest_first[:NEWEST_KEPT])
    today = now.date()
    periods = (
        (lambda day: (today - day).days, DAYS_KEPT),
        (lambda day: (_monday(today) - _monday(day)).days // 7, WEEKS_KEPT),
        (lambda day: _month(today) - _month(day), MONTHS_KEPT),
    )
    for age, limit in periods:
        seen = set()
        for backup in newest_first:
            # One taken "after" now (the clock was set back) counts as today's: still bounded.
            period = max(0, age(backup.taken_at.astimezone(zone).date()))
            if period < limit and period not in seen:
                seen.add(period)
                keep.add(backup)
    return keep


def prune(folder: Path, now: datetime) -> list[Path]:
    """Delete the backups retention does not keep; the paths deleted."""
    backups = list_backups(folder)
    keep = kept(backups, now)
    removed = [backup.path for backup in backups if backup not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore(
    backup: Path, database: Path, folder: Path, now: datetime, passphrase: str | None = None
) -> Path | None:
    """Put the history of `backup` in place of `database`; the backup of what it replaced.

    The backup is verified first and the current history kept before anything is
    replaced: backed up when sound, set aside under a new name when damaged (never
    overwritten: whatever it still holds may be recovered). If either step fails, nothing
    is changed. The copy goes through SQLite, in one transaction on the target, so SQLite
    itself deals with the target's -wal and -shm, and a crash mid-restore leaves the old
    history or the new one, never a mixture. An encrypted history takes only a backup
    that opens with its passphrase, and stays encrypted.
    """
    if not backup.is_file():
        raise BackupError(QT_TRANSLATE_NOOP("Errors", "There is no backup at {path}."), path=backup)
    if not verify(backup, passphrase):
        raise BackupError(
            QT_TRANSLATE_NOOP("Errors", "{path} is not an alshome backup that can be restored."),
            path=backup,
        )
    replaced = _keep_current(database, folder, now, passphrase)
    ensure_private_dir(database.parent)
    os.close(os.open(database, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE))
    _copy(backup, database, passphrase)
    for path in (database, *(database.with_name(database.name + end) for end in SQLITE_SIDE_FILES)):
        if path.exists():
            path.chmod(PRIVATE_FILE_MODE)
    return replaced


def _keep_current(
    database: Path, folder: Path, now: datetime, passphrase: str | None
) -> Path | None:
    """Where the history about to be replaced is kept; None when there is none."""
    if not database.exists() or database.stat().st_size == 0:
        return None
    try:
        if not check_database(database).ok:
            return set_aside(database, now)
        return take_backup(database, folder, "before-restore", now, passphrase)
    except (BackupError, *keyed_file.DATABASE_ERRORS):
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The history in {path} could not be backed up first, so it was left as it is.",
            ),
            path=database,
        ) from None


def _copy(source: Path, target: Path, passphrase: str | None) -> None:
    """Copy one consistent snapshot of `source` into `target` with SQLite's backup API.

    The source is opened read-only, so a missing file is an error rather than a new,
    empty database. The target is written in one transaction, so a reader of it sees all
    of the copy or none.
    """
    try:
        reader = _connect(source, passphrase, read_only=True)
    except keyed_file.DATABASE_ERRORS as error:
        raise BackupError(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be read: {reason}."),
            path=source,
            reason=error,
        ) from None
    try:
        writer = _connect(target, passphrase)
        try:
            writer.execute("PRAGMA busy_timeout=5000")
            writer.execute("PRAGMA synchronous=FULL")
            reader.backup(writer)
        finally:
            writer.close()
    except keyed_file.DATABASE_ERRORS as error:
        raise BackupError(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be copied: {reason}."),
            path=source,
            reason=error,
        ) from None
    finally:
        reader.close()


def _stand_alone(copy: Path, passphrase: str | None) -> None:
    """Switch a fresh copy to a rollback journal: opening it later leaves no -wal beside it.

    The copy takes its journal mode from the live database, WAL; the app switches its own
    database back to WAL whenever it opens one, a restored one included.
    """
    try:
        connection = _connect(copy, passphrase)
        try:
            connection.execute("PRAGMA journal_mode=DELETE")
        finally:
            connection.close()
    except keyed_file.DATABASE_ERRORS as error:
        raise BackupError(
            QT_TRANSLATE_NOOP("Errors", "The copy {path} cannot be finished: {reason}."),
            path=copy,
            reason=error,
        ) from None


def _connect(path: Path, passphrase: str | None, read_only: bool = False) -> Any:
    """The standard library's connection to a plain file, SQLCipher's keyed one otherwise.

    Read-only opens a missing file as an error rather than as a new, empty database.
    """
    if passphrase is not None:
        return keyed_file.connect(path, passphrase, read_only=read_only)
    if read_only:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    return sqlite3.connect(path)


def _name_for_good(temporary: Path, folder: Path, reason: str, now: datetime) -> Path:
    """Give the verified copy its final name, never replacing an earlier backup.

    A second that already has a backup moves this one a second later, so the names keep
    the order the backups were taken in; a link fails rather than overwrite a file, which
    a rename would silently do.
    """
    taken_at = _aware(now).astimezone(UTC).replace(microsecond=0)
    while True:
        stamp = taken_at.strftime(STAMP_FORMAT)
        path = folder / f"alshome-{stamp}-{reason}.sqlite3"
        try:
            if next(folder.glob(f"alshome-{stamp}-*.sqlite3"), None) is None:
                os.link(temporary, path)
                sync_folder(folder)
                return path
        except FileExistsError:
            pass
        taken_at += timedelta(seconds=1)


def _aware(moment: datetime) -> datetime:
    """A naive time is taken as the computer's local time, as `datetime.now()` gives it."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month(day: date) -> int:
    return day.year * 12 + day.month
