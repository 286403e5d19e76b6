"""The pydantic models of the program and library files: validation of untrusted documents.

Only validation imports this module (and so pydantic): `document.parse_program`, the
validating library loader, and the import of an export. Starting the app does not, since
it builds the shipped files and stored programs, which are already valid, directly.

Everything read from a file is validated whole (unknown fields refused, numbers bounded)
before anything else sees it, and errors name the field in plain words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_serializer,
)

from alshome.domain.program import ExerciseKind, Limb, LoadUnit, RangeMode, Sides
from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError, Message, UserError
from alshome.platform.resources import resource
from alshome.programs.defaults import DEFAULTS

PROGRAM_SCHEMA_FILE = resource("schema", "program.schema.json")
PROGRAM_SCHEMA_ID = "urn:alshome:schema:program:1"
PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,79}")

ExerciseId = Annotated[
    str, Field(max_length=80, description="An exercise id from the library or custom_exercises.")
]
# A path inside the program bundle: folders and a name of plain characters, none starting
# with a dot (so never `..` nor a hidden file), ending in one of the extensions the bundle
# reader accepts for its kind (see `alshome.programs.media`).
_SEGMENT = r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}"
PicturePath = Annotated[
    str,
    Field(
        max_length=200,
        pattern=rf"^(?:{_SEGMENT}/){{0,3}}{_SEGMENT}\.(?:png|jpg|jpeg|webp)$",
        description="A PNG, JPEG or WebP picture in the program bundle, by its path there.",
    ),
]
VideoPath = Annotated[
    str,
    Field(
        max_length=200,
        pattern=rf"^(?:{_SEGMENT}/){{0,3}}{_SEGMENT}\.(?:mp4|webm)$",
        description="An MP4 (H.264) or WebM video in the program bundle, by its path there.",
    ),
]

PASSIVE_STRETCH = DEFAULTS[ExerciseKind.PASSIVE_STRETCH]
RANGE_OF_MOTION = DEFAULTS[ExerciseKind.RANGE_OF_MOTION]
RESISTANCE = DEFAULTS[ExerciseKind.RESISTANCE]
ENDURANCE = DEFAULTS[ExerciseKind.ENDURANCE]


def between(low: float, high: float) -> Any:
    return Field(ge=low, le=high)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AuthorDoc(_Strict):
    """The therapist who wrote the program and how the patient reaches them."""

    name: Annotated[str, Field(max_length=200)] = DEFAULTS["author"]["name"]
    contact: Annotated[str, Field(max_length=500)] = DEFAULTS["author"]["contact"]


class ThresholdsDoc(_Strict):
    """Fatigue ratings (0 to 10) at which the session rests longer, and at which it stops."""

    rest_longer_at: Annotated[int, between(1, 10)] = DEFAULTS["thresholds"]["rest_longer_at"]
    stop_at: Annotated[int, between(1, 10)] = DEFAULTS["thresholds"]["stop_at"]
    longer_rest_factor: Annotated[float, between(1, 5)] = DEFAULTS["thresholds"][
        "longer_rest_factor"
    ]


class PassiveStretchDoc(_Strict):
    """A stretch the caregiver does: held for `hold_seconds`, `repetitions` times a side."""

    exercise: ExerciseId
    kind: Literal["passive_stretch"]
    hold_seconds: Annotated[int, between(5, 300)]
    repetitions: Annotated[int, between(1, 10)]
    sides: Sides
    rest_seconds: Annotated[int, between(0, 600)] = PASSIVE_STRETCH["rest_seconds"]


class RangeOfMotionDoc(_Strict):
    """Moving a joint through its range, by the patient, with help, or by the caregiver."""

    exercise: ExerciseId
    kind: Literal["range_of_motion"]
    repetitions: Annotated[int, between(1, 30)]
    sets: Annotated[int, between(1, 5)] = RANGE_OF_MOTION["sets"]
    sides: Sides
    mode: RangeMode = RANGE_OF_MOTION["mode"]
    rest_seconds: Annotated[int, between(0, 600)] = RANGE_OF_MOTION["rest_seconds"]


class ResistanceDoc(_Strict):
    """Lifting a weight, only for a muscle that can lift against gravity."""

    exercise: ExerciseId
    kind: Literal["resistance"]
    load: Annotated[float, between(0, 25)]
    unit: LoadUnit = RESISTANCE["unit"]
    repetitions: Annotated[int, between(1, 20)]
    sets: Annotated[int, between(1, 5)]
    sides: Sides
    rest_seconds: Annotated[int, between(0, 600)] = RESISTANCE["rest_seconds"]


class EnduranceDoc(_Strict):
    """Bouts on a mini-cycle, with arms or legs, at a pace that allows talking."""

    exercise: ExerciseId
    kind: Literal["endurance"]
    bout_minutes: Annotated[float, between(0.5, 30)]
    bouts: Annotated[int, between(1, 6)]
    rest_seconds: Annotated[int, between(0, 900)] = ENDURANCE["rest_seconds"]
    resistance_level: Annotated[int, between(0, 10)] = ENDURANCE["resistance_level"]
    limb: Limb


PrescriptionDoc = Annotated[
    PassiveStretchDoc | RangeOfMotionDoc | ResistanceDoc | EnduranceDoc,
    Field(discriminator="kind"),
]


class CustomExerciseDoc(_Strict):
    """An exercise the therapist wrote: the library's fields, and a picture or video of it."""

    id: Annotated[
        str,
        Field(
            pattern=r"^[a-z0-9_]{2,80}$",
            description="Named by prescriptions; never the id of a library exercise.",
        ),
    ]
    name: Annotated[str, Field(min_length=1, max_length=120)]
    kind: ExerciseKind
    region: Annotated[str, Field(min_length=1, max_length=40)]
    instruction: Annotated[str, Field(min_length=1, max_length=1000)]
    caregiver_instruction: Annotated[str, Field(max_length=1000)] | None = None
    safety: Annotated[str, Field(max_length=1000)] = ""
    picture: PicturePath | None = None
    video: VideoPath | None = None


class ProgramDoc(_Strict):
    """A home exercise program as a therapist prescribes it: one version of it.

    Format version 2 added `custom_exercises`; a version 1 document has none, and is
    written back without the field, exactly as before.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "if": {"properties": {"format_version": {"const": 1}}},
            "then": {"properties": {"custom_exercises": {"maxItems": 0}}},
        }
    )

    format: Literal["alshome-program"]
    format_version: Literal[1, 2]
    name: Annotated[str, Field(min_length=1, max_length=200)]
    version: Annotated[
        int,
        between(1, 1_000_000),
        Field(description="Grows with every change; a name and version name one document."),
    ]
    example: bool = DEFAULTS["program"]["example"]
    author: AuthorDoc = AuthorDoc()
    weekly_target: Annotated[
        int, between(1, 14), Field(description="Sessions a week to aim for.")
    ] = DEFAULTS["program"]["weekly_target"]
    thresholds: ThresholdsDoc = ThresholdsDoc()
    notes: Annotated[str, Field(max_length=4000)] = DEFAULTS["program"]["notes"]
    lighter_option: Annotated[
        str, Field(max_length=1000, description="What to do instead on a low day.")
    ] = DEFAULTS["program"]["lighter_option"]
    custom_exercises: Annotated[
        list[CustomExerciseDoc],
        Field(max_length=60, description="The therapist's own exercises (format_version 2)."),
    ] = []
    prescriptions: Annotated[list[PrescriptionDoc], Field(min_length=1, max_length=60)]

    @field_validator("custom_exercises")
    @classmethod
    def _need_version_2(cls, value: list[CustomExerciseDoc], info: ValidationInfo) -> Any:
        if value and info.data.get("format_version") == 1:
            raise DocumentError(QT_TRANSLATE_NOOP("Errors", "need format_version 2"))
        return value

    @model_serializer(mode="wrap")
    def _version_1_as_before(self, handler: Any) -> dict[str, Any]:
        written = handler(self)
        if self.format_version == 1:
            written.pop("custom_exercises", None)
        return written


class ExerciseDoc(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9_]{2,80}$")]
    name: Annotated[str, Field(min_length=1, max_length=120)]
    kind: ExerciseKind
    region: Annotated[str, Field(min_length=1, max_length=40)]
    instruction: Annotated[str, Field(min_length=1, max_length=1000)]
    caregiver_instruction: Annotated[str, Field(max_length=1000)] | None = None
    safety: Annotated[str, Field(max_length=1000)] = ""


class LibraryDoc(_Strict):
    format: Literal["alshome-library"]
    version: Literal[1]
    exercises: list[ExerciseDoc]


def program_json_schema() -> dict[str, Any]:
    """The JSON Schema of the program file, shipped in resources/schema for other tools.

    It is generated from the models above, and a test fails when the shipped file differs,
    so the two cannot drift apart. Regenerate it with `python -m alshome.programs.schema`.
    What a schema cannot say - exercise ids from the library or the program's own, an own
    exercise's id not taking a library one's, and `rest_longer_at` not above `stop_at` -
    the importer checks as well; the bundle reader checks the pictures and videos named.
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": PROGRAM_SCHEMA_ID,
        **ProgramDoc.model_json_schema(),
        "title": "alshome program file",
    }


