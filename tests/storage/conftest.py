"""Storage fixtures: a real database per test, migrated by the shipped migrations.

Times carry a non-UTC offset on purpose, so a test fails if any layer drops or converts
the offset the person lived a session in.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from alshome.domain.clock import ManualClock
from alshome.domain.program import (
    Exercise,
    ExerciseKind,
    LoadUnit,
    PassiveStretchDose,
    Prescription,
    Program,
    ResistanceDose,
    Sides,
)
from alshome.platform.paths import sqlite_url
from alshome.storage.db import open_database
from alshome.storage.repository import Repository

EASTERN = timezone(timedelta(hours=-5))


def on_disk(database_url: str, sql: str, **parameters: object) -> list[tuple]:
    """What another connection reads now: what a crash right then would leave behind.

    Read JSON columns with CAST(column AS TEXT): both databases then give the text stored.
    """
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql), parameters)]
    finally:
        engine.dispose()


def write_directly(database_url: str, sql: str, **parameters: object) -> None:
    """One statement past the repository, committed; raises what the database raises."""
    engine = create_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(text(sql), parameters)
    finally:
        engine.dispose()


@pytest.fixture
def database_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "alshome.sqlite3"


@pytest.fixture
def database_url(database_path: Path, server_database_url: str | None) -> str:
    """The test's database: a new SQLite file, or a new database on the PostgreSQL server."""
    return server_database_url or sqlite_url(database_path)


@pytest.fixture
def another_database_url(
    tmp_path: Path, server_database_url: str | None, request: pytest.FixtureRequest
) -> Iterator[str]:
    """A second, empty history on the same kind of database, to import into."""
    if server_database_url is None:
        yield sqlite_url(tmp_path / "another" / "alshome.sqlite3")
        return
    server = request.getfixturevalue("postgres_server")
    url = server.new_database()
    yield url
    server.drop_database(url)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = open_database(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def repository(engine: Engine) -> Repository:
    return Repository(engine)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 3, 2, 9, 30, tzinfo=EASTERN))


@pytest.fixture
def short_program() -> Program:
    """A stretch on both sides, then two sets of a weighted exercise: four steps."""
    stretch = Exercise(
        id="hamstring_stretch",
        name="Back-of-thigh stretch",
        kind=ExerciseKind.PASSIVE_STRETCH,
        region="hips",
        instruction="Let your leg go loose.",
        caregiver_instruction="Lift the leg until you feel gentle resistance.",
    )
    raise_arm = Exercise(
        id="shoulder_raise_weight",
        name="Forward arm raise with a cuff weight",
        kind=ExerciseKind.RESISTANCE,
        region="shoulders",
        instruction="Raise your straight arm forward.",
    )
    return Program(
        name="Short program",
        version=3,
        prescriptions=(
            Prescription(stretch, PassiveStretchDose(10, 1, Sides.BOTH, rest_seconds=5)),
            Prescription(raise_arm, ResistanceDose(0.5, LoadUnit.KG, 6, 2, Sides.NONE, 30)),
        ),
    )


@pytest.fixture
def short_document(short_program: Program) -> dict:
    """The program file that the short program would come from."""
    return {
        "format": "alshome-program",
        "format_version": 1,
        "name": short_program.name,
        "version": short_program.version,
        "prescriptions": [
            {
                "exercise": "hamstring_stretch",
                "kind": "passive_stretch",
                "hold_seconds": 10,
                "repetitions": 1,
                "sides": "both",
                "rest_seconds": 5,
            },
            {
                "exercise": "shoulder_raise_weight",
                "kind": "resistance",
                "load": 0.5,
                "repetitions": 6,
                "sets": 2,
                "sides": "none",
                "rest_seconds": 30,
            },
        ],
    }
