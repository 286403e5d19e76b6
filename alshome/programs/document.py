"""The program file format (JSON): reading it, and turning a valid one into a domain `Program`.

A program file comes from a therapist and is untrusted: `parse_program` validates it as a
whole (with the pydantic models in `alshome.programs.schema`) and then builds it with
`build_program`. A document already known to be valid - the shipped demo, or one that was
validated before it was saved - is built directly, without pydantic: importing pydantic and
building its models costs about a quarter of a second, which would more than double the
time to the home window (issue 2, benchmark a). Both paths share the one mapping below.

Validation errors become one plain sentence that names the field, for example
`prescriptions[2].hold_seconds: must be between 5 and 300`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import fields
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, get_type_hints

from alshome.domain.fatigue import Thresholds
from alshome.domain.program import (
    DOSE_FOR_KIND,
    Exercise,
    ExerciseKind,
    LoadUnit,
    Prescription,
    Program,
    RangeMode,
    Therapist,
)

T = TypeVar("T")

MAX_FILE_BYTES = 256 * 1024

# The optional fields of a program file and their values when a file leaves them out. The
# schema declares these defaults and the builder fills them in; both read them from here.
DEFAULTS: dict[str, dict[str, Any]] = {
    "program": {"example": False, "weekly_target": 2, "notes": "", "lighter_option": ""},
    "author": {"name": "", "contact": ""},
    "thresholds": {"rest_longer_at": 6, "stop_at": 8, "longer_rest_factor": 2.0},
    ExerciseKind.PASSIVE_STRETCH: {"rest_seconds": 15},
    ExerciseKind.RANGE_OF_MOTION: {"sets": 1, "mode": RangeMode.ACTIVE, "rest_seconds": 30},
    ExerciseKind.RESISTANCE: {"unit": LoadUnit.KG, "rest_seconds": 60},
    ExerciseKind.ENDURANCE: {"rest_seconds": 120, "resistance_level": 1},
}


# "\u0000" in a JSON string, not a backslash written as "\\" followed by "u0000".
ESCAPED_NUL = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")


class DocumentError(ValueError):
    """A file that cannot be used; the message is one plain sentence for the user."""


def read_json_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Any:
    """Read a JSON file no larger than `max_bytes`, or raise one plain DocumentError."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(
                f"{path.name} is too large ({size} bytes; the limit is {max_bytes})."
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise DocumentError(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise DocumentError(f"{path} is a folder, not a file.") from None
    except OSError as exc:
        raise DocumentError(f"{path} cannot be read: {exc.strerror}.") from None
    return json_from_bytes(data, path.name)


def json_from_bytes(data: bytes, name: str) -> Any:
    """The JSON value of a file's bytes, or one plain DocumentError naming the file `name`."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DocumentError(f"{name} is not a text file.") from None
    if ESCAPED_NUL.search(text):
        # PostgreSQL keeps no NUL in text, so such a file would be saved on SQLite only.
        raise DocumentError(f"{name} holds a NUL character, which no alshome file does.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"{name} is not valid JSON (line {exc.lineno}: {exc.msg}).") from None
    except (ValueError, RecursionError):
        # A number of thousands of digits, or lists nested thousands deep: valid JSON
        # that no alshome file ever holds, and that Python declines to read.
        raise DocumentError(f"{name} is not an alshome file.") from None


def parse_program(data: Any, library: Mapping[str, Exercise]) -> Program:
    """Validate an untrusted program document, then build it; raise DocumentError if unusable."""
    from alshome.programs.schema import validate_program

    return build_program(validate_program(data), library)


def build_program(document: Mapping[str, Any], library: Mapping[str, Exercise]) -> Program:
    """The domain program for a document that has passed validation, now or before it was saved.

    What the schema cannot know is checked here, so it holds for stored documents too: every
    exercise is in today's library with the kind the document says (an update may change the
    library), and the fatigue thresholds are in order. Values must already have the types of
    JSON that the format defines, as validation's output and a well-written file have them;
    a document that passed only thanks to pydantic's lenient conversions (a number written
    as text, say) is refused with a DocumentError rather than guessed at.
    """
    custom = custom_exercises(document)
    known = {**library, **{exercise.id: exercise for exercise in custom}}
    prescriptions = []
    for index, entry in enumerate(document["prescriptions"]):
        exercise = known.get(entry["exercise"])
        if exercise is None:
            where = " nor in custom_exercises" if custom else ""
            raise DocumentError(
                f"prescriptions[{index}].exercise: {entry['exercise']!r} is not in the library"
                + where
            )
        if exercise.kind.value != entry["kind"]:
            where = f"prescriptions[{index}].kind"
            raise DocumentError(
                f"{where}: {entry['exercise']!r} is a {exercise.kind.value} exercise"
            )
        dose = DOSE_FOR_KIND[exercise.kind]
        prescriptions.append(Prescription(exercise, build(dose, DEFAULTS[exercise.kind], entry)))
    thresholds = {**DEFAULTS["thresholds"], **document.get("thresholds", {})}
    if thresholds["rest_longer_at"] > thresholds["stop_at"]:
        raise DocumentError("thresholds.rest_longer_at: must not be above stop_at")
    return build(
        Program,
        DEFAULTS["program"],
        document,
        prescriptions=tuple(prescriptions),
        therapist=build(Therapist, DEFAULTS["author"], document.get("author", {})),
        thresholds=build(Thresholds, {}, thresholds),
        custom_exercises=custom,
    )


def custom_exercises(document: Mapping[str, Any]) -> tuple[Exercise, ...]:
    """The therapist's own exercises of a validated document; an id used twice is refused.

    A custom exercise is found before a library one of the same id: an import refuses such
    a document (`refuse_shadowed_ids`), but a later library may add an id that a stored
    program already uses for its own exercise, and that program must still build as it was.
    """
    built: dict[str, Exercise] = {}
    for index, entry in enumerate(document.get("custom_exercises", ())):
        if entry["id"] in built:
            raise DocumentError(f"custom_exercises[{index}].id: {entry['id']!r} is used twice")
        built[entry["id"]] = build(Exercise, {}, entry)
    return tuple(built.values())


def refuse_shadowed_ids(document: Mapping[str, Any], library: Mapping[str, Exercise]) -> None:
    """Refuse a document whose own exercise takes the id of a library one (DocumentError)."""
    for index, entry in enumerate(document.get("custom_exercises", ())):
        if entry["id"] in library:
            raise DocumentError(
                f"custom_exercises[{index}].id: {entry['id']!r} is a library exercise's id; "
                "give the exercise an id of its own"
            )


def build(
    target: type[T], defaults: Mapping[str, Any], values: Mapping[str, Any], **ready: Any
) -> T:
    """A domain dataclass from a document's values, each checked against the field's type.

    Keys that are not fields of `target` (such as a prescription's `exercise`) are skipped,
    and fields given in `ready` are taken as they are.
    """
    given = {**defaults, **values}
    arguments = {
        name: _typed(name, hint, given[name])
        for name, hint in _type_hints(target).items()
        if name in given and name not in ready
    }
    return target(**arguments, **ready)


def _typed(name: str, hint: Any, value: Any) -> Any:
    try:
        if isinstance(hint, type) and issubclass(hint, Enum):
            return hint(value)
        return _CONVERTERS[hint](value)
    except ValueError:
        raise DocumentError(f"{name}: {value!r} is not written as the format says") from None


def _exactly(*types: type) -> Callable[[Any], Any]:
    """Only these JSON types, so True is not taken for 1 nor "10" for 10."""

    def check(value: Any) -> Any:
        if type(value) not in types:
            raise ValueError(value)
        return value

    return check


_CONVERTERS: dict[Any, Callable[[Any], Any]] = {
    str: _exactly(str),
    str | None: _exactly(str, type(None)),
    int: _exactly(int),
    bool: _exactly(bool),
    float: lambda value: float(_exactly(int, float)(value)),
}


@cache
def _type_hints(target: type) -> dict[str, Any]:
    """A dataclass's field types, resolved once (the domain writes them as strings)."""
    hints = get_type_hints(target)
    return {field.name: hints[field.name] for field in fields(target)}
