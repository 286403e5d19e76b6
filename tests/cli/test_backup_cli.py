"""`alshome backup` and `alshome restore`: a copy on demand, a numbered list, a history put
back; and a restore that cannot be done changes nothing."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from alshome.domain.safety import CarryOver, CarryOverCheck
from alshome.platform.paths import resolve_locations
from alshome.programs.demo import demo_document
from alshome.storage.backups import list_backups
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from tests.cli.test_cli import output_in, run, tree


def backup(capsys, folder: Path) -> Path:
    code, out, err = run(capsys, "--data-dir", str(folder), "backup")
    assert (code, err) == (0, "")
    assert out.startswith("Saved a backup to ") and out.endswith(".\n")
    return Path(out.removeprefix("Saved a backup to ").removesuffix(".\n"))


def history(capsys, folder: Path, tmp_path: Path) -> dict:
    """The JSON export, without the moment it was taken."""
    output = tmp_path / "export.json"
    code, _, err = run(capsys, *output_in(folder, "json", output))
    assert (code, err) == (0, "")
    return {**json.loads(output.read_text()), "exported_at": None}


def add_rest_day(folder: Path) -> None:
    engine = open_database(resolve_locations(str(folder)).database_url)
    try:
        rest_day = CarryOverCheck(CarryOver.FINE, datetime.now().astimezone())
        Repository(engine).record_rest_day(rest_day)
    finally:
        engine.dispose()


def test_backup_saves_a_verified_copy_in_the_backups_folder(history_dir, capsys):
    path = backup(capsys, history_dir)

    assert path.parent == history_dir / "backups"
    [listed] = list_backups(history_dir / "backups")
    assert (listed.path, listed.reason) == (path, "manual")


def test_restore_lists_the_backups_newest_first_with_their_numbers(history_dir, capsys):
    first = backup(capsys, history_dir)
    second = backup(capsys, history_dir)

    code, out, err = run(capsys, "--data-dir", str(history_dir), "restore")

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["1.", "2."]
    assert lines[0].endswith(second.name) and lines[1].endswith(first.name)
    assert all(" manual " in line and " KB " in line for line in lines)


def test_restore_by_number_puts_back_that_history(history_dir, tmp_path, capsys):
    saved = history(capsys, history_dir, tmp_path)
    taken = backup(capsys, history_dir)
    add_rest_day(history_dir)
    changed = history(capsys, history_dir, tmp_path)
    assert changed != saved

    code, out, err = run(capsys, "--data-dir", str(history_dir), "restore", "1")

    assert (code, err) == (0, "")
    assert out.startswith(f"Restored the history from {taken}; the history it replaced is saved")
    assert out.count("\n") == 1
    assert history(capsys, history_dir, tmp_path) == saved
    replaced = list_backups(history_dir / "backups")[0]
    assert replaced.reason == "before-restore"
    run(capsys, "--data-dir", str(history_dir), "restore", str(replaced.path))
    assert history(capsys, history_dir, tmp_path) == changed


def test_with_no_backups_restore_says_so(history_dir, capsys):
    code, out, err = run(capsys, "--data-dir", str(history_dir), "restore")
    assert (code, out, err) == (0, f"There are no backups in {history_dir / 'backups'}.\n", "")


def garbage(tmp_path: Path, history_dir: Path) -> str:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    return str(path)


def truncated_backup(tmp_path: Path, history_dir: Path) -> str:
    good = list_backups(history_dir / "backups")[0].path
    path = tmp_path / "truncated.sqlite3"
    path.write_bytes(good.read_bytes()[:9000])
    return str(path)


def an_export(tmp_path: Path, history_dir: Path) -> str:
    path = tmp_path / "program.json"
    path.write_text(json.dumps(demo_document()))
    return str(path)


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        (lambda tmp_path, history_dir: str(tmp_path / "nowhere.sqlite3"), "There is no backup at"),
        (lambda tmp_path, history_dir: "7", "There is no backup number 7;"),
        (lambda tmp_path, history_dir: "0", "There is no backup number 0;"),
        (garbage, "garbage.sqlite3 is not an alshome backup that can be restored."),
        (truncated_backup, "truncated.sqlite3 is not an alshome backup that can be restored."),
        (an_export, "program.json is not an alshome backup that can be restored."),
    ],
)
def test_a_restore_that_cannot_be_done_gets_one_sentence_status_2_and_changes_nothing(
    choice, message, history_dir, tmp_path, capsys
):
    backup(capsys, history_dir)
    argument = choice(tmp_path, history_dir)
    before = tree(tmp_path)

    code, out, err = run(capsys, "--data-dir", str(history_dir), "restore", argument)

    assert (code, out) == (2, "")
    assert message in err and err.count("\n") == 1
    assert tree(tmp_path) == before


def test_backup_without_a_history_is_refused_and_creates_nothing(tmp_path, capsys):
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "new"), "backup")
    assert (code, out) == (2, "")
    assert err == f"There is no alshome history in {tmp_path / 'new'} to back up.\n"
    assert not (tmp_path / "new").exists()


def test_a_program_import_into_saved_data_is_backed_up_first(history_dir, tmp_path, capsys):
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({**demo_document(), "version": 2}))

    code, _, err = run(capsys, "--data-dir", str(history_dir), "program", "import", str(newer))

    assert (code, err) == (0, "")
    [kept] = list_backups(history_dir / "backups")
    assert kept.reason == "before-import"
