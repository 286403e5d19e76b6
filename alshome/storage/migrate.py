"""Bring the schema to the revision this app expects, with the migrations shipped in the package.

Most starts find the database already at head; that is decided with one plain query so
that Alembic, slow to import, is loaded only when a migration really has to run. An
existing history is backed up first; then the migration runs in one transaction with
foreign keys off (a table rebuild's DROP TABLE would otherwise cascade into its
children) and is verified before it commits.
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from alshome.platform.errors import BAD_INPUT, QT_TRANSLATE_NOOP, UserError
from alshome.storage.backups import backups_folder, take_backup
from alshome.storage.revision import HEAD_REVISION, VERSION_TABLE
from alshome.storage.urls import CHECKED_DRIVERS, sqlite_file

if TYPE_CHECKING:
    from alembic.config import Config


class NewerDatabaseError(UserError, RuntimeError):
    """The database was written by a newer alshome; it is left exactly as it was."""

    exit_status = BAD_INPUT


class MigrationError(RuntimeError):
    """A migration left references that point nowhere; it was rolled back."""


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the database; None for a new, empty one."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def upgrade_to_head(engine: Engine) -> None:
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config()
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    if current is not None and current not in known:
        raise NewerDatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This data was saved by a newer version of alshome; update alshome to open it.",
            )
        )
    if current is not None:
        _back_up(engine)
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _set_foreign_keys(connection, enabled=False)
        try:
            with connection.begin():
                command.upgrade(config, "head")
                if sqlite:
                    _check_foreign_keys(connection)
        finally:
            if sqlite:
                _set_foreign_keys(connection, enabled=True)


def _back_up(engine: Engine) -> None:
    """Keep a copy of the history as it was, before a migration rewrites it.

    A failed migration rolls back by itself; the copy is for one that succeeds and still
    turns out wrong. No copy can be made of an in-memory database or a server's, and the
    standard driver that makes it cannot read an encrypted file (SQLCipher).
    """
    if engine.url.get_driver_name() not in CHECKED_DRIVERS:
        return
    database = sqlite_file(engine.url.render_as_string(hide_password=False))
    if database is not None:
        take_backup(database, backups_folder(database), "before-migration", datetime.now(UTC))


def alembic_config() -> Config:
    """An Alembic configuration built in code, so no alembic.ini has to ship with the app.

    env.py runs on the connection found in `config.attributes["connection"]`. Developers
    add a revision with `command.revision(alembic_config(), message, rev_id="0002_...")`,
    then raise HEAD_REVISION in `revision.py` to match (a test checks it).
    """
    from alembic.config import Config

    config = Config()
    location = str(resources.files("alshome.storage") / "migrations")
    config.set_main_option("script_location", location.replace("%", "%%"))
    return config


def _set_foreign_keys(connection: Connection, enabled: bool) -> None:
    # Outside any transaction (SQLite ignores this pragma inside one), so on the raw
    # driver connection: SQLAlchemy would begin a transaction first.
    connection.connection.driver_connection.execute(
        f"PRAGMA foreign_keys={'ON' if enabled else 'OFF'}"
    )


def _check_foreign_keys(connection: Connection) -> None:
    if connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
        raise MigrationError("The database migration left broken references; it was undone.")
