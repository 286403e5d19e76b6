"""Small building blocks shared by every screen, so each screen states only what it shows.

Buttons, labels and pages are here; the parts of a "less"/"more" row are in `steppers`,
and rows that scroll with the focus kept in view in `scrolling`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QWidget,
)

from alshome.ui.theme import FOCUS_GROWTH


class FramedButton(QPushButton):
    """A button with almost no padding, wide enough for its words inside the focus frame.

    Rating buttons keep their padding small so that eleven fit across a window. Qt sizes
    a button for the thin frame it has unfocused; the thick frame of the focused or the
    chosen rating, drawn inside, would then cover its first and last letters wherever a
    narrow window (an eye-gaze device's 1024x768) gives it no more than it asks for.
    Other buttons need none of this: their padding is wider than the frame grows.
    """

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + FOCUS_GROWTH, hint.height())


def button(
    text: str,
    on_click: Callable[[], None],
    *,
    role: str = "",
    accessible_name: str = "",
    description: str = "",
) -> QPushButton:
    """A large push button; `role` picks its look (primary, stop, rating)."""
    widget = QPushButton(text)
    if role:
        widget.setProperty("role", role)
    widget.setAccessibleName(accessible_name or text.replace("\n", " "))
    if description:
        widget.setAccessibleDescription(description)
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.setAutoDefault(False)
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    widget.clicked.connect(lambda _checked=False: on_click())
    return widget


TICK = "✓"


def toggle(text: str, on_click: Callable[[], None], accessible_name: str) -> QPushButton:
    """A checkable button: the checked colours and a tick in its text show its state."""
    widget = button(text, on_click, accessible_name=accessible_name)
    widget.setCheckable(True)
    return widget


def ticked(text: str, checked: bool) -> str:
    """`text` with a tick when chosen, so the choice never rests on colour alone."""
    return f"{TICK} {text}" if checked else text


def label(text: str = "", name: str = "body", *, wrap: bool = True, center: bool = False) -> QLabel:
    widget = QLabel(text)
    widget.setObjectName(name)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if center:
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return widget


def panel() -> QFrame:
    frame = QFrame()
    frame.setObjectName("panel")
    return frame


def set_text(widget: QLabel | QPushButton, text: str) -> None:
    """Change a label or button and its accessible name together, so readers follow."""
    widget.setText(text)
    widget.setAccessibleName(text.replace("\n", " "))


class FitLabel(QLabel):
    """Wrapped text drawn as large as the style asks when there is room, smaller when not.

    A label's text size comes from the style sheet (and so from the text-size setting).
    Where a screen has more words than room, at 200 % on a 1280x720 window, this label
    takes the room its layout can give and draws its text at the largest size that fits,
    never below `floor` pixels, rather than cutting words off. Its minimum height is the
    height at `floor` and its preferred height the height at the styled size, both for
    its present width, so a crowded layout shares the room out by how much each text
    needs; with `grow` it also asks for any room left over.
    """

    def __init__(
        self, text: str, name: str, floor: int, *, center: bool = False, grow: bool = True
    ) -> None:
        super().__init__(text)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.floor = floor
        self._flags = Qt.TextFlag.TextWordWrap | (
            Qt.AlignmentFlag.AlignCenter if center else Qt.AlignmentFlag.AlignLeft
        )
        vertical = QSizePolicy.Policy.Expanding if grow else QSizePolicy.Policy.Preferred
        self.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)

    def _font(self, size: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(size)
        return font

    def _height(self, size: int, width: int) -> int:
        bounds = QFontMetrics(self._font(size)).boundingRect(
            QRect(0, 0, max(1, width), 0), self._flags, self.text()
        )
        return bounds.height() if self.text() else 0

    def hasHeightForWidth(self) -> bool:
        return False

    def heightForWidth(self, width: int) -> int:
        """The height at `floor` for `width`: the least this label can live with."""
        return self._needed(min(self.floor, self._styled()), width)

    def _needed(self, size: int, width: int) -> int:
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        return self._height(size, inner) + margins.top() + margins.bottom()

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.heightForWidth(self.width()))

    def sizeHint(self) -> QSize:
        """The height at the styled size: a layout with room gives it this much."""
        return QSize(super().sizeHint().width(), self._needed(self._styled(), self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the heights above depend on the width

    def _styled(self) -> int:
        return self.font().pixelSize() if self.font().pixelSize() > 0 else self.floor

    def fitted_size(self) -> int:
        """The pixel size the text is drawn at in the label's present rectangle."""
        box = self.contentsRect()
        size = self._styled()
        while size > self.floor and self._height(size, box.width()) > box.height():
            size -= 2
        return max(size, min(self.floor, self._styled()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self._font(self.fitted_size()))
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), self._flags, self.text())


class _ShownPageLayout(QStackedLayout):
    """A stacked layout whose sizes are those of the page it shows."""

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSize(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSize()

    def hasHeightForWidth(self) -> bool:
        return self.currentWidget() is not None

    def heightForWidth(self, width: int) -> int:
        """The least height the shown page needs at `width` (its wrapping rows included).

        Not its preferred height: Qt takes a height-for-width as both the least and the
        preferred height, and a page whose list scrolls needs far less than it prefers.
        """
        page = self.currentWidget()
        return page.layout().totalMinimumHeightForWidth(width) if page is not None else -1


class PageStack(QWidget):
    """Pages of which one shows: its sizes are the shown page's, not the largest page's.

    A QStackedWidget asks for as much room as its most demanding page, hidden or not, so
    one long page would make every page claim more than a 1280x720 window has.
    """

    def __init__(self) -> None:
        super().__init__()
        self._pages = _ShownPageLayout(self)
        self._pages.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, page: QWidget) -> None:
        self._pages.addWidget(page)

    def setCurrentWidget(self, page: QWidget) -> None:
        self._pages.setCurrentWidget(page)
        self._pages.invalidate()

    def currentWidget(self) -> QWidget | None:
        return self._pages.currentWidget()
