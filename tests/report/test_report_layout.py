"""The report's charts on paper: axes of counts in whole numbers, the dates under each
chart, and each chart on the page of its heading.

Checked on a year and shorter ranges of a synthetic history (the benchmarks' own) and on
the hand-counted one, from the PDF's text positions (`pdftotext -bbox-layout`) and its
images (`pdfimages -list`).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from alshome.operations.reports import ReportFigures, report_figures
from alshome.platform.paths import resolve_locations
from alshome.report.pdf import chart_names, report_chart, report_pdf
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from tests.benchmarks.synthetic_history import write_history
from tests.report.poppler import images, lines, skip_without_poppler, written
from tests.report.test_report_figures import figures_of

skip_without_poppler()

HEADINGS = {  # each chart's heading, in the order the report draws them
    "adherence": "Sessions against the weekly target",
    "fatigue": "Tiredness (0 to 10, rated after each set)",
    "alsfrs": "ALSFRS-R self-rating",
    "work": "Each exercise",
}
RANGES = {"4 weeks": 27, "3 months": 90, "6 months": 182, "a year": 364}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[Path, date]:
    folder = tmp_path_factory.mktemp("synthetic") / "history"
    written_history = write_history(folder, years=1.2)
    return folder, written_history.last.date()


def synthetic_figures(folder: Path, last: date, days: int) -> ReportFigures:
    engine = open_database(resolve_locations(str(folder)).database_url)
    try:
        return report_figures(Repository(engine), last - timedelta(days), last, last, 2)
    finally:
        engine.dispose()


def assert_each_chart_on_its_headings_page(pdf: Path, figures: ReportFigures) -> None:
    shown = [name for name in HEADINGS if name in chart_names(figures)]
    drawn = images(pdf)
    assert len(drawn) == len(shown)
    text = lines(pdf)
    for name, image in zip(shown, drawn, strict=True):
        heading = next(line for line in text if line.text == HEADINGS[name])
        footer = next(
            line for line in text if line.page == image.page and line.text.startswith("Made by")
        )
        assert heading.page == image.page, name
        assert heading.bottom + image.height_pt < footer.top, name


@pytest.mark.parametrize("span", RANGES)
def test_each_chart_is_on_its_headings_page(qapp, synthetic, tmp_path, span):
    folder, last = synthetic
    figures = synthetic_figures(folder, last, RANGES[span])
    assert_each_chart_on_its_headings_page(written(tmp_path, report_pdf(figures), "r.pdf"), figures)


@pytest.mark.databases("sqlite")
def test_each_chart_of_the_counted_history_is_on_its_headings_page(
    qapp, report_history, tmp_path
):
    figures = figures_of(report_history)
    assert_each_chart_on_its_headings_page(written(tmp_path, report_pdf(figures), "r.pdf"), figures)


@pytest.mark.parametrize("span", ["4 weeks", "a year"])
def test_counts_are_whole_numbers_and_the_dates_are_under_each_chart(qapp, synthetic, span):
    folder, last = synthetic
    figures = synthetic_figures(folder, last, RANGES[span])
    for name in chart_names(figures):
        chart = report_chart(name, figures)
        chart.grab()
        sides = ("left", "right") if name == "alsfrs" else ("left",)
        for side in sides:
            axis = chart.plot.getAxis(side)
            levels = axis.tickValues(*axis.range, axis.height())
            values = [value for _spacing, level in levels for value in level]
            assert len(values) >= 2, (name, side)
            labels = axis.tickStrings(values, 1.0, levels[0][0])
            assert all(label.lstrip("-").isdigit() for label in labels), (name, labels)
            per_value = getattr(axis, "per_value", 1)
            assert all(value / per_value == round(value / per_value) for value in values)
        dates = chart.plot.getAxis("bottom")
        assert dates.isVisible()
        assert chart.plot.geometry().bottom() < chart.height(), name  # its dates not cut off
        chart.deleteLater()
