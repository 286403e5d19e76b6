"""`alshome backup` and `alshome restore`: a verified copy now, and a copy put back."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path
from typing import TYPE_CHECKING

from alshome.cli.passphrase import asked_passphrase
from alshome.platform.paths import Locations

if TYPE_CHECKING:
    from alshome.storage.backups import Backup


def back_up(locations: Locations, options: Namespace) -> str:
    from alshome.operations.backups import take_now
    from alshome.operations.history import history_file

    database = history_file(locations.database_url, "backup")
    return f"Saved a backup to {take_now(database, asked_passphrase(locations))}."


def restore_backup(locations: Locations, options: Namespace) -> str:
    """With no BACKUP, the numbered list to choose from; with one, the history put back."""
    from alshome.operations.backups import backups_of, restore_backup
    from alshome.operations.history import history_file
    from alshome.storage.backups import backups_folder

    database = history_file(locations.database_url, "restore")
    backups = backups_of(database)
    if options.backup is None:
        if not backups:
            return f"There are no backups in {backups_folder(database)}."
        return "\n".join(
            f"{number:>3}. {backup.taken_at.astimezone():%Y-%m-%d %H:%M}  "
            f"{backup.reason:<16}  {_size(backup.size):>8}  {backup.path.name}"
            for number, backup in enumerate(backups, start=1)
        )
    chosen = _chosen_backup(options.backup, backups)
    replaced = restore_backup(chosen, database, asked_passphrase(locations))
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
