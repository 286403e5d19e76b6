"""A data folder holding a real history: the demo program followed for a few sets."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from alshome.domain.clock import ManualClock
from alshome.domain.fatigue import Symptom
from alshome.domain.session import Session
from alshome.operations import load_active_program
from alshome.paths import resolve_locations
from alshome.storage.db import open_database
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository


def follow_demo(repository: Repository, clock: ManualClock, sets: int) -> None:
    """Hold or lift through `sets` sets, rating each, then stop with a cramp."""
    program_id, program = load_active_program(repository)
    session = Session(program, clock, SessionRecorder(repository, program_id))
    for rating in range(sets):
        session.start_set()
        clock.advance(3)
        session.tick()
        clock.advance(30)
        session.tick()
        session.finish_set()
        session.answer_fatigue(rating)
        session.end_rest()
    session.report_symptom([Symptom.CRAMP])


@pytest.fixture
def history_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "history"
    engine = open_database(resolve_locations(str(folder)).database_url)
    try:
        repository = Repository(engine)
        clock = ManualClock(datetime(2026, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=2))))
        follow_demo(repository, clock, sets=2)
        clock.advance(86_400)
        follow_demo(repository, clock, sets=1)
    finally:
        engine.dispose()
    return folder
