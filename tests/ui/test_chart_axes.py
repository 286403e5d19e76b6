"""The history's charts read whole at every supported screen and text size: counts marked
in whole numbers only, every label drawn whole, and each plot with its dates inside the
area that scrolls the charts, once that chart is brought into view.

The axes' labels are read from pyqtgraph's own drawing instructions (`generateDrawSpecs`),
so the test sees the labels a person sees, not the ticks asked for.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from alshome.domain.clock import ManualClock
from alshome.domain.trends import Span
from alshome.operations.startup import load_active_program
from alshome.platform.paths import resolve_locations
from alshome.storage.db import open_database
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository
from alshome.ui.charts import AdherenceChart, CountAxis, TrendChart
from alshome.ui.main_window import MainWindow
from alshome.ui.pages import Page
from alshome.ui.session_controller import SessionController
from alshome.ui.theme import style_for, style_sheet
from alshome.ui.window_services import WindowServices
from tests.benchmarks.synthetic_history import write_history
from tests.ui.test_fit import FRAMED, WINDOWS
from tests.ui.tour import settle

# The supported windows and their text sizes (tests/ui/test_fit.py), and a large screen.
SIZES = [
    *sorted({(width, height, scale) for width, height, _theme, scale in WINDOWS}),
    (1920, 1080 - FRAMED, 100),
    (1920, 1080 - FRAMED, 200),
]


def labels(axis) -> list[tuple[QRectF, str]]:
    """The labels pyqtgraph draws on `axis`, with where it draws each."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [] if specs is None else [(rect, text) for rect, _flags, text in specs[2]]


@pytest.fixture(scope="module")
def history_window(tmp_path_factory, qapp):
    """The real window on two years of synthetic history, its history screen open."""
    folder = tmp_path_factory.mktemp("history")
    written = write_history(folder, years=2)
    engine = open_database(resolve_locations(str(folder)).database_url)
    repository = Repository(engine)
    program_id, program = load_active_program(repository)
    clock = ManualClock(written.last + timedelta(days=1))
    controller = SessionController(clock, lambda: SessionRecorder(repository, program_id))
    services = WindowServices(records=lambda: repository)
    window = MainWindow(program, controller, repository, clock, services=services)
    window.show()
    window.home.history.click()
    window.activateWindow()
    settle()
    yield window
    window.close()
    window.deleteLater()
    engine.dispose()
    QApplication.instance().setStyleSheet(style_sheet())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}-{s[2]}")
@pytest.mark.parametrize("span", [Span.FOUR_WEEKS, Span.YEAR, Span.ALL])
def test_each_chart_shows_whole_numbers_and_its_dates_inside_the_screen(history_window, size, span):
    window = history_window
    width, height, text_size = size
    window.setStyleSheet(style_for("light", text_size))
    window.resize(width, height)
    screen = window.screens[Page.HISTORY]
    screen.pick_span(span)
    screen.open_charts()
    settle()
    viewport = screen.charts_area.viewport()
    assert len(screen.charts) == 4
    for chart in screen.charts:
        name = type(chart).__name__
        if not chart.plot.isVisibleTo(screen):
            continue  # no point in range: the chart says what will show there
        chart.plot.setFocus()
        settle()
        assert chart.plot.hasFocus(), name
        top = chart.plot.mapTo(viewport, chart.plot.rect().topLeft())
        bottom = chart.plot.mapTo(viewport, chart.plot.rect().bottomRight())
        assert top.y() >= 0 and bottom.y() < viewport.height(), (name, top, bottom)
        assert bottom.x() < viewport.width(), name
        dates = [text for _rect, text in labels(chart.plot.getAxis("bottom"))]
        assert len(dates) >= 2, (name, dates)
        assert not any(len(text) <= 2 for text in dates), ("a day names its month", dates)
        for side in ("left", "right"):
            axis = chart.plot.getAxis(side)
            if not axis.isVisible():
                continue
            drawn = labels(axis)
            assert len(drawn) >= 2, (name, side, drawn)
            assert all(text.lstrip("-").isdigit() for _rect, text in drawn), (name, drawn)
            bounds = axis.boundingRect()
            for rect, text in drawn:
                assert bounds.contains(rect), (name, side, text, rect, bounds)
        check_top_label(chart)


def check_top_label(chart: TrendChart) -> None:
    """The highest whole number the data reaches (or the scale's top) is labelled."""
    axis = chart.plot.getAxis("left")
    values = [int(text) for _rect, text in labels(axis)]
    _low, high = chart.y_span
    top = axis.highest if axis.highest is not None else high
    step = values[1] - values[0]
    assert max(values) > top - step, (type(chart).__name__, values, chart.y_span)


def test_a_count_axis_never_marks_a_half(qtbot):
    """Between 0 and 3.7 on a tall plot pyqtgraph's own axis adds 0.5, 1.5, 2.5, 3.5."""
    axis = CountAxis("left")
    [(step, values)] = axis.tickValues(-0.3, 3.7, 600)
    assert step == 1 and values == [0, 1, 2, 3]
    [(step, values)] = axis.tickValues(-0.6, 3.7, 100)
    assert step == 2 and values == [0, 2], "ticks never crowd the large labels"
    [(step, values)] = axis.tickValues(0, 4, 600)
    assert values == [1, 2, 3], "a tick whose label would reach past the plot is left out"
    ten = CountAxis("left", 0, 10, (1, 2, 5, 10))
    assert ten.tickValues(-0.8, 10.8, 600)[0][1] == list(range(11)), "not -1 or 11"
    parts = CountAxis("right", 0, 12, (3, 6, 12), per_value=4)
    [(step, values)] = parts.tickValues(-2, 50, 400)
    assert parts.tickStrings(values, 1, step) == ["0", "3", "6", "9", "12"]


def test_a_short_screen_keeps_the_plot_and_hides_a_side_label_that_would_be_cut(qtbot):
    chart = AdherenceChart()
    qtbot.addWidget(chart)
    chart.resize(900, 600)
    chart.show()
    chart.fit_height(1000)
    assert chart.plot.height() == 240 and chart.plot.getAxis("left").label.isVisible()
    chart.fit_height(100)
    assert chart.plot.height() >= 160, "the floor: the dates and a few numbers"
    chart.plot.getAxis("left").setLabel("Sessions done each week, all of them")
    chart.fit_height(100)
    assert not chart.plot.getAxis("left").label.isVisible()
