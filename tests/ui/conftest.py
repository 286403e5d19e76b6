"""Screens under pytest-qt: the real window and controller, a manual clock, no storage.

The recorder only collects the session's events, so these tests see exactly what would
have been committed without needing a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from alshome.domain.clock import ManualClock
from alshome.programs.demo import demo_document
from alshome.programs.document import parse_program
from alshome.programs.library import stock_library
from alshome.ui.main_window import MainWindow
from alshome.ui.session_controller import SessionController
from alshome.ui.theme import style_sheet


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


@pytest.fixture
def rig(qtbot):
    app = QApplication.instance()
    if app.styleSheet() != style_sheet():
        app.setStyleSheet(style_sheet())
    clock = ManualClock()
    events: list = []
    controller = SessionController(clock, lambda: events.append)
    history = History()
    window = MainWindow(demo_program(), controller, history, clock)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return Rig(window, controller, clock, events, qtbot, history)
