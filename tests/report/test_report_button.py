"""The history screen on a stored history, on SQLite and on PostgreSQL, and its "Clinic report"
button: asks where, writes the range shown (with the report writer the app hands it), says
where."""

from __future__ import annotations

import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from alshome.domain.trends import Span
from alshome.platform.paths import resolve_locations
from alshome.report.pdf import save_report_pdf
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from alshome.ui.screens.history import HistoryScreen
from tests.report.conftest import at

pytestmark = pytest.mark.databases("sqlite", "postgresql")


@pytest.fixture
def screen(qtbot, report_history, request):
    engine = open_database(resolve_locations(str(report_history)).database_url)
    request.addfinalizer(engine.dispose)
    repository = Repository(engine)
    screen = HistoryScreen(
        lambda: repository, lambda: None, lambda path, figures: save_report_pdf(path, figures, "a4")
    )
    qtbot.addWidget(screen)
    screen.show_history(repository.session_summaries(), at(date(2026, 1, 25)), 2)
    return screen


def answer_dialog(monkeypatch, path: Path | None) -> list[str]:
    """The save dialog answers `path` (None: cancelled); the suggested file is returned."""
    suggested = []

    def ask(parent, caption, directory, filters, options):
        suggested.append(directory)
        return ("" if path is None else str(path)), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return suggested


def test_the_report_of_the_range_shown_is_saved_where_asked(screen, monkeypatch, tmp_path):
    output = tmp_path / "for-the-clinic.pdf"
    suggested = answer_dialog(monkeypatch, output)
    screen.pick_span(Span.FOUR_WEEKS)
    screen.report.click()
    first = date(2026, 1, 25) - timedelta(days=27)
    assert suggested == [str(Path.home() / f"alshome-report-{first}-2026-01-25.pdf")]
    assert output.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert screen.overview.text() == f"The clinic report is saved in {output}."


def test_all_starts_at_the_first_session_and_a_cancel_writes_nothing(
    screen, monkeypatch, tmp_path
):
    suggested = answer_dialog(monkeypatch, None)
    screen.pick_span(Span.ALL)
    before = screen.overview.text()
    screen.report.click()
    assert suggested == [str(Path.home() / "alshome-report-2025-12-29-2026-01-25.pdf")]
    assert screen.overview.text() == before
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_folder_that_cannot_be_written_is_said_in_one_sentence(screen, monkeypatch, tmp_path):
    answer_dialog(monkeypatch, tmp_path / "missing" / "report.pdf")
    screen.report.click()
    assert screen.overview.text().endswith("cannot be written: No such file or directory.")
    assert screen.report.accessibleName() == "Clinic report"


def test_the_history_shows_every_session_and_its_charts(screen):
    screen.pick_span(Span.ALL)
    assert screen.overview.text().startswith("5 sessions · ")
    assert screen.overview.text().endswith(" · 2 stopped early")
    assert len(screen.charts) == 4
    assert "total" in screen.charts[3].value.text()  # the ALSFRS-R ratings of the range


def test_without_a_report_writer_there_is_no_report_button(qtbot, report_history):
    engine = open_database(resolve_locations(str(report_history)).database_url)
    try:
        screen = HistoryScreen(lambda: Repository(engine), lambda: None)
        qtbot.addWidget(screen)
        screen.show()
        assert not screen.report.isVisible()
        assert screen.back.isVisible()
    finally:
        engine.dispose()
