"""A failure from storage or a program file reads in Spanish on a Spanish screen.

The same failure prints in English on the command line, with its exit status unchanged:
the sentence is one translatable source text and its values (`alshome.platform.errors`).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from alshome.operations.failures import BAD_INPUT, FAILURE, explain_failure
from alshome.platform.errors import DocumentError
from alshome.programs.transfer import read_program_file
from alshome.storage.backups import BackupError, backups_folder, restore
from alshome.storage.cipher import WrongPassphraseError
from alshome.ui.failure_text import explain
from alshome.ui.pages import Page
from tests.ui.test_backups_screen import app_rig

__all__ = ["app_rig"]


def test_a_storage_failure_is_spanish_on_screen_and_english_on_the_command_line(spanish, tmp_path):
    missing = tmp_path / "gone.sqlite3"
    database = tmp_path / "alshome.sqlite3"
    with pytest.raises(BackupError) as caught:
        restore(missing, database, backups_folder(database), datetime.now(UTC))
    assert explain(caught.value) == f"No hay ninguna copia de seguridad en {missing}."
    assert explain_failure(caught.value) == (BAD_INPUT, f"There is no backup at {missing}.")


def test_a_wrong_passphrase_keeps_its_status_in_both_languages(spanish):
    assert explain(WrongPassphraseError()) == "Esa frase de contraseña no es correcta."
    assert explain_failure(WrongPassphraseError()) == (FAILURE, "That passphrase is not right.")


def test_a_program_file_names_its_field_and_reason_in_spanish(spanish, tmp_path):
    """The reason inside the sentence is translated too; the file's own names are not."""
    path = tmp_path / "program.json"
    path.write_text(json.dumps({"format": "alshome-programme", "format_version": 1}))
    with pytest.raises(DocumentError) as caught:
        read_program_file(path)
    assert str(caught.value) == "program.json: format: must be 'alshome-program'"
    assert explain(caught.value) == "program.json: format: debe ser 'alshome-program'"


def test_the_backups_screen_refuses_a_damaged_backup_in_spanish(spanish, app_rig):
    window, history, _database = app_rig
    window.open_backups()
    screen = window.screens[Page.BACKUPS]
    broken = screen.choices[0].backup.path
    broken.write_bytes(b"not a database")
    screen.choices[0].toggle.click()
    screen.put_back.click()
    screen.yes.click()
    assert screen.message.text() == (
        f"{broken} no es una copia de seguridad de alshome que se pueda restaurar."
    )
    assert len(history.safety_records().sessions()) == 2
