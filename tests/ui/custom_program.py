"""A window on a real history whose active program holds the therapist's own exercise,
with its picture and video saved in the database, as an imported bundle leaves it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from alshome.domain.clock import ManualClock
from alshome.domain.program import Program
from alshome.domain.safety import Profile
from alshome.operations.startup import load_active_program
from alshome.platform.paths import sqlite_url
from alshome.programs.transfer import CheckedProgram, check_program, import_program
from alshome.storage.db import open_database
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository
from alshome.ui.main_window import MainWindow
from alshome.ui.session_controller import SessionController
from alshome.ui.theme import style_sheet
from alshome.ui.window_services import WindowServices
from tests.programs.bundles import custom_document, putty_media


@dataclass
class CustomRig:
    window: MainWindow
    controller: SessionController
    repository: Repository
    clock: ManualClock
    qtbot: object

    def key(self, key: Qt.Key) -> None:
        self.qtbot.keyClick(self.window.focusWidget() or self.window, key)

    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.controller.tick()

    @property
    def phase(self):
        return self.controller.phase


class RepositoryFiles:
    """The editor's saves, made the active program of the history as the app makes them."""

    def __init__(self, repository: Repository) -> None:
        self.repository = repository

    def check(self, path):
        raise AssertionError("the editor reads no file")

    def use(self, checked: CheckedProgram) -> Program:
        import_program(checked, self.repository)
        return checked.program


def save_custom_program(
    repository: Repository, document: dict | None = None, media: Mapping[str, bytes] | None = None
) -> None:
    checked = check_program(document or custom_document())
    with_media = CheckedProgram(
        checked.document, checked.program, putty_media() if media is None else media
    )
    import_program(with_media, repository)


def custom_rig(
    qtbot,
    tmp_path,
    finalizers,
    media: Mapping[str, bytes] | None = None,
    document: dict | None = None,
) -> CustomRig:
    app = QApplication.instance()
    if app.styleSheet() != style_sheet():
        app.setStyleSheet(style_sheet())
    engine = open_database(sqlite_url(tmp_path / "alshome.sqlite3"))
    finalizers.append(engine.dispose)
    repository = Repository(engine)
    save_custom_program(repository, document, media)
    clock = ManualClock()
    repository.save_profile(Profile("", "Ana Ruiz, PT, 555 0100", "", clock.wall()))
    program_id, program = load_active_program(repository)
    controller = SessionController(clock, lambda: SessionRecorder(repository, program_id))
    services = WindowServices(records=lambda: repository, program_files=RepositoryFiles(repository))
    window = MainWindow(program, controller, repository, clock, services=services)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return CustomRig(window, controller, repository, clock, qtbot)
