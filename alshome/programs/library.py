"""The exercise library shipped in resources/library: names, instructions, safety notes."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from alshome.domain.program import Exercise, ExerciseKind
from alshome.programs.document import DocumentError, explain, read_json_file
from alshome.resources import resource

LIBRARY_FILE = resource("library", "exercises.json")


class ExerciseDoc(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=r"^[a-z0-9_]{2,80}$")]
    name: Annotated[str, Field(min_length=1, max_length=120)]
    kind: ExerciseKind
    region: Annotated[str, Field(min_length=1, max_length=40)]
    instruction: Annotated[str, Field(min_length=1, max_length=1000)]
    caregiver_instruction: Annotated[str, Field(max_length=1000)] | None = None
    safety: Annotated[str, Field(max_length=1000)] = ""


class LibraryDoc(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["alshome-library"]
    version: Literal[1]
    exercises: list[ExerciseDoc]


def load_library(path: Path = LIBRARY_FILE) -> dict[str, Exercise]:
    try:
        document = LibraryDoc.model_validate(read_json_file(path))
    except ValidationError as exc:
        raise DocumentError(f"{path.name}: {explain(exc)}") from None
    return {entry.id: Exercise(**entry.model_dump()) for entry in document.exercises}


@cache
def stock_library() -> dict[str, Exercise]:
    """The library shipped with the app, read once per process."""
    return load_library()
