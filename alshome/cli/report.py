"""`alshome report`: the clinic report of a range of days, as a PDF or as JSON."""

from __future__ import annotations

from argparse import Namespace

from alshome.cli.passphrase import asked_passphrase
from alshome.domain.clock import SystemClock
from alshome.platform.paths import Locations


def write_report(locations: Locations, options: Namespace) -> str:
    """The clinic report of --from to --to: a PDF file, or its figures as JSON.

    Everything is checked and computed before anything is written, so a bad range or a
    missing history leaves no file behind.
    """
    import json

    from alshome.operations.reports import clinic_report, report_range
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
    from alshome.platform.files import write_private_file

    today = SystemClock().wall().date()
    first, last = report_range(options.first, options.last, today)
    if options.format == "pdf" and options.output is None:
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors", "A PDF report needs --output FILE.pdf; nothing was written."
            )
        )
    given = asked_passphrase(locations)
    figures = clinic_report(locations.database_url, given, first, last, today)
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
