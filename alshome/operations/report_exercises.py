"""The clinic report's per-exercise figures: for each exercise of the range, the sets
planned against those done, the load, who moved and the sets skipped.

A therapist adjusts a dose exercise by exercise, so the report gives each one its own row
from the sets as they were recorded. Pure Python, from `StoredSet`s, so the app, the
command line and the clinic server (with its own copy of a patient) count alike.

Decisions:
- Planned sets are each exercise's `total_sets` once per session and side it was reached
  in; sets a session never reached (it ended before) count as planned but not done, and
  an exercise a session never reached at all is not counted for that session (the set
  rows are the only per-exercise record).
- A skipped set is one recorded without anything done.
- The load is the heaviest planned load of the sets done, as on the history's work
  chart, with the plan's latest load beside it.
- Who moved counts the sets done by each mover (the patient alone, with help, the
  caregiver), because a set moved by the caregiver is not the patient's strength.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from alshome.domain.program import ExerciseKind, Mover
from alshome.domain.recorded import StoredSet


@dataclass(frozen=True)
class ExerciseFigures:
    """One exercise over the report's range; `latest_plan` is its last set's plan."""

    exercise_id: str
    name: str
    kind: ExerciseKind
    sessions: int
    sets_planned: int
    sets_done: int
    sets_skipped: int
    latest_plan: dict[str, Any]
    heaviest_load: float | None = None
    unit: str | None = None
    movers: dict[Mover, int] = field(default_factory=dict)

    @property
    def sets_not_reached(self) -> int:
        return self.sets_planned - self.sets_done - self.sets_skipped

    def as_json(self) -> dict[str, Any]:
        return {
            "exercise_id": self.exercise_id,
            "name": self.name,
            "kind": self.kind.value,
            "sessions": self.sessions,
            "sets_planned": self.sets_planned,
            "sets_done": self.sets_done,
            "sets_skipped": self.sets_skipped,
            "sets_not_reached": self.sets_not_reached,
            "latest_plan": self.latest_plan,
            "heaviest_load": self.heaviest_load,
            "unit": self.unit,
            "movers": {mover.value: self.movers.get(mover, 0) for mover in Mover},
        }


def exercise_figures(sessions: Iterable[Iterable[StoredSet]]) -> tuple[ExerciseFigures, ...]:
    """Each exercise met in `sessions` (each one's sets), in the order first met."""
    sets_of: dict[str, list[StoredSet]] = {}
    sessions_of: Counter[str] = Counter()
    planned: Counter[str] = Counter()
    for sets in sessions:
        reached: dict[tuple[str, object], int] = {}
        for stored in sets:
            sets_of.setdefault(stored.exercise_id, []).append(stored)
            reached[(stored.exercise_id, stored.side)] = stored.total_sets
        for exercise_id in {exercise_id for exercise_id, _side in reached}:
            sessions_of[exercise_id] += 1
        for (exercise_id, _side), total in reached.items():
            planned[exercise_id] += total
    return tuple(
        _figures(sets, sessions_of[exercise_id], planned[exercise_id])
        for exercise_id, sets in sets_of.items()
    )


def _figures(sets: list[StoredSet], sessions: int, planned: int) -> ExerciseFigures:
    done = [stored for stored in sets if stored.done is not None]
    loads = [
        (float(stored.planned["load"]), stored.planned.get("unit"))
        for stored in done
        if stored.planned.get("load") is not None
    ]
    heaviest = max(loads, default=(None, None), key=lambda pair: pair[0] or 0.0)
    latest = sets[-1]
    return ExerciseFigures(
        exercise_id=latest.exercise_id,
        name=latest.exercise_name,
        kind=latest.kind,
        sessions=sessions,
        sets_planned=planned,
        sets_done=len(done),
        sets_skipped=len(sets) - len(done),
        latest_plan=dict(latest.planned),
        heaviest_load=heaviest[0],
        unit=heaviest[1],
        movers=dict(Counter(stored.mover for stored in done)),
    )
