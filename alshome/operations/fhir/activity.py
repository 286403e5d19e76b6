"""The exercise sessions as Observations: each session, its sets, their fatigue ratings and
symptoms; the safety answers (`safety`) beside them and the weekly measures (`weeks`).

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
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from alshome.operations.exchange import CarryOverDoc, SessionDoc, SetDoc
from alshome.operations.fhir import codes
from alshome.operations.fhir.codes import (
    FINAL,
    MINUTE_DIGITS,
    category,
    concept,
    observed,
    quantity,
)
from alshome.operations.fhir.components import absent, amount, coded, integer, named, text
from alshome.operations.fhir.entries import Entries
from alshome.operations.fhir.safety import add_carry_over, add_lift_check, carry_over_reference
from alshome.operations.fhir.weeks import Weeks


def add_sessions(
    entries: Entries,
    sessions: Iterable[SessionDoc],
    carry_overs: Iterable[CarryOverDoc],
    exported_at: datetime,
) -> None:
    """Every session with its sets, the days of rest, then the weekly measures of every
    whole week."""
    carry_overs = tuple(carry_overs)
    before = {check.session_uuid: check for check in carry_overs if check.session_uuid}
    weeks = Weeks()
    for session in sessions:
        weeks.count(session, _add_session(entries, session, before.get(session.uuid)))
    for check in carry_overs:
        if check.session_uuid is None:
            add_carry_over(entries, check, rested=True)
    weeks.add_measures(entries, exported_at.date())


def _add_session(
    entries: Entries, session: SessionDoc, carry_over: CarryOverDoc | None
) -> dict[str, str]:
    """The session, the carry-over answer before it, each of its sets followed by what was
    reported at it, its lift checks, and a symptom that stopped it between sets."""
    key = ("session", session.uuid)
    carried = {symptom for entry in session.sets for symptom in entry.symptoms}
    alone = [symptom for symptom in session.symptoms if symptom not in carried]
    end = session.ended_at or (session.sets[-1].ended_at if session.sets else None)
    members = [] if carry_over is None else [carry_over_reference(entries, carry_over)]
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
        coded("session-outcome", codes.SESSION_OUTCOME, status.value, codes.OUTCOMES[status]),
        text("program", session.program.name),
        integer("program-version", session.program.version),
    ]
    reference = entries.add("Observation", key, fields)
    if carry_over is not None:
        add_carry_over(entries, carry_over, rested=False)
    for entry in session.sets:
        _add_set(entries, session, entry)
    for number, check in enumerate(session.lift_checks):
        add_lift_check(entries, (*key, "lift", number), check)
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
        named("exercise", codes.EXERCISE, entry.exercise_id, entry.exercise_name),
        coded("exercise-kind", codes.EXERCISE_KIND, entry.kind.value, codes.KINDS[entry.kind]),
        coded("side", codes.SIDE, entry.side.value, codes.SIDES[entry.side]),
        integer("set-number", entry.set_number),
        integer("total-sets", entry.total_sets),
    ]
    planned = entry.planned
    if planned.seconds is not None:
        found.append(amount("planned-duration", planned.seconds, codes.SECONDS))
    if planned.repetitions is not None:
        found.append(integer("planned-repetitions", planned.repetitions))
    if planned.load is not None and planned.unit is not None:
        unit = codes.LOAD_UNITS[planned.unit.value]
        found.append(amount("planned-load", planned.load, unit))
    done = entry.done
    if done is None:
        found.append(absent("done", "not-performed"))
    else:
        if done.seconds is not None:
            found.append(amount("done-duration", done.seconds, codes.SECONDS))
        if done.repetitions is not None:
            found.append(integer("done-repetitions", done.repetitions))
    found.append(coded("mover", codes.MOVER, entry.mover.value, codes.MOVERS[entry.mover]))
    return found


# Components, like the codes they hold, are made once for each value and then shared.


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
