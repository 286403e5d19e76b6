"""A patient's clinic report as a PDF, drawn by the app's own report code in a child process.

The report is the app's (`alshome.operations.reports`, drawn by `alshome.report.pdf`), so
the app, the command line and the dashboard give a therapist the same pages. Its PDF is
drawn with Qt, which the clinic server never imports (an import-linter contract keeps the
server Qt-free, and a web server's threads are no place for a QApplication). So the
server gives the patient's history, in the app's own export format (`records.
patient_export`, without the sets the report does not read), to `python -m
alshome.report.from_export` on its stdin, and reads the PDF from its stdout: no shell,
the offscreen platform, a time limit. The history is held in the child's memory only; no
file of it is written.

A report takes a few seconds of a core, so no more than `AT_ONCE` are drawn at a time by a
server process (each worker of `serve --workers N` counts its own); a request that cannot
start one within `WAIT_SECONDS`, a child that fails or one that takes longer than
`TIMEOUT_SECONDS` is a `ReportFailed`, one sentence for the therapist. The child's own
message stays out of the log, since it may quote the history.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import alshome
from alshome.domain.attention import AttentionThresholds

REPORT_MODULE = "alshome.report.from_export"
TIMEOUT_SECONDS = 120.0
AT_ONCE = 2
WAIT_SECONDS = 30.0
PDF_MAGIC = b"%PDF-"

# `-m` looks in the working folder first: the child runs the alshome the server runs.
PACKAGE_FOLDER = Path(alshome.__file__).parent.parent
SERVER_ONLY = "ALSHOME_CLINIC_"  # the database's address and a password: not the child's

log = logging.getLogger(__name__)
_drawing = threading.BoundedSemaphore(AT_ONCE)


class ReportFailed(Exception):
    """No report could be made; the message is one sentence for the therapist."""


def report_pdf(
    export_text: str,
    first: date,
    last: date,
    made_on: date,
    weekly_target: int,
    program_given: date | None = None,
    thresholds: AttentionThresholds | None = None,
) -> bytes:
    """The PDF of the report of `first` to `last`, made on `made_on`, of the history in
    `export_text` (the app's JSON export), with `weekly_target` for the weeks before any
    session names one, the day the active program was `program_given` and the clinic's
    `thresholds`: all as the dashboard counts them, so the report flags what the
    patient's page flags. Blocks for seconds: call it off the event loop."""
    command = [
        sys.executable,
        "-m",
        REPORT_MODULE,
        f"--from={first.isoformat()}",
        f"--to={last.isoformat()}",
        f"--made-on={made_on.isoformat()}",
        f"--weekly-target={weekly_target}",
    ]
    if program_given is not None:
        command.append(f"--program-given={program_given.isoformat()}")
    if thresholds is not None:
        command.append(f"--thresholds={json.dumps(dataclasses.asdict(thresholds))}")
    if not _drawing.acquire(timeout=WAIT_SECONDS):
        raise ReportFailed("Too many reports are being made just now; try again in a minute.")
    try:
        done = subprocess.run(
            command,
            input=export_text.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            env=_environment(),
            cwd=PACKAGE_FOLDER,
            check=False,
        )
    except subprocess.TimeoutExpired:
        log.warning("A clinic report took over %s seconds; it was stopped.", TIMEOUT_SECONDS)
        raise ReportFailed("The report took too long to make; try a shorter period.") from None
    except OSError as error:
        log.error("The clinic report could not be started: %s", error.strerror)
        raise ReportFailed("The report could not be made on this server.") from None
    finally:
        _drawing.release()
    if done.returncode != 0 or not done.stdout.startswith(PDF_MAGIC):
        log.error("The clinic report failed with exit status %s.", done.returncode)
        raise ReportFailed("The report could not be made on this server.")
    return done.stdout


def _environment() -> dict[str, str]:
    """The server's environment without its secrets, on Qt's offscreen platform."""
    kept = {name: value for name, value in os.environ.items() if not name.startswith(SERVER_ONLY)}
    return {**kept, "QT_QPA_PLATFORM": "offscreen"}
