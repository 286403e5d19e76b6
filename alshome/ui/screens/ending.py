"""How a session ends: the calm stop-safely screen after a symptom, and the summary."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout

from alshome.domain.session import Session, SessionStatus
from alshome.ui import words
from alshome.ui.screens.base import Screen
from alshome.ui.session_controller import SessionController
from alshome.ui.spoken import describe, sentences
from alshome.ui.widgets import FitLabel, button, label, panel


class StopSafelyScreen(Screen):
    def __init__(self, controller: SessionController) -> None:
        super().__init__(self.tr("Stop and rest"))
        self.title = label(self.tr("Stop and rest now"), "title")
        self.layout_.addWidget(self.title)
        self.reported = FitLabel("", "headline", floor=30, grow=False)
        self.layout_.addWidget(self.reported)
        self.advice = FitLabel(
            self.tr(
                "Sit or lie down in a comfortable position and breathe slowly. "
                "Let someone near you know how you feel. Your session is saved."
            ),
            "body",
            floor=26,
        )
        self.layout_.addWidget(self.advice)
        box = panel()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(28, 20, 28, 20)
        self.if_worried = FitLabel(
            self.tr("If it does not ease, or you are worried, contact your therapist:"),
            "body",
            floor=26,
            grow=False,
        )
        inner.addWidget(self.if_worried)
        self.contact = FitLabel("", "headline", floor=32)
        inner.addWidget(self.contact)
        self.layout_.addWidget(box)
        self.emergency = FitLabel(
            self.tr("If you feel very unwell, call your local emergency number."),
            "body",
            floor=26,
            grow=False,
        )
        self.layout_.addWidget(self.emergency)
        self.layout_.addStretch(1)
        self.primary = button(self.tr("Continue"), controller.acknowledge_stop, role="primary")
        self.layout_.addWidget(self.primary)

    def render(self, session: Session | None) -> None:
        if session is None:
            return
        named = ", ".join(words.symptom(value) for value in sorted(session.stop_symptoms))
        self.reported.setText(self.tr("You told us: {symptoms}.").format(symptoms=named.lower()))
        therapist = session.program.therapist
        known = "\n".join(part for part in (therapist.name, therapist.contact) if part)
        self.contact.setText(
            known or self.tr("Ask your therapist to add their contact details to your program.")
        )
        # The whole screen, said with its one button (see `alshome.ui.spoken`).
        describe(
            self.primary,
            sentences(
                *(
                    widget.text()
                    for widget in (
                        self.title,
                        self.reported,
                        self.advice,
                        self.if_worried,
                        self.contact,
                        self.emergency,
                    )
                )
            ),
        )


class SummaryScreen(Screen):
    def __init__(self, on_finish: Callable[[], None]) -> None:
        super().__init__(self.tr("Summary"))
        self.title = label("", "title")
        self.outcome = label("", "headline")
        self.details = FitLabel("", "body", floor=26)
        self.saved = FitLabel(self.tr("Everything is saved."), "body", floor=26, grow=False)
        for widget in (self.title, self.outcome, self.details, self.saved):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.primary = button(self.tr("Finish"), on_finish, role="primary")
        self.layout_.addWidget(self.primary)

    def render(self, session: Session | None) -> None:
        if session is None:
            return
        summary = session.summary()
        completed = summary.status is SessionStatus.COMPLETED
        self.title.setText(
            self.tr("Good work today")
            if completed
            else self.tr("Well done for listening to your body")
        )
        self.outcome.setText(
            self.tr("Session {status}.").format(status=words.status(summary.status))
        )
        lines = [
            self.tr("Sets done: {done} of {planned}.").format(
                done=summary.sets_done, planned=len(session.steps)
            ),
            self.tr("Time: {duration}.").format(
                duration=words.duration((summary.ended_at - summary.started_at).total_seconds())
            ),
        ]
        if summary.highest_fatigue is not None:
            lines.append(
                self.tr("Highest tiredness: {rating} of 10 ({word}).").format(
                    rating=summary.highest_fatigue,
                    word=words.fatigue_anchor(summary.highest_fatigue).lower(),
                )
            )
        self.details.setText("\n".join(lines))
        # The whole summary, said with its one button (see `alshome.ui.spoken`).
        describe(
            self.primary,
            sentences(
                *(widget.text() for widget in (self.title, self.outcome, self.details, self.saved))
            ),
        )
