"""The `alshome` command: opens the app, or exports, imports and backs up history, no window.

Nothing here imports Qt; the GUI is imported only when no command is given, and storage
only when a command needs it, so each path loads what it uses. Any problem a user can
fix ends the command with one plain sentence on stderr, status 2, and nothing written:
an import is validated whole before the data folder is even created.

An encrypted history is opened with its passphrase, asked for without echo, or taken from
the ALSHOME_PASSPHRASE environment variable for scripts; it is never an argument, which
other users of the computer could read in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from alshome import __version__
from alshome.failures import BAD_INPUT, explain_failure
from alshome.paths import Locations, resolve_locations

if TYPE_CHECKING:
    from alshome.storage.backups import Backup


PASSPHRASE_VARIABLE = "ALSHOME_PASSPHRASE"
# What backups and the passphrase mean for a history that is not a SQLite file, such as
# one on a PostgreSQL server given with --database-url: nothing alshome does.
ONLY_A_FILE = {
    "backup": (
        "alshome backs up only a history kept in a SQLite file; a history on a database "
        "server is kept safe by the server's own backups."
    ),
    "restore": (
        "alshome restores only a history kept in a SQLite file; a history on a database "
        "server is restored with the server's own tools."
    ),
    "passphrase": (
        "A passphrase protects only a history kept in a SQLite file; a history on a "
        "database server is protected by the server's own access control."
    ),
}


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """Usage mistakes become one line instead of argparse's usage block and exit."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}.")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        options, qt_arguments = _parse(arguments)
    except _UsageError as error:
        print(error, file=sys.stderr)
        return BAD_INPUT
    if options.self_test:
        from alshome.self_test import run_self_test

        return run_self_test()
    locations = resolve_locations(options.data_dir, options.database_url)
    if options.command is None:
        from alshome.app import run_gui

        return run_gui(locations, qt_arguments)
    return _run_command(options.command, locations, options)


def _parse(arguments: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Split a command from the GUI's own arguments (Qt takes options such as `-style X`)."""
    first_pass = _Parser(prog="alshome", add_help=False, allow_abbrev=False)
    options, rest = _global_options(first_pass).parse_known_args(arguments)
    if (rest and rest[0] in COMMANDS) or {"-h", "--help", "--version"} & set(rest):
        return _full_parser().parse_args(arguments), []
    options.command = None
    return options, rest


def _global_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--data-dir", metavar="DIR", help="folder for the history and backups")
    parser.add_argument("--database-url", metavar="URL", help="any SQLAlchemy database URL")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open every screen offscreen on a temporary folder, then exit (0: all is well)",
    )
    return parser


