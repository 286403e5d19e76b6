"""packaging/install.sh and uninstall.sh, in a made-up home folder with a fake small bundle.

The home folder's name has a space, as many do, so the menu entry's quoting is tested too.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import alshome

ROOT = Path(alshome.__file__).resolve().parent.parent
APP_ID = "io.github.alshome.Alshome"
CACHES = {"mimeinfo.cache", "icon-theme.cache"}  # written by the desktop's own tools
ICON_SIZES = ("16x16", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256", "512x512")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "my home"
    data = home / ".local" / "share" / "alshome"
    data.mkdir(parents=True)
    (data / "alshome.sqlite3").write_bytes(b"the person's history")
    (home / ".local" / "bin").mkdir()
    (home / ".local" / "bin" / "other-tool").write_text("#!/bin/sh\n")
    return home


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "dist" / "alshome"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "alshome"
    program.write_text('#!/bin/sh\necho fake alshome "$@"\n')
    program.chmod(0o755)
    return bundle


def script(name: str, home: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    environment["HOME"] = str(home)
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / name), *arguments],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def files(home: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(home)): path.read_bytes()
        for path in home.rglob("*")
        if (path.is_file() or path.is_symlink()) and path.name not in CACHES
    }


def test_install_puts_the_app_in_the_menu_and_uninstall_takes_exactly_that_away(
    home: Path, bundle: Path
) -> None:
    before = files(home)
    share = home / ".local" / "share"

    said = script("install.sh", home, str(bundle)).stdout

    app = share / APP_ID / "alshome"
    link = home / ".local" / "bin" / "alshome"
    assert link.is_symlink() and link.resolve() == app.resolve()
    ran = subprocess.run([str(link), "--version"], capture_output=True, text=True, check=True)
    assert ran.stdout == "fake alshome --version\n"
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'\nExec="{app}"\n' in entry
    for size in ICON_SIZES:
        assert (share / "icons" / "hicolor" / size / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert str(link) in said

    said = script("uninstall.sh", home).stdout

    assert files(home) == before
    assert str(share / "alshome") in said


def test_the_installed_menu_entry_is_valid(home: Path, bundle: Path, tool) -> None:
    validator = tool("desktop-file-validate", "desktop-file-utils")
    script("install.sh", home, str(bundle))
    entry = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run([validator, str(entry)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_uninstall_leaves_an_alshome_command_installed_another_way(home: Path) -> None:
    link = home / ".local" / "bin" / "alshome"
    link.symlink_to(home / "venv" / "bin" / "alshome")

    script("uninstall.sh", home)

    assert link.is_symlink()


def test_install_refuses_a_folder_without_the_app(home: Path, tmp_path: Path) -> None:
    environment = {**os.environ, "HOME": str(home)}
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "install.sh"), str(tmp_path)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert result.returncode == 1
    assert "packaging/build.sh" in result.stderr
    assert not (home / ".local" / "share" / APP_ID).exists()
