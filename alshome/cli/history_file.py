"""The history the commands work on: its SQLite file, its passphrase, the backup before an import.

An encrypted history is opened with its passphrase, asked for without echo, or taken from
the ALSHOME_PASSPHRASE environment variable for scripts; it is never an argument, which
other users of the computer could read in the process list.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from alshome.platform.errors import QT_TRANSLATE_NOOP
from alshome.platform.paths import Locations

if TYPE_CHECKING:
    from alshome.storage.repository import Repository

PASSPHRASE_VARIABLE = "ALSHOME_PASSPHRASE"
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


def passphrase(locations: Locations) -> str | None:
    """The passphrase of an encrypted history, None for a plain one; asked without echo."""
    from alshome.storage import cipher
    from alshome.storage.db import sqlite_file

    database = sqlite_file(locations.database_url)
    if database is None or not cipher.is_encrypted(database):
        return None
    return os.environ.get(PASSPHRASE_VARIABLE) or getpass.getpass("Passphrase: ")


@contextmanager
def saved_history(locations: Locations) -> Iterator[Repository]:
    """The history a reading command works on; none is made where none was saved."""
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
    from alshome.storage.db import open_database, sqlite_file
    from alshome.storage.repository import Repository

    database = sqlite_file(locations.database_url)
    if database is not None and not database.exists():
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "There is no alshome history in {folder}."),
            folder=database.parent,
        )
    engine = open_database(locations.database_url, passphrase(locations))
    try:
        yield Repository(engine)
    finally:
        engine.dispose()


def database_file(locations: Locations, elsewhere: str) -> Path:
    """The SQLite file behind the locations; `elsewhere` says why a command needs one."""
    from alshome.platform.errors import DocumentError
    from alshome.storage.db import sqlite_file

    database = sqlite_file(locations.database_url)
    if database is None:
        raise DocumentError(elsewhere)
    return database


@contextmanager
def backed_up_before_import(locations: Locations, passphrase: str | None) -> Iterator[None]:
    """Back up a saved history before an import changes it; an import refused keeps no copy.

    An import is one transaction, so a refused one changed nothing, and the promise that
    bad input writes nothing holds for the backups folder too.
    """
    from alshome.storage.backups import backups_folder, take_backup
    from alshome.storage.db import sqlite_file

    database = sqlite_file(locations.database_url)
    if database is None or not database.is_file() or database.stat().st_size == 0:
        yield
        return
    folder = backups_folder(database)
    made_folder = not folder.exists()
    backup = take_backup(database, folder, "before-import", datetime.now(), passphrase)
    try:
        yield
    except BaseException:
        backup.unlink()
        if made_folder:
            with suppress(OSError):  # not empty: a migration saved its own backup there
                folder.rmdir()
        raise
