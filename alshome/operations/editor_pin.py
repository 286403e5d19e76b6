"""The therapist's optional PIN in front of the program editor, kept as a salted hash.

It stops a patient or a visitor changing the program by accident; it is not a lock on
the data, which the person owns. So it lives in its own small file beside the settings,
never in the history, and a forgotten PIN costs nothing: a new program can still come
as a file from the therapist, and removing the file removes the PIN. The hash is
PBKDF2 from the standard library, so the digits are never written anywhere.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
from pathlib import Path

from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
from alshome.platform.files import write_private_file
from alshome.platform.paths import ensure_private_dir

PIN_FILE = "editor-pin.json"
PIN_PATTERN = re.compile(r"[0-9]{4,8}")
ITERATIONS = 200_000
MAX_FILE_BYTES = 4096


def valid_pin(pin: str) -> bool:
    """Four to eight digits: easy to type for the therapist, not guessed by a stray press."""
    return PIN_PATTERN.fullmatch(pin) is not None


def _digest(pin: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, ITERATIONS)


class EditorPin:
    """The PIN file in `folder`; `folder=None` keeps the PIN in memory only (tests)."""

    def __init__(self, folder: Path | None) -> None:
        self._path = folder / PIN_FILE if folder is not None else None
        self._stored: dict[str, str] | None = self._read()

    @classmethod
    def in_memory(cls) -> EditorPin:
        return cls(None)

    @property
    def is_set(self) -> bool:
        return self._stored is not None

    def matches(self, pin: str) -> bool:
        """True when no PIN is set, or `pin` is the one set."""
        if self._stored is None:
            return True
        salt = bytes.fromhex(self._stored["salt"])
        return hmac.compare_digest(_digest(pin, salt).hex(), self._stored["hash"])

    def set(self, pin: str) -> None:
        """Keep a new PIN; raises ValueError for one that is not 4 to 8 digits."""
        if not valid_pin(pin):
            raise ValueError("A PIN is 4 to 8 digits.")
        salt = os.urandom(16)
        stored = {"salt": salt.hex(), "hash": _digest(pin, salt).hex()}
        if self._path is not None:
            ensure_private_dir(self._path.parent)
            write_private_file(self._path, json.dumps(stored))
        self._stored = stored

    def clear(self) -> None:
        if self._path is not None:
            try:
                self._path.unlink(missing_ok=True)
            except OSError as exc:
                raise DocumentError(
                    QT_TRANSLATE_NOOP("Errors", "{path} cannot be removed: {reason}."),
                    path=self._path,
                    reason=exc.strerror,
                ) from None
        self._stored = None

    def _read(self) -> dict[str, str] | None:
        """The stored hash; a missing or unreadable file means no PIN (see module docstring)."""
        if self._path is None:
            return None
        with contextlib.suppress(OSError, ValueError):
            if self._path.stat().st_size <= MAX_FILE_BYTES:
                stored = json.loads(self._path.read_text(encoding="utf-8"))
                if (
                    isinstance(stored, dict)
                    and isinstance(stored.get("salt"), str)
                    and isinstance(stored.get("hash"), str)
                ):
                    bytes.fromhex(stored["salt"])
                    return {"salt": stored["salt"], "hash": stored["hash"]}
        return None
