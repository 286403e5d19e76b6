"""A stored history for the report's tests: a month across New Year, hand-countable.

Sessions (Berlin, +01:00), with their highest / average fatigue:
- Mon 29 Dec 2025 completed 5 / 4; Wed 31 Dec completed 4 / 4; Fri 2 Jan 2026 stopped
  when tired 8 / 8: one ISO week (of 29 Dec) across the year boundary, 3 sessions;
- Tue 6 Jan stopped for a cramp 6 / 6, after "still tired" (and a day of rest on 5 Jan
  after "still sore");
- Tue 20 Jan completed, no rating.
ALSFRS-R: one entry in June 2025 (outside the range), 40 on 1 Jan 2026 with onset
1 Jan 2024, then 38 and 36 on 15 Jan (the same day). The profile names "Sam".
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from alshome.domain.alsfrs import EnteredBy, Entry
from alshome.domain.fatigue import Symptom
from alshome.domain.safety import CarryOver, CarryOverCheck, Profile
from alshome.domain.session import SessionStatus, SetRecord
from alshome.operations.startup import load_active_program
from alshome.platform.paths import resolve_locations
from alshome.storage.db import open_database
from alshome.storage.repository import Repository

BERLIN = timezone(timedelta(hours=1))
FIRST, LAST = date(2025, 12, 28), date(2026, 1, 25)


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN)


def rating(total: int, day: date, onset: date | None = None) -> Entry:
    """An entry with `total` points, the points missing taken one by one from each item."""
    values = [4] * 12
    for index in range(48 - total):
        values[index % 12] -= 1
    return Entry(at(day, 18), tuple(values), EnteredBy.PATIENT, onset)


def record_session(
    repository: Repository,
    day: date,
    ratings: list[int],
    status: SessionStatus,
    symptoms: tuple[Symptom, ...] = (),
    carry_over: CarryOverCheck | None = None,
) -> None:
    program_id, program = load_active_program(repository)
    started = at(day)
    session_id = repository.start_session(
        str(uuid.uuid4()), program_id, program.name, program.version, started, carry_over
    )
    for position, (step, value) in enumerate(zip(program.steps(), ratings, strict=False)):
        moment = started + timedelta(minutes=position + 1)
        record = SetRecord(position, step, moment, moment, {"repetitions": 1}, step.mover)
        repository.record_set(session_id, record)
        repository.record_fatigue(session_id, position, value, ())
    repository.end_session(session_id, status, started + timedelta(minutes=30), symptoms)


@pytest.fixture
def report_history(tmp_path: Path) -> Path:
    folder = tmp_path / "history"
    engine = open_database(resolve_locations(str(folder)).database_url)
    try:
        repository = Repository(engine)
        repository.save_profile(Profile("Ana Ruiz, PT", "555 0100", "Sam", at(FIRST)))
        completed = SessionStatus.COMPLETED
        record_session(repository, date(2025, 12, 29), [3, 5], completed)
        record_session(repository, date(2025, 12, 31), [4], completed)
        record_session(repository, date(2026, 1, 2), [8], SessionStatus.STOPPED_TIRED)
        repository.record_rest_day(CarryOverCheck(CarryOver.SORE, at(date(2026, 1, 5), 9)))
        record_session(
            repository,
            date(2026, 1, 6),
            [6],
            SessionStatus.STOPPED_SYMPTOM,
            (Symptom.CRAMP,),
            CarryOverCheck(CarryOver.TIRED, at(date(2026, 1, 6), 9)),
        )
        record_session(repository, date(2026, 1, 20), [], completed)
        repository.save_alsfrs(rating(44, date(2025, 6, 1)))
        repository.save_alsfrs(rating(40, date(2026, 1, 1), onset=date(2024, 1, 1)))
        repository.save_alsfrs(rating(38, date(2026, 1, 15)))
        repository.save_alsfrs(rating(36, date(2026, 1, 15)))
    finally:
        engine.dispose()
    return folder
