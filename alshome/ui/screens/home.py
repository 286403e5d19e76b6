"""Home: today's session, this week against its target, the last session, one huge Start.

The week is shown in words and in shapes (filled and hollow circles), never by colour
alone, and only informs: once the week's sessions are done it says so and suggests
nothing more (see `alshome.domain.week`).

When large text leaves no room for everything, the details step aside, least needed
first (the exercise list is shown again on each set), so Start and the week stay whole.
On a window too narrow for Start beside History and Settings (1024 px), Start goes above.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Protocol

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from alshome.domain.program import Program
from alshome.domain.session import SessionStatus
from alshome.domain.week import SessionTimes, WeekProgress, local, this_week
from alshome.ui import words
from alshome.ui.i18n import program_text
from alshome.ui.screens.base import SPACING, Screen
from alshome.ui.spoken import describe, sentences
from alshome.ui.widgets import button, label, panel, set_text

SECONDS_PER_REPETITION = 4.0
DONE_MARK, TO_GO_MARK = "\u25cf", "\u25cb"  # ● and ○: shapes that differ without colour
ACTIONS_GAP = SPACING * 3  # between Start and the buttons beside it


class LastSession(Protocol):
    started_at: datetime
    status: SessionStatus
    sets_done: int
    sets_skipped: int
    highest_fatigue: int | None


class HomeHistory(SessionTimes, Protocol):
    """What the home screen reads of the saved history."""

    def last_session(self) -> LastSession | None: ...


def estimated_minutes(program: Program) -> int:
    """A rough length for the home screen: sets, rests and a little time between."""
    total = 0.0
    for step in program.steps():
        target = step.target
        total += target.seconds or (target.repetitions or 0) * SECONDS_PER_REPETITION
        total += step.rest_seconds + 20
    return max(1, round(total / 60))


class HomeScreen(Screen):
    def __init__(
        self,
        on_start: Callable[[], None],
        on_settings: Callable[[], None] | None = None,
        on_history: Callable[[], None] | None = None,
        on_rating: Callable[[], None] | None = None,
        on_offer: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(self.tr("Home"))
        self.greeting = label(self.tr("Hello"), "title")
        self.today = label("", "subtitle", wrap=False)
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
        self.week_marks = label("", "body", wrap=False)
        self.week = label("", "body")
        self.last = label("", "body")
        self.review = label("", "body")
        self.review.setVisible(False)
        self.primary = button(
            self.tr("Start today's session"),
            on_start,
            role="primary",
        )
        self.start_words = self.tr("Begins the guided session. You can pause or stop at any time.")
        self.primary.setAccessibleDescription(self.start_words)
        self.settings = button(
            self.tr("Settings"),
            on_settings or (lambda: None),
            role="large",
            description=self.tr(
                "Text size, colours, voice, switch scanning, reminders and session days."
            ),
        )
        self.settings.setVisible(on_settings is not None)
        self.history = button(
            self.tr("History"),
            on_history or (lambda: None),
            role="large",
            description=self.tr("Your past sessions and how they went, with charts."),
        )
        self.history.setVisible(on_history is not None)
        # The monthly ALSFRS-R suggestion: shown only when a rating is due (`show_rating`),
        # and, as an optional extra that Settings also offer, the last detail to step aside.
        self.rating = button(
            self.tr("Rate how you are doing"),
            on_rating or (lambda: None),
            description=self.tr("Twelve short questions for your therapist, once a month."),
        )
        self._rating_offered = on_rating is not None
        # Sharing with the clinic (`show_sharing`): how up to date it is, and a program
        # the clinic sent, offered here between sessions and never during one.
        self.sharing = label("", "note")
        self.offer = button(
            self.tr("Your clinic sent a new program"),
            on_offer or (lambda: None),
            description=self.tr("Says what changed, then asks; nothing changes by itself."),
        )

        heading = QHBoxLayout()
        heading.addWidget(self.greeting)
        heading.addStretch(1)
        heading.addWidget(self.today)
        week = QHBoxLayout()
        week.setSpacing(SPACING)
        week.addWidget(self.week_marks)
        week.addWidget(self.week, 1)
        # Start beside History and Settings, or above them where they do not fit across.
        self.actions = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.actions.setSpacing(ACTIONS_GAP)
        self.actions.addWidget(self.primary, 3)
        others = QHBoxLayout()
        others.setSpacing(ACTIONS_GAP)
        others.addWidget(self.history, 1)
        others.addWidget(self.settings, 1)
        self.actions.addLayout(others, 2 if on_history is not None else 1)
        self.layout_.addLayout(heading)
        self.layout_.addWidget(box)
        self.layout_.addLayout(week)
        self.layout_.addWidget(self.review)
        self.layout_.addWidget(self.rating, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.offer, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.last)
        self.layout_.addWidget(self.sharing)
        self.layout_.addStretch(1)
        self.layout_.addLayout(self.actions)
        # Least needed first; each is hidden only while the screen cannot hold it.
        self._details = (
            self.exercises,
            self.session_heading,
            self.example_note,
            self.sharing,
            self.last,
            self.rating,
            self.offer,
        )
        self._wanted = {
            widget: widget not in (self.rating, self.offer, self.sharing)
            for widget in self._details
        }
        for widget in (self.rating, self.offer, self.sharing):
            widget.setVisible(False)

    def show_program(
        self,
        program: Program,
        history: HomeHistory,
        now: datetime,
        preferred_days: Sequence[str],
    ) -> None:
        self.today.setText(words.long_date(now))
        set_text(self.program_name, program_text(program.name))
        self._wanted[self.example_note] = program.example
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
        self.last.setText(self.last_text(history.last_session(), now))
        self.show_week(this_week(history, now, program.weekly_target, preferred_days))

    def show_review(self, exercise_names: Sequence[str]) -> None:
        """Exercises the patient said they can no longer lift without the weight.

        Only a pointer to the therapist: the app changes nothing in the program itself.
        """
        set_text(
            self.review,
            self.tr("Ask your therapist about: {exercises}.").format(
                exercises=", ".join(exercise_names)
            )
            if exercise_names
            else "",
        )
        self.review.setVisible(bool(exercise_names))
        self._describe_start()

    def show_rating(self, due: bool) -> None:
        """Suggest the self-rating when a month has passed since the last (or there is none)."""
        self._wanted[self.rating] = due and self._rating_offered
        self._fit()

    def show_sharing(self, line: str, offered: bool) -> None:
        """How up to date the clinic is ("" when not shared), and whether it sent a program."""
        self.sharing.setText(line)
        self._wanted[self.sharing] = bool(line)
        self._wanted[self.offer] = offered
        self._fit()

    def show_week(self, week: WeekProgress) -> None:
        """One line: the week in shapes and words, then when the next session is due."""
        to_go = max(0, week.target - week.done)
        self.week_marks.setText(" ".join([DONE_MARK] * week.done + [TO_GO_MARK] * to_go))
        self.week_marks.setAccessibleName(
            self.tr("{done} done, {to_go} to go").format(done=week.done, to_go=to_go)
        )
        if week.met:
            text = self.tr("You have done this week's sessions. Rest well.")
        elif week.target == 1:
            text = self.tr("This week: {done} of 1 session.").format(done=week.done)
        else:
            text = self.tr("This week: {done} of {target} sessions.").format(
                done=week.done, target=week.target
            )
        set_text(self.week, f"{text} {self.next_text(week)}")
        self._describe_start()

    def _describe_start(self) -> None:
        """Home in a few sentences, said with Start (see `alshome.ui.spoken`): the program,
        its length, the week and anything to ask the therapist about."""
        describe(
            self.primary,
            sentences(
                self.program_name.text(),
                self.outline.text(),
                self.week.text(),
                self.review.text(),
                self.start_words,
            ),
        )

    def next_text(self, week: WeekProgress) -> str:
        if week.next_due is None:
            return self.tr("No session days are chosen. You can choose them in Settings.")
        return self.tr("Next session: {day}.").format(day=self.day_name(week.next_due, week.today))

    def day_name(self, day: date, today: date) -> str:
        days = (day - today).days
        if days == 0:
            return self.tr("today")
        if days == 1:
            return self.tr("tomorrow")
        name = QLocale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
        return name if days < 7 else self.tr("{day} next week").format(day=name)

    def when(self, moment: datetime, now: datetime) -> str:
        """ "today" and "yesterday" read faster than a date for the most common cases."""
        days = (local(now).date() - local(moment).date()).days
        if days == 0:
            return self.tr("today")
        if days == 1:
            return self.tr("yesterday")
        return words.long_date(moment)

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

    # ----- fitting large text -----------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """After every layout pass (new text, a new text size, a new window size), refit."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return handled

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Show each wanted detail unless it does not fit; the least needed goes first, and
        the room a larger one leaves takes back the most needed of those that fit in it.

        What each detail takes is counted rather than tried, so a refit changes only the
        details whose place really changes, and the layout settles after one pass.
        """
        if not self.isVisible():
            return
        self._place_actions()
        spare = self.height() - self.layout_.totalHeightForWidth(self.width())
        shown = {}
        for widget in self._details:
            shown[widget] = self._wanted[widget]
            if widget.isVisibleTo(self) != shown[widget]:
                spare += self._room(widget) if widget.isVisibleTo(self) else -self._room(widget)
        for widget in self._details:
            if spare >= 0:
                break
            if shown[widget]:
                shown[widget] = False
                spare += self._room(widget)
        for widget in reversed(self._details):
            if self._wanted[widget] and not shown[widget] and self._room(widget) <= spare:
                shown[widget] = True
                spare -= self._room(widget)
        for widget, show in shown.items():
            if widget.isVisibleTo(self) != show:
                widget.setVisible(show)

    def _place_actions(self) -> None:
        """Start beside History and Settings when all three fit across at their sizes,
        else above them (a 1024 px wide window), so no button's words are cut."""
        margins = self.layout_.contentsMargins()
        across = self.width() - margins.left() - margins.right()
        shown = [b for b in (self.primary, self.history, self.settings) if b.isVisibleTo(self)]
        needed = sum(b.sizeHint().width() for b in shown) + ACTIONS_GAP * (len(shown) - 1)
        beside = needed <= across
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self.actions.direction() != direction:
            self.actions.setDirection(direction)
            self.actions.setSpacing(ACTIONS_GAP if beside else SPACING)

    def _room(self, widget: QWidget) -> int:
        """The height a detail takes in its layout, with the gap before it."""
        holder = widget.parentWidget()
        layout = holder.layout()
        margins = layout.contentsMargins()
        width = holder.width() - margins.left() - margins.right()
        if not widget.hasHeightForWidth():  # a button: its height does not follow its width
            return widget.sizeHint().height() + layout.spacing()
        return widget.heightForWidth(width) + layout.spacing()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()
