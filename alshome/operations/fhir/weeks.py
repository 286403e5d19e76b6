"""The guide's weekly measures of each whole week of sessions.

Each whole week (Monday to Sunday, the days as they were lived, as the app counts them;
see `alshome.domain.week`) from the first session's to the last session's, once it is
over by the day of the export, gives the guide's two weekly measures, dated its Sunday:
- minutes per week (LOINC 82290-8, min/wk): the minutes done in endurance sets, the
  program's aerobic exercise. Stretches, range of motion and resistance are not aerobic
  and are not counted. The guide's measure is of moderate to vigorous activity; alshome
  records no intensity, so these are the minutes of the bouts the therapist prescribed,
  at whatever intensity the therapist prescribed them;
- muscle-strengthening days per week (LOINC 82291-6, d/wk): the days with at least one
  resistance set done.
A week without any session gives zeros: a gap is a fact the clinic should see. Each
measure is derived from the week's sessions that counted towards it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from alshome.domain.program import ExerciseKind
from alshome.domain.week import DAYS_PER_WEEK
from alshome.operations.exchange import SessionDoc
from alshome.operations.fhir import codes
from alshome.operations.fhir.codes import FINAL, MINUTE_DIGITS, category, quantity
from alshome.operations.fhir.entries import Entries


class Weeks:
    """Each week's sessions as they are counted, then the week's two measures."""

    def __init__(self) -> None:
        self._by_monday: dict[date, _Week] = {}

    def count(self, session: SessionDoc, reference: dict[str, str]) -> None:
        """Count `session` (the resource `reference` names) in the week it was lived in."""
        day = session.started_at.date()
        monday = day - timedelta(days=day.weekday())
        self._by_monday.setdefault(monday, _Week()).count(session, day, reference)

    def add_measures(self, entries: Entries, export_day: date) -> None:
        """Both measures for each week from the first session's to the last session's,
        each week only once it is over by the day of the export."""
        if not self._by_monday:
            return
        monday, last = min(self._by_monday), max(self._by_monday)
        while monday <= last and monday + timedelta(days=DAYS_PER_WEEK) <= export_day:
            week = self._by_monday.get(monday, _Week())
            sunday = (monday + timedelta(days=DAYS_PER_WEEK - 1)).isoformat()
            minutes = round(week.aerobic_seconds / 60, MINUTE_DIGITS)
            _add_week_measure(
                entries,
                ("week", sunday, "minutes"),
                (codes.MINUTES_PER_WEEK_PROFILE, codes.MINUTES_PER_WEEK),
                sunday,
                quantity(minutes, codes.MINUTES_A_WEEK),
                week.aerobic_sessions,
            )
            _add_week_measure(
                entries,
                ("week", sunday, "strength-days"),
                (codes.STRENGTH_DAYS_PROFILE, codes.STRENGTH_DAYS_PER_WEEK),
                sunday,
                quantity(len(week.strength_days), codes.DAYS_A_WEEK),
                week.strength_sessions,
            )
            monday += timedelta(days=DAYS_PER_WEEK)


@dataclass
class _Week:
    """What one week's sessions add up to, and which sessions they were."""

    aerobic_seconds: float = 0.0
    strength_days: set[date] = field(default_factory=set)
    aerobic_sessions: list[dict[str, str]] = field(default_factory=list)
    strength_sessions: list[dict[str, str]] = field(default_factory=list)

    def count(self, session: SessionDoc, day: date, reference: dict[str, str]) -> None:
        done = [entry for entry in session.sets if entry.done is not None]
        aerobic = [
            entry.done.seconds or 0.0 for entry in done if entry.kind is ExerciseKind.ENDURANCE
        ]
        if aerobic:
            self.aerobic_seconds += sum(aerobic)
            self.aerobic_sessions.append(reference)
        if any(entry.kind is ExerciseKind.RESISTANCE for entry in done):
            self.strength_days.add(day)
            self.strength_sessions.append(reference)


def _add_week_measure(
    entries: Entries,
    key: tuple[str, ...],
    kind: tuple[str, tuple[str, str]],
    sunday: str,
    value: dict[str, Any],
    sessions: list[dict[str, str]],
) -> None:
    profile, code = kind
    fields: dict[str, Any] = {
        "meta": {"profile": [profile]},
        "status": FINAL,
        "category": category("activity", physical_activity=True),
        "code": codes.loinc(code),
        "subject": entries.patient,
        "effectiveDateTime": sunday,
        "valueQuantity": value,
    }
    if sessions:
        fields["derivedFrom"] = sessions
    entries.add("Observation", key, fields)
