"""Real-window tests: a private Xvfb display for the session, and screenshots of it.

Tests here are marked ``@pytest.mark.xvfb`` (deselect them with ``-m "not xvfb"``) and ask
for the ``xvfb_display`` fixture (":N") or ``xvfb_env`` (an environment for launching the app
on that display). The display is started once per test session and stopped at its end.

Without the Xvfb binary these tests are skipped on a developer's machine, but they FAIL when
the CI variable is set, so that CI can never pass by silently not running them.
``packaging/bootstrap.sh test`` installs Xvfb (Debian package xvfb) and ImageMagick.

``window_manager`` runs Debian's ``openbox`` on the test display, so a test sees what a
person sees: a frame with a title bar, the window placed and sized by a real window manager.

``session_bus`` is a private D-Bus session with the AT-SPI accessibility bus, and
``atspi_app`` the app publishing its accessibility tree there, for the tests that meet the
app as a screen reader does (test_atspi.py, test_orca.py).

``framed_screen(size)`` starts another display of a given size ("1366x768") with openbox
on it, keeping PANEL px at the bottom free as a desktop's panel would; stopped after the test.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.tools.ci import skip_or_fail
from tests.tools.processes import die_with_parent

XVFB_SCREEN = "1280x800x24"
PANEL = 32  # px: the bottom of a `framed_screen` that windows leave free, as for a panel
OPENBOX_CONFIG = Path("/etc/xdg/openbox/rc.xml")
START_TIMEOUT_S = 10.0
FIRST_DISPLAY = 99
ATTEMPTS = 20


DBUS_SERVICES = Path("/usr/share/dbus-1")
AT_SPI_SERVICES = (
    DBUS_SERVICES / "services" / "org.a11y.Bus.service",
    DBUS_SERVICES / "accessibility-services" / "org.a11y.atspi.Registry.service",
)
ATSPI_PYTHON = "/usr/bin/python3"  # the system Python, with Debian's AT-SPI client library
ATSPI_PACKAGES = "dbus at-spi2-core python3-gi gir1.2-atspi-2.0"
BUS_START_TIMEOUT_S = 5.0


def _display_in_use(number: int) -> bool:
    return Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists()


def _free_displays() -> Iterator[int]:
    number = FIRST_DISPLAY
    while True:
        if not _display_in_use(number):
            yield number
        number += 1


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _start_xvfb(
    xvfb: str, number: int, log_path: Path, screen: str = XVFB_SCREEN
) -> subprocess.Popen[bytes] | None:
    """Start Xvfb on :number; return it once it accepts connections, None if :number was taken.

    Readiness comes from Xvfb itself: with -displayfd it writes the display number to a pipe
    once it accepts connections (merely seeing /tmp/.X11-unix/XN is not enough: another
    server that took :N in the meantime owns that socket too). Fails the test session if
    Xvfb does not come up within START_TIMEOUT_S.
    """
    socket = Path(f"/tmp/.X11-unix/X{number}")
    read_end, write_end = os.pipe()
    try:
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [
                    xvfb,
                    f":{number}",
                    "-screen",
                    "0",
                    screen,
                    "-nolisten",
                    "tcp",
                    "-noreset",
                    "-displayfd",
                    str(write_end),
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                pass_fds=(write_end,),
                preexec_fn=die_with_parent,  # fine here: no other threads at session start
            )
        os.close(write_end)
        write_end = -1
        announced = b""
        deadline = time.monotonic() + START_TIMEOUT_S
        while b"\n" not in announced and (left := deadline - time.monotonic()) > 0:
            readable, _, _ = select.select([read_end], [], [], left)
            if not readable:
                break
            chunk = os.read(read_end, 64)
            if not chunk:  # Xvfb closed the pipe: it exited without becoming ready
                break
            announced += chunk
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)

    if announced.strip() == str(number).encode() and socket.exists():
        return process
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=2)  # it closed the pipe: give it a moment to finish exiting
    if process.poll() is None:
        _stop(process)
        pytest.fail(
            f"Xvfb :{number} did not accept connections within {START_TIMEOUT_S:.0f} s:\n"
            + log_path.read_text(errors="replace"),
            pytrace=False,
        )
    log_text = log_path.read_text(errors="replace")
    if "already active" in log_text or "already running" in log_text:
        return None  # another X server took :number between our check and our start
    pytest.fail(
        f"Xvfb :{number} exited with status {process.returncode} at start:\n{log_text}",
        pytrace=False,
    )


def _xvfb_on_a_free_display(
    log_dir: Path, screen: str = XVFB_SCREEN
) -> tuple[subprocess.Popen[bytes], str]:
    """A new Xvfb of `screen` ("WxHxD") on the first display number free; and ":N"."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        skip_or_fail(
            "Xvfb is not installed, so the real-window tests cannot run; "
            "`packaging/bootstrap.sh test` installs it (Debian package xvfb)"
        )
    numbers = _free_displays()
    for _ in range(ATTEMPTS):
        number = next(numbers)
        process = _start_xvfb(xvfb, number, log_dir / f"Xvfb-{number}.log", screen)
        if process is not None:
            return process, f":{number}"
    pytest.fail(f"Found no free X display number in {ATTEMPTS} tries", pytrace=False)


