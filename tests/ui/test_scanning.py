"""Switch scanning: every screen operated by one switch (auto) or two (step)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from alshome.domain.session import Phase
from alshome.ui.pages import Page
from tests.ui.conftest import make_rig
from tests.ui.tour import settle

SPACE, ENTER = Qt.Key.Key_Space, Qt.Key.Key_Return


def scan(rig, mode: str, **values) -> None:
    rig.window.settings.set("scan_mode", mode)
    for key, value in values.items():
        rig.window.settings.set(key, value)
    rig.window.scanner.restart()


def focused():
    return QApplication.focusWidget()


def move(rig) -> None:
    """One step of the highlight: Space in step mode, the timer's tick in auto mode."""
    if rig.window.settings.get("scan_mode") == "step":
        rig.key(SPACE)
    else:
        rig.window.scanner.advance()


def choose(rig, name: str) -> None:
    """Move the highlight to the control called `name` and press the switch."""
    for _ in range(40):
        widget = focused()
        if isinstance(widget, QAbstractButton) and widget.accessibleName() == name:
            rig.key(ENTER if rig.window.settings.get("scan_mode") == "step" else SPACE)
            settle()
            return
        move(rig)
    raise AssertionError(f"the highlight never reached {name!r}")


def visible_controls(screen):
    return {
        widget
        for widget in screen.findChildren(QAbstractButton)
        if widget.isVisible() and widget.isEnabled()
    }


@pytest.mark.parametrize("mode", ["step", "auto"])
def test_the_highlight_reaches_every_control_on_every_screen(tour, mode):
    rig, walk = tour
    scan(rig, mode, scan_loops=10)
    for name, screen in walk():
        settle()
        rig.window.scanner.restart()
        wanted = visible_controls(screen)
        reached = set()
        for _ in range(len(rig.window.scanner.targets())):
            widget = focused()
            reached.add(widget)
            assert rig.window.scanner.highlight.isVisible()
            frame = rig.window.scanner.highlight.geometry()
            corner = widget.mapTo(rig.window, widget.rect().topLeft())
            assert frame.contains(corner), name
            move(rig)
        assert wanted <= reached, (name, [w.accessibleName() for w in wanted - reached])


@pytest.mark.parametrize("mode", ["step", "auto"])
def test_a_session_by_switch_alone(rig, mode):
    scan(rig, mode, scan_loops=10)
    choose(rig, "Start today's session")
    assert rig.phase is Phase.READY
    choose(rig, "Start")
    rig.advance(rig.controller.options.lead_in_seconds + 0.1)
    assert rig.phase is Phase.RUNNING
    choose(rig, "Done")
    assert rig.phase is Phase.FATIGUE_CHECK
    choose(rig, "3, Some")
    choose(rig, "Continue")
    assert rig.phase is Phase.REST
    choose(rig, "Pause")
    assert rig.phase is Phase.PAUSED
    choose(rig, "Resume")
    choose(rig, "I'm tired – stop")
    assert rig.phase is Phase.CONFIRM_STOP
    choose(rig, "Yes, stop")
    assert rig.phase is Phase.SUMMARY
    assert [type(event).__name__ for event in rig.events].count("SetFinished") == 1


def test_auto_scan_waits_longer_on_the_first_item_and_rests_after_its_rounds(rig):
    rig.window.start_session()  # the set screen has several controls
    scan(rig, "auto", scan_interval=1.0, scan_first_pause=2.0, scan_loops=2)
    scanner = rig.window.scanner
    assert scanner._timer.interval() == 3000
    first = focused()
    scanner.advance()
    assert focused() is not first
    assert scanner._timer.interval() == 1000
    count = len(scanner.targets())
    for _ in range(2 * count - 2):
        scanner.advance()
    assert not scanner.resting
    scanner.advance()
    assert scanner.resting and not scanner.highlight.isVisible()
    rig.key(SPACE)  # a press wakes the highlight and chooses nothing
    assert scanner.highlight.isVisible() and rig.phase is Phase.READY


def test_the_auto_scan_timer_moves_the_highlight_by_itself(rig, qtbot):
    rig.window.start_session()
    scan(rig, "auto", scan_interval=0.5, scan_first_pause=0.0)
    first = focused()
    qtbot.waitUntil(lambda: focused() is not first, timeout=3000)


def test_with_scanning_off_keys_keep_their_usual_meaning(rig):
    scan(rig, "off")
    rig.key(ENTER)  # the keyboard contract: Enter activates the focused button
    assert rig.phase is Phase.READY
    rig.key(SPACE)  # and Space presses it, as everywhere in Qt, rather than moving on
    assert rig.phase is Phase.LEAD_IN
    assert not rig.window.scanner.highlight.isVisible()


def test_a_dialog_over_the_window_is_scanned_too(rig):
    from PySide6.QtWidgets import QMessageBox

    scan(rig, "step")
    box = QMessageBox(QMessageBox.Icon.Question, "alshome", "Go on?", parent=rig.window)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.show()
    rig.qtbot.waitExposed(box)
    rig.window.scanner.restart()
    first = box.focusWidget()
    assert first in box.buttons()
    rig.qtbot.keyClick(first, SPACE)
    second = box.focusWidget()
    assert second is not first and second in box.buttons()
    rig.qtbot.keyClick(second, ENTER)
    assert box.result() in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No)
    assert not box.isVisible()


@pytest.mark.parametrize("mode", ["step", "auto"])
def test_the_program_editor_is_reached_by_switch(qtbot, mode):
    from tests.ui.tour import tour_services

    rig = make_rig(qtbot, tour_services())
    window = rig.window
    scan(rig, mode, scan_loops=10)
    window.open_editor()
    settle()
    choose(rig, "Yes, change it")
    editor = window.screens[Page.EDITOR]
    assert editor.overview.isVisible()
    choose(rig, "Add an exercise")
    settle()
    wanted = visible_controls(window.current)
    window.scanner.restart()
    reached = set()
    for _ in range(len(window.scanner.targets())):
        reached.add(focused())
        move(rig)
    assert wanted <= reached, [w.accessibleName() for w in wanted - reached]
