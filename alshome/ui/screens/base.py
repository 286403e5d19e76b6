"""What every screen shares: a primary action, a first focus, and the keys it accepts."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from alshome.domain.session import Session

MARGIN = 32
SPACING = 18


class Screen(QWidget):
    """A full-window page. Subclasses fill `self.layout_` and set `self.primary`."""

    def __init__(self, accessible_name: str) -> None:
        super().__init__()
        self.setAccessibleName(accessible_name)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(MARGIN, MARGIN - 8, MARGIN, MARGIN - 8)
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


def row(*widgets: QWidget, stretch_between: bool = False) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setSpacing(SPACING)
    add_all(layout, widgets, stretch_between)
    return layout


def add_all(
    layout: QBoxLayout, widgets: tuple[QWidget, ...], stretch_between: bool = False
) -> None:
    """Lay out buttons of equal width; `stretch_between` keeps them far apart (dwell safety)."""
    for index, widget in enumerate(widgets):
        if stretch_between and index:
            layout.addStretch(2)
        layout.addWidget(widget, 3)
