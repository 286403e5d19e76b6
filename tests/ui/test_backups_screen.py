"""Backups from the settings: the list, a backup made by hand, and one put back (asked first)."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

import pytest

from alshome.domain.clock import ManualClock
from alshome.domain.session import Phase, Session
from alshome.operations.backups import BackupsOfHistory
from alshome.operations.history import History
from alshome.platform.paths import sqlite_url
from alshome.storage.backups import backups_folder, list_backups, take_backup
from alshome.ui.main_window import MainWindow
from alshome.ui.pages import Page
from alshome.ui.session_controller import SessionController
from alshome.ui.window_services import WindowServices


def one_session(history: History) -> None:
    start = history.open()
    clock = ManualClock(datetime(2026, 3, 2, 9, 30, tzinfo=UTC))
    session = Session(start.program, clock, history.recorder())
    while session.phase is not Phase.SUMMARY:
        session.end_rest() if session.phase is Phase.REST else session.skip_set()


@pytest.fixture
def app_rig(qtbot, tmp_path):
    database = tmp_path / "data" / "alshome.sqlite3"
    history = History(sqlite_url(database), None)
    one_session(history)
    take_backup(database, backups_folder(database), "automatic", datetime.now(UTC))
    one_session(history)
    clock = ManualClock()
    controller = SessionController(clock, history.recorder)
    window = MainWindow(
        history.open().program,
        controller,
        history,
        clock,
        services=WindowServices(
            records=history.safety_records,
            history_backups=partial(BackupsOfHistory, history, database),
        ),
    )
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    yield window, history, database
    history.close()


def test_the_settings_lead_to_the_backups_newest_first(app_rig):
    window, _history, _database = app_rig
    window.open_settings()
    window.screens[Page.SETTINGS].backups.click()
    screen = window.screens[Page.BACKUPS]
    assert window.current is screen
    assert len(screen.choices) == 1
    assert "made by alshome" in screen.choices[0].toggle.text()
    assert not screen.put_back.isEnabled(), "nothing chosen yet"
    screen.take.click()
    assert screen.message.text() == "A backup was made."
    assert [c.backup.reason for c in screen.choices] == ["manual", "automatic"]


def test_putting_a_backup_back_asks_first_and_keeps_todays(app_rig):
    window, history, database = app_rig
    window.open_backups()
    screen = window.screens[Page.BACKUPS]
    screen.choices[0].toggle.click()
    screen.put_back.click()
    assert screen.pages.currentWidget() is screen.asking
    assert window.focusWidget() is screen.no
    screen.no.click()
    assert len(history.safety_records().sessions()) == 2, "no changes nothing"
    screen.put_back.click()
    screen.yes.click()
    assert screen.message.text().startswith("The history from")
    assert len(history.safety_records().sessions()) == 1
    reasons = [b.reason for b in list_backups(backups_folder(database))]
    assert "before-restore" in reasons, "today's history was kept first"


def test_a_damaged_backup_is_refused_in_one_sentence_and_nothing_changes(app_rig):
    window, history, _database = app_rig
    window.open_backups()
    screen = window.screens[Page.BACKUPS]
    broken = screen.choices[0].backup.path
    broken.write_bytes(b"not a database")
    screen.choices[0].toggle.click()
    screen.put_back.click()
    screen.yes.click()
    assert "not an alshome backup" in screen.message.text()
    assert len(history.safety_records().sessions()) == 2
