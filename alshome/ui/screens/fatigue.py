"""The fatigue check: eleven large rating buttons, symptoms beside them, then confirm.

A digit or a press chooses a rating; Enter (or the main button) answers. At or above
the therapist's stop rating the main button becomes "End session" so that ending is
what Enter does; the only other way on is to leave this exercise, never to repeat it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QSizePolicy

from alshome.domain.fatigue import MAX_RATING
from alshome.domain.session import Session
from alshome.ui import words
from alshome.ui.screens.base import ButtonRow, Screen, row
from alshome.ui.screens.session_buttons import (
    symptom_buttons,
    symptom_prompt,
    tired_stop_button,
)
from alshome.ui.session_controller import SessionController
from alshome.ui.spoken import describe, sentences
from alshome.ui.widgets import FitLabel, FramedButton, button, set_text, ticked


class RatingButton(FramedButton):
    """A number with its anchor word underneath; checked shows a tick, not only a colour."""

    def __init__(self, rating: int) -> None:
        super().__init__()
        self.rating = rating
        self.setCheckable(True)
        self.setProperty("role", "rating")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(f"{rating}, {words.fatigue_anchor(rating)}")
        self.toggled.connect(self._show_state)
        self._show_state(False)

    def _show_state(self, checked: bool) -> None:
        anchor = words.fatigue_anchor(self.rating).replace(" ", "\n", 1)
        self.setText(ticked(f"{self.rating}\n{anchor}", checked))


class FatigueScreen(Screen):
    def __init__(self, controller: SessionController) -> None:
        super().__init__(self.tr("How tired are you?"))
        self.controller = controller
        self.rating: int | None = None
        self.after = FitLabel("", "subtitle", floor=26, grow=False)
        self.question = FitLabel(
            self.tr("How tired do your muscles feel right now?"), "headline", floor=30
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.keys = self.tr("Press a number key from 0 to 9, or choose a button.")
        self.setAccessibleDescription(self.keys)

        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        scale = ButtonRow(gap=8)
        scale.setSpacing(8)
        self.ratings: list[RatingButton] = []
        for rating in range(MAX_RATING + 1):
            widget = RatingButton(rating)
            widget.clicked.connect(lambda _checked=False, r=rating: self.choose(r))
            self.group.addButton(widget, rating)
            scale.addWidget(widget)
            self.ratings.append(widget)

        self.message = FitLabel("", "headline", floor=26, grow=False)
        self.primary = button(self.tr("Continue"), self.answer, role="primary")
        self.next_exercise = button(
            self.tr("Next exercise instead"),
            lambda: self.answer(end_if_offered=False),
            role="large",
            description=self.tr("Leaves this exercise and goes to the next one."),
        )

        self.symptom_label = symptom_prompt()
        self.symptoms = symptom_buttons(controller)
        self.layout_.addWidget(self.after)
        self.layout_.addWidget(self.question)
        self.layout_.addLayout(scale)
        self.layout_.addWidget(self.message)
        self.stop = tired_stop_button(controller)
        self.stop.setProperty("role", "large")
        self.layout_.addLayout(row(self.primary, self.next_exercise, self.stop))
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.symptom_label)
        self.layout_.addLayout(row(*self.symptoms))
        self.layout_.setSpacing(8)

    def render(self, session: Session | None) -> None:
        if session is None:
            return
        step = session.step
        parts = [
            step.exercise.name,
            self.tr("set {n} of {total}").format(n=step.set_number, total=step.total_sets),
        ]
        if words.side(step.side):
            parts.append(words.side(step.side).lower())
        self.after.setText(self.tr("After: {what}").format(what=", ".join(parts)))
        # Said when the focus lands on the screen, which waits for the answer.
        describe(self, sentences(self.after.text(), self.question.text(), self.keys))
        self.rating = None
        self.group.setExclusive(False)
        for widget in self.ratings:
            widget.setChecked(False)
        self.group.setExclusive(True)
        self._update(session)

    def first_focus(self):
        return self

    def digit(self, value: int) -> bool:
        self.choose(value)
        return True

    def choose(self, rating: int) -> None:
        self.rating = rating
        self.ratings[rating].setChecked(True)
        if self.controller.session is not None:
            self._update(self.controller.session)
        self.primary.setFocus()

    def answer(self, end_if_offered: bool = True) -> None:
        if self.rating is not None:
            self.controller.submit_fatigue(self.rating, end_if_offered)

    def _update(self, session: Session) -> None:
        thresholds = session.program.thresholds
        rating = self.rating
        offers_end = thresholds.offers_end(rating)
        self.primary.setEnabled(rating is not None)
        set_text(self.primary, self.tr("End session") if offers_end else self.tr("Continue"))
        has_next = any(
            step.prescription_index > session.step.prescription_index
            for step in session.steps[session.index :]
        )
        self.next_exercise.setVisible(offers_end and has_next)
        self.stop.setVisible(not offers_end)
        if rating is None:
            self.message.setText(self.tr("Press a number key, or choose a button."))
        elif offers_end:
            self.message.setText(
                self.tr("{rating}, {word}. That is a lot: it is time to stop for today.").format(
                    rating=rating, word=words.fatigue_anchor(rating).lower()
                )
            )
        elif rating >= thresholds.rest_longer_at:
            self.message.setText(
                self.tr("{rating}, {word}. Your next rest will be longer.").format(
                    rating=rating, word=words.fatigue_anchor(rating).lower()
                )
            )
        else:
            self.message.setText(
                self.tr("{rating}, {word}.").format(
                    rating=rating, word=words.fatigue_anchor(rating).lower()
                )
            )
        self.message.setAccessibleName(self.message.text())
        describe(self.primary, self.message.text())
