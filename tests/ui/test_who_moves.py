"""Range of motion on the set screen: who moves today is asked, shown and recorded."""

from __future__ import annotations

from alshome.domain.program import Mover
from alshome.domain.session import SetFinished
from alshome.ui.pages import Page
from tests.ui.tour import SHOULDER_CIRCLES, with_range_of_motion


def test_who_moves_is_asked_before_a_range_of_motion_set_and_recorded(rig):
    window, controller = rig.window, rig.controller
    controller.start(with_range_of_motion(window.program))
    screen = window.screens[Page.EXERCISE]
    choices = screen.who_moves.choices
    assert screen.who_moves.isVisible()
    assert choices[Mover.ASSISTED].isChecked(), "the program's choice comes ticked"
    assert choices[Mover.ASSISTED].text().startswith("✓")
    assert screen.audience.text() == "For your helper"

    choices[Mover.PATIENT].click()
    assert choices[Mover.PATIENT].isChecked() and not choices[Mover.ASSISTED].isChecked()
    assert screen.instruction.text() == SHOULDER_CIRCLES.instruction, "words for the patient"
    choices[Mover.CAREGIVER].click()
    assert screen.instruction.text() == SHOULDER_CIRCLES.caregiver_instruction
    assert choices[Mover.CAREGIVER].accessibleName() == "Who moves: Your helper moves it"

    controller.start_set()
    assert not screen.who_moves.isVisible(), "asked while getting ready, not mid-set"
    controller.finish_set(8)
    [finished] = [event for event in rig.events if isinstance(event, SetFinished)]
    assert finished.record.mover is Mover.CAREGIVER
    assert finished.record.step.target.repetitions == 8


def test_other_kinds_do_not_ask(rig):
    rig.window.start_session()  # the demo starts with a stretch: always the helper's
    assert not rig.window.screens[Page.EXERCISE].who_moves.isVisible()
