"""The program file format (JSON) and its validation into a domain `Program`.

A program file comes from a therapist and is untrusted: it is size-capped, parsed, and
validated as a whole before anything is written. Validation errors become one plain
sentence that names the field, for example
`prescriptions[2].hold_seconds: must be between 5 and 300`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from alshome.domain.fatigue import Thresholds
from alshome.domain.program import (
    EnduranceDose,
    Exercise,
    ExerciseKind,
    Limb,
    LoadUnit,
    PassiveStretchDose,
    Prescription,
    Program,
    RangeMode,
    RangeOfMotionDose,
    ResistanceDose,
    Sides,
    Therapist,
)

FORMAT = "alshome-program"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 256 * 1024


class DocumentError(ValueError):
    """A file that cannot be used; the message is one plain sentence for the user."""


def between(low: float, high: float) -> Any:
    return Field(ge=low, le=high)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AuthorDoc(_Strict):
    name: Annotated[str, Field(max_length=200)] = ""
    contact: Annotated[str, Field(max_length=500)] = ""


class ThresholdsDoc(_Strict):
    rest_longer_at: Annotated[int, between(1, 10)] = 6
    stop_at: Annotated[int, between(1, 10)] = 8
    longer_rest_factor: Annotated[float, between(1, 5)] = 2.0


class PassiveStretchDoc(_Strict):
    exercise: Annotated[str, Field(max_length=80)]
    kind: Literal["passive_stretch"]
    hold_seconds: Annotated[int, between(5, 300)]
    repetitions: Annotated[int, between(1, 10)]
    sides: Sides
    rest_seconds: Annotated[int, between(0, 600)] = 15


class RangeOfMotionDoc(_Strict):
    exercise: Annotated[str, Field(max_length=80)]
    kind: Literal["range_of_motion"]
    repetitions: Annotated[int, between(1, 30)]
    sets: Annotated[int, between(1, 5)] = 1
    sides: Sides
    mode: RangeMode = RangeMode.ACTIVE
    rest_seconds: Annotated[int, between(0, 600)] = 30


class ResistanceDoc(_Strict):
    exercise: Annotated[str, Field(max_length=80)]
    kind: Literal["resistance"]
    load: Annotated[float, between(0, 25)]
    unit: LoadUnit = LoadUnit.KG
    repetitions: Annotated[int, between(1, 20)]
    sets: Annotated[int, between(1, 5)]
    sides: Sides
    rest_seconds: Annotated[int, between(0, 600)] = 60


class EnduranceDoc(_Strict):
    exercise: Annotated[str, Field(max_length=80)]
    kind: Literal["endurance"]
    bout_minutes: Annotated[float, between(0.5, 30)]
    bouts: Annotated[int, between(1, 6)]
    rest_seconds: Annotated[int, between(0, 900)] = 120
    resistance_level: Annotated[int, between(0, 10)] = 1
    limb: Limb


PrescriptionDoc = Annotated[
    PassiveStretchDoc | RangeOfMotionDoc | ResistanceDoc | EnduranceDoc,
    Field(discriminator="kind"),
]


class ProgramDoc(_Strict):
    format: Literal["alshome-program"]
    format_version: Literal[1]
    name: Annotated[str, Field(min_length=1, max_length=200)]
    version: Annotated[int, between(1, 1_000_000)]
    example: bool = False
    author: AuthorDoc = AuthorDoc()
    weekly_target: Annotated[int, between(1, 14)] = 2
    thresholds: ThresholdsDoc = ThresholdsDoc()
    notes: Annotated[str, Field(max_length=4000)] = ""
    prescriptions: Annotated[list[PrescriptionDoc], Field(min_length=1, max_length=60)]


def _field_path(location: tuple[int | str, ...]) -> str:
    """`('prescriptions', 2, 'resistance', 'load')` -> `prescriptions[2].load`."""
    path = ""
    kinds = {kind.value for kind in ExerciseKind}
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part not in kinds:
            path += f".{part}" if path else part
    return path or "document"


def _plain_reason(error: Mapping[str, Any]) -> str:
    context = error.get("ctx") or {}
    kind = error["type"]
    if kind in ("greater_than_equal", "less_than_equal"):
        return _range_reason(error)
    reasons = {
        "missing": "is required",
        "extra_forbidden": "is not a known field",
        "int_type": "must be a whole number",
        "int_parsing": "must be a whole number",
        "int_from_float": "must be a whole number",
        "float_type": "must be a number",
        "float_parsing": "must be a number",
        "bool_type": "must be true or false",
        "string_type": "must be text",
        "list_type": "must be a list",
        "model_type": "must be an object",
        "model_attributes_type": "must be an object",
        "string_too_long": f"must be at most {context.get('max_length')} characters",
        "string_too_short": "must not be empty",
        "too_short": f"must have at least {context.get('min_length')} entries",
        "too_long": f"must have at most {context.get('max_length')} entries",
        "literal_error": f"must be {context.get('expected')}",
        "enum": f"must be one of {context.get('expected')}",
        "union_tag_invalid": f"must be one of {context.get('expected_tags')}",
        "union_tag_not_found": "is required",
        "value_error": str(context.get("error", "is not valid")),
    }
    return reasons.get(kind, "is not valid")


def _range_reason(error: Mapping[str, Any]) -> str:
    """Name both bounds of a bounded field, which pydantic reports one at a time."""
    bounds = _bounds_for(error["loc"])
    if bounds is None:
        return "is out of range"
    low, high = (int(value) if float(value).is_integer() else value for value in bounds)
    return f"must be between {low} and {high}"


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


def explain(error: ValidationError) -> str:
    """The first validation problem as one plain sentence naming the field."""
    first = error.errors()[0]
    location = tuple(first["loc"])
    if first["type"] in ("union_tag_invalid", "union_tag_not_found"):
        location += (str(first["ctx"]["discriminator"]).strip("'"),)
    return f"{_field_path(location)}: {_plain_reason(first)}"


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
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise DocumentError(f"{path.name} is not a text file.") from None
    except json.JSONDecodeError as exc:
        raise DocumentError(
            f"{path.name} is not valid JSON (line {exc.lineno}: {exc.msg})."
        ) from None


def parse_program(data: Any, library: Mapping[str, Exercise]) -> Program:
    """Validate a program document against the library; raise DocumentError if unusable."""
    try:
        document = ProgramDoc.model_validate(data)
    except ValidationError as exc:
        raise DocumentError(explain(exc)) from None
    prescriptions = []
    for index, entry in enumerate(document.prescriptions):
        exercise = library.get(entry.exercise)
        if exercise is None:
            raise DocumentError(
                f"prescriptions[{index}].exercise: {entry.exercise!r} is not in the library"
            )
        if exercise.kind.value != entry.kind:
            where = f"prescriptions[{index}].kind"
            raise DocumentError(f"{where}: {entry.exercise!r} is a {exercise.kind.value} exercise")
        prescriptions.append(Prescription(exercise, _dose(entry)))
    thresholds = document.thresholds
    if thresholds.rest_longer_at > thresholds.stop_at:
        raise DocumentError("thresholds.rest_longer_at: must not be above stop_at")
    return Program(
        name=document.name,
        version=document.version,
        prescriptions=tuple(prescriptions),
        therapist=Therapist(document.author.name, document.author.contact),
        thresholds=Thresholds(**thresholds.model_dump()),
        weekly_target=document.weekly_target,
        notes=document.notes,
        example=document.example,
    )


def _dose(entry: PassiveStretchDoc | RangeOfMotionDoc | ResistanceDoc | EnduranceDoc) -> Any:
    fields = entry.model_dump(exclude={"exercise", "kind"})
    if isinstance(entry, PassiveStretchDoc):
        return PassiveStretchDose(**fields)
    if isinstance(entry, RangeOfMotionDoc):
        return RangeOfMotionDose(**fields)
    if isinstance(entry, ResistanceDoc):
        return ResistanceDose(**fields)
    return EnduranceDose(**fields)
