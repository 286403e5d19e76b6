"""A data folder holding a real history: the demo program followed for a few sets, with the
first-run profile, a carry-over check before the second session, a day of rest and a lift
check answered "no"."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from alshome.domain.clock import ManualClock
from alshome.domain.fatigue import Symptom
from alshome.domain.safety import CarryOver, CarryOverCheck, LiftCheck, Profile
from alshome.domain.session import Session
from alshome.operations.startup import load_active_program
from alshome.platform.paths import resolve_locations
from alshome.storage.db import open_database
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository


def time_a_set(session: Session, clock: ManualClock) -> None:
    """A set started: its countdown, 30 seconds of it, then finished (its rating asked)."""
    clock.advance(3)
    session.tick()
    clock.advance(30)
    session.tick()
    session.finish_set()


def follow_demo(
    repository: Repository, clock: ManualClock, sets: int, carry_over: CarryOverCheck | None = None
) -> int:
    """Hold or lift through `sets` sets, rating each, then stop with a cramp; the session's id."""
    program_id, program = load_active_program(repository)
    recorder = SessionRecorder(repository, program_id)
    session = Session(program, clock, recorder, carry_over=carry_over)
    for rating in range(sets):
        session.start_set()
        time_a_set(session, clock)
        session.answer_fatigue(rating)
        session.end_rest()
    session.report_symptom([Symptom.CRAMP])
    return recorder.session_id


@pytest.fixture
def history_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "history"
    engine = open_database(resolve_locations(str(folder)).database_url)
    try:
        repository = Repository(engine)
        clock = ManualClock(datetime(2026, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=2))))
        repository.save_profile(Profile("Ana Ruiz, PT", "555 0100", "Sam", clock.wall()))
        follow_demo(repository, clock, sets=2)
        clock.advance(86_400)
        repository.record_rest_day(CarryOverCheck(CarryOver.SORE, clock.wall()))
        clock.advance(86_400)
        second = follow_demo(repository, clock, 1, CarryOverCheck(CarryOver.TIRED, clock.wall()))
        repository.record_lift_check(
            second, LiftCheck("knee_extension_weight", "Knee straightening", False, clock.wall())
        )
    finally:
        engine.dispose()
    return folder
