"""After a crash, a kill or a power cut: carry on the session where it stopped, or close it.

The sets done before it stopped are already saved, and the screen says so first: the
person's effort was not lost. "Carry on" is focused, so Enter (or one switch press) goes
straight back to the next set; "close it" keeps the saved sets and marks the session
interrupted. The two are far apart.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QWidget

from alshome.ui import words
from alshome.ui.i18n import program_text
from alshome.ui.screens.base import Screen, row
from alshome.ui.spoken import describe, sentences
from alshome.ui.widgets import FitLabel, button, label, set_text


class UnfinishedScreen(Screen):
    """`show_for(...)` fills it in; `on_carry_on()` or `on_close()` answers."""

    def __init__(self, on_carry_on: Callable[[], None], on_close: Callable[[], None]) -> None:
        super().__init__(self.tr("Your last session"))
        self.title = label(self.tr("Your last session stopped early"), "title")
        self.layout_.addWidget(self.title)
        self.saved = FitLabel("", "headline", floor=28, grow=False)
        self.layout_.addWidget(self.saved)
        self.question = label(self.tr("Carry on where it stopped?"), "headline")
        self.layout_.addWidget(self.question)
        self.layout_.addStretch(1)
        self.carry_on = button(
            self.tr("Carry on"),
            on_carry_on,
            role="primary",
        )
        self.carry_on_words = self.tr("Goes on with the next set.")
        self.close_it = button(
            self.tr("No, close it"),
            on_close,
            role="large",
            description=self.tr("Keeps the sets already done and ends that session."),
        )
        self.layout_.addLayout(row(self.carry_on, self.close_it, stretch_between=True))

    def show_for(self, program_name: str, started_at: datetime, saved: int, planned: int) -> None:
        started = words.time_of_day(started_at)
        if saved:
            said = self.tr(
                "{program}, started at {time}, stopped before the end. "
                "{saved} of its {planned} sets were done, and they are saved."
            )
        else:
            said = self.tr("{program}, started at {time}, stopped before its first set ended.")
        set_text(
            self.saved,
            said.format(
                program=program_text(program_name), time=started, saved=saved, planned=planned
            ),
        )
        # The question, said with the focused answer (see `alshome.ui.spoken`).
        describe(
            self.carry_on,
            sentences(
                self.title.text(), self.saved.text(), self.question.text(), self.carry_on_words
            ),
        )

    def first_focus(self) -> QWidget | None:
        return self.carry_on
