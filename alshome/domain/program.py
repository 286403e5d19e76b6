"""The therapist's program: exercises, their dose per kind, and the sets a session walks.

The dose of each kind carries only the fields a therapist sets for that kind (see the
clinical brief). A program expands into an ordered list of steps, one per set and side,
which is all the session state machine needs to know.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from alshome.domain.fatigue import Thresholds


class ExerciseKind(StrEnum):
    PASSIVE_STRETCH = "passive_stretch"
    RANGE_OF_MOTION = "range_of_motion"
    RESISTANCE = "resistance"
    ENDURANCE = "endurance"


class Sides(StrEnum):
    """Which sides a prescription covers; `none` is for midline work such as the neck."""

    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"
    NONE = "none"

    def each(self) -> tuple[Side, ...]:
        return {
            Sides.LEFT: (Side.LEFT,),
            Sides.RIGHT: (Side.RIGHT,),
            Sides.BOTH: (Side.LEFT, Side.RIGHT),
            Sides.NONE: (Side.NONE,),
        }[self]


class Side(StrEnum):
    """The side one set is done on."""

    LEFT = "left"
    RIGHT = "right"
    NONE = "none"


class Mover(StrEnum):
    """Who did the movement: recorded per set, because it changes what the set means."""

    PATIENT = "patient"
    ASSISTED = "assisted"
    CAREGIVER = "caregiver"


class RangeMode(StrEnum):
    ACTIVE = "active"
    ACTIVE_ASSISTED = "active_assisted"
    PASSIVE = "passive"

    @property
    def mover(self) -> Mover:
        return {
            RangeMode.ACTIVE: Mover.PATIENT,
            RangeMode.ACTIVE_ASSISTED: Mover.ASSISTED,
            RangeMode.PASSIVE: Mover.CAREGIVER,
        }[self]


class LoadUnit(StrEnum):
    KG = "kg"
    LB = "lb"


class Limb(StrEnum):
    ARMS = "arms"
    LEGS = "legs"


@dataclass(frozen=True)
class Exercise:
    """One exercise of the library or of the therapist's own: what it is and how to do it.

    A therapist's own exercise (a program's `custom_exercises`) is used exactly as a library
    one; it may also name a picture and a video of it, by their path in the program bundle,
    whose contents are stored with the program version.
    """

    id: str
    name: str
    kind: ExerciseKind
    region: str
    instruction: str
    caregiver_instruction: str | None = None
    safety: str = ""
    picture: str | None = None
    video: str | None = None

    @property
    def media(self) -> tuple[str, ...]:
        """The paths of the picture and the video this exercise names, in that order."""
        return tuple(path for path in (self.picture, self.video) if path is not None)


@dataclass(frozen=True)
class SetTarget:
    """What one set asks for: a timed hold or bout, or a number of repetitions."""

    seconds: float | None = None
    repetitions: int | None = None
    load: float | None = None
    unit: LoadUnit | None = None

    @property
    def timed(self) -> bool:
        return self.seconds is not None

    def as_dict(self) -> dict[str, float | int | str]:
        """The plain form stored with each set and written to exports."""
        planned: dict[str, float | int | str] = {}
        if self.seconds is not None:
            planned["seconds"] = self.seconds
        if self.repetitions is not None:
            planned["repetitions"] = self.repetitions
        if self.load is not None and self.unit is not None:
            planned["load"] = self.load
            planned["unit"] = self.unit.value
        return planned


@dataclass(frozen=True)
class PassiveStretchDose:
    hold_seconds: int
    repetitions: int
    sides: Sides
    rest_seconds: int

    @property
    def sets(self) -> int:
        return self.repetitions

    @property
    def mover(self) -> Mover:
        return Mover.CAREGIVER

    def target(self) -> SetTarget:
        return SetTarget(seconds=float(self.hold_seconds))


@dataclass(frozen=True)
class RangeOfMotionDose:
    repetitions: int
    sets: int
    sides: Sides
    mode: RangeMode
    rest_seconds: int

    @property
    def mover(self) -> Mover:
        return self.mode.mover

    def target(self) -> SetTarget:
        return SetTarget(repetitions=self.repetitions)


@dataclass(frozen=True)
class ResistanceDose:
    load: float
    unit: LoadUnit
    repetitions: int
    sets: int
    sides: Sides
    rest_seconds: int

    @property
    def mover(self) -> Mover:
        return Mover.PATIENT

    def target(self) -> SetTarget:
        return SetTarget(repetitions=self.repetitions, load=self.load, unit=self.unit)


@dataclass(frozen=True)
class EnduranceDose:
    bout_minutes: float
    bouts: int
    rest_seconds: int
    resistance_level: int
    limb: Limb

    @property
    def sets(self) -> int:
        return self.bouts

    @property
    def sides(self) -> Sides:
        return Sides.NONE

    @property
    def mover(self) -> Mover:
        return Mover.PATIENT

    def target(self) -> SetTarget:
        return SetTarget(seconds=self.bout_minutes * 60.0)


Dose = PassiveStretchDose | RangeOfMotionDose | ResistanceDose | EnduranceDose

DOSE_FOR_KIND: dict[ExerciseKind, type] = {
    ExerciseKind.PASSIVE_STRETCH: PassiveStretchDose,
    ExerciseKind.RANGE_OF_MOTION: RangeOfMotionDose,
    ExerciseKind.RESISTANCE: ResistanceDose,
    ExerciseKind.ENDURANCE: EnduranceDose,
}


@dataclass(frozen=True)
class Step:
    """One set on one side: the unit the session walks through and stores."""

    prescription_index: int
    exercise: Exercise
    set_number: int
    total_sets: int
    side: Side
    target: SetTarget
    rest_seconds: int
    mover: Mover


@dataclass(frozen=True)
class Prescription:
    exercise: Exercise
    dose: Dose

    def __post_init__(self) -> None:
        expected = DOSE_FOR_KIND[self.exercise.kind]
        if not isinstance(self.dose, expected):
            raise ValueError(
                f"{self.exercise.id}: a {self.exercise.kind} needs a {expected.__name__}"
            )

    def steps(self, index: int) -> list[Step]:
        return [
            Step(
                prescription_index=index,
                exercise=self.exercise,
                set_number=number,
                total_sets=self.dose.sets,
                side=side,
                target=self.dose.target(),
                rest_seconds=self.dose.rest_seconds,
                mover=self.dose.mover,
            )
            for number in range(1, self.dose.sets + 1)
            for side in self.dose.sides.each()
        ]


@dataclass(frozen=True)
class Therapist:
    name: str = ""
    contact: str = ""


@dataclass(frozen=True)
class Program:
    """A program as the therapist wrote it; `version` grows with every saved change."""

    name: str
    version: int
    prescriptions: tuple[Prescription, ...]
    therapist: Therapist = field(default_factory=Therapist)
    thresholds: Thresholds = field(default_factory=Thresholds)
    weekly_target: int = 2
    notes: str = ""
    # What to do instead on a day the patient is still tired or sore from last time;
    # shown after the carry-over check. Empty when the therapist set none.
    lighter_option: str = ""
    example: bool = False
    # The therapist's own exercises, in the document's order: prescribed ones or not.
    custom_exercises: tuple[Exercise, ...] = ()

    @property
    def media(self) -> tuple[str, ...]:
        """Every picture and video the program's own exercises name, in the document's order."""
        return tuple(path for exercise in self.custom_exercises for path in exercise.media)

    def steps(self) -> list[Step]:
        return [
            step
            for index, prescription in enumerate(self.prescriptions)
            for step in prescription.steps(index)
        ]
