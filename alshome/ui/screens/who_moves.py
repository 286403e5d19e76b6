"""Who does a range-of-motion set today: the patient alone, with help, or the helper.

The same exercise may be done alone on a good day and with a helper's hands on a hard
one; what was actually done is what the history and the therapist need, so the set
screen asks, with the program's choice already ticked. It changes no dose.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from alshome.domain.program import Mover
from alshome.domain.session import Phase, Session
from alshome.ui.screens.base import row
from alshome.ui.session_controller import SessionController
from alshome.ui.widgets import ticked, toggle


def mover_text(mover: Mover) -> str:
    return {
        Mover.PATIENT: QCoreApplication.translate("WhoMoves", "You alone"),
        Mover.ASSISTED: QCoreApplication.translate("WhoMoves", "With help"),
        Mover.CAREGIVER: QCoreApplication.translate("WhoMoves", "Your helper moves it"),
    }[mover]


class WhoMoves(QWidget):
    """Three large toggles, one ticked; shown only where the session lets it change.

    The words on them say what they ask, so the row needs no heading of its own (which
    keeps the set screen within 1280x720 at 200 % text); a screen reader hears "Who
    moves" with each.
    """

    def __init__(self, controller: SessionController) -> None:
        super().__init__()
        self.choices = {
            mover: toggle(
                mover_text(mover),
                lambda mover=mover: controller.choose_mover(mover),
                self.tr("Who moves: {who}").format(who=mover_text(mover)),
            )
            for mover in Mover
        }
        self.setLayout(row(*self.choices.values()))

    def show_for(self, session: Session) -> None:
        """Asked while getting ready for the set, where the choice is made."""
        self.setVisible(session.mover_choosable and session.phase is Phase.READY)
        for mover, widget in self.choices.items():
            chosen = mover is session.mover
            widget.setChecked(chosen)
            widget.setText(ticked(mover_text(mover), chosen))
