"""Export and import of the whole history (JSON and CSV), with no window and no Qt.

The JSON format is documented in the README; its `version` changes whenever a reader of
the previous version could misread a file. Version 2 added the safety checks (the profile,
carry-over checks, lift checks), version 3 the ALSFRS-R self-ratings; files of earlier
versions, which have none of what came later, are still read. Version 4 added the pictures
and videos of the therapist's own exercises: each program names its media by path and
SHA-256, and the file holds each picture or video once, in base64, in `media`. The CSV
adds a row for each day the patient rested after the carry-over check, so the sheet shows
every day the program was meant for. An import is untrusted input: it is size
capped and validated whole before the database is opened, then merged into the
history in one transaction, or not at all. Exports are health data: `alshome.platform.files`
writes them atomically, readable by their owner only.

One definition of the JSON format: the pydantic models below (`ExportDoc` and the models
it holds) both write and read it. A model's fields, in their order, are the file's keys in
theirs. An export gathers the history as the repository's plain dataclasses
(`ExportedHistory`), builds the models from them with each model's `of` (trusted, so not
checked again: an export never refuses a history) and writes them with `canonical_text`.
An import validates the file with the same models, then turns them back into the
dataclasses with each model's `stored`. So a file read and written again is byte-identical,
and a file of an earlier version is written as the current version would write its history.

Adding a field, say to a set: add it to `StoredSet` and the repository's row mapping (with
its migration), then to `SetDoc`. A field with the same name and type in both is carried
by name in both directions (`_Doc.trusted` and `_Doc.as_stored`); only one whose form
differs (nested, or a tuple that the file writes as a list) gets a line in `SetDoc.of` and
one in `SetDoc.stored`. Give it a default if earlier files lack it, and add a version to
`ExportVersion` when a reader of the previous version could misread the new files.
Nothing else here changes; `test_exchange.py` and `test_export_versions.py` check it.
"""

from __future__ import annotations

import base64
import binascii
import csv
import dataclasses
import hashlib
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal, Self, TypeVar, get_args
from uuid import UUID

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    SerializerFunctionWrapHandler,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationError,
    model_serializer,
    model_validator,
)

from alshome import __version__
from alshome.domain.alsfrs import ITEMS, MAX_VALUE, EnteredBy, Entry, Item
from alshome.domain.clock import SystemClock
from alshome.domain.fatigue import MAX_RATING, Symptom
from alshome.domain.program import ExerciseKind, LoadUnit, Mover, Side
from alshome.domain.recorded import StoredSession, StoredSet
from alshome.domain.safety import CarryOver, CarryOverCheck, LiftCheck, Profile
from alshome.domain.session import SessionStatus
from alshome.operations.backups import backed_up_before_import
from alshome.operations.history import opened_history, saved_history
from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
from alshome.platform.files import write_private_file
from alshome.programs.document import read_json_file
from alshome.programs.media import MediaError, check_media
from alshome.programs.schema import PicturePath, ProgramDoc, VideoPath, explain
from alshome.storage.repository import (
    MergeResult,
    ProgramConflictError,
    ProgramRecord,
    Repository,
    StoredCarryOver,
)

EXPORT_FORMAT = "alshome-export"
ExportVersion = Literal[1, 2, 3, 4]  # every version this alshome reads; it writes the last
READABLE_VERSIONS: tuple[int, ...] = get_args(ExportVersion)
EXPORT_VERSION = READABLE_VERSIONS[-1]
RESTED = "rested"  # the CSV's session_status for a day of rest after the carry-over check
# Room for the pictures and videos of several program versions, in base64.
MAX_IMPORT_BYTES = 512 * 1024 * 1024

