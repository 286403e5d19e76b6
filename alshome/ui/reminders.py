"""A gentle desktop reminder on session days, from the system tray, while the app runs.

When reminders are on and the desktop has a system tray, an icon sits there and one
single-shot timer waits for the next reminder moment (`alshome.domain.week`). When it
comes, a notification appears only if a session is still due today: today is a session
day, none was started today, and the week's target is not met yet. Clicking the
notification, or the icon, brings the window forward. A desktop without a tray simply
gets no reminders.

The timer never waits longer than CHECK_EVERY_MS at a time: Qt's timers count time the
computer was awake, so after a suspend, or when the clock changes for daylight saving or
travel, the next look at the wall clock is at most that far away. A moment missed while
the computer slept is shown on waking if it is still the same day, and never on another.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from alshome.domain.clock import Clock, SystemClock
from alshome.domain.week import SessionTimes, WeekProgress, local, next_reminder, this_week
from alshome.ui.theme import LIGHT

if TYPE_CHECKING:
    from alshome.domain.program import Program
    from alshome.platform.settings import Settings

CHECK_EVERY_MS = 10 * 60 * 1000
MESSAGE_MS = 60 * 1000  # a hint only: many desktops keep a notification until it is read
REMINDER_KEYS = ("reminder", "reminder_time", "preferred_days")
TITLE = "alshome"


class RemindingWindow(Protocol):
    """The part of the window reminders read (besides the QWidget they bring forward): the
    program, whose weekly target says how many sessions are due."""

    program: Program


class ReminderService(QObject):
    def __init__(
        self,
        settings: Settings,
        history: SessionTimes,
        window: RemindingWindow,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(window)
        self._settings = settings
        self._history = history
        self._window = window
        self._clock = clock or SystemClock()
        self.tray: QSystemTrayIcon | None = None
        self.next_moment: datetime | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.rearm()

    def follow_setting(self, key: str) -> None:
        """A saved setting changed; only the reminder's own settings matter here."""
        if key in REMINDER_KEYS:
            self.rearm()

    def rearm(self) -> None:
        """Follow the settings: show or hide the icon, and wait for the next moment."""
        self.timer.stop()
        self.next_moment = None
        if not self._settings.get("reminder") or not QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is not None:
                self.tray.hide()
            return
        self._tray().show()
        now = self._clock.wall()
        self.next_moment = next_reminder(
            now,
            int(self._settings.get("reminder_time")),
            self._settings.get("preferred_days"),
            self._week(now).done_today,
        )
        self._wait(now)

    def check(self) -> None:
        """The timer woke: remind if the moment has come and a session is due, else wait on."""
        if self.next_moment is None:
            return
        now = self._clock.wall()
        if now < self.next_moment:
            self._wait(now)
            return
        same_day = local(now).date() == local(self.next_moment).date()
        if same_day and self._week(now).due_today:
            self.tray.showMessage(
                TITLE,
                self.tr("Time for today's exercises, when you are ready."),
                QSystemTrayIcon.MessageIcon.Information,
                MESSAGE_MS,
            )
        self.rearm()

    def show_window(self) -> None:
        window = self._window
        if window.isMinimized():
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()

    def _week(self, now: datetime) -> WeekProgress:
        return this_week(
            self._history,
            now,
            self._window.program.weekly_target,
            self._settings.get("preferred_days"),
        )

    def _wait(self, now: datetime) -> None:
        if self.next_moment is None:
            return
        milliseconds = math.ceil((self.next_moment - now).total_seconds() * 1000)
        self.timer.start(max(0, min(milliseconds, CHECK_EVERY_MS)))

    def _tray(self) -> QSystemTrayIcon:
        if self.tray is None:
            icon = self._window.windowIcon()
            self.tray = QSystemTrayIcon(drawn_icon() if icon.isNull() else icon, self)
            self.tray.setToolTip(TITLE)
            menu = QMenu(self._window)
            open_window = QAction(self.tr("Open alshome"), menu)
            open_window.triggered.connect(self.show_window)
            menu.addAction(open_window)
            self.tray.setContextMenu(menu)
            self.tray.messageClicked.connect(self.show_window)
            self.tray.activated.connect(self._activated)
        return self.tray

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason != QSystemTrayIcon.ActivationReason.Context:
            self.show_window()


def drawn_icon(size: int = 64) -> QIcon:
    """A plain mark for the tray until the app has an icon file: a ring on a blue square."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(LIGHT.primary))
    painter.drawRoundedRect(QRectF(0, 0, size, size), size / 5, size / 5)
    painter.setBrush(QColor(LIGHT.primary_text))
    painter.drawEllipse(QRectF(size / 4, size / 4, size / 2, size / 2))
    painter.setBrush(QColor(LIGHT.primary))
    painter.drawEllipse(QRectF(size * 3 / 8, size * 3 / 8, size / 4, size / 4))
    painter.end()
    return QIcon(pixmap)
