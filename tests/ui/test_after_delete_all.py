"""The window after "delete all my data": there is no home to go back to, only closing."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_after_deleting_esc_closes_alshome_instead_of_going_home(rig, monkeypatch):
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(exits.append))
    window = rig.window
    window.delete_all_data = lambda: True
    window.open_settings()
    window.settings_screen.delete_all.click()
    window.settings_screen.delete_yes.click()
    window.leave_page()
    assert exits == [0]
    assert window.current is window.settings_screen, "home is never shown again"
