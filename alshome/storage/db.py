"""The one place that opens the database: health check, private file modes, pragmas, schema.

SQLite settings follow its own advice for data that must survive a crash or a power cut:
a write-ahead log with `synchronous=FULL` (NORMAL may lose the last commits on power
loss), foreign keys enforced, and a busy timeout instead of instant "database is locked".
An existing file is checked before anything writes to it, migrations included, so a
damaged one is set aside exactly as it was found (see `alshome.storage.health`).

An encrypted history (`alshome.storage.cipher`) is opened through SQLCipher with the
person's passphrase: the same pragmas, checks and migration run on the keyed connection.
A missing or wrong passphrase is said as such; such a file is never set aside.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, Engine, MetaData, QueuePool, Table, create_engine, event, text
from sqlalchemy.engine import make_url

from alshome.platform.paths import ensure_private_dir
from alshome.storage import cipher, migrate
from alshome.storage.backups import backups_folder, take_backup
from alshome.storage.health import (
    PRIVATE_FILE_MODE,
    SQLITE_SIDE_FILES,
    DamagedDatabaseError,
    check_connection,
    check_database,
    set_aside,
)
from alshome.storage.models import Base
from alshome.storage.outbox import FOLLOWED_TABLES
from alshome.storage.revision import HEAD_REVISION, VERSION_TABLE
from alshome.storage.urls import CHECKED_DRIVERS, sqlite_file

SQLITE_PRAGMAS = ("busy_timeout=5000", "journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON")


def drop_history(url: str) -> None:
    """Drop alshome's tables from a server's database, all or none: "Delete all my data".

    A server's database is not alshome's to delete, and may hold other tables; alshome's
    own, the schema's revision included, go in one transaction. The next start makes them
    anew, empty.
    """
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            Base.metadata.drop_all(connection)
            Table(VERSION_TABLE, MetaData()).drop(connection, checkfirst=True)
            if connection.dialect.name == "postgresql":
                for table in FOLLOWED_TABLES:
                    connection.execute(text(f"DROP FUNCTION IF EXISTS outbox_{table}()"))
    finally:
        engine.dispose()


def open_database(url: str, passphrase: str | None = None) -> Engine:
    """An engine on `url` with the schema at head; raises NewerDatabaseError untouched.

    A damaged SQLite file is renamed aside and DamagedDatabaseError names where it went;
    the caller then restores a backup to the same place, or calls `open_fresh_database`.
    An encrypted one needs `passphrase`: PassphraseNeeded without it, WrongPassphraseError
    when it does not open the file, and nothing is changed either way.
    """
    path = sqlite_file(url)
    if path is not None and cipher.is_encrypted(path):
        return _open_encrypted(path, passphrase)
    if path is not None:
        if make_url(url).get_driver_name() in CHECKED_DRIVERS:
            _refuse_damaged(path)
        _create_private_file(path)
        # A marker beside no encrypted file is left from a conversion cut short.
        cipher.marker(path).unlink(missing_ok=True)
    return _migrated(make_engine(url), path)


def _open_encrypted(path: Path, passphrase: str | None) -> Engine:
    """The engine on an encrypted file, checked through a connection its passphrase opened.

    SQLAlchemy's own `sqlite+pysqlcipher` dialect keys a connection again after `creator`
    has (with an empty key, which SQLCipher refuses), so the plain SQLite dialect drives
    sqlcipher3 connections here; `module` makes SQLAlchemy recognise sqlcipher3's errors.
    The URL names no file, so the migration cannot copy the file unkeyed: the backup
    before a migration is taken here, with the key.
    """
    if passphrase is None:
        raise cipher.PassphraseNeeded
    checked = cipher.connect(path, passphrase)
    try:
        health = check_connection(checked)
    except sqlcipher3.DatabaseError as error:
        raise cipher.EncryptedDamageError(str(error)) from None
    finally:
        checked.close()
    if not health.ok:
        raise cipher.EncryptedDamageError(health.reason)
    engine = make_engine(
        "sqlite://",
        creator=lambda: cipher.connect(path, passphrase, check_same_thread=False),
        module=sqlcipher3,
        poolclass=QueuePool,
    )
    if migrate.current_revision(engine) not in (None, HEAD_REVISION):
        now = datetime.now(UTC)
        take_backup(path, backups_folder(path), "before-migration", now, passphrase)
    return _migrated(engine, path)


def make_engine(url: str, begin: str = "BEGIN", **options: Any) -> Engine:
    """An engine whose every SQLite connection gets the crash-safe pragmas, from the first.

    `begin` starts each SQLite transaction. A server with transactions on several threads
    that read and then write gives "BEGIN IMMEDIATE": a second writer then waits its turn
    (the busy timeout) instead of failing where it would upgrade its read to a write.
    """
    # A failed statement's message would otherwise quote its values (names, notes, what
    # was done): health data, in a traceback that may end up in the desktop's journal.
    engine = create_engine(url, hide_parameters=True, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", partial(_begin, statement=begin))
    return engine


def _migrated(engine: Engine, path: Path | None) -> Engine:
    """`engine` with the schema at head, its files made private."""
    try:
        migrate.upgrade_to_head(engine)
    except BaseException:
        engine.dispose()
        raise
    if path is not None:
        _make_private([path, *(path.with_name(path.name + end) for end in SQLITE_SIDE_FILES)])
    return engine


def open_fresh_database(url: str) -> Engine:
    """A new, empty database at `url`'s file; whatever is still there is set aside, not lost."""
    path = sqlite_file(url)
    if path is not None and path.exists() and path.stat().st_size > 0:
        set_aside(path, datetime.now())
    return open_database(url)


def _refuse_damaged(path: Path) -> None:
    health = check_database(path)
    if not health.ok:
        raise DamagedDatabaseError(set_aside(path, datetime.now()), health.reason)


def _create_private_file(path: Path) -> None:
    """Create a missing database file 0600 ourselves: SQLite would use the umask's mode.

    A missing folder is created private; a folder the user chose and already had keeps
    its mode. An existing file is tightened only once it is known to be ours (not from a
    newer app, which must stay untouched). SQLite gives -wal and -shm the file's mode.
    """
    if not path.parent.is_dir():
        ensure_private_dir(path.parent)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
    os.close(descriptor)


def _make_private(paths: list[Path]) -> None:
    for path in paths:
        if path.exists():
            path.chmod(PRIVATE_FILE_MODE)


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling skips BEGIN before DDL, which would make
    # migrations non-transactional; `_begin` emits BEGIN for every transaction instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _begin(connection: Connection, statement: str) -> None:
    connection.exec_driver_sql(statement)
