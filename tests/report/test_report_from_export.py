"""The report of a history given as an export (what the clinic server has of a patient) is
the report of the same history saved; `python -m alshome.report.from_export` draws it
from stdin to stdout, and refuses what is not an export with one sentence."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from alshome.domain.attention import Concern
from alshome.operations.exchange import export_json
from alshome.operations.reports import export_report
from alshome.platform.paths import resolve_locations
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from tests.report.conftest import FIRST, LAST
from tests.report.poppler import poppler, skip_without_poppler, written
from tests.report.test_report_figures import MADE_ON, figures_of

REPORT = [sys.executable, "-m", "alshome.report.from_export"]
DAYS = ["--from=2026-01-01", "--to=2026-01-31", "--made-on=2026-02-01"]
OFFSCREEN = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def exported(folder: Path) -> str:
    engine = open_database(resolve_locations(str(folder)).database_url)
    try:
        text, _count = export_json(Repository(engine), datetime(2026, 2, 1, 12, tzinfo=UTC))
    finally:
        engine.dispose()
    return text


@pytest.mark.databases("sqlite", "postgresql")
def test_the_report_of_an_export_is_the_report_of_the_saved_history(report_history):
    from alshome.operations.exchange import ExportDoc

    history = ExportDoc.model_validate_json(exported(report_history)).history()
    for first, last in [(FIRST, LAST), (date(2026, 1, 1), date(2026, 1, 10))]:
        given = export_report(history, first, last, MADE_ON, default_target=2)
        assert given.as_json() == figures_of(report_history, first, last).as_json()


def test_the_module_draws_the_pdf_from_stdin_to_stdout(report_history, tmp_path):
    skip_without_poppler()
    days = ["--from", FIRST.isoformat(), "--to", LAST.isoformat()]
    done = subprocess.run(
        [*REPORT, *days, "--made-on", MADE_ON.isoformat(), "--weekly-target", "2"],
        input=exported(report_history).encode(),
        capture_output=True,
        env=OFFSCREEN,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    text = " ".join(poppler("pdftotext", written(tmp_path, done.stdout, "r.pdf"), "-").split())
    assert "The target was met in 1 of 5 weeks." in text
    assert "Change over this period: -6.52 points a month (fast)." in text


@pytest.mark.parametrize(
    ("given", "sentence"),
    [
        (b"not json", "the history export is not valid JSON"),
        (b'{"format": "alshome-program"}', "the history export is not an alshome export."),
    ],
)
def test_the_module_refuses_what_is_not_an_export(given, sentence):
    done = subprocess.run(
        [*REPORT, *DAYS, "--weekly-target=2"],
        input=given,
        capture_output=True,
        env=OFFSCREEN,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == b""
    assert sentence in done.stderr.decode()
    assert "Traceback" not in done.stderr.decode()


def test_the_clinics_thresholds_decide_the_flags(report_history, monkeypatch):
    """A clinic that keeps a program 10 days before review sees that flag in the report."""
    import io
    import json

    from alshome.report import from_export, pdf

    drawn = []
    monkeypatch.setattr(pdf, "report_pdf", lambda figures, paper: drawn.append(figures) or b"%PDF")
    stdin = io.TextIOWrapper(io.BytesIO(exported(report_history).encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO()))
    days = ["--from", FIRST.isoformat(), "--to", LAST.isoformat(), "--made-on", MADE_ON.isoformat()]
    thresholds = json.dumps({"program_review_days": 10})
    for extra in ([], [f"--thresholds={thresholds}"]):
        stdin.buffer.seek(0)
        assert from_export.main([*days, "--weekly-target=2", *extra]) == 0
    default, clinics = ({flag.concern for flag in figures.attention} for figures in drawn)
    assert Concern.PROGRAM_REVIEW not in default
    assert Concern.PROGRAM_REVIEW in clinics
