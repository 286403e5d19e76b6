"""The About screen, reached from the settings list: version, what alshome is not, data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from alshome import __version__
from alshome.domain.clock import ManualClock
from alshome.programs.demo import demo_document
from alshome.programs.document import parse_program
from alshome.programs.library import stock_library
from alshome.ui.main_window import MainWindow
from alshome.ui.session_controller import SessionController
from alshome.ui.theme import style_for


class NoHistory:
    """A history with no session yet: all the home screen needs."""

    def last_session(self):
        return None

    def session_times_since(self, moment):
        return []


@pytest.fixture
def window(qtbot) -> MainWindow:
    clock = ManualClock()
    controller = SessionController(clock, lambda: [].append)
    program = parse_program(demo_document(), stock_library())
    window = MainWindow(program, controller, NoHistory(), clock)
    window.setStyleSheet(style_for("light", 200))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_about_is_in_the_settings_list_and_says_what_alshome_is(window, tmp_path: Path) -> None:
    window.data_folder = tmp_path / "data"
    window.open_settings()
    about_button = window.settings_screen.about
    assert about_button.isVisibleTo(window.settings_screen)
    assert about_button in window.settings_screen.controls
    assert about_button.accessibleName() == "About alshome"

    about_button.click()
    QApplication.processEvents()

    screen = window.about_screen
    assert window.current is screen
    assert __version__ in screen.version.text()
    assert "not a medical device" in screen.text.text()
    assert "GNU GPL, version 3 or later" in screen.text.text()
    assert str(tmp_path / "data") in screen.text.text()
    assert screen.text.accessibleName() == screen.text.text()
    assert screen.first_focus() is screen.primary
    assert screen.primary.height() >= 72

    screen.primary.click()
    assert window.current is window.settings_screen


def test_a_window_without_a_data_folder_says_so(window) -> None:
    window.open_about()
    assert "(not kept in a folder)" in window.about_screen.text.text()
