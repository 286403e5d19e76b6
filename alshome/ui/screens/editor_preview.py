"""The editor's preview: the draft program exercise by exercise, as the session will show it.

Before saving, the therapist sees what the patient (or the helper) will read for each
exercise, with its figure moving (or the therapist's own picture or video), its dose and
its safety note, and about how long the whole session will take, without starting a
session or recording anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from alshome.domain.program import Mover, Prescription, Program
from alshome.illustrations.pose import stock_poses
from alshome.ui import words
from alshome.ui.exercise_media import ExerciseMedia
from alshome.ui.figure import FigureView
from alshome.ui.screens.base import SPACING, row
from alshome.ui.screens.home import estimated_minutes
from alshome.ui.widgets import button, label, set_text
from alshome.ui.widgets.scrolling import column_of, scrolled

FIGURE_WIDTH = 300  # px: as large as the text beside it allows at 1280 wide


class PreviewPage(QWidget):
    """`start(program, describe)` shows its first exercise; `on_done()` goes back."""

    def __init__(self, on_done: Callable[[], None]) -> None:
        super().__init__()
        self.items: Sequence[Prescription] = ()
        self.media_of: Mapping[str, bytes] = {}
        self.index = 0
        self.describe: Callable[[int, Prescription], str] = lambda _i, _p: ""
        self.length = label("", "body")
        self.position = label("", "body")
        self.name = label("", "headline")
        self.dose = label("", "body")
        self.audience = label("", "body")
        self.instruction = label("", "body")
        self.safety = label("", "body")
        content = QWidget()
        column = column_of(content)
        for each in (self.position, self.name, self.dose, self.audience, self.instruction):
            column.addWidget(each)
        column.addWidget(self.safety)
        column.addStretch(1)
        self.area = scrolled(content)
        self.figure = FigureView()
        self.figure.setFixedWidth(FIGURE_WIDTH)
        side_by_side = QHBoxLayout()
        side_by_side.setSpacing(SPACING)
        side_by_side.addWidget(self.area, 1)
        side_by_side.addWidget(self.figure, 0, Qt.AlignmentFlag.AlignTop)
        self.media = ExerciseMedia()
        self.media.setFixedWidth(FIGURE_WIDTH)
        side_by_side.addWidget(self.media, 0, Qt.AlignmentFlag.AlignTop)
        self.previous = button(self.tr("Previous exercise"), lambda: self.show_item(-1))
        self.next = button(self.tr("Next exercise"), lambda: self.show_item(1))
        self.done = button(self.tr("Back to the list"), on_done, role="large")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(label(self.tr("Preview of the session"), "title"))
        layout.addWidget(self.length)
        layout.addLayout(side_by_side, 1)
        layout.addLayout(row(self.previous, self.next, self.done))

    def start(
        self,
        program: Program,
        items: Sequence[Prescription],
        describe: Callable,
        media: Mapping[str, bytes] | None = None,
    ) -> QWidget:
        """Preview `items` as `program`'s exercises, with the pictures and videos in `media`
        by path; returns the control to focus first."""
        self.items = tuple(items)
        self.media_of = media or {}
        self.describe = describe
        minutes = estimated_minutes(replace(program, prescriptions=self.items))
        self.length.setText(
            self.tr("{count} exercises, about {minutes} in all. Nothing is recorded here.").format(
                count=len(self.items), minutes=words.minutes_text(minutes)
            )
        )
        self.index = 0
        self.show_item(0)
        return self.next if self.next.isEnabled() else self.done

    def show_item(self, steps: int) -> None:
        self.index = min(max(self.index + steps, 0), len(self.items) - 1)
        prescription = self.items[self.index]
        exercise = prescription.exercise
        self.position.setText(
            self.tr("Exercise {n} of {total}").format(n=self.index + 1, total=len(self.items))
        )
        set_text(self.name, exercise.name)
        self.dose.setText(self.describe(self.index, prescription).split("\n", 1)[-1])
        helper = prescription.dose.mover is not Mover.PATIENT and exercise.caregiver_instruction
        self.audience.setText(
            self.tr("Shown to the helper:") if helper else self.tr("Shown to the patient:")
        )
        self.instruction.setText(exercise.caregiver_instruction if helper else exercise.instruction)
        self.safety.setText(exercise.safety)
        self.safety.setVisible(bool(exercise.safety))
        self.media.show_exercise(exercise, self.media_of)
        drawn = exercise.id in stock_poses()
        self.figure.setVisible(drawn and self.media.isHidden())
        if drawn:
            self.figure.show_exercise(exercise.id, exercise.name)
        self.previous.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.items) - 1)
        moved = self.next if steps > 0 else self.previous
        if steps and not moved.isEnabled():
            (self.previous if steps > 0 else self.next).setFocus()
