"""A patient's history at the clinic: stored from uploads, given back in the export format.

Storing is idempotent by the app's own keys: a session by its uuid, a set by its session
and position, a lift check by its session, exercise and moment, a carry-over check and an
ALSFRS-R rating by their moment, a program by its name and version. A record already held
is a no-op (`ON CONFLICT DO NOTHING`, safe against two uploads at once), with two
exceptions that only ever fill in what was not known yet: a session stored while in
progress takes its end, status and symptoms once they come, and a set stored before its
fatigue rating takes the rating (and symptoms) when it comes. Nothing the clinic holds is
ever overwritten otherwise.

The columns carry the export format's fields by name, so a record is written as its
model dumps it and read back through the same models: `patient_export` gives exactly the
file `alshome export --format json` would give of the same history.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, Insert, Row, func, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from alshome import __version__
from alshome.clinic.figures import window_start
from alshome.clinic.models import (
    ClinicBase,
    PatientAlsfrs,
    PatientCarryOver,
    PatientLiftCheck,
    PatientProfile,
    PatientProgram,
    PatientSession,
    PatientSet,
)
from alshome.clinic.wire import Counts, UploadBatch, UploadReceipt
from alshome.domain.session import SessionStatus
from alshome.operations.exchange import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    ExportDoc,
    LiftCheckDoc,
    SessionDoc,
    SetDoc,
)
from alshome.storage.snapshot import naive_utc

# The columns that are the export's fields, by name.
SET_FIELDS = tuple(SetDoc.model_fields)
LIFT_FIELDS = tuple(LiftCheckDoc.model_fields)


def store_batch(db: Session, patient_id: str, batch: UploadBatch) -> UploadReceipt:
    """Store what the clinic does not hold yet of `batch`, for `patient_id`; the receipt
    counts what was stored now and what was held already."""
    programs = _store_programs(db, patient_id, batch)
    profile = _store_profile(db, patient_id, batch)
    sessions, ids, completed = _store_sessions(db, patient_id, batch.sessions)
    # The sessions as the export writes them, dumped in one call: a call per set costs
    # more than the dumping itself, for the thousands of sets of a first sync.
    dumped = batch.model_dump(mode="json", include={"sessions"})["sessions"]
    sets, rated = _store_sets(db, dumped, ids)
    lift_checks = _insert_new(
        db,
        PatientLiftCheck,
        [
            {"session_id": ids[session["uuid"]], **check}
            for session in dumped
            for check in session["lift_checks"]
        ],
    )
    checks = _insert_new(
        db,
        PatientCarryOver,
        [
            {
                "patient_id": patient_id,
                "asked_utc": naive_utc(check.asked_at),
                **check.model_dump(mode="json"),
            }
            for check in batch.carry_over_checks
        ],
    )
    alsfrs = _insert_new(
        db,
        PatientAlsfrs,
        [
            {
                "patient_id": patient_id,
                "entered_utc": naive_utc(entry.entered_at),
                **entry.model_dump(mode="json"),
            }
            for entry in batch.alsfrs
        ],
    )
    return UploadReceipt(
        programs=programs,
        profile=profile,
        carry_over_checks=checks,
        sessions=sessions,
        sets=sets,
        lift_checks=lift_checks,
        alsfrs=alsfrs,
        completed=completed + rated,
    )


def _insert(db: Session, model: type[ClinicBase]) -> Insert:
    """The dialect's INSERT, which alone knows ON CONFLICT ... DO UPDATE."""
    dialect = postgresql if db.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(model.__table__)


def _insert_new(db: Session, model: type[ClinicBase], rows: Sequence[dict[str, Any]]) -> Counts:
    """Insert the rows not held yet (by the table's unique key); counted."""
    if not rows:
        return Counts()
    stored = _insert_rows(db, model, rows, ("id",))
    return Counts(stored=len(stored), already_held=len(rows) - len(stored))


