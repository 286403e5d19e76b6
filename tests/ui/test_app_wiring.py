"""What the app adds around the window: the start-up entry follows its setting, or says why not."""

from __future__ import annotations

from alshome import app
from alshome.paths import Locations
from alshome.programs.document import DocumentError


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

    monkeypatch.setattr(app, "set_autostart", refuse)
    settings = rig.window.settings
    settings.set("start_with_desktop", True)
    app._follow_autostart("start_with_desktop", settings, locations(tmp_path), rig.window)
    assert settings.get("start_with_desktop") is False
    notice = rig.window.settings_screen.notice
    assert "start-up programs" in notice.text()
    assert not notice.isHidden()
