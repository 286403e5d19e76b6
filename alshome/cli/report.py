"""`alshome report`: the clinic report of a range of days, as a PDF or as JSON."""

from __future__ import annotations

from argparse import Namespace
from datetime import datetime

from alshome.cli.history_file import saved_history
from alshome.platform.paths import Locations


def write_report(locations: Locations, options: Namespace) -> str:
    """The clinic report of --from to --to: a PDF file, or its figures as JSON.

    Everything is checked and computed before anything is written, so a bad range or a
    missing history leaves no file behind.
    """
    import json

    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
    from alshome.platform.files import write_private_file
    from alshome.programs.defaults import DEFAULTS
    from alshome.report.figures import default_range, report_figures

    today = datetime.now().astimezone().date()
    last = options.last or today
    first = options.first or default_range(last)[0]
    if first > last:
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors", "--from {first} is after --to {last}; nothing was written."
            ),
            first=first,
            last=last,
        )
    if options.format == "pdf" and options.output is None:
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors", "A PDF report needs --output FILE.pdf; nothing was written."
            )
        )
    with saved_history(locations) as repository:
        active = repository.active_program()
        target = DEFAULTS["program"]["weekly_target"]
        if active is not None:
            target = active.document.get("weekly_target", target)
        figures = report_figures(repository, first, last, today, target)
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
