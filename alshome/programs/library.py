"""The exercise library shipped in resources/library: names, instructions, safety notes.

The app reads the shipped file with `stock_library`, which trusts it and builds it without
pydantic (importing pydantic would slow the start; see `alshome.programs.document`). The
tests validate that same file with `load_library`, the loader for any other library file,
so a mistake in the shipped file fails the tests, never a start.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from alshome.domain.program import Exercise
from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
from alshome.platform.resources import resource
from alshome.programs.document import build, read_json_file

LIBRARY_FILE = resource("library", "exercises.json")
LIBRARY_FORMAT = "alshome-library"
LIBRARY_VERSION = 1
ENGLISH = "en"  # the language the library is written in
MEDIA_FIELDS = ("picture", "video")  # a therapist's own exercises only; never in a library
TRANSLATED_FIELDS = ("name", "instruction", "caregiver_instruction", "safety")  # never id or kind

_language = ENGLISH


def load_library(path: Path = LIBRARY_FILE) -> dict[str, Exercise]:
    """Validate a library file as a whole, then build it; raise DocumentError if unusable.

    An id used twice is refused: building by id would silently keep only the last entry.
    """
    from alshome.programs.schema import validate_library

    document = validate_library(read_json_file(path), path.name)
    seen: set[str] = set()
    for index, entry in enumerate(document["exercises"]):
        if entry["id"] in seen:
            raise DocumentError(
                QT_TRANSLATE_NOOP("Errors", "{file}: {field}: {value} is used twice"),
                file=path.name,
                field=f"exercises[{index}].id",
                value=repr(entry["id"]),
            )
        seen.add(entry["id"])
    return build_library(document)


def build_library(document: Mapping[str, Any]) -> dict[str, Exercise]:
    """The exercises of a library document already known to be valid, by id."""
    return {entry["id"]: build(Exercise, {}, entry) for entry in document["exercises"]}


def use_language(code: str) -> None:
    """Give the app's exercises the texts of language `code` from now on (English: "en").

    The app calls this once as it opens, before any program is built. Translations live
    in `exercises.<code>.json`, by exercise id, so program files stay the same in every
    language; the command line never calls this, so what it prints stays in English.
    """
    global _language
    _language = code


def stock_library() -> dict[str, Exercise]:
    """The library shipped with the app, in the language in use, read once per language."""
    return _stock_library(_language)


@cache
def _stock_library(code: str) -> dict[str, Exercise]:
    document = read_json_file(LIBRARY_FILE)
    translation = resource("library", f"exercises.{code}.json")
    if code != ENGLISH and translation.is_file():
        texts = read_json_file(translation)["exercises"]
        for entry in document["exercises"]:
            translated = texts.get(entry["id"], {})
            entry.update(
                {field: translated[field] for field in TRANSLATED_FIELDS if field in translated}
            )
    return build_library(document)


def library_json(library: Mapping[str, Exercise]) -> str:
    """The library as a library document, in the format of the shipped file, for other tools.

    Written from the exercises the app has loaded rather than copied from the file, so what
    it prints is what a program is checked against.
    """
    exercises = [
        {name: value for name, value in asdict(exercise).items() if name not in MEDIA_FIELDS}
        for exercise in library.values()
    ]
    document = {"format": LIBRARY_FORMAT, "version": LIBRARY_VERSION, "exercises": exercises}
    return json.dumps(document, indent=2, ensure_ascii=False)


def library_table(library: Mapping[str, Exercise]) -> str:
    """One line per exercise (id, kind, region, name): the ids a program file refers to."""
    width = max(len(exercise_id) for exercise_id in library)
    return "\n".join(
        f"{exercise.id:<{width}}  {exercise.kind.value:<15}  {exercise.region:<9}  {exercise.name}"
        for exercise in library.values()
    )
