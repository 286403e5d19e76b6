"""The sets of the apps' uploads, stored at the clinic: the commonest record by far, a
few a minute from each device during a workout, fifty thousand in ten years' first sync.

The app sends each set as it is saved and again as it is rated, with its session's own
row (an app from before its outbox named sets sends the whole session each time), so
many sets of an upload may be held already: only those not held are written out and
inserted (a session stored just now holds none), and the held ones are compared for a
rating or symptoms to fill in, never to overwrite. The insert still skips any set stored
meanwhile by another upload (ON CONFLICT DO NOTHING).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import JSON, Row, bindparam, func, select, text, update
from sqlalchemy.orm import Session

from alshome.clinic.bulk import in_chunks, insert_rows
from alshome.clinic.models import PatientSet
from alshome.clinic.records import SET_FIELDS
from alshome.clinic.wire import UploadBatch
from alshome.operations.exchange import SetDoc


def store_sets(
    db: Session,
    uploads: Sequence[tuple[str, UploadBatch]],
    ids: dict[tuple[str, str], int],
    fresh: set[int],
) -> tuple[Counter[str], list[int], list[int]]:
    """Store the uploads' sets, their sessions stored already (`ids`: each session's id by
    patient and uuid; `fresh`: those stored just now). How many sets each patient sent,
    and the session id of each set stored now and of each held set that took its rating
    or symptoms now."""
    sent: Counter[str] = Counter()
    offered: list[tuple[int, Sequence[SetDoc]]] = []
    for patient_id, batch in uploads:
        for session in batch.sessions:
            sent[patient_id] += len(session.sets)
            if session.sets:
                offered.append((ids[patient_id, session.uuid], session.sets))
    if not offered:
        return sent, [], []
    held = _held_sets(db, [session_id for session_id, _sets in offered if session_id not in fresh])
    new = [
        (session_id, missing)
        for session_id, sets in offered
        if (missing := [entry for entry in sets if (session_id, entry.position) not in held])
    ]
    insert = _sets_in_postgresql if db.get_bind().dialect.name == "postgresql" else _sets_in_sqlite
    inserted = insert(db, new) if new else []
    return (
        sent,
        [session_id for session_id, _position in inserted],
        _fill_in_ratings(db, offered, held),
    )


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
        for set_id, session_id, position, fatigue, no_symptoms in in_chunks(
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
