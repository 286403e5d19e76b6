"""Writing a file the person's data lives in: whole or not at all, and readable by them only.

Exports and the settings file share this, so both survive a crash mid-write the same way.
It stays this small (standard library and the error type only) because the app may
save settings long before SQLAlchemy or pydantic are loaded.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError


def write_private_file(path: Path, text: str) -> None:
    """Write `text` (as UTF-8) atomically with mode 0600; see `write_private_bytes`."""
    write_private_bytes(path, text.encode("utf-8"))


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write `data` atomically with mode 0600, or raise DocumentError having written nothing.

    The temporary file lives in the same folder so the rename is atomic: a crash leaves
    the previous file or the new one, never half of one. mkstemp creates it 0600.
    """
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as exc:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be written: {reason}."),
            path=path,
            reason=exc.strerror,
        ) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be written: {reason}."),
            path=path,
            reason=exc.strerror,
        ) from None
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make the rename itself durable; only POSIX systems can open a folder to sync it."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
