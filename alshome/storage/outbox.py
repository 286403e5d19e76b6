"""The outbox of records to share with the clinic, and the clinic the history is shared with.

A record is put in the outbox by the very transaction that saves it (the triggers of
migrations 0005_sharing and 0007_outbox_sets), and only while the history is shared: a
patient who never shares has no outbox growth. Joining a clinic puts the whole history
in it, in the transaction that keeps the token, so a history recorded before joining is
sent in full on the first sync. The sender reads a batch of rows (`Outbox.pending`) and removes
exactly those rows once the clinic's receipt is in (`Outbox.acknowledge`); a record
saved again meanwhile has a newer row, which stays.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, String, cast, delete, func, insert, literal, select
from sqlalchemy.orm import Session, sessionmaker

from alshome.storage.models import (
    AlsfrsRow,
    CarryOverRow,
    OutboxRow,
    ProfileRow,
    ProgramRow,
    SessionRow,
    SharingRow,
)

# The tables whose rows the outbox's triggers follow (migration 0005_sharing); on
# PostgreSQL each has a trigger function `outbox_<table>`, which outlives its table.
FOLLOWED_TABLES = (
    "programs",
    "sessions",
    "sets",
    "lift_checks",
    "carry_over_checks",
    "alsfrs_entries",
    "profile",
)


class Kind(StrEnum):
    """What an outbox row names, and by which key."""

    SESSION = "session"  # by uuid, whole: its sets and lift checks (joining; before 0007)
    SESSION_ROW = "session_row"  # by uuid: its own row and lift checks (0007_outbox_sets)
    SET = "set"  # by its session's uuid and its position: uuid/position (0007_outbox_sets)
    PROGRAM = "program"  # by row id
    CARRY_OVER = "carry_over"  # by row id
    ALSFRS = "alsfrs"  # by row id
    PROFILE = "profile"  # the one row


@dataclass(frozen=True)
class Sharing:
    """The clinic the history is shared with, as the sender needs it."""

    clinic_url: str
    token: str
    patient_id: str
    joined_at: datetime
    sent_at: datetime | None
    program_tag: str | None
    offered: dict[str, Any] | None


def set_key(session_uuid: str, position: int) -> str:
    """A set's outbox key, as the trigger writes it."""
    return f"{session_uuid}/{position}"


def session_of(kind: Kind, key: str) -> str | None:
    """The uuid of the session a row names, whole, by its own row or by one of its sets;
    None for others."""
    if kind in (Kind.SESSION, Kind.SESSION_ROW):
        return key
    if kind is Kind.SET:
        return key.rpartition("/")[0]
    return None


@dataclass(frozen=True)
class Pending:
    """Outbox rows read for one batch: what they name, and their ids to acknowledge."""

    ids: tuple[int, ...]
    keys: dict[Kind, tuple[str, ...]]


def _enqueue_everything(db: Session) -> None:
    """The whole history, as the triggers would have put it had it been saved while shared."""
    sources = (
        (Kind.PROGRAM, select(ProgramRow.id).order_by(ProgramRow.id)),
        (Kind.PROFILE, select(ProfileRow.id)),
        (Kind.CARRY_OVER, select(CarryOverRow.id).order_by(CarryOverRow.id)),
        (Kind.ALSFRS, select(AlsfrsRow.id).order_by(AlsfrsRow.id)),
        (Kind.SESSION, select(SessionRow.uuid).order_by(SessionRow.started_utc, SessionRow.id)),
    )
    for kind, keys in sources:
        key = keys.selected_columns[0]
        db.execute(
            insert(OutboxRow).from_select(
                ["kind", "key"], keys.with_only_columns(literal(kind.value), cast(key, String))
            )
        )


class Outbox:
    def __init__(self, engine: Engine) -> None:
        self._db = sessionmaker(engine)

    def sharing(self) -> Sharing | None:
        with self._db() as db:
            row = db.get(SharingRow, 1)
            if row is None:
                return None
            return Sharing(
                clinic_url=row.clinic_url,
                token=row.token,
                patient_id=row.patient_id,
                joined_at=datetime.fromisoformat(row.joined_at),
                sent_at=None if row.sent_at is None else datetime.fromisoformat(row.sent_at),
                program_tag=row.program_tag,
                offered=row.offered,
            )

    def join(self, clinic_url: str, token: str, patient_id: str, joined_at: datetime) -> None:
        """Keep the token and put the whole history in the outbox, in one transaction."""
        with self._db.begin() as db:
            db.execute(delete(OutboxRow))
            db.merge(
                SharingRow(
                    id=1,
                    clinic_url=clinic_url,
                    token=token,
                    patient_id=patient_id,
                    joined_at=joined_at.isoformat(),
                    sent_at=None,
                    program_tag=None,
                    offered=None,
                )
            )
            db.flush()
            _enqueue_everything(db)

    def forget(self) -> None:
        """Stop sharing: the token and everything still waiting go."""
        with self._db.begin() as db:
            db.execute(delete(OutboxRow))
            db.execute(delete(SharingRow))

    def waiting(self) -> int:
        """How many records wait to be sent (each counted once)."""
        with self._db() as db:
            keys = select(OutboxRow.kind, OutboxRow.key).distinct().subquery()
            return db.scalar(select(func.count()).select_from(keys)) or 0

    def pending(self, max_sessions: int, max_rows: int = 5_000, after: int = 0) -> Pending:
        """The oldest outbox rows (past row `after`: the next batch while one is still on
        its way), up to `max_sessions` distinct sessions (whole, or some of their sets),
        grouped by kind."""
        with self._db() as db:
            rows = db.execute(
                select(OutboxRow.id, OutboxRow.kind, OutboxRow.key)
                .where(OutboxRow.id > after)
                .order_by(OutboxRow.id)
                .limit(max_rows)
            ).all()
        ids: list[int] = []
        keys: dict[Kind, dict[str, None]] = {}
        sessions: set[str] = set()
        for row_id, kind, key in rows:
            session = session_of(Kind(kind), key)
            if session is not None and session not in sessions:
                if len(sessions) >= max_sessions:
                    break
                sessions.add(session)
            keys.setdefault(Kind(kind), {})[key] = None
            ids.append(row_id)
        return Pending(tuple(ids), {kind: tuple(named) for kind, named in keys.items()})

    def acknowledge(self, ids: Iterable[int], sent_at: datetime) -> None:
        """Remove the rows the clinic's receipt covers, and note when that was."""
        ids = list(ids)
        with self._db.begin() as db:
            for start in range(0, len(ids), 500):
                db.execute(delete(OutboxRow).where(OutboxRow.id.in_(ids[start : start + 500])))
            row = db.get(SharingRow, 1)
            if row is not None:
                row.sent_at = sent_at.isoformat()

    def offer(self, tag: str, offered: dict[str, Any] | None, bundle: bytes | None = None) -> None:
        """Keep a program the clinic published, with its bundle when it has pictures or
        video, to be offered on home."""
        with self._db.begin() as db:
            row = db.get(SharingRow, 1)
            if row is not None:
                row.program_tag = tag
                row.offered = offered
                row.offered_bundle = bundle

    def offered_bundle(self) -> bytes | None:
        """The offered program's bundle; None when it has no pictures or video."""
        with self._db() as db:
            return db.scalar(select(SharingRow.offered_bundle).where(SharingRow.id == 1))

    def clear_offer(self) -> None:
        with self._db.begin() as db:
            row = db.get(SharingRow, 1)
            if row is not None:
                row.offered = None
                row.offered_bundle = None