@pytest.fixture(scope="session")
def xvfb_display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private X display (":N", 1280x800, 24-bit) for real windows; stopped after the run."""
    process, display = _xvfb_on_a_free_display(tmp_path_factory.mktemp("xvfb"))
    try:
        yield display
    finally:
        _stop(process)


def _window_manager_ready(display: str) -> bool:
    """True once a window manager has announced itself on the root window (EWMH)."""
    found = subprocess.run(
        ["xprop", "-display", display, "-root", "_NET_SUPPORTING_WM_CHECK"],
        capture_output=True,
        text=True,
        timeout=10,
    )
    return found.returncode == 0 and "window id" in found.stdout


def start_openbox(
    display: str, log_path: Path, config: Path | None = None
) -> subprocess.Popen[bytes]:
    """Start openbox on `display` (":N") and return it once it manages windows; `config`
    replaces its rc.xml."""
    openbox = shutil.which("openbox")
    if openbox is None or shutil.which("xprop") is None:
        skip_or_fail(
            "openbox or xprop is not installed, so no window manager can run; "
            "`packaging/bootstrap.sh test` installs them (Debian packages openbox, x11-utils)"
        )
    env = {**os.environ, "DISPLAY": display}
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [openbox, "--sm-disable", *(["--config-file", str(config)] if config else [])],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent,
        )
    deadline = time.monotonic() + START_TIMEOUT_S
    while not _window_manager_ready(display):
        if process.poll() is not None or time.monotonic() > deadline:
            _stop(process)
            pytest.fail(
                f"openbox did not start on {display}:\n" + log_path.read_text(errors="replace"),
                pytrace=False,
            )
        time.sleep(0.1)
    return process


@pytest.fixture(scope="session")
def window_manager(xvfb_display: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """openbox managing the test display for the whole run; yields the display (":N")."""
    process = start_openbox(xvfb_display, tmp_path_factory.mktemp("openbox") / "openbox.log")
    try:
        yield xvfb_display
    finally:
        _stop(process)


@pytest.fixture
def framed_screen(tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """`framed_screen("1366x768")`: a new display (":N") of that size with openbox on it,
    PANEL px at its bottom left free; each one started is stopped after the test."""
    started: list[subprocess.Popen[bytes]] = []

    def start(size: str) -> str:
        logs = tmp_path / f"screen-{size}"
        logs.mkdir()
        process, display = _xvfb_on_a_free_display(logs, f"{size}x24")
        started.append(process)
        config = logs / "rc.xml"
        config.write_text(
            OPENBOX_CONFIG.read_text().replace("<bottom>0</bottom>", f"<bottom>{PANEL}</bottom>")
        )
        started.append(start_openbox(display, logs / "openbox.log", config))
        return display

    try:
        yield start
    finally:
        for process in reversed(started):
            _stop(process)


def display_env(display: str) -> dict[str, str]:
    """The environment for a subprocess that shows real windows on `display`."""
    env = dict(os.environ)
    env.pop("WAYLAND_DISPLAY", None)
    env["DISPLAY"] = display
    env["QT_QPA_PLATFORM"] = "xcb"
    # Qt's mock speech engine: the real one may be missing, slow to open, or audible.
    env["ALSHOME_SPEECH_ENGINE"] = "mock"
    return env


@pytest.fixture
def xvfb_env(xvfb_display: str) -> dict[str, str]:
    """The environment for a subprocess that shows real windows on the test display."""
    return display_env(xvfb_display)


def screenshot(display: str, path: Path | str) -> Path:
    """Save a PNG of the whole screen of `display` (":N") to `path`, with ImageMagick."""
    tool = shutil.which("import")
    if tool is None:
        skip_or_fail(
            "ImageMagick's `import` is not installed, so no screenshot can be taken; "
            "`packaging/bootstrap.sh test` installs it (Debian package imagemagick)"
        )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [str(tool), "-display", display, "-window", "root", str(path)],
        check=True,
        timeout=30,
        capture_output=True,
    )
    return path


@pytest.fixture
def take_screenshot(xvfb_display: str) -> Callable[[Path | str], Path]:
    """`take_screenshot(path)`: a PNG of the test display, for tests that cannot import it."""
    return lambda path: screenshot(xvfb_display, path)


def _system_python_reads_atspi() -> bool:
    if not Path(ATSPI_PYTHON).exists():
        return False
    check = "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"
    found = subprocess.run([ATSPI_PYTHON, "-c", check], capture_output=True, timeout=30)
    return found.returncode == 0


def _missing_atspi_tools() -> list[str]:
    missing = [] if shutil.which("dbus-daemon") else ["dbus-daemon"]
    missing += [str(path) for path in AT_SPI_SERVICES if not path.is_file()]
    if not _system_python_reads_atspi():
        missing.append(f"the AT-SPI client library for {ATSPI_PYTHON}")
    return missing


def _read_line(stream, timeout: float) -> str:
    """The first line a child writes, or "" if none comes within `timeout` seconds."""
    fd = stream.fileno()
    text = b""
    deadline = time.monotonic() + timeout
    while b"\n" not in text and (left := deadline - time.monotonic()) > 0:
        readable, _, _ = select.select([fd], [], [], left)
        if not readable:
            break
        chunk = os.read(fd, 256)
        if not chunk:
            break
        text += chunk
    return text.decode().strip()


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private D-Bus session; yields the variables that lead a process to it.

    Its address goes only to the processes a test gives it to, and XDG_RUNTIME_DIR points
    into the test's temporary folder, where the AT-SPI bus puts its socket. D-Bus starts
    the AT-SPI bus launcher and registry on first use (their Debian service files), and
    they end by themselves when this session bus stops. Nothing is published on the X
    display, which the other real-window tests share.
    """
    missing = _missing_atspi_tools()
    if missing:
        skip_or_fail(
            f"AT-SPI cannot be read here, missing: {', '.join(missing)}; "
            f"`packaging/bootstrap.sh test` installs them (Debian: {ATSPI_PACKAGES})"
        )
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "AT_SPI_BUS_ADDRESS")
    }
    env["XDG_RUNTIME_DIR"] = str(runtime)
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        preexec_fn=die_with_parent,
    )
    try:
        address = _read_line(bus.stdout, BUS_START_TIMEOUT_S)
        if not address:
            pytest.fail(f"dbus-daemon gave no address within {BUS_START_TIMEOUT_S:.0f} s")
        yield {**env, "DBUS_SESSION_BUS_ADDRESS": address}
    finally:
        _stop(bus)
        bus.stdout.close()


@dataclass
class RunningApp:
    process: subprocess.Popen[bytes]
    probe_env: dict[str, str]  # leads a reader of the app's tree to its private bus
    log: Path


@pytest.fixture
def atspi_app(
    session_bus: dict[str, str], xvfb_env: dict[str, str], tmp_path: Path
) -> Iterator[RunningApp]:
    """The app as the user starts it, on the test display, publishing its AT-SPI tree."""
    app_env = {
        **xvfb_env,
        "DBUS_SESSION_BUS_ADDRESS": session_bus["DBUS_SESSION_BUS_ADDRESS"],
        "XDG_RUNTIME_DIR": session_bus["XDG_RUNTIME_DIR"],
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",  # no screen reader has asked for it here
    }
    app_env.pop("AT_SPI_BUS_ADDRESS", None)
    log = tmp_path / "app.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "alshome", "--data-dir", str(tmp_path / "data")],
            env=app_env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield RunningApp(process, session_bus, log)
    finally:
        _stop(process)
