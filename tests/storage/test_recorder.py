"""The recorder commits each event of a real session the moment it is emitted.

After every event a second, independent connection reads the file: what it sees is what a
crash right then would leave behind.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from alshome.domain.fatigue import Symptom
from alshome.domain.session import Session, SessionStatus, SetFinished, SetRecord
from alshome.storage.errors import SaveError
from alshome.storage.recorder import SessionRecorder
from tests.storage.conftest import on_disk, write_directly

pytestmark = pytest.mark.databases("sqlite", "postgresql")


def committed(database_url) -> dict:
    """Sessions and sets as another process would see them now."""
    sessions = on_disk(
        database_url,
        "SELECT status, ended_at, CAST(symptoms AS TEXT), program_name, program_version"
        " FROM sessions",
    )
    sets = on_disk(
        database_url,
        "SELECT position, CAST(done AS TEXT), fatigue, CAST(symptoms AS TEXT) FROM sets"
        " ORDER BY position",
    )
    return {"sessions": sessions, "sets": sets}


@pytest.fixture
def program_id(repository, short_document) -> int:
    return repository.add_program(short_document, active=True)


def test_each_event_is_on_disk_before_the_next_one(
    repository, program_id, short_program, clock, database_url
):
    recorder = SessionRecorder(repository, program_id)
    seen: list[tuple[str, dict]] = []

    def listener(event) -> None:
        recorder(event)
        seen.append((type(event).__name__, committed(database_url)))

    session = Session(short_program, clock, listener)
    session.start_set()  # a timed hold starts with a lead-in
    clock.advance(3)
    session.tick()
    clock.advance(10)
    session.tick()
    session.finish_set()
    session.answer_fatigue(4)
    session.end_rest()
    session.skip_set()
    session.start_set()
    session.finish_set(repetitions=4)
    session.answer_fatigue(None, [Symptom.CRAMP])

    after = dict(seen)
    assert after["SessionStarted"]["sessions"] == [("in_progress", None, "[]", "Short program", 3)]
    set_events = [state for name, state in seen if name == "SetFinished"]
    assert [state["sets"] for state in set_events] == [
        [(0, '{"seconds": 10.0}', None, "[]")],
        [(0, '{"seconds": 10.0}', 4, "[]"), (1, None, None, "[]")],
        [
            (0, '{"seconds": 10.0}', 4, "[]"),
            (1, None, None, "[]"),
            (2, '{"repetitions": 4}', None, "[]"),
        ],
    ]
    fatigue_events = [state for name, state in seen if name == "FatigueAnswered"]
    assert fatigue_events[0]["sets"] == [(0, '{"seconds": 10.0}', 4, "[]")]
    assert fatigue_events[1]["sets"][2] == (2, '{"repetitions": 4}', None, '["cramp"]')
    assert fatigue_events[1]["sessions"][0][0] == "in_progress"
    ended = after["SessionEnded"]["sessions"]
    assert ended == [
        ("stopped_symptom", (clock.wall()).isoformat(), '["cramp"]', "Short program", 3)
    ]

    [stored] = repository.sessions()
    assert stored.status is SessionStatus.STOPPED_SYMPTOM
    assert stored.started_at == clock.wall() - timedelta(seconds=13)
    assert stored.sets[0].started_at == stored.started_at + timedelta(seconds=3)


def test_phase_changes_and_countdowns_write_nothing(
    repository, program_id, short_program, clock, database_url
):
    recorder = SessionRecorder(repository, program_id)
    states: list[dict] = []

    def listener(event) -> None:
        recorder(event)
        if type(event).__name__ in ("PhaseChanged", "CountdownFinished"):
            states.append(committed(database_url))

    session = Session(short_program, clock, listener)
    session.start_set()
    clock.advance(3)
    session.tick()
    session.pause()
    session.resume()
    assert len(states) >= 4
    assert all(state == states[0] for state in states)


def test_a_set_cannot_be_saved_before_its_session(repository, program_id, short_program, clock):
    recorder = SessionRecorder(repository, program_id)
    step = short_program.steps()[0]
    orphan = SetRecord(0, step, clock.wall(), clock.wall(), None, step.mover)
    with pytest.raises(RuntimeError):
        recorder(SetFinished(orphan))
    assert not repository.has_history()


def test_a_write_the_database_refuses_becomes_a_save_error(
    repository, program_id, short_program, clock, database_url
):
    recorder = SessionRecorder(repository, program_id)
    write_directly(database_url, "DROP TABLE sets")
    session = Session(short_program, clock, recorder)
    session.start_set()
    clock.advance(3)
    session.tick()
    clock.advance(10)
    session.tick()
    with pytest.raises(SaveError, match="SetFinished was not saved") as caught:
        session.finish_set()
    assert isinstance(caught.value.__cause__, SQLAlchemyError)


def test_sets_after_an_unsaved_start_raise_save_error_not_a_crash():
    from alshome.storage.errors import SaveError
    from alshome.storage.recorder import SessionRecorder

    class Refusing:
        def program(self, program_id):
            from alshome.storage.snapshot import StoredProgram

            return StoredProgram(id=1, name="P", version=1, document={})

    recorder = SessionRecorder(Refusing(), 1)
    with pytest.raises(SaveError):
        _ = recorder.session_id


def test_a_commit_that_fails_leaves_nothing_behind_and_the_retry_writes_each_set_once(
    engine, repository, program_id, short_program, clock, database_url
):
    """A failed COMMIT (as on a full disk) must roll back the whole write, or a retry doubles it."""
    refusing = {"on": False}

    def refuse_commit(connection) -> None:
        if refusing["on"]:
            raise OperationalError("COMMIT", None, OSError("disk is full"))

    event.listen(engine, "commit", refuse_commit)
    recorder = SessionRecorder(repository, program_id)
    refused: list[str] = []

    def listener(session_event) -> None:
        try:
            recorder(session_event)
        except SaveError:
            refused.append(type(session_event).__name__)

    session = Session(short_program, clock, listener)
    refusing["on"] = True
    session.skip_set()
    session.skip_set()
    assert refused == ["SetFinished", "SetFinished"]
    assert recorder.pending == 2
    assert committed(database_url)["sets"] == []

    refusing["on"] = False
    recorder.retry()
    session.skip_set()

    assert recorder.pending == 0
    assert committed(database_url)["sets"] == [
        (0, None, None, "[]"),
        (1, None, None, "[]"),
        (2, None, None, "[]"),
    ]
    [stored] = repository.sessions()
    assert [stored_set.position for stored_set in stored.sets] == [0, 1, 2]
