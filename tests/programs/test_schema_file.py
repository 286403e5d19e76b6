"""The JSON Schema shipped in resources/schema is the one the models make, and every
program shipped in resources/programs is a valid program file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from alshome.platform.resources import resource
from alshome.programs.document import parse_program, read_json_file
from alshome.programs.library import stock_library
from alshome.programs.schema import (
    PROGRAM_SCHEMA_FILE,
    PROGRAM_SCHEMA_ID,
    program_schema_text,
)

SHIPPED_PROGRAMS = sorted(resource("programs").glob("*.json"))


def test_the_shipped_schema_is_the_one_the_models_make():
    assert PROGRAM_SCHEMA_FILE.read_text(encoding="utf-8") == program_schema_text(), (
        "resources/schema/program.schema.json is out of date: "
        "run `python -m alshome.programs.schema` and commit the file"
    )


def test_the_schema_names_itself_and_the_format():
    schema = json.loads(PROGRAM_SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$id"] == PROGRAM_SCHEMA_ID
    assert schema["title"] == "alshome program file"
    assert schema["additionalProperties"] is False
    assert schema["properties"]["format"]["const"] == "alshome-program"
    assert schema["properties"]["format_version"]["enum"] == [1, 2]
    assert schema["then"]["properties"]["custom_exercises"]["maxItems"] == 0
    assert set(schema["required"]) == {
        "format",
        "format_version",
        "name",
        "version",
        "prescriptions",
    }
    stretch = schema["$defs"]["PassiveStretchDoc"]["properties"]["hold_seconds"]
    assert (stretch["minimum"], stretch["maximum"]) == (5, 300)
    custom = schema["$defs"]["CustomExerciseDoc"]
    assert custom["additionalProperties"] is False
    assert set(custom["required"]) == {"id", "name", "kind", "region", "instruction"}
    picture = re.compile(custom["properties"]["picture"]["anyOf"][0]["pattern"])
    assert picture.match("media/stretch.png") and picture.match("neck.JPG") is None
    assert not any(map(picture.match, ("../up.png", "/abs.png", ".hidden.png", "a/./b.png")))
    video = re.compile(custom["properties"]["video"]["anyOf"][0]["pattern"])
    assert video.match("clinic/walk.mp4") and video.match("walk.webm")
    assert video.match("walk.png") is None


@pytest.mark.parametrize("path", SHIPPED_PROGRAMS, ids=lambda path: path.name)
def test_every_shipped_program_is_a_valid_program_file(path: Path):
    program = parse_program(read_json_file(path), stock_library())
    assert program.prescriptions
