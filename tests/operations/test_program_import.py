"""A program file is checked whole, then used: always after a backup of the saved history,
whether the command line or the app imports it, and a refused one keeps no backup."""

from __future__ import annotations

import pytest

from alshome.operations.backups import backups_of
from alshome.operations.history import History
from alshome.operations.program_import import (
    ProgramFileImport,
    check_program_file,
    use_program_file,
)
from alshome.platform.paths import sqlite_url
from alshome.programs.demo import demo_document
from alshome.programs.document import DocumentError
from alshome.programs.transfer import Outcome, check_program
from tests.operations.conftest import program_names, therapist_program, write_program_file


def test_the_command_lines_import_backs_up_the_history_as_it_was_first(saved):
    before = program_names(saved)
    assert use_program_file(therapist_program(), sqlite_url(saved), None) is Outcome.ADDED
    [backup] = backups_of(saved)
    assert backup.reason == "before-import"
    assert program_names(backup.path) == before, "taken before the program was saved"
    assert program_names(saved) == before | {"From the clinic"}


def test_the_apps_import_backs_up_the_open_history_as_it_was_first(saved):
    history = History(sqlite_url(saved), None)
    history.open()
    before = program_names(saved)
    try:
        program = ProgramFileImport(history).use(therapist_program())
        assert program.name == "From the clinic"
        assert history.open().program.name == "From the clinic", "later sessions follow it"
    finally:
        history.close()
    [backup] = backups_of(saved)
    assert backup.reason == "before-import"
    assert program_names(backup.path) == before


@pytest.mark.parametrize("front_end", ["command line", "app"])
def test_a_refused_import_changes_nothing_and_keeps_no_backup(saved, front_end):
    taken = demo_document()
    taken["notes"] = "Another document under the demo's name and version."
    clash = check_program(taken)
    before = program_names(saved)
    history = History(sqlite_url(saved), None)
    with pytest.raises(DocumentError):
        if front_end == "app":
            ProgramFileImport(history).use(clash)
        else:
            use_program_file(clash, sqlite_url(saved), None)
    history.close()
    assert backups_of(saved) == []
    assert not (saved.parent / "backups").exists()
    assert program_names(saved) == before


def test_a_first_import_has_no_history_to_back_up(database):
    use_program_file(therapist_program(), sqlite_url(database), None)
    assert program_names(database) == {"From the clinic"}, "no demo saved beside it"
    assert backups_of(database) == []


def test_a_program_file_is_checked_before_any_history_is_opened(tmp_path, database):
    path = write_program_file(tmp_path, therapist_program())
    assert check_program_file(path).program.name == "From the clinic"
    path.write_text('{"format": "alshome-program", "name": ""}', encoding="utf-8")
    with pytest.raises(DocumentError, match=r"program\.json"):
        check_program_file(path)
    assert not database.parent.exists()
