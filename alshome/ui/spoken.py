"""What a screen reader says without announcements: the focused control, read in full.

Orca 43 (Debian 12's screen reader) does not read Qt's announcements (`announce`), and
no focus-following reader needs them for what is on a new screen: when the focus moves,
Orca speaks the focused control's name, its role and its accessible description, and
when the name or the description of the focused control changes, it speaks the new one.
It does not read the screen around the control, nor a label that changes elsewhere.

So each screen puts its essentials (the question, the exercise with its side and dose,
the rest and its length, the summary) in the description of the control that takes the
focus when it appears, and a change on the same screen (a hold begins, time is up, the
rest is over) in a short new description of that control. The countdown is never read
out by itself: T asks for the time left (`time_left`), said once through the focused
control (`OnRequest`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from alshome.domain.session import Phase, Session
from alshome.ui import words

SENTENCE_ENDS = (".", "!", "?", ":", "…")


def sentences(*parts: str) -> str:
    """`parts` as one text read aloud: each line a sentence, empty ones left out.

    On screen a line break or a new label ends a thought; read aloud, it needs a full stop
    or the reader runs one line into the next.
    """
    lines = [line.strip() for part in parts for line in part.splitlines()]
    return " ".join(line if line.endswith(SENTENCE_ENDS) else f"{line}." for line in lines if line)


WORDS = "spoken_words"  # the property holding what the screen last gave a control to say


def describe(widget: QWidget, text: str) -> None:
    """Give `widget` the description `text`, once: a reader speaks every change of the
    focused control's description, so the same words set again (a screen refreshes many
    times a second) would be said again, and would drown what T asked for."""
    if widget.property(WORDS) != text:
        widget.setProperty(WORDS, text)
        widget.setAccessibleDescription(text)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Spoken", text)


def time_left(session: Session) -> str | None:
    """The countdown in words ("25 seconds left."), or the set's goal when it is counted.

    None where nothing counts down or is counted (a question, a pause).
    """
    phase = session.phase
    remaining = session.remaining()
    moving_on = session.moving_on_in()
    later = (
        " "
        + _tr("Moving on in {time}. Choose Wait to stay.").format(
            time=words.spoken_time(math.ceil(moving_on))
        )
        if moving_on is not None
        else ""
    )
    if phase is Phase.LEAD_IN and remaining is not None:
        return _tr("Starts in {time}.").format(time=words.spoken_time(remaining))
    if phase is Phase.RUNNING and remaining is None:
        return sentences(words.target(session.step.target))
    if phase is Phase.RUNNING:
        if remaining > 0:
            return _tr("{time} left.").format(time=words.spoken_time(remaining))
        return _tr("Time is up.") + later
    if phase is Phase.REST:
        if remaining is not None and remaining > 0:
            return _tr("{time} of rest left.").format(time=words.spoken_time(remaining))
        return _tr("Rest is over.") + later
    return None


class OnRequest(QObject):
    """Says a text once, when asked, through the focused control's description.

    The words stay there only while the focus does: when it moves on, the control gets
    its own description back, after the reader has followed the focus (a change to the
    control still focused would be spoken).
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._widget: QWidget | None = None
        self._own = ""
        self._said = ""

    def say(self, text: str) -> None:
        widget = QApplication.focusWidget()
        if widget is None:
            return
        if widget is not self._widget:
            self._give_back()
            self._widget, self._own = widget, widget.accessibleDescription()
            widget.installEventFilter(self)
        self._said = text
        widget.setAccessibleDescription("")  # a change, even when the same words are asked again
        widget.setAccessibleDescription(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched is self._widget:
            QTimer.singleShot(0, self, lambda: self._give_back(watched))
        return False

    def _give_back(self, widget: QObject | None = None) -> None:
        """Restore the description of `widget` (by default, whichever holds the words)."""
        if self._widget is None or (widget is not None and widget is not self._widget):
            return
        widget, self._widget = self._widget, None
        if not isValid(widget):
            return
        widget.removeEventFilter(self)
        if widget.accessibleDescription() == self._said:
            own = widget.property(WORDS)
            widget.setAccessibleDescription(self._own if own is None else own)
