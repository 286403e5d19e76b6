"""The words shown for the domain's enums and numbers, all through Qt's translation.

The domain returns enums and numbers; this module is the one place that turns them into
plain, calm text on screen.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale, QTime

from alshome.domain.fatigue import Symptom
from alshome.domain.program import ExerciseKind, LoadUnit, SetTarget, Side
from alshome.domain.session import SessionStatus

EPSILON = 1e-9  # a float that is 0 or 1, give or take rounding


def _count(n: int, one: str, many: str) -> str:
    """Pick the singular or plural sentence; both are translated where they are written."""
    return one if n == 1 else many.format(n=n)


def fatigue_anchor(rating: int) -> str:
    """Our own anchor words for the 0-10 scale (deliberately not the Borg scale's)."""
    anchors = (
        QCoreApplication.translate("Words", "Not tired"),
        QCoreApplication.translate("Words", "Barely"),
        QCoreApplication.translate("Words", "A little"),
        QCoreApplication.translate("Words", "Some"),
        QCoreApplication.translate("Words", "Fairly tired"),
        QCoreApplication.translate("Words", "Clearly tired"),
        QCoreApplication.translate("Words", "Quite tired"),
        QCoreApplication.translate("Words", "Very tired"),
        QCoreApplication.translate("Words", "Heavy"),
        QCoreApplication.translate("Words", "Very heavy"),
        QCoreApplication.translate("Words", "Cannot go on"),
    )
    return anchors[rating]


def symptom(value: Symptom) -> str:
    return {
        Symptom.CRAMP: QCoreApplication.translate("Words", "Cramp"),
        Symptom.PAIN: QCoreApplication.translate("Words", "Pain"),
        Symptom.SHORT_OF_BREATH: QCoreApplication.translate("Words", "Short of breath"),
        Symptom.DIZZY: QCoreApplication.translate("Words", "Dizzy or unwell"),
    }[value]


def side(value: Side) -> str:
    return {
        Side.LEFT: QCoreApplication.translate("Words", "Left side"),
        Side.RIGHT: QCoreApplication.translate("Words", "Right side"),
        Side.NONE: "",
    }[value]


def kind(value: ExerciseKind) -> str:
    return {
        ExerciseKind.PASSIVE_STRETCH: QCoreApplication.translate(
            "Words", "Stretch done by your helper"
        ),
        ExerciseKind.RANGE_OF_MOTION: QCoreApplication.translate("Words", "Range of motion"),
        ExerciseKind.RESISTANCE: QCoreApplication.translate("Words", "Light strengthening"),
        ExerciseKind.ENDURANCE: QCoreApplication.translate("Words", "Mini-cycle"),
    }[value]


def status(value: SessionStatus) -> str:
    return {
        SessionStatus.COMPLETED: QCoreApplication.translate("Words", "completed"),
        SessionStatus.STOPPED_TIRED: QCoreApplication.translate("Words", "stopped when tired"),
        SessionStatus.STOPPED_SYMPTOM: QCoreApplication.translate("Words", "stopped for a symptom"),
        SessionStatus.INTERRUPTED: QCoreApplication.translate("Words", "interrupted"),
        SessionStatus.IN_PROGRESS: QCoreApplication.translate("Words", "not finished"),
    }[value]


def clock_time(seconds: float) -> str:
    """A countdown as m:ss, rounded up so 0:00 appears only when time is really up."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


def duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes < 1:
        return QCoreApplication.translate("Words", "under a minute")
    return minutes_text(minutes)


def minutes_text(minutes: int) -> str:
    return _count(
        minutes,
        QCoreApplication.translate("Words", "1 minute"),
        QCoreApplication.translate("Words", "{n} minutes"),
    )


def spoken_time(seconds: float) -> str:
    """A countdown as it is said, rounded up like `clock_time`: "1 minute 5 seconds"."""
    minutes, rest = divmod(max(0, math.ceil(seconds - 1e-9)), 60)
    parts = [minutes_text(minutes)] if minutes else []
    if rest or not minutes:
        parts.append(
            _count(
                rest,
                QCoreApplication.translate("Words", "1 second"),
                QCoreApplication.translate("Words", "{n} seconds"),
            )
        )
    return " ".join(parts)


def long_date(moment: datetime | date) -> str:
    """A day as the language writes it in full: "Tuesday, 24 November 2026"."""
    day = moment.date() if isinstance(moment, datetime) else moment
    return QLocale().toString(day, QLocale.FormatType.LongFormat)


def time_of_day(moment: datetime) -> str:
    """The local time of `moment`, as the language writes it: "18:05" or "6:05 PM"."""
    return QLocale().toString(moment.astimezone().time(), QLocale.FormatType.ShortFormat)


def short_date(day: date) -> str:
    """A day in a chart's few letters: "24 Nov 2026"."""
    return QLocale().toString(day, "d MMM yyyy")


def session_moment(moment: datetime) -> str:
    """When a session started, as the history lists it: "Tuesday 24 November 2026, 18:05"."""
    return QLocale().toString(moment, "dddd d MMMM yyyy, HH:mm")


def moment_text(moment: datetime) -> str:
    """A day and a time as people say them: "Tuesday, 24 November 2026, 18:05"."""
    return f"{long_date(moment.astimezone())}, {time_of_day(moment)}"


def number(value: float) -> str:
    """A number the way the language writes it, without needless decimals (0.5 or 0,5)."""
    return QLocale().toString(float(value), "g", 6)


def percent(value: float) -> str:
    return QCoreApplication.translate("Words", "{n} %").format(n=number(value))


def share(value: float) -> str:
    """A fraction from 0 to 1 (the voice's volume) as a percentage."""
    return percent(round(value * 100))


def voice_speed(value: float) -> str:
    """The voice's rate, -1 to 1 around its normal speed, in words."""
    if abs(value) < EPSILON:
        return QCoreApplication.translate("Words", "Normal")
    text = (
        QCoreApplication.translate("Words", "{n} % faster")
        if value > 0
        else QCoreApplication.translate("Words", "{n} % slower")
    )
    return text.format(n=number(round(abs(value) * 100)))


def factor(value: float) -> str:
    """A multiple, as the settings show how much longer a wait is."""
    return QCoreApplication.translate("Words", "× {n}").format(n=number(value))


def seconds_text(value: float) -> str:
    """A length in seconds, whole or not: "1 second", "1.5 seconds"."""
    if abs(value - 1) < EPSILON:
        return QCoreApplication.translate("Words", "1 second")
    return QCoreApplication.translate("Words", "{n} seconds").format(n=number(value))


def minutes_of_day(minutes: float) -> str:
    """Minutes after midnight as the language shows a time of day (10:00, or 10:00 AM)."""
    whole = round(minutes)
    return QLocale().toString(QTime(whole // 60, whole % 60), QLocale.FormatType.ShortFormat)


def decimal(value: float, places: int = 1) -> str:
    """A number with a fixed count of decimals, as the language writes it (2.5 or 2,5)."""
    return QLocale().toString(float(value), "f", places)


def load(amount: float, unit: LoadUnit) -> str:
    """The weight as the language writes numbers: 0.5 kg in English, 0,5 kg in Spanish."""
    text = number(amount)
    return f"{text} kg" if unit is LoadUnit.KG else f"{text} lb"


def target(value: SetTarget) -> str:
    """The set's goal in a few words: "Hold 30 seconds", "8 times with 0.5 kg"."""
    if value.seconds is not None:
        if value.seconds >= 60 and value.seconds % 60 == 0:
            return minutes_text(int(value.seconds // 60))
        return QCoreApplication.translate("Words", "Hold {n} seconds").format(n=int(value.seconds))
    times = _count(
        value.repetitions or 0,
        QCoreApplication.translate("Words", "once"),
        QCoreApplication.translate("Words", "{n} times"),
    )
    if value.load is not None and value.unit is not None:
        return QCoreApplication.translate("Words", "{times} with {load}").format(
            times=times, load=load(value.load, value.unit)
        )
    return times
