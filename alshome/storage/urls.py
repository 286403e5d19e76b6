"""What a database URL names: the SQLite file behind it, and whether its driver reads it plain.

Opening the history (`alshome.storage.db`) and backing it up before a migration
(`alshome.storage.migrate`) both ask, so the answer lives below both.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

# Only the standard driver reads a plain file; an encrypted one (SQLCipher) would look like
# garbage to the check, and a wrong passphrase must never pass for damage.
CHECKED_DRIVERS = ("pysqlite",)


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL; None for an in-memory database or another server."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.query.get("uri"):
        return None
    if not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)
