"""Carrying on a session cut off part way: it picks up at the next set, never repeats one."""

from __future__ import annotations

from dataclasses import replace

from alshome.domain.program import Mover
from alshome.domain.session import (
    Phase,
    Resumption,
    Session,
    SessionEnded,
    SessionStarted,
    SessionStatus,
    SetFinished,
)
from tests.domain.test_session import Harness


def cut_off_after(sets: int, rate: int | None = 3) -> tuple[Harness, Resumption]:
    """A session that recorded `sets` sets and then stopped without ending."""
    first = Harness()
    for _ in range(sets):
        first.run_timed_set(30)
        first.session.answer_fatigue(rate)
        if first.session.phase is Phase.REST:
            first.session.end_rest()
    records = tuple(event.record for event in first.of(SetFinished))
    ratings = tuple(event.rating for event in first.events if hasattr(event, "rating"))
    return first, Resumption(
        first.session.started_at, records, tuple(r for r in ratings if r is not None)
    )


def resumed(first: Harness, resumption: Resumption, events: list) -> Session:
    first.clock.advance(600)
    return Session(first.session.program, first.clock, events.append, resume_from=resumption)


def test_it_carries_on_at_the_set_after_the_last_one_saved():
    first, resumption = cut_off_after(2)
    events: list = []
    session = resumed(first, resumption, events)
    assert session.index == 2 == resumption.next_index
    assert session.phase is Phase.READY
    assert session.started_at == first.session.started_at
    assert not [e for e in events if isinstance(e, SessionStarted)], "its start is saved already"
    assert [r.position for r in session.records] == [0, 1]
    assert session.ratings == [3, 3]


def test_the_sets_it_records_follow_on_without_repeating_a_position():
    first, resumption = cut_off_after(3)
    events: list = []
    session = resumed(first, resumption, events)
    session.skip_set()
    positions = [e.record.position for e in events if isinstance(e, SetFinished)]
    assert positions == [3]
    assert session.summary().sets_done == 3, "the three done before the crash count"


def test_nothing_saved_yet_starts_at_the_first_set():
    first, resumption = cut_off_after(0)
    session = resumed(first, resumption, [])
    assert session.index == 0 and session.phase is Phase.READY


def test_every_set_saved_ends_it_as_completed_at_once():
    first = Harness()
    session = first.session
    while session.phase is not Phase.SUMMARY:
        if session.phase is Phase.REST:
            session.end_rest()
        elif session.phase is Phase.FATIGUE_CHECK:
            session.answer_fatigue(2)
        else:
            session.skip_set()
    records = tuple(event.record for event in first.of(SetFinished))
    assert len(records) == len(session.steps)
    events: list = []
    again = Session(
        session.program,
        first.clock,
        events.append,
        resume_from=Resumption(session.started_at, records),
    )
    assert again.phase is Phase.SUMMARY
    assert [e.status for e in events if isinstance(e, SessionEnded)] == [SessionStatus.COMPLETED]


def test_who_moves_stays_as_chosen_within_the_exercise_cut_off():
    first = Harness()
    first.run_timed_set(30)
    record = replace(first.of(SetFinished)[0].record, mover=Mover.ASSISTED)
    session = first.session
    again = Session(
        session.program,
        first.clock,
        lambda event: None,
        resume_from=Resumption(session.started_at, (record,)),
    )
    assert again.step.prescription_index == record.step.prescription_index, "the other side"
    assert again.mover is Mover.ASSISTED


def test_a_new_exercise_after_the_cut_starts_with_its_own_mover():
    stretches = sum(1 for step in Harness().session.steps if step.prescription_index == 0)
    first, resumption = cut_off_after(stretches)  # every stretch done: the lift comes next
    changed = tuple(replace(r, mover=Mover.ASSISTED) for r in resumption.records)
    again = Session(
        first.session.program,
        first.clock,
        lambda event: None,
        resume_from=replace(resumption, records=changed),
    )
    assert again.step.exercise.id == "lift"
    assert again.mover is again.step.mover