CSV_COLUMNS = (
    "session_uuid",
    "session_started_at",
    "session_status",
    "program_name",
    "program_version",
    "position",
    "exercise_id",
    "exercise_name",
    "kind",
    "side",
    "set_number",
    "total_sets",
    "mover",
    "planned_seconds",
    "planned_repetitions",
    "planned_load",
    "planned_unit",
    "done_seconds",
    "done_repetitions",
    "fatigue",
    "symptoms",
    "started_at",
    "ended_at",
    "carry_over",
    "can_lift_without_weight",
)

Stored = TypeVar("Stored")


@dataclass(frozen=True)
class ExportedHistory:
    """A whole history as the repository's plain dataclasses: what an export writes and a
    validated import holds, ready to be written to a database."""

    programs: tuple[ProgramRecord, ...]
    sessions: tuple[StoredSession, ...]
    carry_over_checks: tuple[StoredCarryOver, ...] = ()
    profile: Profile | None = None
    alsfrs: tuple[Entry, ...] = ()


# ----- the format: what each value may be, read and written -------------------------------


def _between(low: float, high: float) -> AfterValidator:
    """A bound that reads as one plain sentence, as `schema.explain` expects."""

    def check(value: float) -> float:
        if not low <= value <= high:
            raise DocumentError(
                QT_TRANSLATE_NOOP("Errors", "must be between {low} and {high}"), low=low, high=high
            )
        return value

    return AfterValidator(check)


def _moment(value: Any) -> datetime:
    """ISO 8601 text with an offset; pydantic alone would also take numbers as Unix times."""
    reason = QT_TRANSLATE_NOOP("Errors", "must be a date and time in ISO 8601 with its UTC offset")
    if not isinstance(value, str):
        raise DocumentError(reason)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise DocumentError(reason) from None
    if moment.utcoffset() is None:
        raise DocumentError(reason)
    return moment


def _canonical_uuid(value: str) -> str:
    """Lowercase and hyphenated, as alshome writes them, so merging by uuid is exact."""
    try:
        canonical = str(UUID(value))
    except ValueError:
        canonical = None
    if canonical != value:
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors", "must be a lowercase UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e"
            )
        )
    return value


def _distinct(symptoms: list[Symptom]) -> list[Symptom]:
    if len(set(symptoms)) != len(symptoms):
        raise DocumentError(QT_TRANSLATE_NOOP("Errors", "must not name a symptom twice"))
    return symptoms


def _day(value: Any) -> date:
    """A calendar day as ISO 8601 text (2024-05-01); pydantic alone would take other forms."""
    reason = QT_TRANSLATE_NOOP("Errors", "must be a date in ISO 8601 such as 2024-05-01")
    if not isinstance(value, str):
        raise DocumentError(reason)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DocumentError(reason) from None


def _base64(value: Any) -> bytes:
    """Standard base64 text, in one line, as alshome writes it."""
    reason = QT_TRANSLATE_NOOP("Errors", "must be base64 text")
    if not isinstance(value, str):
        raise DocumentError(reason)
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise DocumentError(reason) from None


def _encoded(content: bytes) -> str:
    return base64.b64encode(content).decode("ascii")


def _every_item(values: dict[Item, int]) -> dict[Item, int]:
    if set(values) != set(ITEMS):
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "must give a value for each of the 12 items")
        )
    return values


