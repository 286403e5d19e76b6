"""A patient's history stored at the clinic from the apps' uploads.

Storing is idempotent by the app's own keys: a session by its uuid, a set by its session
and position, a lift check by its session, exercise and moment, a carry-over check and an
ALSFRS-R rating by their moment, a program by its name and version. A record already held
is a no-op (`ON CONFLICT DO NOTHING`, safe against two uploads at once), with two
exceptions that only ever fill in what was not known yet: a session stored while in
progress takes its end, status and symptoms once they come, and a set stored before its
fatigue rating takes the rating (and symptoms) when it comes (`stored_sets`). Nothing the
clinic holds is ever overwritten otherwise.

The columns carry the export format's fields by name, so a record is written as its
model dumps it, and read back through the same models (`records.patient_export`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Insert, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from alshome.clinic.bulk import in_chunks, insert_rows
from alshome.clinic.models import (
    ClinicBase,
    PatientAlsfrs,
    PatientCarryOver,
    PatientLiftCheck,
    PatientProfile,
    PatientProgram,
    PatientSession,
)
from alshome.clinic.stored_sets import store_sets
from alshome.clinic.wire import Counts, UploadBatch, UploadReceipt
from alshome.domain.session import SessionStatus
from alshome.storage.snapshot import naive_utc

Owned = tuple[str, dict[str, Any]]  # a row to insert, with the patient it belongs to


def store_batch(db: Session, patient_id: str, batch: UploadBatch) -> UploadReceipt:
    """Store what the clinic does not hold yet of `batch`, for `patient_id`; the receipt
    counts what was stored now and what was held already."""
    return store_batches(db, [(patient_id, batch)])[0]


def store_batches(db: Session, uploads: Sequence[tuple[str, UploadBatch]]) -> list[UploadReceipt]:
    """Store the batches of several patients, each patient once, in the same statements.

    A statement per kind of record serves every batch, so two hundred devices' uploads
    stored together cost about what one larger upload does, not two hundred times one
    small upload. The receipts follow the order of `uploads`; each counts its own
    patient's records only.
    """
    patients = [patient_id for patient_id, _batch in uploads]
    if len(set(patients)) != len(patients):
        raise ValueError("a patient's batches are stored one after the other, not together")
    programs = _store_programs(db, uploads)
    profiles = {patient_id: _store_profile(db, patient_id, batch) for patient_id, batch in uploads}
    sessions, ids, ended, fresh = _store_sessions(db, uploads)
    patient_of_session = {session_id: patient_id for (patient_id, _uuid), session_id in ids.items()}
    sent, stored, filled = store_sets(db, uploads, ids, fresh)
    sets = _counted(sent, Counter(patient_of_session[session_id] for session_id in stored))
    rated = Counter(patient_of_session[session_id] for session_id in filled)
    lift_checks = _insert_new(
        db,
        PatientLiftCheck,
        [
            (
                patient_id,
                {"session_id": ids[patient_id, session.uuid], **check.model_dump(mode="json")},
            )
            for patient_id, batch in uploads
            for session in batch.sessions
            for check in session.lift_checks
        ],
        "session_id",
        patient_of_session.__getitem__,
    )
    checks = _insert_new(
        db,
        PatientCarryOver,
        [
            (
                patient_id,
                {
                    "patient_id": patient_id,
                    "asked_utc": naive_utc(check.asked_at),
                    **check.model_dump(mode="json"),
                },
            )
            for patient_id, batch in uploads
            for check in batch.carry_over_checks
        ],
    )
    alsfrs = _insert_new(
        db,
        PatientAlsfrs,
        [
            (
                patient_id,
                {
                    "patient_id": patient_id,
                    "entered_utc": naive_utc(entry.entered_at),
                    **entry.model_dump(mode="json"),
                },
            )
            for patient_id, batch in uploads
            for entry in batch.alsfrs
        ],
    )
    return [
        UploadReceipt(
            programs=programs.get(patient_id, Counts()),
            profile=profiles[patient_id],
            carry_over_checks=checks.get(patient_id, Counts()),
            sessions=sessions.get(patient_id, Counts()),
            sets=sets.get(patient_id, Counts()),
            lift_checks=lift_checks.get(patient_id, Counts()),
            alsfrs=alsfrs.get(patient_id, Counts()),
            completed=ended[patient_id] + rated[patient_id],
        )
        for patient_id in patients
    ]


def _insert(db: Session, model: type[ClinicBase]) -> Insert:
    """The dialect's INSERT, which alone knows ON CONFLICT ... DO UPDATE."""
    dialect = postgresql if db.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(model.__table__)


