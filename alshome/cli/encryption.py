"""`alshome encrypt` and `alshome decrypt`: a passphrase put on the history, or taken off."""

from __future__ import annotations

from argparse import Namespace

from alshome.cli.passphrase import asked_passphrase, new_passphrase
from alshome.platform.paths import Locations


def encrypt_history(locations: Locations, options: Namespace) -> str:
    """Encrypt the history; its plain backups are replaced by one encrypted backup."""
    from alshome.operations.encryption import protect

    protect(locations.database_url, new_passphrase)
    return (
        "The history is now protected with a passphrase. If you forget it, nobody can open "
        "your history: write it down somewhere safe."
    )


def decrypt_history(locations: Locations, options: Namespace) -> str:
    from alshome.operations.encryption import unprotect

    unprotect(locations.database_url, lambda: asked_passphrase(locations))
    return "The passphrase is removed; the history opens without one."
