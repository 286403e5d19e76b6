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


def passphrase(locations: Locations) -> str | None:
    """The passphrase of an encrypted history, None for a plain one; asked without echo."""
    from alshome.operations.encryption import protected_history

    if not protected_history(locations.database_url):
        return None
    return os.environ.get(PASSPHRASE_VARIABLE) or getpass.getpass("Passphrase: ")
