"""The keyboard contract, read by one application-wide filter so it holds on every screen.

Enter activates the focused button (each screen focuses its main action when it
appears), Esc pauses (or leaves a page shown outside a session), S asks "stop now?",
T has a screen reader say the time left, digits answer the fatigue check, and the arrow
keys move the focus like Tab. A switch user's keys go to the scanner first; in a text
field, keys type.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from alshome.domain.session import Phase
from alshome.ui.scanning import Scanner
from alshome.ui.screens.base import Screen
from alshome.ui.session_controller import SessionController
from alshome.ui.spoken import OnRequest, time_left

DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# In a text field only these keep their meaning; every other key types or edits.
TEXT_FIELD_KEYS = (Qt.Key.Key_Escape, Qt.Key.Key_Up, Qt.Key.Key_Down)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up)
FORWARD_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down)


class KeyedWindow(Protocol):
    """The part of the window the keys act on (besides the QWidget it is)."""

    scanner: Scanner
    controller: SessionController

    @property
    def current(self) -> Screen: ...

    def leave_page(self) -> None: ...

    def move_focus(self, forward: bool) -> None: ...

    def focusWidget(self) -> QWidget | None: ...


class KeyboardContract(QObject):
    """Reads every key pressed in `window` (or in a dialog over it) and acts on it."""

    def __init__(self, window: KeyedWindow) -> None:
        super().__init__(window)
        self._window = window
        self._on_request = OnRequest(self)
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self._window:
            # A dialog over the window (none of ours needs one) is still scanned.
            modal = QApplication.activeModalWidget()
            return watched.window() is modal and self._window.scanner.handle_key(event)
        return self.handle_key(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        window = self._window
        if window.scanner.handle_key(event):
            return True
        key = event.key()
        controller = window.controller
        session = controller.session
        if key in ENTER_KEYS:
            if not event.isAutoRepeat():
                self._enter()
            return True
        if isinstance(window.focusWidget(), QLineEdit) and key not in TEXT_FIELD_KEYS:
            return False  # typing a name or a phone number: letters, digits, arrows
        if key in DIGIT_KEYS:
            window.current.digit(DIGIT_KEYS[key])
            return True
        if key == Qt.Key.Key_Escape:
            if session is None:
                window.leave_page()
            elif session.can_pause:
                controller.pause()
            elif session.phase is Phase.CONFIRM_STOP:
                controller.cancel_stop()
            return True
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_S and plain:
            if session and session.can_request_stop:
                controller.request_stop()
            return True
        if key == Qt.Key.Key_T and plain:
            said = time_left(session) if session else None
            if said:
                self._on_request.say(said)
            return True
        if key in BACK_KEYS or key in FORWARD_KEYS:
            window.move_focus(forward=key in FORWARD_KEYS)
            return True
        return False

    def _enter(self) -> None:
        window = self._window
        focused = window.focusWidget()
        if (
            isinstance(focused, QAbstractButton)
            and focused.window() is window
            and focused.isVisible()
            and focused.isEnabled()
        ):
            focused.click()
        else:
            window.current.activate_primary()
