"""`python -m alshome.report.from_export`: the clinic report's PDF of a history export
read on stdin, written to stdout.

The clinic server makes a patient's report with exactly the app's report code, but it
never imports Qt (an import-linter contract), and the PDF is drawn with Qt's writer and
the history screen's chart widgets. So the server runs this module in a child process
(`alshome.clinic.reports`): it pipes in the app's export of its copy of the patient's
history, and reads the PDF back from the pipe. The history lives only in a SQLite
database in memory (`operations.reports.export_report`), so no health data is written to
any file. Not a command for people: `alshome report` makes the report of one's own history.

Exit status 0 with the PDF on stdout; otherwise the status and the one sentence of
`explain_failure` on stderr, and nothing on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date

SOURCE = "the history export"  # what the messages call the export read on stdin


def main(argv: Sequence[str] | None = None) -> int:
    from alshome.operations.failures import said_on_stderr

    parser = argparse.ArgumentParser(prog="python -m alshome.report.from_export")
    parser.add_argument("--from", dest="first", type=date.fromisoformat, required=True)
    parser.add_argument("--to", dest="last", type=date.fromisoformat, required=True)
    parser.add_argument("--made-on", type=date.fromisoformat, required=True)
    parser.add_argument("--weekly-target", type=int, required=True)
    parser.add_argument("--program-given", type=date.fromisoformat)
    parser.add_argument("--thresholds", type=json.loads, help="the clinic's, as JSON")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4")
    options = parser.parse_args(argv)
    try:
        pdf = _report(options)
    except Exception as error:
        return said_on_stderr(error)
    sys.stdout.buffer.write(pdf)
    sys.stdout.buffer.flush()
    return 0


def _report(options: argparse.Namespace) -> bytes:
    from alshome.domain.attention import AttentionThresholds
    from alshome.operations.exchange import MAX_IMPORT_BYTES, checked_export
    from alshome.operations.reports import export_report, report_range
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
    from alshome.programs.document import json_from_bytes
    from alshome.report.pdf import report_pdf

    first, last = report_range(options.first, options.last, options.made_on)
    data = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors", "{file} is too large ({size} bytes; the limit is {limit})."
            ),
            file=SOURCE,
            size=len(data),
            limit=MAX_IMPORT_BYTES,
        )
    history = checked_export(json_from_bytes(data, SOURCE), SOURCE)
    figures = export_report(
        history,
        first,
        last,
        options.made_on,
        options.weekly_target,
        thresholds=None
        if options.thresholds is None
        else AttentionThresholds(**options.thresholds),
        program_given=options.program_given,
    )
    return report_pdf(figures, options.paper)


if __name__ == "__main__":
    raise SystemExit(main())