def _insert_rows(
    db: Session, model: type[ClinicBase], rows: Sequence[dict[str, Any]], returning: Sequence[str]
) -> list[Row[Any]]:
    """Insert the rows the table does not hold yet; the `returning` columns of those inserted.

    PostgreSQL gets the whole batch as one JSON parameter that `json_populate_recordset`
    turns into rows of the table (whose columns the rows' keys name): one short statement.
    A multi-row VALUES would have a placeholder per value, which psycopg parses in Python,
    seconds for a batch of a few thousand sets. Plain json, not jsonb: the text is read
    once either way, and building jsonb's tree first took half the statement's time for
    ten years of sets. SQLite takes the rows as an executemany.
    """
    table = model.__table__
    if db.get_bind().dialect.name != "postgresql":
        statement = sqlite.insert(table).on_conflict_do_nothing()
        return list(db.execute(statement.returning(*(table.c[name] for name in returning)), rows))
    columns = ", ".join(f'"{name}"' for name in rows[0])
    statement = text(
        f"INSERT INTO {table.name} ({columns}) SELECT {columns} "
        f"FROM json_populate_recordset(NULL::{table.name}, CAST(:rows AS json)) "
        f"ON CONFLICT DO NOTHING RETURNING {', '.join(returning)}"
    )
    return list(db.execute(statement, {"rows": json.dumps(rows, default=datetime.isoformat)}))


def _store_programs(db: Session, patient_id: str, batch: UploadBatch) -> Counts:
    counts = _insert_new(
        db,
        PatientProgram,
        [{"patient_id": patient_id, **entry.model_dump(mode="json")} for entry in batch.programs],
    )
    active = next((entry for entry in batch.programs if entry.active), None)
    if active is not None:
        mine = PatientProgram.patient_id == patient_id
        db.execute(update(PatientProgram).where(mine).values(active=False))
        db.execute(
            update(PatientProgram)
            .where(mine, PatientProgram.name == active.name)
            .where(PatientProgram.version == active.version)
            .values(active=True)
        )
    return counts


def _store_profile(db: Session, patient_id: str, batch: UploadBatch) -> Counts:
    """The newest profile the app saved is kept (the patient may change the contact),
    in one statement, so two uploads at once cannot both find none and both insert."""
    if batch.profile is None:
        return Counts()
    values = {
        "patient_id": patient_id,
        **batch.profile.model_dump(mode="json"),
        "saved_utc": naive_utc(batch.profile.saved_at),
    }
    statement = _insert(db, PatientProfile).values(values)
    newer = statement.on_conflict_do_update(
        index_elements=[PatientProfile.patient_id],
        set_={name: statement.excluded[name] for name in values if name != "patient_id"},
        where=PatientProfile.saved_utc < statement.excluded.saved_utc,
    )
    stored = db.execute(newer.returning(PatientProfile.patient_id)).first() is not None
    return Counts(stored=1) if stored else Counts(already_held=1)


def _store_sessions(
    db: Session, patient_id: str, sessions: Sequence[SessionDoc]
) -> tuple[Counts, dict[str, int], int]:
    """The sessions' counts, the ids of all of them by uuid, and how many ended now."""
    rows = [
        {
            "patient_id": patient_id,
            "uuid": session.uuid,
            "started_at": session.started_at.isoformat(),
            "started_utc": naive_utc(session.started_at),
            "ended_at": None if session.ended_at is None else session.ended_at.isoformat(),
            "status": session.status.value,
            "program_name": session.program.name,
            "program_version": session.program.version,
            "symptoms": [symptom.value for symptom in session.symptoms],
        }
        for session in sessions
    ]
    counts = _insert_new(db, PatientSession, rows)
    held = {
        uuid: (session_id, status)
        for session_id, uuid, status in _in_chunks(
            db,
            select(PatientSession.id, PatientSession.uuid, PatientSession.status).where(
                PatientSession.patient_id == patient_id
            ),
            PatientSession.uuid,
            [session.uuid for session in sessions],
        )
    }
    ended = [
        row
        for row in rows
        if held[row["uuid"]][1] == SessionStatus.IN_PROGRESS
        and row["status"] != SessionStatus.IN_PROGRESS
    ]
    for row in ended:
        db.execute(
            update(PatientSession)
            .where(PatientSession.id == held[row["uuid"]][0])
            .where(PatientSession.status == SessionStatus.IN_PROGRESS.value)
            .values(ended_at=row["ended_at"], status=row["status"], symptoms=row["symptoms"])
        )
    return counts, {uuid: session_id for uuid, (session_id, _status) in held.items()}, len(ended)


