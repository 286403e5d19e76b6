"""Home: today's session from the active program, the last session, one huge Start."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QVBoxLayout

from alshome.domain.program import Program
from alshome.domain.session import SessionStatus
from alshome.ui import words
from alshome.ui.screens.base import Screen
from alshome.ui.widgets import button, label, panel, set_text

SECONDS_PER_REPETITION = 4.0


class LastSession(Protocol):
    started_at: datetime
    status: SessionStatus
    sets_done: int
    sets_skipped: int
    highest_fatigue: int | None


def estimated_minutes(program: Program) -> int:
    """A rough length for the home screen: sets, rests and a little time between."""
    total = 0.0
    for step in program.steps():
        target = step.target
        total += target.seconds or (target.repetitions or 0) * SECONDS_PER_REPETITION
        total += step.rest_seconds + 20
    return max(1, round(total / 60))


def long_date(moment: datetime) -> str:
    return QLocale().toString(moment.date(), QLocale.FormatType.LongFormat)


class HomeScreen(Screen):
    def __init__(self, on_start: Callable[[], None]) -> None:
        super().__init__(self.tr("Home"))
        self.greeting = label(self.tr("Hello"), "title")
        self.today = label("", "subtitle")
        box = panel()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(28, 22, 28, 22)
        self.session_heading = label(self.tr("Today's session"), "note")
        self.program_name = label("", "headline")
        self.example_note = label(
            self.tr("An example program for your therapist to adapt."), "body"
        )
        self.outline = label("", "body")
        self.exercises = label("", "note")
        for widget in (
            self.session_heading,
            self.program_name,
            self.example_note,
            self.outline,
            self.exercises,
        ):
            inner.addWidget(widget)
        self.last = label("", "body")
        self.primary = button(
            self.tr("Start today's session"),
            on_start,
            role="primary",
            description=self.tr("Begins the guided session. You can pause or stop at any time."),
        )
        for widget in (self.greeting, self.today, box, self.last):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.primary)

    def show_program(self, program: Program, last: LastSession | None, now: datetime) -> None:
        self.today.setText(long_date(now))
        set_text(self.program_name, program.name)
        self.example_note.setVisible(program.example)
        steps = program.steps()
        exercise_count = len(program.prescriptions)
        self.outline.setText(
            self.tr("{exercises} exercises, {sets} sets, about {minutes}").format(
                exercises=exercise_count,
                sets=len(steps),
                minutes=words.minutes_text(estimated_minutes(program)),
            )
        )
        self.exercises.setText(" · ".join(p.exercise.name for p in program.prescriptions))
        self.last.setText(self.last_text(last, now))

    def when(self, moment: datetime, now: datetime) -> str:
        """ "today" and "yesterday" read faster than a date for the most common cases."""
        days = (now.date() - moment.astimezone(now.tzinfo).date()).days
        if days == 0:
            return self.tr("today")
        if days == 1:
            return self.tr("yesterday")
        return long_date(moment)

    def last_text(self, last: LastSession | None, now: datetime) -> str:
        if last is None:
            return self.tr("No sessions yet. Your first one starts when you are ready.")
        text = self.tr("Last session: {date}, {status}, {done} sets done.").format(
            date=self.when(last.started_at, now),
            status=words.status(last.status),
            done=last.sets_done,
        )
        if last.highest_fatigue is not None:
            text += " " + self.tr("Highest tiredness {rating} of 10.").format(
                rating=last.highest_fatigue
            )
        return text
