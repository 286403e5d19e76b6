"""When the saved history is found damaged on opening: restore a backup, or start afresh.

The damaged file has already been set aside under a new name (never deleted, see
`alshome.storage.health`). The person is told so in plain words and offered the newest
backup that verifies, as Firefox does with its places database; without one, a fresh
start beside the damaged file. Either choice leaves the damaged file where it was kept.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from alshome.operations.backups import newest_good_backup, restore_backup
from alshome.storage.backups import BackupError
from alshome.storage.health import DamagedDatabaseError
from alshome.ui import words
from alshome.ui.failure_text import explain


def _tr(text: str) -> str:
    return QCoreApplication.translate("DamagedHistory", text)


def offer_recovery(error: DamagedDatabaseError, database: Path, parent: QWidget | None) -> bool:
    """Ask, then restore the chosen backup or leave the place empty for a fresh start.

    True when the history can be opened again; False when the person chose to close.
    """
    backup = newest_good_backup(database)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("alshome")
    box.setText(explain(error))
    restore_button = None
    if backup is not None:
        when = words.moment_text(backup.taken_at)
        box.setInformativeText(_tr("The newest good backup is from {when}.").format(when=when))
        restore_button = box.addButton(
            _tr("Restore that backup"), QMessageBox.ButtonRole.AcceptRole
        )
    else:
        box.setInformativeText(_tr("There is no backup to restore."))
    fresh = box.addButton(_tr("Start afresh"), QMessageBox.ButtonRole.DestructiveRole)
    close = box.addButton(_tr("Close alshome"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore_button or fresh)
    box.setEscapeButton(close)
    box.exec()
    chosen = box.clickedButton()
    if chosen is close:
        return False
    if chosen is restore_button:
        try:
            restore_backup(backup.path, database, None)
        except (BackupError, OSError) as failure:
            QMessageBox.critical(parent, "alshome", explain(failure))
            return False
    return True
