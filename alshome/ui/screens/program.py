"""Your program: what it is, and loading a new one from a file the therapist sent.

A program file is checked whole before anything changes (the same checks, and the same
one-sentence messages, as `alshome program import`). Then the page says what the file
holds and asks before using it, with the two answers far apart, so a stray press by the
patient changes nothing. Older programs stay saved for the history.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

from alshome.domain.program import Program
from alshome.ui.i18n import program_text
from alshome.ui.screens.base import Screen, row
from alshome.ui.widgets import FitLabel, button, label, panel, set_text

if TYPE_CHECKING:  # the storage behind it loads only when a file is used
    from alshome.programs.transfer import CheckedProgram


class ProgramFiles(Protocol):
    """How the page reads a file and makes it the program (the app opens the history)."""

    def check(self, path: Path) -> CheckedProgram: ...

    def use(self, checked: CheckedProgram) -> Program: ...


class ProgramScreen(Screen):
    def __init__(
        self,
        files: ProgramFiles,
        on_changed: Callable[[Program], None],
        on_close: Callable[[], None],
        explain: Callable[[Exception], str | None],
        on_edit: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(self.tr("Your program"))
        self._files = files
        self._on_changed = on_changed
        self._explain = explain
        self._checked: CheckedProgram | None = None
        self.layout_.addWidget(label(self.tr("Your program"), "title"))
        box = panel()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(28, 20, 28, 20)
        self.current = FitLabel("", "headline", floor=28, grow=False)
        inner.addWidget(self.current)
        self.layout_.addWidget(box)
        self.message = FitLabel("", "body", floor=24)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)

        self.load = button(
            self.tr("Load a program file"),
            self.choose_file,
            role="large",
            description=self.tr("Opens a program file your therapist gave you. Asks first."),
        )
        self.edit = button(
            self.tr("Change the program"),
            on_edit or (lambda: None),
            role="large",
            description=self.tr("For your therapist or helper. Asks first."),
        )
        self._can_edit = on_edit is not None
        self.primary = button(self.tr("Back"), on_close, role="primary")
        self.actions = row(self.primary, self.load, self.edit, stretch_between=True)
        self.layout_.addLayout(self.actions)

        self.use = button(self.tr("Yes, use it"), self.use_checked, role="large")
        self.keep = button(self.tr("No, keep mine"), self.keep_current, role="large")
        self.answers = row(self.use, self.keep, stretch_between=True)
        self.layout_.addLayout(self.answers)
        self._asking(False)

    def describe(self, program: Program) -> str:
        text = self.tr("{name}, version {version}.").format(
            name=program_text(program.name), version=program.version
        )
        author = program.therapist.name
        return f"{text} {self.tr('From {who}.').format(who=author)}" if author else text

    def show_program(self, program: Program) -> None:
        set_text(self.current, self.describe(program))
        self.message.setText("")
        self._asking(False)

    def first_focus(self) -> QWidget | None:
        return self.keep if self._checked is not None else self.primary

    # ----- loading a file ------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Load a program file"),
            str(Path.home()),
            self.tr("Program files (*.json)"),
            options=QFileDialog.Option.DontUseNativeDialog,  # Qt's own: keys and switches work
        )
        if path:
            self.check_file(Path(path))

    def check_file(self, path: Path) -> None:
        """Check the whole file; ask before using it, or say in one sentence why not."""
        try:
            checked = self._files.check(path)
        except Exception as error:
            self._tell(error)
            return
        self._checked = checked
        self.message.setText(
            self.tr("This file holds {program} Use it from now on? Your history is kept.").format(
                program=self.describe(checked.program)
            )
        )
        self._asking(True)
        self.keep.setFocus()

    def use_checked(self) -> None:
        checked, self._checked = self._checked, None
        if checked is None:
            return
        try:
            program = self._files.use(checked)
        except Exception as error:
            self._tell(error)
            return
        self.show_program(program)
        self.message.setText(self.tr("Done: this is your program from now on."))
        self._on_changed(program)

    def keep_current(self) -> None:
        self._checked = None
        self.message.setText(self.tr("Nothing changed."))
        self._asking(False)

    def _tell(self, error: Exception) -> None:
        sentence = self._explain(error)
        if sentence is None:
            raise error
        self._checked = None
        self.message.setText(sentence)
        self._asking(False)

    def _asking(self, asking: bool) -> None:
        for widget in (self.use, self.keep):
            widget.setVisible(asking)
        for widget in (self.primary, self.load):
            widget.setVisible(not asking)
        self.edit.setVisible(self._can_edit and not asking)
        (self.keep if asking else self.primary).setFocus()
