"""The trend charts with no point, one point and 50,000: no error, the same items reused,
symbols only while readable, and every value reachable by keyboard."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt

from alshome.domain.program import ExerciseKind
from alshome.domain.session import SessionStatus
from alshome.trends import ExerciseWork, SessionSummary, trends
from alshome.ui.charts import SYMBOL_LIMIT, AdherenceChart, FatigueChart, WorkChart

START = datetime(2016, 1, 4, 10, tzinfo=timezone(timedelta(hours=1)))


def sessions(count: int) -> list[SessionSummary]:
    """`count` sessions eight hours apart, every tenth stopped early, with some work."""
    work = (
        ExerciseWork("leg_cycle", "Leg pedalling", ExerciseKind.ENDURANCE, seconds=600.0),
        ExerciseWork("knee", "Knee straightening", ExerciseKind.RESISTANCE, 0, 16, 1.0, "kg"),
    )
    return [
        SessionSummary(
            uuid=str(n),
            started_at=START + timedelta(hours=8 * n),
            ended_at=START + timedelta(hours=8 * n, minutes=30),
            status=SessionStatus.STOPPED_TIRED if n % 10 == 9 else SessionStatus.COMPLETED,
            program_name="Home program",
            program_version=1,
            sets_planned=10,
            sets_done=10,
            highest_fatigue=n % 11,
            mean_fatigue=(n % 11) / 2,
            symptoms=(),
            work=work,
        )
        for n in range(count)
    ]


@pytest.fixture
def charts(qtbot):
    made = [FatigueChart(), WorkChart(), AdherenceChart()]
    for chart in made:
        qtbot.addWidget(chart)
        chart.resize(1000, 500)
        chart.show()
    return made


def test_no_points_shows_what_will_appear(charts):
    figures = trends([], 2)
    for chart in charts:
        chart.update_trends(figures)
        assert not chart.plot.isVisible()
        assert chart.empty.isVisible()
        assert chart.value.text() == ""
    assert charts[0].empty.text() == "Your fatigue after each session will show here."


def test_one_point_is_drawn_and_said(charts):
    figures = trends(sessions(1), 2)
    fatigue, work, adherence = charts
    for chart in charts:
        chart.update_trends(figures)
        assert chart.plot.isVisible()
        assert not chart.empty.isVisible()
    assert len(fatigue.highest.xData) == 1
    assert "highest 0, average 0.0" in fatigue.value.text()
    assert "Knee straightening 16 repetitions with 1 kg" in work.value.text()
    assert "1 of 2 sessions" in adherence.value.text()


def test_fifty_thousand_points_reuse_the_same_items(charts):
    fatigue, work, adherence = charts
    for chart in charts:
        chart.update_trends(trends(sessions(3), 2))
    before = (fatigue.highest, fatigue.mean, fatigue.stops, work.endurance, adherence.bars)
    items = {chart: list(chart.plot.getPlotItem().items) for chart in charts}
    many = trends(sessions(50_000), 2)
    for chart in charts:
        chart.update_trends(many)
    assert (fatigue.highest, fatigue.mean, fatigue.stops, work.endurance, adherence.bars) == before
    for chart in charts:
        assert chart.plot.getPlotItem().items == items[chart]
    assert len(fatigue.highest.xData) == 50_000
    assert len(fatigue.stops.data) == 5_000
    assert fatigue.highest.opts["symbol"] is None  # a line alone, past SYMBOL_LIMIT
    assert list(work.exercises) == ["knee"]
    few = trends(sessions(SYMBOL_LIMIT), 2)
    fatigue.update_trends(few)
    assert fatigue.highest.opts["symbol"] == "o"


def test_arrow_keys_move_along_the_points_and_say_each(qtbot):
    fatigue = FatigueChart()
    qtbot.addWidget(fatigue)
    fatigue.show()
    fatigue.update_trends(trends(sessions(10), 2))
    fatigue.activateWindow()
    fatigue.plot.setFocus()
    qtbot.waitUntil(fatigue.plot.hasFocus)
    assert fatigue.index == 9  # the newest first
    newest = fatigue.value.text()
    assert "highest 9, average 4.5; stopped when tired" in newest
    qtbot.keyClick(fatigue.plot, Qt.Key.Key_Left)
    assert fatigue.index == 8
    assert "highest 8, average 4.0" in fatigue.value.text()
    qtbot.keyClick(fatigue.plot, Qt.Key.Key_Home)
    assert fatigue.index == 0
    qtbot.keyClick(fatigue.plot, Qt.Key.Key_Left)
    assert fatigue.index == 0
    qtbot.keyClick(fatigue.plot, Qt.Key.Key_End)
    assert fatigue.value.text() == newest
    assert fatigue.plot.accessibleDescription() == newest
