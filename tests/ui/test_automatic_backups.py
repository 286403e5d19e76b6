"""Automatic backups: taken after a change when the newest is 30 minutes old, never while a
set is timed, and verified like every backup."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta

import pytest

from alshome.domain.clock import ManualClock
from alshome.operations.backups import changed_since_last_backup
from alshome.platform.paths import sqlite_url
from alshome.storage.backups import backups_folder, list_backups, take_backup, verify
from alshome.storage.db import open_database
from alshome.ui.automatic_backups import AutomaticBackups
from alshome.ui.session_controller import SessionController
from tests.ui.conftest import demo_program


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "data" / "alshome.sqlite3"
    open_database(sqlite_url(path)).dispose()
    return path


@pytest.fixture
def controller(qtbot):
    return SessionController(ManualClock(), lambda: lambda event: None)


def age_backups(database, minutes: float) -> None:
    """Move every backup and the history's files `minutes` back, as if time had passed."""
    for path in database.parent.glob(database.name + "*"):
        then = path.stat().st_mtime - minutes * 60
        os.utime(path, (then, then))
    for backup in list_backups(backups_folder(database)):
        stamp = backup.taken_at - timedelta(minutes=minutes)
        name = backup.path.name.replace(
            backup.taken_at.strftime("%Y-%m-%dT%H-%M-%SZ"), stamp.strftime("%Y-%m-%dT%H-%M-%SZ")
        )
        backup.path.rename(backup.path.with_name(name))


def touch(database) -> None:
    later = time.time() + 2
    os.utime(database, (later, later))


def test_a_first_backup_is_taken_and_verifies(database, controller, qtbot):
    backups = AutomaticBackups(database, controller, controller)
    backups.check()
    [taken] = backups.taken
    assert verify(taken)
    assert taken.stat().st_mode & 0o777 == 0o600


def test_nothing_new_means_no_new_backup(database, controller):
    backups = AutomaticBackups(database, controller, controller)
    backups.check()
    age_backups(database, 45)
    assert not changed_since_last_backup(database)
    backups.check()
    assert len(list_backups(backups_folder(database))) == 1


def test_a_change_is_backed_up_only_once_the_newest_is_30_minutes_old(database, controller):
    backups = AutomaticBackups(database, controller, controller)
    backups.check()
    touch(database)
    assert changed_since_last_backup(database)
    backups.check()
    assert len(list_backups(backups_folder(database))) == 1, "the newest is only seconds old"
    age_backups(database, 31)
    touch(database)
    backups.check()
    assert len(list_backups(backups_folder(database))) == 2


def test_never_while_a_set_is_timed(database, controller):
    controller.start(demo_program())
    controller.start_set()
    backups = AutomaticBackups(database, controller, controller)
    backups.check()
    assert backups.taken == []


def test_the_end_of_a_session_takes_one_when_due(database, controller):
    take_backup(database, backups_folder(database), "manual", datetime.now(UTC))
    age_backups(database, 40)
    touch(database)
    backups = AutomaticBackups(database, controller, controller)
    controller.start(demo_program())
    controller.stop_tired()
    assert len(backups.taken) == 1
