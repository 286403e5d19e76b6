"""Delete all my data, from the settings: asked first, "no" first, and said plainly after.

The deleting itself is `alshome.operations.privacy`'s (tests/test_privacy.py); here the screen only
has to ask before calling it, call it once, and leave nothing to do but close.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from alshome.operations.history import History
from alshome.operations.privacy import delete_all_data
from alshome.platform.paths import DATABASE_FILE, resolve_locations
from alshome.platform.settings import Settings
from alshome.ui.screens.base import FAR_APART
from alshome.ui.screens.settings import SettingsScreen

DEFAULT_THEME = "light"


@dataclass
class Rig:
    screen: SettingsScreen
    settings: Settings
    calls: list[bool] = field(default_factory=list)
    answer: bool = True

    def delete(self) -> bool:
        self.calls.append(True)
        return self.answer


@pytest.fixture
def rig(qtbot, tmp_path):
    settings = Settings.load(tmp_path)
    rig = Rig(None, settings)
    rig.screen = SettingsScreen(settings, lambda _key: None, lambda: None, on_delete_all=rig.delete)
    qtbot.addWidget(rig.screen)
    rig.screen.resize(1280, 720)
    rig.screen.show()
    qtbot.waitExposed(rig.screen)
    rig.screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is rig.screen)
    return rig


def test_the_button_is_last_in_the_list_and_only_there_when_the_app_can_delete(rig, qtbot):
    assert rig.screen.delete_all.isVisible()
    listed = rig.screen.controls[:-3]  # before the bottom row: Done, the voice, reset
    assert listed[-1] is rig.screen.delete_all
    without = SettingsScreen(Settings.in_memory(), lambda _key: None, lambda: None)
    qtbot.addWidget(without)
    assert not without.delete_all.isVisibleTo(without)
    assert without.delete_all not in without.controls


def test_it_asks_first_with_no_focused_and_the_answers_far_apart(rig):
    rig.screen.delete_all.click()
    screen = rig.screen
    assert screen.delete_question.isVisible()
    assert not screen.scroll.isVisible() and not screen.primary.isVisible()
    assert screen.delete_no.hasFocus()
    assert screen.first_focus() is screen.delete_no
    words = " ".join(text.text() for text in screen.delete_question.findChildren(QLabel))
    assert "every session" in words.lower() and "cannot be undone" in words
    yes, no = screen.delete_yes, screen.delete_no
    gap = no.mapTo(screen, no.rect().topLeft()).x() - yes.mapTo(screen, yes.rect().topRight()).x()
    assert gap >= FAR_APART - 1
    assert rig.calls == []


def test_no_changes_nothing_and_goes_back_to_the_button(rig):
    rig.screen.delete_all.click()
    rig.screen.delete_no.click()
    assert rig.calls == []
    assert rig.screen.scroll.isVisible() and not rig.screen.delete_question.isVisible()
    assert rig.screen.delete_all.hasFocus()
    assert rig.settings.get("theme") == DEFAULT_THEME


def test_yes_deletes_once_then_says_so_and_only_closing_is_left(rig, monkeypatch):
    exits = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    rig.screen.delete_all.click()
    rig.screen.delete_yes.click()
    assert rig.calls == [True]
    assert rig.screen.farewell.isVisible() and not rig.screen.delete_question.isVisible()
    assert "All your data was deleted" in rig.screen.farewell_text.text()
    assert rig.screen.close_app.hasFocus()
    assert not rig.screen.scroll.isVisible() and not rig.screen.primary.isVisible()
    assert exits == []
    rig.screen.close_app.click()
    assert exits == [0]
    assert rig.calls == [True]


def test_files_left_behind_are_not_called_deleted(rig):
    rig.answer = False
    rig.screen.delete_all.click()
    rig.screen.delete_yes.click()
    text = rig.screen.farewell_text.text()
    assert "could not be deleted" in text and "All your data was deleted" not in text


def test_the_app_closes_its_history_so_every_database_file_can_go(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    locations = resolve_locations(data_dir=str(tmp_path / "data"))
    history = History(locations.database_url, None)
    history.open()
    assert history.last_session() is None
    database = locations.data_dir / DATABASE_FILE
    assert database.with_name(database.name + "-wal").exists()  # a connection holds it

    history.close()
    assert not history.is_open
    assert not database.with_name(database.name + "-wal").exists()  # the last one closed
    assert database in delete_all_data(locations)
    assert list(locations.data_dir.iterdir()) == []

