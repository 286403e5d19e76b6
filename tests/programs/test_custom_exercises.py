"""A program's own exercises (format version 2): named by prescriptions as library ones are."""

from __future__ import annotations

import pytest

from alshome.programs.demo import demo_document
from alshome.programs.document import DocumentError, build_program
from alshome.programs.library import stock_library
from alshome.programs.transfer import check_program, document_of, program_file_text
from tests.programs.bundles import PUTTY, custom_document


def test_a_custom_exercise_is_prescribed_and_carried_as_a_library_one():
    program = check_program(custom_document()).program
    exercise = program.prescriptions[0].exercise

    assert exercise.id == PUTTY["id"] and exercise.instruction == PUTTY["instruction"]
    assert (exercise.picture, exercise.video) == ("media/putty.png", "media/putty.mp4")
    assert program.custom_exercises == (exercise,)
    assert program.media == ("media/putty.png", "media/putty.mp4")
    assert [step.exercise for step in program.steps()[:4]] == [exercise] * 4


def test_a_custom_program_round_trips_through_its_document():
    checked = check_program(custom_document())
    assert document_of(checked.program) == checked.document
    assert check_program(document_of(checked.program)).program == checked.program


def test_a_version_1_file_is_written_back_unchanged():
    checked = check_program(demo_document())
    assert checked.document["format_version"] == 1
    assert "custom_exercises" not in checked.document
    assert "custom_exercises" not in program_file_text(checked.document)
    assert document_of(checked.program) == checked.document


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            lambda document: document.update(format_version=1),
            "custom_exercises: need format_version 2",
        ),
        (
            lambda document: document["custom_exercises"][0].update(id="neck_turn"),
            "custom_exercises[0].id: 'neck_turn' is a library exercise's id",
        ),
        (
            lambda document: document["custom_exercises"].append(PUTTY),
            "custom_exercises[1].id: 'hand_putty_squeeze' is used twice",
        ),
        (
            lambda document: document["custom_exercises"][0].update(picture="../putty.png"),
            "custom_exercises[0].picture: must be a relative path in the bundle",
        ),
        (
            lambda document: document["custom_exercises"][0].update(video="/tmp/putty.mp4"),
            "custom_exercises[0].video: must be a relative path in the bundle",
        ),
        (
            lambda document: document["custom_exercises"][0].update(kind="endurance"),
            "prescriptions[0].kind: 'hand_putty_squeeze' is a endurance exercise",
        ),
        (
            lambda document: document["custom_exercises"][0].update(sound="on"),
            "custom_exercises[0].sound: is not a known field",
        ),
    ],
)
def test_a_bad_custom_exercise_is_refused_naming_the_field(change, reason):
    document = custom_document()
    change(document)
    with pytest.raises(DocumentError, match=reason.replace("[", r"\[").replace("]", r"\]")):
        check_program(document)


def test_a_stored_custom_exercise_still_builds_once_the_library_takes_its_id():
    """An import refuses the shadowing id, but a saved program must still open as it was."""
    document = check_program(custom_document()).document
    library = {**stock_library(), PUTTY["id"]: stock_library()["neck_turn"]}

    program = build_program(document, library)

    assert program.prescriptions[0].exercise.name == PUTTY["name"]
