"""Backups as both front ends use them: taken now, taken when due, put back (the app's
history opened again afterwards), and the newest good one found after damage."""

from __future__ import annotations

from datetime import timedelta

import pytest

from alshome.domain.clock import SystemClock
from alshome.operations.backups import (
    BackupsOfHistory,
    back_up_if_due,
    backed_up_before_import,
    backups_of,
    newest_good_backup,
    restore_backup,
    take_now,
)
from alshome.operations.history import History
from alshome.platform.paths import sqlite_url
from alshome.programs.document import DocumentError
from alshome.storage.backups import Backup, BackupError
from tests.operations.conftest import record_session, session_count


def test_a_backup_taken_now_is_listed_newest_first(saved):
    first = take_now(saved, None)
    second = take_now(saved, None)
    assert [backup.path for backup in backups_of(saved)] == [second, first]
    assert {backup.reason for backup in backups_of(saved)} == {"manual"}
    assert session_count(second) == 1


def test_there_is_nothing_to_back_up_where_no_history_was_saved(database):
    with pytest.raises(DocumentError, match="no alshome history"):
        take_now(database, None)
    assert not database.parent.exists()


def test_a_restored_backup_puts_the_history_back_as_it_was(saved):
    backup = take_now(saved, None)
    history = History(sqlite_url(saved), None)
    record_session(history)
    history.close()
    assert session_count(saved) == 2
    replaced = restore_backup(backup, saved, None)
    assert session_count(saved) == 1
    assert replaced is not None and session_count(replaced) == 2, "what it replaced is kept"


def test_the_app_reopens_its_history_after_a_restore_and_shows_its_program(saved):
    backup = take_now(saved, None)
    history = History(sqlite_url(saved), None)
    record_session(history)
    shown = []
    backups = BackupsOfHistory(history, saved, shown.append)
    [chosen] = [b for b in backups.list() if b.path == backup]
    backups.restore(chosen)
    assert history.is_open
    assert len(history.safety_records().sessions()) == 1
    assert [program.name for program in shown] == [history.open().program.name]
    history.close()


def test_a_failed_restore_still_reopens_the_apps_history(saved, tmp_path):
    history = History(sqlite_url(saved), None)
    history.open()
    backups = BackupsOfHistory(history, saved, lambda program: None)
    not_a_backup = tmp_path / "alshome-2026-03-02T09-30-00Z-manual.sqlite3"
    not_a_backup.write_text("not a database")
    with pytest.raises(BackupError):
        backups.restore(Backup(not_a_backup, SystemClock().wall(), "manual", 14))
    assert history.is_open and len(history.safety_records().sessions()) == 1
    history.close()


def test_an_automatic_backup_is_taken_when_due_and_not_again_right_after(saved):
    now = SystemClock().wall()
    taken = back_up_if_due(saved, None, now)
    assert taken is not None and [b.path for b in backups_of(saved)] == [taken]
    assert back_up_if_due(saved, None, now + timedelta(minutes=1)) is None
    assert len(backups_of(saved)) == 1


def test_no_automatic_backup_of_a_history_not_saved(database):
    assert back_up_if_due(database, None, SystemClock().wall()) is None


def test_the_newest_good_backup_skips_a_damaged_one(saved):
    good = take_now(saved, None)
    damaged = take_now(saved, None)
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    assert newest_good_backup(saved).path == good


def test_the_backup_before_an_import_goes_when_the_import_is_refused(saved):
    with pytest.raises(DocumentError), backed_up_before_import(sqlite_url(saved), None):
        assert [b.reason for b in backups_of(saved)] == ["before-import"]
        raise DocumentError("refused")
    assert backups_of(saved) == []
