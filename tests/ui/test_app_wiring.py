"""What the app adds around the window: the start-up entry follows its setting, or says why not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from alshome import app
from alshome.platform import autostart
from alshome.platform.paths import Locations
from alshome.programs.document import DocumentError
from alshome.ui.pages import Page
from alshome.ui.theme import style_for


def locations(tmp_path) -> Locations:
    return Locations(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'h.db'}")


def test_turning_on_start_with_the_desktop_writes_the_entry(rig, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    settings = rig.window.settings
    settings.set("start_with_desktop", True)
    app._follow_autostart("start_with_desktop", settings, locations(tmp_path), rig.window)
    entry = tmp_path / "config" / "autostart" / "alshome.desktop"
    assert "--data-dir" in entry.read_text()
    settings.set("start_with_desktop", False)
    app._follow_autostart("start_with_desktop", settings, locations(tmp_path), rig.window)
    assert not entry.exists()


def test_a_refused_entry_is_explained_and_the_setting_goes_back(rig, tmp_path, monkeypatch):
    def refuse(enabled, command):
        raise DocumentError("no room")

    monkeypatch.setattr(autostart, "set_autostart", refuse)
    settings = rig.window.settings
    settings.set("start_with_desktop", True)
    app._follow_autostart("start_with_desktop", settings, locations(tmp_path), rig.window)
    assert settings.get("start_with_desktop") is False
    notice = rig.window.screens[Page.SETTINGS].notice
    assert "start-up programs" in notice.text()
    assert not notice.isHidden()


def test_a_changed_setting_shows_at_once(rig):
    window = rig.window
    heard = []
    window.setting_changed.connect(heard.append)
    app = QApplication.instance()
    before = app.styleSheet()
    try:
        window.settings.set("theme", "high_contrast")
        window.apply_setting("theme")
        assert app.styleSheet() == style_for("high_contrast", 100) != before
    finally:
        app.setStyleSheet(before)
    window.settings.set("full_screen", True)
    window.apply_setting("full_screen")
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    window.settings.set("full_screen", False)
    window.apply_setting("full_screen")
    assert not window.windowState() & Qt.WindowState.WindowFullScreen
    window.settings.set("auto_advance", True)
    window.apply_setting("auto_advance")
    assert rig.controller.options.auto_advance
    assert heard == ["theme", "full_screen", "full_screen", "auto_advance"]


def test_settings_open_from_home_only_and_esc_goes_back(rig):
    window = rig.window
    window.home.settings.click()
    assert window.current is window.screens[Page.SETTINGS]
    rig.key(Qt.Key.Key_Escape)
    assert window.current is window.home
    window.start_session()
    window.open_settings()
    assert window.current is window.screens[Page.EXERCISE]


def test_the_illustration_follows_the_colours(rig):
    from alshome.ui.theme import HIGH_CONTRAST

    window = rig.window
    window.start_session()
    window.settings.set("theme", "high_contrast")
    app_sheet = QApplication.instance().styleSheet()
    try:
        window.apply_setting("theme")
        assert window.screens[Page.EXERCISE].figure._palette is HIGH_CONTRAST
    finally:
        QApplication.instance().setStyleSheet(app_sheet)
    assert window.screens[Page.EXERCISE].figure.isVisible()
    assert (
        window.screens[Page.EXERCISE].figure.accessibleName()
        == "Illustration: Back-of-thigh stretch"
    )


def test_the_illustration_can_stand_still(rig):
    window = rig.window
    window.settings.set("moving_pictures", False)
    window.start_session()
    assert not window.screens[Page.EXERCISE].figure.is_animating()
    window.settings.set("moving_pictures", True)
    window.apply_setting("moving_pictures")
    assert window.screens[Page.EXERCISE].figure.is_animating()


def test_the_app_icon_comes_in_every_drawn_size(qapp):
    from alshome.app import app_icon

    sizes = {size.width() for size in app_icon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes
