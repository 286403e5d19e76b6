"""Paused, and the "stop now?" question: time stands still on both.

The stop question puts its two answers far apart, so a shaky press cannot hit the wrong
one; Enter confirms stopping, as the keyboard contract promises.
"""

from __future__ import annotations

from alshome.ui.screens.base import Screen, row
from alshome.ui.screens.session_buttons import symptom_buttons, symptom_prompt, tired_stop_button
from alshome.ui.session_controller import SessionController
from alshome.ui.spoken import sentences
from alshome.ui.widgets import button, label


class PausedScreen(Screen):
    def __init__(self, controller: SessionController) -> None:
        super().__init__(self.tr("Paused"))
        title = label(self.tr("Paused"), "title")
        body = label(self.tr("Take all the time you need. Everything so far is saved."), "body")
        self.layout_.addWidget(title)
        self.layout_.addWidget(body)
        self.primary = button(self.tr("Resume"), controller.resume, role="primary")
        # The screen, said with the focused button (see `alshome.ui.spoken`).
        self.primary.setAccessibleDescription(sentences(title.text(), body.text()))
        self.stop = tired_stop_button(controller)
        self.symptoms = symptom_buttons(controller)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.primary)
        self.layout_.addLayout(row(self.stop))
        self.layout_.addStretch(1)
        self.layout_.addWidget(symptom_prompt())
        self.layout_.addLayout(row(*self.symptoms))


class ConfirmStopScreen(Screen):
    def __init__(self, controller: SessionController) -> None:
        super().__init__(self.tr("Stop now?"))
        title = label(self.tr("Stop now?"), "title")
        body = label(
            self.tr("Everything you have done is saved. Stopping when tired is the right choice."),
            "body",
        )
        self.layout_.addWidget(title)
        self.layout_.addWidget(body)
        self.primary = button(self.tr("Yes, stop"), controller.stop_tired, role="primary")
        # The question, said with the focused answer (see `alshome.ui.spoken`).
        self.primary.setAccessibleDescription(sentences(title.text(), body.text()))
        self.back = button(self.tr("No, go back"), controller.cancel_stop, role="large")
        self.layout_.addStretch(1)
        self.layout_.addLayout(row(self.primary, self.back, stretch_between=True))
        self.layout_.addStretch(1)
