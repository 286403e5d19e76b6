"""Every system library that the Qt parts alshome uses need is on this machine.

PySide6's wheels carry Qt but not the system libraries it links against (GLib, PulseAudio,
the X11 and xcb libraries). A missing one does not fail an import test that happens to
run elsewhere: it fails on the person's brand-new computer, as libpulse.so.0 once did for
the voice. So the libraries are read with `ldd` here, module by module and plugin by
plugin; CI runs this inside a fresh minimal Debian root after `packaging/bootstrap.sh test`,
so a package missing from its lists fails CI. The run command installs the same set
(`qt_packages` in bootstrap.sh), plus the speech engine.

Plugins alshome never loads are left out on purpose: Qt tries every image-format plugin,
and one that cannot load (TIFF, PDF pages) is skipped without harm.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import PySide6
import pytest

PYSIDE = Path(PySide6.__file__).parent
QT = PYSIDE / "Qt"

# The Python modules alshome imports, and the plugins they load for the app and the tests:
# the screen (xcb on a desktop, offscreen in tests), OpenGL on X11, the chime and video
# (the FFmpeg multimedia backend), the voice (speech-dispatcher and the mock engine), and
# the picture formats of icons, illustrations and therapists' photos.
MODULES = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtNetwork", "QtMultimedia", "QtTextToSpeech")
PLUGINS = (
    "platforms/libqxcb.so",
    "platforms/libqoffscreen.so",
    "xcbglintegrations/libqxcb-glx-integration.so",
    "xcbglintegrations/libqxcb-egl-integration.so",
    "multimedia/libffmpegmediaplugin.so",
    "texttospeech/libqtexttospeech_speechd.so",
    "texttospeech/libqtexttospeech_mock.so",
    "imageformats/libqsvg.so",
    "imageformats/libqjpeg.so",
    "imageformats/libqwebp.so",
    "imageformats/libqgif.so",
    "iconengines/libqsvgicon.so",
)


def _module_file(name: str) -> Path:
    found = sorted(PYSIDE.glob(f"{name}.*.so")) or sorted(PYSIDE.glob(f"{name}.so"))
    assert found, f"PySide6 has no {name} module"
    return found[0]


def _missing(library: Path) -> list[str]:
    listed = subprocess.run(
        ["ldd", str(library)], capture_output=True, text=True, timeout=60, check=False
    ).stdout
    return [line.split()[0] for line in listed.splitlines() if "not found" in line]


@pytest.mark.parametrize(
    "library",
    [pytest.param(f"module:{name}", id=name) for name in MODULES]
    + [pytest.param(f"plugin:{plugin}", id=plugin) for plugin in PLUGINS],
)
def test_every_system_library_is_installed(library: str, tool) -> None:
    tool("ldd", "libc-bin")
    kind, name = library.split(":", 1)
    path = _module_file(name) if kind == "module" else QT / "plugins" / name
    assert path.exists(), f"PySide6 ships no {name}"
    missing = _missing(path)
    assert not missing, (
        f"{path.name} needs {', '.join(sorted(set(missing)))}, which this machine lacks: "
        "add the Debian package that provides it to packaging/bootstrap.sh"
    )