def _insert_new(
    db: Session,
    model: type[ClinicBase],
    rows: Sequence[Owned],
    owner_column: str = "patient_id",
    patient_of: Callable[[Any], str] = str,
) -> dict[str, Counts]:
    """Insert the rows not held yet (by the table's unique key); counted by patient, from
    `owner_column` of the rows inserted (the patient's id, or what `patient_of` maps to
    the patient)."""
    if not rows:
        return {}
    inserted = insert_rows(db, model.__table__, [row for _patient, row in rows], (owner_column,))
    return _counted(
        Counter(patient_id for patient_id, _row in rows),
        Counter(patient_of(owner) for (owner,) in inserted),
    )


def _counted(sent: Counter[str], stored: Counter[str]) -> dict[str, Counts]:
    """Each patient's records sent, counted as stored now (`stored`) or held already."""
    return {
        patient_id: Counts(stored=stored[patient_id], already_held=count - stored[patient_id])
        for patient_id, count in sent.items()
    }


def _store_programs(db: Session, uploads: Sequence[tuple[str, UploadBatch]]) -> dict[str, Counts]:
    counts = _insert_new(
        db,
        PatientProgram,
        [
            (patient_id, {"patient_id": patient_id, **entry.model_dump(mode="json")})
            for patient_id, batch in uploads
            for entry in batch.programs
        ],
    )
    for patient_id, batch in uploads:
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
    db: Session, uploads: Sequence[tuple[str, UploadBatch]]
) -> tuple[dict[str, Counts], dict[tuple[str, str], int], Counter[str], set[int]]:
    """The sessions' counts by patient, the ids of all of them by patient and uuid, how
    many of each patient's ended now, and the ids of those stored now."""
    rows: list[Owned] = [
        (
            patient_id,
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
            },
        )
        for patient_id, batch in uploads
        for session in batch.sessions
    ]
    if not rows:
        return {}, {}, Counter(), set()
    table = PatientSession.__table__
    inserted = insert_rows(
        db,
        PatientSession.__table__,
        [row for _patient, row in rows],
        ("id", "patient_id", "uuid", "status"),
    )
    counts = _counted(
        Counter(patient_id for patient_id, _row in rows),
        Counter(patient_id for _id, patient_id, _uuid, _status in inserted),
    )
    held = {
        (patient_id, uuid): (session_id, status)
        for session_id, patient_id, uuid, status in inserted
    }
    fresh = {session_id for session_id, _patient, _uuid, _status in inserted}
    others = list(
        {row["uuid"] for patient_id, row in rows if (patient_id, row["uuid"]) not in held}
    )
    held.update(
        ((patient_id, uuid), (session_id, status))
        for session_id, patient_id, uuid, status in in_chunks(
            db,
            select(table.c.id, table.c.patient_id, table.c.uuid, table.c.status).where(
                table.c.patient_id.in_({patient_id for patient_id, _batch in uploads})
            ),
            table.c.uuid,
            others,
        )
    )
    ended = [
        (patient_id, held[patient_id, row["uuid"]][0], row)
        for patient_id, row in rows
        if held[patient_id, row["uuid"]][1] == SessionStatus.IN_PROGRESS
        and row["status"] != SessionStatus.IN_PROGRESS
    ]
    if ended:
        db.execute(
            update(table)
            .where(table.c.id == bindparam("held_id"))
            .where(table.c.status == SessionStatus.IN_PROGRESS.value)
            .values(
                ended_at=bindparam("new_ended_at"),
                status=bindparam("new_status"),
                symptoms=bindparam("new_symptoms"),
            ),
            [
                {
                    "held_id": session_id,
                    "new_ended_at": row["ended_at"],
                    "new_status": row["status"],
                    "new_symptoms": row["symptoms"],
                }
                for _patient, session_id, row in ended
            ],
        )
    ids = {key: session_id for key, (session_id, _status) in held.items()}
    return counts, ids, Counter(patient_id for patient_id, _id, _row in ended), fresh
