"""The running app as a screen reader meets it: its AT-SPI tree, read from another process.

In-process tests see what Qt holds; a screen reader such as Orca sees only what Qt's AT-SPI
bridge publishes on the accessibility bus. Here the real app runs in an Xvfb window with a
private D-Bus session of its own, and `atspi_probe.py`, run by the system Python with the
AT-SPI client library, reads its tree, presses a button through AT-SPI's Action interface
and listens for announcements, as Orca or switch-access software would.

The D-Bus session is private: its address goes only to the app and the probe, and
XDG_RUNTIME_DIR points into the test's temporary folder, where the AT-SPI bus puts its
socket. D-Bus starts the AT-SPI bus launcher and registry on first use (their Debian
service files), and they end by themselves when this session bus stops. Nothing is
published on the X display, which the other real-window tests share.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.xvfb

SYSTEM_PYTHON = "/usr/bin/python3"
PROBE = Path(__file__).with_name("atspi_probe.py")
PROBE_TIMED_OUT = 3  # the probe's exit status when what it waited for never showed
DBUS_SERVICES = Path("/usr/share/dbus-1")
AT_SPI_SERVICES = (
    DBUS_SERVICES / "services" / "org.a11y.Bus.service",
    DBUS_SERVICES / "accessibility-services" / "org.a11y.atspi.Registry.service",
)
DEBIAN_PACKAGES = "dbus at-spi2-core python3-gi gir1.2-atspi-2.0"
START_TIMEOUT_S = 5.0
PROBE_WAIT_S = 10.0  # each wait inside the probe; the app usually shows in one second
PROBE_TIMEOUT_S = 40.0  # the whole probe run, a backstop behind its own waits
STOP_TIMEOUT_S = 5.0

START_SESSION = "Start today's session"
START_SET = "Start"
PAUSE = "Pause"
TIRED_STOP = "I'm tired – stop"


@dataclass
class RunningApp:
    process: subprocess.Popen[bytes]
    probe_env: dict[str, str]
    log: Path


def _system_python_reads_atspi() -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    check = "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"
    found = subprocess.run(
        [SYSTEM_PYTHON, "-c", check], capture_output=True, timeout=30, check=False
    )
    return found.returncode == 0


def _missing_tools() -> list[str]:
    missing = [] if shutil.which("dbus-daemon") else ["dbus-daemon"]
    missing += [str(path) for path in AT_SPI_SERVICES if not path.is_file()]
    if not _system_python_reads_atspi():
        missing.append(f"the AT-SPI client library for {SYSTEM_PYTHON}")
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


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT_S)


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private D-Bus session; yields the variables that lead a process to it."""
    missing = _missing_tools()
    if missing:
        pytest.skip(
            f"AT-SPI cannot be read here, missing: {', '.join(missing)}; "
            f"`packaging/bootstrap.sh test` installs them (Debian: {DEBIAN_PACKAGES})"
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
    )
    try:
        address = _read_line(bus.stdout, START_TIMEOUT_S)
        if not address:
            pytest.fail(f"dbus-daemon gave no address within {START_TIMEOUT_S:.0f} s")
        yield {**env, "DBUS_SESSION_BUS_ADDRESS": address}
    finally:
        _stop(bus)
        bus.stdout.close()


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


def probe(app: RunningApp, command: str, *options: str) -> dict:
    """Run atspi_probe.py and return its JSON answer; fail the test if its wait ran out."""
    arguments = [command, "--app", "alshome", "--timeout", str(PROBE_WAIT_S), *options]
    result = subprocess.run(
        [SYSTEM_PYTHON, str(PROBE), *arguments],
        env=app.probe_env,
        capture_output=True,
        text=True,
        timeout=PROBE_TIMEOUT_S,
        check=False,
    )
    if result.returncode not in (0, PROBE_TIMED_OUT):
        pytest.fail(f"the AT-SPI probe failed ({result.returncode}):\n{result.stderr}")
    answer = json.loads(result.stdout)
    if app.process.poll() is not None:
        pytest.fail(f"the app exited ({app.process.returncode}):\n{app.log.read_text()}")
    if result.returncode == PROBE_TIMED_OUT:
        showing_buttons = [node["name"] for node in showing(answer["nodes"], "push button")]
        pytest.fail(
            f"{answer.get('error', 'the awaited button never showed over AT-SPI')}; "
            f"application found: {answer['application_found']}; "
            f"push buttons showing: {showing_buttons}; app output:\n{app.log.read_text()}"
        )
    return answer


def showing(nodes: list[dict], role: str) -> list[dict]:
    return [node for node in nodes if node["role"] == role and "showing" in node["states"]]


def by_name(nodes: list[dict]) -> dict[str, dict]:
    return {node["name"]: node for node in nodes}


def through_first_run(app: RunningApp) -> None:
    """A first launch opens on what alshome does, then the contact: both pressed over AT-SPI."""
    probe(app, "press", "--button", "Continue", "--until", "Save and continue")
    probe(app, "press", "--button", "Save and continue", "--until", START_SESSION)


def test_home_screen_reads_as_named_push_buttons(atspi_app):
    through_first_run(atspi_app)
    tree = probe(atspi_app, "tree", "--until", START_SESSION)
    nodes = tree["nodes"]
    buttons = showing(nodes, "push button")
    application = nodes[0]
    assert (application["role"], application["name"]) == ("application", "alshome")
    assert [frame["name"] for frame in showing(nodes, "frame")] == ["alshome – home exercise"]
    assert "Home" in by_name(showing(nodes, "filler")), "the screen is named for readers"

    start = by_name(buttons)[START_SESSION]
    assert start["description"] == "Begins the guided session. You can pause or stop at any time."
    assert "Press" in start["actions"]
    for button in buttons:
        assert button["name"].strip(), f"a push button without a name: {button}"
        assert {"focusable", "enabled"} <= set(button["states"]), button


def test_start_pressed_through_atspi_opens_the_first_set_and_says_so(atspi_app):
    through_first_run(atspi_app)
    result = probe(atspi_app, "press", "--button", START_SESSION, "--until", START_SET)
    buttons = by_name(showing(result["nodes"], "push button"))
    assert {START_SET, PAUSE, TIRED_STOP} <= set(buttons)
    assert START_SESSION not in buttons, "the home screen is still showing"
    assert "Exercise" in by_name(showing(result["nodes"], "filler"))
    assert buttons[PAUSE]["description"] == "Esc also pauses."
    assert buttons[TIRED_STOP]["description"] == "Ends the session. Everything you did is saved."
    for name, button in buttons.items():
        assert name.strip(), f"a push button without a name: {button}"

    spoken = [(item["text"], item["politeness"]) for item in result["announcements"]]
    assert ("Exercise", "polite") in spoken, f"announced over AT-SPI: {spoken}"
