"""`alshome import` into a folder that already has a history: a merge that says what it added
and what was already here, backed up first, and a no-op the second time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alshome.storage.backups import list_backups
from tests.cli.test_backup_cli import history
from tests.cli.test_cli import output_in, run

pytestmark = pytest.mark.databases("sqlite", "postgresql")

NEW_UUID = "d6a2c4e8-1b3f-4a5c-9e7d-0f2b4d6e8a1c"


def export_with_a_new_session(capsys, folder: Path, tmp_path: Path) -> Path:
    """The folder's own export, with its first session renamed so that it is new there."""
    path = tmp_path / "other.json"
    code, _, err = run(capsys, *output_in(folder, "json", path))
    assert (code, err) == (0, "")
    document = json.loads(path.read_text())
    document["sessions"][0]["uuid"] = NEW_UUID
    path.write_text(json.dumps(document))
    return path


def test_an_import_into_a_history_merges_and_says_what_was_already_here(
    history_dir, tmp_path, capsys, backend
):
    other = export_with_a_new_session(capsys, history_dir, tmp_path)
    before = history(capsys, history_dir, tmp_path)

    code, out, err = run(capsys, "--data-dir", str(history_dir), "import", str(other))

    assert (code, err) == (0, "")
    assert out == f"Imported 1 session from {other}; 1 was already here.\n"
    kept = list_backups(history_dir / "backups")
    # A database server keeps its own backups: alshome copies only a SQLite file.
    assert [backup.reason for backup in kept] == (["before-import"] if backend == "sqlite" else [])
    after = history(capsys, history_dir, tmp_path)
    assert [s["uuid"] for s in after["sessions"]] == [
        before["sessions"][0]["uuid"],
        NEW_UUID,
        before["sessions"][1]["uuid"],
    ]
    assert after["carry_over_checks"] == before["carry_over_checks"]


def test_the_same_import_twice_changes_nothing_the_second_time(history_dir, tmp_path, capsys):
    other = export_with_a_new_session(capsys, history_dir, tmp_path)
    assert run(capsys, "--data-dir", str(history_dir), "import", str(other))[0] == 0
    before = history(capsys, history_dir, tmp_path)

    code, out, err = run(capsys, "--data-dir", str(history_dir), "import", str(other))

    assert (code, out, err) == (0, f"Imported 0 sessions from {other}; 2 were already here.\n", "")
    assert history(capsys, history_dir, tmp_path) == before
