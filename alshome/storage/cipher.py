"""Encryption at rest with SQLCipher: the history readable only with the person's passphrase.

An encrypted file looks exactly like garbage to SQLite, and a wrong passphrase gives the
same "file is not a database" as a damaged file. So an encrypted history is marked by a
small file beside it (`alshome.sqlite3.encrypted`, holding no secret), and only an
unmarked file is ever judged damaged: a wrong passphrase is reported as such, never
treated as corruption, and nothing is moved or copied because of it.

The passphrase goes to SQLCipher as it is (`PRAGMA key`), so SQLCipher's own key
derivation stretches it; it is kept in memory only, by whoever asked for it.

Converting a history is done the way a backup is: into a new file in the same folder,
verified and synced, then renamed over the original, so a crash leaves the old history
or the new one. The marker is written before the rename and removed after it, and a
marker only counts beside a file that is not a plain SQLite file, so a crash between
the two steps never makes a history unreadable. Backups are replaced too: a plain copy
left beside an encrypted history would defeat the encryption.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from alshome.platform.files import sync_folder
from alshome.storage.encrypted_mark import is_encrypted, marker
from alshome.storage.health import PRIVATE_FILE_MODE

MARKER_TEXT = "This alshome history is encrypted with SQLCipher; it opens with its passphrase.\n"
BUSY_SECONDS = 5.0
DATABASE_ERRORS = (sqlite3.Error, sqlcipher3.Error)


class WrongPassphraseError(RuntimeError):
    """The passphrase does not open the history; nothing was changed."""

    def __init__(self) -> None:
        super().__init__("That passphrase is not right.")


class PassphraseNeeded(RuntimeError):
    """The history is encrypted and no passphrase was given."""

    def __init__(self) -> None:
        super().__init__("The history is protected with a passphrase; it is needed to open it.")


class EncryptedDamageError(RuntimeError):
    """The passphrase is right but the encrypted history fails its check; it was left as it is."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            f"The protected history is damaged ({reason}), though the passphrase is right. "
            "Nothing was changed."
        )


class ConversionError(RuntimeError):
    """The history could not be encrypted or decrypted; it was left as it was."""




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
        connection.execute(f"PRAGMA key = {_quoted(passphrase)}")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        connection.close()
        if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
            raise WrongPassphraseError from None
        raise
    return connection


def opens_with(path: Path, passphrase: str) -> bool:
    """Whether `passphrase` opens the encrypted history at `path`; nothing is written."""
    try:
        connect(path, passphrase).close()
    except WrongPassphraseError:
        return False
    return True


def encrypt(path: Path, passphrase: str, now: datetime) -> None:
    """Turn the plain history at `path` into one that opens only with `passphrase`."""
    if is_encrypted(path):
        raise ValueError(f"{path} is already encrypted.")
    source = sqlcipher3.connect(str(path), timeout=BUSY_SECONDS)
    _write_marker(path)
    try:
        _convert(source, path, to_key=passphrase)
    except BaseException:
        marker(path).unlink(missing_ok=True)
        raise
    _replace_backups(path, passphrase, now)


def decrypt(path: Path, passphrase: str, now: datetime) -> None:
    """Turn the encrypted history at `path` back into a plain SQLite file."""
    source = connect(path, passphrase)
    _convert(source, path, to_key=None)
    marker(path).unlink(missing_ok=True)
    sync_folder(path.parent)
    _replace_backups(path, None, now)


def change_passphrase(path: Path, passphrase: str, new_passphrase: str, now: datetime) -> None:
    """Re-encrypt the history at `path` under `new_passphrase`; its backups follow."""
    if not new_passphrase:
        raise ValueError("A passphrase needs at least one character.")
    connection = connect(path, passphrase)
    try:
        connection.execute(f"PRAGMA rekey = {_quoted(new_passphrase)}")
    finally:
        connection.close()
    _replace_backups(path, new_passphrase, now)


def _convert(source: Any, path: Path, to_key: str | None) -> None:
    """Export the open `source` into a new file, keyed with `to_key`, then swap it in.

    Whatever goes wrong before the swap raises ConversionError with the original intact.

    The -wal is folded into the database first and the old -wal and -shm removed only
    once that checkpoint went through whole: a stale -wal must never meet the new file.
    """
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new")
    os.close(descriptor)
    converted = Path(name)
    try:
        try:
            key = "''" if to_key is None else _quoted(to_key)
            source.execute(f"ATTACH DATABASE {_quoted(str(converted))} AS converted KEY {key}")
            source.execute("SELECT sqlcipher_export('converted')")
            source.execute("DETACH DATABASE converted")
            busy, _, _ = source.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except DATABASE_ERRORS as error:
            raise ConversionError(f"The history could not be converted: {error}.") from None
        finally:
            source.close()
        if busy:
            raise ConversionError("The history is in use; close alshome and try again.")
        _verify(converted, to_key)
        _sync(converted)
        for end in ("-wal", "-shm"):
            path.with_name(path.name + end).unlink(missing_ok=True)
        os.replace(converted, path)
        sync_folder(path.parent)
    finally:
        converted.unlink(missing_ok=True)


def _verify(path: Path, key: str | None) -> None:
    try:
        connection = sqlite3.connect(path) if key is None else connect(path, key)
        try:
            intact = connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            sound = connection.execute("PRAGMA foreign_key_check").fetchone() is None
        finally:
            connection.close()
    except (*DATABASE_ERRORS, WrongPassphraseError):
        intact = sound = False
    if not (intact and sound):
        raise ConversionError("The converted copy did not verify; nothing was changed.")


def _replace_backups(path: Path, passphrase: str | None, now: datetime) -> None:
    """Delete the backups made with the old key (or none) and take one with the new."""
    # Imported here: backups reads encrypted copies through this module.
    from alshome.storage.backups import backups_folder, list_backups, take_backup

    folder = backups_folder(path)
    for backup in list_backups(folder):
        backup.path.unlink(missing_ok=True)
    take_backup(path, folder, "manual", now, passphrase)


def _write_marker(path: Path) -> None:
    descriptor = os.open(marker(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(MARKER_TEXT)
        handle.flush()
        os.fsync(handle.fileno())
    sync_folder(path.parent)


def _sync(path: Path) -> None:
    path.chmod(PRIVATE_FILE_MODE)
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _quoted(text: str) -> str:
    """`text` as an SQL string literal: the only way a passphrase reaches a statement."""
    return "'" + text.replace("'", "''") + "'"
