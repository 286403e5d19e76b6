"""The program to follow: the demo on first launch, then whatever program is active.

The quick start (no SQLAlchemy, no pydantic) agrees with the full one, or leaves to it.
"""

from __future__ import annotations

import pytest

from alshome.operations.startup import Start, full_start, load_active_program, quick_start
from alshome.platform.paths import sqlite_url
from alshome.programs.demo import demo_document
from alshome.programs.document import DocumentError, parse_program
from alshome.programs.library import stock_library

pytestmark = pytest.mark.databases("sqlite", "postgresql")


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


@pytest.mark.databases("sqlite")  # the quick read is of a SQLite file
def test_a_quick_start_reads_what_the_full_start_reads(repository, database_url, short_document):
    repository.add_program(short_document, active=True)
    assert quick_start(database_url) == full_start(repository)


def test_a_quick_start_on_a_new_folder_shows_the_demo_not_yet_saved(tmp_path):
    start = quick_start(sqlite_url(tmp_path / "new" / "alshome.sqlite3"))
    assert start == Start(None, parse_program(demo_document(), stock_library()), None)


def test_a_saved_program_the_builder_doubts_is_left_to_the_full_start(
    repository, database_url, short_document
):
    short_document["prescriptions"][0]["hold_seconds"] = "10"  # accepted by lenient validation
    repository.add_program(short_document, active=True)
    assert quick_start(database_url) is None
    assert full_start(repository).program.prescriptions[0].dose.hold_seconds == 10


def test_a_saved_program_that_no_longer_fits_is_left_to_the_full_start(
    repository, database_url, short_document
):
    short_document["prescriptions"][0]["exercise"] = "retired_exercise"
    repository.add_program(short_document, active=True)
    assert quick_start(database_url) is None
    with pytest.raises(DocumentError, match="retired_exercise"):
        full_start(repository)
