"""Builds the running app: Qt application, storage, the active program, the window."""

from __future__ import annotations

import sys

from alshome.paths import Locations


def run_gui(locations: Locations, qt_args: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from alshome.domain.clock import SystemClock
    from alshome.operations import load_active_program
    from alshome.programs.document import DocumentError
    from alshome.storage.db import open_database
    from alshome.storage.migrate import NewerDatabaseError
    from alshome.storage.recorder import SessionRecorder
    from alshome.storage.repository import Repository
    from alshome.ui.main_window import MainWindow
    from alshome.ui.session_controller import SessionController
    from alshome.ui.theme import style_sheet

    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("alshome")
    app.setDesktopFileName("alshome")
    app.setStyleSheet(style_sheet())
    try:
        repository = Repository(open_database(locations.database_url))
        program_id, program = load_active_program(repository)
    except (NewerDatabaseError, DocumentError) as exc:
        print(exc, file=sys.stderr)
        QMessageBox.critical(None, "alshome", str(exc))
        return 1
    clock = SystemClock()
    controller = SessionController(clock, lambda: SessionRecorder(repository, program_id))
    window = MainWindow(program, controller, repository.last_session, clock)
    window.show()
    return app.exec()
