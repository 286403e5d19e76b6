"""The passphrase that protects the history: asked at start, set or removed in the settings.

Encryption at rest (see `alshome.storage.cipher`) is for a shared or lost computer. A
forgotten passphrase locks the history for good, so setting one says so plainly and
asks for it twice; removing it asks for it once, so nobody passing by can do it. A
wrong passphrase is said in one plain sentence and asked again: it is never taken for
a damaged history. The passphrase itself is handed to the app and kept in memory only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from alshome.operations.encryption import opens_with
from alshome.ui.screens.base import Screen, row
from alshome.ui.widgets import FitLabel, button, label, set_text

DIALOG_WIDTH = 720  # px: room for a long passphrase and the sentence above it, in large text
FIELD_HEIGHT = 72  # px: the smallest target anywhere in alshome


def _tr(text: str) -> str:
    return QCoreApplication.translate("Passphrase", text)


def passphrase_dialog(parent: QWidget | None) -> QInputDialog:
    """The dialog that asks for the passphrase at start; shown by `ask_passphrase`."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("alshome")
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setLabelText(_tr("Your history is protected. Type its passphrase to open it."))
    dialog.setOkButtonText(_tr("Open"))
    dialog.setCancelButtonText(_tr("Close alshome"))
    dialog.setAccessibleName(_tr("Passphrase"))
    dialog.setAccessibleDescription(_tr("The passphrase that opens your history."))
    dialog.setMinimumWidth(DIALOG_WIDTH)
    return dialog


def ask_passphrase(database: Path, parent: QWidget | None = None) -> str | None:
    """The passphrase that opens `database`, asked until right; None if the person cancels."""
    dialog = passphrase_dialog(parent)
    while dialog.exec() == QInputDialog.DialogCode.Accepted:
        passphrase = dialog.textValue()
        if passphrase and opens_with(database, passphrase):
            return passphrase
        dialog.setTextValue("")
        dialog.setLabelText(_tr("That passphrase is not right. Try again."))
    return None


class HistoryProtection(Protocol):
    """What the page asks of the app, which closes the history, converts it and reopens it."""

    def is_protected(self) -> bool: ...

    def protect(self, passphrase: str) -> None: ...

    def unprotect(self, passphrase: str) -> None: ...


def password_field(name: str, description: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setAccessibleDescription(description)
    field.setMinimumHeight(FIELD_HEIGHT)
    return field


class PassphraseScreen(Screen):
    """Set a passphrase (typed twice) or remove it (typed once); `show_state()` first.

    `explain(error)` turns a failure into a sentence; `on_close` goes back to the settings.
    """

    def __init__(
        self,
        protection: HistoryProtection,
        on_close: Callable[[], None],
        explain: Callable[[Exception], str | None],
    ) -> None:
        super().__init__(self.tr("Passphrase"))
        self.protection = protection
        self.explain = explain
        self.title = label("", "title")
        self.warning = label(
            self.tr(
                "If you forget it, nobody can open your history. Write it down somewhere safe."
            ),
            "body",
        )
        self.first = password_field(
            self.tr("New passphrase"), self.tr("Any words you will remember; nobody sees them.")
        )
        self.again = password_field(
            self.tr("The same passphrase again"), self.tr("So that a slip of a finger is caught.")
        )
        # Each field's name is shown above it too: a placeholder would vanish while typing.
        self.first_name = label("", "body")
        self.again_name = label(self.again.accessibleName(), "body")
        self.message = FitLabel("", "body", floor=22, grow=False)
        self.primary = button("", self.confirm, role="primary")
        self.back = button(self.tr("Back"), on_close, role="large")
        for widget in (
            self.title,
            self.warning,
            self.first_name,
            self.first,
            self.again_name,
            self.again,
            self.message,
        ):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.layout_.addLayout(row(self.primary, self.back, stretch_between=True))
        self.on_close = on_close

    def show_state(self) -> None:
        """Set up the page for what the history is now: protected or not."""
        protected = self.protection.is_protected()
        title = (
            self.tr("Remove the passphrase")
            if protected
            else self.tr("Protect the history with a passphrase")
        )
        set_text(self.title, title)
        set_text(self.primary, self.tr("Remove it") if protected else self.tr("Protect it"))
        self.primary.setAccessibleDescription(title)
        for widget in (self.warning, self.again_name, self.again):
            widget.setVisible(not protected)
        name = self.tr("Your passphrase now") if protected else self.tr("New passphrase")
        set_text(self.first_name, name)
        self.first.setAccessibleName(name)
        for field in (self.first, self.again):
            field.clear()
        self._say("")

    def first_focus(self) -> QWidget | None:
        return self.first

    def confirm(self) -> None:
        passphrase = self.first.text()
        protected = self.protection.is_protected()
        if not passphrase:
            self._say(self.tr("Type a passphrase first."))
            return
        if not protected and self.again.text() != passphrase:
            self._say(self.tr("The two passphrases are not the same. Type them again."))
            self.again.clear()
            return
        try:
            if protected:
                self.protection.unprotect(passphrase)
            else:
                self.protection.protect(passphrase)
        except Exception as error:
            sentence = self.explain(error)
            if sentence is None:
                raise
            self._say(sentence)
            return
        self.on_close()

    def _say(self, text: str) -> None:
        set_text(self.message, text)
        self.message.setVisible(bool(text))
