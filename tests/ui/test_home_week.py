"""Home: this week's sessions against the target, the next session day, and Settings.

The rig's clock starts on Monday 5 January 2026 at 10:00, local time.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from alshome.domain.clock import ManualClock
from alshome.domain.week import WeekProgress
from alshome.operations.history import History
from alshome.operations.startup import quick_start
from alshome.platform.paths import resolve_locations
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from alshome.ui.screens.home import HomeScreen
from alshome.ui.theme import TARGET_HEIGHT, style_for
from tests.ui.conftest import demo_program
from tests.ui.tour import settle

ENTER = Qt.Key.Key_Return


def show(rig, *, days=("mon", "thu"), program=None, hours_later=0.0):
    rig.clock.advance(hours_later * 3600)
    home = rig.window.home
    home.show_program(program or rig.window.program, rig.history, rig.clock.wall(), days)
    settle()
    return home


def test_a_new_week_shows_nothing_done_and_a_session_due_today(rig):
    home = show(rig)
    assert home.week.text() == "This week: 0 of 2 sessions. Next session: today."
    assert home.week.accessibleName() == home.week.text()
    assert home.week_marks.text() == "○ ○"
    assert home.week_marks.accessibleName() == "0 done, 2 to go"


def test_a_session_today_points_to_thursday_through_the_window(rig):
    rig.key(ENTER)
    rig.key(Qt.Key.Key_S)
    rig.key(ENTER)
    rig.history.starts = [rig.clock.wall()]
    rig.key(ENTER)
    home = rig.window.home
    assert rig.window.current is home
    assert home.week.text() == "This week: 1 of 2 sessions. Next session: Thursday."
    assert home.week_marks.text() == "● ○"
    assert home.week_marks.accessibleName() == "1 done, 1 to go"


def test_a_met_target_says_rest_well_and_names_next_weeks_day(rig):
    monday = rig.clock.wall()
    rig.history.starts = [monday, monday + timedelta(days=1)]
    home = show(rig, hours_later=72)  # Thursday, a session day
    assert home.week.text() == (
        "You have done this week's sessions. Rest well. Next session: Monday."
    )
    assert "today" not in home.week.text()
    assert home.week_marks.text() == "● ●"
    assert home.week_marks.accessibleName() == "2 done, 0 to go"


def test_last_weeks_sessions_do_not_count(rig):
    rig.history.starts = [rig.clock.wall() - timedelta(days=3)]
    assert show(rig).week.text().startswith("This week: 0 of 2 sessions.")


def test_a_target_of_one_session_reads_in_the_singular(rig):
    program = demo_program(weekly_target=1)
    home = show(rig, program=program)
    assert home.week.text().startswith("This week: 0 of 1 session.")


def test_without_session_days_the_home_says_where_to_choose_them(rig):
    home = show(rig, days=())
    assert "No session days are chosen. You can choose them in Settings." in home.week.text()


def test_next_session_days_read_as_words(rig):
    home = rig.window.home
    today = rig.clock.wall().date()

    def next_day(offset: int) -> str:
        return home.next_text(WeekProgress(today, 0, 2, False, today + timedelta(days=offset)))

    assert next_day(0) == "Next session: today."
    assert next_day(1) == "Next session: tomorrow."
    assert next_day(3) == "Next session: Thursday."
    assert next_day(7) == "Next session: Monday next week."


def test_the_settings_button_is_large_named_and_calls_back(qtbot):
    opened = []
    home = HomeScreen(lambda: None, lambda: opened.append(True))
    qtbot.addWidget(home)
    home.resize(1280, 680)
    home.show()
    qtbot.waitExposed(home)
    assert home.settings.accessibleName() == "Settings"
    assert home.settings.accessibleDescription()
    assert home.settings.property("role") != "primary"
    assert home.settings.height() >= TARGET_HEIGHT
    qtbot.mouseClick(home.settings, Qt.MouseButton.LeftButton)
    assert opened == [True]


def test_without_a_settings_action_there_is_no_settings_button(qtbot):
    home = HomeScreen(lambda: None)
    qtbot.addWidget(home)
    home.show()
    assert not home.settings.isVisible()
    assert home.primary.isVisible()


def test_at_100_percent_every_detail_is_shown(rig):
    home = show(rig)
    for widget in (home.exercises, home.session_heading, home.example_note, home.last):
        assert widget.isVisible(), widget.text()


def test_at_200_percent_details_step_aside_and_the_week_and_start_stay(rig):
    rig.window.setStyleSheet(style_for("light", 200))
    home = show(rig)
    assert not home.exercises.isVisible()
    for widget in (home.program_name, home.week, home.week_marks, home.primary):
        assert widget.isVisible()
        assert widget.mapTo(rig.window, widget.rect().bottomRight()).y() < 720
    rig.window.setStyleSheet(style_for("light", 100))
    settle()
    assert home.exercises.isVisible(), "the details come back with smaller text"


def test_the_history_reads_the_week_before_and_after_the_database_opens(tmp_path):
    url = resolve_locations(str(tmp_path / "data")).database_url
    engine = open_database(url)
    monday = ManualClock().wall()
    Repository(engine).start_session("one", None, "P", 1, monday + timedelta(hours=1))
    engine.dispose()
    history = History(url, quick_start(url))
    assert not history.is_open
    quick = history.session_times_since(monday)
    assert quick == (monday + timedelta(hours=1),)
    history.open()
    assert history.session_times_since(monday) == quick
    assert history.session_times_since(monday + timedelta(hours=2)) == ()
