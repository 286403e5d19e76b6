"""The program to follow: the demo on first launch, then whatever program is active."""

from __future__ import annotations

import pytest

from alshome.operations import load_active_program
from alshome.programs.demo import demo_document
from alshome.programs.document import DocumentError


def test_first_launch_installs_the_demo_as_the_active_program(repository):
    program_id, program = load_active_program(repository)
    assert program.example
    assert program.name == demo_document()["name"]
    assert repository.active_program().id == program_id
    assert load_active_program(repository)[0] == program_id
    assert len(repository.programs()) == 1


def test_the_active_program_is_followed(repository, short_document):
    repository.add_program(demo_document(), active=False)
    short_id = repository.add_program(short_document, active=True)
    program_id, program = load_active_program(repository)
    assert program_id == short_id
    assert (program.name, program.version) == ("Short program", 3)


def test_a_saved_but_inactive_demo_is_reactivated_not_duplicated(repository):
    demo_id = repository.add_program(demo_document(), active=False)
    assert load_active_program(repository)[0] == demo_id
    assert len(repository.programs()) == 1


def test_a_saved_program_that_no_longer_fits_the_library_is_reported(repository, short_document):
    short_document["prescriptions"][0]["exercise"] = "retired_exercise"
    repository.add_program(short_document, active=True)
    with pytest.raises(DocumentError, match="retired_exercise"):
        load_active_program(repository)
