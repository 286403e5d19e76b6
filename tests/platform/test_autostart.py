"""The XDG autostart entry: written when asked, removed when not, and its Exec line exact."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

import pytest

from alshome.platform.autostart import autostart_enabled, exec_value, launch_command, set_autostart

COMMAND = ["/opt/alshome/bin/alshome", "--data-dir", "/home/ann/alshome data"]


@pytest.fixture
def config_home(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_switching_on_writes_a_desktop_entry_in_the_autostart_folder(config_home):
    assert not autostart_enabled()
    path = set_autostart(True, COMMAND)
    assert path == config_home / "autostart" / "alshome.desktop"
    assert autostart_enabled()
    entry = read_entry(path)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "alshome"
    assert entry["Exec"] == '/opt/alshome/bin/alshome --data-dir "/home/ann/alshome data"'
    assert entry["X-GNOME-Autostart-enabled"] == "true"


def test_switching_off_removes_the_entry_and_nothing_else(config_home):
    set_autostart(True, COMMAND)
    other = config_home / "autostart" / "other.desktop"
    other.write_text("[Desktop Entry]\n")
    assert set_autostart(False, COMMAND) is None
    assert not autostart_enabled()
    assert other.exists()


def test_switching_off_when_it_was_never_on_is_fine(config_home):
    assert set_autostart(False, COMMAND) is None
    assert not config_home.exists()


def test_switching_on_again_rewrites_the_command(config_home):
    set_autostart(True, COMMAND)
    path = set_autostart(True, ["/usr/bin/alshome"])
    assert read_entry(path)["Exec"] == "/usr/bin/alshome"


@pytest.mark.parametrize("value", ["", "relative/config"])
def test_an_empty_or_relative_config_home_means_the_home_config_folder(
    tmp_path, monkeypatch, value
):
    monkeypatch.setenv("XDG_CONFIG_HOME", value)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert set_autostart(True, COMMAND) == tmp_path / ".config" / "autostart" / "alshome.desktop"


@pytest.mark.parametrize(
    ("argument", "written"),
    [
        ("plain-word", "plain-word"),
        ("a b", '"a b"'),
        ('x"y', '"x\\\\"y"'),
        ("d$x", '"d\\\\$x"'),
        ("back\\slash", '"back\\\\\\\\slash"'),
        ("50%", "50%%"),
        ("q's", '"q\'s"'),
        ("tab\there", '"tab\\there"'),
        ("", '""'),
    ],
)
def test_exec_arguments_are_quoted_and_escaped_as_the_specification_says(argument, written):
    # Checked against GLib: `gio launch` of such an entry gives back each argument exactly.
    assert exec_value(["/usr/bin/alshome", argument]) == f"/usr/bin/alshome {written}"


def test_the_launch_command_starts_this_alshome_on_the_same_data_folder(tmp_path):
    command = launch_command(tmp_path / "my data")
    assert command[0] == sys.executable
    assert command[-2:] == ["--data-dir", str(tmp_path / "my data")]
    result = subprocess.run(
        [*command, "--version"], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.startswith("alshome")
