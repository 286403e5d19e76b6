"""A real app session killed mid-way, for the crash-recovery test.

    python kill_mid_session.py DATA_DIR SETS

Builds the app as `alshome.app.run_gui` does (the real History, recorder, controller and
window, offscreen), completes the first-run pages, does SETS sets, prints "saved" once
their commits returned, then kills its own process with SIGKILL: no handler, no cleanup,
as a crash or a power cut would leave it.
"""

from __future__ import annotations

import os
import signal
import sys

from alshome.ui.window_services import WindowServices

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from alshome.domain.clock import SystemClock
from alshome.domain.safety import Profile
from alshome.domain.session import Phase
from alshome.operations.history import History
from alshome.platform.paths import resolve_locations
from alshome.ui.main_window import MainWindow
from alshome.ui.session_controller import SessionController


def main(data_dir: str, sets: int) -> None:
    app = QApplication(sys.argv[:1])
    locations = resolve_locations(data_dir)
    history = History(locations.database_url, None)
    start = history.open()
    clock = SystemClock()
    history.safety_records().save_profile(Profile("", "555 0100", "", clock.wall()))
    controller = SessionController(clock, history.recorder)
    window = MainWindow(
        start.program,
        controller,
        history,
        clock,
        services=WindowServices(records=history.safety_records),
    )
    window.show()
    app.processEvents()
    window.start_session()  # the first session: no carry-over question
    for _ in range(sets):
        controller.skip_set()
        if controller.phase is Phase.REST:
            controller.end_rest()
    print("saved", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
