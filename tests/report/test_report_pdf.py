"""The PDF: produced on A4 and Letter, readable page by page, never cut, calm when empty.

poppler's tools read it back as a clinic's PDF viewer would: `pdfinfo` for the page
size, `pdftoppm` renders every page, `pdftotext` gives the words, `pdfimages` lists the
charts. CI installs them; a machine without them skips these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from alshome import __version__
from alshome.report.document import CHARTS
from alshome.report.pdf import chart_images, report_pdf
from tests.report.poppler import poppler, skip_without_poppler, written
from tests.report.test_report_figures import figures_of

pytestmark = pytest.mark.databases("sqlite", "postgresql")
skip_without_poppler()


@pytest.mark.parametrize(
    ("paper", "size"), [("a4", "595 x 842 pts (A4)"), ("letter", "612 x 792 pts (letter)")]
)
def test_the_report_is_a_readable_pdf_on_each_paper(qapp, report_history, tmp_path, paper, size):
    pdf = written(tmp_path, report_pdf(figures_of(report_history), paper), "report.pdf")
    info = poppler("pdfinfo", pdf)
    assert size in info
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    poppler("pdftoppm", "-r", "50", "-png", pdf, tmp_path / "page")
    rendered = sorted(tmp_path.glob("page-*.png"))
    assert len(rendered) == pages >= 2
    assert all(page.stat().st_size > 5_000 for page in rendered)  # drawn, not blank
    text = " ".join(poppler("pdftotext", pdf, "-").split())
    for words in (
        "Home exercise report",
        "Sam",
        "Example home program",
        "The target was met in 1 of 5 weeks.",
        "Stopped when tired: 1. Stopped for a symptom: 1.",
        "Cramp 1",
        "still sore rested that day",
        "ALSFRS-R self-rating",
        "Change over this period: -6.52 points a month (fast).",
        f"Made by alshome {__version__} on 1 Feb 2026. Not a medical device: for "
        "discussion with your therapist.",
        f"Page {pages} of {pages}",
    ):
        assert words in text


def test_an_empty_range_says_there_were_no_sessions(qapp, report_history, tmp_path):
    figures = figures_of(report_history, date(2025, 3, 3), date(2025, 3, 16))
    pdf = written(tmp_path, report_pdf(figures), "empty.pdf")
    text = " ".join(poppler("pdftotext", pdf, "-").split())
    assert "There were no sessions in this period." in text
    assert "No self-rating was made in this period." in text
    assert "Page 1 of 1" in text


def test_a_long_range_is_tabled_by_month(qapp, report_history, tmp_path):
    figures = figures_of(report_history, date(2024, 1, 1), date(2026, 1, 25))
    pdf = written(tmp_path, report_pdf(figures), "long.pdf")
    text = " ".join(poppler("pdftotext", pdf, "-").split())
    assert "Month (weeks by their Monday)" in text
    assert "December 2025 3 1 of 5" in text  # five weeks start in December, one met


def test_ratings_without_sessions_still_draw_the_alsfrs_chart(qapp, report_history, tmp_path):
    drawn = set(chart_images(figures_of(report_history)))
    assert drawn == {f"chart:{n}" for n in CHARTS if n != "work"}  # stretches: no work done
    figures = figures_of(report_history, date(2025, 5, 1), date(2025, 6, 30))  # June's rating
    images = chart_images(figures)
    assert list(images) == ["chart:alsfrs"]
    assert images["chart:alsfrs"].width() > 500
    pdf = written(tmp_path, report_pdf(figures), "rating.pdf")
    listed = poppler("pdfimages", "-list", pdf).splitlines()[2:]  # under the header lines
    assert len(listed) == 1
    text = " ".join(poppler("pdftotext", pdf, "-").split())
    assert "There were no sessions in this period." in text
    assert "1 Jun 2025 patient 44" in text
