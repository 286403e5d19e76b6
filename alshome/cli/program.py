"""`alshome program export` and `alshome program import`: the therapist's program as a file.

A program with pictures or video travels as a `.alshome` bundle (`alshome.programs.bundle`);
one without, as a plain program file or a bundle, whichever the file's name asks for.
"""

from __future__ import annotations

from argparse import Namespace

from alshome.cli.passphrase import asked_passphrase
from alshome.platform.paths import Locations


def program_command(locations: Locations, options: Namespace) -> str:
    return {"export": export_program_file, "import": import_program_file}[options.action](
        locations, options
    )


def export_program_file(locations: Locations, options: Namespace) -> str:
    """The active program, as on a normal start: a new data folder gets the demo saved."""
    from alshome.operations.program_export import export_program_file

    given = asked_passphrase(locations)
    program = export_program_file(locations.database_url, given, options.output)
    return f"Exported {program.name!r}, version {program.version}, to {options.output}."


def import_program_file(locations: Locations, options: Namespace) -> str:
    """The program file made the active program, after a backup of the history."""
    from alshome.operations.program_import import check_program_file, use_program_file
    from alshome.programs.transfer import Outcome

    checked = check_program_file(options.file)
    outcome = use_program_file(checked, locations.database_url, asked_passphrase(locations))
    program = f"{checked.program.name!r}, version {checked.program.version}"
    return {
        Outcome.ADDED: f"Imported {program}, from {options.file}; it is now the active program.",
        Outcome.REACTIVATED: f"{program}, was already saved; it is the active program again.",
        Outcome.UNCHANGED: f"{program}, is already the active program; nothing changed.",
    }[outcome]
