"""A program file or bundle from the therapist: checked whole, then made the active program.

The file is checked without the database, so a bad one is refused before anything is
opened or written. Using it always begins with a backup of the saved history, whichever
front end imports (`backed_up_before_import`); a refused import keeps no such copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alshome.operations.backups import backed_up_before_import
from alshome.operations.history import History, opened_history

if TYPE_CHECKING:
    from alshome.domain.program import Program
    from alshome.programs.transfer import CheckedProgram, Outcome


def check_program_file(path: Path) -> CheckedProgram:
    """The program in the file or bundle at `path`, with its pictures and videos, checked
    whole; DocumentError says what is wrong."""
    from alshome.programs.bundle import read_program_source

    return read_program_source(path)


def use_program_file(checked: CheckedProgram, database_url: str, passphrase: str | None) -> Outcome:
    """Make `checked` the active program of the history at `database_url`, backed up first.

    For the command line, which holds no history open: it is opened for this alone.
    """
    from alshome.programs.transfer import import_program

    with (
        backed_up_before_import(database_url, passphrase),
        opened_history(database_url, passphrase) as repository,
    ):
        return import_program(checked, repository)


class ProgramFileImport:
    """Program files for the app's open history: the same check, the same backup first."""

    def __init__(self, history: History) -> None:
        self._history = history

    def check(self, path: Path) -> CheckedProgram:
        return check_program_file(path)

    def use(self, checked: CheckedProgram) -> Program:
        with backed_up_before_import(self._history.url, self._history.passphrase):
            return self._history.use_program(checked)
