"""The parts of a "less", value, "more" row, shared by settings, the editor and the rating.

Each screen lays its own row out (a setting, a dose field, a month); these keep the
buttons the same size everywhere and the value from pushing "more" about as it changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy

from alshome.ui.screens.base import SPACING

TOGGLE_WIDTH = 220  # px: an on/off or less/more button is a wide target, whatever its words


def wide(widget: QPushButton) -> QPushButton:
    """A button at least TOGGLE_WIDTH wide that does not stretch across the row."""
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    widget.setMinimumWidth(TOGGLE_WIDTH)
    return widget


class ValueLabel(QLabel):
    """A number between "less" and "more", as wide as its widest value.

    Its width is measured in the present font (which follows the text size), so the
    "more" button beside it never moves as the value changes.
    """

    def __init__(self, samples: Sequence[str]) -> None:
        super().__init__()
        self.setObjectName("headline")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.samples = samples

    def _width(self) -> int:
        margins = self.contentsMargins()
        widest = max(self.fontMetrics().horizontalAdvance(text) for text in self.samples)
        return widest + margins.left() + margins.right() + 2 * SPACING

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), self._width()))
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        hint.setWidth(max(hint.width(), self._width()))
        return hint


def show_stepped(
    less: QPushButton,
    shown: QLabel,
    more: QPushButton,
    caption: str,
    text: str,
    at_low: bool,
    at_high: bool,
) -> None:
    """Put `text` between "less" and "more"; a bound disables the button that would pass it.

    A screen reader hears the value on both buttons. A disabled button would push the
    focus on to the next row: it stays in this one, on the button that can still move.
    """
    shown.setText(text)
    shown.setAccessibleName(f"{caption}: {text}")
    now = QCoreApplication.translate("Stepper", "Now {value}").format(value=text)
    for widget, at_bound in ((less, at_low), (more, at_high)):
        widget.setAccessibleDescription(now)
        if at_bound and widget.hasFocus():
            (more if widget is less else less).setFocus()
        widget.setEnabled(not at_bound)
