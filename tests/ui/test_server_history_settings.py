"""Settings for a history on a database server: backups and the passphrase say they are the
server's, in one sentence, instead of failing on a file that is not there."""

from __future__ import annotations

import pytest

from alshome.platform.settings import Settings
from alshome.ui.screens.settings import SettingsScreen


@pytest.fixture
def screen(qtbot):
    screen = SettingsScreen(
        Settings.in_memory(), lambda _key: None, lambda: None, history_on_server=True
    )
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_both_entries_are_there_and_reachable(screen):
    assert screen.backups in screen.controls and screen.passphrase in screen.controls
    assert screen.backups.isVisibleTo(screen) and screen.passphrase.isVisibleTo(screen)
    assert not screen.notice.isVisible()


def test_backups_say_the_server_keeps_them(screen):
    screen.backups.click()
    assert screen.notice.isVisible()
    assert screen.notice.text() == (
        "Your history is kept on a database server, so alshome makes no copies of it: "
        "the server's own backups keep it safe."
    )


def test_the_passphrase_says_the_server_protects_it(screen):
    screen.passphrase.click()
    assert screen.notice.isVisible()
    assert "a passphrase here cannot protect it" in screen.notice.text()


def test_a_history_in_a_file_shows_neither_without_its_screens(qtbot):
    screen = SettingsScreen(Settings.in_memory(), lambda _key: None, lambda: None)
    qtbot.addWidget(screen)
    assert screen.backups not in screen.controls and screen.passphrase not in screen.controls
