"""Export and import of the whole history (JSON and CSV), with no window and no Qt.

The JSON format is documented in the README; its `version` changes whenever a reader of
the previous version could misread a file. Version 2 added the safety checks (the profile,
carry-over checks, lift checks), version 3 the ALSFRS-R self-ratings; files of earlier
versions, which have none of what came later, are still read. The CSV
adds a row for each day the patient rested after the carry-over check, so the sheet shows
every day the program was meant for. An import is untrusted input: it is size
capped and validated whole before the database is opened, then merged into the
history in one transaction, or not at all. Exports are health data: `alshome.files`
writes them atomically, readable by their owner only.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationError,
    model_validator,
)

from alshome import __version__
from alshome.domain.alsfrs import ITEMS, MAX_VALUE, EnteredBy, Entry, Item
from alshome.domain.fatigue import MAX_RATING, Symptom
from alshome.domain.program import ExerciseKind, LoadUnit, Mover, Side
from alshome.domain.safety import CarryOver, CarryOverCheck, LiftCheck, Profile
from alshome.domain.session import SessionStatus
from alshome.programs.document import DocumentError, read_json_file
from alshome.programs.schema import ProgramDoc, explain
from alshome.storage.repository import (
    MergeResult,
    ProgramConflictError,
    ProgramRecord,
    Repository,
    StoredCarryOver,
    StoredSession,
    StoredSet,
)

EXPORT_FORMAT = "alshome-export"
EXPORT_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
RESTED = "rested"  # the CSV's session_status for a day of rest after the carry-over check
MAX_IMPORT_BYTES = 64 * 1024 * 1024

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


@dataclass(frozen=True)
class ExportedHistory:
    """A validated export, ready to be written to a database."""

    programs: tuple[ProgramRecord, ...]
    sessions: tuple[StoredSession, ...]
    carry_over_checks: tuple[StoredCarryOver, ...] = ()
    profile: Profile | None = None
    alsfrs: tuple[Entry, ...] = ()


# ----- export -----------------------------------------------------------------------------


def export_json(repository: Repository, exported_at: datetime) -> tuple[str, int]:
    """The JSON export and the number of sessions in it."""
    sessions = repository.sessions()
    document = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": exported_at.isoformat(),
        "app_version": __version__,
        "programs": [
            {
                "name": program.name,
                "version": program.version,
                "active": program.active,
                "document": program.document,
            }
            for program in repository.programs()
        ],
        "profile": _profile_json(repository.profile()),
        "carry_over_checks": [
            _carry_over_json(stored) for stored in repository.carry_over_checks()
        ],
        "sessions": [_session_json(session) for session in sessions],
        "alsfrs": [_alsfrs_json(entry) for entry in repository.alsfrs_entries()],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return text, len(sessions)


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


def _profile_json(profile: Profile | None) -> dict[str, str] | None:
    if profile is None:
        return None
    return {
        "therapist_name": profile.therapist_name,
        "therapist_contact": profile.therapist_contact,
        "patient_name": profile.patient_name,
        "saved_at": profile.saved_at.isoformat(),
    }


def _carry_over_json(stored: StoredCarryOver) -> dict[str, Any]:
    return {
        "asked_at": stored.check.asked_at.isoformat(),
        "answer": stored.check.answer.value,
        "session_uuid": stored.session_uuid,
    }


def _alsfrs_json(entry: Entry) -> dict[str, Any]:
    return {
        "entered_at": entry.entered_at.isoformat(),
        "entered_by": entry.entered_by.value,
        "onset": None if entry.onset is None else entry.onset.isoformat(),
        "values": {item.value: value for item, value in zip(ITEMS, entry.values, strict=True)},
    }


def _lift_check_json(check: LiftCheck) -> dict[str, Any]:
    return {
        "exercise_id": check.exercise_id,
        "exercise_name": check.exercise_name,
        "able": check.able,
        "checked_at": check.checked_at.isoformat(),
    }


def _session_json(session: StoredSession) -> dict[str, Any]:
    return {
        "uuid": session.uuid,
        "started_at": session.started_at.isoformat(),
        "ended_at": None if session.ended_at is None else session.ended_at.isoformat(),
        "status": session.status.value,
        "program": {"name": session.program_name, "version": session.program_version},
        "symptoms": [symptom.value for symptom in session.symptoms],
        "sets": [_set_json(stored) for stored in session.sets],
        "lift_checks": [_lift_check_json(check) for check in session.lift_checks],
    }


def _set_json(stored: StoredSet) -> dict[str, Any]:
    return {
        "position": stored.position,
        "exercise_id": stored.exercise_id,
        "exercise_name": stored.exercise_name,
        "kind": stored.kind.value,
        "side": stored.side.value,
        "set_number": stored.set_number,
        "total_sets": stored.total_sets,
        "mover": stored.mover.value,
        "planned": stored.planned,
        "done": stored.done,
        "fatigue": stored.fatigue,
        "symptoms": [symptom.value for symptom in stored.symptoms],
        "started_at": stored.started_at.isoformat(),
        "ended_at": stored.ended_at.isoformat(),
    }


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


def _between(low: float, high: float) -> AfterValidator:
    """A bound that reads as one plain sentence, as `schema.explain` expects."""

    def check(value: float) -> float:
        if not low <= value <= high:
            raise ValueError(f"must be between {low} and {high}")
        return value

    return AfterValidator(check)


def _moment(value: Any) -> datetime:
    """ISO 8601 text with an offset; pydantic alone would also take numbers as Unix times."""
    reason = "must be a date and time in ISO 8601 with its UTC offset"
    if not isinstance(value, str):
        raise ValueError(reason)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(reason) from None
    if moment.utcoffset() is None:
        raise ValueError(reason)
    return moment


def _canonical_uuid(value: str) -> str:
    """Lowercase and hyphenated, as alshome writes them, so merging by uuid is exact."""
    try:
        canonical = str(UUID(value))
    except ValueError:
        canonical = None
    if canonical != value:
        raise ValueError("must be a lowercase UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e")
    return value


def _distinct(symptoms: list[Symptom]) -> list[Symptom]:
    if len(set(symptoms)) != len(symptoms):
        raise ValueError("must not name a symptom twice")
    return symptoms


def _day(value: Any) -> date:
    """A calendar day as ISO 8601 text (2024-05-01); pydantic alone would take other forms."""
    reason = "must be a date in ISO 8601 such as 2024-05-01"
    if not isinstance(value, str):
        raise ValueError(reason)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(reason) from None


def _every_item(values: dict[Item, int]) -> dict[Item, int]:
    if set(values) != set(ITEMS):
        raise ValueError("must give a value for each of the 12 items")
    return values


Moment = Annotated[datetime, BeforeValidator(_moment)]
Day = Annotated[date, BeforeValidator(_day)]
Name = Annotated[StrictStr, StringConstraints(min_length=1, max_length=200)]
Version = Annotated[StrictInt, _between(1, 1_000_000)]
Count = Annotated[StrictInt, _between(1, 1000)]
Seconds = Annotated[StrictFloat, _between(0, 86_400)]
Repetitions = Annotated[StrictInt, _between(0, 10_000)]
Symptoms = Annotated[list[Symptom], AfterValidator(_distinct)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlannedDoc(_Strict):
    seconds: Seconds | None = None
    repetitions: Repetitions | None = None
    load: Annotated[StrictFloat, _between(0, 1000)] | None = None
    unit: LoadUnit | None = None


class DoneDoc(_Strict):
    seconds: Seconds | None = None
    repetitions: Repetitions | None = None


class SetDoc(_Strict):
    position: Annotated[StrictInt, _between(0, 100_000)]
    exercise_id: Annotated[StrictStr, StringConstraints(min_length=1, max_length=80)]
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
            raise ValueError("set_number must not be above total_sets")
        return self


class LiftCheckDoc(_Strict):
    exercise_id: Annotated[StrictStr, StringConstraints(min_length=1, max_length=80)]
    exercise_name: Name
    able: StrictBool
    checked_at: Moment


class ProgramRefDoc(_Strict):
    name: Name
    version: Version


class SessionDoc(_Strict):
    uuid: Annotated[StrictStr, AfterValidator(_canonical_uuid)]
    started_at: Moment
    ended_at: Moment | None
    status: SessionStatus
    program: ProgramRefDoc
    symptoms: Symptoms
    sets: list[SetDoc]
    lift_checks: list[LiftCheckDoc] = []

    @model_validator(mode="after")
    def _positions_distinct(self) -> SessionDoc:
        if len({entry.position for entry in self.sets}) != len(self.sets):
            raise ValueError("sets must not repeat a position")
        return self


def _program_document(document: dict[str, Any]) -> dict[str, Any]:
    """Checked as a program file, but kept exactly as given, as the database keeps it."""
    try:
        ProgramDoc.model_validate(document)
    except ValidationError as exc:
        raise ValueError(explain(exc)) from None
    return document


class ProgramEntryDoc(_Strict):
    name: Name
    version: Version
    active: StrictBool
    document: Annotated[dict[str, Any], AfterValidator(_program_document)]

    @model_validator(mode="after")
    def _same_program(self) -> ProgramEntryDoc:
        if (self.document["name"], self.document["version"]) != (self.name, self.version):
            raise ValueError("name and version must match those of the document")
        return self


class ProfileDoc(_Strict):
    therapist_name: Annotated[StrictStr, StringConstraints(max_length=200)]
    therapist_contact: Annotated[StrictStr, StringConstraints(max_length=500)]
    patient_name: Annotated[StrictStr, StringConstraints(max_length=200)]
    saved_at: Moment


class CarryOverDoc(_Strict):
    asked_at: Moment
    answer: CarryOver
    session_uuid: Annotated[StrictStr, AfterValidator(_canonical_uuid)] | None


class AlsfrsDoc(_Strict):
    entered_at: Moment
    entered_by: EnteredBy
    onset: Day | None
    values: Annotated[
        dict[Item, Annotated[StrictInt, _between(0, MAX_VALUE)]], AfterValidator(_every_item)
    ]


class ExportDoc(_Strict):
    format: Literal["alshome-export"]
    version: Literal[1, 2, 3]
    exported_at: Moment
    app_version: Annotated[StrictStr, StringConstraints(max_length=40)]
    programs: list[ProgramEntryDoc]
    profile: ProfileDoc | None = None
    carry_over_checks: list[CarryOverDoc] = []
    sessions: list[SessionDoc]
    alsfrs: list[AlsfrsDoc] = []

    @model_validator(mode="after")
    def _consistent(self) -> ExportDoc:
        if len({(entry.name, entry.version) for entry in self.programs}) != len(self.programs):
            raise ValueError("programs must not repeat a name and version")
        if sum(entry.active for entry in self.programs) > 1:
            raise ValueError("programs must have at most one active program")
        uuids = {session.uuid for session in self.sessions}
        if len(uuids) != len(self.sessions):
            raise ValueError("sessions must not repeat a uuid")
        followed = [check.session_uuid for check in self.carry_over_checks if check.session_uuid]
        if not uuids.issuperset(followed):
            raise ValueError("carry_over_checks must name sessions that are in the export")
        if len(set(followed)) != len(followed):
            raise ValueError("carry_over_checks must not name a session twice")
        return self


def read_export(path: Path) -> ExportedHistory:
    """Read and validate a JSON export as a whole; raise one plain DocumentError if unusable."""
    data = read_json_file(path, MAX_IMPORT_BYTES)
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise DocumentError(f"{path.name} is not an alshome export.")
    version = data.get("version")
    if type(version) is not int:
        raise DocumentError(f"{path.name}: version: must be a whole number")
    if version not in READABLE_VERSIONS:
        raise DocumentError(
            f"{path.name} is an export of version {version}, "
            f"and this alshome reads versions 1 to {EXPORT_VERSION}."
        )
    try:
        document = ExportDoc.model_validate(data)
    except ValidationError as exc:
        raise DocumentError(f"{path.name}: {explain(exc)}") from None
    return ExportedHistory(
        programs=tuple(
            ProgramRecord(entry.name, entry.version, entry.active, entry.document)
            for entry in document.programs
        ),
        sessions=tuple(_stored_session(session) for session in document.sessions),
        carry_over_checks=tuple(
            StoredCarryOver(CarryOverCheck(check.answer, check.asked_at), check.session_uuid)
            for check in document.carry_over_checks
        ),
        profile=None if document.profile is None else Profile(**document.profile.model_dump()),
        alsfrs=tuple(
            Entry(
                entered_at=entry.entered_at,
                values=tuple(entry.values[item] for item in ITEMS),
                entered_by=entry.entered_by,
                onset=entry.onset,
            )
            for entry in document.alsfrs
        ),
    )


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
        raise DocumentError(f"{str(exc).rstrip('.')}; nothing was imported.") from None


def _stored_session(session: SessionDoc) -> StoredSession:
    return StoredSession(
        uuid=session.uuid,
        started_at=session.started_at,
        ended_at=session.ended_at,
        status=session.status,
        program_name=session.program.name,
        program_version=session.program.version,
        symptoms=tuple(session.symptoms),
        sets=tuple(_stored_set(entry) for entry in session.sets),
        lift_checks=tuple(LiftCheck(**check.model_dump()) for check in session.lift_checks),
    )


def _stored_set(entry: SetDoc) -> StoredSet:
    return StoredSet(
        position=entry.position,
        exercise_id=entry.exercise_id,
        exercise_name=entry.exercise_name,
        kind=entry.kind,
        side=entry.side,
        set_number=entry.set_number,
        total_sets=entry.total_sets,
        mover=entry.mover,
        planned=_plain(entry.planned),
        done=None if entry.done is None else _plain(entry.done),
        fatigue=entry.fatigue,
        symptoms=tuple(entry.symptoms),
        started_at=entry.started_at,
        ended_at=entry.ended_at,
    )


def _plain(entry: BaseModel) -> dict[str, Any]:
    return entry.model_dump(mode="json", exclude_none=True)