def _full_parser() -> argparse.ArgumentParser:
    parser = _global_options(
        _Parser(
            prog="alshome",
            allow_abbrev=False,
            description="Guided home exercise sessions. With no command, opens the app.",
        )
    )
    parser.add_argument("--version", action="version", version=f"alshome {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    export = commands.add_parser("export", help="write the whole history to a file")
    export.add_argument(
        "--format",
        choices=("json", "csv"),
        required=True,
        help="JSON for restoring, CSV for a sheet",
    )
    export.add_argument("--output", metavar="FILE", type=Path, required=True, help="file to write")
    restore = commands.add_parser("import", help="restore a JSON export into an empty history")
    restore.add_argument("file", metavar="FILE", type=Path)
    library = commands.add_parser("library", help="list the exercises a program can use")
    library.add_argument("--json", action="store_true", help="the whole library as JSON")
    program = commands.add_parser("program", help="export or import the therapist's program")
    program_actions = program.add_subparsers(dest="action", metavar="ACTION", required=True)
    program_export = program_actions.add_parser("export", help="write the active program")
    program_export.add_argument(
        "--output", metavar="FILE", type=Path, required=True, help="file to write"
    )
    program_import = program_actions.add_parser(
        "import", help="check a program file, then make it the active program"
    )
    program_import.add_argument("file", metavar="FILE", type=Path)
    report = commands.add_parser("report", help="the clinic report of a range of days")
    report.add_argument(
        "--from", dest="first", metavar="DATE", type=_day, help="first day (a year before --to)"
    )
    report.add_argument("--to", dest="last", metavar="DATE", type=_day, help="last day (today)")
    report.add_argument(
        "--format", choices=("pdf", "json"), default="pdf", help="a PDF to print, or JSON"
    )
    report.add_argument(
        "--output", metavar="FILE", type=Path, help="file to write (JSON is printed without)"
    )
    report.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF page size")
    commands.add_parser("backup", help="save a verified copy of the history now")
    commands.add_parser("encrypt", help="protect the history with a passphrase")
    commands.add_parser("decrypt", help="remove the passphrase from the history")
    restore_backup = commands.add_parser(
        "restore", help="list the backups, or put one in place of the history"
    )
    restore_backup.add_argument(
        "backup", metavar="BACKUP", nargs="?", help="a backup file, or its number in the list"
    )
    return parser


def _run_command(command: str, locations: Locations, options: argparse.Namespace) -> int:
    try:
        output = COMMANDS[command](locations, options)
    except Exception as error:
        failure = explain_failure(error)
        if failure is None:
            raise
        status, message = failure
        print(message, file=sys.stderr)
        return status
    try:
        print(output, flush=True)
    except BrokenPipeError:
        # The reader stopped early (`alshome library | head`): nothing went wrong here.
        # Point stdout at nothing, so Python's own flush at exit does not complain.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _export(locations: Locations, options: argparse.Namespace) -> str:
    from alshome import exchange
    from alshome.files import write_private_file
    from alshome.programs.document import DocumentError
    from alshome.storage.db import open_database, sqlite_file
    from alshome.storage.repository import Repository

    database = sqlite_file(locations.database_url)
    if database is not None and not database.exists():
        raise DocumentError(f"There is no alshome history in {database.parent}.")
    engine = open_database(locations.database_url, _passphrase(locations))
    try:
        repository = Repository(engine)
        if options.format == "json":
            text, count = exchange.export_json(repository, datetime.now().astimezone())
        else:
            text, count = exchange.export_csv(repository)
    finally:
        engine.dispose()
    write_private_file(options.output, text)
    return f"Exported {_sessions(count)} to {options.output}."


def _import(locations: Locations, options: argparse.Namespace) -> str:
    """Merge an export into the history here; sessions already saved are counted, not copied."""
    from alshome import exchange
    from alshome.storage.db import open_database
    from alshome.storage.repository import Repository

    history = exchange.read_export(options.file)
    passphrase = _passphrase(locations)
    with _backed_up_before_import(locations, passphrase):
        engine = open_database(locations.database_url, passphrase)
        try:
            result = exchange.import_history(history, Repository(engine))
        finally:
            engine.dispose()
    imported = f"Imported {_sessions(result.added)} from {options.file}"
    if not result.already_here:
        return f"{imported}."
    verb = "was" if result.already_here == 1 else "were"
    return f"{imported}; {result.already_here} {verb} already here."


def _library(locations: Locations, options: argparse.Namespace) -> str:
    """The shipped exercise library; it reads no history, so no data folder is made."""
    from alshome.programs.library import library_json, library_table, stock_library

    library = stock_library()
    return library_json(library) if options.json else library_table(library)


def _program(locations: Locations, options: argparse.Namespace) -> str:
    return {"export": _export_program, "import": _import_program}[options.action](
        locations, options
    )


def _export_program(locations: Locations, options: argparse.Namespace) -> str:
    """The active program, as on a normal start: a new data folder gets the demo saved."""
    from alshome.files import write_private_file
    from alshome.operations import load_active_program
    from alshome.programs.transfer import program_file_text
    from alshome.storage.db import open_database
    from alshome.storage.repository import Repository

    engine = open_database(locations.database_url, _passphrase(locations))
    try:
        repository = Repository(engine)
        program_id, program = load_active_program(repository)
        text = program_file_text(repository.program(program_id).document)
    finally:
        engine.dispose()
    write_private_file(options.output, text)
    return f"Exported {program.name!r}, version {program.version}, to {options.output}."


def _import_program(locations: Locations, options: argparse.Namespace) -> str:
    from alshome.programs.transfer import Outcome, import_program, read_program_file
    from alshome.storage.db import open_database
    from alshome.storage.repository import Repository

    checked = read_program_file(options.file)
    passphrase = _passphrase(locations)
    with _backed_up_before_import(locations, passphrase):
        engine = open_database(locations.database_url, passphrase)
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


@contextmanager
def _backed_up_before_import(locations: Locations, passphrase: str | None) -> Iterator[None]:
    """Back up a saved history before an import changes it; an import refused keeps no copy.

    An import is one transaction, so a refused one changed nothing, and the promise that
    bad input writes nothing holds for the backups folder too.
    """
    from alshome.storage.backups import backups_folder, take_backup
    from alshome.storage.db import sqlite_file

    database = sqlite_file(locations.database_url)
    if database is None or not database.is_file() or database.stat().st_size == 0:
        yield
        return
    folder = backups_folder(database)
    made_folder = not folder.exists()
    backup = take_backup(database, folder, "before-import", datetime.now(), passphrase)
    try:
        yield
    except BaseException:
        backup.unlink()
        if made_folder:
            with suppress(OSError):  # not empty: a migration saved its own backup there
                folder.rmdir()
        raise


def _report(locations: Locations, options: argparse.Namespace) -> str:
    """The clinic report of --from to --to: a PDF file, or its figures as JSON.

    Everything is checked and computed before anything is written, so a bad range or a
    missing history leaves no file behind.
    """
    import json

    from alshome.files import write_private_file
    from alshome.programs.document import DEFAULTS, DocumentError
    from alshome.report.figures import default_range, report_figures
    from alshome.storage.db import open_database, sqlite_file
    from alshome.storage.repository import Repository

    today = datetime.now().astimezone().date()
    last = options.last or today
    first = options.first or default_range(last)[0]
    if first > last:
        raise DocumentError(f"--from {first} is after --to {last}; nothing was written.")
    if options.format == "pdf" and options.output is None:
        raise DocumentError("A PDF report needs --output FILE.pdf; nothing was written.")
    database = sqlite_file(locations.database_url)
    if database is not None and not database.exists():
        raise DocumentError(f"There is no alshome history in {database.parent}.")
    engine = open_database(locations.database_url, _passphrase(locations))
    try:
        repository = Repository(engine)
        active = repository.active_program()
        target = DEFAULTS["program"]["weekly_target"]
        if active is not None:
            target = active.document.get("weekly_target", target)
        figures = report_figures(repository, first, last, today, target)
    finally:
        engine.dispose()
    written = f"Wrote the report of {first} to {last} to {options.output}."
    if options.format == "json":
        text = json.dumps(figures.as_json(), indent=2, ensure_ascii=False)
        if options.output is None:
            return text
        write_private_file(options.output, text + "\n")
        return written
    from alshome.report.pdf import save_report_pdf

    save_report_pdf(options.output, figures, options.paper)
    return written


def _backup(locations: Locations, options: argparse.Namespace) -> str:
    from alshome.programs.document import DocumentError
    from alshome.storage.backups import backups_folder, take_backup

    database = _database_file(locations, ONLY_A_FILE["backup"])
    if not database.is_file():
        raise DocumentError(f"There is no alshome history in {database.parent} to back up.")
    folder = backups_folder(database)
    backup = take_backup(database, folder, "manual", datetime.now(), _passphrase(locations))
    return f"Saved a backup to {backup}."


def _restore(locations: Locations, options: argparse.Namespace) -> str:
    """With no BACKUP, the numbered list to choose from; with one, the history put back."""
    from alshome.storage.backups import backups_folder, list_backups, restore

    database = _database_file(locations, ONLY_A_FILE["restore"])
    folder = backups_folder(database)
    backups = list_backups(folder)
    if options.backup is None:
        if not backups:
            return f"There are no backups in {folder}."
        return "\n".join(
            f"{number:>3}. {backup.taken_at.astimezone():%Y-%m-%d %H:%M}  "
            f"{backup.reason:<16}  {_size(backup.size):>8}  {backup.path.name}"
            for number, backup in enumerate(backups, start=1)
        )
    chosen = _chosen_backup(options.backup, backups)
    replaced = restore(chosen, database, folder, datetime.now(), _passphrase(locations))
    if replaced is None:
        return f"Restored the history from {chosen}."
    return f"Restored the history from {chosen}; the history it replaced is saved in {replaced}."


def _encrypt(locations: Locations, options: argparse.Namespace) -> str:
    """Encrypt the history; its plain backups are replaced by one encrypted backup."""
    from alshome.programs.document import DocumentError
    from alshome.storage import cipher

    database = _existing_history(locations)
    if cipher.is_encrypted(database):
        raise DocumentError("The history is already protected with a passphrase.")
    cipher.encrypt(database, _new_passphrase(), datetime.now())
    return (
        "The history is now protected with a passphrase. If you forget it, nobody can open "
        "your history: write it down somewhere safe."
    )


def _decrypt(locations: Locations, options: argparse.Namespace) -> str:
    from alshome.programs.document import DocumentError
    from alshome.storage import cipher

    database = _existing_history(locations)
    if not cipher.is_encrypted(database):
        raise DocumentError("The history has no passphrase to remove.")
    cipher.decrypt(database, _passphrase(locations), datetime.now())
    return "The passphrase is removed; the history opens without one."


def _passphrase(locations: Locations) -> str | None:
    """The passphrase of an encrypted history, None for a plain one; asked without echo."""
    from alshome.storage import cipher
    from alshome.storage.db import sqlite_file

    database = sqlite_file(locations.database_url)
    if database is None or not cipher.is_encrypted(database):
        return None
    return os.environ.get(PASSPHRASE_VARIABLE) or getpass.getpass("Passphrase: ")


def _new_passphrase() -> str:
    """A new passphrase, typed twice so that a slip of the finger does not lock the history."""
    from alshome.programs.document import DocumentError

    given = os.environ.get(PASSPHRASE_VARIABLE)
    if given:
        return given
    passphrase = getpass.getpass("New passphrase: ")
    if not passphrase:
        raise DocumentError("A passphrase needs at least one character; nothing was changed.")
    if getpass.getpass("The same passphrase again: ") != passphrase:
        raise DocumentError("The two passphrases are not the same; nothing was changed.")
    return passphrase


def _existing_history(locations: Locations) -> Path:
    from alshome.programs.document import DocumentError

    database = _database_file(locations, ONLY_A_FILE["passphrase"])
    if not database.is_file() or database.stat().st_size == 0:
        raise DocumentError(f"There is no alshome history in {database.parent}.")
    return database


def _chosen_backup(choice: str, backups: list[Backup]) -> Path:
    """A number from the list (1 is the newest), or else a path to a backup file."""
    from alshome.programs.document import DocumentError

    if not choice.isdecimal():
        return Path(choice)
    if not 1 <= int(choice) <= len(backups):
        raise DocumentError(
            f"There is no backup number {choice}; `alshome restore` lists the backups."
        )
    return backups[int(choice) - 1].path


def _database_file(locations: Locations, elsewhere: str) -> Path:
    """The SQLite file behind the locations; `elsewhere` says why a command needs one."""
    from alshome.programs.document import DocumentError
    from alshome.storage.db import sqlite_file

    database = sqlite_file(locations.database_url)
    if database is None:
        raise DocumentError(elsewhere)
    return database


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a day written YYYY-MM-DD, such as 2026-03-02"
        ) from None


def _size(size: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if size < 1000:
            return f"{size} {unit}"
        size //= 1000
    return f"{size} GB"


def _sessions(count: int) -> str:
    return f"{count} session" if count == 1 else f"{count} sessions"


COMMANDS: dict[str, Callable[[Locations, argparse.Namespace], str]] = {
    "export": _export,
    "import": _import,
    "library": _library,
    "program": _program,
    "report": _report,
    "backup": _backup,
    "restore": _restore,
    "encrypt": _encrypt,
    "decrypt": _decrypt,
}
