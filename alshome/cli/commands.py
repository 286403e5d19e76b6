"""What runs a command: the function of each, and its outcome printed.

Each command returns what it prints; any problem a user can fix ends it with one plain
sentence on stderr, status 2, and nothing written.
"""

from __future__ import annotations

import os
import sys
from argparse import Namespace
from collections.abc import Callable

from alshome.cli import backups, clinic, encryption, history, library, program, report, share
from alshome.operations.failures import said_on_stderr
from alshome.platform.paths import Locations

COMMANDS: dict[str, Callable[[Locations, Namespace], str]] = {
    "export": history.export_history,
    "import": history.import_history,
    "library": library.list_library,
    "program": program.program_command,
    "report": report.write_report,
    "backup": backups.back_up,
    "restore": backups.restore_backup,
    "encrypt": encryption.encrypt_history,
    "decrypt": encryption.decrypt_history,
    "clinic": clinic.clinic_command,
    "share": share.share_command,
}


def run_command(locations: Locations, options: Namespace) -> int:
    try:
        output = COMMANDS[options.command](locations, options)
    except Exception as error:
        return said_on_stderr(error)
    try:
        print(output, flush=True)
    except BrokenPipeError:
        # The reader stopped early (`alshome library | head`): nothing went wrong here.
        # Point stdout at nothing, so Python's own flush at exit does not complain.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
