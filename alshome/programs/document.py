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
    Prescription,
    Program,
    Therapist,
)
from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
from alshome.programs.defaults import DEFAULTS

T = TypeVar("T")

MAX_FILE_BYTES = 256 * 1024

# "\u0000" in a JSON string, not a backslash written as "\\" followed by "u0000".
ESCAPED_NUL = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")


class ProgramConflictError(ValueError):
    """A different program with the same name and version is already saved.

    Storage raises it and whoever imports the program words it for the person.
    """

    def __init__(self, name: str, version: int) -> None:
        super().__init__(f"A different program named {name!r}, version {version}, is saved.")
        self.name = name
        self.version = version


def read_json_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Any:
    """Read a JSON file no larger than `max_bytes`, or raise one plain DocumentError."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(
                QT_TRANSLATE_NOOP(
                    "Errors", "{file} is too large ({size} bytes; the limit is {limit})."
                ),
                file=path.name,
                size=size,
                limit=max_bytes,
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "There is no file at {path}."), path=path
        ) from None
    except IsADirectoryError:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a file."), path=path
        ) from None
    except OSError as exc:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be read: {reason}."),
            path=path,
            reason=exc.strerror,
        ) from None
    return json_from_bytes(data, path.name)


def json_from_bytes(data: bytes, name: str) -> Any:
    """The JSON value of a file's bytes, or one plain DocumentError naming the file `name`."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{file} is not a text file."), file=name
        ) from None
    if ESCAPED_NUL.search(text):
        # PostgreSQL keeps no NUL in text, so such a file would be saved on SQLite only.
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors", "{file} holds a NUL character, which no alshome file does."
            ),
            file=name,
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{file} is not valid JSON (line {line}: {reason})."),
            file=name,
            line=exc.lineno,
            reason=exc.msg,
        ) from None
    except (ValueError, RecursionError):
        # A number of thousands of digits, or lists nested thousands deep: valid JSON
        # that no alshome file ever holds, and that Python declines to read.
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{file} is not an alshome file."), file=name
        ) from None


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
        if exercise is None and custom:
            raise DocumentError(
                QT_TRANSLATE_NOOP(
                    "Errors", "{field}: {value} is neither in the library nor in custom_exercises"
                ),
                field=f"prescriptions[{index}].exercise",
                value=repr(entry["exercise"]),
            )
        if exercise is None:
            raise DocumentError(
                QT_TRANSLATE_NOOP("Errors", "{field}: {value} is not in the library"),
                field=f"prescriptions[{index}].exercise",
                value=repr(entry["exercise"]),
            )
        if exercise.kind.value != entry["kind"]:
            raise DocumentError(
                QT_TRANSLATE_NOOP("Errors", "{field}: {value} is a {kind} exercise"),
                field=f"prescriptions[{index}].kind",
                value=repr(entry["exercise"]),
                kind=exercise.kind.value,
            )
        dose = DOSE_FOR_KIND[exercise.kind]
        prescriptions.append(Prescription(exercise, build(dose, DEFAULTS[exercise.kind], entry)))
    thresholds = {**DEFAULTS["thresholds"], **document.get("thresholds", {})}
    if thresholds["rest_longer_at"] > thresholds["stop_at"]:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{field}: must not be above stop_at"),
            field="thresholds.rest_longer_at",
        )
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
            raise DocumentError(
                QT_TRANSLATE_NOOP("Errors", "{field}: {value} is used twice"),
                field=f"custom_exercises[{index}].id",
                value=repr(entry["id"]),
            )
        built[entry["id"]] = build(Exercise, {}, entry)
    return tuple(built.values())


def refuse_shadowed_ids(document: Mapping[str, Any], library: Mapping[str, Exercise]) -> None:
    """Refuse a document whose own exercise takes the id of a library one (DocumentError)."""
    for index, entry in enumerate(document.get("custom_exercises", ())):
        if entry["id"] in library:
            raise DocumentError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{field}: {value} is a library exercise's id; give it an id of its own",
                ),
                field=f"custom_exercises[{index}].id",
                value=repr(entry["id"]),
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
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{field}: {value} is not written as the format says"),
            field=name,
            value=repr(value),
        ) from None


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
