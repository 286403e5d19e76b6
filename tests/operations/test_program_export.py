"""The active program written as a program file that reads back as the same program."""

from __future__ import annotations

from alshome.operations.program_export import export_program_file
from alshome.operations.program_import import check_program_file, use_program_file
from alshome.platform.paths import sqlite_url
from alshome.programs.demo import demo_document
from tests.operations.conftest import program_names, therapist_program


def test_a_new_data_folder_exports_the_demo_saved_as_on_a_normal_start(database, tmp_path):
    output = tmp_path / "program.json"
    program = export_program_file(sqlite_url(database), None, output)
    assert program.name == demo_document()["name"]
    assert program_names(database) == {program.name}
    assert check_program_file(output).program == program
    assert output.stat().st_mode & 0o777 == 0o600


def test_the_active_program_is_the_one_exported(saved, tmp_path):
    use_program_file(therapist_program(), sqlite_url(saved), None)
    program = export_program_file(sqlite_url(saved), None, tmp_path / "program.json")
    assert program.name == "From the clinic"
    assert check_program_file(tmp_path / "program.json").document == therapist_program().document
