"""What a clinic report needs, gathered from the saved history: its range checked before
the history is opened, and no history made where none was saved."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from alshome.operations.program_import import use_program_file
from alshome.operations.reports import clinic_report, report_range
from alshome.platform.paths import sqlite_url
from alshome.programs.document import DocumentError
from alshome.programs.transfer import check_program
from tests.operations.conftest import SESSION_START, therapist_program

TODAY = date(2026, 3, 20)


def test_the_range_is_a_year_up_to_today_unless_given():
    assert report_range(None, None, TODAY) == (date(2025, 3, 20), TODAY)
    assert report_range(None, date(2026, 3, 1), TODAY) == (date(2025, 3, 1), date(2026, 3, 1))
    assert report_range(date(2026, 3, 1), None, TODAY) == (date(2026, 3, 1), TODAY)
    with pytest.raises(DocumentError, match="is after"):
        report_range(date(2026, 3, 2), date(2026, 3, 1), TODAY)


def test_the_report_counts_the_sessions_in_range(saved):
    day = SESSION_START.date()
    figures = clinic_report(sqlite_url(saved), None, day, day, TODAY)
    assert len(figures.sessions) == 1 and figures.made_on == TODAY
    assert clinic_report(sqlite_url(saved), None, TODAY, TODAY, TODAY).sessions == ()


def test_weeks_before_any_session_take_the_active_programs_target(saved):
    before = SESSION_START.date() - timedelta(weeks=2)
    [week] = clinic_report(sqlite_url(saved), None, before, before, TODAY).weeks
    assert week.target == 2, "the demo's"
    use_program_file(
        check_program(therapist_program().document | {"weekly_target": 5}), sqlite_url(saved), None
    )
    [week] = clinic_report(sqlite_url(saved), None, before, before, TODAY).weeks
    assert week.target == 5


def test_no_history_is_made_for_a_report(database):
    with pytest.raises(DocumentError, match="no alshome history"):
        clinic_report(sqlite_url(database), None, TODAY, TODAY, TODAY)
    assert not database.parent.exists()
