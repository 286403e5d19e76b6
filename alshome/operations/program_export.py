"""The active program written as a program file, to give to a therapist or another computer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alshome.operations.history import opened_history

if TYPE_CHECKING:
    from alshome.domain.program import Program


def export_program_file(database_url: str, passphrase: str | None, output: Path) -> Program:
    """Write the active program to `output`; the program written.

    The program is read as on a normal start, so a new data folder gets the demo saved.
    """
    from alshome.operations.startup import load_active_program
    from alshome.platform.files import write_private_file
    from alshome.programs.transfer import program_file_text

    with opened_history(database_url, passphrase) as repository:
        program_id, program = load_active_program(repository)
        text = program_file_text(repository.program(program_id).document)
    write_private_file(output, text)
    return program
