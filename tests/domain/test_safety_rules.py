"""The rules of the safety checks: when the lift question is due, and whose contact to show."""

from __future__ import annotations

from datetime import timedelta

import pytest

from alshome.domain.clock import ManualClock
from alshome.domain.program import Therapist
from alshome.domain.safety import (
    LIFT_CHECK_INTERVAL,
    CarryOver,
    Profile,
    lift_checks_due,
    therapist_contact,
)
from tests.domain.test_session import make_program

NOW = ManualClock().wall()


def test_lift_check_is_due_for_resistance_exercises_never_checked():
    assert lift_checks_due(make_program(), {}, NOW) == {"lift"}


@pytest.mark.parametrize(
    ("age", "due"),
    [
        (timedelta(0), False),
        (LIFT_CHECK_INTERVAL - timedelta(minutes=1), False),
        (LIFT_CHECK_INTERVAL, True),
        (timedelta(days=90), True),
    ],
)
def test_lift_check_is_due_again_after_the_interval(age, due):
    assert lift_checks_due(make_program(), {"lift": NOW - age}, NOW) == ({"lift"} if due else set())


def test_checks_of_exercises_not_in_the_program_do_not_matter():
    assert lift_checks_due(make_program(), {"other": NOW}, NOW) == {"lift"}


def test_carry_over_answers_other_than_fine_mean_still_affected():
    assert [answer.still_affected for answer in CarryOver] == [False, True, True]


def profile(name: str = "Dr. Lee", contact: str = "555 0100") -> Profile:
    return Profile(name, contact, "Sam", NOW)


def test_the_programs_contact_comes_first():
    program = Therapist("Ana Ruiz, PT", "ana@example.org")
    assert therapist_contact(program, profile()) == program


def test_the_profile_fills_in_a_program_without_a_contact():
    assert therapist_contact(Therapist(), profile()) == Therapist("Dr. Lee", "555 0100")
    assert therapist_contact(Therapist("Ana Ruiz"), profile(name="")) == Therapist(
        "Ana Ruiz", "555 0100"
    )
    assert therapist_contact(Therapist("Ana Ruiz"), None) == Therapist("Ana Ruiz")
