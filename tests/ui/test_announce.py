"""Announcements for screen readers, caught on their way to the platform's accessibility layer.

Qt hands every accessibility event to `QAccessible.updateAccessibility`, and Python code
reaches it through the class attribute, so replacing that attribute shows exactly which
announcements the app posts, with their wording, politeness and source, without a screen
reader. tests/e2e/test_atspi.py checks that they do reach AT-SPI in a real window.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from alshome.domain.session import Phase, SessionOptions
from alshome.ui.announce import SessionAnnouncer, announce
from alshome.ui.pages import Page

ENTER = Qt.Key.Key_Return
TIME_UP = "Time is up. Press Done when you are ready."
HOLD_SECONDS = 30.0
LEAD_IN_SECONDS = 3.0
REST_SECONDS = 15.0
AUTO_ADVANCE_LIMIT_S = 200  # longer than auto-advance's longest grace period


@dataclass(frozen=True)
class Spoken:
    text: str
    assertive: bool
    source: QObject


@pytest.fixture
def spoken(monkeypatch) -> list[Spoken]:
    """Every announcement posted while the test runs, in order."""
    caught: list[Spoken] = []

    def catch(event) -> None:
        if event.type() == QAccessible.Event.Announcement:
            assertive = event.politeness() == QAccessible.AnnouncementPoliteness.Assertive
            caught.append(Spoken(event.message(), assertive, event.object()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", catch)
    return caught


@pytest.fixture
def announced(rig, spoken) -> list[Spoken]:
    """The announcements of a session in the test window, read by its SessionAnnouncer."""
    assert isinstance(rig.window.announcer, SessionAnnouncer)
    return spoken


def texts(spoken: list[Spoken]) -> list[str]:
    return [item.text for item in spoken]


def start_hold(rig) -> None:
    """From home to a running hold of the demo's first set, through its lead-in."""
    rig.key(ENTER)  # Start today's session
    rig.key(ENTER)  # Start: the lead-in count
    rig.advance(LEAD_IN_SECONDS)
    assert rig.phase is Phase.RUNNING


def advance_until(rig, phase: Phase) -> None:
    """Let auto-advance's grace period run out, a second at a time, however long it is."""
    for _ in range(AUTO_ADVANCE_LIMIT_S):
        if rig.phase is phase:
            return
        rig.advance(1.0)
    assert rig.phase is phase


def test_announce_is_polite_unless_asked_to_interrupt(qtbot, spoken):
    widget = QWidget()
    qtbot.addWidget(widget)
    announce(widget, "Rest is over.")
    announce(widget, "Time is up.", assertive=True)
    assert spoken == [
        Spoken("Rest is over.", False, widget),
        Spoken("Time is up.", True, widget),
    ]


def test_a_new_screen_is_announced_once_by_its_name(rig, announced):
    rig.key(ENTER)
    assert rig.window.current is rig.window.screens[Page.EXERCISE]
    assert announced == [Spoken("Exercise", False, rig.window)]
    rig.key(ENTER)  # the lead-in: the same screen, so nothing more to say
    rig.advance(1.0)
    assert texts(announced) == ["Exercise"]


def test_the_hold_start_and_end_are_announced_once_each(rig, announced):
    start_hold(rig)
    assert texts(announced) == ["Exercise", "Begin now."]
    rig.advance(HOLD_SECONDS - 1)
    assert texts(announced) == ["Exercise", "Begin now."], "announced before the time was up"
    rig.advance(1.0)
    rig.advance(5.0)
    rig.advance(5.0)
    assert texts(announced) == ["Exercise", "Begin now.", TIME_UP]
    assert announced[-1].assertive
    assert rig.phase is Phase.RUNNING


def test_pressing_start_now_skips_the_lead_in_and_its_words(rig, announced):
    rig.key(ENTER)
    rig.key(ENTER)
    rig.key(ENTER)  # Start now
    rig.advance(HOLD_SECONDS)
    assert texts(announced) == ["Exercise", TIME_UP]


def test_a_whole_set_announces_each_turn_in_order(rig, announced):
    start_hold(rig)
    rig.advance(HOLD_SECONDS)
    rig.key(ENTER)  # Done
    rig.key(Qt.Key.Key_3)
    rig.key(ENTER)  # Continue to the rest
    assert rig.phase is Phase.REST
    rig.advance(REST_SECONDS)
    rig.advance(1.0)
    assert rig.phase is Phase.REST, "the app waits for the patient"
    rig.key(ENTER)  # Continue to the next set
    assert texts(announced) == [
        "Exercise",
        "Begin now.",
        TIME_UP,
        "How tired are you?",
        "Rest",
        "Rest is over.",
        "Exercise",
    ]
    assert [item.assertive for item in announced] == [False, True, True, False, False, True, False]


def test_pausing_and_stopping_announce_their_screens(rig, announced):
    start_hold(rig)
    rig.key(Qt.Key.Key_Escape)
    rig.key(ENTER)  # Resume
    rig.key(Qt.Key.Key_S)
    rig.key(Qt.Key.Key_Escape)  # No, go on
    assert texts(announced) == [
        "Exercise",
        "Begin now.",
        "Paused",
        "Exercise",
        "Stop now?",
        "Exercise",
    ]


def test_the_paused_hold_ends_only_after_resuming(rig, announced):
    start_hold(rig)
    rig.key(Qt.Key.Key_Escape)
    rig.advance(HOLD_SECONDS * 2)
    assert TIME_UP not in texts(announced)
    rig.key(ENTER)  # Resume
    rig.advance(HOLD_SECONDS)
    assert texts(announced)[-1] == TIME_UP


def test_with_auto_advance_the_hold_end_does_not_ask_for_done(rig, announced):
    rig.controller.options = SessionOptions(auto_advance=True)
    start_hold(rig)
    rig.advance(HOLD_SECONDS)
    advance_until(rig, Phase.FATIGUE_CHECK)
    assert texts(announced)[-2:] == [
        "Time is up. Moving on in 10 seconds. Choose Wait to stay.",
        "How tired are you?",
    ]


def test_auto_advance_after_rest_says_rest_is_over_then_the_screen(rig, announced):
    rig.controller.options = SessionOptions(auto_advance=True)
    start_hold(rig)
    rig.advance(HOLD_SECONDS)
    advance_until(rig, Phase.FATIGUE_CHECK)
    rig.key(Qt.Key.Key_3)
    rig.key(ENTER)  # Continue to the rest
    rig.advance(REST_SECONDS)
    advance_until(rig, Phase.READY)
    assert texts(announced)[-3:] == [
        "Rest",
        "Rest is over. Moving on in 10 seconds. Choose Wait to stay.",
        "Exercise",
    ]


def test_leaving_the_summary_announces_home(rig, announced):
    rig.key(ENTER)
    rig.controller.stop_tired()
    rig.key(ENTER)  # Finish
    assert rig.window.current is rig.window.home
    assert texts(announced) == ["Exercise", "Summary", "Home"]


def test_the_lift_question_is_announced_on_the_set_screen(rig, announced):
    rig.controller.start(rig.window.program, None, ("shoulder_raise_weight",))
    while rig.phase is not Phase.LIFT_CHECK:
        rig.controller.skip_exercise()
    assert texts(announced)[-1] == "Can you still lift this without the weight?"
    rig.controller.answer_lift_check(True)
    assert texts(announced).count("Can you still lift this without the weight?") == 1