def program_schema_text() -> str:
    return json.dumps(program_json_schema(), ensure_ascii=False, indent=2) + "\n"


def validate_program(data: Any) -> dict[str, Any]:
    """The program document with every default filled in, as JSON types; or DocumentError."""
    return _validate(ProgramDoc, data)


def validate_library(data: Any, file_name: str) -> dict[str, Any]:
    """The library document as JSON types; a DocumentError names the file and the field."""
    return _validate(LibraryDoc, data, file_name)


def _validate(model: type[BaseModel], data: Any, file_name: str | None = None) -> dict[str, Any]:
    try:
        return model.model_validate(data).model_dump(mode="json")
    except ValidationError as exc:
        problem = explain(exc)
    if file_name is None:
        raise DocumentError(problem.text, **problem.arguments)
    raise DocumentError(
        QT_TRANSLATE_NOOP("Errors", "{file}: {problem}"), file=file_name, problem=problem
    )


def _field_path(location: tuple[int | str, ...]) -> str:
    """`('prescriptions', 2, 'resistance', 'load')` -> `prescriptions[2].load`.

    The kind after an index is the union member pydantic tried, not a field, so it is left
    out. A key the file made up is quoted and cut short, so the sentence stays one line.
    """
    path = ""
    kinds = {kind.value for kind in ExerciseKind}
    previous: int | str | None = None
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif isinstance(previous, int) and part in kinds:
            pass
        elif PLAIN_KEY.fullmatch(part):
            path += f".{part}" if path else part
        else:
            path += f"[{json.dumps(part[:40])}]"
        previous = part
    return path or "document"


# Each kind of pydantic error a file can cause, as the reason after the field's name.
REASONS = {
    "missing": QT_TRANSLATE_NOOP("Errors", "is required"),
    "extra_forbidden": QT_TRANSLATE_NOOP("Errors", "is not a known field"),
    "int_type": QT_TRANSLATE_NOOP("Errors", "must be a whole number"),
    "int_parsing": QT_TRANSLATE_NOOP("Errors", "must be a whole number"),
    "int_from_float": QT_TRANSLATE_NOOP("Errors", "must be a whole number"),
    "float_type": QT_TRANSLATE_NOOP("Errors", "must be a number"),
    "float_parsing": QT_TRANSLATE_NOOP("Errors", "must be a number"),
    "bool_type": QT_TRANSLATE_NOOP("Errors", "must be true or false"),
    "bool_parsing": QT_TRANSLATE_NOOP("Errors", "must be true or false"),
    "string_type": QT_TRANSLATE_NOOP("Errors", "must be text"),
    "list_type": QT_TRANSLATE_NOOP("Errors", "must be a list"),
    "model_type": QT_TRANSLATE_NOOP("Errors", "must be an object"),
    "model_attributes_type": QT_TRANSLATE_NOOP("Errors", "must be an object"),
    "string_too_long": QT_TRANSLATE_NOOP("Errors", "must be at most {max_length} characters"),
    "string_too_short": QT_TRANSLATE_NOOP("Errors", "must not be empty"),
    "string_unicode": QT_TRANSLATE_NOOP("Errors", "must be valid text"),
    "finite_number": QT_TRANSLATE_NOOP("Errors", "must be a finite number"),
    "too_short": QT_TRANSLATE_NOOP("Errors", "must have at least {min_length} entries"),
    "too_long": QT_TRANSLATE_NOOP("Errors", "must have at most {max_length} entries"),
    "literal_error": QT_TRANSLATE_NOOP("Errors", "must be {expected}"),
    "enum": QT_TRANSLATE_NOOP("Errors", "must be one of {expected}"),
    "union_tag_invalid": QT_TRANSLATE_NOOP("Errors", "must be one of {expected_tags}"),
    "union_tag_not_found": QT_TRANSLATE_NOOP("Errors", "is required"),
}
# The same two when the bound is one entry, by the bound's name in pydantic's context.
ONE_ENTRY = {
    "too_short": ("min_length", QT_TRANSLATE_NOOP("Errors", "must have at least 1 entry")),
    "too_long": ("max_length", QT_TRANSLATE_NOOP("Errors", "must have at most 1 entry")),
}
NOT_VALID = QT_TRANSLATE_NOOP("Errors", "is not valid")
# What a field written with a pattern must look like, by the field's name.
PATTERN_REASONS = {
    "id": QT_TRANSLATE_NOOP("Errors", "must be 2 to 80 lowercase letters, digits or _"),
    "picture": QT_TRANSLATE_NOOP(
        "Errors", "must be a relative path in the bundle ending in .png, .jpg, .jpeg or .webp"
    ),
    "video": QT_TRANSLATE_NOOP(
        "Errors", "must be a relative path in the bundle ending in .mp4 or .webm"
    ),
}


