"""`alshome program export` and `alshome program import`: the therapist's program as a file."""

from __future__ import annotations

from argparse import Namespace

from alshome.cli.history_file import backed_up_before_import, passphrase
from alshome.platform.paths import Locations


def program_command(locations: Locations, options: Namespace) -> str:
    return {"export": export_program_file, "import": import_program_file}[options.action](
        locations, options
    )


def export_program_file(locations: Locations, options: Namespace) -> str:
    """The active program, as on a normal start: a new data folder gets the demo saved."""
    from alshome.operations.startup import load_active_program
    from alshome.platform.files import write_private_file
    from alshome.programs.transfer import program_file_text
    from alshome.storage.db import open_database
    from alshome.storage.repository import Repository

    engine = open_database(locations.database_url, passphrase(locations))
    try:
        repository = Repository(engine)
        program_id, program = load_active_program(repository)
        text = program_file_text(repository.program(program_id).document)
    finally:
        engine.dispose()
    write_private_file(options.output, text)
    return f"Exported {program.name!r}, version {program.version}, to {options.output}."


def import_program_file(locations: Locations, options: Namespace) -> str:
    from alshome.programs.transfer import Outcome, import_program, read_program_file
    from alshome.storage.db import open_database
    from alshome.storage.repository import Repository

    checked = read_program_file(options.file)
    given = passphrase(locations)
    with backed_up_before_import(locations, given):
        engine = open_database(locations.database_url, given)
        try:
            outcome = import_program(checked, Repository(engine))
        finally:
            engine.dispose()
    program = f"{checked.program.name!r}, version {checked.program.version}"
    return {
        Outcome.ADDED: f"Imported {program}, from {options.file}; it is now the active program.",
        Outcome.REACTIVATED: f"{program}, was already saved; it is the active program again.",
        Outcome.UNCHANGED: f"{program}, is already the active program; nothing changed.",
    }[outcome]
