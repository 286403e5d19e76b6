"""The buttons that several session screens share, so each is worded and named once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton

from alshome.domain.fatigue import Symptom
from alshome.ui import words
from alshome.ui.session_controller import SessionController
from alshome.ui.widgets import FitLabel, button


def pause_button(controller: SessionController) -> QPushButton:
    return button(
        QCoreApplication.translate("SessionButtons", "Pause"),
        controller.pause,
        description=QCoreApplication.translate("SessionButtons", "Esc also pauses."),
    )


def tired_stop_button(controller: SessionController) -> QPushButton:
    """ "I'm tired - stop": asks "Stop now?" first, so a stray press costs nothing."""
    return button(
        QCoreApplication.translate("SessionButtons", "I'm tired – stop"),
        controller.request_stop,
        role="stop",
        description=QCoreApplication.translate(
            "SessionButtons", "Ends the session. Everything you did is saved."
        ),
    )


def symptom_buttons(controller: SessionController) -> list[QPushButton]:
    """One button per symptom; any of them ends the session on the stop-safely screen."""
    return [
        button(
            words.symptom(value),
            lambda v=value: controller.report_symptom({v}),
            role="stop",
            description=QCoreApplication.translate(
                "SessionButtons", "Stops the session and shows what to do next."
            ),
        )
        for value in Symptom
    ]


def symptom_prompt() -> QLabel:
    """The words above the symptom buttons, the same wherever they appear."""
    return FitLabel(
        QCoreApplication.translate("SessionButtons", "Something wrong? Choose it to stop safely:"),
        "body",
        floor=28,
        grow=False,
    )