def _store_sets(
    db: Session, sessions: Sequence[dict[str, Any]], ids: dict[str, int]
) -> tuple[Counts, int]:
    """The sets' counts, and how many held sets took their rating or symptoms now; the
    sessions as their models dump them."""
    rows = [
        {"session_id": ids[session["uuid"]], **entry}
        for session in sessions
        for entry in session["sets"]
    ]
    if not rows:
        return Counts(), 0
    inserted = {
        (session_id, position)
        for session_id, position in _insert_rows(db, PatientSet, rows, ("session_id", "position"))
    }
    others = [row for row in rows if (row["session_id"], row["position"]) not in inserted]
    rated = 0
    if any(row["fatigue"] is not None or row["symptoms"] for row in others):
        held = {
            (session_id, position): (set_id, fatigue, symptoms)
            for set_id, session_id, position, fatigue, symptoms in _in_chunks(
                db,
                select(
                    PatientSet.id,
                    PatientSet.session_id,
                    PatientSet.position,
                    PatientSet.fatigue,
                    PatientSet.symptoms,
                ),
                PatientSet.session_id,
                list({row["session_id"] for row in others}),
            )
        }
        for row in others:
            set_id, fatigue, symptoms = held[(row["session_id"], row["position"])]
            filled = {}
            if fatigue is None and row["fatigue"] is not None:
                filled["fatigue"] = row["fatigue"]
            if not symptoms and row["symptoms"]:
                filled["symptoms"] = row["symptoms"]
            if filled:
                db.execute(update(PatientSet).where(PatientSet.id == set_id).values(**filled))
                rated += 1
    return Counts(stored=len(inserted), already_held=len(rows) - len(inserted)), rated


def held_counts(db: Session, patient_id: str) -> tuple[int, int]:
    """How many sessions and sets the clinic holds of the patient."""
    sessions = db.scalar(
        select(func.count())
        .select_from(PatientSession)
        .where(PatientSession.patient_id == patient_id)
    )
    sets = db.scalar(
        select(func.count())
        .select_from(PatientSet)
        .join(PatientSession, PatientSession.id == PatientSet.session_id)
        .where(PatientSession.patient_id == patient_id)
    )
    return sessions or 0, sets or 0


def _in_chunks(
    db: Session, query: Any, column: ColumnElement[Any], values: Sequence[Any]
) -> Iterable[Any]:
    """The query's rows for `column IN values`, a thousand values a statement."""
    for start in range(0, len(values), 1000):
        yield from db.execute(query.where(column.in_(values[start : start + 1000])))


# ----- the patient's history, in the app's export format --------------------------------


def _parts_by_session(
    db: Session,
    model: type[ClinicBase],
    fields: Sequence[str],
    patient_id: str,
    order: str,
    since: datetime | None = None,
) -> dict[int, list[dict[str, Any]]]:
    """The patient's sets or lift checks as the export's fields, by session id, in order
    (of the sessions started from `since`, naive UTC, when given): one query of plain
    rows, since ten years hold about 50,000 sets."""
    table = model.__table__
    query = (
        select(table.c.session_id, *(table.c[name] for name in fields))
        .join(PatientSession, PatientSession.id == table.c.session_id)
        .where(PatientSession.patient_id == patient_id)
        .order_by(table.c.session_id, table.c[order])
    )
    if since is not None:
        query = query.where(PatientSession.started_utc >= since)
    parts: dict[int, list[dict[str, Any]]] = {}
    for session_id, *values in db.execute(query):
        parts.setdefault(session_id, []).append(dict(zip(fields, values, strict=True)))
    return parts


