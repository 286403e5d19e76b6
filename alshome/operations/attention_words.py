"""Each needs-attention flag in one plain sentence, for the therapist.

The domain (`alshome.domain.attention`) returns values; this module is where they become
English, without Qt, so the clinic report, the command line and the clinic server say the
same thing. Every text is a template with named fields, passed through `translate` before
its fields are filled: the app gives `lambda text: QCoreApplication.translate("Attention",
text)` (and its own date format), so the templates are translated by their text, as the
ALSFRS-R labels are. The words address the therapist and never blame the patient.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from alshome.domain.alsfrs import Domain
from alshome.domain.attention import Concern, Flag, Source
from alshome.domain.fatigue import Symptom

Translate = Callable[[str], str]

SYMPTOMS = {
    Symptom.CRAMP: "cramp",
    Symptom.PAIN: "pain",
    Symptom.SHORT_OF_BREATH: "shortness of breath",
    Symptom.DIZZY: "dizziness",
}
# The report's and the history charts' short names of the four ALSFRS-R domains.
DOMAINS = {
    Domain.BULBAR: "Speech and swallowing",
    Domain.FINE_MOTOR: "Hands",
    Domain.GROSS_MOTOR: "Walking and turning",
    Domain.RESPIRATORY: "Breathing",
}
SENTENCES = {
    Concern.SYMPTOM_STOP: "Stopped a session for {symptoms} on {day}.",
    Concern.CANNOT_LIFT: "Could no longer lift {exercise} without the weight ({day}).",
    Concern.NO_RECENT_SESSION: (
        "No session for {days} days, since {day}; the weekly target allows {allowed} days "
        "between sessions."
    ),
    Concern.CARRY_OVER: "Still tired or sore from the session before, {count} times in a row.",
    Concern.FATIGUE_RISING: (
        "Highest tiredness rising over four weeks, from about {before} to about {after}."
    ),
    Concern.ALSFRS_FAST: (
        "ALSFRS-R falling by {amount} points a month since {day}, faster than the clinic's {limit}."
    ),
    Concern.ALSFRS_DOMAIN_DROP: (
        "{domain} down {amount} points, from {before} to {after}, on {day}."
    ),
    Concern.PROGRAM_REVIEW: (
        "Program unchanged for {days} days, since {day}; the clinic reviews after {limit} days."
    ),
}
# No session since the program was given: the day is the program's, not a session's.
NO_SESSION_YET = (
    "No session yet in the {days} days since the program was given on {day}; the weekly "
    "target allows {allowed} days between sessions."
)
NO_SYMPTOM_NAMED = "a symptom"
AND = "{first} and {last}"


def english_day(day: date) -> str:
    """A day as "3 Dec 2026": unambiguous in every English-speaking country."""
    return f"{day.day} {day:%b %Y}"


def number(value: float) -> str:
    """A whole number as such, anything else with one decimal: "2", "1.5"."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def sentence(
    flag: Flag, translate: Translate = str, day_text: Callable[[date], str] = english_day
) -> str:
    """Why `flag` was raised, in one sentence; `translate` and `day_text` localize it."""
    first, last = flag.evidence[0].day, flag.evidence[-1].day
    fields = {
        Concern.SYMPTOM_STOP: lambda: {
            "symptoms": _symptoms(flag.symptoms, translate),
            "day": day_text(last),
        },
        Concern.CANNOT_LIFT: lambda: {"exercise": flag.exercise, "day": day_text(last)},
        Concern.NO_RECENT_SESSION: lambda: {
            "days": number(flag.amount),
            "day": day_text(last),
            "allowed": number(flag.before),
        },
        Concern.CARRY_OVER: lambda: {"count": number(flag.amount)},
        Concern.FATIGUE_RISING: lambda: {
            "before": number(flag.before),
            "after": number(flag.after),
        },
        Concern.ALSFRS_FAST: lambda: {
            "amount": number(flag.amount),
            "limit": number(flag.before),
            "day": day_text(first),
        },
        Concern.ALSFRS_DOMAIN_DROP: lambda: {
            "domain": translate(DOMAINS[flag.domain]),
            "amount": number(flag.amount),
            "before": number(flag.before),
            "after": number(flag.after),
            "day": day_text(last),
        },
        Concern.PROGRAM_REVIEW: lambda: {
            "days": number(flag.amount),
            "day": day_text(first),
            "limit": number(flag.before),
        },
    }[flag.concern]()
    template = SENTENCES[flag.concern]
    if flag.concern is Concern.NO_RECENT_SESSION and flag.evidence[0].source is Source.PROGRAM:
        template = NO_SESSION_YET
    return translate(template).format(**fields)


def _symptoms(symptoms: tuple[Symptom, ...], translate: Translate) -> str:
    names = [translate(SYMPTOMS[symptom]) for symptom in symptoms]
    if not names:
        return translate(NO_SYMPTOM_NAMED)
    if len(names) == 1:
        return names[0]
    return translate(AND).format(first=", ".join(names[:-1]), last=names[-1])
