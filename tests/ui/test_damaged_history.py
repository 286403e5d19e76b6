"""Opening a damaged history in the app: the newest good backup is offered, or a fresh start;
the damaged file stays where it was kept either way."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from alshome.app import _open_or_tell
from alshome.domain.clock import ManualClock
from alshome.domain.session import Phase, Session
from alshome.operations.history import History
from alshome.operations.startup import load_active_program
from alshome.platform.paths import sqlite_url
from alshome.storage.backups import backups_folder, take_backup
from alshome.storage.db import open_database
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository


def answer(label: str) -> list[str]:
    """Press the button called `label` in the next message box; returns what it said."""
    said: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        said.append(box.text())
        said.append(box.informativeText())
        [button] = [b for b in box.buttons() if b.text() == label]
        button.click()

    QTimer.singleShot(0, press)
    return said


def record_sessions(engine, count: int) -> None:
    """`count` whole sessions, every set skipped: enough history to miss."""
    repository = Repository(engine)
    program_id, program = load_active_program(repository)
    clock = ManualClock(datetime(2026, 3, 2, 9, 30, tzinfo=UTC))
    for _ in range(count):
        session = Session(program, clock, SessionRecorder(repository, program_id))
        while session.phase is not Phase.SUMMARY:
            session.end_rest() if session.phase is Phase.REST else session.skip_set()


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "data" / "alshome.sqlite3"
    engine = open_database(sqlite_url(path))
    record_sessions(engine, 2)
    engine.dispose()
    return path


def damage(path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))


def sessions_in(path) -> int:
    engine = open_database(sqlite_url(path))
    try:
        return len(Repository(engine).sessions())
    finally:
        engine.dispose()


def kept_files(path) -> list:
    """The damaged databases set aside (each may have its -wal and -shm beside it)."""
    found = path.parent.glob("alshome.sqlite3.damaged-*")
    return sorted(p.name for p in found if not p.name.endswith(("-wal", "-shm")))


def test_the_newest_good_backup_is_restored_on_request(qtbot, database):
    take_backup(database, backups_folder(database), "automatic", datetime.now(UTC))
    damage(database)
    history = History(sqlite_url(database), None)
    said = answer("Restore that backup")
    assert _open_or_tell(history, None)
    assert "damaged" in said[0] and "Nothing was deleted" in said[0]
    assert "newest good backup" in said[1]
    assert history.is_open
    assert len(history.safety_records().sessions()) == 2
    assert len(kept_files(database)) == 1


def test_without_a_backup_a_fresh_start_keeps_the_damaged_file(qtbot, database):
    damage(database)
    history = History(sqlite_url(database), None)
    said = answer("Start afresh")
    assert _open_or_tell(history, None)
    assert "no backup" in said[1]
    assert history.safety_records().sessions() == []
    assert len(kept_files(database)) == 1


def test_close_leaves_everything_as_it_is(qtbot, database):
    damage(database)
    history = History(sqlite_url(database), None)
    answer("Close alshome")
    assert not _open_or_tell(history, None)
    assert not history.is_open
    assert not database.exists(), "the damaged file was moved aside, not replaced"
    assert len(kept_files(database)) == 1
