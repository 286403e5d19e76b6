"""Spoken announcements of what changed, for people who use a screen reader.

A screen reader speaks the control that takes the focus, but not a countdown reaching zero
or a new page appearing around that control. Qt (6.8 and newer) carries an announcement
event to the platform's accessibility layer (AT-SPI on Linux, UI Automation on Windows,
NSAccessibility on macOS), and the screen reader speaks it without moving the focus.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from alshome.domain.session import Phase
from alshome.ui.session_controller import SessionController


class ShowsScreens(Protocol):
    """The part of the window an announcer reads: the screen it shows now.

    The window is also the announcer's parent and the widget announcements come from.
    """

    @property
    def current(self) -> QWidget: ...


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Ask the screen reader to say `text`; `assertive` interrupts what it is saying.

    Polite suits news that can wait for the current sentence; assertive is for the moment
    that matters now, such as a hold's end.
    """
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


class SessionAnnouncer(QObject):
    """Announces the session's turns: a countdown's end, and each new screen by its name.

    It listens after the window (it is made from a finished window, whose own listener is
    connected first), so on every change the new screen is already up. Each thing is said
    once: a heading only when the screen itself changes (not when a set moves from get-ready
    to running on the same screen), and a countdown's end once, when the session reports it.
    """

    def __init__(self, controller: SessionController, window: ShowsScreens) -> None:
        super().__init__(window)
        self._controller = controller
        self._window = window
        self._screen = window.current
        self._phase = controller.phase
        controller.countdown_finished.connect(self._countdown_finished)
        controller.changed.connect(self._changed)

    def _countdown_finished(self, phase: str) -> None:
        """A timed set begins when its lead-in ends: someone not watching must hear that."""
        if phase == Phase.LEAD_IN:
            self._say(self.tr("Begin now."), assertive=True)
        elif phase == Phase.RUNNING:
            self._say(self._time_up_text(), assertive=True)
        elif phase == Phase.REST:
            self._say(self.tr("Rest is over.") + self._moving_on_text(), assertive=True)

    def _time_up_text(self) -> str:
        if self._controller.options.auto_advance:
            return self.tr("Time is up.") + self._moving_on_text()
        return self.tr("Time is up. Press Done when you are ready.")

    def _moving_on_text(self) -> str:
        """With auto-advance on, how long before it moves on, and how to stay."""
        session = self._controller.session
        seconds = session.moving_on_in() if session is not None else None
        if seconds is None:
            return ""
        return " " + self.tr("Moving on in {seconds} seconds. Choose Wait to stay.").format(
            seconds=round(seconds)
        )

    def _changed(self) -> None:
        phase = self._controller.phase
        asking = phase is Phase.LIFT_CHECK and self._phase is not Phase.LIFT_CHECK
        self._phase = phase
        screen = self._window.current
        if screen is not self._screen:
            self._screen = screen
            heading = screen.accessibleName()
            if heading:
                self._say(heading)
        if asking:  # a question on the set screen, which itself has not changed
            self._say(self.tr("Can you still lift this without the weight?"))

    def _say(self, text: str, assertive: bool = False) -> None:
        announce(self._window, text, assertive)
