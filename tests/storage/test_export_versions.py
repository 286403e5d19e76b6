"""Every export version alshome ever wrote is still read, and written back as today's.

`exports/version-<n>.json` is, byte for byte, the file alshome wrote while <n> was the
current version, from the revision database of that time in `revisions/` (`SOURCES`):
versions 1 and 2 by the app of those days (the parents of commits 1ae1e04 and bed1817),
version 3 by `make_revision_databases.py --version-file`. These files never change. Each
imported into an empty history must export as exactly the bytes this app writes for the
database it came from, on every run; and export, import, export is byte-identical.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alshome import __version__
from alshome.operations.exchange import (
    EXPORT_VERSION,
    READABLE_VERSIONS,
    export_json,
    import_history,
    read_export,
)
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from tests.storage.revisions.make_revision_databases import EXPORTED_AT, export_text

pytestmark = pytest.mark.databases("sqlite", "postgresql")

EXPORTS = Path(__file__).parent / "exports"
REVISIONS = Path(__file__).parent / "revisions"
SOURCES = {1: "0001_initial", 2: "0002_safety_checks", 3: "0003_alsfrs", 4: "0004_program_media"}


def version_file(version: int) -> Path:
    return EXPORTS / f"version-{version}.json"


def imported_then_exported(database_url: str, file: Path) -> str:
    """`file` imported into the (empty) history at `database_url`, then exported."""
    engine = open_database(database_url)
    try:
        repository = Repository(engine)
        import_history(read_export(file), repository)
        return export_json(repository, EXPORTED_AT)[0]
    finally:
        engine.dispose()


def test_a_file_of_every_readable_version_is_kept():
    kept = sorted(int(path.stem.removeprefix("version-")) for path in EXPORTS.glob("*.json"))
    assert kept == list(READABLE_VERSIONS) == sorted(SOURCES)
    for version in READABLE_VERSIONS:
        assert json.loads(version_file(version).read_text(encoding="utf-8"))["version"] == version


@pytest.mark.parametrize("version", READABLE_VERSIONS)
def test_each_version_imports_as_the_current_version_writes_its_history(
    version, database_url, another_database_url
):
    first = imported_then_exported(database_url, version_file(version))
    again = imported_then_exported(another_database_url, version_file(version))

    assert first == again
    assert first == export_text(REVISIONS / f"{SOURCES[version]}.sqlite3")
    assert json.loads(first)["version"] == EXPORT_VERSION


def test_the_current_version_is_written_back_byte_for_byte(database_url):
    written = version_file(EXPORT_VERSION).read_text(encoding="utf-8")
    writer = json.dumps(json.loads(written)["app_version"])
    expected = written.replace(f'"app_version": {writer},', f'"app_version": "{__version__}",', 1)

    assert imported_then_exported(database_url, version_file(EXPORT_VERSION)) == expected


@pytest.mark.parametrize("version", READABLE_VERSIONS)
def test_export_import_export_is_byte_identical(
    version, database_url, another_database_url, tmp_path
):
    exported = tmp_path / "exported.json"
    exported.write_text(
        imported_then_exported(database_url, version_file(version)), encoding="utf-8"
    )

    again = imported_then_exported(another_database_url, exported)

    assert again == exported.read_text(encoding="utf-8")
