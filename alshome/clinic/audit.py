"""The audit: every read or change of a patient's data, by whom and when.

Written in the transaction of the access itself, so there is never an access without its
row nor a row without its access. `what` names the access (counts, a program's name),
never the health data itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from alshome.clinic.bulk import insert_rows
from alshome.clinic.models import AuditEntry, utc_now

Action = Literal["read", "change"]


def record_access(
    db: Session, actor: str, patient_id: str | None, action: Action, what: str
) -> None:
    db.add(
        AuditEntry(
            at=utc_now(),
            actor=actor[:400],
            patient_id=patient_id,
            action=action,
            what=what[:400],
        )
    )


def record_accesses(
    db: Session, actor: str, patient_ids: Iterable[str], action: Action, what: str
) -> None:
    """One access to many patients' data (a list of them), a row each, in one statement."""
    record_each(db, ((actor, patient_id, action, what) for patient_id in patient_ids))


def record_each(db: Session, accesses: Iterable[tuple[str, str | None, Action, str]]) -> None:
    """Many accesses (actor, patient, action, what), at the same moment, in one statement."""
    at = utc_now()
    rows = [
        {
            "at": at,
            "actor": actor[:400],
            "patient_id": patient_id,
            "action": action,
            "what": what[:400],
        }
        for actor, patient_id, action, what in accesses
    ]
    insert_rows(db, AuditEntry.__table__, rows, skip_held=False)


def audit_entries(engine: Engine, patient_id: str | None = None) -> list[AuditEntry]:
    """The audit, oldest first; of one patient when `patient_id` is given."""
    query = select(AuditEntry).order_by(AuditEntry.id)
    if patient_id is not None:
        query = query.where(AuditEntry.patient_id == patient_id)
    with Session(engine, expire_on_commit=False) as db:
        return list(db.scalars(query))
