"""The safety checks' records: each committed the moment it is made, and read back whole."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from alshome.domain.safety import CarryOver, CarryOverCheck, LiftCheck, Profile
from alshome.domain.session import Session
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import StoredCarryOver
from tests.storage.conftest import on_disk, write_directly

pytestmark = pytest.mark.databases("sqlite", "postgresql")


@pytest.fixture
def program_id(repository, short_document) -> int:
    return repository.add_program(short_document, active=True)


def test_no_profile_until_the_first_run_is_done_then_one_row(repository, clock):
    assert repository.profile() is None
    first = Profile("Ana Ruiz, PT", "555 0100", "", clock.wall())
    repository.save_profile(first)
    assert repository.profile() == first
    clock.advance(60)
    second = Profile("Ana Ruiz, PT", "ana@example.org", "Sam", clock.wall())
    repository.save_profile(second)
    assert repository.profile() == second
    assert second.saved_at.utcoffset() == timedelta(hours=-5)


def test_a_second_profile_row_is_refused_by_the_schema(repository, database_url, clock):
    repository.save_profile(Profile("", "", "", clock.wall()))
    with pytest.raises(IntegrityError):
        write_directly(
            database_url, "INSERT INTO profile VALUES (2, '', '', '', '2026-03-02T09:30:00-05:00')"
        )


def test_the_carry_over_answer_is_committed_with_the_session_start(
    repository, program_id, short_program, clock, database_url
):
    check = CarryOverCheck(CarryOver.SORE, clock.wall())
    clock.advance(2)
    seen = []

    def listener(event) -> None:
        recorder(event)
        seen.append(on_disk(database_url, "SELECT answer, session_id FROM carry_over_checks"))

    recorder = SessionRecorder(repository, program_id)
    Session(short_program, clock, listener, carry_over=check)
    assert seen[0] == [("sore", recorder.session_id)], "on disk with the SessionStarted event"
    [session] = repository.sessions()
    assert repository.carry_over_checks() == [StoredCarryOver(check, session.uuid)]


def test_a_day_of_rest_is_a_check_without_a_session(repository, clock, database_url):
    check = CarryOverCheck(CarryOver.TIRED, clock.wall())
    repository.record_rest_day(check)
    assert on_disk(database_url, "SELECT answer, session_id FROM carry_over_checks") == [
        ("tired", None)
    ]
    assert repository.carry_over_checks() == [StoredCarryOver(check, None)]
    assert not repository.has_history(), "resting is not a session"


def test_a_session_follows_at_most_one_check(repository, program_id, clock, database_url):
    check = CarryOverCheck(CarryOver.FINE, clock.wall())
    session_id = repository.start_session(
        "0f8fad5b-d9cb-469f-a165-70867728950e", program_id, "Short program", 3, clock.wall(), check
    )
    with pytest.raises(IntegrityError):
        write_directly(
            database_url,
            "INSERT INTO carry_over_checks (session_id, answer, asked_at, asked_utc)"
            " VALUES (:session, 'tired', '2026-03-02T09:30:00-05:00', '2026-03-02 14:30:00')",
            session=session_id,
        )


def lift_session(repository, program_id, short_program, clock, able: bool) -> Session:
    """A session that reaches the weighted exercise and answers its lift check."""
    recorder = SessionRecorder(repository, program_id)
    session = Session(short_program, clock, recorder, lift_checks_due={"shoulder_raise_weight"})
    session.skip_exercise()
    clock.advance(5)
    session.answer_lift_check(able)
    return session


@pytest.mark.parametrize("able", [True, False])
def test_a_lift_check_is_on_disk_the_moment_it_is_answered(
    repository, program_id, short_program, clock, database_url, able
):
    lift_session(repository, program_id, short_program, clock, able)
    assert on_disk(database_url, "SELECT exercise_id, able FROM lift_checks") == [
        ("shoulder_raise_weight", able)
    ]
    [session] = repository.sessions()
    assert session.lift_checks == (
        LiftCheck(
            "shoulder_raise_weight", "Forward arm raise with a cuff weight", able, clock.wall()
        ),
    )


def test_the_latest_lift_check_decides_what_is_due_and_what_is_flagged(
    repository, program_id, short_program, clock
):
    assert repository.last_lift_checks() == {}
    assert repository.exercises_to_review() == []
    lift_session(repository, program_id, short_program, clock, able=False)
    said_no = clock.wall()
    [flag] = repository.exercises_to_review()
    assert (flag.exercise_id, flag.able, flag.checked_at) == (
        "shoulder_raise_weight",
        False,
        said_no,
    )
    assert repository.last_lift_checks() == {"shoulder_raise_weight": said_no.astimezone(UTC)}

    clock.advance(15 * 86_400)
    lift_session(repository, program_id, short_program, clock, able=True)
    assert repository.exercises_to_review() == [], "a later yes clears the flag"
    assert repository.last_lift_checks() == {"shoulder_raise_weight": clock.wall().astimezone(UTC)}
