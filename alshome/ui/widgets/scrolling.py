"""Rows that scroll, and the one rule that keeps the focused control in view.

Switch users move the focus with the scanner and keyboard users with Tab; neither can
scroll by hand. So wherever rows scroll (settings, the editor's pages, backups, the
history), the control that takes the focus is scrolled into view, and again whenever the
rows change size (a new text size, a thicker focus frame).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget

from alshome.ui.screens.base import SPACING


def scrolled(content: QWidget) -> QScrollArea:
    """`content` in a scroll area that never takes the focus and scrolls only up and down."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def column_of(holder: QWidget) -> QVBoxLayout:
    """The column of rows inside a scrolled area, clear of its scroll bar."""
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, SPACING, 0)
    layout.setSpacing(SPACING)
    return layout


class FocusFollower(QObject):
    """Keeps the focused control of any of `areas` in view, with what belongs above it.

    `top_of(control)` names the widget whose top should show too (a setting's label, a
    group's heading); when the two do not fit together, the control alone is shown. The
    follower lives as long as `owner`, the screen that holds the areas.
    """

    def __init__(
        self,
        owner: QWidget,
        areas: Sequence[QScrollArea],
        top_of: Callable[[QWidget], QWidget] = lambda control: control,
    ) -> None:
        super().__init__(owner)
        self._areas = tuple(areas)
        self._top_of = top_of
        for area in self._areas:
            area.widget().installEventFilter(self)
        QApplication.instance().focusChanged.connect(self._follow)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            self.reveal(new)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """When the rows change size, keep the focused control in view."""
        if event.type() == QEvent.Type.Resize:
            focused = QApplication.focusWidget()
            if focused is not None and watched.isAncestorOf(focused):
                self.reveal(focused)
        return False

    def reveal(self, control: QWidget) -> None:
        """Scroll `control` into view with its top widget above it, when they fit together."""
        for area in self._areas:
            content = area.widget()
            if not content.isAncestorOf(control):
                continue
            top = self._top_of(control).mapTo(content, QPoint(0, 0)).y()
            bottom = control.mapTo(content, QPoint(0, control.height())).y()
            if bottom - top + 2 * SPACING <= area.viewport().height():
                half = (bottom - top) // 2
                area.ensureVisible(0, top + half, 0, half + SPACING)
            else:
                area.ensureWidgetVisible(control, 0, SPACING)
