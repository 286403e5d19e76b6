"""The repository: programs, a session written step by step, and the history read back."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from alshome.domain.fatigue import Symptom
from alshome.domain.program import ExerciseKind, Mover, Side
from alshome.domain.recorded import StoredSession, StoredSet
from alshome.domain.session import SessionStatus, SetRecord
from alshome.storage.repository import (
    MergeResult,
    ProgramConflictError,
    ProgramRecord,
    SessionOverview,
    StoredProgram,
)

pytestmark = pytest.mark.databases("sqlite", "postgresql")

NEW_YORK_WINTER = timezone(timedelta(hours=-5))
PARIS_WINTER = timezone(timedelta(hours=1))


def at(hour: int, minute: int = 0, zone: timezone = NEW_YORK_WINTER) -> datetime:
    return datetime(2026, 3, 2, hour, minute, tzinfo=zone)


def record(program, position, done, started, ended, symptoms=()) -> SetRecord:
    step = program.steps()[position]
    return SetRecord(position, step, started, ended, done, step.mover, frozenset(symptoms))


def start(repository, program_id=None, started_at=None, uuid="u-1") -> int:
    return repository.start_session(uuid, program_id, "Short program", 3, started_at or at(9))


def test_no_program_and_no_history_at_first(repository):
    assert repository.active_program() is None
    assert repository.last_session() is None
    assert not repository.has_history()
    assert repository.sessions() == []


def test_a_program_is_kept_exactly_as_given(repository, short_document):
    program_id = repository.add_program(short_document, active=True)
    assert repository.active_program() == StoredProgram(
        program_id, "Short program", 3, short_document
    )
    assert repository.program(program_id) == repository.active_program()


def test_activating_a_program_deactivates_the_others(repository, short_document):
    first = repository.add_program(short_document, active=True)
    second = repository.add_program({**short_document, "version": 4}, active=True)
    assert repository.active_program().id == second
    assert [(p.version, p.active) for p in repository.programs()] == [(3, False), (4, True)]
    assert repository.add_program(short_document, active=True) == first
    assert repository.active_program().id == first


def test_an_inactive_program_leaves_the_active_one_alone(repository, short_document):
    active = repository.add_program(short_document, active=True)
    repository.add_program({**short_document, "version": 4}, active=False)
    assert repository.active_program().id == active


def test_a_different_program_under_the_same_name_and_version_is_refused(repository, short_document):
    repository.add_program(short_document, active=True)
    with pytest.raises(ProgramConflictError):
        repository.add_program({**short_document, "notes": "changed"}, active=False)
    assert len(repository.programs()) == 1


def test_a_session_is_written_as_it_happens(repository, short_program, short_document):
    program_id = repository.add_program(short_document, active=True)
    session_id = start(repository, program_id)
    repository.record_set(
        session_id,
        record(short_program, 0, {"seconds": 10.0}, at(9, 1), at(9, 2), [Symptom.CRAMP]),
    )
    repository.record_fatigue(session_id, 0, 7, {Symptom.PAIN})
    repository.record_set(session_id, record(short_program, 1, None, at(9, 3), at(9, 3)))
    repository.record_set(
        session_id, record(short_program, 2, {"repetitions": 5}, at(9, 4), at(9, 5))
    )
    repository.record_fatigue(session_id, 2, 3, ())
    repository.end_session(session_id, SessionStatus.STOPPED_TIRED, at(9, 6), ())

    [session] = repository.sessions()
    assert session == StoredSession(
        uuid="u-1",
        started_at=at(9),
        ended_at=at(9, 6),
        status=SessionStatus.STOPPED_TIRED,
        program_name="Short program",
        program_version=3,
        symptoms=(),
        sets=(
            StoredSet(
                position=0,
                exercise_id="hamstring_stretch",
                exercise_name="Back-of-thigh stretch",
                kind=ExerciseKind.PASSIVE_STRETCH,
                side=Side.LEFT,
                set_number=1,
                total_sets=1,
                mover=Mover.CAREGIVER,
                planned={"seconds": 10.0},
                done={"seconds": 10.0},
                fatigue=7,
                symptoms=(Symptom.CRAMP, Symptom.PAIN),
                started_at=at(9, 1),
                ended_at=at(9, 2),
            ),
            StoredSet(
                position=1,
                exercise_id="hamstring_stretch",
                exercise_name="Back-of-thigh stretch",
                kind=ExerciseKind.PASSIVE_STRETCH,
                side=Side.RIGHT,
                set_number=1,
                total_sets=1,
                mover=Mover.CAREGIVER,
                planned={"seconds": 10.0},
                done=None,
                fatigue=None,
                symptoms=(),
                started_at=at(9, 3),
                ended_at=at(9, 3),
            ),
            StoredSet(
                position=2,
                exercise_id="shoulder_raise_weight",
                exercise_name="Forward arm raise with a cuff weight",
                kind=ExerciseKind.RESISTANCE,
                side=Side.NONE,
                set_number=1,
                total_sets=2,
                mover=Mover.PATIENT,
                planned={"repetitions": 6, "load": 0.5, "unit": "kg"},
                done={"repetitions": 5},
                fatigue=3,
                symptoms=(),
                started_at=at(9, 4),
                ended_at=at(9, 5),
            ),
        ),
    )
    assert session.started_at.utcoffset() == timedelta(hours=-5)
    assert repository.last_session() == SessionOverview(
        started_at=at(9),
        ended_at=at(9, 6),
        status=SessionStatus.STOPPED_TIRED,
        program_name="Short program",
        program_version=3,
        sets_done=2,
        sets_skipped=1,
        highest_fatigue=7,
    )
    assert repository.last_session().duration == timedelta(minutes=6)
    assert repository.has_history()


def test_a_session_still_running_has_no_end_and_no_duration(repository):
    start(repository)
    overview = repository.last_session()
    assert overview.status is SessionStatus.IN_PROGRESS
    assert overview.ended_at is None and overview.duration is None
    assert (overview.sets_done, overview.sets_skipped, overview.highest_fatigue) == (0, 0, None)


def test_history_is_ordered_by_the_real_moment_not_the_clock_on_the_wall(repository):
    # 09:00 in New York is 14:00 UTC; 12:00 in Paris is 11:00 UTC, three hours earlier.
    start(repository, started_at=at(9, zone=NEW_YORK_WINTER), uuid="new-york")
    start(repository, started_at=at(12, zone=PARIS_WINTER), uuid="paris")
    assert [session.uuid for session in repository.sessions()] == ["paris", "new-york"]
    assert repository.last_session().started_at == at(9, zone=NEW_YORK_WINTER)


def test_a_time_without_offset_is_refused(repository):
    with pytest.raises(ValueError, match="offset"):
        repository.start_session("u", None, "p", 1, datetime(2026, 3, 2, 9, 0))
    assert not repository.has_history()


def test_the_database_refuses_an_impossible_fatigue_rating(repository, short_program):
    session_id = start(repository)
    repository.record_set(session_id, record(short_program, 0, {"seconds": 10.0}, at(9), at(9)))
    with pytest.raises(IntegrityError):
        repository.record_fatigue(session_id, 0, 11, ())
    assert repository.sessions()[0].sets[0].fatigue is None


def test_deleting_a_session_deletes_its_sets(repository, engine, short_program):
    session_id = start(repository)
    repository.record_set(session_id, record(short_program, 0, None, at(9), at(9)))
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM sessions"))
        assert connection.execute(text("SELECT count(*) FROM sets")).scalar() == 0


def test_deleting_a_program_keeps_its_sessions(repository, engine, short_document):
    start(repository, repository.add_program(short_document, active=True))
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM programs"))
    assert repository.sessions()[0].program_name == "Short program"


def test_import_into_a_history_keeps_its_active_program(repository, short_document):
    local = repository.add_program(short_document, active=True)
    start(repository, local)
    incoming = ProgramRecord("Other", 3, True, {**short_document, "name": "Other"})
    assert repository.import_history([incoming], []) == MergeResult(added=0, already_here=0)
    assert [(p.name, p.active) for p in repository.programs()] == [
        ("Short program", True),
        ("Other", False),
    ]


def test_import_reuses_a_saved_program_and_activates_the_exported_one(repository, short_document):
    demo_id = repository.add_program({**short_document, "name": "Demo"}, active=True)
    repository.import_history(
        [
            ProgramRecord("Demo", 3, False, {**short_document, "name": "Demo"}),
            ProgramRecord("Short program", 3, True, short_document),
        ],
        [],
    )
    programs = repository.programs()
    assert [(p.name, p.active) for p in programs] == [("Demo", False), ("Short program", True)]
    assert repository.active_program().id != demo_id
