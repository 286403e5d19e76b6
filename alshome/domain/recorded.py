"""A finished session and its sets as they were recorded: what storage returns, exports
carry and the trends summarize, with no tie to how they are stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from alshome.domain.fatigue import Symptom
from alshome.domain.program import ExerciseKind, Mover, Side
from alshome.domain.safety import LiftCheck
from alshome.domain.session import SessionStatus, SetRecord


@dataclass(frozen=True)
class StoredSet:
    position: int
    exercise_id: str
    exercise_name: str
    kind: ExerciseKind
    side: Side
    set_number: int
    total_sets: int
    mover: Mover
    planned: dict[str, Any]
    done: dict[str, Any] | None
    fatigue: int | None
    symptoms: tuple[Symptom, ...]
    started_at: datetime
    ended_at: datetime

    @classmethod
    def from_record(cls, record: SetRecord) -> StoredSet:
        step = record.step
        return cls(
            position=record.position,
            exercise_id=step.exercise.id,
            exercise_name=step.exercise.name,
            kind=step.exercise.kind,
            side=step.side,
            set_number=step.set_number,
            total_sets=step.total_sets,
            mover=record.mover,
            planned=step.target.as_dict(),
            done=record.done,
            fatigue=None,
            symptoms=tuple(sorted(record.symptoms)),
            started_at=record.started_at,
            ended_at=record.ended_at,
        )


@dataclass(frozen=True)
class StoredSession:
    """A whole session with its sets in order: what exports and imports carry."""

    uuid: str
    started_at: datetime
    ended_at: datetime | None
    status: SessionStatus
    program_name: str
    program_version: int
    symptoms: tuple[Symptom, ...]
    sets: tuple[StoredSet, ...]
    lift_checks: tuple[LiftCheck, ...] = ()
