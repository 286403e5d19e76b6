"""Opening an encrypted history file with its passphrase: the one way in for every reader.

The history itself (`alshome.storage.db`), its backups and the conversions of
`alshome.storage.cipher` all open a SQLCipher file through `connect`, which tells a wrong
passphrase from a damaged file by a first read.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3

from alshome.platform.errors import QT_TRANSLATE_NOOP, UserError

BUSY_SECONDS = 5.0
DATABASE_ERRORS = (sqlite3.Error, sqlcipher3.Error)


class WrongPassphraseError(UserError, RuntimeError):
    """The passphrase does not open the history; nothing was changed."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "That passphrase is not right."))


def connect(path: Path, passphrase: str, read_only: bool = False, **options: Any) -> Any:
    """A sqlcipher3 connection to `path` opened with `passphrase`, checked by a first read.

    Raises WrongPassphraseError when the key does not decrypt the file. `options` go to
    `sqlcipher3.connect` (SQLAlchemy's pool passes `check_same_thread`).
    """
    if not passphrase:
        raise WrongPassphraseError
    target = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
    connection = sqlcipher3.connect(target, uri=read_only, timeout=BUSY_SECONDS, **options)
    try:
        # SQLCipher otherwise prints every failed decryption on stderr.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = {quoted(passphrase)}")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        connection.close()
        if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
            raise WrongPassphraseError from None
        raise
    return connection


def quoted(text: str) -> str:
    """`text` as an SQL string literal: the only way a passphrase reaches a statement."""
    return "'" + text.replace("'", "''") + "'"
