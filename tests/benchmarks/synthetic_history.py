"""A realistic synthetic history: about ten years of sessions written straight into SQLite.

Used by the history benchmark and by tests that need a large or odd history. It writes
what the app itself would have saved, through the schema the migrations made:

- two or three sessions a week on the person's usual days, with gaps (illness, holidays)
  and, as the disease progresses, fewer sessions and higher fatigue;
- the therapist's program changing every year or so (new version, new doses, and a
  weekly target of 2 or 3);
- about one session in twelve stopped when tired, one in forty for a symptom;
- life in Berlin with its daylight-saving changes, then a move to New York;
- an ALSFRS-R self-rating each month of the last three years, losing about half a point
  a month, legs and hands before speech and breathing.

Everything goes in one transaction with `executemany`, so ten years take seconds.
Run as a script to make a data folder by hand:

    .venv/bin/python tests/benchmarks/synthetic_history.py FOLDER [--years 10]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from alshome.domain.alsfrs import DAYS_PER_MONTH, ITEMS, EnteredBy
from alshome.domain.program import ExerciseKind, Program
from alshome.platform.paths import resolve_locations
from alshome.programs.demo import demo_document
from alshome.programs.document import build_program
from alshome.programs.library import stock_library
from alshome.storage.db import open_database
from alshome.storage.snapshot import SQLITE_DATETIME_FORMAT

BERLIN, NEW_YORK = ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York")
FIRST_DAY = date(2016, 1, 4)  # a Monday
MOVE_AFTER_YEARS = 6
RATED_MONTHS = 36
ONSET = date(2015, 3, 1)
# How likely each item (in the scale's order) is to be the one a month's loss falls on.
LOSS_WEIGHTS = (1, 1, 1, 3, 3, 3, 4, 4, 4, 1, 1, 1)


@dataclass(frozen=True)
class Written:
    sessions: int
    sets: int
    ratings: int
    first: datetime
    last: datetime


def program_document(version: int, rng: random.Random) -> dict:
    """A version of the person's program: the example's exercises at changing doses."""
    document = demo_document()
    document.update(
        name="Home program",
        version=version,
        example=False,
        weekly_target=rng.choice((2, 2, 3)),
        author={"name": "Ana Ruiz, PT", "contact": "555 0100"},
    )
    stretches = 3 if version < 8 else 2
    for entry in document["prescriptions"]:
        if entry["kind"] == "passive_stretch":
            entry["repetitions"] = stretches
        elif entry["kind"] == "resistance":
            entry["sets"] = 3 if version < 6 else 2
            entry["repetitions"] = max(6, 12 - version // 2)
            entry["load"] = max(0.5, entry["load"] + 0.5 - 0.25 * (version // 3))
        elif entry["kind"] == "endurance":
            entry["bout_minutes"] = max(3, 10 - version // 2)
    document["prescriptions"].extend(
        {
            "exercise": exercise,
            "kind": "passive_stretch",
            "hold_seconds": 30,
            "repetitions": stretches,
            "sides": "both",
            "rest_seconds": 15,
        }
        for exercise in ("inner_thigh_stretch", "shoulder_overhead_stretch")
    )
    return document


def zone_on(day: date) -> ZoneInfo:
    return NEW_YORK if day >= FIRST_DAY.replace(year=FIRST_DAY.year + MOVE_AFTER_YEARS) else BERLIN


def session_days(rng: random.Random, years: float) -> list[date]:
    """Mostly two or three days a week, fewer as years pass, with gaps of up to four weeks."""
    days, week = [], FIRST_DAY
    end = FIRST_DAY + timedelta(days=round(365.25 * years))
    while week < end:
        if rng.random() < 0.02:
            week += timedelta(weeks=rng.randint(1, 4))  # ill, away, a hard month
            continue
        progress = (week - FIRST_DAY).days / (365.25 * max(years, 1))
        count = rng.choices((1, 2, 3, 4), weights=(progress, 1.5, 6, 3.5 - progress))[0]
        days.extend(week + timedelta(days=d) for d in sorted(rng.sample(range(7), count)))
        week += timedelta(weeks=1)
    return [day for day in days if day < end]


def write_history(folder: Path, years: float = 10, seed: int = 6) -> Written:
    """Make `folder`'s database (at head, via the migrations) and fill it with a history."""
    rng = random.Random(seed)
    url = resolve_locations(str(folder)).database_url
    open_database(url).dispose()
    library = stock_library()
    days = session_days(rng, years)
    versions = max(1, round(years))
    documents = [program_document(v + 1, rng) for v in range(versions)]
    programs = [build_program(document, library) for document in documents]
    connection = sqlite3.connect(folder / "alshome.sqlite3")
    try:
        with connection:
            added = datetime(2016, 1, 1, tzinfo=UTC).isoformat()
            connection.executemany(
                "INSERT INTO programs (id, name, version, document, active, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (n + 1, d["name"], d["version"], json.dumps(d), n == versions - 1, added)
                    for n, d in enumerate(documents)
                ],
            )
            sessions, sets = _rows(rng, days, programs, years)
            connection.executemany(
                "INSERT INTO sessions (id, uuid, program_id, program_name, program_version,"
                " started_at, started_utc, ended_at, status, symptoms)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                sessions,
            )
            connection.executemany(
                "INSERT INTO sets (session_id, position, exercise_id, exercise_name, kind, side,"
                " set_number, total_sets, mover, planned, done, fatigue, symptoms, started_at,"
                " ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                sets,
            )
            ratings = _ratings(rng, days[-1])
            connection.executemany(
                f"INSERT INTO alsfrs_entries (entered_at, entered_utc, {', '.join(ITEMS)},"
                f" entered_by, onset) VALUES ({', '.join('?' * (len(ITEMS) + 4))})",
                ratings,
            )
    finally:
        connection.close()
    first = datetime.fromisoformat(sessions[0][5])
    last = datetime.fromisoformat(sessions[-1][5])
    return Written(len(sessions), len(sets), len(ratings), first, last)


