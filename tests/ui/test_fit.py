"""Every screen fits a 1280x720 window without clipping, at every text size and theme.

A label is clipped when its wrapped text needs more height than it has, a button when
its words are wider or taller than the button; the window is too small when its
layout forced it past 1280x720. Each screen is checked in each state `tour` reaches.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget

from alshome.ui.theme import style_for
from tests.ui.tour import settle

WIDTH, HEIGHT = 1280, 720
BUTTON_PADDING = 12  # the style's frame and inner padding, both sides together, at least


def scrolled(widget: QWidget) -> bool:
    """Inside a scroll area, which brings each control into view as it takes the focus."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def clipped(screen: QWidget) -> list[str]:
    problems = []
    needed = screen.layout().minimumHeightForWidth(screen.width())
    if needed > screen.height():
        problems.append(f"the screen needs {needed} px of height, has {screen.height()}")
    for widget in screen.findChildren(QWidget):
        if not widget.isVisible():
            continue
        name = widget.accessibleName() or widget.objectName() or type(widget).__name__
        box = widget.contentsRect()
        metrics = widget.fontMetrics()
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                needed = widget.heightForWidth(box.width())
                if needed > box.height() + 1:
                    problems.append(f"label {name!r} needs {needed} px, has {box.height()}")
            else:
                needed = max(metrics.horizontalAdvance(line) for line in widget.text().split("\n"))
                if needed > box.width():
                    problems.append(f"label {name!r} needs {needed} px wide, has {box.width()}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            lines = widget.text().split("\n")
            wide = max(metrics.horizontalAdvance(line) for line in lines) + BUTTON_PADDING
            tall = metrics.height() * len(lines)
            if wide > widget.width() or tall > widget.height():
                problems.append(
                    f"button {name!r} needs {wide}x{tall}, has {widget.width()}x{widget.height()}"
                )
        corner = widget.mapTo(widget.window(), widget.rect().bottomRight())
        if not scrolled(widget) and (corner.x() >= WIDTH or corner.y() >= HEIGHT):
            problems.append(f"{name!r} reaches past the window to {corner.x()},{corner.y()}")
    return problems


@pytest.fixture(params=[("light", 100), ("dark", 150), ("high_contrast", 200), ("light", 200)])
def styled(request, tour):
    """The window styled as the settings would (on the window alone: far quicker in tests)."""
    theme, scale = request.param
    tour[0].window.setStyleSheet(style_for(theme, scale))
    return request.param


def test_every_screen_fits_1280x720_without_clipping(tour, styled):
    rig, walk = tour
    rig.window.resize(WIDTH, HEIGHT)
    found = {}
    for name, screen in walk():
        settle()
        assert rig.window.width() <= WIDTH and rig.window.height() <= HEIGHT, (
            name,
            rig.window.size(),
        )
        problems = clipped(screen)
        if problems:
            found[name] = problems
    assert not found, found
