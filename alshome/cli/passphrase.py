"""The passphrase of an encrypted history, asked the command line's way.

It is asked for without echo, or taken from the ALSHOME_PASSPHRASE environment variable
for scripts; it is never an argument, which other users of the computer could read in
the process list.
"""

from __future__ import annotations

import getpass
import os

from alshome.platform.paths import Locations

PASSPHRASE_VARIABLE = "ALSHOME_PASSPHRASE"


def asked_passphrase(locations: Locations) -> str | None:
    """The passphrase of an encrypted history, None for a plain one; asked without echo."""
    from alshome.operations.encryption import protected_history

    if not protected_history(locations.database_url):
        return None
    return os.environ.get(PASSPHRASE_VARIABLE) or getpass.getpass("Passphrase: ")


def new_passphrase() -> str:
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
