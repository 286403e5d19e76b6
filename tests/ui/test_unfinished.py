"""The real window after a crash mid-session: it offers to carry on, Enter does, and the
session goes on saving into the same record; or it is closed and kept as interrupted."""

from __future__ import annotations

from PySide6.QtCore import Qt

from alshome.domain.session import Phase, SessionStatus
from alshome.ui.main_window import MainWindow
from alshome.ui.pages import Page
from alshome.ui.session_controller import SessionController
from alshome.ui.window_services import WindowServices


def crash_mid_session(safety, sets: int) -> None:
    """Do `sets` sets, then lose the window as a kill would: nothing ends the session."""
    safety.save_profile()
    safety.window.start_session()
    for _ in range(sets):
        safety.controller.skip_set()
        if safety.phase is Phase.REST:
            safety.controller.end_rest()
    safety.controller.session = None


def restart(safety, qtbot) -> MainWindow:
    """The next start, on the same history: a new controller and window."""
    controller = SessionController(safety.clock, lambda: None)
    window = MainWindow(
        safety.window.program,
        controller,
        safety.repository,
        safety.clock,
        services=WindowServices(records=lambda: safety.repository),
    )
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.history_opened()
    return window


def test_the_next_start_offers_to_carry_on_and_enter_does(safety, qtbot):
    crash_mid_session(safety, 2)
    safety.clock.advance(300)
    window = restart(safety, qtbot)
    assert window.current is window.screens[Page.UNFINISHED]
    assert window.focusWidget() is window.screens[Page.UNFINISHED].carry_on
    assert "2 of its" in window.screens[Page.UNFINISHED].saved.text()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    session = window.controller.session
    assert session is not None and session.index == 2
    assert window.current is window.screens[Page.EXERCISE]
    window.controller.skip_set()
    [saved] = safety.repository.sessions()
    assert [s.position for s in saved.sets] == [0, 1, 2]
    assert saved.status is SessionStatus.IN_PROGRESS


def test_closing_it_keeps_the_sets_and_marks_it_interrupted(safety, qtbot):
    crash_mid_session(safety, 1)
    window = restart(safety, qtbot)
    window.screens[Page.UNFINISHED].close_it.click()
    assert window.current is window.home
    [saved] = safety.repository.sessions()
    assert saved.status is SessionStatus.INTERRUPTED
    assert len(saved.sets) == 1
    window.history_opened()
    assert window.current is window.home, "asked once"


def test_a_clean_history_goes_straight_home(safety, qtbot):
    safety.save_profile()
    window = restart(safety, qtbot)
    assert window.current is window.home
