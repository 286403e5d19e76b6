"""The history's backups: listed, taken now, taken automatically when due, put back, and
the one taken before every import, whichever front end imports.

A backup is put back only while the history is closed; the app's `BackupsOfHistory`
closes it first and opens it again afterwards, whatever happened in between. Storage is
imported only when a backup is asked for: the app builds its services before its window
appears, and SQLCipher's module is not needed until then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from alshome.domain.clock import SystemClock
from alshome.operations.history import History, saved_file

if TYPE_CHECKING:
    from alshome.domain.program import Program
    from alshome.storage.backups import Backup

STAMP_RESOLUTION = timedelta(seconds=1)


def backups_of(database: Path) -> list[Backup]:
    """The backups of the history in `database`, newest first."""
    from alshome.storage.backups import backups_folder, list_backups

    return list_backups(backups_folder(database))


def take_now(database: Path, passphrase: str | None) -> Path:
    """A verified backup of the saved history, on the person's request; its path."""
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
    from alshome.storage.backups import backups_folder, take_backup

    if not database.is_file():
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "There is no alshome history in {folder} to back up."),
            folder=database.parent,
        )
    folder = backups_folder(database)
    return take_backup(database, folder, "manual", SystemClock().wall(), passphrase)


def restore_backup(backup: Path, database: Path, passphrase: str | None) -> Path | None:
    """Put `backup` in place of the closed history; the backup of the history it replaced."""
    from alshome.storage.backups import backups_folder, restore

    return restore(backup, database, backups_folder(database), SystemClock().wall(), passphrase)


def newest_good_backup(database: Path) -> Backup | None:
    """The newest backup of `database` that opens and passes its checks."""
    from alshome.storage.backups import verify

    return next((backup for backup in backups_of(database) if verify(backup.path)), None)


def changed_since_last_backup(database: Path) -> bool:
    """Whether the database or its -wal was written after the newest backup was taken."""
    from alshome.storage.health import SQLITE_SIDE_FILES

    backups = backups_of(database)
    files = [database, *(database.with_name(database.name + end) for end in SQLITE_SIDE_FILES)]
    written = [path.stat().st_mtime for path in files[:2] if path.exists()]
    if not written:
        return False
    if not backups:
        return True
    # A backup's name keeps whole seconds: a write in that same second came before it.
    return datetime.fromtimestamp(max(written), UTC) >= backups[0].taken_at + STAMP_RESOLUTION


def back_up_if_due(database: Path, passphrase: str | None, moment: datetime) -> Path | None:
    """An automatic backup when one is due (Anki's rhythm), old ones thinned out; its path.

    A backup that fails is simply tried again next time, so it never gets in the way of
    a session: None then, as when none was due.
    """
    from alshome.storage.backups import BackupError, backups_folder, due, prune, take_backup

    if not database.exists():
        return None
    folder = backups_folder(database)
    try:
        if not due(folder, moment, changed_since_last_backup(database)):
            return None
        backup = take_backup(database, folder, "automatic", moment, passphrase)
    except (BackupError, OSError):
        return None
    with suppress(OSError):  # thinned out next time instead
        prune(folder, moment)
    return backup


@contextmanager
def backed_up_before_import(database_url: str, passphrase: str | None) -> Iterator[None]:
    """Back up a saved history before an import changes it; an import refused keeps no copy.

    An import is one transaction, so a refused one changed nothing, and the promise that
    bad input writes nothing holds for the backups folder too.
    """
    from alshome.storage.backups import backups_folder, take_backup
    from alshome.storage.urls import sqlite_file

    database = sqlite_file(database_url)
    if database is None or not saved_file(database):
        yield
        return
    folder = backups_folder(database)
    made_folder = not folder.exists()
    backup = take_backup(database, folder, "before-import", SystemClock().wall(), passphrase)
    try:
        yield
    except BaseException:
        backup.unlink()
        if made_folder:
            with suppress(OSError):  # not empty: a migration saved its own backup there
                folder.rmdir()
        raise


class BackupsOfHistory:
    """The app's history's backups, for the backups screen; putting one back reopens it."""

    def __init__(
        self, history: History, database: Path, on_restored: Callable[[Program], None]
    ) -> None:
        self._history = history
        self._database = database
        self._on_restored = on_restored

    def list(self) -> list[Backup]:
        return backups_of(self._database)

    def take_now(self) -> None:
        take_now(self._database, self._history.passphrase)

    def restore(self, backup: Backup) -> None:
        """Put `backup` back; whatever happens, the history is opened again afterwards."""
        self._history.close()
        try:
            restore_backup(backup.path, self._database, self._history.passphrase)
        finally:
            self._on_restored(self._history.reopen().program)
