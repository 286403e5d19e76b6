"""Rest between sets: a countdown that can be skipped, and what comes next.

When the rest is over the app waits for the patient ("Continue") unless auto-advance is
switched on; nobody is hurried.
"""

from __future__ import annotations

from alshome.domain.session import Session
from alshome.ui import words
from alshome.ui.screens.base import Screen, row
from alshome.ui.screens.session_buttons import pause_button, tired_stop_button
from alshome.ui.session_controller import SessionController
from alshome.ui.widgets import button, label, set_text


class RestScreen(Screen):
    def __init__(self, controller: SessionController) -> None:
        super().__init__(self.tr("Rest"))
        self.title = label(self.tr("Rest and breathe"), "title")
        self.longer = label(
            self.tr("Your rest is longer this time, because you felt very tired."), "body"
        )
        self.big = label("", "countdown", wrap=False, center=True)
        self.coming = label("", "body", center=True)
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
        self.big.setText(words.clock_time(remaining))
        self.big.setAccessibleName(self.tr("Rest time left {time}").format(time=self.big.text()))
        set_text(
            self.title,
            self.tr("Rest is over. Ready when you are.") if over else self.tr("Rest and breathe"),
        )
        set_text(self.primary, self.tr("Continue") if over else self.tr("Skip rest"))
