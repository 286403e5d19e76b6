"""The carry-over check before every session but the first, and what a "yes" leads to.

Tiredness or soreness that lasts into the next day means the last session was too much
(clinical brief). The answer is recorded with the session it comes before, or as a day
of rest. A "yes" shows the therapist's lighter option where the program has one and
offers two equal choices, start or rest today; nothing here ever suggests doing more.
No answer is chosen for the patient: focus starts on the screen, as on the fatigue
check, so a stray Enter records nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from alshome.domain.safety import CarryOver
from alshome.ui.i18n import program_text
from alshome.ui.screens.base import Screen, row
from alshome.ui.spoken import describe, sentences
from alshome.ui.widgets import FitLabel, button, label, panel, set_text


class CarryOverScreen(Screen):
    """ "Still tired or sore from last time?" with three large answers."""

    def __init__(self, on_answer: Callable[[CarryOver], None]) -> None:
        super().__init__(self.tr("Before you start"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.layout_.addWidget(label(self.tr("Before you start"), "title"))
        question = label(self.tr("Are you still tired or sore from last time?"), "headline")
        hint = label(self.tr("Choose an answer: use the arrow keys, then Enter."), "note")
        self.layout_.addWidget(question)
        self.layout_.addWidget(hint)
        # Said when the focus lands on the screen, which waits for the answer.
        self.setAccessibleDescription(sentences(question.text(), hint.text()))
        self.layout_.addStretch(1)
        self.answers = {
            CarryOver.FINE: button(
                self.tr("No, I feel fine"), lambda: on_answer(CarryOver.FINE), role="large"
            ),
            CarryOver.TIRED: button(
                self.tr("Yes, still tired"), lambda: on_answer(CarryOver.TIRED), role="large"
            ),
            CarryOver.SORE: button(
                self.tr("Yes, sore"), lambda: on_answer(CarryOver.SORE), role="large"
            ),
        }
        self.layout_.addLayout(row(*self.answers.values(), stretch_between=True))
        self.layout_.addStretch(1)

    def first_focus(self) -> QWidget | None:
        return self


class LighterDayScreen(Screen):
    """After a "yes": the therapist's lighter option, then start or rest today."""

    def __init__(
        self,
        on_start: Callable[[CarryOver], None],
        on_rest: Callable[[CarryOver], None],
    ) -> None:
        super().__init__(self.tr("Go easy today"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.answer = CarryOver.TIRED
        self.title = label("", "title")
        self.layout_.addWidget(self.title)
        self.reason = FitLabel(
            self.tr(
                "When tiredness or soreness lasts into the next day, the last session "
                "may have been a lot. Resting today is a good choice, and so is a "
                "lighter session."
            ),
            "body",
            floor=22,
            grow=False,
        )
        self.layout_.addWidget(self.reason)
        box = panel()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(28, 18, 28, 18)
        self.heading = label("", "headline")
        self.lighter = FitLabel("", "body", floor=22, grow=False)
        inner.addWidget(self.heading)
        inner.addWidget(self.lighter)
        self.layout_.addWidget(box)
        self.layout_.addStretch(1)
        self.start = button(
            self.tr("Start the session"),
            lambda: on_start(self.answer),
            role="large",
            description=self.tr("You can stop or skip an exercise at any time."),
        )
        self.rest = button(
            self.tr("Rest today"),
            lambda: on_rest(self.answer),
            role="large",
            description=self.tr("Saves your answer and goes back to the home screen."),
        )
        self.layout_.addLayout(row(self.start, self.rest, stretch_between=True))

    def ask(self, answer: CarryOver, lighter_option: str) -> None:
        self.answer = answer
        set_text(
            self.title,
            self.tr("Still sore: go easy today")
            if answer is CarryOver.SORE
            else self.tr("Still tired: go easy today"),
        )
        if lighter_option:
            set_text(self.heading, self.tr("Your therapist's lighter option"))
            self.lighter.setText(program_text(lighter_option))
        else:
            set_text(self.heading, self.tr("No lighter option is set"))
            self.lighter.setText(
                self.tr("If you are unsure, rest today and tell your therapist how you feel.")
            )
        # Said when the focus lands on the screen, which waits for the choice.
        describe(
            self,
            sentences(
                self.title.text(),
                self.reason.text(),
                f"{self.heading.text()}: {self.lighter.text()}",
                self.tr("Choose Start the session or Rest today: use the arrow keys, then Enter."),
            ),
        )

    def first_focus(self) -> QWidget | None:
        return self
