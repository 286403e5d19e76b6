"""The safety checks around a session (clinical brief), as plain data and rules.

- The carry-over check before every session but the first: tiredness or soreness that
  lasts into the next day means the last dose was too much, so the answer is kept for the
  therapist and a "yes" leads to the therapist's lighter option or to resting today.
- The lift check for resistance exercises: a muscle that can no longer lift against
  gravity should not be strength-trained, so from time to time the patient is asked
  whether they can still lift without the weight. A "no" flags the exercise for the
  therapist's review and changes nothing else: the app never changes a dose.
- The profile from the first-run screen: the therapist's contact, used wherever the
  program gives none, and the name the patient chose for reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from alshome.domain.program import ExerciseKind, Program, Therapist

# How long a "yes, I can lift it" stays trusted. Often enough to notice a loss within a
# few sessions at two or three a week, rarely enough not to nag before every set.
LIFT_CHECK_INTERVAL = timedelta(days=14)


class CarryOver(StrEnum):
    """The answer to "Still tired or sore from last time?"."""

    FINE = "fine"
    TIRED = "tired"
    SORE = "sore"

    @property
    def still_affected(self) -> bool:
        return self is not CarryOver.FINE


@dataclass(frozen=True)
class CarryOverCheck:
    answer: CarryOver
    asked_at: datetime


@dataclass(frozen=True)
class LiftCheck:
    """One answer to "Can you still lift this without the weight?"; `able` False flags it."""

    exercise_id: str
    exercise_name: str
    able: bool
    checked_at: datetime


@dataclass(frozen=True)
class Profile:
    """What the first-run screen records; every field may be left empty."""

    therapist_name: str
    therapist_contact: str
    patient_name: str
    saved_at: datetime


def lift_checks_due(
    program: Program, last_checked: Mapping[str, datetime], now: datetime
) -> frozenset[str]:
    """The resistance exercises of `program` never checked, or not in LIFT_CHECK_INTERVAL."""
    return frozenset(
        prescription.exercise.id
        for prescription in program.prescriptions
        if prescription.exercise.kind is ExerciseKind.RESISTANCE
        and (
            prescription.exercise.id not in last_checked
            or now - last_checked[prescription.exercise.id] >= LIFT_CHECK_INTERVAL
        )
    )


def therapist_contact(therapist: Therapist, profile: Profile | None) -> Therapist:
    """Who to contact: the program's therapist when the program says how to reach them,
    otherwise the one recorded on the first-run screen (keeping the program's name for
    them when the profile has none)."""
    if therapist.contact or profile is None:
        return therapist
    return Therapist(
        name=profile.therapist_name or therapist.name, contact=profile.therapist_contact
    )
