"""`alshome export` and `alshome import`: the whole history to a file, and a file merged in."""

from __future__ import annotations

from argparse import Namespace
from datetime import datetime

from alshome.cli.history_file import backed_up_before_import, passphrase, saved_history
from alshome.platform.paths import Locations


def export_history(locations: Locations, options: Namespace) -> str:
    from alshome.operations import exchange
    from alshome.platform.files import write_private_file

    with saved_history(locations) as repository:
        if options.format == "json":
            text, count = exchange.export_json(repository, datetime.now().astimezone())
        else:
            text, count = exchange.export_csv(repository)
    write_private_file(options.output, text)
    return f"Exported {_sessions(count)} to {options.output}."


def import_history(locations: Locations, options: Namespace) -> str:
    """Merge an export into the history here; sessions already saved are counted, not copied."""
    from alshome.operations import exchange
    from alshome.storage.db import open_database
    from alshome.storage.repository import Repository

    history = exchange.read_export(options.file)
    given = passphrase(locations)
    with backed_up_before_import(locations, given):
        engine = open_database(locations.database_url, given)
        try:
            result = exchange.import_history(history, Repository(engine))
        finally:
            engine.dispose()
    imported = f"Imported {_sessions(result.added)} from {options.file}"
    if not result.already_here:
        return f"{imported}."
    verb = "was" if result.already_here == 1 else "were"
    return f"{imported}; {result.already_here} {verb} already here."


def _sessions(count: int) -> str:
    return f"{count} session" if count == 1 else f"{count} sessions"
