"""What the `alshome` command accepts: the app's own options, the commands and their arguments.

Parsing needs argparse and nothing of the commands, so a launch that opens the window loads
no command module. A usage mistake in what alshome knows (a missing or invalid value) is one
sentence, as every other refusal of the command line is. Something alshome does not know
at all (an unknown command, an unknown option or a word too many) is shown with the usage
too, because it is most likely a slip for something the usage lists; and it is refused,
never taken as a reason to open the window.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, NoReturn

from alshome import __version__

COMMAND, ACTION = "COMMAND", "ACTION"
# argparse's own words when a command or a program action is not one of the choices.
_UNKNOWN_COMMAND = tuple(f"argument {name}: invalid choice" for name in (COMMAND, ACTION))

# Qt's own options (QGuiApplication and QApplication), which the window is opened with:
# whether each takes the next argument as its value. Qt also reads `-style=NAME`,
# `-stylesheet=FILE` and `-qmljsdebugger=...` as one argument.
QT_OPTIONS = {
    "-platform": True,
    "-platformpluginpath": True,
    "-platformtheme": True,
    "-plugin": True,
    "-qwindowgeometry": True,
    "-qwindowicon": True,
    "-qwindowtitle": True,
    "-session": True,
    "-display": True,
    "-geometry": True,
    "-style": True,
    "-stylesheet": True,
    "-reverse": False,
    "-widgetcount": False,
    "-qmljsdebugger": False,
}


class UsageError(Exception):
    """A usage mistake as one sentence, after the usage when that helps; ready to print."""

    def __init__(self, parser: argparse.ArgumentParser, message: str, *, usage: bool) -> None:
        shown = parser.format_usage() if usage else ""
        super().__init__(f"{shown}{parser.prog}: {message}.")
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    """Usage mistakes become one sentence instead of argparse's usage block and exit.

    Each parser, the commands' included, names itself in the `parser` default (and in the
    error it raises), so the usage shown with an unknown argument is that of the command it
    was given to.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.set_defaults(parser=self)

    def error(self, message: str) -> NoReturn:
        raise UsageError(self, message, usage=message.startswith(_UNKNOWN_COMMAND))


def parse(arguments: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """The options and command given, and the Qt options to open the window with.

    `options.command` is None when the window is to open. The app's own options are read
    first: when nothing else is given, the window opens without the commands' parsers being
    built, a few milliseconds of every start. argparse reports a missing argument before an
    unknown one (`alshome export --bogus`), so a refusal is parsed again with nothing
    required, and an unknown argument found then is the one reported.
    """
    qt_arguments, ours = _split_qt_options(arguments)
    app_only = _app_options(_Parser(prog="alshome", add_help=False, allow_abbrev=False))
    options, rest = app_only.parse_known_args(ours)
    if not rest:
        return options, qt_arguments
    try:
        options, unknown = build_parser().parse_known_args(ours)
    except UsageError as refused:
        _options, unknown = build_parser(strict=False).parse_known_args(ours)
        if not unknown:
            raise
        raise _unrecognized(refused.parser, unknown) from None
    if options.command is not None:
        unknown += qt_arguments
    if unknown:
        raise _unrecognized(options.parser, unknown)
    return options, qt_arguments


def _unrecognized(parser: argparse.ArgumentParser, words: list[str]) -> UsageError:
    return UsageError(parser, f"unrecognized arguments: {' '.join(words)}", usage=True)


def _split_qt_options(arguments: list[str]) -> tuple[list[str], list[str]]:
    """Qt's options with their values, then everything else, each in the order given."""
    qt_arguments: list[str] = []
    ours: list[str] = []
    words: Iterator[str] = iter(arguments)
    for word in words:
        name, equals, _value = word.partition("=")
        if name not in QT_OPTIONS:
            ours.append(word)
            continue
        qt_arguments.append(word)
        if QT_OPTIONS[name] and not equals:
            qt_arguments.extend(islice(words, 1))
    return qt_arguments, ours


def _app_options(parser: _Parser) -> _Parser:
    """The options of the app itself, which open the window when no command is given."""
    parser.add_argument("--data-dir", metavar="DIR", help="folder for the history and backups")
    parser.add_argument("--database-url", metavar="URL", help="any SQLAlchemy database URL")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open every screen offscreen on a temporary folder, then exit (0: all is well)",
    )
    parser.set_defaults(command=None)
    return parser


def build_parser(*, strict: bool = True) -> argparse.ArgumentParser:
    """Every command and its arguments; `strict=False` requires nothing, to find the unknown."""
    required = {"required": strict}
    one = None if strict else "?"
    parser = _app_options(
        _Parser(
            prog="alshome",
            allow_abbrev=False,
            description="Guided home exercise sessions. With no command, opens the app.",
            epilog="Qt's own options, such as -style NAME or -reverse, go to the app's window.",
        )
    )
    parser.add_argument("--version", action="version", version=f"alshome {__version__}")
    commands = parser.add_subparsers(dest="command", metavar=COMMAND)
    export = commands.add_parser("export", help="write the whole history to a file")
    export.add_argument(
        "--format",
        choices=("json", "csv", "fhir"),
        help="JSON for restoring, CSV for a sheet, FHIR for a clinic's record system",
        **required,
    )
    export.add_argument("--output", metavar="FILE", type=Path, help="file to write", **required)
    export.add_argument(
        "--patient-id", metavar="ID", help="for FHIR: the clinic's identifier of the person"
    )
    restore = commands.add_parser("import", help="restore a JSON export into an empty history")
    restore.add_argument("file", metavar="FILE", type=Path, nargs=one)
    library = commands.add_parser("library", help="list the exercises a program can use")
    library.add_argument("--json", action="store_true", help="the whole library as JSON")
    program = commands.add_parser("program", help="export or import the therapist's program")
    program_actions = program.add_subparsers(dest="action", metavar=ACTION, **required)
    program_export = program_actions.add_parser(
        "export", help="write the active program (a .alshome bundle if it has media)"
    )
    program_export.add_argument(
        "--output", metavar="FILE", type=Path, help="file to write", **required
    )
    program_import = program_actions.add_parser(
        "import", help="check a program file or bundle, then make it the active program"
    )
    program_import.add_argument("file", metavar="FILE", type=Path, nargs=one)
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
    from alshome.cli.clinic import add_clinic_commands  # not on the window's quick path

    add_clinic_commands(commands, strict=strict)
    from alshome.cli.share import add_share_commands

    add_share_commands(commands, strict=strict)
    return parser


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a day written YYYY-MM-DD, such as 2026-03-02"
        ) from None
