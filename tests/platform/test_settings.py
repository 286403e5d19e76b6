"""Settings: declared once, kept in a private file, and never a reason for the app not to open."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from alshome.domain.session import SessionOptions
from alshome.platform.settings import SETTINGS, SETTINGS_FILE, VERSION, Settings, WindowPlace

DEFAULTS = {
    "auto_advance": False,
    "auto_advance_factor": 1,
    "lead_in_seconds": 3,
    "text_scale": 100,
    "theme": "light",
    "language": "system",
    "full_screen": False,
    "moving_pictures": True,
    "voice": True,
    "voice_rate": 0.0,
    "voice_volume": 0.8,
    "chime": True,
    "voice_time_left": "halfway",
    "scan_mode": "off",
    "scan_interval": 1.5,
    "scan_first_pause": 1.5,
    "scan_loops": 3,
    "reminder": False,
    "reminder_time": 600,
    "preferred_days": ("mon", "thu"),
    "start_with_desktop": False,
}


def values(settings: Settings) -> dict[str, object]:
    return {setting.key: settings.get(setting.key) for setting in SETTINGS}


def write(folder, content) -> None:
    text = content if isinstance(content, str) else json.dumps(content)
    (folder / SETTINGS_FILE).write_text(text)


def test_every_setting_is_declared_once_with_a_default_it_accepts():
    keys = [setting.key for setting in SETTINGS]
    assert len(keys) == len(set(keys))
    for setting in SETTINGS:
        assert setting.check(setting.default) == setting.default
        assert setting.label.strip()
        assert all(label.strip() for _choice, label in setting.choices)


def test_a_folder_without_a_file_gives_the_defaults_and_creates_nothing(tmp_path):
    folder = tmp_path / "new"
    assert values(Settings.load(folder)) == DEFAULTS
    assert not folder.exists()


def test_saved_settings_come_back_and_the_file_is_private(tmp_path):
    previous = os.umask(0o022)
    try:
        settings = Settings.load(tmp_path / "data")
        settings.set("auto_advance", True)
        settings.set("auto_advance_factor", 10)
        settings.set("text_scale", 175)
        settings.set("theme", "high_contrast")
        settings.set("voice_rate", -0.5)
        settings.set("voice_volume", 1)
        settings.save()
    finally:
        os.umask(previous)

    path = tmp_path / "data" / SETTINGS_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert json.loads(path.read_text())["version"] == VERSION
    assert values(Settings.load(tmp_path / "data")) == {
        **DEFAULTS,
        "auto_advance": True,
        "auto_advance_factor": 10,
        "text_scale": 175,
        "theme": "high_contrast",
        "voice_rate": -0.5,
        "voice_volume": 1.0,
    }


@pytest.mark.parametrize(
    "content",
    [
        "",
        "not json {",
        "[1, 2, 3]",
        '"settings"',
        "[" * 50_000,
        "{" + " " * (64 * 1024) + "}",
    ],
    ids=["empty", "garbage", "a list", "a string", "deeply nested", "too big"],
)
def test_a_damaged_file_gives_the_defaults(tmp_path, content):
    write(tmp_path, content)
    assert values(Settings.load(tmp_path)) == DEFAULTS


def test_a_file_that_is_not_text_gives_the_defaults(tmp_path):
    (tmp_path / SETTINGS_FILE).write_bytes(b"\xff\xfe\x00garbage")
    assert values(Settings.load(tmp_path)) == DEFAULTS


def test_a_folder_in_place_of_the_file_gives_the_defaults(tmp_path):
    (tmp_path / SETTINGS_FILE).mkdir()
    assert values(Settings.load(tmp_path)) == DEFAULTS


def test_each_bad_value_falls_back_alone_and_unknown_keys_are_ignored(tmp_path):
    write(
        tmp_path,
        {
            "version": 99,
            "auto_advance": "yes",
            "auto_advance_factor": 11,
            "lead_in_seconds": 2.0,
            "text_scale": 110,
            "theme": "blue",
            "full_screen": 1,
            "voice": None,
            "voice_rate": 10**400,
            "voice_volume": float("nan"),
            "chime": False,
            "wallpaper": "beach",
        },
    )
    assert values(Settings.load(tmp_path)) == {**DEFAULTS, "chime": False}


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("auto_advance", 1, "must be on or off"),
        ("auto_advance_factor", 0, "must be a whole number from 1 to 10."),
        ("lead_in_seconds", 2.5, "must be a whole number from 0 to 10."),
        ("text_scale", 110, "must be a whole number from 100 to 200 in steps of 25."),
        ("text_scale", 225, "must be a whole number from 100 to 200 in steps of 25."),
        ("theme", "blue", "must be one of light, dark, high_contrast."),
        ("voice_rate", float("inf"), "must be a number from -1 to 1."),
        ("voice_volume", True, "must be a number from 0 to 1."),
        ("volume", 0.5, "There is no setting called 'volume'."),
    ],
)
def test_set_refuses_a_bad_value_in_one_plain_sentence(tmp_path, key, value, message):
    settings = Settings.load(tmp_path)
    with pytest.raises(ValueError, match=message) as refused:
        settings.set(key, value)
    assert str(refused.value).count(".") == 1
    assert values(settings) == DEFAULTS


def test_reset_brings_back_every_default_and_save_makes_it_last(tmp_path):
    settings = Settings.load(tmp_path)
    settings.set("theme", "dark")
    settings.set("full_screen", True)
    settings.save()
    settings.reset()
    assert values(settings) == DEFAULTS
    assert Settings.load(tmp_path).get("theme") == "dark"
    settings.save()
    assert values(Settings.load(tmp_path)) == DEFAULTS


def test_the_window_place_is_kept_beside_the_settings_and_outlives_a_reset(tmp_path):
    settings = Settings.load(tmp_path)
    assert settings.window is None
    settings.set("theme", "dark")
    settings.window = WindowPlace(-1366, 24, 1200, 700, True)
    settings.save()
    kept = json.loads((tmp_path / SETTINGS_FILE).read_text())["window"]
    assert kept == {"x": -1366, "y": 24, "width": 1200, "height": 700, "maximized": True}
    again = Settings.load(tmp_path)
    assert again.window == WindowPlace(-1366, 24, 1200, 700, True)
    assert again.get("theme") == "dark"
    again.reset()
    again.save()
    assert Settings.load(tmp_path).window == WindowPlace(-1366, 24, 1200, 700, True)


def test_the_window_place_alone_is_added_to_the_file_and_never_makes_the_folder(tmp_path):
    place = WindowPlace(10, 20, 1000, 640, False)
    Settings.load(tmp_path).save_window(place)
    written = json.loads((tmp_path / SETTINGS_FILE).read_text())
    assert written == {"version": VERSION, "window": place.to_json()}  # no default pinned
    write(tmp_path, {"theme": "dark", "wallpaper": "beach"})
    Settings.load(tmp_path).save_window(place)
    written = json.loads((tmp_path / SETTINGS_FILE).read_text())
    assert written == {"theme": "dark", "wallpaper": "beach", "window": place.to_json()}
    assert Settings.load(tmp_path).window == place
    folder = tmp_path / "not yet"
    settings = Settings.load(folder)
    settings.save_window(place)
    assert settings.window == place
    assert not folder.exists()


@pytest.mark.parametrize(
    "window",
    [
        "AdnQywADAAAAAAAA",
        [0, 0, 1280, 800],
        {"x": 0, "y": 0, "width": 1280, "height": 800},
        {"x": 0, "y": 0, "width": 1280, "height": 800, "maximized": "yes"},
        {"x": 0.5, "y": 0, "width": 1280, "height": 800, "maximized": False},
        {"x": True, "y": 0, "width": 1280, "height": 800, "maximized": False},
        {"x": 0, "y": 0, "width": 0, "height": 800, "maximized": False},
        {"x": 0, "y": 0, "width": 1280, "height": -800, "maximized": False},
        {"x": 10**12, "y": 0, "width": 1280, "height": 800, "maximized": False},
        {"x": "0", "y": 0, "width": 1280, "height": 800, "maximized": False},
    ],
    ids=[
        "bytes",
        "a list",
        "no maximized",
        "maximized not a bool",
        "a fraction",
        "a bool",
        "no width",
        "negative height",
        "far away",
        "a string",
    ],
)
def test_a_damaged_window_place_is_forgotten_and_the_settings_still_load(tmp_path, window):
    write(tmp_path, {"theme": "dark", "window": window})
    settings = Settings.load(tmp_path)
    assert settings.window is None
    assert settings.get("theme") == "dark"


def test_the_session_is_paced_by_the_settings(tmp_path):
    settings = Settings.load(tmp_path)
    assert settings.session_options() == SessionOptions(lead_in_seconds=3.0, auto_advance=False)
    settings.set("lead_in_seconds", 0)
    settings.set("auto_advance", True)
    settings.set("auto_advance_factor", 6)
    options = settings.session_options()
    assert options == SessionOptions(lead_in_seconds=0.0, auto_advance=True, auto_advance_factor=6)
    assert options.auto_advance_wait == 60.0


def test_reading_the_settings_loads_neither_qt_nor_the_heavy_libraries(tmp_path):
    """The app reads them before its first window, which must appear fast (issue 2)."""
    probe = (
        "import sys; from pathlib import Path; from alshome.platform.settings import Settings; "
        "Settings.load(Path(sys.argv[1])); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'PySide6', 'sqlalchemy', 'pydantic', 'alembic'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout == "[]\n"
