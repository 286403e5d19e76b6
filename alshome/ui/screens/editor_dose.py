"""The editor's dose page: one exercise's dose fields as rows, its moving figure beside them.

The rows are those of the exercise's kind (see `editor_rows`), rebuilt for each exercise;
each press is handed to the editor, which keeps the draft and shows the new dose back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from alshome.domain.program import Dose, Exercise
from alshome.ui import words
from alshome.ui.figure import FigureView
from alshome.ui.screens.base import SPACING, row
from alshome.ui.screens.editor_rows import ChoiceRow, StepperRow, dose_rows
from alshome.ui.widgets import button, label
from alshome.ui.widgets.scrolling import column_of, scrolled

FIGURE_WIDTH = 260  # px: the figure beside the dose, narrow enough to leave the rows room


class DosePage(QWidget):
    """`on_change(field, value)` follows each press; `on_done()` goes back to the list."""

    def __init__(self, on_change: Callable[[str, Any], None], on_done: Callable[[], None]) -> None:
        super().__init__()
        self._on_change = on_change
        self.title = label("", "headline")
        content = QWidget()
        self.column = column_of(content)
        self.column.addStretch(1)
        self.area = scrolled(content)
        self.figure = FigureView()  # the movement the dose is for
        self.figure.setFixedWidth(FIGURE_WIDTH)
        self.done = button(self.tr("Done"), on_done, role="primary")
        self.rows: dict[str, StepperRow | ChoiceRow] = {}
        side_by_side = QHBoxLayout()
        side_by_side.setSpacing(SPACING)
        side_by_side.addWidget(self.area, 1)
        side_by_side.addWidget(self.figure, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.title)
        layout.addLayout(side_by_side, 1)
        layout.addLayout(row(self.done))

    def start(self, exercise: Exercise, dose: Dose) -> QWidget:
        """Rows for this exercise's kind, showing `dose`; returns the control to focus."""
        self.title.setText(f"{exercise.name} – {words.kind(exercise.kind)}")
        self.figure.show_exercise(exercise.id, exercise.name)
        for each in self.rows.values():
            self.column.removeWidget(each)
            each.hide()
            each.deleteLater()
        self.rows = dose_rows(exercise.kind, self._on_change)
        for index, each in enumerate(self.rows.values()):
            self.column.insertWidget(index, each)
        self.show_dose(dose)
        first = next(iter(self.rows.values()))
        if isinstance(first, StepperRow):
            return first.less if first.less.isEnabled() else first.more
        return self.done

    def show_dose(self, dose: Dose) -> None:
        for name, each in self.rows.items():
            each.show_value(getattr(dose, name))
