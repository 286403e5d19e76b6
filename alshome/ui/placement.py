"""Where the window opens: inside the work area of a screen that is there, as it was left.

On a first launch the window is maximized on a screen up to MAXIMIZE_UP_TO (in Qt's
device-independent pixels, so a 4K screen at 200 % counts as 1920x1080), where every
pixel helps large text and targets; on a larger screen a maximized window would stretch
lines and buttons across a room, so it opens at a share of the work area, centred. Either
way it never exceeds the work area (`QScreen.availableGeometry`: the screen without its
panels), whose size it also takes as its least size when the work area is smaller.

Later launches put the window back as it was left (`WindowPlace` in the settings file):
its rectangle and whether it was maximized. A rectangle the screens of today cannot hold
(saved on a second monitor since unplugged, or at a resolution since lowered) is moved
onto the screen it overlaps most, or the primary screen, and shrunk to fit there, with
room left for a window manager's frame. A rectangle that lies inside a work area is used
as it is: the window manager put it there, frame and all.

Positions are those of the inside of the window (`QWidget.geometry`): set before the
window shows, Qt asks the window manager to keep the inside there and to draw the frame
around it, so a window reopens exactly where it was.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from alshome.platform.settings import WindowPlace

MAXIMIZE_UP_TO = QSize(1920, 1080)
LARGE_SCREEN_SHARE = 0.8  # of the work area, each way, on a screen larger than that
# Room kept for a frame around a window that had to be moved: a title bar above, a
# border on the other sides (a typical title bar is 20 to 40 px high).
FRAME = QMargins(8, 40, 8, 8)


def work_areas() -> list[QRect]:
    return [screen.availableGeometry() for screen in QGuiApplication.screens()]


def first_place(screen: QSize, area: QRect, least: QSize) -> tuple[QRect, bool]:
    """For a first launch on a screen of size `screen` and work area `area`: the window's
    rectangle, no smaller than `least`, and whether to maximize it (then the rectangle is
    the one it takes when un-maximized)."""
    inside = area.marginsRemoved(FRAME)
    share = QSize(
        round(inside.width() * LARGE_SCREEN_SHARE), round(inside.height() * LARGE_SCREEN_SHARE)
    )
    rect = QRect(QPoint(0, 0), share.expandedTo(least).boundedTo(inside.size()))
    rect.moveCenter(inside.center())
    maximize = (
        screen.width() <= MAXIMIZE_UP_TO.width() and screen.height() <= MAXIMIZE_UP_TO.height()
    )
    return rect, maximize


def restored_place(saved: WindowPlace, areas: list[QRect], primary: QRect) -> QRect:
    """`saved`'s rectangle if a work area holds it, else moved and shrunk into the work
    area it overlaps most (`primary` when it overlaps none), frame room kept."""
    rect = QRect(saved.x, saved.y, saved.width, saved.height)
    if any(area.contains(rect) for area in areas):
        return rect
    area = max(areas, key=lambda a: _overlap(a, rect), default=primary)
    if _overlap(area, rect) == 0:
        area = primary
    return fitted(rect, area.marginsRemoved(FRAME))


def fitted(rect: QRect, area: QRect) -> QRect:
    """`rect` no larger than `area` and moved the least way into it."""
    size = rect.size().boundedTo(area.size())
    x = min(max(rect.x(), area.left()), area.right() + 1 - size.width())
    y = min(max(rect.y(), area.top()), area.bottom() + 1 - size.height())
    return QRect(QPoint(x, y), size)


def _overlap(area: QRect, rect: QRect) -> int:
    common = area.intersected(rect)
    return common.width() * common.height() if common.isValid() else 0


def place(window: QWidget, saved: WindowPlace | None) -> bool:
    """Give the unshown `window` its rectangle and least size; whether to show it maximized."""
    primary = QGuiApplication.primaryScreen()
    if saved is None:
        area = primary.availableGeometry()
        least = window.minimumSize().boundedTo(area.marginsRemoved(FRAME).size())
        rect, maximize = first_place(primary.size(), area, least)
    else:
        rect = restored_place(saved, work_areas(), primary.availableGeometry())
        maximize = saved.maximized
    holder = QGuiApplication.screenAt(rect.center()) or primary
    window.setMinimumSize(window.minimumSize().boundedTo(holder.availableGeometry().size()))
    window.setGeometry(rect)
    return maximize


def remembered(window: QWidget, maximized: bool) -> WindowPlace:
    """Where `window` is now, to open there next time: its un-maximized rectangle."""
    rect = window.normalGeometry()
    if not rect.isValid() or rect.isEmpty():
        rect = window.geometry()
    return WindowPlace(rect.x(), rect.y(), rect.width(), rect.height(), maximized)
