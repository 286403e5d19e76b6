"""Switch scanning: the whole app operated with one switch or two.

A person who can press only one switch (often wired to send Space or Enter) uses
auto-scan: a highlight moves from control to control on its own, waiting longer on the
first one, and a press chooses the highlighted control. After a few rounds with no
press the highlight rests, so it does not cycle for ever; the next press wakes it. With
two switches (step-scan) Space moves the highlight and Enter chooses.

The highlight is the keyboard focus, so whatever the highlight is on is also what Enter
activates under the ordinary keyboard contract, what a screen reader reads, and what a
scroll area scrolls into view. On top of the focus frame it draws its own two-tone frame
(black and yellow), which stands out on every theme. The controls are those the
keyboard reaches, in focus order, on the current screen or open dialog; nothing here
knows about particular screens, so every new screen can be scanned as it is built.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from alshome.platform.settings import Settings

SWITCH_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
FRAME = 7  # px: the width of each of the highlight's two bands


class Highlight(QWidget):
    """The scanning frame, drawn over the window around the highlighted control."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def surround(self, target: QWidget) -> None:
        corner = target.mapTo(self.parentWidget(), target.rect().topLeft())
        margin = 2 * FRAME
        self.setGeometry(QRect(corner, target.size()).adjusted(-margin, -margin, margin, margin))
        self.show()
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        outer = self.rect().adjusted(FRAME // 2, FRAME // 2, -(FRAME // 2), -(FRAME // 2))
        painter.setPen(QPen(QColor("#000000"), FRAME))
        painter.drawRect(outer)
        painter.setPen(QPen(QColor("#ffe600"), FRAME))
        painter.drawRect(outer.adjusted(FRAME, FRAME, -FRAME, -FRAME))


class Scanner(QObject):
    """Moves the highlight through `window`'s controls as the scanning settings say."""

    def __init__(self, window: QWidget, settings: Settings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self.highlight = Highlight(window)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.advance)
        self._moves = 0
        self._start: QWidget | None = None
        self.resting = False

    @property
    def mode(self) -> str:
        return str(self._settings.get("scan_mode"))

    # ----- what can be highlighted ---------------------------------------------------

    def targets(self) -> list[QWidget]:
        """The controls that take focus on the current screen, in focus order.

        Not only those Tab reaches: Qt lets Tab into an exclusive button group (the
        fatigue ratings) at one button only, but a switch must reach every rating.
        """
        root = self._root()
        found: list[QWidget] = []
        start = root.focusWidget() or root
        widget = start.nextInFocusChain()
        for _ in range(2000):  # the chain is a ring; this only guards against a broken one
            if (
                isinstance(widget, QAbstractButton | QLineEdit)
                and widget.window() is root
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
                and widget not in found
            ):
                found.append(widget)
            if widget is start:
                break
            widget = widget.nextInFocusChain()
        first = root.focusWidget()
        if first in found:  # begin the list at the control that has the focus
            index = found.index(first)
            found = found[index:] + found[:index]
        return found

    @property
    def current(self) -> QWidget | None:
        focused = self._root().focusWidget()
        return focused if focused in self.targets() else None

    def _root(self) -> QWidget:
        """The open dialog if there is one, else the window."""
        return QApplication.activeModalWidget() or self._window

    # ----- driving the highlight ---------------------------------------------------

    def restart(self) -> None:
        """Start again at the focused control (a screen focuses its main action)."""
        self._timer.stop()
        self._moves = 0
        self.resting = False
        if self.mode == "off":
            self.highlight.hide()
            return
        targets = self.targets()
        if not targets:
            self.highlight.hide()
            return
        self._start = self.current or targets[0]
        self._show(self._start)
        self._arm(first=True)

    def advance(self) -> None:
        """Move the highlight to the next control; the auto-scan timer calls this."""
        targets = self.targets()  # a ring that begins at the highlighted control
        if not targets:
            self.highlight.hide()
            return
        self._moves += 1
        if self.mode == "auto" and self._moves >= len(targets) * int(
            self._settings.get("scan_loops")
        ):
            self._rest()
            return
        target = targets[1 % len(targets)]
        self._show(target)
        self._arm(first=target is self._start)

    def select(self) -> None:
        """Choose the highlighted control, then start again from wherever focus went."""
        target = self.current
        if isinstance(target, QAbstractButton):
            target.click()
        QTimer.singleShot(0, self._restart_if_scanning)

    def _restart_if_scanning(self) -> None:
        if self.mode != "off":
            self.restart()

    def _show(self, target: QWidget) -> None:
        target.setFocus(Qt.FocusReason.TabFocusReason)
        self.highlight.surround(target)

    def _rest(self) -> None:
        self.resting = True
        self.highlight.hide()

    def _arm(self, first: bool) -> None:
        if self.mode != "auto":
            return
        seconds = float(self._settings.get("scan_interval"))
        if first:
            seconds += float(self._settings.get("scan_first_pause"))
        self._timer.start(round(seconds * 1000))

    def follow(self) -> None:
        """Keep the frame on the focused control after the window moved things around."""
        target = self.current
        if self.mode != "off" and target is not None and not self.resting:
            self.highlight.surround(target)

    # ----- the switches ------------------------------------------------------------

    def handle_key(self, event: QKeyEvent) -> bool:
        """True when scanning used the key; otherwise the keyboard contract applies."""
        key = event.key()
        if self.mode == "off" or key not in SWITCH_KEYS:
            return False
        if event.isAutoRepeat():
            return True  # a held switch is one press
        if self.resting or (self.highlight.isHidden() and self.targets()):
            self.restart()
            return True
        if self.mode == "step" and key == Qt.Key.Key_Space:
            self.advance()
            return True
        self.select()
        return True
