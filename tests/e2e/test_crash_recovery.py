"""Kill -9 a real app mid-session, start again: the saved sets are there once each, and the
app offers to carry on at the next set (Enter does), saving into the same session."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from alshome.domain.clock import SystemClock
from alshome.domain.session import Phase, SessionStatus
from alshome.operations.history import History
from alshome.platform.paths import resolve_locations
from alshome.ui.main_window import MainWindow
from alshome.ui.pages import Page
from alshome.ui.session_controller import SessionController
from alshome.ui.window_services import WindowServices

SCRIPT = Path(__file__).with_name("kill_mid_session.py")
SETS = 3


def test_a_killed_session_is_offered_again_and_carries_on(tmp_path, qtbot):
    data = tmp_path / "data"
    killed = subprocess.run(
        [sys.executable, str(SCRIPT), str(data), str(SETS)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parents[2],
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert killed.stdout.strip() == "saved"

    history = History(resolve_locations(str(data)).database_url, None)
    start = history.open()
    [unfinished] = history.safety_records().sessions()
    assert unfinished.status is SessionStatus.IN_PROGRESS
    assert [s.position for s in unfinished.sets] == list(range(SETS))

    clock = SystemClock()
    controller = SessionController(clock, history.recorder)
    window = MainWindow(
        start.program,
        controller,
        history,
        clock,
        services=WindowServices(records=history.safety_records),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.history_opened()
    assert window.current is window.screens[Page.UNFINISHED]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert controller.session.index == SETS
    assert controller.phase in (Phase.READY, Phase.LIFT_CHECK)
    controller.stop_tired()
    [finished] = history.safety_records().sessions()
    assert finished.status is SessionStatus.STOPPED_TIRED
    assert [s.position for s in finished.sets] == list(range(SETS)), "each set once"
    history.close()
