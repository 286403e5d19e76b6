"""When the disk refuses a set, the window warns, the session goes on, and saving catches up.

The history is a real database behind a repository that refuses to write sets while its
disk is "full", as SQLite does with SQLITE_FULL; the controller retries on its timer
(shortened here) and the warning goes once everything waiting is written.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from alshome.domain.clock import ManualClock
from alshome.domain.session import SessionStatus
from alshome.operations.startup import load_active_program
from alshome.platform.paths import sqlite_url
from alshome.storage.db import open_database
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository
from alshome.ui.main_window import MainWindow
from alshome.ui.session_controller import SAVE_RETRY_INTERVAL_MS, SessionController
from alshome.ui.window_services import WindowServices


class FullDisk(Repository):
    """Refuses `refusals` writes of a set, then writes them; -1 refuses until set to 0."""

    refusals = 0

    def record_set(self, session_id, record) -> None:
        if self.refusals:
            self.refusals -= 1
            raise OperationalError(
                "INSERT INTO sets", None, sqlite3.OperationalError("database or disk is full")
            )
        super().record_set(session_id, record)


class Rig:
    def __init__(self, qtbot, tmp_path, request) -> None:
        engine = open_database(sqlite_url(tmp_path / "alshome.sqlite3"))
        request.addfinalizer(engine.dispose)
        self.store = FullDisk(engine)
        program_id, self.program = load_active_program(self.store)
        self.recorders: list[SessionRecorder] = []

        def recorder() -> SessionRecorder:
            self.recorders.append(SessionRecorder(self.store, program_id))
            return self.recorders[-1]

        self.controller = SessionController(ManualClock(), recorder)
        self.window = MainWindow(
            self.program,
            self.controller,
            self.store,
            ManualClock(),
            services=WindowServices(records=lambda: self.store),
        )
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)

    @property
    def warned(self) -> bool:
        return self.window.warning.isVisibleTo(self.window)

    def saved_positions(self) -> list[int]:
        [stored] = self.store.sessions()
        return [stored_set.position for stored_set in stored.sets]


@pytest.fixture
def rig(qtbot, tmp_path, request) -> Rig:
    return Rig(qtbot, tmp_path, request)


def test_the_warning_shows_while_sets_wait_and_goes_once_the_retry_saves_them(qtbot, rig):
    rig.store.refusals = 2
    rig.controller.start(rig.program)
    assert not rig.warned

    with qtbot.waitSignal(rig.controller.save_failed, timeout=1000):
        rig.controller.skip_set()
    assert rig.warned
    assert rig.window.warning.text().startswith("Not saved yet")
    rig.controller.skip_set()  # first writes the one waiting: refused again, so both wait
    assert rig.recorders[0].pending == 2
    assert rig.controller.save_retry.interval() == SAVE_RETRY_INTERVAL_MS
    assert rig.controller.save_retry.isActive()

    rig.controller.save_retry.setInterval(10)
    with qtbot.waitSignal(rig.controller.save_resumed, timeout=2000):
        pass

    assert not rig.warned
    assert not rig.controller.save_retry.isActive()
    assert not rig.controller.unsaved
    assert rig.saved_positions() == [0, 1]
    rig.controller.skip_set()
    assert rig.saved_positions() == [0, 1, 2]


def test_closing_the_summary_keeps_retrying_until_the_session_is_saved(qtbot, rig):
    rig.store.refusals = -1
    rig.controller.start(rig.program)
    rig.controller.skip_set()
    rig.controller.stop_tired()
    rig.controller.close()

    assert rig.controller.unsaved
    assert rig.controller.save_retry.isActive()
    rig.controller.retry_saving()
    assert rig.controller.unsaved
    assert rig.warned

    rig.store.refusals = 0
    rig.controller.save_retry.setInterval(10)
    with qtbot.waitSignal(rig.controller.save_resumed, timeout=2000):
        pass

    assert not rig.warned
    assert not rig.controller.unsaved
    [stored] = rig.store.sessions()
    assert stored.status is SessionStatus.STOPPED_TIRED
    assert [stored_set.position for stored_set in stored.sets] == [0]
