"""Auto-advance's grace period as the set and rest screens show it (WCAG 2.2.1).

Only someone who switched auto-advance on ever sees it: when a hold or rest has ended,
the screen says how long until it moves on by itself, and a large Wait button makes the
app wait for them instead, for the rest of that hold or rest.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from alshome.domain.session import Session
from alshome.ui.session_controller import SessionController
from alshome.ui.widgets import button


def wait_button(controller: SessionController) -> QPushButton:
    return button(
        QCoreApplication.translate("MovingOn", "Wait"),
        controller.cancel_auto_advance,
        role="large",
        description=QCoreApplication.translate(
            "MovingOn", "Stays on this screen until you are ready to go on."
        ),
    )


def moving_on_text(session: Session) -> str | None:
    """ "Moving on in 37 s" while auto-advance counts down its grace period, else None."""
    seconds = session.moving_on_in()
    if seconds is None:
        return None
    return QCoreApplication.translate("MovingOn", "Moving on in {n} s").format(n=math.ceil(seconds))
