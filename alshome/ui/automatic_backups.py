"""Automatic backups in Anki's rhythm: after changes, at most every 30 minutes, thinned out.

The history is looked at every few minutes, when a session ends and when the app closes;
a verified backup is taken when it changed since the newest backup and that one is 30
minutes old, then old ones are thinned out (`alshome.operations.backups.back_up_if_due`).
A backup is never taken while a set is being timed, so the countdown never stutters; and
a backup that fails is simply tried again next time: it must never get in the way of a
session.
An encrypted history is copied with its passphrase, asked of the app at each backup
(the person may set or remove it while alshome runs), so its backups stay encrypted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from alshome.domain.session import Phase
from alshome.operations.backups import back_up_if_due
from alshome.ui.session_controller import SessionController

CHECK_MS = 5 * 60 * 1000
TIMED = (Phase.LEAD_IN, Phase.RUNNING)


class AutomaticBackups(QObject):
    """Backs up `database` when due; `check()` may be called at any time.

    `passphrase()` gives the history's passphrase, None while it has none.
    """

    def __init__(
        self,
        database: Path,
        controller: SessionController,
        parent: QObject,
        passphrase: Callable[[], str | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.passphrase = passphrase
        self.controller = controller
        self.taken: list[Path] = []
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        controller.changed.connect(self._after_change)

    def _after_change(self) -> None:
        if self.controller.phase in (Phase.SUMMARY, Phase.STOP_SAFELY):
            self.check()

    def check(self) -> None:
        if self.controller.phase in TIMED:
            return
        backup = back_up_if_due(self.database, self.passphrase(), datetime.now().astimezone())
        if backup is not None:
            self.taken.append(backup)
