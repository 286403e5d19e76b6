"""The window after "delete all my data": there is no home to go back to, only closing."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from alshome.ui.pages import Page
from alshome.ui.window_services import WindowServices
from tests.ui.conftest import make_rig


def test_after_deleting_esc_closes_alshome_instead_of_going_home(qtbot, monkeypatch):
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(exits.append))
    window = make_rig(qtbot, WindowServices(delete_all_data=lambda: True)).window
    window.open_settings()
    window.screens[Page.SETTINGS].delete_all.click()
    window.screens[Page.SETTINGS].delete_yes.click()
    window.leave_page()
    assert exits == [0]
    assert window.current is window.screens[Page.SETTINGS], "home is never shown again"
