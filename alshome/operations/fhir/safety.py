"""The answers of the safety checks as Observations: "still tired or sore from last
time?" (`carry-over`: fine, tired or sore), asked before a session, and "can you still
lift it without the weight?" (`lift-check`: true or false, naming the exercise), asked
when a resistance exercise is due. A "no" to either is what the therapist should hear of.
"""

from __future__ import annotations

from typing import Any

from alshome.operations.exchange import CarryOverDoc, LiftCheckDoc
from alshome.operations.fhir import codes
from alshome.operations.fhir.codes import FINAL, category, concept, observed
from alshome.operations.fhir.components import named, true
from alshome.operations.fhir.entries import Entries


def carry_over_reference(entries: Entries, check: CarryOverDoc) -> dict[str, str]:
    return entries.reference("carry-over", check.asked_at.isoformat())


def add_carry_over(entries: Entries, check: CarryOverDoc, *, rested: bool) -> None:
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
        fields["component"] = [true("rested")]
    entries.add("Observation", ("carry-over", check.asked_at.isoformat()), fields)


def add_lift_check(entries: Entries, key: tuple[object, ...], check: LiftCheckDoc) -> None:
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
                named("exercise", codes.EXERCISE, check.exercise_id, check.exercise_name)
            ],
        },
    )
