"""What every screen shares: a primary action, a first focus, and the keys it accepts."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QPushButton, QVBoxLayout, QWidget

from alshome.domain.session import Session

MARGIN = 32
EDGE = 16  # px above and below a screen: a 1366x768 laptop's maximized window is 706 high
SPACING = 14
COUNTDOWN_FLOOR = 80  # px: the countdown is never drawn smaller than this
FAR_APART = 120  # between buttons where a mistaken press would matter


class Screen(QWidget):
    """A full-window page. Subclasses fill `self.layout_` and set `self.primary`."""

    def __init__(self, accessible_name: str) -> None:
        super().__init__()
        self.setAccessibleName(accessible_name)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(MARGIN, EDGE, MARGIN, EDGE)
        self.layout_.setSpacing(SPACING)
        self.primary: QPushButton | None = None

    def render(self, session: Session | None) -> None:
        """Show the session's current state; called after every change of phase."""

    def refresh(self, session: Session) -> None:
        """Update only the moving numbers; called by the display timer."""

    def first_focus(self) -> QWidget | None:
        """Where the keyboard focus lands when the screen appears: its main action."""
        return self.primary if self.primary and self.primary.isEnabled() else None

    def activate_primary(self) -> None:
        if self.primary is not None and self.primary.isEnabled() and self.primary.isVisible():
            self.primary.click()

    def digit(self, value: int) -> bool:
        """A digit key; only the fatigue check uses digits, everywhere else they do nothing."""
        return False


class ButtonRow(QLayout):
    """Buttons of equal width: in one row when they fit, else in as few rows as they need,
    filled as evenly as they can be.

    At large text sizes (and in longer languages) a row of four buttons no longer fits
    across the window; rather than clip their words, the row wraps, keeping every button
    the same width so none looks more important than another. `gap` is the space between
    buttons; a wide gap keeps buttons that must not be hit by mistake far apart.
    """

    def __init__(self, gap: int = SPACING) -> None:
        super().__init__()
        self._items: list[QLayoutItem] = []
        self._gap = gap
        self.setSpacing(SPACING)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        if not shown:
            return QSize(0, 0)
        widest = max(item.sizeHint().width() for item in shown)
        width = widest * len(shown) + self._gap * (len(shown) - 1)
        return QSize(width, max(item.sizeHint().height() for item in shown))

    def minimumSize(self) -> QSize:
        """The widest button by the tallest: as Qt's flow layout, the height a row needs at
        its real width is its height-for-width, which the box layouts ask for. (Reporting
        here the height of one button per line would make a stacked page claim the height
        of its longest row of buttons laid out in one column.)"""
        shown = self._shown()
        if not shown:
            return QSize(0, 0)
        widest = max(item.sizeHint().width() for item in shown)
        return QSize(widest, max(item.sizeHint().height() for item in shown))

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, place: bool) -> int:
        """Place the shown buttons in `rect` (if `place`); returns the height they take.

        When equal widths would not fit in one row but the buttons' own widths do, the
        row keeps one line and shares the spare room out equally instead of wrapping.
        """
        shown = self._shown()
        if not shown:
            return 0
        hints = [item.sizeHint() for item in shown]
        gaps = self._gap * (len(shown) - 1)
        natural = sum(hint.width() for hint in hints) + gaps
        if len(shown) > 1 and natural <= rect.width():
            widest = max(hint.width() for hint in hints)
            if widest * len(shown) + gaps > rect.width():
                spare = (rect.width() - natural) // len(shown)
                height = max(hint.height() for hint in hints)
                x = rect.x()
                for item, hint in zip(shown, hints, strict=True):
                    if place:
                        item.setGeometry(QRect(x, rect.y(), hint.width() + spare, height))
                    x += hint.width() + spare + self._gap
                return height
        widest = max(hint.width() for hint in hints)
        columns = len(shown)
        while columns > 1 and columns * widest + (columns - 1) * self._gap > rect.width():
            columns -= 1
        lines = -(-len(shown) // columns)
        columns = -(-len(shown) // lines)  # as even as the lines allow: 6 and 5, not 8 and 3
        width = (rect.width() - (columns - 1) * self._gap) // columns
        y = rect.y()
        for start in range(0, len(shown), columns):
            line = shown[start : start + columns]
            height = max(item.sizeHint().height() for item in line)
            if place:
                for column, item in enumerate(line):
                    x = rect.x() + column * (width + self._gap)
                    item.setGeometry(QRect(x, y, width, height))
            y += height + self.spacing()
        return y - self.spacing() - rect.y()


def row(*widgets: QWidget, stretch_between: bool = False) -> ButtonRow:
    """Buttons side by side; `stretch_between` keeps them far apart (dwell safety)."""
    layout = ButtonRow(FAR_APART if stretch_between else SPACING)
    for widget in widgets:
        layout.addWidget(widget)
    return layout
