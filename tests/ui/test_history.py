"""The history screen in the real window, on a synthetic half year of sessions."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from alshome.domain.clock import ManualClock
from alshome.domain.trends import Span
from alshome.operations.startup import load_active_program
from alshome.platform.paths import resolve_locations
from alshome.storage.db import open_database
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository
from alshome.ui.main_window import MainWindow
from alshome.ui.pages import Page
from alshome.ui.session_controller import SessionController
from alshome.ui.theme import style_sheet
from alshome.ui.window_services import WindowServices
from tests.benchmarks.synthetic_history import write_history


@pytest.fixture
def history(qtbot, tmp_path, request):
    app = QApplication.instance()
    if app.styleSheet() != style_sheet():
        app.setStyleSheet(style_sheet())
    written = write_history(tmp_path, years=0.5)
    engine = open_database(resolve_locations(str(tmp_path)).database_url)
    request.addfinalizer(engine.dispose)
    repository = Repository(engine)
    program_id, program = load_active_program(repository)
    clock = ManualClock(written.last + timedelta(days=1))
    controller = SessionController(clock, lambda: SessionRecorder(repository, program_id))
    window = MainWindow(
        program, controller, repository, clock, services=WindowServices(records=lambda: repository)
    )
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.home.history.click()
    screen = window.screens[Page.HISTORY]
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return window, screen, repository


def press(qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def test_home_opens_the_charts_of_the_last_three_months(history):
    window, screen, _repository = history
    assert window.current is screen
    assert screen.pages.currentWidget() is screen.charts_page
    assert screen.span is Span.THREE_MONTHS
    assert len(screen.charts) == 4
    assert "total" in screen.charts[3].value.text()  # the ALSFRS-R ratings of the range
    assert QApplication.focusWidget() is screen.charts[0].plot
    assert screen.charts[0].value.text().startswith("Week of ")
    assert "sessions · target met in" in screen.overview.text()


def test_sessions_are_listed_newest_first(history):
    _window, screen, repository = history
    screen.show_list.click()
    rows = screen.sessions_model
    first = rows.data(rows.index(0, 0))
    second = rows.data(rows.index(1, 0))
    newest, before = repository.session_summaries()[-1], repository.session_summaries()[-2]
    assert f"version {newest.program_version}" in first
    assert screen.trends.newest_first[0] == newest
    assert screen.trends.newest_first[1] == before
    assert first != second
    assert "of" in first.splitlines()[1] and "sets" in first.splitlines()[1]


def test_enter_opens_a_session_and_back_returns(history, qtbot):
    window, screen, repository = history
    screen.show_list.click()
    screen.sessions.setFocus()
    qtbot.waitUntil(screen.sessions.hasFocus)
    press(qtbot, Qt.Key.Key_Down)
    assert screen.sessions.currentIndex().row() == 1
    press(qtbot, Qt.Key.Key_Return)
    assert screen.pages.currentWidget() is screen.detail_page
    session = screen.trends.newest_first[1]
    assert screen.sets_model.rowCount() == len(repository.session_sets(session.uuid))
    first_set = screen.sets_model.data(screen.sets_model.index(0, 0))
    assert "Planned:" in first_set
    assert screen.detail_heading.text().startswith(session_day(session))
    screen.back.click()
    assert screen.pages.currentWidget() is screen.list_page
    assert screen.sessions.currentIndex().row() == 1
    screen.back.click()
    assert window.current is window.home


def session_day(session) -> str:
    return f"{session.started_at:%A} {session.started_at.day} "


def test_range_toggles_narrow_the_sessions_and_the_charts(history):
    _window, screen, repository = history
    every = len(repository.session_summaries())
    shown = {}
    for span in (Span.FOUR_WEEKS, Span.YEAR, Span.ALL):
        screen.spans[span].click()
        assert screen.spans[span].text().startswith("✓")
        shown[span] = screen.sessions_model.rowCount()
    assert 0 < shown[Span.FOUR_WEEKS] < shown[Span.YEAR] == shown[Span.ALL] == every
    screen.spans[Span.FOUR_WEEKS].click()
    fatigue = screen.charts[1]
    assert len(fatigue.x) == shown[Span.FOUR_WEEKS]
    assert len(screen.charts[0].weeks) in (4, 5)


def test_an_empty_history_says_what_will_appear(qtbot, tmp_path):
    engine = open_database(resolve_locations(str(tmp_path)).database_url)
    try:
        repository = Repository(engine)
        program_id, program = load_active_program(repository)
        clock = ManualClock()
        controller = SessionController(clock, lambda: SessionRecorder(repository, program_id))
        window = MainWindow(
            program,
            controller,
            repository,
            clock,
            services=WindowServices(records=lambda: repository),
        )
        qtbot.addWidget(window)
        window.show()
        window.open_history()
        screen = window.screens[Page.HISTORY]
        assert screen.charts[1].empty.isVisibleTo(screen)
        assert screen.overview.text() == "No sessions in this time."
        screen.show_list.click()
        assert screen.no_sessions.isVisibleTo(screen)
        assert not screen.sessions.isVisibleTo(screen)
    finally:
        engine.dispose()


def test_start_up_does_not_load_the_charts():
    """pyqtgraph and numpy cost more than the home window: they wait for the history."""
    code = (
        "import sys, alshome.cli, alshome.app, alshome.ui.main_window\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} & {'pyqtgraph', 'numpy'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
