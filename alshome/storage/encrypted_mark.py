"""How an encrypted history is known, with the standard library alone.

The quick read at start (`storage.snapshot`) and the app's start-up ask this before
anything else; the SQLCipher driver (`storage.cipher`) is loaded only when an encrypted
history is really opened, so a plain history never pays for it.
"""

from __future__ import annotations

from pathlib import Path

MARKER_SUFFIX = ".encrypted"
PLAIN_HEADER = b"SQLite format 3\x00"


def marker(path: Path) -> Path:
    return path.with_name(path.name + MARKER_SUFFIX)


def is_encrypted(path: Path) -> bool:
    """Whether `path` holds an encrypted history: marked, and not a plain SQLite file."""
    if not marker(path).is_file():
        return False
    try:
        with path.open("rb") as handle:
            header = handle.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return False
    return bool(header) and header != PLAIN_HEADER
