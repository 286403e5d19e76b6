"""The report's figures against a stored history counted by hand (see conftest.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from alshome import __version__
from alshome.domain import alsfrs
from alshome.domain.alsfrs import DAYS_PER_MONTH, Domain
from alshome.domain.fatigue import Symptom
from alshome.domain.safety import CarryOver
from alshome.domain.session import SessionStatus
from alshome.domain.trends import SessionSummary
from alshome.operations.reports import (
    ReportFigures,
    default_range,
    fatigue_statistics,
    report_figures,
)
from alshome.platform.paths import resolve_locations
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from tests.report.conftest import FIRST, LAST

pytestmark = pytest.mark.databases("sqlite", "postgresql")

MADE_ON = date(2026, 2, 1)


def figures_of(folder: Path, first: date = FIRST, last: date = LAST) -> ReportFigures:
    engine = open_database(resolve_locations(str(folder)).database_url)
    try:
        return report_figures(Repository(engine), first, last, MADE_ON, default_target=2)
    finally:
        engine.dispose()


@pytest.fixture
def figures(report_history: Path) -> ReportFigures:
    return figures_of(report_history)


def test_the_week_across_new_year_is_one_week_and_every_week_is_listed(figures):
    weeks = [(week.monday, week.sessions, week.met) for week in figures.weeks]
    assert weeks == [
        (date(2025, 12, 22), 0, False),
        (date(2025, 12, 29), 3, True),
        (date(2026, 1, 5), 1, False),
        (date(2026, 1, 12), 0, False),
        (date(2026, 1, 19), 1, False),
    ]
    assert {week.target for week in figures.weeks} == {2}
    assert figures.weeks_met == 1
    assert [(m.month, m.sessions, m.weeks, m.weeks_met) for m in figures.months()] == [
        (date(2025, 12, 1), 3, 2, 1),
        (date(2026, 1, 1), 2, 3, 0),
    ]


def test_fatigue_statistics_are_over_each_sessions_highest_rating(figures):
    stats = figures.fatigue
    assert stats.rated_sessions == 4
    assert stats.mean_highest == pytest.approx((5 + 4 + 8 + 6) / 4)
    assert stats.median_highest == pytest.approx(5.5)
    assert stats.highest == 8
    assert stats.mean_average == pytest.approx((4 + 4 + 8 + 6) / 4)
    assert stats.trend is None  # eight days of ratings: too short for a rate a month


def test_the_fatigue_trend_is_points_a_month_once_ratings_span_four_weeks():
    def rated(day: date, highest: int) -> SessionSummary:
        started = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
        status = SessionStatus.COMPLETED
        return SessionSummary("u", started, None, status, "P", 1, 1, 1, highest, highest, ())

    rising = fatigue_statistics([rated(date(2026, 1, 1), 4), rated(date(2026, 3, 3), 6)])
    assert rising.trend_per_month == pytest.approx(2 / (61 / DAYS_PER_MONTH))
    assert rising.trend == "rising"
    steady = fatigue_statistics([rated(date(2026, 1, 1), 5), rated(date(2026, 3, 3), 5)])
    assert (steady.trend_per_month, steady.trend) == (0, "steady")


def test_stops_symptoms_and_carry_over_are_counted(figures):
    assert figures.early_stops() == {"tired": 1, "symptom": 1}
    assert figures.symptom_counts() == {
        Symptom.CRAMP: 1,
        Symptom.PAIN: 0,
        Symptom.SHORT_OF_BREATH: 0,
        Symptom.DIZZY: 0,
    }
    assert figures.status_counts()[SessionStatus.COMPLETED] == 3
    reports = [(r.day, r.answer, r.rested) for r in figures.carry_over]
    assert reports == [
        (date(2026, 1, 5), CarryOver.SORE, True),
        (date(2026, 1, 6), CarryOver.TIRED, False),
    ]


def test_programs_name_the_profile_and_version(figures):
    assert figures.patient_name == "Sam"
    assert figures.app_version == __version__
    (use,) = figures.programs
    assert (use.sessions, use.first_day, use.last_day) == (5, date(2025, 12, 29), date(2026, 1, 20))


def test_alsfrs_figures_are_those_of_the_rating_module(figures):
    entries = figures.ratings.entries
    assert [entry.total for entry in entries] == [40, 38, 36]  # June 2025 is out of range
    by_hand = (37 - 40) / (14 / DAYS_PER_MONTH)  # same-day entries count as their mean
    assert figures.ratings.slope_per_month == pytest.approx(by_hand)
    assert figures.ratings.slope_per_month == pytest.approx(alsfrs.slope(entries))
    assert figures.ratings.slope_progression is alsfrs.Progression.FAST
    assert figures.ratings.latest_dfs is None  # the latest entry gave no onset
    first = figures.as_json()["alsfrs_r"]["entries"][0]
    assert first["dfs"] == pytest.approx(8 / ((date(2026, 1, 1) - date(2024, 1, 1)).days / 30.4375))
    assert first["subscores"] == {d.name.lower(): entries[0].subscore(d) for d in Domain}
    assert sum(first["subscores"].values()) == 40


def test_json_has_iso_dates_and_the_same_numbers(figures):
    document = figures.as_json()
    assert (document["format"], document["version"]) == ("alshome-report", 2)
    assert document["period"] == {"from": "2025-12-28", "to": "2026-01-25"}
    assert document["made_on"] == "2026-02-01"
    assert [w["monday"] for w in document["adherence"]["weeks"]][1] == "2025-12-29"
    assert document["adherence"]["weeks_met"] == 1
    assert document["early_stops"] == {"tired": 1, "symptom": 1}
    assert document["symptoms"]["cramp"] == 1
    assert document["carry_over"]["counts"] == {"fine": 0, "tired": 1, "sore": 1}
    assert document["sessions"][2]["status"] == "stopped_tired"
    assert document["sessions"][0]["started_at"] == "2025-12-29T10:00:00+01:00"
    assert document["fatigue"]["median_highest"] == 5.5


def test_a_range_without_sessions_still_lists_its_weeks_at_zero(report_history):
    figures = figures_of(report_history, date(2025, 3, 3), date(2025, 3, 16))
    assert figures.trends.empty
    assert [week.sessions for week in figures.weeks] == [0, 0]
    assert figures.fatigue.rated_sessions == 0
    assert figures.fatigue.trend is None
    assert figures.ratings.entries == ()


def test_the_default_range_is_a_year_even_from_29_february():
    assert default_range(date(2026, 3, 1)) == (date(2025, 3, 1), date(2026, 3, 1))
    assert default_range(date(2028, 2, 29)) == (date(2027, 2, 28), date(2028, 2, 29))