def patient_export(
    db: Session, patient_id: str, exported_at: datetime, sets_from: date | None = None
) -> ExportDoc:
    """The patient's whole history as the clinic holds it, as the app's export would be.

    Built as the file's JSON and validated with the export's own models, so what the
    clinic gives back is a file any alshome reads. A carry-over check whose session has
    not reached the clinic yet waits for it.

    `sets_from` leaves out the sets of the sessions lived before that day (every session
    and everything else is kept): the sets are nearly all of ten years' history, and a
    clinic report reads only those of its own days and of the weeks its flags look at,
    so its export is a tenth the size, and the report is made in seconds, not a minute.
    """
    sessions = list(
        db.scalars(
            select(PatientSession)
            .where(PatientSession.patient_id == patient_id)
            .order_by(PatientSession.started_utc, PatientSession.id)
        )
    )
    since = None if sets_from is None else window_start(sets_from)
    sets = _parts_by_session(db, PatientSet, SET_FIELDS, patient_id, "position", since)
    lift_checks = _parts_by_session(db, PatientLiftCheck, LIFT_FIELDS, patient_id, "id")
    held = {session.uuid for session in sessions}
    profile = db.get(PatientProfile, patient_id)
    document = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": exported_at.isoformat(),
        "app_version": __version__,
        "programs": [
            {
                "name": row.name,
                "version": row.version,
                "active": row.active,
                "document": row.document,
                "media": row.media,
            }
            for row in db.scalars(
                select(PatientProgram)
                .where(PatientProgram.patient_id == patient_id)
                .order_by(PatientProgram.id)
            )
        ],
        "profile": None
        if profile is None
        else {
            "therapist_name": profile.therapist_name,
            "therapist_contact": profile.therapist_contact,
            "patient_name": profile.patient_name,
            "saved_at": profile.saved_at,
        },
        "carry_over_checks": [
            {"asked_at": row.asked_at, "answer": row.answer, "session_uuid": row.session_uuid}
            for row in db.scalars(
                select(PatientCarryOver)
                .where(PatientCarryOver.patient_id == patient_id)
                .order_by(PatientCarryOver.asked_utc, PatientCarryOver.id)
            )
            if row.session_uuid is None or row.session_uuid in held
        ],
        "sessions": [
            {
                "uuid": session.uuid,
                "started_at": session.started_at,
                "ended_at": session.ended_at,
                "status": session.status,
                "program": {"name": session.program_name, "version": session.program_version},
                "symptoms": session.symptoms,
                "sets": sets.get(session.id, []),
                "lift_checks": lift_checks.get(session.id, []),
            }
            for session in sessions
        ],
        "alsfrs": [
            {
                "entered_at": row.entered_at,
                "entered_by": row.entered_by,
                "onset": row.onset,
                "values": row.values,
            }
            for row in db.scalars(
                select(PatientAlsfrs)
                .where(PatientAlsfrs.patient_id == patient_id)
                .order_by(PatientAlsfrs.entered_utc, PatientAlsfrs.id)
            )
        ],
    }
    return ExportDoc.model_validate(document)


ExportFormat = Literal["json", "fhir"]


def export_text(document: ExportDoc, patient_id: str, file_format: ExportFormat) -> str:
    """The file of a patient's history (`patient_export`) in `file_format`: the app's own
    JSON, or a FHIR R4 bundle for the record system naming the patient by their clinic id
    only. One function for `alshome clinic export-patient` and the dashboard's download,
    so the two give the same bytes."""
    if file_format == "fhir":
        from alshome.operations.fhir.bundle import PatientIdentity, fhir_text

        return fhir_text(document, PatientIdentity(identifier=patient_id))
    return document.canonical_text()
