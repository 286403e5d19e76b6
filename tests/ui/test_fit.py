"""Every screen fits the windows people have without clipping, at their text sizes.

A label is clipped when its wrapped text needs more height than it has, a button when
its words are wider or taller than the button; the window is too small when its
layout forced it past its size. Each screen is checked in each state `tour` reaches.

The windows are those of real screens: an eye-gaze device's 1024x768 at 100 % text, the
common 1366x768 laptop and a 1280x800 tablet up to 150 %, and 1280x720 up to 200 %. The
first three are framed windows, maximized under a window manager's title bar beside a
desktop's panel (FRAMED high together, as GNOME's are); 1280x720 is the smallest window
the full text range must fit. Each size is checked at its largest text size and at
100 %, but for 1280x738 at 100 %: it holds all that 1280x720 holds.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget

from alshome.ui.theme import style_for
from tests.ui.tour import settle

TITLE_BAR = 30  # px: a window manager's title bar over a maximized window
PANEL = 32  # px: a desktop's panel (GNOME's top bar), outside the work area
FRAMED = TITLE_BAR + PANEL  # the height a maximized window loses on a real desktop
WIDTH, HEIGHT = 1280, 720  # the smallest window every text size must fit
BUTTON_PADDING = 12  # the style's frame and inner padding, both sides together, at least


def scroll_area(widget: QWidget) -> QScrollArea | None:
    """The scroll area `widget` is in, which brings each control into view as it takes the
    focus; it scrolls up and down only, so nothing in it may reach past its right side."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def clipped(screen: QWidget, width: int, height: int) -> list[str]:
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
        area = scroll_area(widget)
        if area is None and (corner.x() >= width or corner.y() >= height):
            problems.append(f"{name!r} reaches past the window to {corner.x()},{corner.y()}")
        elif area is not None and area.viewport().isAncestorOf(widget):
            right = widget.mapTo(area.viewport(), widget.rect().topRight()).x()
            if right >= area.viewport().width():
                problems.append(f"{name!r} reaches past the right of its scrolling area")
    return problems


WINDOWS = [  # width, height, theme, text size
    (1024, 768 - FRAMED, "light", 100),
    (1366, 768 - FRAMED, "light", 100),
    (1366, 768 - FRAMED, "dark", 150),
    (1280, 800 - FRAMED, "high_contrast", 150),
    (WIDTH, HEIGHT, "light", 100),
    (WIDTH, HEIGHT, "dark", 150),
    (WIDTH, HEIGHT, "high_contrast", 200),
    (WIDTH, HEIGHT, "light", 200),
]


@pytest.fixture(params=WINDOWS, ids=lambda w: f"{w[0]}x{w[1]}-{w[2]}-{w[3]}")
def styled(request, tour):
    """The window sized, and styled as the settings would (on the window alone: far quicker
    in tests)."""
    width, height, theme, scale = request.param
    tour[0].window.setStyleSheet(style_for(theme, scale))
    tour[0].window.resize(width, height)
    return width, height


def test_every_screen_fits_without_clipping(tour, styled):
    rig, walk = tour
    width, height = styled
    found = {}
    for name, screen in walk():
        settle()
        assert rig.window.width() <= width and rig.window.height() <= height, (
            name,
            rig.window.size(),
        )
        problems = clipped(screen, width, height)
        if problems:
            found[name] = problems
    assert not found, found
