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

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from pydantic import TypeAdapter
from sqlalchemy import (
    JSON,
    ColumnElement,
    Insert,
    Row,
    bindparam,
    func,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from alshome import __version__
from alshome.clinic.bulk_insert import insert_rows
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
    SetDoc,
)
from alshome.storage.snapshot import naive_utc

# The columns that are the export's fields, by name.
SET_FIELDS = tuple(SetDoc.model_fields)
LIFT_FIELDS = tuple(LiftCheckDoc.model_fields)

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
    sets, rated = _store_sets(db, uploads, ids, fresh, patient_of_session)
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
        for session_id, patient_id, uuid, status in _in_chunks(
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


def _store_sets(
    db: Session,
    uploads: Sequence[tuple[str, UploadBatch]],
    ids: dict[tuple[str, str], int],
    fresh: set[int],
    patient_of_session: dict[int, str],
) -> tuple[dict[str, Counts], Counter[str]]:
    """The sets' counts by patient, and how many held sets of each took their rating or
    symptoms now.

    The app sends a session again with each set saved, so most sets of an upload are
    held already: only those not held are written out and inserted (a session stored
    just now holds none), and the held ones are compared for a rating or symptoms to
    fill in. The insert still skips any set held meanwhile (ON CONFLICT DO NOTHING).
    """
    sent: Counter[str] = Counter()
    offered: list[tuple[int, Sequence[SetDoc]]] = []
    for patient_id, batch in uploads:
        for session in batch.sessions:
            sent[patient_id] += len(session.sets)
            if session.sets:
                offered.append((ids[patient_id, session.uuid], session.sets))
    if not offered:
        return {}, Counter()
    held = _held_sets(db, [session_id for session_id, _sets in offered if session_id not in fresh])
    new = [
        (session_id, missing)
        for session_id, sets in offered
        if (missing := [entry for entry in sets if (session_id, entry.position) not in held])
    ]
    insert = _sets_in_postgresql if db.get_bind().dialect.name == "postgresql" else _sets_in_sqlite
    inserted = insert(db, new) if new else []
    stored = Counter(patient_of_session[session_id] for session_id, _position in inserted)
    filled = _fill_in_ratings(db, offered, held)
    return _counted(sent, stored), Counter(patient_of_session[session_id] for session_id in filled)


@dataclass(frozen=True)
class _HeldSet:
    id: int
    fatigue: int | None
    no_symptoms: bool


def _held_sets(db: Session, session_ids: Sequence[int]) -> dict[tuple[int, int], _HeldSet]:
    """The sets held of these sessions, by session and position: what a rating filled in
    needs to know of each (whether it has symptoms, not which)."""
    table = PatientSet.__table__
    query = select(
        table.c.id,
        table.c.session_id,
        table.c.position,
        table.c.fatigue,
        func.json_array_length(table.c.symptoms) == 0,
    )
    return {
        (session_id, position): _HeldSet(set_id, fatigue, no_symptoms)
        for set_id, session_id, position, fatigue, no_symptoms in _in_chunks(
            db, query, table.c.session_id, session_ids
        )
    }


_SETS = TypeAdapter(list[SetDoc])


def _sets_in_postgresql(
    db: Session, offered: Sequence[tuple[int, Sequence[SetDoc]]]
) -> list[Row[Any]]:
    """Insert the sets not held yet in one statement on one JSON parameter: each session's
    id and its sets, written by pydantic's own JSON serializer, which the database unnests.
    Python builds no row a set, which for the thousands of sets of many uploads at once
    cost more than storing them. The session and position of each set inserted."""
    sessions = ",".join(
        f'{{"session_id":{session_id},"sets":{_SETS.dump_json(sets).decode()}}}'
        for session_id, sets in offered
    )
    columns = ", ".join(f'"{name}"' for name in SET_FIELDS)
    return list(
        db.execute(
            text(
                f"INSERT INTO patient_sets (session_id, {columns}) "
                f"SELECT given.session_id, {', '.join(f'sent.{name}' for name in SET_FIELDS)} "
                "FROM json_to_recordset(CAST(:sessions AS json)) "
                "AS given(session_id integer, sets json) CROSS JOIN LATERAL "
                "json_populate_recordset(NULL::patient_sets, given.sets) AS sent "
                "ON CONFLICT DO NOTHING RETURNING session_id, position"
            ),
            {"sessions": f"[{sessions}]"},
        )
    )


def _sets_in_sqlite(db: Session, offered: Sequence[tuple[int, Sequence[SetDoc]]]) -> list[Row[Any]]:
    """As `_sets_in_postgresql`, as an executemany of a row a set."""
    rows = [
        {"session_id": session_id, **entry}
        for session_id, sets in offered
        for entry in _SETS.dump_python(sets, mode="json")
    ]
    return insert_rows(db, PatientSet.__table__, rows, ("session_id", "position"))


def _fill_in_ratings(
    db: Session,
    offered: Sequence[tuple[int, Sequence[SetDoc]]],
    held: dict[tuple[int, int], _HeldSet],
) -> list[int]:
    """Held sets take the fatigue rating and symptoms they were stored without, when a
    later upload brings them (never overwriting what is held); the session id of each."""
    filled = []
    for session_id, sets in offered:
        for entry in sets:
            found = held.get((session_id, entry.position))
            if found is None:
                continue
            rating = found.fatigue is None and entry.fatigue is not None
            symptoms = found.no_symptoms and bool(entry.symptoms)
            if rating or symptoms:
                filled.append(
                    {
                        "session_id": session_id,
                        "held_id": found.id,
                        "new_fatigue": entry.fatigue if rating else found.fatigue,
                        "new_symptoms": [symptom.value for symptom in entry.symptoms]
                        if symptoms
                        else None,
                    }
                )
    table = PatientSet.__table__
    if filled:
        db.execute(
            update(table)
            .where(table.c.id == bindparam("held_id"))
            .values(
                fatigue=bindparam("new_fatigue"),
                # None keeps what is held: SQL NULL, not JSON's null.
                symptoms=func.coalesce(
                    bindparam("new_symptoms", type_=JSON(none_as_null=True)), table.c.symptoms
                ),
            ),
            filled,
        )
    return [values["session_id"] for values in filled]


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
