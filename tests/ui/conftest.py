"""Screens under pytest-qt: the real window and controller, and a manual clock.

`rig` has no storage: its recorder only collects the session's events, so tests see
exactly what would have been committed without needing a database. `safety` is the
window on a real history file, with the first-run pages and the checks before a session.
`tour` walks every screen of either, for the rules every screen must keep.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from alshome.domain.clock import ManualClock
from alshome.domain.safety import Profile
from alshome.domain.session import SessionOptions
from alshome.operations.startup import load_active_program
from alshome.platform.paths import sqlite_url
from alshome.programs.demo import demo_document
from alshome.programs.document import parse_program
from alshome.programs.library import stock_library
from alshome.storage.db import open_database
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository
from alshome.ui.main_window import MainWindow
from alshome.ui.session_controller import SessionController
from alshome.ui.theme import style_sheet
from alshome.ui.window_services import WindowServices


@dataclass
class History:
    """The saved history the home screen reads: empty, as on a first launch, until set."""

    last: object = None
    starts: list = field(default_factory=list)

    def last_session(self):
        return self.last

    def session_times_since(self, moment):
        return [start for start in self.starts if start >= moment]


@dataclass
class Rig:
    window: MainWindow
    controller: SessionController
    clock: ManualClock
    events: list = field(default_factory=list)
    qtbot: object = None
    history: History = field(default_factory=History)

    def key(self, key: Qt.Key, text: str = "") -> None:
        target = self.window.focusWidget() or self.window
        self.qtbot.keyClick(target, key)

    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.controller.tick()

    @property
    def phase(self):
        return self.controller.phase


def demo_program(**changes):
    document = demo_document()
    document.update(changes)
    return parse_program(document, stock_library())


def make_rig(qtbot, services: WindowServices) -> Rig:
    """The demonstration program's window, made with `services`."""
    app = QApplication.instance()
    if app.styleSheet() != style_sheet():
        app.setStyleSheet(style_sheet())
    clock = ManualClock()
    events: list = []
    controller = SessionController(clock, lambda: events.append)
    history = History()
    window = MainWindow(demo_program(), controller, history, clock, services=services)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return Rig(window, controller, clock, events, qtbot, history)


@pytest.fixture
def window_services() -> WindowServices:
    """The services `rig`'s window is made with: none; a test module may override this."""
    return WindowServices()


@pytest.fixture
def rig(qtbot, window_services):
    return make_rig(qtbot, window_services)


CONTACT = "Ana Ruiz, PT, 555 0100"


@dataclass
class SafetyRig:
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

    def save_profile(self, contact: str = CONTACT) -> None:
        self.repository.save_profile(Profile("", contact, "", self.clock.wall()))

    def follow_one_session(self) -> None:
        """A short session already in the history, so the next one asks about carry-over."""
        self.window.start_session()
        self.controller.stop_tired()
        self.controller.close()


@pytest.fixture
def safety(qtbot, tmp_path, request):
    app = QApplication.instance()
    if app.styleSheet() != style_sheet():
        app.setStyleSheet(style_sheet())
    engine = open_database(sqlite_url(tmp_path / "alshome.sqlite3"))
    request.addfinalizer(engine.dispose)
    repository = Repository(engine)
    program_id, program = load_active_program(repository)
    clock = ManualClock()
    options = getattr(request, "param", SessionOptions())
    controller = SessionController(clock, lambda: SessionRecorder(repository, program_id), options)
    services = WindowServices(records=lambda: repository)
    window = MainWindow(program, controller, repository, clock, services=services)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return SafetyRig(window, controller, repository, clock, qtbot)


@pytest.fixture(params=["session", "safety"])
def tour(request):
    """A rig and a walk through its screens: the session's, or those of the safety checks."""
    from tests.ui.tour import safety_screens, screens, tour_services

    if request.param == "session":
        walked = make_rig(request.getfixturevalue("qtbot"), tour_services())
        return walked, lambda: screens(walked)
    walked = request.getfixturevalue("safety")
    return walked, lambda: safety_screens(walked)


def sound_outputs(monkeypatch, count: int) -> None:
    """Qt's multimedia sees `count` speakers, whatever this machine has (often none)."""
    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

    outputs = [QAudioDevice() for _ in range(count)]
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: outputs))


@pytest.fixture
def speakers(monkeypatch) -> None:
    sound_outputs(monkeypatch, 1)


@pytest.fixture
def no_speakers(monkeypatch) -> None:
    sound_outputs(monkeypatch, 0)
