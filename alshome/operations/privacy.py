"""Deleting everything alshome keeps about the person, on their request, and nothing else.

The data folder may be one the person chose and shares with other files, so only what
alshome itself writes goes: the history database with its -wal, -shm and -journal, the
damaged copies set aside beside it, the mark of an encrypted one, the backups, the
settings, the editor's PIN, the temporary files a write cut short would leave, and the
exports and program files alshome wrote into the folder (recognised by their first bytes,
which alshome always writes the same way). alshome writes no log file; its messages go to
the terminal only and never carry health data. The start-up entry goes too, as it is the
app's.

Files are unlinked, not overwritten first: on journalling and copy-on-write file systems
and on SSDs an overwrite lands elsewhere and protects nothing. Every connection to the
database is closed first (`close_and_delete_all`), so SQLite holds none of its files
open. The folder itself stays, emptied of health data.

A history on a database server (`--database-url postgresql+psycopg://...`) has no files
here: its tables are dropped from the server's database instead (`storage.db.drop_history`).
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from alshome.operations.editor_pin import PIN_FILE
from alshome.operations.exchange import CSV_COLUMNS, EXPORT_FORMAT
from alshome.platform import autostart
from alshome.platform.paths import Locations, on_server, sqlite_path
from alshome.platform.settings import SETTINGS_FILE
from alshome.storage.backups import BACKUPS_FOLDER, backups_folder

if TYPE_CHECKING:
    from alshome.operations.history import History

HEAD_BYTES = 1024  # enough to see how an export or a program file begins
PROGRAM_FORMAT = "alshome-program"  # as `alshome.programs.schema.ProgramDoc` requires
# How the files alshome writes begin: a JSON export or program file, and the CSV export.
WRITTEN_BY_ALSHOME = re.compile(
    rb'\A\{\s*"format": "(%s|%s)"|\A%s\r?\n'
    % tuple(
        re.escape(text.encode()) for text in (EXPORT_FORMAT, PROGRAM_FORMAT, ",".join(CSV_COLUMNS))
    )
)


class DataLeftError(OSError):
    """Some files could not be deleted; `left` names them (or the server's database, by its
    URL without the password), the rest are gone."""

    def __init__(self, left: list[Path | str]) -> None:
        super().__init__(f"{len(left)} files could not be deleted: {', '.join(map(str, left))}.")
        self.left = left


def close_and_delete_all(history: History, locations: Locations) -> bool:
    """Stop sharing, let go of the history, then delete every file of the person's;
    whether all went.

    A shared history's token is revoked at the clinic first, as `alshome share stop`
    does, so no copy of it (in an old backup elsewhere, say) can send again; the clinic
    keeps what it holds. Deleting goes on when the clinic cannot be told within a few
    seconds. The history is not opened again: once this ran, the app can only end.
    """
    if history.is_open:
        from alshome.operations import sync

        sync.stop(history.safety_records().engine, sync.LAST_WORD_TIMEOUT)
    history.close()
    try:
        delete_all_data(locations)
    except OSError:  # DataLeftError, or a folder that cannot be read
        return False
    return True


def delete_all_data(locations: Locations) -> list[Path]:
    """Delete every file alshome keeps for these locations; the paths deleted.

    Every file is tried even when one fails; DataLeftError then names those left.
    """
    removed: list[Path] = []
    left: list[Path | str] = []
    if on_server(locations.database_url):
        left += _drop_server_history(locations.database_url)
    for path in _app_files(locations):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            left.append(path)
        else:
            removed.append(path)
    database = _database_file(locations.database_url)
    folders = {locations.data_dir / BACKUPS_FOLDER}
    if database is not None:
        folders.add(backups_folder(database))
    for folder in folders:
        with contextlib.suppress(OSError):  # not there, or holding someone else's files
            folder.rmdir()
    if hasattr(os, "sync"):
        os.sync()
    if left:
        raise DataLeftError(left)
    return removed


def private_files_report(data_dir: Path) -> dict[Path, int]:
    """Every folder and file under `data_dir`, itself included, with its permission bits."""
    report = {data_dir: data_dir.stat().st_mode & 0o777}
    for path in sorted(data_dir.rglob("*")):
        report[path] = path.lstat().st_mode & 0o777
    return report


def _app_files(locations: Locations) -> list[Path]:
    """The files alshome wrote for these locations that exist now."""
    database = _database_file(locations.database_url)
    folders = {locations.data_dir}
    files: list[Path] = [
        locations.data_dir / SETTINGS_FILE,
        locations.data_dir / PIN_FILE,
        autostart.autostart_entry(),
    ]
    interrupted_writes = (f".{SETTINGS_FILE}.", f".{PIN_FILE}.")
    if database is not None:
        folders.add(database.parent)
        # Everything named after the database: its -wal, -shm and -journal, the copies
        # set aside as damaged, the mark of an encrypted one; and a conversion cut short.
        files += database.parent.glob(f"{glob.escape(database.name)}*")
        interrupted_writes += (f".{database.name}.",)
        backups = backups_folder(database)
        if backups.is_dir():
            files += [path for path in backups.iterdir() if _is_backup(path)]
    for folder in folders:
        if folder.is_dir():
            files += [
                path
                for path in folder.iterdir()
                if path.name.startswith(interrupted_writes) or _written_by_alshome(path)
            ]
    return list(dict.fromkeys(files))


def _database_file(url: str) -> Path | None:
    """The history's SQLite file, read the quick way and, when unsure, as SQLAlchemy reads it."""
    path = sqlite_path(url)
    if path is None:
        from alshome.storage.urls import sqlite_file

        path = sqlite_file(url)
    return path


def _drop_server_history(url: str) -> list[str]:
    """Drop the history's tables on its server; the server, named, if that failed."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from alshome.storage.db import drop_history

    try:
        drop_history(url)
    except SQLAlchemyError:
        return [make_url(url).render_as_string(hide_password=True)]
    return []


def _is_backup(path: Path) -> bool:
    """A backup, one cut short (`.alshome-….partial`), or a journal SQLite left beside one."""
    return path.is_file() and path.name.startswith(("alshome-", ".alshome-"))


def _written_by_alshome(path: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return False
    return WRITTEN_BY_ALSHOME.match(head) is not None
