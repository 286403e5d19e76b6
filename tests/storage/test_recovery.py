"""After a crash mid-session: the saved sets are found, carried on once, or closed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from alshome.domain.session import Phase, Session, SessionStatus
from alshome.operations.recovery import RESUMABLE_FOR, find_unfinished
from alshome.programs.document import parse_program
from alshome.programs.library import stock_library
from alshome.storage.recorder import SessionRecorder

pytestmark = pytest.mark.databases("sqlite", "postgresql")


@pytest.fixture
def program_id(repository, short_document) -> int:
    return repository.add_program(short_document, active=True)


@pytest.fixture
def program(short_document):
    return parse_program(short_document, stock_library())


def crash_after(sets: int, repository, program_id, program, clock) -> Session:
    """A session that saved `sets` sets, then was never heard of again (a kill -9)."""
    session = Session(program, clock, SessionRecorder(repository, program_id))
    for _ in range(sets):
        session.skip_set()
        if session.phase is Phase.REST:
            session.end_rest()
    return session


def test_no_unfinished_session_offers_nothing(repository, program_id, clock):
    assert find_unfinished(repository, clock.wall()) is None


def test_the_saved_sets_are_offered_to_carry_on(repository, program_id, program, clock):
    crashed = crash_after(2, repository, program_id, program, clock)
    clock.advance(120)
    recovery = find_unfinished(repository, clock.wall())
    assert recovery is not None
    assert recovery.sets_saved == 2
    assert recovery.sets_planned == len(program.steps())
    assert recovery.resumption.started_at == crashed.started_at
    assert recovery.resumption.next_index == 2
    assert [r.position for r in recovery.resumption.records] == [0, 1]


def test_carrying_on_saves_into_the_same_session_each_set_once(
    repository, program_id, program, clock
):
    crash_after(2, repository, program_id, program, clock)
    clock.advance(60)
    recovery = find_unfinished(repository, clock.wall())
    recorder = SessionRecorder(repository, recovery.program_id, recovery.session_id)
    session = Session(recovery.program, clock, recorder, resume_from=recovery.resumption)
    while session.phase is not Phase.SUMMARY:
        if session.phase is Phase.REST:
            session.end_rest()
        elif session.phase is Phase.FATIGUE_CHECK:
            session.answer_fatigue(3)
        else:
            session.skip_set()
    [saved] = repository.sessions()
    assert saved.status is SessionStatus.COMPLETED
    assert [s.position for s in saved.sets] == list(range(len(program.steps())))
    assert find_unfinished(repository, clock.wall()) is None


def test_an_old_unfinished_session_is_closed_as_interrupted_when_it_last_saved(
    repository, program_id, program, clock
):
    crash_after(1, repository, program_id, program, clock)
    last_saved = clock.wall()
    clock.advance((RESUMABLE_FOR + timedelta(minutes=1)).total_seconds())
    assert find_unfinished(repository, clock.wall()) is None
    [saved] = repository.sessions()
    assert saved.status is SessionStatus.INTERRUPTED
    assert saved.ended_at == last_saved
    assert len(saved.sets) == 1, "its set is kept"


def test_only_the_newest_is_offered_and_older_ones_are_closed(
    repository, program_id, program, clock
):
    crash_after(1, repository, program_id, program, clock)
    clock.advance(600)
    crash_after(2, repository, program_id, program, clock)
    recovery = find_unfinished(repository, clock.wall())
    assert recovery.sets_saved == 2
    statuses = [s.status for s in repository.sessions()]
    assert statuses == [SessionStatus.INTERRUPTED, SessionStatus.IN_PROGRESS]


def test_a_session_whose_program_no_longer_matches_is_closed(
    repository, program_id, program, clock, engine
):
    crash_after(2, repository, program_id, program, clock)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE sets SET exercise_id = 'neck_turn_rom'")
    assert find_unfinished(repository, clock.wall()) is None
    assert [s.status for s in repository.sessions()] == [SessionStatus.INTERRUPTED]
