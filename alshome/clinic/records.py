"""A patient's history as the clinic holds it (`storing` stores it from the uploads),
given back in the app's export format.

The columns carry the export format's fields by name, so a record is read back through
the same models it was written by: `patient_export` gives exactly the file `alshome
export --format json` would give of the same history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import func, select
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
from alshome.operations.exchange import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    ExportDoc,
    LiftCheckDoc,
    SetDoc,
)

# The columns that are the export's fields, by name.
SET_FIELDS = tuple(SetDoc.model_fields)
LIFT_FIELDS = tuple(LiftCheckDoc.model_fields)


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
