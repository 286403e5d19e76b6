"""The editor's PIN page: the therapist sets, changes or removes the editor's PIN.

The PIN is typed twice, so a slip of the finger cannot lock the therapist out; the page
says what a forgotten PIN costs (nothing: a program file still imports).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from alshome.operations.editor_pin import EditorPin, valid_pin
from alshome.programs.document import DocumentError
from alshome.ui.failure_text import explain
from alshome.ui.screens.base import SPACING, row
from alshome.ui.widgets import FitLabel, button, label
from alshome.ui.widgets.scrolling import column_of, scrolled


def pin_field(caption: str) -> QLineEdit:
    """A field for digits that shows dots, named for screen readers."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(8)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,8}"), field))
    field.setAccessibleName(caption)
    return field


class PinPage(QWidget):
    """Setting the PIN of `pin`; `on_done()` goes back to the list."""

    def __init__(self, pin: EditorPin, on_done: Callable[[], None]) -> None:
        super().__init__()
        self.pin = pin
        self.first = pin_field(self.tr("New PIN, 4 to 8 digits"))
        self.again = pin_field(self.tr("The same PIN again"))
        self.again.returnPressed.connect(self.save_pin)
        self.message = FitLabel("", "body", floor=20, grow=False)
        self.save = button(self.tr("Save the PIN"), self.save_pin, role="large")
        self.remove = button(
            self.tr("Remove the PIN"),
            self.remove_pin,
            description=self.tr("Anyone can then open the editor after its question."),
        )
        self.done = button(self.tr("Back to the list"), on_done, role="large")
        content = QWidget()
        fields = column_of(content)
        fields.addWidget(
            label(
                self.tr(
                    "With a PIN, the editor opens only for someone who knows it. "
                    "If it is forgotten, a new program can still come as a file."
                ),
                "body",
            )
        )
        for field in (self.first, self.again):
            caption = label(field.accessibleName(), "body")
            caption.setBuddy(field)
            fields.addWidget(caption)
            fields.addWidget(field)
        fields.addStretch(1)
        self.area = scrolled(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(label(self.tr("A PIN for the editor"), "title"))
        layout.addWidget(self.area, 1)
        layout.addWidget(self.message)
        layout.addLayout(row(self.save, self.remove, self.done))

    def start(self) -> QWidget:
        """Empty fields; returns the control to focus first."""
        self.first.clear()
        self.again.clear()
        self.message.setText("")
        self.remove.setEnabled(self.pin.is_set)
        return self.first

    def save_pin(self) -> None:
        typed = self.first.text()
        if not valid_pin(typed):
            self._say(self.tr("A PIN is 4 to 8 digits."), self.first)
        elif self.again.text() != typed:
            self._say(self.tr("The two PINs are not the same. Type it again."), self.again)
        else:
            self._keep(lambda: self.pin.set(typed), self.tr("Saved. The editor asks for it now."))

    def remove_pin(self) -> None:
        self._keep(self.pin.clear, self.tr("Removed. The editor asks no PIN now."))

    def _keep(self, change: Callable[[], None], said: str) -> None:
        try:
            change()
        except DocumentError as error:
            self.message.setText(explain(error))
            return
        self.first.clear()
        self.again.clear()
        self.remove.setEnabled(self.pin.is_set)
        self._say(said, self.done)

    def _say(self, sentence: str, focus: QWidget) -> None:
        self.message.setText(sentence)
        focus.setFocus()
