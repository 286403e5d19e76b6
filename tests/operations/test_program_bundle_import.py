"""The app's program import takes a bundle as the command line's does: its pictures and
videos are saved with the program, after the same backup; a hostile one changes nothing."""

from __future__ import annotations

import pytest

from alshome.operations.backups import backups_of
from alshome.operations.history import History
from alshome.operations.program_import import ProgramFileImport
from alshome.platform.paths import sqlite_url
from alshome.programs.document import DocumentError
from tests.operations.conftest import program_names
from tests.programs.bundles import custom_document, putty_media, write_bundle


def test_the_app_imports_a_bundle_with_its_media_after_a_backup(saved, tmp_path):
    history = History(sqlite_url(saved), None)
    history.open()
    before = program_names(saved)
    files = ProgramFileImport(history)
    try:
        document = {**custom_document(), "name": "From the clinic"}
        checked = files.check(write_bundle(tmp_path / "clinic.alshome", document))
        program = files.use(checked)
        assert program.prescriptions[0].exercise.picture == "media/putty.png"
        repository = history.safety_records()
        assert repository.program_media(history.open().program_id) == putty_media()
    finally:
        history.close()
    [backup] = backups_of(saved)
    assert backup.reason == "before-import"
    assert program_names(backup.path) == before


def test_the_app_refuses_a_hostile_bundle_before_opening_anything(saved, tmp_path):
    hostile = write_bundle(tmp_path / "clinic.alshome", media={"media/putty.png": b"no"})
    history = History(sqlite_url(saved), None)
    before = program_names(saved)
    with pytest.raises(DocumentError, match=r"clinic\.alshome: media/putty\.mp4: is named by"):
        ProgramFileImport(history).check(hostile)
    history.close()
    assert backups_of(saved) == []
    assert program_names(saved) == before
