"""Rest between sets: a countdown that can be skipped, and what comes next.

When the rest is over the app waits for the patient ("Continue"). Only with auto-advance
switched on does it move on by itself, after a grace period shown on screen with a large
Wait button; nobody is hurried.
"""

from __future__ import annotations

from alshome.domain.session import Session
from alshome.ui import words
from alshome.ui.screens.base import COUNTDOWN_FLOOR, Screen, row
from alshome.ui.screens.moving_on import moving_on_text, wait_button
from alshome.ui.screens.session_buttons import pause_button, tired_stop_button
from alshome.ui.session_controller import SessionController
from alshome.ui.spoken import describe, sentences
from alshome.ui.widgets import FitLabel, button, label, set_text


class RestScreen(Screen):
    def __init__(self, controller: SessionController) -> None:
        super().__init__(self.tr("Rest"))
        self.title = label(self.tr("Rest and breathe"), "title")
        self.longer = label(
            self.tr("Your rest is longer this time, because you felt very tired."), "body"
        )
        self.big = FitLabel("", "countdown", floor=COUNTDOWN_FLOOR, center=True)
        self.coming = FitLabel("", "body", floor=22, center=True, grow=False)
        self.moving = FitLabel("", "headline", floor=28, center=True, grow=False)
        self.wait = wait_button(controller)
        self.primary = button(self.tr("Skip rest"), controller.end_rest, role="primary")
        self.pause = pause_button(controller)
        self.stop = tired_stop_button(controller)
        self.more = button(
            self.tr("30 seconds more"),
            controller.extend_rest,
            description=self.tr("Makes this rest longer. Take the time you need."),
        )
        for widget in (self.title, self.longer):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.big)
        self.layout_.addWidget(self.moving)
        self.layout_.addWidget(self.wait)
        self.layout_.addWidget(self.coming)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.primary)
        self.layout_.addLayout(row(self.pause, self.more, self.stop, stretch_between=True))

    def render(self, session: Session | None) -> None:
        if session is None:
            return
        self.longer.setVisible(session.longer_rest)
        following = session.next_step
        if following is not None:
            parts = [
                following.exercise.name,
                self.tr("set {n} of {total}").format(
                    n=following.set_number, total=following.total_sets
                ),
            ]
            if words.side(following.side):
                parts.append(words.side(following.side).lower())
            self.coming.setText(self.tr("Next: {what}").format(what=", ".join(parts)))
        self.refresh(session)

    def refresh(self, session: Session) -> None:
        remaining = session.remaining() or 0.0
        over = remaining <= 0
        moving_on = moving_on_text(session)
        for widget in (self.moving, self.wait):
            widget.setVisible(moving_on is not None)
        self.big.setVisible(moving_on is None)
        if moving_on is not None:
            set_text(self.moving, moving_on)
        self.big.setText(words.clock_time(remaining))
        self.big.setAccessibleName(self.tr("Rest time left {time}").format(time=self.big.text()))
        set_text(
            self.title,
            self.tr("Rest is over. Ready when you are.") if over else self.tr("Rest and breathe"),
        )
        set_text(self.primary, self.tr("Continue") if over else self.tr("Skip rest"))
        describe(self.primary, self._primary_words(session, over))

    def _primary_words(self, session: Session, over: bool) -> str:
        """Said with the main action (see `alshome.ui.spoken`): the rest, its length and
        what comes next on arrival; only that it is over when it is."""
        coming = self.coming.text() if session.next_step is not None else ""
        if over:
            return sentences(self.title.text(), coming)
        return sentences(
            self.title.text(),
            self.longer.text() if session.longer_rest else "",
            self.tr("Rest for {time}.").format(time=words.spoken_time(session.rest_seconds)),
            coming,
            self.tr("Press T to hear the time left."),
        )
