"""Closing the window while sets still wait for the disk asks first; "keep open" keeps it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def press_when_asked(label: str, asked: list[str]) -> None:
    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        asked.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == label]
        button.click()

    QTimer.singleShot(0, press)


def test_nothing_waiting_closes_without_a_question(rig, monkeypatch):
    monkeypatch.setattr(type(rig.controller), "unsaved", property(lambda self: False))
    assert rig.window.close()


def test_waiting_sets_ask_and_keep_open_is_the_default(rig, monkeypatch):
    monkeypatch.setattr(type(rig.controller), "unsaved", property(lambda self: True))
    asked: list[str] = []
    press_when_asked("Keep alshome open", asked)
    assert not rig.window.close()
    assert rig.window.isVisible()
    assert "not saved yet" in asked[0]
    press_when_asked("Close anyway", asked)
    assert rig.window.close()
