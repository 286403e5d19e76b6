"""Every screen offscreen: what it shows, its sizes and names, and the keyboard contract."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from alshome.domain.clock import ManualClock
from alshome.domain.fatigue import Symptom
from alshome.domain.session import (
    FatigueAnswered,
    Phase,
    SessionEnded,
    SessionStatus,
    SetFinished,
)
from alshome.programs.demo import demo_document
from alshome.programs.document import parse_program
from alshome.programs.library import stock_library
from alshome.storage.errors import SaveError
from alshome.ui.pages import Page
from alshome.ui.session_controller import SessionController
from alshome.ui.theme import PRIMARY_HEIGHT

ENTER = Qt.Key.Key_Return


def visible_buttons(screen):
    return [b for b in screen.findChildren(QAbstractButton) if b.isVisible()]


def to_fatigue_check(rig):
    rig.key(ENTER)  # Start session
    rig.key(ENTER)  # Start set: lead-in
    rig.key(ENTER)  # Start now
    rig.advance(4.0)
    rig.key(ENTER)  # Done
    assert rig.phase is Phase.FATIGUE_CHECK


def check_targets(screen):
    QApplication.processEvents()  # let layouts settle after buttons were shown or hidden
    buttons = visible_buttons(screen)
    assert buttons, screen
    for widget in buttons:
        assert widget.accessibleName().strip(), widget.text()
        assert widget.height() >= 64, (widget.accessibleName(), widget.height())
    if screen.primary is not None and screen.primary.isVisible():
        assert screen.primary.height() >= 120
        assert screen.primary.width() >= 400


def test_home_offers_the_demo_with_one_huge_start(rig):
    home = rig.window.home
    assert rig.window.current is home
    assert home.program_name.text() == "Example home program"
    assert home.example_note.isVisible()
    assert "No sessions yet" in home.last.text()
    assert home.primary.height() >= PRIMARY_HEIGHT
    assert rig.window.focusWidget() is home.primary
    check_targets(home)


def test_every_screen_has_named_large_targets(rig):
    window = rig.window
    rig.key(ENTER)
    check_targets(window.screens[Page.EXERCISE])
    rig.key(ENTER)
    rig.key(ENTER)
    check_targets(window.screens[Page.EXERCISE])
    rig.key(ENTER)
    check_targets(window.screens[Page.FATIGUE])
    rig.key(Qt.Key.Key_9)
    check_targets(window.screens[Page.FATIGUE])
    rig.key(Qt.Key.Key_3)
    rig.key(ENTER)
    check_targets(window.screens[Page.REST])
    rig.key(Qt.Key.Key_Escape)
    check_targets(window.screens[Page.PAUSED])
    rig.key(Qt.Key.Key_S)
    check_targets(window.screens[Page.CONFIRM_STOP])
    rig.key(Qt.Key.Key_Escape)
    rig.controller.report_symptom({Symptom.PAIN})
    check_targets(window.screens[Page.STOP_SAFELY])
    rig.key(ENTER)
    check_targets(window.screens[Page.SUMMARY])


def test_a_whole_hold_by_keyboard_with_countdown(rig):
    window = rig.window
    rig.key(ENTER)
    assert rig.phase is Phase.READY
    assert window.screens[Page.EXERCISE].name.text() == "Back-of-thigh stretch"
    assert window.screens[Page.EXERCISE].audience.text() == "For your helper"
    assert "Hold the heel" in window.screens[Page.EXERCISE].instruction.text()
    assert "Left side" in window.screens[Page.EXERCISE].position.text()
    rig.key(ENTER)
    assert rig.phase is Phase.LEAD_IN
    assert window.screens[Page.EXERCISE].big.text() == "0:03"
    rig.advance(3.0)
    assert rig.phase is Phase.RUNNING
    assert window.screens[Page.EXERCISE].big.text() == "0:30"
    rig.advance(10.2)
    assert window.screens[Page.EXERCISE].big.text() == "0:20"
    rig.advance(25)
    assert window.screens[Page.EXERCISE].big.text() == "0:00"
    assert "Time is up" in window.screens[Page.EXERCISE].state.text()
    assert rig.phase is Phase.RUNNING, "the app waits for the patient"
    rig.key(ENTER)
    record = next(e for e in rig.events if isinstance(e, SetFinished)).record
    assert record.done == {"seconds": 30.0}
    assert rig.phase is Phase.FATIGUE_CHECK


def test_enter_before_a_rating_does_nothing_and_digits_choose(rig):
    to_fatigue_check(rig)
    fatigue = rig.window.screens[Page.FATIGUE]
    assert not fatigue.primary.isEnabled()
    rig.key(ENTER)
    assert rig.phase is Phase.FATIGUE_CHECK
    assert not [e for e in rig.events if isinstance(e, FatigueAnswered)]
    rig.key(Qt.Key.Key_4)
    assert fatigue.ratings[4].isChecked()
    assert fatigue.ratings[4].text().startswith("✓")
    assert fatigue.primary.text() == "Continue"
    rig.key(Qt.Key.Key_2)
    assert fatigue.ratings[2].isChecked() and not fatigue.ratings[4].isChecked()
    rig.key(ENTER)
    answers = [e for e in rig.events if isinstance(e, FatigueAnswered)]
    assert [a.rating for a in answers] == [2]
    assert rig.phase is Phase.REST


def test_rest_longer_is_announced_on_the_check_and_the_rest(rig):
    to_fatigue_check(rig)
    rig.key(Qt.Key.Key_6)
    assert "longer" in rig.window.screens[Page.FATIGUE].message.text()
    rig.key(ENTER)
    assert rig.phase is Phase.REST
    assert rig.window.screens[Page.REST].longer.isVisible()
    assert rig.controller.session.rest_seconds == 60


def test_ten_is_reached_by_arrows_or_click(rig):
    to_fatigue_check(rig)
    fatigue = rig.window.screens[Page.FATIGUE]
    rig.key(Qt.Key.Key_9)
    for _ in range(30):
        if rig.window.focusWidget() is fatigue.ratings[10]:
            break
        rig.key(Qt.Key.Key_Left)
    assert rig.window.focusWidget() is fatigue.ratings[10]
    rig.key(ENTER)
    assert fatigue.ratings[10].isChecked()
    assert fatigue.primary.text() == "End session"
    assert rig.window.focusWidget() is fatigue.primary


@pytest.mark.parametrize("digit", [Qt.Key.Key_8, Qt.Key.Key_9])
def test_enter_at_or_above_stop_threshold_ends_the_session(rig, digit):
    to_fatigue_check(rig)
    rig.key(digit)
    assert rig.window.screens[Page.FATIGUE].primary.text() == "End session"
    assert rig.window.screens[Page.FATIGUE].next_exercise.isVisible()
    rig.key(ENTER)
    assert rig.phase is Phase.SUMMARY
    ended = [e for e in rig.events if isinstance(e, SessionEnded)]
    assert ended[0].status is SessionStatus.STOPPED_TIRED
    assert "listening to your body" in rig.window.screens[Page.SUMMARY].title.text()


def test_next_exercise_instead_leaves_the_exercise(rig):
    to_fatigue_check(rig)
    rig.key(Qt.Key.Key_8)
    rig.qtbot.mouseClick(rig.window.screens[Page.FATIGUE].next_exercise, Qt.MouseButton.LeftButton)
    assert rig.phase is Phase.READY
    assert rig.window.screens[Page.EXERCISE].name.text() == "Calf and ankle stretch"


def test_digits_do_nothing_on_other_screens(rig):
    rig.key(Qt.Key.Key_5)
    assert rig.phase is None
    rig.key(ENTER)
    before = list(rig.events)
    for key in (Qt.Key.Key_1, Qt.Key.Key_7, Qt.Key.Key_0):
        rig.key(key)
    assert rig.phase is Phase.READY
    assert rig.events == before


def test_escape_pauses_and_enter_resumes_with_time_kept(rig):
    rig.key(ENTER)
    rig.key(ENTER)
    rig.key(ENTER)
    rig.advance(5)
    rig.key(Qt.Key.Key_Escape)
    assert rig.phase is Phase.PAUSED
    assert rig.window.current is rig.window.screens[Page.PAUSED]
    rig.advance(100)
    rig.key(ENTER)
    assert rig.phase is Phase.RUNNING
    assert rig.window.screens[Page.EXERCISE].big.text() == "0:25"


def test_s_asks_and_enter_confirms_stop(rig):
    rig.key(ENTER)
    rig.key(Qt.Key.Key_S)
    assert rig.phase is Phase.CONFIRM_STOP
    assert rig.window.focusWidget() is rig.window.screens[Page.CONFIRM_STOP].primary
    rig.key(ENTER)
    assert rig.phase is Phase.SUMMARY
    assert rig.controller.session.status is SessionStatus.STOPPED_TIRED


def test_stop_question_can_be_declined(rig):
    rig.key(ENTER)
    rig.key(Qt.Key.Key_S)
    rig.qtbot.mouseClick(rig.window.screens[Page.CONFIRM_STOP].back, Qt.MouseButton.LeftButton)
    assert rig.phase is Phase.READY


def test_arrows_move_focus_like_tab(rig):
    rig.key(ENTER)
    exercise = rig.window.screens[Page.EXERCISE]
    assert rig.window.focusWidget() is exercise.primary
    rig.key(Qt.Key.Key_Right)
    moved = rig.window.focusWidget()
    assert moved is not exercise.primary
    rig.key(Qt.Key.Key_Left)
    assert rig.window.focusWidget() is exercise.primary


def test_enter_activates_the_focused_button(rig):
    rig.key(ENTER)
    rig.window.screens[Page.EXERCISE].skip_exercise.setFocus()
    rig.key(ENTER)
    assert rig.window.screens[Page.EXERCISE].name.text() == "Calf and ankle stretch"


def test_symptom_leads_to_stop_safely_with_contact(rig):
    to_fatigue_check(rig)
    rig.qtbot.mouseClick(rig.window.screens[Page.FATIGUE].symptoms[0], Qt.MouseButton.LeftButton)
    assert rig.phase is Phase.STOP_SAFELY
    screen = rig.window.screens[Page.STOP_SAFELY]
    assert "cramp" in screen.reported.text()
    assert "contact details" in screen.contact.text()
    ended = [e for e in rig.events if isinstance(e, SessionEnded)]
    assert ended[0].status is SessionStatus.STOPPED_SYMPTOM
    rig.key(ENTER)
    assert rig.phase is Phase.SUMMARY
    rig.key(ENTER)
    assert rig.phase is None
    assert rig.window.current is rig.window.home


def test_symptom_from_pause(rig):
    rig.key(ENTER)
    rig.key(Qt.Key.Key_Escape)
    rig.qtbot.mouseClick(rig.window.screens[Page.PAUSED].symptoms[2], Qt.MouseButton.LeftButton)
    assert rig.phase is Phase.STOP_SAFELY
    assert "short of breath" in rig.window.screens[Page.STOP_SAFELY].reported.text()


def test_repetitions_can_be_recorded_fewer(rig):
    rig.key(ENTER)
    rig.controller.skip_exercise()
    rig.controller.skip_exercise()
    assert rig.window.screens[Page.EXERCISE].name.text().startswith("Forward arm raise")
    rig.key(ENTER)
    exercise = rig.window.screens[Page.EXERCISE]
    assert exercise.fewer.isVisible() and exercise.more.isVisible()
    assert exercise.count.text() == "Done: 8"
    exercise.fewer.click()
    exercise.fewer.click()
    exercise.more.click()
    assert exercise.count.text() == "Done: 7"
    rig.key(ENTER)
    record = [e for e in rig.events if isinstance(e, SetFinished)][-1].record
    assert record.done == {"repetitions": 7}


def test_rest_waits_when_over_and_enter_continues(rig):
    to_fatigue_check(rig)
    rig.key(Qt.Key.Key_1)
    rig.key(ENTER)
    rest = rig.window.screens[Page.REST]
    assert rest.primary.text() == "Skip rest"
    rig.advance(20)
    assert rig.phase is Phase.REST
    assert rest.primary.text() == "Continue"
    assert "Rest is over" in rest.title.text()
    rig.key(ENTER)
    assert rig.phase is Phase.READY
    assert "Right side" in rig.window.screens[Page.EXERCISE].position.text()


def test_summary_then_home_shows_last_session(rig):
    class Last:
        from datetime import datetime

        started_at = datetime(2026, 11, 24, 10, 0).astimezone()
        status = SessionStatus.COMPLETED
        sets_done = 18
        sets_skipped = 0
        highest_fatigue = 5

    rig.history.last = Last
    rig.key(ENTER)
    rig.key(Qt.Key.Key_S)
    rig.key(ENTER)
    summary = rig.window.screens[Page.SUMMARY]
    assert "Sets done: 0 of 18" in summary.details.text()
    rig.key(ENTER)
    assert "Last session: Tuesday, 24 November 2026" in rig.window.home.last.text()
    assert "18 sets done" in rig.window.home.last.text()
    assert "5 of 10" in rig.window.home.last.text()


def test_a_save_the_database_refuses_is_signalled_and_the_session_goes_on(qtbot):
    def refuse(event) -> None:
        raise SaveError("refused")

    controller = SessionController(ManualClock(), lambda: refuse)
    with qtbot.waitSignal(controller.save_failed, timeout=1000):
        controller.start(parse_program(demo_document(), stock_library()))
    assert controller.phase is Phase.READY


def test_last_session_today_and_yesterday_read_as_words(rig):
    from datetime import timedelta

    home = rig.window.home
    now = rig.clock.wall()
    assert home.when(now - timedelta(minutes=30), now) == "today"
    assert home.when(now - timedelta(days=1), now) == "yesterday"
    assert home.when(now - timedelta(days=3), now) != "yesterday"


def test_the_fatigue_check_offers_stopping_when_tired_by_mouse_too(rig):
    to_fatigue_check(rig)
    fatigue = rig.window.screens[Page.FATIGUE]
    assert fatigue.stop.isVisible()
    rig.key(Qt.Key.Key_9)
    assert not fatigue.stop.isVisible(), "at the stop rating the main button already ends"
    rig.key(Qt.Key.Key_2)
    rig.qtbot.mouseClick(fatigue.stop, Qt.MouseButton.LeftButton)
    assert rig.phase is Phase.CONFIRM_STOP
    rig.key(ENTER)
    assert rig.controller.session.status is SessionStatus.STOPPED_TIRED


def test_more_rest_button_and_no_fatigue_note_after_it(rig):
    to_fatigue_check(rig)
    rig.key(Qt.Key.Key_1)
    rig.key(ENTER)
    rest = rig.window.screens[Page.REST]
    rig.advance(20)
    assert rest.primary.text() == "Continue"
    rig.qtbot.mouseClick(rest.more, Qt.MouseButton.LeftButton)
    assert rig.phase is Phase.REST
    assert rest.primary.text() == "Skip rest"
    assert rest.big.text() == "0:30"
    assert not rest.longer.isVisible()
