"""Open a clinic database and keep its schema at the revision this alshome expects.

The clinic has its own Alembic history (`alshome/clinic/migrations`), apart from the
app's, with its own version table, so it never mistakes an app's history for a clinic's.
`alshome clinic init` makes or upgrades the schema; every other command and the server
refuse a database that is not at head, with one sentence that says to run it. SQLite, the
embedded default, serves one writer at a time: each transaction takes the write lock as
it begins, so concurrent uploads wait for each other rather than fail.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event, inspect, text

from alshome.clinic.errors import ClinicError
from alshome.platform.paths import ensure_private_dir
from alshome.storage.db import make_engine, sqlite_file
from alshome.storage.health import PRIVATE_FILE_MODE

if TYPE_CHECKING:
    from alembic.config import Config

HEAD_REVISION = "0003_login_failures"
VERSION_TABLE = "clinic_alembic_version"
DATABASE_URL_VARIABLE = "ALSHOME_CLINIC_DATABASE_URL"
DATABASE_FILE = "clinic.sqlite3"
# The server's requests read, then write, on several threads at once (see `make_engine`).
SQLITE_BEGIN = "BEGIN IMMEDIATE"
# How long a request waits for SQLite's one writer, in ms: every transaction of the
# server begins as a writer, and with 200 devices uploading at once a request waited
# past the app's own 5 seconds (then "database is locked", a 500 and a retry later).
SQLITE_BUSY_TIMEOUT_MS = 60_000


def _clinic_engine(url: str) -> Engine:
    engine = make_engine(url, begin=SQLITE_BEGIN)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _wait_longer)
    return engine


def _wait_longer(connection: Any, _record: Any) -> None:
    connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")


class ClinicSchemaError(ClinicError):
    """The database is not a clinic database at this alshome's revision; nothing changed."""


def revision(engine: Engine) -> str | None:
    """The clinic schema's revision stamped in the database; None for a database without."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def init_database(url: str) -> tuple[Engine, str | None]:
    """An engine on `url` with the clinic schema made or brought to head, and the
    revision found before (None: a new clinic)."""
    path = sqlite_file(url)
    if path is not None:
        _create_private_file(path)
    engine = _clinic_engine(url)
    try:
        found = revision(engine)
        if found != HEAD_REVISION:
            _upgrade(engine, found)
    except BaseException:
        engine.dispose()
        raise
    return engine, found


def open_clinic(url: str) -> Engine:
    """An engine on a clinic database at head; ClinicSchemaError for any other database."""
    path = sqlite_file(url)
    if path is not None and not path.is_file():
        raise ClinicSchemaError(
            f"There is no clinic database at {path}; make one with `alshome clinic init`."
        )
    engine = _clinic_engine(url)
    try:
        found = revision(engine)
    except BaseException:
        engine.dispose()
        raise
    if found != HEAD_REVISION:
        engine.dispose()
        raise ClinicSchemaError(
            "This database is not a clinic database of this alshome's version; "
            "run `alshome clinic init` on it first."
        )
    return engine


def _create_private_file(path: Path) -> None:
    """A new SQLite file readable by its owner only: it will hold health data."""
    if not path.parent.is_dir():
        ensure_private_dir(path.parent)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE))


def _upgrade(engine: Engine, found: str | None) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config()
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    if found is not None and found not in known:
        raise ClinicSchemaError(
            "This clinic database was made by a newer alshome; update alshome to use it."
        )
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        with connection.begin():
            command.upgrade(config, "head")


def alembic_config() -> Config:
    """The clinic's Alembic configuration, built in code as the app's is."""
    from alembic.config import Config

    config = Config()
    location = str(resources.files("alshome.clinic") / "migrations")
    config.set_main_option("script_location", location.replace("%", "%%"))
    return config
