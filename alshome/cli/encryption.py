"""`alshome encrypt` and `alshome decrypt`: a passphrase put on the history, or taken off."""

from __future__ import annotations

import getpass
import os
from argparse import Namespace
from datetime import datetime
from pathlib import Path

from alshome.cli.history_file import ONLY_A_FILE, PASSPHRASE_VARIABLE, database_file, passphrase
from alshome.platform.paths import Locations


def encrypt_history(locations: Locations, options: Namespace) -> str:
    """Encrypt the history; its plain backups are replaced by one encrypted backup."""
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
    from alshome.storage import cipher

    database = _existing_history(locations)
    if cipher.is_encrypted(database):
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "The history is already protected with a passphrase.")
        )
    cipher.encrypt(database, _new_passphrase(), datetime.now())
    return (
        "The history is now protected with a passphrase. If you forget it, nobody can open "
        "your history: write it down somewhere safe."
    )


def decrypt_history(locations: Locations, options: Namespace) -> str:
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
    from alshome.storage import cipher

    database = _existing_history(locations)
    if not cipher.is_encrypted(database):
        raise DocumentError(QT_TRANSLATE_NOOP("Errors", "The history has no passphrase to remove."))
    cipher.decrypt(database, passphrase(locations), datetime.now())
    return "The passphrase is removed; the history opens without one."


def _new_passphrase() -> str:
    """A new passphrase, typed twice so that a slip of the finger does not lock the history."""
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError

    given = os.environ.get(PASSPHRASE_VARIABLE)
    if given:
        return given
    typed = getpass.getpass("New passphrase: ")
    if not typed:
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors", "A passphrase needs at least one character; nothing was changed."
            )
        )
    if getpass.getpass("The same passphrase again: ") != typed:
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors", "The two passphrases are not the same; nothing was changed."
            )
        )
    return typed


def _existing_history(locations: Locations) -> Path:
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError

    database = database_file(locations, ONLY_A_FILE["passphrase"])
    if not database.is_file() or database.stat().st_size == 0:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "There is no alshome history in {folder}."),
            folder=database.parent,
        )
    return database
