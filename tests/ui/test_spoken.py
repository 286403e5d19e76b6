"""What a screen reader that reads no announcements hears: the focused control, in full.

Orca 43 speaks the control that takes the focus (name, role, description) and each change
to that control's name or description. These tests check, without a screen reader, what
each screen gives the control it focuses, that a description is set once (every setting
of it would be spoken again), and that T says the time left through the focused control
and gives it its own words back when the focus moves on. tests/e2e/test_orca.py hears the
same through the real Orca.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from alshome.domain.session import Phase
from alshome.ui import words
from alshome.ui.spoken import describe, sentences

ENTER = Qt.Key.Key_Return
T = Qt.Key.Key_T
LEAD_IN_SECONDS = 3.0
HOLD_SECONDS = 30.0


def focused_words(rig) -> tuple[str, str]:
    """The focused control's name and description: what Orca says when the focus lands."""
    widget = QApplication.focusWidget()
    assert widget is not None and widget.window() is rig.window
    return widget.accessibleName(), widget.accessibleDescription()


def test_sentences_end_each_line_and_leave_out_the_empty_ones():
    assert sentences("Rest and breathe", "", "Next: Calf stretch.") == (
        "Rest and breathe. Next: Calf stretch."
    )
    assert sentences("Sets done: 3 of 4.\nTime: 5 minutes.", "Ana Ruiz\n555 0100") == (
        "Sets done: 3 of 4. Time: 5 minutes. Ana Ruiz. 555 0100."
    )
    assert sentences("Stop now?", "  ") == "Stop now?"


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (0, "0 seconds"),
        (0.4, "1 second"),
        (25.2, "26 seconds"),
        (60, "1 minute"),
        (65, "1 minute 5 seconds"),
        (300, "5 minutes"),
    ],
)
def test_a_countdown_is_said_in_minutes_and_seconds(seconds, said):
    assert words.spoken_time(seconds) == said


def test_the_same_description_is_given_once(qtbot):
    button = QPushButton("Done")
    qtbot.addWidget(button)
    given = []
    set_description = button.setAccessibleDescription
    button.setAccessibleDescription = lambda text: (given.append(text), set_description(text))
    for _ in range(3):
        describe(button, "Begin now.")
    describe(button, "Time is up.")
    assert button.accessibleDescription() == "Time is up."
    assert given == ["Begin now.", "Time is up."]


def test_a_set_is_said_with_its_side_and_dose_then_each_turn(rig):
    rig.key(ENTER)  # Start today's session
    name, said = focused_words(rig)
    assert name == "Start"
    assert said.startswith("Exercise 1 of 5, Set 1 of 2, Left side. Back-of-thigh stretch.")
    assert "For your helper: " in said
    assert said.endswith("Hold 30 seconds.")

    rig.key(ENTER)  # the lead-in
    assert focused_words(rig) == (
        "Start now",
        "Get ready. Press T to hear when it begins; Start now begins at once.",
    )
    rig.advance(LEAD_IN_SECONDS)
    assert focused_words(rig)[1] == (
        "Begin now. Hold 30 seconds. Press T to hear the time left. "
        "Done ends the set early and saves what you did."
    )
    rig.advance(HOLD_SECONDS)
    assert focused_words(rig) == ("Done", "Time is up. Press Done when you are ready.")


def test_t_says_the_time_left_once_and_the_control_gets_its_words_back(rig):
    rig.key(ENTER)
    rig.key(ENTER)
    rig.advance(LEAD_IN_SECONDS)
    done = QApplication.focusWidget()
    own = done.accessibleDescription()
    rig.advance(4.5)
    rig.key(T)
    assert done.accessibleDescription() == "26 seconds left."
    rig.advance(1.0)
    assert done.accessibleDescription() == "26 seconds left.", "the tick took the words back"
    rig.key(T)
    assert done.accessibleDescription() == "25 seconds left."
    rig.key(Qt.Key.Key_Right)  # on to the next control
    rig.qtbot.waitUntil(lambda: done.accessibleDescription() == own)


def test_t_on_the_rest_says_the_rest_left_and_nothing_where_nothing_counts(rig):
    rig.key(T)  # home: nothing counts down, and nothing is said
    assert focused_words(rig)[1].endswith("You can pause or stop at any time.")
    rig.key(ENTER)
    rig.key(ENTER)
    rig.key(ENTER)  # Start now
    rig.key(ENTER)  # Done
    rig.key(Qt.Key.Key_3)
    rig.key(ENTER)
    assert rig.phase is Phase.REST
    name, said = focused_words(rig)
    assert name == "Skip rest"
    assert said.startswith("Rest and breathe. Rest for 15 seconds. Next: Back-of-thigh stretch")
    rig.advance(5.2)
    rig.key(T)
    assert focused_words(rig)[1] == "10 seconds of rest left."
    rig.advance(10.0)
    assert focused_words(rig) == (
        "Continue",
        "Rest is over. Ready when you are. Next: Back-of-thigh stretch, set 1 of 2, right side.",
    )


def test_the_questions_are_said_where_the_focus_waits_for_the_answer(rig):
    rig.key(ENTER)
    rig.key(ENTER)
    rig.key(ENTER)
    rig.key(ENTER)  # Done: the fatigue check, focused on the screen itself
    name, said = focused_words(rig)
    assert name == "How tired are you?"
    assert said == (
        "After: Back-of-thigh stretch, set 1 of 2, left side. How tired do your muscles "
        "feel right now? Press a number key from 0 to 9, or choose a button."
    )
    rig.key(Qt.Key.Key_9)
    assert focused_words(rig) == (
        "End session",
        "9, very heavy. That is a lot: it is time to stop for today.",
    )


def test_the_summary_is_said_with_finish(rig):
    rig.key(ENTER)
    rig.key(Qt.Key.Key_S)
    assert focused_words(rig) == (
        "Yes, stop",
        "Stop now? Everything you have done is saved. Stopping when tired is the right choice.",
    )
    rig.key(ENTER)
    name, said = focused_words(rig)
    assert name == "Finish"
    assert re.fullmatch(
        r"Well done for listening to your body\. Session stopped when tired\. "
        r"Sets done: 0 of 18\. Time: under a minute\. Everything is saved\.",
        said,
    )
