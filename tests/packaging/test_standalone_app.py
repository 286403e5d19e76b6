"""What changes when alshome runs as the standalone app that PyInstaller builds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from alshome.platform import autostart, resources


def test_the_start_up_entry_runs_the_standalone_app_itself(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/alshome/alshome")

    command = autostart.launch_command(tmp_path)

    assert command == ["/opt/alshome/alshome", "--data-dir", str(tmp_path)]


def test_an_installed_alshome_starts_through_its_python(tmp_path: Path) -> None:
    assert autostart.launch_command(tmp_path)[:3] == [sys.executable, "-m", "alshome"]


@pytest.mark.parametrize("bundled", [True, False])
def test_resources_are_found_inside_the_bundle_or_beside_the_package(
    monkeypatch, tmp_path: Path, bundled: bool
) -> None:
    if bundled:
        monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
        expected = tmp_path / "resources"
    else:
        monkeypatch.delattr(sys, "_MEIPASS", raising=False)
        expected = Path(resources.__file__).resolve().parents[2] / "resources"

    assert resources.resource("sounds", "chime.wav") == expected / "sounds" / "chime.wav"
