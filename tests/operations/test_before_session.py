"""The order of the checks before a session, without Qt: each rule the window follows."""

from __future__ import annotations

from dataclasses import replace

import pytest

from alshome.domain.safety import CarryOver
from alshome.operations.before_session import BeforeSession, Step, next_step

RETURNING = BeforeSession(start_pressed=True, profile_recorded=True, earlier_session=True)


def test_without_a_history_nothing_is_asked():
    assert next_step(BeforeSession(start_pressed=False, has_history=False)) is Step.HOME
    assert next_step(BeforeSession(start_pressed=True, has_history=False)) is Step.BEGIN


def test_opening_offers_an_unfinished_session_before_anything_else():
    opened = BeforeSession(start_pressed=False, unfinished_session=True)
    assert next_step(opened) is Step.UNFINISHED


def test_opening_shows_the_first_run_pages_until_they_are_done():
    assert next_step(BeforeSession(start_pressed=False)) is Step.FIRST_RUN
    assert next_step(BeforeSession(start_pressed=False, profile_recorded=True)) is Step.HOME


def test_no_session_starts_before_the_contact_is_recorded():
    pressed = BeforeSession(start_pressed=True, earlier_session=True, carry_over=CarryOver.FINE)
    assert next_step(pressed) is Step.FIRST_RUN


def test_the_first_session_starts_without_the_carry_over_question():
    first = BeforeSession(start_pressed=True, profile_recorded=True)
    assert next_step(first) is Step.BEGIN


def test_every_later_session_asks_about_the_last_one_first():
    assert next_step(RETURNING) is Step.CARRY_OVER


def test_feeling_fine_begins_the_session():
    fine = replace(RETURNING, carry_over=CarryOver.FINE)
    assert next_step(fine) is Step.BEGIN


@pytest.mark.parametrize("answer", [CarryOver.TIRED, CarryOver.SORE])
def test_still_tired_or_sore_offers_a_lighter_day(answer):
    affected = replace(RETURNING, carry_over=answer)
    assert next_step(affected) is Step.LIGHTER_DAY