def _rows(
    rng: random.Random, days: list[date], programs: list[Program], years: float
) -> tuple[list[tuple], list[tuple]]:
    sessions: list[tuple] = []
    sets: list[tuple] = []
    span = 365.25 * max(years, 1)
    for session_id, day in enumerate(days, start=1):
        progress = (day - FIRST_DAY).days / span
        index = min(len(programs) - 1, int(progress * len(programs)))
        program = programs[index]
        zone = zone_on(day)
        start = datetime(day.year, day.month, day.day, 9 + rng.randint(0, 10), rng.randint(0, 59))
        start = start.replace(tzinfo=zone)
        base = 2 + 4 * progress + rng.gauss(0, 1)
        steps = program.steps()
        roll = rng.random()
        stop_at = len(steps)
        status, symptoms = "completed", []
        if roll < 0.025:
            status, symptoms = "stopped_symptom", [rng.choice(("cramp", "pain", "dizzy"))]
            stop_at = rng.randint(1, len(steps))
        elif roll < 0.11:
            status, stop_at = "stopped_tired", rng.randint(2, len(steps))
        moment = start
        for position, step in enumerate(steps[:stop_at]):
            length = step.target.seconds or (step.target.repetitions or 0) * 4
            ended = moment + timedelta(seconds=length)
            skipped = rng.random() < 0.03
            done = None if skipped else _done(step.target, rng)
            fatigue = None if skipped else max(0, min(10, round(base + position * 0.1)))
            last = position == stop_at - 1
            set_symptoms = symptoms if last and symptoms else []
            sets.append(
                (
                    session_id,
                    position,
                    step.exercise.id,
                    step.exercise.name,
                    step.exercise.kind.value,
                    step.side.value,
                    step.set_number,
                    step.total_sets,
                    _mover(step, rng),
                    json.dumps(step.target.as_dict()),
                    None if done is None else json.dumps(done),
                    fatigue,
                    json.dumps(set_symptoms),
                    _local(moment),
                    _local(ended),
                )
            )
            moment = ended + timedelta(seconds=step.rest_seconds + 20)
        sessions.append(
            (
                session_id,
                str(uuid.UUID(int=rng.getrandbits(128))),
                index + 1,
                program.name,
                program.version,
                _local(start),
                start.astimezone(UTC).replace(tzinfo=None).strftime(SQLITE_DATETIME_FORMAT),
                _local(moment),
                status,
                json.dumps(symptoms),
            )
        )
    return sessions, sets


def _ratings(rng: random.Random, last_day: date) -> list[tuple]:
    """A rating a month up to `last_day`, in the evening, mostly by the patient."""
    values = [4] * len(ITEMS)
    rows = []
    for months_back in range(RATED_MONTHS - 1, -1, -1):
        day = last_day - timedelta(days=round(months_back * DAYS_PER_MONTH))
        if rng.random() < 0.55:
            left = [index for index, value in enumerate(values) if value]
            values[rng.choices(left, [LOSS_WEIGHTS[index] for index in left])[0]] -= 1
        moment = datetime(day.year, day.month, day.day, 19, tzinfo=zone_on(day))
        who = EnteredBy.CAREGIVER if rng.random() < 0.2 else EnteredBy.PATIENT
        utc = moment.astimezone(UTC).replace(tzinfo=None).strftime(SQLITE_DATETIME_FORMAT)
        rows.append((_local(moment), utc, *values, who.value, ONSET.isoformat()))
    return rows


def _done(target, rng: random.Random) -> dict:
    if target.seconds is not None:
        return {"seconds": round(target.seconds * rng.uniform(0.85, 1.0), 1)}
    return {"repetitions": max(1, (target.repetitions or 0) - rng.choice((0, 0, 0, 1, 2)))}


def _mover(step, rng: random.Random) -> str:
    if step.exercise.kind is ExerciseKind.RANGE_OF_MOTION:
        return rng.choice(("patient", "assisted", "caregiver"))
    return step.mover.value


def _local(moment: datetime) -> str:
    """As the app stores a moment: ISO 8601 with the offset of the zone it was lived in."""
    return moment.isoformat()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--years", type=float, default=10)
    options = parser.parse_args()
    written = write_history(options.folder, options.years)
    print(
        f"{written.sessions} sessions, {written.sets} sets, {written.ratings} ALSFRS-R ratings,"
        f" {written.first} to {written.last}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
