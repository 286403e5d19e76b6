"""A passphrase on the history: put on, taken off, and the one that opens it.

The history is converted only while no connection holds it open: a command has none, and
the app's `HistoryPassphrase` closes its history, converts it and opens it again, so a
failed conversion leaves the history as it was, still open. Each front end asks for the
passphrase its own way (a dialog, or the terminal without echo), so it is given here as a
function that asks, called only once the history is known to need it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alshome.domain.clock import SystemClock
from alshome.operations.history import History, history_file, saved_file
from alshome.storage.encrypted_mark import is_encrypted


def is_protected(database: Path) -> bool:
    """Whether the history in `database` opens only with a passphrase (read with no driver)."""
    return is_encrypted(database)


def protected_history(database_url: str) -> bool:
    """Whether the history at `database_url` is a SQLite file that needs a passphrase."""
    from alshome.storage.urls import sqlite_file

    database = sqlite_file(database_url)
    return database is not None and is_encrypted(database)


def opens_with(database: Path, passphrase: str) -> bool:
    """Whether `passphrase` opens the protected history in `database`."""
    from alshome.storage.cipher import opens_with as cipher_opens_with

    return cipher_opens_with(database, passphrase)


def protect(database_url: str, new_passphrase: Callable[[], str]) -> None:
    """Put a passphrase on the saved history; its plain backups become one encrypted backup."""
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
    from alshome.storage.cipher import encrypt

    database = _saved_history_file(database_url)
    if is_encrypted(database):
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "The history is already protected with a passphrase.")
        )
    encrypt(database, new_passphrase(), SystemClock().wall())


def unprotect(database_url: str, passphrase: Callable[[], str | None]) -> None:
    """Take the passphrase off the saved history, which then opens without one."""
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
    from alshome.storage.cipher import decrypt

    database = _saved_history_file(database_url)
    if not is_encrypted(database):
        raise DocumentError(QT_TRANSLATE_NOOP("Errors", "The history has no passphrase to remove."))
    decrypt(database, passphrase(), SystemClock().wall())


def _saved_history_file(database_url: str) -> Path:
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError

    database = history_file(database_url, "passphrase")
    if not saved_file(database):
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "There is no alshome history in {folder}."),
            folder=database.parent,
        )
    return database


class HistoryPassphrase:
    """Setting or removing the app's history's passphrase: closed, converted, opened again."""

    def __init__(self, history: History, database: Path) -> None:
        self._history = history
        self._database = database

    def is_protected(self) -> bool:
        return is_encrypted(self._database)

    def protect(self, passphrase: str) -> None:
        from alshome.storage.cipher import encrypt

        self._convert(lambda: encrypt(self._database, passphrase, SystemClock().wall()), passphrase)

    def unprotect(self, passphrase: str) -> None:
        from alshome.storage.cipher import decrypt

        self._convert(lambda: decrypt(self._database, passphrase, SystemClock().wall()), None)

    def _convert(self, convert: Callable[[], None], passphrase: str | None) -> None:
        """Convert with no connection open; a failed one leaves the history as it was."""
        self._history.close()
        try:
            convert()
            self._history.passphrase = passphrase
        finally:
            self._history.open()
