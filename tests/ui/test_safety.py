"""The safety screens in the real window, on a real history file: the first-run pages, the
carry-over check, the lift check, stop safely with the recorded contact, and no time
pressure (auto-advance's grace period, Wait, "10 seconds more")."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit

from alshome.domain.fatigue import Symptom
from alshome.domain.program import Therapist
from alshome.domain.safety import CarryOver, CarryOverCheck, Profile
from alshome.domain.session import Phase, SessionOptions
from alshome.storage.repository import StoredCarryOver
from alshome.ui.pages import Page
from tests.ui.conftest import CONTACT

ENTER = Qt.Key.Key_Return


def click(widget: QAbstractButton) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.accessibleName()
    widget.click()


def visible_buttons(screen) -> list[QAbstractButton]:
    return [b for b in screen.findChildren(QAbstractButton) if b.isVisible()]


def check_named_and_large(screen) -> None:
    QApplication.processEvents()
    for widget in visible_buttons(screen):
        assert widget.accessibleName().strip(), widget.text()
        assert widget.height() >= 72, (widget.accessibleName(), widget.height())


# ----- the first-run pages ----------------------------------------------------------------


def test_first_launch_shows_what_alshome_does_then_the_contact_then_home(safety):
    window = safety.window
    window.history_opened()
    assert window.current is window.screens[Page.FIRST_RUN]
    assert window.focusWidget() is window.screens[Page.FIRST_RUN].primary
    words = (
        window.screens[Page.FIRST_RUN].does.text() + window.screens[Page.FIRST_RUN].does_not.text()
    )
    for phrase in ("program your therapist", "this computer only", "no medical advice"):
        assert phrase in words
    check_named_and_large(window.screens[Page.FIRST_RUN])

    safety.key(ENTER)
    assert window.current is window.screens[Page.CONTACT]
    assert window.focusWidget() is window.screens[Page.CONTACT].therapist_name
    window.screens[Page.CONTACT].therapist_name.setText("Ana Ruiz")
    window.screens[Page.CONTACT].therapist_contact.setText("555 0100")
    window.screens[Page.CONTACT].patient_name.setText("Sam")
    safety.key(ENTER)  # Enter in a field saves, as the main button would

    assert window.current is window.home
    assert safety.phase is None, "from the first launch it leads home, not into a session"
    profile = safety.repository.profile()
    assert (profile.therapist_name, profile.therapist_contact, profile.patient_name) == (
        "Ana Ruiz",
        "555 0100",
        "Sam",
    )
    assert profile.saved_at == safety.clock.wall()
    assert "Contact: 555 0100" in window.footer_text.text()
    assert "Ana Ruiz" in window.footer_text.text()


def test_the_first_run_pages_come_once(safety):
    safety.save_profile()
    safety.window.history_opened()
    assert safety.window.current is safety.window.home
    assert "Contact: " + CONTACT in safety.window.footer_text.text()


def test_every_field_and_button_of_the_contact_page_is_reached_by_tab(safety):
    window = safety.window
    window.history_opened()
    click(window.screens[Page.FIRST_RUN].primary)
    contact = window.screens[Page.CONTACT]
    order = [contact.therapist_name, contact.therapist_contact, contact.patient_name]
    order += [contact.back, contact.primary]
    reached = [window.focusWidget()]
    for _ in order[1:]:
        safety.key(Qt.Key.Key_Tab)
        reached.append(window.focusWidget())
    assert reached == order
    for field in contact.findChildren(QLineEdit):
        assert field.accessibleName() and field.maxLength() <= 500
    check_named_and_large(contact)


def test_a_caregiver_can_type_a_phone_number_and_a_name(safety):
    window = safety.window
    window.history_opened()
    click(window.screens[Page.FIRST_RUN].primary)
    safety.qtbot.keyClicks(window.screens[Page.CONTACT].therapist_name, "Sam Siu 555 0100")
    assert window.screens[Page.CONTACT].therapist_name.text() == "Sam Siu 555 0100"


def test_the_contact_page_offers_the_programs_therapist(safety):
    window = safety.window
    window.program = replace(window.program, therapist=Therapist("Dr. Lee", "lee@example.org"))
    window.history_opened()
    click(window.screens[Page.FIRST_RUN].primary)
    assert window.screens[Page.CONTACT].therapist_name.text() == "Dr. Lee"
    assert window.screens[Page.CONTACT].therapist_contact.text() == "lee@example.org"
    click(window.screens[Page.CONTACT].back)
    assert window.current is window.screens[Page.FIRST_RUN]


def test_start_before_the_first_run_leads_through_it_into_the_first_session(safety):
    window = safety.window
    click(window.home.primary)
    assert window.current is window.screens[Page.FIRST_RUN]
    click(window.screens[Page.FIRST_RUN].primary)
    click(window.screens[Page.CONTACT].primary)
    assert safety.repository.profile() == Profile("", "", "", safety.clock.wall())
    assert safety.phase is Phase.READY, "no carry-over check before the first session"
    assert safety.repository.carry_over_checks() == []


def test_escape_leaves_the_first_run_for_home_without_saving(safety):
    safety.window.history_opened()
    safety.key(Qt.Key.Key_Escape)
    assert safety.window.current is safety.window.home
    assert safety.repository.profile() is None


# ----- the carry-over check ---------------------------------------------------------------


@pytest.fixture
def second_session(safety):
    safety.save_profile()
    safety.follow_one_session()
    safety.clock.advance(86_400)
    click(safety.window.home.primary)
    assert safety.window.current is safety.window.screens[Page.CARRY_OVER]
    return safety


def test_the_carry_over_check_chooses_no_answer_for_the_patient(second_session):
    rig = second_session
    carry_over = rig.window.screens[Page.CARRY_OVER]
    assert rig.window.focusWidget() is carry_over
    rig.key(ENTER)
    assert rig.window.current is carry_over and rig.phase is None
    check_named_and_large(carry_over)
    fine, tired, sore = (carry_over.answers[a] for a in CarryOver)
    assert fine.geometry().right() + 100 < tired.geometry().left(), "answers far apart"
    assert tired.geometry().right() + 100 < sore.geometry().left()


def test_no_i_feel_fine_starts_the_session_and_is_recorded_with_it(second_session):
    rig = second_session
    rig.key(Qt.Key.Key_Right)
    assert rig.window.focusWidget() is rig.window.screens[Page.CARRY_OVER].answers[CarryOver.FINE]
    rig.key(ENTER)
    assert rig.phase is Phase.READY
    sessions = rig.repository.sessions()
    assert rig.repository.carry_over_checks() == [
        StoredCarryOver(CarryOverCheck(CarryOver.FINE, rig.clock.wall()), sessions[-1].uuid)
    ]


@pytest.mark.parametrize("answer", [CarryOver.TIRED, CarryOver.SORE])
def test_yes_shows_the_lighter_option_and_rest_today_ends_without_a_session(second_session, answer):
    rig = second_session
    click(rig.window.screens[Page.CARRY_OVER].answers[answer])
    lighter = rig.window.screens[Page.LIGHTER_DAY]
    assert rig.window.current is lighter
    assert lighter.lighter.text() == rig.window.program.lighter_option
    assert "stretches only" in lighter.lighter.text()
    assert rig.window.focusWidget() is lighter, "neither choice is made for the patient"
    assert lighter.start.geometry().right() + 100 < lighter.rest.geometry().left()
    check_named_and_large(lighter)
    shown = " ".join(label.text() for label in lighter.findChildren(type(lighter.title)))
    assert "more" not in shown.lower(), "nothing suggests doing more"

    click(lighter.rest)
    assert rig.window.current is rig.window.home and rig.phase is None
    assert len(rig.repository.sessions()) == 1
    assert rig.repository.carry_over_checks() == [
        StoredCarryOver(CarryOverCheck(answer, rig.clock.wall()), None)
    ]


def test_yes_then_start_the_session_records_the_answer_with_it(second_session):
    rig = second_session
    click(rig.window.screens[Page.CARRY_OVER].answers[CarryOver.TIRED])
    click(rig.window.screens[Page.LIGHTER_DAY].start)
    assert rig.phase is Phase.READY
    [check] = rig.repository.carry_over_checks()
    assert (check.check.answer, check.session_uuid) == (
        CarryOver.TIRED,
        rig.repository.sessions()[-1].uuid,
    )


def test_without_a_lighter_option_a_yes_suggests_rest_and_telling_the_therapist(
    second_session,
):
    rig = second_session
    rig.window.program = replace(rig.window.program, lighter_option="")
    click(rig.window.screens[Page.CARRY_OVER].answers[CarryOver.SORE])
    assert (
        "rest today and tell your therapist" in rig.window.screens[Page.LIGHTER_DAY].lighter.text()
    )


# ----- the lift check ---------------------------------------------------------------------


def to_the_first_weight(rig) -> None:
    rig.save_profile()
    click(rig.window.home.primary)
    while rig.controller.session.step.exercise.kind.value != "resistance":
        rig.controller.skip_exercise()


def test_the_lift_check_asks_before_the_first_weighted_set(safety):
    to_the_first_weight(safety)
    screen = safety.window.screens[Page.EXERCISE]
    assert safety.phase is Phase.LIFT_CHECK
    assert safety.window.current is screen
    assert screen.state.text() == "Can you still lift this without the weight?"
    assert screen.yes.isVisible() and screen.no.isVisible()
    assert not screen.primary.isVisible()
    assert screen.skip_set.isVisible() and screen.skip_exercise.isVisible()
    assert safety.window.focusWidget() is screen
    safety.key(ENTER)
    assert safety.phase is Phase.LIFT_CHECK, "a stray Enter answers nothing"
    check_named_and_large(screen)


def test_the_lift_check_is_answered_by_an_arrow_then_enter(safety):
    to_the_first_weight(safety)
    safety.key(Qt.Key.Key_Right)
    assert safety.window.focusWidget() is safety.window.screens[Page.EXERCISE].yes
    safety.key(Qt.Key.Key_Right)
    assert safety.window.focusWidget() is safety.window.screens[Page.EXERCISE].no
    safety.key(Qt.Key.Key_Left)
    safety.key(ENTER)
    assert safety.phase is Phase.READY
    assert [check.able for check in safety.repository.sessions()[-1].lift_checks] == [True]


def test_no_flags_the_exercise_for_the_therapist_and_changes_no_dose(safety):
    to_the_first_weight(safety)
    screen = safety.window.screens[Page.EXERCISE]
    planned = safety.controller.session.step.target
    click(screen.no)
    assert safety.phase is Phase.READY
    assert safety.controller.session.step.target == planned
    assert screen.state.text() == "8 times with 0.5 kg"
    assert "Noted for your therapist" in screen.note.text()
    assert safety.window.focusWidget() is screen.primary
    [flag] = safety.repository.exercises_to_review()
    assert (flag.exercise_id, flag.able) == ("shoulder_raise_weight", False)
    click(screen.skip_exercise)
    assert safety.phase is Phase.LIFT_CHECK, "the next weighted exercise is asked about too"


def test_home_asks_to_see_the_therapist_about_a_flagged_exercise(safety):
    safety.save_profile()
    safety.window.history_opened()
    assert safety.window.home.review.isHidden()
    to_the_first_weight(safety)
    click(safety.window.screens[Page.EXERCISE].no)
    safety.controller.stop_tired()
    safety.controller.close()
    review = safety.window.home.review
    assert not review.isHidden()
    assert review.text() == "Ask your therapist about: Forward arm raise with a cuff weight."
    assert review.accessibleName() == review.text()


def test_yes_goes_on_and_the_check_is_not_due_again_for_two_weeks(safety):
    to_the_first_weight(safety)
    click(safety.window.screens[Page.EXERCISE].yes)
    assert safety.phase is Phase.READY
    assert not safety.window.screens[Page.EXERCISE].note.isVisible()
    assert safety.repository.exercises_to_review() == []
    safety.controller.stop_tired()
    safety.controller.close()
    safety.clock.advance(13 * 86_400)
    click(safety.window.home.primary)
    click(safety.window.screens[Page.CARRY_OVER].answers[CarryOver.FINE])
    while safety.controller.session.step.exercise.id != "shoulder_raise_weight":
        safety.controller.skip_exercise()
    assert safety.phase is Phase.READY


# ----- stop safely ------------------------------------------------------------------------


def test_stop_safely_shows_the_recorded_contact_when_the_program_has_none(safety):
    assert safety.window.program.therapist.contact == ""
    safety.save_profile()
    click(safety.window.home.primary)
    safety.controller.report_symptom({Symptom.DIZZY})
    assert safety.window.current is safety.window.screens[Page.STOP_SAFELY]
    assert safety.window.screens[Page.STOP_SAFELY].contact.text() == CONTACT


def test_stop_safely_prefers_the_programs_own_contact(safety):
    safety.window.program = replace(safety.window.program, therapist=Therapist("Dr. Lee", "9"))
    safety.save_profile()
    click(safety.window.home.primary)
    safety.controller.report_symptom({Symptom.PAIN})
    assert safety.window.screens[Page.STOP_SAFELY].contact.text() == "Dr. Lee\n9"


# ----- no time pressure -------------------------------------------------------------------


def to_the_end_of_the_first_hold(rig) -> None:
    rig.save_profile()
    click(rig.window.home.primary)
    rig.controller.start_set()
    rig.advance(3.0)
    rig.advance(30.0)


def test_without_auto_advance_the_hold_waits_and_can_be_lengthened(safety):
    to_the_end_of_the_first_hold(safety)
    screen = safety.window.screens[Page.EXERCISE]
    assert screen.state.text() == "Time is up. Press Done when you are ready."
    assert not screen.wait.isVisible()
    safety.advance(3600)
    assert safety.phase is Phase.RUNNING
    click(screen.extend)
    assert safety.controller.session.remaining() == pytest.approx(10.0)
    assert screen.state.text() == "You may stop early: press Done"


@pytest.mark.parametrize(
    "safety", [SessionOptions(auto_advance=True, auto_advance_factor=3)], indirect=True
)
def test_auto_advance_shows_moving_on_and_wait_keeps_the_patient_here(safety):
    to_the_end_of_the_first_hold(safety)
    screen = safety.window.screens[Page.EXERCISE]
    assert screen.state.text() == "Time is up. Moving on in 30 s."
    assert screen.wait.isVisible() and not screen.extend.isVisible()
    assert screen.wait.height() >= 120, "Wait is a large button"
    safety.advance(12.5)
    assert screen.state.text() == "Time is up. Moving on in 18 s."
    click(screen.wait)
    assert not screen.wait.isVisible() and screen.extend.isVisible()
    safety.advance(600)
    assert safety.phase is Phase.RUNNING


@pytest.mark.parametrize(
    "safety", [SessionOptions(auto_advance=True, auto_advance_factor=1)], indirect=True
)
def test_auto_advance_moves_on_from_a_rest_only_after_the_grace_period(safety, qtbot):
    to_the_end_of_the_first_hold(safety)
    safety.advance(10.0)
    assert safety.phase is Phase.FATIGUE_CHECK
    safety.controller.submit_fatigue(2)
    rest = safety.window.screens[Page.REST]
    safety.advance(15.0)
    assert rest.moving.text() == "Moving on in 10 s" and rest.wait.isVisible()
    assert not rest.big.isVisible()
    deadline = safety.controller.session.deadline()
    assert deadline == pytest.approx(safety.clock.monotonic() + 10.0)
    safety.advance(9.9)
    assert safety.phase is Phase.REST
    safety.advance(0.1)
    assert safety.phase is Phase.READY
