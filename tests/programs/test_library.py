"""The shipped exercise library: enough exercises, every part of the body, safe wording."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from alshome.domain.program import ExerciseKind
from alshome.programs.document import DocumentError, read_json_file
from alshome.programs.library import (
    LIBRARY_FILE,
    library_json,
    library_table,
    load_library,
    stock_library,
)

BODY_REGIONS = {"neck", "shoulders", "trunk", "hips", "knees", "ankles"}
ARM_REGIONS = {"elbows", "wrists", "hands"}


@pytest.fixture(scope="module")
def library():
    return load_library()


def by_kind(library, kind: ExerciseKind) -> list:
    return [exercise for exercise in library.values() if exercise.kind is kind]


def test_the_shipped_file_validates_with_unique_ids(library):
    ids = [entry["id"] for entry in read_json_file(LIBRARY_FILE)["exercises"]]
    assert [key for key, count in Counter(ids).items() if count > 1] == []
    assert list(library) == ids
    assert len(library) >= 26


def test_a_library_with_an_id_used_twice_is_refused(tmp_path):
    document = read_json_file(LIBRARY_FILE)
    document["exercises"].append(dict(document["exercises"][0]))
    path = tmp_path / "exercises.json"
    path.write_text(json.dumps(document))
    first = document["exercises"][0]["id"]
    index = len(document["exercises"]) - 1
    with pytest.raises(DocumentError) as caught:
        load_library(path)
    assert str(caught.value) == f"exercises.json: exercises[{index}].id: {first!r} is used twice"


def test_every_region_and_every_kind_is_covered(library):
    regions = {exercise.region for exercise in library.values()}
    assert regions >= BODY_REGIONS | ARM_REGIONS
    assert {exercise.kind for exercise in library.values()} == set(ExerciseKind)
    assert len(by_kind(library, ExerciseKind.PASSIVE_STRETCH)) >= 6
    assert len(by_kind(library, ExerciseKind.RANGE_OF_MOTION)) >= 6


def test_the_mini_cycle_is_there_for_arms_and_for_legs(library):
    cycles = by_kind(library, ExerciseKind.ENDURANCE)
    assert sorted(exercise.region for exercise in cycles) == ["arms", "legs"]
    for exercise in cycles:
        assert "talk in short sentences" in exercise.instruction
        assert "stop early" in exercise.safety
        assert exercise.caregiver_instruction, "a helper sets the cycle up"


def test_whoever_moves_or_helps_has_instructions(library):
    helped = by_kind(library, ExerciseKind.PASSIVE_STRETCH) + by_kind(
        library, ExerciseKind.RANGE_OF_MOTION
    )
    for exercise in helped:
        assert exercise.caregiver_instruction, exercise.id
        assert exercise.caregiver_instruction != exercise.instruction
    for exercise in by_kind(library, ExerciseKind.PASSIVE_STRETCH):
        assert "helper" in exercise.instruction, exercise.id
        assert "never at pain" in exercise.safety, exercise.id


def test_weights_only_for_a_muscle_that_lifts_against_gravity(library):
    for exercise in by_kind(library, ExerciseKind.RESISTANCE):
        assert exercise.safety.startswith("Only if"), exercise.id
        assert "without the weight" in exercise.safety, exercise.id
        assert exercise.caregiver_instruction is None, "the patient lifts alone"


def test_every_exercise_is_short_plain_and_says_when_to_stop(library):
    for exercise in library.values():
        assert exercise.name and len(exercise.name) <= 60, exercise.id
        assert 0 < len(exercise.instruction) <= 300, exercise.id
        assert "Stop" in exercise.safety or "stop" in exercise.safety, exercise.id
        assert "you" in exercise.instruction.lower(), "spoken to the patient"


def test_the_json_form_is_the_shipped_document():
    assert json.loads(library_json(stock_library())) == read_json_file(LIBRARY_FILE)


def test_the_table_has_one_line_per_exercise_starting_with_its_id():
    lines = library_table(stock_library()).splitlines()
    assert [line.split()[0] for line in lines] == list(stock_library())
    assert lines[0].split()[1] == stock_library()[lines[0].split()[0]].kind.value
