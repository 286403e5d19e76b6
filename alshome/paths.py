"""Where alshome keeps its data: the one place that decides, with overrides for tests and users.

Resolving a location never creates anything, so a command that fails on bad input
leaves no empty folder behind; folders are made private only when something is saved.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL

APP_NAME = "alshome"
DATABASE_FILE = "alshome.sqlite3"
DATA_DIR_VARIABLE = "ALSHOME_DATA_DIR"
DATABASE_URL_VARIABLE = "ALSHOME_DATABASE_URL"


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
    """A SQLAlchemy URL for a SQLite file, escaped so any folder name works."""
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def ensure_private_dir(path: Path) -> Path:
    """Create the folder readable by its owner only (health data), tightening an existing one.

    `mkdir`'s mode is filtered by the umask, so the mode is set explicitly afterwards.
    """
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)
    return path
