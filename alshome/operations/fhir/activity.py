"""The exercise sessions as Observations: each session, its sets, their fatigue ratings and
symptoms, and each whole week's aerobic minutes and strength days.

A session is the guide's "Exercise duration" (LOINC 55411-3, in minutes, from its start to
its end), with how it ended and the program in use as components; its members are its
sets. A set is alshome's own `exercise-set`: the exercise, the planned and done amounts
and who moved, as components; a skipped set says so with the data-absent reason
`not-performed`. A set's members are its fatigue rating and the symptoms reported at it.
A symptom that stopped a session without a set to carry it is a member of the session,
as are the answer to "still tired or sore from last time?" asked before it and the
answers to "can you still lift it without the weight?" (an exercise named, yes or no).
An answer to "still tired or sore?" that was followed by rest instead of a session
stands alone, with a `rested` component.

Each whole week (Monday to Sunday, the days as they were lived, as the app counts them;
see `alshome.domain.week`) from the first session's to the last session's, once it is
over by the day of the export, gives the guide's two weekly measures, dated its Sunday:
- minutes per week (LOINC 82290-8, min/wk): the minutes done in endurance sets, the
  program's aerobic exercise. Stretches, range of motion and resistance are not aerobic
  and are not counted;
- muscle-strengthening days per week (LOINC 82291-6, d/wk): the days with at least one
  resistance set done.
A week without any session gives zeros: a gap is a fact the clinic should see. Each
measure is derived from the week's sessions that counted towards it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from alshome.domain.program import ExerciseKind
from alshome.domain.week import DAYS_PER_WEEK
from alshome.operations.exchange import CarryOverDoc, LiftCheckDoc, SessionDoc, SetDoc
from alshome.operations.fhir import codes
from alshome.operations.fhir.codes import category, concept, named_concept, observed, quantity
from alshome.operations.fhir.entries import Entries

MINUTE_DIGITS = 2  # minutes are written to the hundredth
FINAL = "final"


def add_sessions(
    entries: Entries,
    sessions: Iterable[SessionDoc],
    carry_overs: Iterable[CarryOverDoc],
    exported_at: datetime,
) -> None:
    """Every session with its sets, the days of rest, then the weekly measures of every
    whole week."""
    asked = {check.session_uuid: check for check in carry_overs}
    weeks: dict[date, _Week] = {}
    for session in sessions:
        reference = _add_session(entries, session, asked.get(session.uuid))
        day = session.started_at.date()
        week = weeks.setdefault(day - timedelta(days=day.weekday()), _Week())
        week.count(session, day, reference)
    for check in asked.values():
        if check.session_uuid is None:
            _add_carry_over(entries, check, rested=True)
    if weeks:
        _add_weeks(entries, weeks, exported_at.date())


def _add_session(
    entries: Entries, session: SessionDoc, carry_over: CarryOverDoc | None
) -> dict[str, str]:
    """The session, the carry-over answer before it, each of its sets followed by what was
    reported at it, its lift checks, and a symptom that stopped it between sets."""
    key = ("session", session.uuid)
    carried = {symptom for entry in session.sets for symptom in entry.symptoms}
    alone = [symptom for symptom in session.symptoms if symptom not in carried]
    end = session.ended_at or (session.sets[-1].ended_at if session.sets else None)
    members = [] if carry_over is None else [_carry_over_reference(entries, carry_over)]
    members += [entries.reference(*_set_key(session, entry)) for entry in session.sets]
    members += [entries.reference(*key, "lift", n) for n in range(len(session.lift_checks))]
    members += [entries.reference(*key, "symptom", symptom) for symptom in alone]
    fields: dict[str, Any] = {
        "meta": {"profile": [codes.ACTIVITY_MEASURE_PROFILE]},
        "status": FINAL,
        "category": category("activity", physical_activity=True),
        "code": codes.loinc(codes.EXERCISE_DURATION),
        "subject": entries.patient,
    }
    if end is None:
        fields["effectiveDateTime"] = session.started_at.isoformat()
        fields["dataAbsentReason"] = concept(codes.DATA_ABSENT_REASON, "unknown")
    else:
        fields["effectivePeriod"] = {
            "start": session.started_at.isoformat(),
            "end": end.isoformat(),
        }
        minutes = (end - session.started_at).total_seconds() / 60
        fields["valueQuantity"] = quantity(round(minutes, MINUTE_DIGITS), codes.MINUTES)
    if members:
        fields["hasMember"] = members
    status = session.status
    fields["component"] = [
        _coded("session-outcome", codes.SESSION_OUTCOME, status.value, codes.OUTCOMES[status]),
        _text("program", session.program.name),
        _integer("program-version", session.program.version),
    ]
    reference = entries.add("Observation", key, fields)
    if carry_over is not None:
        _add_carry_over(entries, carry_over, rested=False)
    for entry in session.sets:
        _add_set(entries, session, entry)
    for number, check in enumerate(session.lift_checks):
        _add_lift_check(entries, (*key, "lift", number), check)
    moment = end or session.started_at
    for symptom in alone:
        _add_symptom(entries, (*key, "symptom", symptom), symptom, moment)
    return reference


def _set_key(session: SessionDoc, entry: SetDoc) -> tuple[str, ...]:
    return ("set", session.uuid, str(entry.position))


def _add_set(entries: Entries, session: SessionDoc, entry: SetDoc) -> None:
    key = _set_key(session, entry)
    members = []
    if entry.fatigue is not None:
        members.append(entries.reference(*key, "fatigue"))
    members += [entries.reference(*key, "symptom", symptom) for symptom in entry.symptoms]
    fields: dict[str, Any] = {
        "status": FINAL,
        "category": category("activity"),
        "code": observed("exercise-set"),
        "subject": entries.patient,
        "effectivePeriod": {
            "start": entry.started_at.isoformat(),
            "end": entry.ended_at.isoformat(),
        },
    }
    if members:
        fields["hasMember"] = members
    fields["component"] = _set_components(entry)
    entries.add("Observation", key, fields)
    if entry.fatigue is not None:
        entries.add(
            "Observation",
            (*key, "fatigue"),
            {
                "status": FINAL,
                "category": category("survey"),
                "code": observed("fatigue-rating"),
                "subject": entries.patient,
                "effectiveDateTime": entry.ended_at.isoformat(),
                "valueInteger": entry.fatigue,
            },
        )
    for symptom in entry.symptoms:
        _add_symptom(entries, (*key, "symptom", symptom), symptom, entry.ended_at)


def _set_components(entry: SetDoc) -> list[dict[str, Any]]:
    """The exercise, the planned amounts, what was done (or that nothing was), who moved."""
    found = [
        _named("exercise", codes.EXERCISE, entry.exercise_id, entry.exercise_name),
        _coded("exercise-kind", codes.EXERCISE_KIND, entry.kind.value, codes.KINDS[entry.kind]),
        _coded("side", codes.SIDE, entry.side.value, codes.SIDES[entry.side]),
        _integer("set-number", entry.set_number),
        _integer("total-sets", entry.total_sets),
    ]
    planned = entry.planned
    if planned.seconds is not None:
        found.append(_amount("planned-duration", planned.seconds, codes.SECONDS))
    if planned.repetitions is not None:
        found.append(_integer("planned-repetitions", planned.repetitions))
    if planned.load is not None and planned.unit is not None:
        unit = codes.LOAD_UNITS[planned.unit.value]
        found.append(_amount("planned-load", planned.load, unit))
    done = entry.done
    if done is None:
        found.append(_absent("done", "not-performed"))
    else:
        if done.seconds is not None:
            found.append(_amount("done-duration", done.seconds, codes.SECONDS))
        if done.repetitions is not None:
            found.append(_integer("done-repetitions", done.repetitions))
    found.append(_coded("mover", codes.MOVER, entry.mover.value, codes.MOVERS[entry.mover]))
    return found


# Components, like the codes they hold, are made once for each value and then shared.


@cache
def _coded(code: str, system: str, value: str, words: str) -> dict[str, Any]:
    return {"code": observed(code), "valueCodeableConcept": concept(system, value, words)}


@cache
def _named(code: str, system: str, value: str, words: str) -> dict[str, Any]:
    return {"code": observed(code), "valueCodeableConcept": named_concept(system, value, words)}


@cache
def _integer(code: str, value: int) -> dict[str, Any]:
    return {"code": observed(code), "valueInteger": value}


@cache
def _text(code: str, value: str) -> dict[str, Any]:
    return {"code": observed(code), "valueString": value}


@cache
def _amount(code: str, value: float, unit: tuple[str, str]) -> dict[str, Any]:
    return {"code": observed(code), "valueQuantity": quantity(value, unit)}


@cache
def _true(code: str) -> dict[str, Any]:
    return {"code": observed(code), "valueBoolean": True}


@cache
def _absent(code: str, reason: str) -> dict[str, Any]:
    return {"code": observed(code), "dataAbsentReason": concept(codes.DATA_ABSENT_REASON, reason)}


def _add_symptom(entries: Entries, key: tuple[str, ...], symptom: str, moment: datetime) -> None:
    entries.add(
        "Observation",
        key,
        {
            "status": FINAL,
            "category": category("survey"),
            "code": observed("symptom"),
            "subject": entries.patient,
            "effectiveDateTime": moment.isoformat(),
            "valueCodeableConcept": concept(codes.SYMPTOM, symptom, codes.SYMPTOMS[symptom]),
        },
    )


def _carry_over_reference(entries: Entries, check: CarryOverDoc) -> dict[str, str]:
    return entries.reference("carry-over", check.asked_at.isoformat())


def _add_carry_over(entries: Entries, check: CarryOverDoc, *, rested: bool) -> None:
    """The answer to "still tired or sore?"; on a day of rest, it says the person rested."""
    answer = check.answer.value
    fields: dict[str, Any] = {
        "status": FINAL,
        "category": category("survey"),
        "code": observed("carry-over"),
        "subject": entries.patient,
        "effectiveDateTime": check.asked_at.isoformat(),
        "valueCodeableConcept": concept(codes.CARRY_OVER, answer, codes.CARRY_OVERS[answer]),
    }
    if rested:
        fields["component"] = [_true("rested")]
    entries.add("Observation", ("carry-over", check.asked_at.isoformat()), fields)


def _add_lift_check(entries: Entries, key: tuple[object, ...], check: LiftCheckDoc) -> None:
    """A "no" here is what the therapist should hear of: the exercise's load may be too much."""
    entries.add(
        "Observation",
        key,
        {
            "status": FINAL,
            "category": category("survey"),
            "code": observed("lift-check"),
            "subject": entries.patient,
            "effectiveDateTime": check.checked_at.isoformat(),
            "valueBoolean": check.able,
            "component": [
                _named("exercise", codes.EXERCISE, check.exercise_id, check.exercise_name)
            ],
        },
    )


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


def _add_weeks(entries: Entries, weeks: dict[date, _Week], export_day: date) -> None:
    """Both measures for each week from the first session's to the last session's, each
    week only once it is over by the day of the export."""
    monday, last = min(weeks), max(weeks)
    while monday <= last and monday + timedelta(days=DAYS_PER_WEEK) <= export_day:
        week = weeks.get(monday, _Week())
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