def _plain_reason(error: Mapping[str, Any]) -> Message | str:
    context = error.get("ctx") or {}
    kind = error["type"]
    if kind in ("greater_than_equal", "less_than_equal"):
        return _range_reason(error)
    if kind == "value_error":
        # A validator's own DocumentError carries its sentence; any other is a bug's text.
        reason = context.get("error")
        if isinstance(reason, UserError):
            return reason.message
        return Message(NOT_VALID) if reason is None else str(reason)
    if kind in ONE_ENTRY and context.get(ONE_ENTRY[kind][0]) == 1:
        return Message(ONE_ENTRY[kind][1])
    if kind == "string_pattern_mismatch":
        field = error["loc"][-1] if error["loc"] else None
        return Message(PATTERN_REASONS.get(field, NOT_VALID))
    return Message(REASONS.get(kind, NOT_VALID), context)


def _range_reason(error: Mapping[str, Any]) -> Message:
    """Name both bounds of a bounded field, which pydantic reports one at a time."""
    bounds = _bounds_for(error["loc"])
    if bounds is None:
        return Message(QT_TRANSLATE_NOOP("Errors", "is out of range"))
    low, high = (int(value) if float(value).is_integer() else value for value in bounds)
    return Message(
        QT_TRANSLATE_NOOP("Errors", "must be between {low} and {high}"), {"low": low, "high": high}
    )


def _bounds_for(location: tuple[int | str, ...]) -> tuple[float, float] | None:
    model: type[BaseModel] | None = ProgramDoc
    models_by_kind = {
        "passive_stretch": PassiveStretchDoc,
        "range_of_motion": RangeOfMotionDoc,
        "resistance": ResistanceDoc,
        "endurance": EnduranceDoc,
    }
    nested = {"author": AuthorDoc, "thresholds": ThresholdsDoc}
    field_name = None
    for part in location:
        if isinstance(part, int):
            continue
        if part in models_by_kind:
            model = models_by_kind[part]
            continue
        if model is not None and part in nested and model is ProgramDoc:
            model = nested[part]
            continue
        field_name = part
    if model is None or field_name is None or field_name not in model.model_fields:
        return None
    low = high = None
    for rule in model.model_fields[field_name].metadata:
        low = getattr(rule, "ge", low)
        high = getattr(rule, "le", high)
    return None if low is None or high is None else (low, high)


def explain(error: ValidationError) -> Message:
    """The first validation problem as one plain sentence naming the field."""
    first = error.errors()[0]
    location = tuple(first["loc"])
    if first["type"] in ("union_tag_invalid", "union_tag_not_found"):
        location += (str(first["ctx"]["discriminator"]).strip("'"),)
    return Message(
        QT_TRANSLATE_NOOP("Errors", "{field}: {reason}"),
        {"field": _field_path(location), "reason": _plain_reason(first)},
    )


if __name__ == "__main__":
    PROGRAM_SCHEMA_FILE.parent.mkdir(parents=True, exist_ok=True)
    PROGRAM_SCHEMA_FILE.write_text(program_schema_text(), encoding="utf-8")
