"""`alshome backup` and `alshome restore`: a verified copy now, and a copy put back."""

from __future__ import annotations

from argparse import Namespace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from alshome.cli.history_file import ONLY_A_FILE, database_file, passphrase
from alshome.platform.paths import Locations

if TYPE_CHECKING:
    from alshome.storage.backups import Backup


def back_up(locations: Locations, options: Namespace) -> str:
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError
    from alshome.storage.backups import backups_folder, take_backup

    database = database_file(locations, ONLY_A_FILE["backup"])
    if not database.is_file():
        raise DocumentError(
            QT_TRANSLATE_NOOP("Errors", "There is no alshome history in {folder} to back up."),
            folder=database.parent,
        )
    folder = backups_folder(database)
    backup = take_backup(database, folder, "manual", datetime.now(), passphrase(locations))
    return f"Saved a backup to {backup}."


def restore_backup(locations: Locations, options: Namespace) -> str:
    """With no BACKUP, the numbered list to choose from; with one, the history put back."""
    from alshome.storage.backups import backups_folder, list_backups, restore

    database = database_file(locations, ONLY_A_FILE["restore"])
    folder = backups_folder(database)
    backups = list_backups(folder)
    if options.backup is None:
        if not backups:
            return f"There are no backups in {folder}."
        return "\n".join(
            f"{number:>3}. {backup.taken_at.astimezone():%Y-%m-%d %H:%M}  "
            f"{backup.reason:<16}  {_size(backup.size):>8}  {backup.path.name}"
            for number, backup in enumerate(backups, start=1)
        )
    chosen = _chosen_backup(options.backup, backups)
    replaced = restore(chosen, database, folder, datetime.now(), passphrase(locations))
    if replaced is None:
        return f"Restored the history from {chosen}."
    return f"Restored the history from {chosen}; the history it replaced is saved in {replaced}."


def _chosen_backup(choice: str, backups: list[Backup]) -> Path:
    """A number from the list (1 is the newest), or else a path to a backup file."""
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError

    if not choice.isdecimal():
        return Path(choice)
    if not 1 <= int(choice) <= len(backups):
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors", "There is no backup number {number}; `alshome restore` lists the backups."
            ),
            number=choice,
        )
    return backups[int(choice) - 1].path


def _size(size: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if size < 1000:
            return f"{size} {unit}"
        size //= 1000
    return f"{size} GB"
