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
from alshome.ui.pages import Page
from alshome.ui.session_controller import SessionController
from alshome.ui.theme import style_for
from alshome.ui.window_services import WindowServices


class NoHistory:
    """A history with no session yet: all the home screen needs."""

    def last_session(self):
        return None

    def session_times_since(self, moment):
        return []


@pytest.fixture
def data_folder() -> Path | None:
    """Where the window's data folder is: none unless a test says."""
    return None


@pytest.fixture
def window(qtbot, data_folder) -> MainWindow:
    clock = ManualClock()
    controller = SessionController(clock, lambda: [].append)
    program = parse_program(demo_document(), stock_library())
    services = WindowServices(data_folder=data_folder)
    window = MainWindow(program, controller, NoHistory(), clock, services=services)
    window.setStyleSheet(style_for("light", 200))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("data_folder", [Path("/home/ana/.local/share/alshome")])
def test_about_is_in_the_settings_list_and_says_what_alshome_is(window, data_folder) -> None:
    window.open_settings()
    about_button = window.screens[Page.SETTINGS].about
    assert about_button.isVisibleTo(window.screens[Page.SETTINGS])
    assert about_button in window.screens[Page.SETTINGS].controls
    assert about_button.accessibleName() == "About alshome"

    about_button.click()
    QApplication.processEvents()

    screen = window.screens[Page.ABOUT]
    assert window.current is screen
    assert __version__ in screen.version.text()
    assert "not a medical device" in screen.text.text()
    assert "GNU GPL, version 3 or later" in screen.text.text()
    assert str(data_folder) in screen.text.text()
    assert screen.text.accessibleName() == screen.text.text()
    assert screen.first_focus() is screen.primary
    assert screen.primary.height() >= 72

    screen.primary.click()
    assert window.current is window.screens[Page.SETTINGS]


def test_a_window_without_a_data_folder_says_so(window) -> None:
    window.open_about()
    assert "(not kept in a folder)" in window.screens[Page.ABOUT].text.text()
