"""The report's per-exercise table: sets planned against done, skips, load, who moved."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from alshome.domain.program import ExerciseKind, Mover, Side
from alshome.domain.recorded import StoredSet
from alshome.operations.report_exercises import exercise_figures
from alshome.platform.paths import resolve_locations
from alshome.report.pdf import report_pdf
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from tests.report.poppler import page_text, poppler, skip_without_poppler, written
from tests.report.test_report_figures import figures_of

START = datetime(2026, 1, 5, 10, tzinfo=timezone(timedelta(hours=1)))
RAISE = ("arm_raise", "Forward arm raise", ExerciseKind.RESISTANCE)
STRETCH = ("calf_stretch", "Calf stretch", ExerciseKind.PASSIVE_STRETCH)


def stored(
    exercise: tuple[str, str, ExerciseKind],
    set_number: int,
    total_sets: int,
    planned: dict[str, Any],
    done: dict[str, Any] | None,
    mover: Mover = Mover.PATIENT,
    side: Side = Side.NONE,
) -> StoredSet:
    exercise_id, name, kind = exercise
    return StoredSet(
        0, exercise_id, name, kind, side, set_number, total_sets, mover, planned, done,
        None, (), START, START,
    )


KG = {"repetitions": 8, "unit": "kg"}


def test_each_exercise_counts_its_sets_planned_done_skipped_and_who_moved():
    first = [
        stored(RAISE, 1, 2, {**KG, "load": 0.5}, {"repetitions": 8}),
        stored(RAISE, 2, 2, {**KG, "load": 0.5}, None),  # skipped
        stored(STRETCH, 1, 1, {"seconds": 30}, {"seconds": 30}, Mover.CAREGIVER, Side.LEFT),
        stored(STRETCH, 1, 1, {"seconds": 30}, {"seconds": 30}, Mover.CAREGIVER, Side.RIGHT),
    ]
    second = [  # stopped after the first set: the second was planned, never reached
        stored(RAISE, 1, 2, {**KG, "load": 1.0}, {"repetitions": 6}, Mover.ASSISTED),
    ]
    raised, stretched = exercise_figures([first, second])
    assert (raised.name, raised.sessions, raised.sets_planned) == ("Forward arm raise", 2, 4)
    assert (raised.sets_done, raised.sets_skipped, raised.sets_not_reached) == (2, 1, 1)
    assert (raised.heaviest_load, raised.unit) == (1.0, "kg")
    assert raised.latest_plan == {**KG, "load": 1.0}
    assert raised.movers == {Mover.PATIENT: 1, Mover.ASSISTED: 1}
    assert (stretched.sessions, stretched.sets_planned, stretched.sets_done) == (1, 2, 2)
    assert stretched.heaviest_load is None
    assert stretched.as_json()["movers"] == {"patient": 0, "assisted": 0, "caregiver": 2}


def test_a_skipped_heavier_set_is_not_the_load():
    sets = [
        stored(RAISE, 1, 2, {**KG, "load": 0.5}, {"repetitions": 8}),
        stored(RAISE, 2, 2, {**KG, "load": 2.0}, None),
    ]
    assert exercise_figures([sets])[0].heaviest_load == 0.5


@pytest.mark.databases("sqlite", "postgresql")
def test_the_stored_history_is_tabled_by_exercise(qapp, report_history, tmp_path):
    """Four sessions reached the stretch (the fifth recorded no set), planned at two sets a
    side: 29 Dec reached both sides (4 planned), the others the left only (2 each); one set
    was done on each side reached, all moved by the caregiver."""
    skip_without_poppler()
    figures = figures_of(report_history)
    (stretch,) = figures.exercises
    assert (stretch.sessions, stretch.sets_planned, stretch.sets_done) == (4, 10, 5)
    assert figures.as_json()["exercises"][0]["sets_not_reached"] == 5
    pdf = written(tmp_path, report_pdf(figures), "exercises.pdf")
    pages = int(poppler("pdfinfo", pdf).split("Pages:")[1].split()[0])
    text = " ".join(page_text(pdf, page) for page in range(1, pages + 1))
    assert "Each exercise" in text
    assert "Back-of-thigh stretch 4 5 of 10 0 Hold 30 seconds – by the caregiver 5" in text


@pytest.mark.databases("sqlite", "postgresql")
def test_the_sets_of_many_sessions_are_read_as_one_session_at_a_time(report_history):
    engine = open_database(resolve_locations(str(report_history)).database_url)
    try:
        repository = Repository(engine)
        uuids = [session.uuid for session in repository.session_summaries()]
        one_by_one = {uuid: repository.session_sets(uuid) for uuid in uuids}
        assert repository.sets_of_sessions(uuids) == {
            uuid: sets for uuid, sets in one_by_one.items() if sets
        }
        assert len(repository.sets_of_sessions(uuids[:2])) == 2
    finally:
        engine.dispose()
