"""The passphrase asked at start, and the settings page that sets or removes it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from alshome.domain.clock import ManualClock
from alshome.operations.encryption import HistoryPassphrase
from alshome.operations.history import History
from alshome.platform.paths import sqlite_url
from alshome.storage import cipher
from alshome.storage.db import open_database
from alshome.ui.failure_text import explain
from alshome.ui.main_window import MainWindow
from alshome.ui.pages import Page
from alshome.ui.screens.passphrase import PassphraseScreen, ask_passphrase
from alshome.ui.session_controller import SessionController
from alshome.ui.theme import style_sheet
from alshome.ui.window_services import WindowServices

RIGHT = "river stones"
NOW = datetime(2026, 11, 25, 17, 40, tzinfo=UTC)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "alshome.sqlite3"
    open_database(sqlite_url(path)).dispose()
    return path


@pytest.fixture
def encrypted(database: Path) -> Path:
    cipher.encrypt(database, RIGHT, NOW)
    return database


def answer_dialog(answers: list[str | None], seen: list[str]) -> None:
    """Type each answer into the dialog when it shows (None cancels), noting what it said."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.labelText())
        assert dialog.textEchoMode() is QLineEdit.EchoMode.Password
        assert dialog.accessibleName()
        text = answers.pop(0)
        if text is None:
            dialog.reject()
        else:
            dialog.setTextValue(text)
            dialog.accept()
        if answers:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)


def test_a_wrong_passphrase_is_said_then_the_right_one_opens(qtbot, encrypted):
    seen: list[str] = []
    answer_dialog(["not this", RIGHT], seen)
    before = encrypted.read_bytes()
    assert ask_passphrase(encrypted) == RIGHT
    assert seen[1] == "That passphrase is not right. Try again."
    assert seen[0] != seen[1]
    assert encrypted.read_bytes() == before


def test_closing_the_dialog_gives_no_passphrase(qtbot, encrypted):
    answer_dialog(["nope", None], [])
    assert ask_passphrase(encrypted) is None


def test_the_app_protects_and_unprotects_an_open_history(qtbot, database):
    history = History(sqlite_url(database), None)
    history.open()
    protection = HistoryPassphrase(history, database)
    protection.protect(RIGHT)
    assert protection.is_protected() and history.is_open
    assert history.passphrase == RIGHT
    assert not database.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(cipher.WrongPassphraseError):
        protection.unprotect("not it")
    assert protection.is_protected() and history.is_open
    protection.unprotect(RIGHT)
    assert not protection.is_protected() and history.passphrase is None
    history.close()


class FakeProtection:
    def __init__(self, protected: bool) -> None:
        self.protected = protected
        self.calls: list[tuple[str, str]] = []

    def is_protected(self) -> bool:
        return self.protected

    def protect(self, passphrase: str) -> None:
        self.calls.append(("protect", passphrase))

    def unprotect(self, passphrase: str) -> None:
        if passphrase != RIGHT:
            raise cipher.WrongPassphraseError
        self.calls.append(("unprotect", passphrase))


def page(qtbot, protection: FakeProtection, closed: list[bool]) -> PassphraseScreen:
    QApplication.instance().setStyleSheet(style_sheet())
    screen = PassphraseScreen(protection, lambda: closed.append(True), explain)
    qtbot.addWidget(screen)
    screen.show_state()
    screen.resize(1280, 720)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_setting_a_passphrase_asks_for_it_twice_and_warns(qtbot):
    protection, closed = FakeProtection(False), []
    screen = page(qtbot, protection, closed)
    assert "nobody can open your history" in screen.warning.text()
    assert screen.warning.isVisible() and screen.again.isVisible()
    screen.first.setText(RIGHT)
    screen.again.setText("river stone")
    screen.primary.click()
    assert protection.calls == [] and not closed
    assert screen.message.text() == "The two passphrases are not the same. Type them again."
    screen.again.setText(RIGHT)
    screen.primary.click()
    assert protection.calls == [("protect", RIGHT)] and closed == [True]


def test_removing_the_passphrase_needs_the_right_one(qtbot):
    protection, closed = FakeProtection(True), []
    screen = page(qtbot, protection, closed)
    assert screen.primary.text() == "Remove it"
    assert not screen.again.isVisible()
    screen.first.setText("wrong")
    screen.primary.click()
    assert screen.message.text() == "That passphrase is not right."
    assert not closed
    screen.first.setText(RIGHT)
    screen.primary.click()
    assert protection.calls == [("unprotect", RIGHT)] and closed == [True]


def test_every_control_is_named_and_large(qtbot):
    screen = page(qtbot, FakeProtection(False), [])
    for control in (screen.first, screen.again, screen.primary, screen.back):
        assert control.accessibleName()
        assert control.height() >= 72


def test_the_settings_protect_the_open_history_and_then_offer_to_remove_it(qtbot, database):
    history = History(sqlite_url(database), None)
    start = history.open()
    clock = ManualClock()
    services = WindowServices(history_passphrase=HistoryPassphrase(history, database))
    controller = SessionController(clock, history.recorder)
    window = MainWindow(start.program, controller, history, clock, services=services)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.open_settings()
    settings = window.screens[Page.SETTINGS]
    assert settings.passphrase.text() == "Protect the history with a passphrase"
    settings.passphrase.click()
    page = window.screens[Page.PASSPHRASE]
    assert window.current is page
    page.first.setText(RIGHT)
    page.again.setText(RIGHT)
    page.primary.click()
    assert window.current is settings
    assert settings.passphrase.text() == "Remove the passphrase"
    assert cipher.is_encrypted(database) and history.is_open
    history.close()
