"""A program turned back into its document: what the editor saves, checked like a file."""

from __future__ import annotations

from dataclasses import replace

import pytest

from alshome.domain.program import Limb
from alshome.programs.demo import demo_document
from alshome.programs.document import DocumentError
from alshome.programs.transfer import check_program, document_of


def test_a_program_gives_back_its_own_canonical_document():
    checked = check_program(demo_document())
    assert document_of(checked.program) == checked.document


def test_an_edited_program_round_trips_through_the_checks():
    program = check_program(demo_document()).program
    cycle = next(p for p in program.prescriptions if hasattr(p.dose, "limb"))
    edited = replace(
        program,
        version=program.version + 1,
        prescriptions=(replace(cycle, dose=replace(cycle.dose, limb=Limb.ARMS, bouts=3)),),
    )
    document = document_of(edited)
    assert document["version"] == program.version + 1
    assert document["prescriptions"][0]["limb"] == "arms"
    assert check_program(document).program == edited


def test_a_value_out_of_bounds_is_refused_with_the_files_sentence():
    program = check_program(demo_document()).program
    first = program.prescriptions[0]
    too_many = replace(first, dose=replace(first.dose, repetitions=999))
    edited = replace(program, prescriptions=(too_many,))
    with pytest.raises(DocumentError, match=r"prescriptions\[0\]\.repetitions: must be between"):
        document_of(edited)
