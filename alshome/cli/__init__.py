"""The `alshome` command: opens the app, or exports, imports and backs up history, no window.

Only `alshome` alone, or with the app's own options (--data-dir, --database-url,
--self-test, and Qt's such as -style NAME), opens the window; an unknown command or option
is refused with the usage and status 2. `parser` says what is accepted, `commands` runs a
command, and each group of commands has its module (`history`, `program`, `library`,
`report`, `backups`, `encryption`), which turns the parsed options into a call of
`alshome.operations` (for an import, the file checked and then used) and its result
into what is printed; `passphrase` asks for an encrypted history's passphrase.

Nothing here imports Qt; the GUI is imported only when no command is given, the commands'
modules only when one is, and storage only when a command needs it, so each path loads what
it uses. Any problem a user can fix ends the command with one plain sentence on stderr,
status 2, and nothing written: an import is validated whole before the data folder is even
created.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from alshome.cli.parser import UsageError, parse
from alshome.operations.failures import BAD_INPUT
from alshome.platform.paths import resolve_locations


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        options, qt_arguments = parse(arguments)
    except UsageError as error:
        print(error, file=sys.stderr)
        return BAD_INPUT
    if options.self_test:
        from alshome.self_test import run_self_test

        return run_self_test()
    locations = resolve_locations(options.data_dir, options.database_url)
    if options.command is None:
        from alshome.app import run_gui

        return run_gui(locations, qt_arguments)
    from alshome.cli.commands import run_command

    return run_command(locations, options)
