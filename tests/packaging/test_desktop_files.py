"""The menu entry and the software centre metadata: valid by the freedesktop tools, one id."""

from __future__ import annotations

import configparser
import subprocess
import tomllib
import xml.etree.ElementTree as ElementTree
from importlib import metadata
from pathlib import Path

import alshome

ROOT = Path(alshome.__file__).resolve().parent.parent
APP_ID = "io.github.alshome.Alshome"
DESKTOP = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"


def validate(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_the_desktop_file_is_valid(tool) -> None:
    result = validate(tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout + result.stderr


def test_the_metainfo_is_valid(tool) -> None:
    result = validate(tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_desktop_file_and_the_metainfo_name_the_same_app() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    component = ElementTree.parse(METAINFO).getroot()

    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == entry["Desktop Entry"]["Exec"] == "alshome"
    assert entry["Desktop Entry"]["Icon"] == APP_ID
    assert "not a medical device" in " ".join(component.find("description").itertext())


def test_the_version_is_written_in_one_place_and_released_in_the_changelog() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"]
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "alshome.__version__"}
    assert metadata.version("alshome") == alshome.__version__

    releases = ElementTree.parse(METAINFO).getroot().findall("releases/release")
    assert releases[0].get("version") == alshome.__version__
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{alshome.__version__}]" in changelog


def test_every_screenshot_the_metainfo_names_is_in_the_repository() -> None:
    """The addresses are the repository's own files, so each must exist at its stated size."""
    from PySide6.QtGui import QImage

    images = ElementTree.parse(METAINFO).getroot().findall("./screenshots/screenshot/image")
    assert len(images) >= 3
    for image in images:
        name = image.text.rsplit("/resources/screenshots/", 1)[1]
        picture = QImage(str(ROOT / "resources" / "screenshots" / name))
        assert not picture.isNull(), name
        assert (picture.width(), picture.height()) == (
            int(image.get("width")),
            int(image.get("height")),
        ), name
