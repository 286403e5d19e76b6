"""The trend charts with no point, one point and 50,000: no error, the same items reused,
symbols only while readable, and every value reachable by keyboard. The ALSFRS-R chart
with no rating, one and many; adherence bars that stay apart from the target over years."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt

from alshome.domain.alsfrs import Domain, EnteredBy, Entry
from alshome.domain.program import ExerciseKind
from alshome.domain.session import SessionStatus
from alshome.domain.trends import ExerciseWork, SessionSummary, trends
from alshome.ui.charts import (
    PART_SCALE,
    SYMBOL_LIMIT,
    THIN_OUTLINE_WEEKS,
    AdherenceChart,
    AlsfrsChart,
    FatigueChart,
    WorkChart,
)

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


def ratings(count: int) -> list[Entry]:
    """`count` monthly ratings, each a point lower than the one before, walking first."""
    entries = []
    values = [4] * 12
    for n in range(count):
        if n:
            values[(6 + n) % 12] = max(0, values[(6 + n) % 12] - 1)
        who = EnteredBy.CAREGIVER if n % 2 else EnteredBy.PATIENT
        entries.append(Entry(START + timedelta(days=30 * n), tuple(values), who))
    return entries


@pytest.fixture
def alsfrs_chart(qtbot):
    chart = AlsfrsChart()
    qtbot.addWidget(chart)
    chart.resize(1000, 500)
    chart.show()
    return chart


def test_the_alsfrs_chart_without_ratings_says_where_to_rate(alsfrs_chart):
    alsfrs_chart.update_trends(trends(sessions(5), 2))  # sessions alone draw no rating
    assert not alsfrs_chart.plot.isVisible()
    assert alsfrs_chart.empty.isVisible()
    assert alsfrs_chart.empty.text() == (
        "Your ALSFRS-R ratings will show here, once you rate how you are doing (Settings)."
    )


def test_one_rating_shows_its_total_and_parts_on_their_scales(alsfrs_chart):
    entry = ratings(1)[0]
    alsfrs_chart.update_trends(trends([], 2, alsfrs=[entry]))
    assert alsfrs_chart.plot.isVisible()
    assert list(alsfrs_chart.total.yData) == [48]
    assert list(alsfrs_chart.parts[Domain.BULBAR].yData) == [12 * PART_SCALE]
    assert alsfrs_chart.value.text() == (
        "4 Jan 2016: total 48 of 48, rated by you; Speech and swallowing 12, Hands 12, "
        "Walking and turning 12, Breathing 12"
    )
    assert "right scale, 0-12" in alsfrs_chart.legend.text()


def test_many_ratings_reuse_the_items_and_are_said_on_focus(qtbot, alsfrs_chart):
    alsfrs_chart.update_trends(trends([], 2, alsfrs=ratings(2)))
    items = list(alsfrs_chart.plot.getPlotItem().items)
    lines = (alsfrs_chart.total, *alsfrs_chart.parts.values())
    alsfrs_chart.update_trends(trends([], 2, alsfrs=ratings(40)))
    assert alsfrs_chart.plot.getPlotItem().items == items
    assert (alsfrs_chart.total, *alsfrs_chart.parts.values()) == lines
    assert len(alsfrs_chart.total.xData) == 40
    alsfrs_chart.activateWindow()
    alsfrs_chart.plot.setFocus()
    qtbot.waitUntil(alsfrs_chart.plot.hasFocus)
    assert alsfrs_chart.index == 39
    qtbot.keyClick(alsfrs_chart.plot, Qt.Key.Key_Home)
    assert alsfrs_chart.value.text().startswith("4 Jan 2016: total 48 of 48")
    qtbot.keyClick(alsfrs_chart.plot, Qt.Key.Key_Right)
    assert alsfrs_chart.value.text() == (
        "3 Feb 2016: total 47 of 48, rated by a caregiver; Speech and swallowing 12, "
        "Hands 12, Walking and turning 11, Breathing 12"
    )
    assert alsfrs_chart.marker.data["y"][0] == 47


def test_only_the_ratings_of_the_range_are_drawn(alsfrs_chart):
    entries = ratings(12)  # 4 Jan 2016 and every 30 days after
    shown = trends([], 2, date(2016, 3, 1), date(2016, 6, 30), entries)
    assert [entry.day for entry in shown.alsfrs] == [
        date(2016, 3, 4),
        date(2016, 4, 3),
        date(2016, 5, 3),
        date(2016, 6, 2),
    ]
    alsfrs_chart.update_trends(shown)
    assert len(alsfrs_chart.total.xData) == 4


def test_adherence_bars_over_ten_years_lose_their_outline(charts):
    adherence = charts[2]
    adherence.update_trends(trends(sessions(30), 2))
    assert adherence.bars.opts["pen"].style() is Qt.PenStyle.SolidLine
    assert adherence.bars.opts["pen"].widthF() == 2
    adherence.update_trends(trends(sessions(30 * THIN_OUTLINE_WEEKS), 2))
    assert len(adherence.weeks) > THIN_OUTLINE_WEEKS
    assert adherence.bars.opts["pen"].style() is Qt.PenStyle.NoPen
    assert adherence.target.opts["pen"].style() is Qt.PenStyle.DashLine  # told apart by shape
