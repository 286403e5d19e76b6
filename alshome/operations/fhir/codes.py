"""Every code and address the FHIR export writes, in one place, so a reader of the bundle
(the clinic's record system) and a reader of this file see the same list.

Standard codes where they fit, as the HL7 Physical Activity implementation guide (US,
STU 1) uses them: a session is an "Exercise duration" in minutes; each whole week is
"minutes per week" of aerobic activity and "muscle-strengthening days per week". The
rest (sets, fatigue ratings, symptoms, who moved) has no standard code, so it gets
alshome's own, under https://alshome.example/fhir/: the `.example` top-level domain is
reserved, never anybody's site, so the addresses are stable names that never change
meaning, not pages to open. Each code is the key alshome already writes in its JSON
export (`cramp`, `caregiver`, `stopped_symptom`), so both exports read alike.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

FINAL = "final"  # the status of every Observation: each records what happened
MINUTE_DIGITS = 2  # minutes are written to the hundredth

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason"

# The Physical Activity implementation guide: its profiles and its own category code.
PA_GUIDE = "http://hl7.org/fhir/us/physical-activity"
PA_CATEGORY = f"{PA_GUIDE}/CodeSystem/pa-temporary-codes"
ACTIVITY_MEASURE_PROFILE = f"{PA_GUIDE}/StructureDefinition/pa-observation-activity-measure"
MINUTES_PER_WEEK_PROFILE = f"{PA_GUIDE}/StructureDefinition/pa-observation-evs-min-per-week"
STRENGTH_DAYS_PROFILE = f"{PA_GUIDE}/StructureDefinition/pa-observation-strength-days-per-week"

# LOINC codes as the guide uses them, each with the UCUM unit the guide gives it.
EXERCISE_DURATION = ("55411-3", "Exercise duration")
MINUTES_PER_WEEK = ("82290-8", "Frequency of moderate to vigorous aerobic physical activity")
STRENGTH_DAYS_PER_WEEK = ("82291-6", "Frequency of muscle-strengthening physical activity")
MINUTES = ("min", "minutes")
MINUTES_A_WEEK = ("min/wk", "minutes per week")
DAYS_A_WEEK = ("d/wk", "days per week")
SECONDS = ("s", "seconds")
LOAD_UNITS = {"kg": ("kg", "kg"), "lb": ("[lb_av]", "lb")}

# alshome's own code systems: one for what is observed, one for each kind of answer.
LOCAL = "https://alshome.example/fhir"
ALSHOME = f"{LOCAL}/CodeSystem/alshome"
EXERCISE = f"{LOCAL}/CodeSystem/exercise"  # the exercise library's ids
EXERCISE_KIND = f"{LOCAL}/CodeSystem/exercise-kind"
SIDE = f"{LOCAL}/CodeSystem/side"
MOVER = f"{LOCAL}/CodeSystem/mover"
SYMPTOM = f"{LOCAL}/CodeSystem/symptom"
SESSION_OUTCOME = f"{LOCAL}/CodeSystem/session-outcome"
ENTERED_BY = f"{LOCAL}/CodeSystem/entered-by"
CARRY_OVER = f"{LOCAL}/CodeSystem/carry-over"
PATIENT_IDENTIFIER = f"{LOCAL}/patient-id"  # when the caller names no system of its own
ALSFRS_QUESTIONNAIRE = f"{LOCAL}/Questionnaire/alsfrs-r-self-rating"
# Resource ids are UUIDs made from this namespace and what each resource is, so the same
# history always gives the same bundle, byte for byte.
ID_NAMESPACE = "7c3e2a4e-6a4f-5d0b-9a57-3b1c2f0d8e61"

# What alshome observes, with the words a clinician reads beside each code.
OBSERVED = {
    "exercise-set": "One set of an exercise",
    "fatigue-rating": "Fatigue after a set (0 none to 10 worst)",
    "symptom": "Symptom reported during a session",
    "session-outcome": "How the session ended",
    "program": "Program in use",
    "program-version": "Version of the program",
    "exercise": "Exercise",
    "exercise-kind": "Kind of exercise",
    "side": "Side",
    "set-number": "Set number",
    "total-sets": "Sets planned for the exercise",
    "planned-duration": "Planned duration",
    "planned-repetitions": "Planned repetitions",
    "planned-load": "Planned load",
    "done-duration": "Duration done",
    "done-repetitions": "Repetitions done",
    "done": "Amount done",
    "mover": "Who moved",
    "carry-over": "Still tired or sore from the last session",
    "rested": "Rested instead of a session",
    "lift-check": "Can still lift it without the weight",
}

OUTCOMES = {
    "completed": "Completed",
    "stopped_tired": "Stopped when tired",
    "stopped_symptom": "Stopped for a symptom",
    "interrupted": "Interrupted",
    "in_progress": "Not finished",
}
SYMPTOMS = {
    "cramp": "Cramp",
    "pain": "Pain",
    "short_of_breath": "Short of breath",
    "dizzy": "Dizzy",
}
MOVERS = {
    "patient": "The person moved by themselves",
    "assisted": "The person moved with help",
    "caregiver": "The caregiver moved the limb",
}
KINDS = {
    "passive_stretch": "Passive stretch",
    "range_of_motion": "Range of motion",
    "resistance": "Resistance",
    "endurance": "Endurance",
}
SIDES = {"left": "Left", "right": "Right", "none": "No side"}
CARRY_OVERS = {"fine": "Fine", "tired": "Still tired", "sore": "Still sore"}
ENTERERS = {"patient": "The person", "caregiver": "A caregiver", "clinician": "A clinician"}


# The codings, concepts and categories below are made once and then shared by every
# resource that has them (a ten-year bundle holds 50,000 sets): never change one. The
# most recent few thousand of each are kept, so a clinic server's memory stays bounded.
SHARED = 4096


@lru_cache(maxsize=SHARED)
def coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    found = {"system": system, "code": code}
    return found if display is None else {**found, "display": display}


@lru_cache(maxsize=SHARED)
def concept(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    return {"coding": [coding(system, code, display)]}


@lru_cache(maxsize=SHARED)
def named_concept(system: str, code: str, display: str) -> dict[str, Any]:
    """A concept with its words as its text too, for a name of our own (an exercise)."""
    return {"coding": [coding(system, code, display)], "text": display}


def observed(code: str) -> dict[str, Any]:
    """One of alshome's own observation codes."""
    return concept(ALSHOME, code, OBSERVED[code])


def loinc(code: tuple[str, str]) -> dict[str, Any]:
    return concept(LOINC, *code)


def quantity(value: float, unit: tuple[str, str]) -> dict[str, Any]:
    code, words = unit
    return {"value": value, "unit": words, "system": UCUM, "code": code}


@lru_cache(maxsize=SHARED)
def category(*codes: str, physical_activity: bool = False) -> list[dict[str, Any]]:
    """Observation categories; the guide adds its own to every physical activity measure."""
    found = [concept(OBSERVATION_CATEGORY, code) for code in codes]
    if physical_activity:
        found.append(concept(PA_CATEGORY, "PhysicalActivity", "Physical Activity"))
    return found
