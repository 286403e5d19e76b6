"""The example programs from the published trials: valid, labelled as examples, sourced."""

from __future__ import annotations

import pytest

from alshome.domain.program import ExerciseKind, Mover
from alshome.platform.resources import resource
from alshome.programs.document import parse_program, read_json_file
from alshome.programs.library import stock_library

CLAWSON_2018 = "Clawson et al. 2018"
SOURCES = {
    "trial_2018_stretching.json": (CLAWSON_2018, "NCT01521728"),
    "trial_2018_resistance.json": (CLAWSON_2018, "NCT01521728"),
    "trial_2018_endurance.json": (CLAWSON_2018, "NCT01521728"),
    "nct03326622_aerobic.json": ("Braga et al. 2018", "NCT03326622"),
}


def program_in(file_name: str):
    document = read_json_file(resource("programs", file_name))
    return document, parse_program(document, stock_library())


def kinds(program) -> set[ExerciseKind]:
    return {prescription.exercise.kind for prescription in program.prescriptions}


@pytest.mark.parametrize("file_name", sorted(SOURCES))
def test_each_example_is_valid_labelled_and_cites_its_source(file_name):
    document, program = program_in(file_name)
    assert program.example
    assert program.notes.startswith("Example for your therapist to adapt, based on ")
    assert "Not a prescription." in program.notes
    for citation in SOURCES[file_name]:
        assert citation in program.notes
    assert program.therapist.name == ""
    assert program.lighter_option
    assert document["author"]["name"] == ""


@pytest.mark.parametrize("file_name", sorted(SOURCES))
def test_the_cycle_is_set_for_the_limb_its_exercise_is_for(file_name):
    _, program = program_in(file_name)
    for prescription in program.prescriptions:
        if prescription.exercise.kind is ExerciseKind.ENDURANCE:
            assert prescription.dose.limb.value == prescription.exercise.region


def test_the_stretching_arm_is_stretched_by_a_partner_for_30_seconds():
    _, program = program_in("trial_2018_stretching.json")
    assert kinds(program) == {ExerciseKind.PASSIVE_STRETCH, ExerciseKind.RANGE_OF_MOTION}
    stretches = [
        p for p in program.prescriptions if p.exercise.kind is ExerciseKind.PASSIVE_STRETCH
    ]
    assert len(stretches) >= 6
    assert {p.dose.hold_seconds for p in stretches} == {30}
    assert {p.dose.mover for p in stretches} == {Mover.CAREGIVER}
    regions = {p.exercise.region for p in program.prescriptions}
    assert {"shoulders", "hips", "ankles"} <= regions


def test_the_resistance_arm_is_one_light_set_of_8_to_12():
    _, program = program_in("trial_2018_resistance.json")
    assert kinds(program) == {ExerciseKind.RESISTANCE}
    regions = {p.exercise.region for p in program.prescriptions}
    assert {"shoulders", "hips", "knees"} <= regions
    for prescription in program.prescriptions:
        assert prescription.dose.sets == 1
        assert 8 <= prescription.dose.repetitions <= 12
        assert prescription.dose.load <= 1.0


def test_the_endurance_arm_uses_the_cycle_for_legs_then_arms():
    _, program = program_in("trial_2018_endurance.json")
    assert [p.exercise.id for p in program.prescriptions] == ["leg_cycle", "arm_cycle"]


def test_the_aerobic_program_is_twice_a_week_in_bouts_of_ten_minutes_at_most():
    _, program = program_in("nct03326622_aerobic.json")
    assert program.weekly_target == 2
    assert kinds(program) == {ExerciseKind.ENDURANCE}
    assert all(p.dose.bout_minutes <= 10 for p in program.prescriptions)
