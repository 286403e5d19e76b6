"""The active program written as a program file or bundle, for a therapist or another computer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alshome.operations.history import opened_history

if TYPE_CHECKING:
    from alshome.domain.program import Program


def export_program_file(database_url: str, passphrase: str | None, output: Path) -> Program:
    """Write the active program to `output`; the program written.

    The program is read as on a normal start, so a new data folder gets the demo saved. A
    program with pictures or video is written as a bundle, which `output` must be named
    for (`alshome.programs.bundle.exported_program`); nothing is written otherwise.
    """
    from alshome.operations.startup import load_active_program
    from alshome.platform.files import write_private_bytes
    from alshome.programs.bundle import exported_program

    with opened_history(database_url, passphrase) as repository:
        program_id, program = load_active_program(repository)
        media = repository.program_media(program_id)
        data = exported_program(repository.program(program_id).document, media, output)
    write_private_bytes(output, data)
    return program
