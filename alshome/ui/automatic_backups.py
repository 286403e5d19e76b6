"""Automatic backups in Anki's rhythm: after changes, at most every 30 minutes, thinned out.

The history is looked at every few minutes, when a session ends and when the app closes;
a verified backup is taken when it changed since the newest backup and that one is 30
minutes old (see `alshome.storage.backups.due`), then old ones are thinned out. A backup
is never taken while a set is being timed, so the countdown never stutters; and a backup
that fails is simply tried again next time: it must never get in the way of a session.
An encrypted history is copied with its passphrase, asked of the app at each backup
(the person may set or remove it while alshome runs), so its backups stay encrypted.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from alshome.domain.session import Phase
from alshome.storage.backups import (
    BackupError,
    backups_folder,
    due,
    list_backups,
    prune,
    take_backup,
)
from alshome.storage.health import SQLITE_SIDE_FILES
from alshome.ui.session_controller import SessionController

CHECK_MS = 5 * 60 * 1000
STAMP_RESOLUTION = timedelta(seconds=1)
TIMED = (Phase.LEAD_IN, Phase.RUNNING)


def changed_since_last_backup(database: Path) -> bool:
    """Whether the database or its -wal was written after the newest backup was taken."""
    backups = list_backups(backups_folder(database))
    files = [database, *(database.with_name(database.name + end) for end in SQLITE_SIDE_FILES)]
    written = [path.stat().st_mtime for path in files[:2] if path.exists()]
    if not written:
        return False
    if not backups:
        return True
    # A backup's name keeps whole seconds: a write in that same second came before it.
    return datetime.fromtimestamp(max(written), UTC) >= backups[0].taken_at + STAMP_RESOLUTION


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
        if self.controller.phase in TIMED or not self.database.exists():
            return
        now = datetime.now().astimezone()
        folder = backups_folder(self.database)
        with contextlib.suppress(BackupError, OSError):
            if due(folder, now, changed_since_last_backup(self.database)):
                backup = take_backup(self.database, folder, "automatic", now, self.passphrase())
                self.taken.append(backup)
                prune(folder, now)
