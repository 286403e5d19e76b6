"""Where alshome keeps its data: the one place that decides, with overrides for tests and users.

Resolving a location never creates anything, so a command that fails on bad input
leaves no empty folder behind; folders are made private only when something is saved.
Nothing here imports SQLAlchemy: the app resolves its locations on every start, before it
knows whether it will need SQLAlchemy at all (see `alshome.app`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import platformdirs

APP_NAME = "alshome"
DATABASE_FILE = "alshome.sqlite3"
DATA_DIR_VARIABLE = "ALSHOME_DATA_DIR"
DATABASE_URL_VARIABLE = "ALSHOME_DATABASE_URL"
SQLITE_URL_PREFIX = "sqlite:///"
URL_SAFE = " +/"


@dataclass(frozen=True)
class Locations:
    data_dir: Path
    database_url: str


def resolve_locations(data_dir: str | None = None, database_url: str | None = None) -> Locations:
    """Explicit arguments win, then the environment, then the platform's user data folder."""
    folder = (
        data_dir
        or os.environ.get(DATA_DIR_VARIABLE)
        or platformdirs.user_data_dir(APP_NAME, appauthor=False)
    )
    directory = Path(folder).expanduser().resolve()
    url = (
        database_url
        or os.environ.get(DATABASE_URL_VARIABLE)
        or sqlite_url(directory / DATABASE_FILE)
    )
    return Locations(data_dir=directory, database_url=url)


def sqlite_url(path: Path) -> str:
    """A SQLAlchemy URL for a SQLite file, escaped so any folder name works.

    Written as SQLAlchemy's `URL.create("sqlite", database=...)` renders it (a test
    compares the two), and read back by `sqlite_path`.
    """
    return SQLITE_URL_PREFIX + quote(str(path), safe=URL_SAFE)


def sqlite_path(url: str) -> Path | None:
    """The SQLite file of a URL of the form `sqlite_url` writes; None for any other URL.

    Deliberately narrow: it serves the quick read at start, which falls back to
    SQLAlchemy's own reading of the URL (`storage.db.sqlite_file`) whenever this says None.
    """
    if not url.startswith(SQLITE_URL_PREFIX) or "?" in url:
        return None
    database = unquote(url.removeprefix(SQLITE_URL_PREFIX))
    return Path(database) if database and database != ":memory:" else None


def on_server(url: str) -> bool:
    """Whether a database URL names a server (PostgreSQL, say) rather than SQLite.

    Read as SQLAlchemy reads a URL's scheme, `dialect+driver`, without importing it.
    """
    return urlsplit(url).scheme.partition("+")[0] != "sqlite"


def ensure_private_dir(path: Path) -> Path:
    """Create the folder readable by its owner only (health data), tightening an existing one.

    `mkdir`'s mode is filtered by the umask, so the mode is set explicitly afterwards.
    """
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)
    return path