# Moments are written with the offset they were lived in, as `isoformat` gives it (pydantic
# alone would write UTC as "Z"), and read back only from that form.
Moment = Annotated[
    datetime, BeforeValidator(_moment), PlainSerializer(datetime.isoformat, return_type=str)
]
Day = Annotated[date, BeforeValidator(_day), PlainSerializer(date.isoformat, return_type=str)]
Name = Annotated[StrictStr, StringConstraints(min_length=1, max_length=200)]
ExerciseId = Annotated[StrictStr, StringConstraints(min_length=1, max_length=80)]
Uuid = Annotated[StrictStr, AfterValidator(_canonical_uuid)]
Version = Annotated[StrictInt, _between(1, 1_000_000)]
Count = Annotated[StrictInt, _between(1, 1000)]
Seconds = Annotated[StrictFloat, _between(0, 86_400)]
Repetitions = Annotated[StrictInt, _between(0, 10_000)]
Symptoms = Annotated[list[Symptom], AfterValidator(_distinct)]
Sha256 = Annotated[StrictStr, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Content = Annotated[bytes, BeforeValidator(_base64), PlainSerializer(_encoded, return_type=str)]


class _Doc(BaseModel):
    """A part of the file: strict when read, and built from the repository's dataclass
    (`trusted`) or turned back into it (`as_stored`) field by field, by name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @classmethod
    def trusted(cls, source: object, **mapped: Any) -> Self:
        """This part as written from `source`, not checked again; every field not `mapped`
        is `source`'s attribute of the same name."""
        carried = {name: getattr(source, name) for name in cls.model_fields if name not in mapped}
        return cls.built({**carried, **mapped})

    @classmethod
    def built(cls, values: dict[str, Any]) -> Self:
        """`model_construct` for values known good: without the alias lookups these models
        have no use for, which took a third of the time of writing ten years' 50,000 sets
        for the clinic. The fields go in their models' order, which the dump keeps."""
        missing = cls._optional_fields() - values.keys()
        for name in missing:
            values[name] = cls.model_fields[name].get_default(call_default_factory=True)
        document = cls.__new__(cls)
        ordered = {name: values[name] for name in cls.model_fields}
        object.__setattr__(document, "__dict__", ordered)
        object.__setattr__(document, "__pydantic_fields_set__", set(values) - missing)
        object.__setattr__(document, "__pydantic_extra__", None)
        object.__setattr__(document, "__pydantic_private__", None)
        return document

    @classmethod
    def _optional_fields(cls) -> frozenset[str]:
        found = cls.__dict__.get("_optional_field_names")
        if found is None:
            found = frozenset(
                name for name, field in cls.model_fields.items() if not field.is_required()
            )
            type.__setattr__(cls, "_optional_field_names", found)
        return found

    def as_stored(self, kind: type[Stored], **mapped: Any) -> Stored:
        """The dataclass `kind` of this part; every field not `mapped` is this part's field
        of the same name."""
        names = (field.name for field in dataclasses.fields(kind))
        carried = {name: getattr(self, name) for name in names if name not in mapped}
        return kind(**carried, **mapped)


class _Amounts(_Doc):
    """A set's planned or done amounts: only those that apply are written, in the form the
    database keeps them in (see `Target.as_dict`)."""

    @model_serializer(mode="wrap")
    def _only_present(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return {name: value for name, value in handler(self).items() if value is not None}

    @classmethod
    def of(cls, amounts: Mapping[str, Any]) -> Self:
        return cls.built(dict(amounts))

    def stored(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class PlannedDoc(_Amounts):
    seconds: Seconds | None = None
    repetitions: Repetitions | None = None
    load: Annotated[StrictFloat, _between(0, 1000)] | None = None
    unit: LoadUnit | None = None

    @classmethod
    def of(cls, amounts: Mapping[str, Any]) -> Self:
        unit = amounts.get("unit")
        return cls.built({**amounts, "unit": None if unit is None else LoadUnit(unit)})


class DoneDoc(_Amounts):
    seconds: Seconds | None = None
    repetitions: Repetitions | None = None


class SetDoc(_Doc):
    position: Annotated[StrictInt, _between(0, 100_000)]
    exercise_id: ExerciseId
    exercise_name: Name
    kind: ExerciseKind
    side: Side
    set_number: Count
    total_sets: Count
    mover: Mover
    planned: PlannedDoc
    done: DoneDoc | None
    fatigue: Annotated[StrictInt, _between(0, MAX_RATING)] | None
    symptoms: Symptoms
    started_at: Moment
    ended_at: Moment

    @model_validator(mode="after")
    def _set_within_total(self) -> SetDoc:
        if self.set_number > self.total_sets:
            raise DocumentError(
                QT_TRANSLATE_NOOP("Errors", "set_number must not be above total_sets")
            )
        return self

    @classmethod
    def of(cls, stored: StoredSet) -> SetDoc:
        return cls.trusted(
            stored,
            planned=PlannedDoc.of(stored.planned),
            done=None if stored.done is None else DoneDoc.of(stored.done),
            symptoms=list(stored.symptoms),
        )

    def stored(self) -> StoredSet:
        return self.as_stored(
            StoredSet,
            planned=self.planned.stored(),
            done=None if self.done is None else self.done.stored(),
            symptoms=tuple(self.symptoms),
        )


class LiftCheckDoc(_Doc):
    exercise_id: ExerciseId
    exercise_name: Name
    able: StrictBool
    checked_at: Moment


class ProgramRefDoc(_Doc):
    name: Name
    version: Version


class SessionDoc(_Doc):
    uuid: Uuid
    started_at: Moment
    ended_at: Moment | None
    status: SessionStatus
    program: ProgramRefDoc
    symptoms: Symptoms
    sets: list[SetDoc]
    lift_checks: list[LiftCheckDoc] = []  # since version 2

    @model_validator(mode="after")
    def _positions_distinct(self) -> SessionDoc:
        if len({entry.position for entry in self.sets}) != len(self.sets):
            raise DocumentError(QT_TRANSLATE_NOOP("Errors", "sets must not repeat a position"))
        return self

    @classmethod
    def of(cls, session: StoredSession) -> SessionDoc:
        return cls.trusted(
            session,
            program=ProgramRefDoc.built(
                {"name": session.program_name, "version": session.program_version}
            ),
            symptoms=list(session.symptoms),
            sets=[SetDoc.of(stored) for stored in session.sets],
            lift_checks=[LiftCheckDoc.trusted(check) for check in session.lift_checks],
        )

    def stored(self) -> StoredSession:
        return self.as_stored(
            StoredSession,
            program_name=self.program.name,
            program_version=self.program.version,
            symptoms=tuple(self.symptoms),
            sets=tuple(entry.stored() for entry in self.sets),
            lift_checks=tuple(check.as_stored(LiftCheck) for check in self.lift_checks),
        )


def _program_document(document: dict[str, Any]) -> dict[str, Any]:
    """Checked as a program file, but kept exactly as given, as the database keeps it."""
    try:
        ProgramDoc.model_validate(document)
    except ValidationError as exc:
        problem = explain(exc)
        raise DocumentError(problem.text, **problem.arguments) from None
    return document


class ProgramEntryDoc(_Doc):
    name: Name
    version: Version
    active: StrictBool
    document: Annotated[dict[str, Any], AfterValidator(_program_document)]
    media: dict[PicturePath | VideoPath, Sha256] = {}  # since version 4: path -> SHA-256

    @model_validator(mode="after")
    def _same_program(self) -> ProgramEntryDoc:
        if (self.document["name"], self.document["version"]) != (self.name, self.version):
            raise DocumentError(
                QT_TRANSLATE_NOOP("Errors", "name and version must match those of the document")
            )
        named = {
            path
            for exercise in self.document.get("custom_exercises", ())
            for path in (exercise.get("picture"), exercise.get("video"))
            if path is not None
        }
        if set(self.media) != named:
            raise DocumentError(
                QT_TRANSLATE_NOOP(
                    "Errors", "media must give each picture and video the document names"
                )
            )
        return self

    @classmethod
    def of(cls, record: ProgramRecord) -> ProgramEntryDoc:
        return cls.trusted(
            record,
            media={path: _digest(content) for path, content in sorted(record.media.items())},
        )

    def stored(self, contents: Mapping[str, bytes]) -> ProgramRecord:
        return self.as_stored(
            ProgramRecord, media={path: contents[digest] for path, digest in self.media.items()}
        )


class MediaDoc(_Doc):
    """A picture or video, once for every program naming it (since version 4)."""

    sha256: Sha256
    content: Content

    @model_validator(mode="after")
    def _digest_matches(self) -> MediaDoc:
        if _digest(self.content) != self.sha256:
            raise DocumentError(
                QT_TRANSLATE_NOOP("Errors", "sha256 must be the SHA-256 of the content")
            )
        return self


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class ProfileDoc(_Doc):
    therapist_name: Annotated[StrictStr, StringConstraints(max_length=200)]
    therapist_contact: Annotated[StrictStr, StringConstraints(max_length=500)]
    patient_name: Annotated[StrictStr, StringConstraints(max_length=200)]
    saved_at: Moment


class CarryOverDoc(_Doc):
    asked_at: Moment
    answer: CarryOver
    session_uuid: Uuid | None

    @classmethod
    def of(cls, stored: StoredCarryOver) -> CarryOverDoc:
        return cls.trusted(stored.check, session_uuid=stored.session_uuid)

    def stored(self) -> StoredCarryOver:
        return StoredCarryOver(self.as_stored(CarryOverCheck), self.session_uuid)


class AlsfrsDoc(_Doc):
    entered_at: Moment
    entered_by: EnteredBy
    onset: Day | None
    values: Annotated[
        dict[Item, Annotated[StrictInt, _between(0, MAX_VALUE)]], AfterValidator(_every_item)
    ]

    @classmethod
    def of(cls, entry: Entry) -> AlsfrsDoc:
        return cls.trusted(entry, values=dict(zip(ITEMS, entry.values, strict=True)))

    def stored(self) -> Entry:
        return self.as_stored(Entry, values=tuple(self.values[item] for item in ITEMS))


class ExportDoc(_Doc):
    format: Literal["alshome-export"]
    version: ExportVersion
    exported_at: Moment
    app_version: Annotated[StrictStr, StringConstraints(max_length=40)]
    programs: list[ProgramEntryDoc]
    profile: ProfileDoc | None = None  # since version 2, as are the carry-over checks
    carry_over_checks: list[CarryOverDoc] = []
    sessions: list[SessionDoc]
    alsfrs: list[AlsfrsDoc] = []  # since version 3
    media: list[MediaDoc] = []  # since version 4

    @model_validator(mode="after")
    def _consistent(self) -> ExportDoc:
        digests = [entry.sha256 for entry in self.media]
        if len(set(digests)) != len(digests):
            raise DocumentError(QT_TRANSLATE_NOOP("Errors", "media must not repeat a sha256"))
        named = {digest for entry in self.programs for digest in entry.media.values()}
        if named != set(digests):
            raise DocumentError(
                QT_TRANSLATE_NOOP(
                    "Errors", "media must hold exactly the pictures and videos programs name"
                )
            )
        if len({(entry.name, entry.version) for entry in self.programs}) != len(self.programs):
            raise DocumentError(
                QT_TRANSLATE_NOOP("Errors", "programs must not repeat a name and version")
            )
        if sum(entry.active for entry in self.programs) > 1:
            raise DocumentError(
                QT_TRANSLATE_NOOP("Errors", "programs must have at most one active program")
            )
        uuids = {session.uuid for session in self.sessions}
        if len(uuids) != len(self.sessions):
            raise DocumentError(QT_TRANSLATE_NOOP("Errors", "sessions must not repeat a uuid"))
        followed = [check.session_uuid for check in self.carry_over_checks if check.session_uuid]
        if not uuids.issuperset(followed):
            raise DocumentError(
                QT_TRANSLATE_NOOP(
                    "Errors", "carry_over_checks must name sessions that are in the export"
                )
            )
        if len(set(followed)) != len(followed):
            raise DocumentError(
                QT_TRANSLATE_NOOP("Errors", "carry_over_checks must not name a session twice")
            )
        return self

    @classmethod
    def of(cls, history: ExportedHistory, exported_at: datetime) -> ExportDoc:
        """The current version's file of `history`, written by this alshome at `exported_at`."""
        return cls.model_construct(
            format=EXPORT_FORMAT,
            version=EXPORT_VERSION,
            exported_at=exported_at,
            app_version=__version__,
            programs=[ProgramEntryDoc.of(record) for record in history.programs],
            profile=None if history.profile is None else ProfileDoc.trusted(history.profile),
            carry_over_checks=[CarryOverDoc.of(stored) for stored in history.carry_over_checks],
            sessions=[SessionDoc.of(session) for session in history.sessions],
            alsfrs=[AlsfrsDoc.of(entry) for entry in history.alsfrs],
            media=[
                MediaDoc.model_construct(sha256=digest, content=content)
                for digest, content in sorted(_contents(history.programs).items())
            ],
        )

    def history(self) -> ExportedHistory:
        contents = {entry.sha256: entry.content for entry in self.media}
        return ExportedHistory(
            programs=tuple(entry.stored(contents) for entry in self.programs),
            sessions=tuple(session.stored() for session in self.sessions),
            carry_over_checks=tuple(check.stored() for check in self.carry_over_checks),
            profile=None if self.profile is None else self.profile.as_stored(Profile),
            alsfrs=tuple(entry.stored() for entry in self.alsfrs),
        )

    def canonical_text(self) -> str:
        """The file's exact text: keys in the models' order, indented by two, UTF-8 as is."""
        document = self.model_dump(mode="json")
        return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _contents(programs: tuple[ProgramRecord, ...]) -> dict[str, bytes]:
    """Every picture and video the programs name, once, by SHA-256."""
    return {_digest(content): content for record in programs for content in record.media.values()}


# ----- export -----------------------------------------------------------------------------


def export_document(repository: Repository, exported_at: datetime) -> ExportDoc:
    """The whole saved history as the export's models, for the JSON file or another format
    made from it (see `alshome.operations.fhir`)."""
    history = ExportedHistory(
        programs=tuple(repository.programs()),
        sessions=tuple(repository.sessions()),
        carry_over_checks=tuple(repository.carry_over_checks()),
        profile=repository.profile(),
        alsfrs=tuple(repository.alsfrs_entries()),
    )
    return ExportDoc.of(history, exported_at)


def export_json(repository: Repository, exported_at: datetime) -> tuple[str, int]:
    """The JSON export and the number of sessions in it."""
    document = export_document(repository, exported_at)
    return document.canonical_text(), len(document.sessions)


def export_csv(repository: Repository) -> tuple[str, int]:
    """One row per set and per day of rest, oldest first, and the number of sessions."""
    sessions = repository.sessions()
    checks = repository.carry_over_checks()
    answers = {stored.session_uuid: stored.check.answer for stored in checks}
    rows = [
        (session.started_at, _csv_row(session, stored, answers.get(session.uuid)))
        for session in sessions
        for stored in session.sets
    ]
    rows += [
        (stored.check.asked_at, _rest_day_row(stored.check))
        for stored in checks
        if stored.session_uuid is None
    ]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    # A stable sort by the moment (aware, so across offsets) keeps each session's sets in order.
    writer.writerows(row for _moment, row in sorted(rows, key=lambda entry: entry[0]))
    return buffer.getvalue(), len(sessions)


def _csv_row(session: StoredSession, stored: StoredSet, carry_over: CarryOver | None) -> list[Any]:
    planned = stored.planned
    done = stored.done or {}
    lifts = [check.able for check in session.lift_checks if check.exercise_id == stored.exercise_id]
    return [
        session.uuid,
        session.started_at.isoformat(),
        session.status.value,
        session.program_name,
        session.program_version,
        stored.position,
        stored.exercise_id,
        stored.exercise_name,
        stored.kind.value,
        stored.side.value,
        stored.set_number,
        stored.total_sets,
        stored.mover.value,
        planned.get("seconds"),
        planned.get("repetitions"),
        planned.get("load"),
        planned.get("unit"),
        done.get("seconds"),
        done.get("repetitions"),
        stored.fatigue,
        ";".join(symptom.value for symptom in stored.symptoms),
        stored.started_at.isoformat(),
        stored.ended_at.isoformat(),
        None if carry_over is None else carry_over.value,
        ("yes" if lifts[-1] else "no") if lifts else None,
    ]


def _rest_day_row(check: CarryOverCheck) -> list[Any]:
    """A day of rest: only when it was, why, and its carry-over answer."""
    row: list[Any] = [None] * len(CSV_COLUMNS)
    row[CSV_COLUMNS.index("session_started_at")] = check.asked_at.isoformat()
    row[CSV_COLUMNS.index("session_status")] = RESTED
    row[CSV_COLUMNS.index("carry_over")] = check.answer.value
    return row


# ----- import: the whole file is validated before anything is written -----------------------


def read_export(path: Path) -> ExportedHistory:
    """Read and validate a JSON export as a whole; raise one plain DocumentError if unusable."""
    return checked_export(read_json_file(path, MAX_IMPORT_BYTES), path.name)


def checked_export(data: Any, name: str) -> ExportedHistory:
    """An export's parsed JSON validated as a whole, as `read_export` checks a file; `name`
    stands for it in the messages (a file's name, or where else it came from)."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{file} is not an alshome export."), file=name
        )
    version = data.get("version")
    if type(version) is not int:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{file}: version: must be a whole number"),
            file=name,
        )
    if version not in READABLE_VERSIONS:
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file} is an export of version {version}, "
                "and this alshome reads versions 1 to {newest}.",
            ),
            file=name,
            version=version,
            newest=EXPORT_VERSION,
        )
    try:
        document = ExportDoc.model_validate(data)
    except ValidationError as exc:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "{file}: {problem}"), file=name, problem=explain(exc)
        ) from None
    history = document.history()
    for index, record in enumerate(history.programs):
        for entry, content in record.media.items():
            try:
                check_media(entry, content)
            except MediaError as exc:
                raise DocumentError(
                    QT_TRANSLATE_NOOP("Errors", "{file}: {field}: {entry}: {problem}."),
                    file=name,
                    field=f"programs[{index}].media",
                    entry=entry,
                    problem=exc.message,
                ) from None
    return history


def import_history(history: ExportedHistory, repository: Repository) -> MergeResult:
    """Merge a validated export into the history here, in one transaction.

    Sessions and ALSFRS-R ratings already here are skipped, so the same file imported twice
    adds nothing; a local profile is kept (see `Repository.import_history` for every rule).
    A program saved here under the same name and version but with a different document
    refuses the whole import with one plain DocumentError, and nothing is written.
    """
    try:
        return repository.import_history(
            history.programs,
            history.sessions,
            history.carry_over_checks,
            history.profile,
            history.alsfrs,
        )
    except ProgramConflictError as exc:
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A different program named {name}, version {version}, is already saved; "
                "nothing was imported.",
            ),
            name=repr(exc.name),
            version=exc.version,
        ) from None


# ----- the files a front end names ---------------------------------------------------------


def export_history_file(
    database_url: str, passphrase: str | None, output: Path, file_format: Literal["json", "csv"]
) -> int:
    """Write the saved history to `output` as JSON or CSV; the number of sessions written."""
    with saved_history(database_url, passphrase) as repository:
        if file_format == "json":
            text, count = export_json(repository, SystemClock().wall())
        else:
            text, count = export_csv(repository)
    write_private_file(output, text)
    return count


def merge_export(
    history: ExportedHistory, database_url: str, passphrase: str | None
) -> MergeResult:
    """Merge a validated export (`read_export`) into the history, backed up first."""
    with (
        backed_up_before_import(database_url, passphrase),
        opened_history(database_url, passphrase) as repository,
    ):
        return import_history(history, repository)
