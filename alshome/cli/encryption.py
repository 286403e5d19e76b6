"""`alshome encrypt` and `alshome decrypt`: a passphrase put on the history, or taken off."""

from __future__ import annotations

import getpass
import os
from argparse import Namespace

from alshome.cli.history_file import PASSPHRASE_VARIABLE, passphrase
from alshome.platform.paths import Locations


def encrypt_history(locations: Locations, options: Namespace) -> str:
    """Encrypt the history; its plain backups are replaced by one encrypted backup."""
    from alshome.operations.encryption import protect

    protect(locations.database_url, _new_passphrase)
    return (
        "The history is now protected with a passphrase. If you forget it, nobody can open "
        "your history: write it down somewhere safe."
    )


def decrypt_history(locations: Locations, options: Namespace) -> str:
    from alshome.operations.encryption import unprotect

    unprotect(locations.database_url, lambda: passphrase(locations))
    return "The passphrase is removed; the history opens without one."


def _new_passphrase() -> str:
    """A new passphrase, typed twice so that a slip of the finger does not lock the history."""
    from alshome.programs.document import DocumentError

    given = os.environ.get(PASSPHRASE_VARIABLE)
    if given:
        return given
    typed = getpass.getpass("New passphrase: ")
    if not typed:
        raise DocumentError("A passphrase needs at least one character; nothing was changed.")
    if getpass.getpass("The same passphrase again: ") != typed:
        raise DocumentError("The two passphrases are not the same; nothing was changed.")
    return typed
