"""Every schema revision ever shipped upgrades to today's, with its history intact.

`revisions/` keeps a small database written at each revision (see
`revisions/make_revision_databases.py`) and its export once upgraded. Opening a copy
must upgrade it, keep a backup of it as it was, and export exactly that history; a
migration that drops or changes a row, a set's field or a check fails here.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from alshome.operations.exchange import export_json
from alshome.platform.paths import sqlite_url
from alshome.storage.backups import backups_folder, list_backups
from alshome.storage.db import open_database
from alshome.storage.migrate import current_revision
from alshome.storage.repository import Repository
from alshome.storage.revision import HEAD_REVISION
from tests.storage.revisions.make_revision_databases import EXPORTED_AT

REVISIONS = Path(__file__).parent / "revisions"
SHIPPED = sorted(path.stem for path in REVISIONS.glob("*.sqlite3"))
MIGRATIONS = Path(__file__).parents[2] / "alshome" / "storage" / "migrations" / "versions"


def test_there_is_a_database_for_every_revision():
    assert sorted(path.stem for path in MIGRATIONS.glob("0*.py")) == SHIPPED


def rows(path: Path, table: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize("revision", SHIPPED)
def test_each_revision_upgrades_with_its_history_intact(revision, tmp_path):
    copy = tmp_path / "alshome.sqlite3"
    shutil.copyfile(REVISIONS / f"{revision}.sqlite3", copy)
    before = {table: rows(copy, table) for table in ("programs", "sessions", "sets")}
    engine = open_database(sqlite_url(copy))
    try:
        assert current_revision(engine) == HEAD_REVISION
        text, _count = export_json(Repository(engine), EXPORTED_AT)
    finally:
        engine.dispose()
    exported = json.loads(text)
    del exported["app_version"]
    expected = json.loads((REVISIONS / f"{revision}.export.json").read_text(encoding="utf-8"))
    assert exported == expected
    assert {table: rows(copy, table) for table in before} == before
    if revision != HEAD_REVISION:
        [backup] = list_backups(backups_folder(copy))
        assert backup.reason == "before-migration"
        assert rows(backup.path, "sessions") == before["sessions"]
        connection = sqlite3.connect(backup.path)
        try:
            stamped = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
        assert stamped == (revision,), "the backup is the history as it was"
