"""The exercise library shipped in resources/library: names, instructions, safety notes.

The app reads the shipped file with `stock_library`, which trusts it and builds it without
pydantic (importing pydantic would slow the start; see `alshome.programs.document`). The
tests validate that same file with `load_library`, the loader for any other library file,
so a mistake in the shipped file fails the tests, never a start.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from alshome.domain.program import Exercise
from alshome.programs.document import build, read_json_file
from alshome.resources import resource

LIBRARY_FILE = resource("library", "exercises.json")


def load_library(path: Path = LIBRARY_FILE) -> dict[str, Exercise]:
    """Validate a library file as a whole, then build it; raise DocumentError if unusable."""
    from alshome.programs.schema import validate_library

    return build_library(validate_library(read_json_file(path), path.name))


def build_library(document: Mapping[str, Any]) -> dict[str, Exercise]:
    """The exercises of a library document already known to be valid, by id."""
    return {entry["id"]: build(Exercise, {}, entry) for entry in document["exercises"]}


@cache
def stock_library() -> dict[str, Exercise]:
    """The library shipped with the app, read once per process."""
    return build_library(read_json_file(LIBRARY_FILE))
