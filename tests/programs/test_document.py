"""The program file: the demo validates, and bad documents get one sentence naming the field."""

from __future__ import annotations

import copy
import json

import pytest

from alshome.domain.program import ExerciseKind, Mover, Side
from alshome.programs.demo import demo_document
from alshome.programs.document import (
    DocumentError,
    build_program,
    parse_program,
    read_json_file,
)
from alshome.programs.library import load_library, stock_library


@pytest.fixture
def demo():
    return demo_document()


def problem(document) -> str:
    with pytest.raises(DocumentError) as caught:
        parse_program(document, stock_library())
    return str(caught.value)


def test_demo_program_meets_the_brief(demo):
    program = parse_program(demo, stock_library())
    assert program.example
    assert program.thresholds.rest_longer_at == 6
    assert program.thresholds.stop_at == 8
    kinds = [p.exercise.kind for p in program.prescriptions]
    assert kinds.count(ExerciseKind.PASSIVE_STRETCH) >= 2
    assert kinds.count(ExerciseKind.RESISTANCE) >= 2
    assert kinds.count(ExerciseKind.ENDURANCE) >= 1
    assert all(p.dose.sets >= 2 for p in program.prescriptions)
    stretches = [s for s in program.steps() if s.exercise.kind is ExerciseKind.PASSIVE_STRETCH]
    assert all(s.mover is Mover.CAREGIVER for s in stretches)
    assert all(s.exercise.caregiver_instruction for s in stretches)
    assert {s.side for s in stretches} == {Side.LEFT, Side.RIGHT}
    assert "example" in program.notes
    assert "stretches only" in program.lighter_option


def test_the_lighter_option_is_optional(demo):
    del demo["lighter_option"]
    assert parse_program(demo, stock_library()).lighter_option == ""


def test_every_library_exercise_has_instructions_and_safety():
    library = stock_library()
    assert len(library) >= 5
    for exercise in library.values():
        assert exercise.instruction and exercise.safety
        if exercise.kind is ExerciseKind.PASSIVE_STRETCH:
            assert exercise.caregiver_instruction


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ("prescriptions", 0, "hold_seconds"),
            400,
            "prescriptions[0].hold_seconds: must be between 5 and 300",
        ),
        (("prescriptions", 2, "load"), -1, "prescriptions[2].load: must be between 0 and 25"),
        (("prescriptions", 4, "bouts"), "two", "prescriptions[4].bouts: must be a whole number"),
        (("thresholds", "stop_at"), 11, "thresholds.stop_at: must be between 1 and 10"),
        (("prescriptions", 1, "sides"), "up", "prescriptions[1].sides: must be one of"),
        (("format",), "other", "format: must be 'alshome-program'"),
        (("prescriptions", 0, "exercise"), "moonwalk", "'moonwalk' is not in the library"),
        (("prescriptions", 0, "kind"), "teleport", "prescriptions[0].kind: must be one of"),
        (("name",), "", "name: must not be empty"),
        (("lighter_option",), "x" * 1001, "lighter_option: must be at most 1000 characters"),
    ],
)
def test_bad_fields_are_named_in_one_sentence(demo, path, value, message):
    target = demo
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    text = problem(demo)
    assert message in text
    assert "\n" not in text


def test_unknown_fields_are_refused(demo):
    demo["prescriptions"][3]["speed"] = 2
    assert problem(demo) == "prescriptions[3].speed: is not a known field"


def test_kind_must_match_the_library(demo):
    demo["prescriptions"][0] = {
        "exercise": "hamstring_stretch",
        "kind": "range_of_motion",
        "repetitions": 5,
        "sides": "both",
    }
    assert "is a passive_stretch exercise" in problem(demo)


def test_rest_longer_cannot_be_above_stop(demo):
    demo["thresholds"] = {"rest_longer_at": 9, "stop_at": 7}
    assert "rest_longer_at" in problem(demo)


def test_missing_field_is_required(demo):
    del demo["prescriptions"][0]["hold_seconds"]
    assert problem(demo) == "prescriptions[0].hold_seconds: is required"


def test_reading_refuses_large_missing_and_broken_files(tmp_path):
    with pytest.raises(DocumentError, match="no file"):
        read_json_file(tmp_path / "absent.json")
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"x": "a" * 2000}))
    with pytest.raises(DocumentError, match="too large"):
        read_json_file(big, max_bytes=1000)
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json")
    with pytest.raises(DocumentError, match="not valid JSON"):
        read_json_file(broken)
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(DocumentError, match="not a text file"):
        read_json_file(binary)


def test_a_damaged_library_is_reported_plainly(tmp_path):
    path = tmp_path / "exercises.json"
    path.write_text(
        json.dumps({"format": "alshome-library", "version": 1, "exercises": [{"id": "x"}]})
    )
    with pytest.raises(DocumentError, match=r"exercises\.json: exercises\[0\]"):
        load_library(path)


def test_parsing_never_changes_the_document(demo):
    before = copy.deepcopy(demo)
    parse_program(demo, stock_library())
    assert demo == before


def test_building_a_valid_document_gives_what_parsing_gives(demo):
    assert build_program(demo, stock_library()) == parse_program(demo, stock_library())


def test_building_fills_in_the_same_defaults_as_validation(demo):
    kept = ("format", "format_version", "name", "version", "prescriptions")
    minimal = {key: demo[key] for key in kept}
    for entry in minimal["prescriptions"]:
        for optional in ("rest_seconds", "unit", "resistance_level"):
            entry.pop(optional, None)
    built = build_program(minimal, stock_library())
    assert built == parse_program(minimal, stock_library())
    assert built.prescriptions[0].dose.rest_seconds == 15


def test_building_checks_the_library_and_thresholds_too(demo):
    demo["prescriptions"][0]["exercise"] = "moonwalk"
    with pytest.raises(DocumentError, match="'moonwalk' is not in the library"):
        build_program(demo, stock_library())
    demo["prescriptions"][0]["exercise"] = "hamstring_stretch"
    demo["thresholds"] = {"rest_longer_at": 9, "stop_at": 7}
    with pytest.raises(DocumentError, match="rest_longer_at"):
        build_program(demo, stock_library())


@pytest.mark.parametrize(
    ("path", "value"),
    [(("prescriptions", 0, "hold_seconds"), "30"), (("example",), 1), (("version",), 1.0)],
)
def test_building_refuses_what_only_lenient_validation_accepts(demo, path, value):
    target = demo
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    parse_program(demo, stock_library())
    with pytest.raises(DocumentError, match=f"{path[-1]}: .* is not written as the format says"):
        build_program(demo, stock_library())


def test_the_shipped_library_is_valid_and_read_the_same_without_validation():
    assert stock_library() == load_library()
