"""Benchmark: how much of one core the app uses while a hold counts down.

Run on demand (not part of the test suite):

    .venv/bin/python tests/benchmarks/hold_cpu.py [--seconds 30] [--repeats 3]
        [--platform both|xcb|offscreen] [--screenshot hold.png]

It starts the real app (its command line's `main`, on an empty data folder: the demo
program) through xcb, as a person would see it, on $DISPLAY or else on a private Xvfb
display, and then again offscreen. A probe wrapped around `QApplication.exec` starts the
demo session once the window is shown and begins the first hold (a 30-second stretch),
which it lengthens with "10 seconds more" whenever it nears its end, so the hold lasts
the whole run. It then switches moving pictures on and off in turn, as the settings
screen does, and announces each measurement window; this process reads the app's CPU
time (user and system, every thread) from /proc/PID/stat at each window's start and end.
A short settling time after each switch keeps the switch itself out of the figures; the
figure's first drawing of each moment falls in the first window, as it does in each set.

Reported: CPU seconds per minute of hold and % of one core, moving pictures on and off,
the median of the repeats. Target (issue 14): a hold with moving pictures costs at most
2 % of one core on software rendering.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TARGET_PERCENT = 2.0
SETTLE_S = 3.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

PROBE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

SECONDS, REPEATS, SETTLE = {seconds}, {repeats}, {settle}
original_exec = QApplication.exec

def say(line):
    print(line, flush=True)

def exec_in_a_hold(*args):
    from alshome.ui.main_window import MainWindow

    def shown():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = windows[0] if windows else None
        if window is None or not window.isVisible() or not window.windowHandle().isExposed():
            QTimer.singleShot(10, shown)
            return
        controller = window.controller
        controller.start(window.program)
        controller.start_set()  # the lead-in
        controller.start_set()  # "Start now": the hold
        keep = QTimer(window)
        keep.timeout.connect(lambda: lengthen(controller))
        keep.start(1000)
        window._benchmark_keep = keep
        plan = [moving for _ in range(REPEATS) for moving in (True, False)]
        step(window, plan)

    def lengthen(controller):
        remaining = controller.session.remaining() if controller.session else None
        if remaining is not None and remaining < 15:
            controller.extend_hold()

    def step(window, plan):
        if not plan:
            say("done")
            QApplication.quit()
            return
        moving = plan.pop(0)
        window.settings.set("moving_pictures", moving)
        window.apply_setting("moving_pictures")
        name = "on" if moving else "off"

        def begin():
            say(f"begin {{name}} {{window.controller.phase.value}}")
            QTimer.singleShot(round(SECONDS * 1000), end)

        def end():
            say(f"end {{name}} {{window.controller.phase.value}}")
            step(window, plan)

        QTimer.singleShot(round(SETTLE * 1000), begin)

    QTimer.singleShot(0, shown)
    return original_exec()

QApplication.exec = exec_in_a_hold
from alshome.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of process `pid` so far, all its threads included."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime and stime


def measure(
    env: dict[str, str], seconds: float, repeats: int, screenshot: Path | None = None
) -> dict[str, list[float]]:
    """% of one core in each window, by setting ("on", "off").

    With `screenshot`, the screen is saved there half way through the first window with
    moving pictures, to see what was measured (ImageMagick's `import`).
    """
    code = PROBE.format(seconds=seconds, repeats=repeats, settle=SETTLE_S)
    shares: dict[str, list[float]] = {"on": [], "off": []}
    with tempfile.TemporaryDirectory() as folder:
        child = subprocess.Popen(
            [sys.executable, "-c", code, "--data-dir", folder],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
            cwd=REPO,
        )
        started: tuple[float, float] = (0.0, 0.0)
        try:
            for line in child.stdout:
                word, *rest = line.split()
                if word == "begin":
                    started = (time.monotonic(), cpu_seconds(child.pid))
                    if screenshot is not None and rest[0] == "on":
                        time.sleep(seconds / 2)
                        take_screenshot(env["DISPLAY"], screenshot)
                        screenshot = None
                elif word == "end":
                    if rest[1] != "running":
                        raise RuntimeError(f"the hold was not running but {rest[1]}")
                    wall = time.monotonic() - started[0]
                    shares[rest[0]].append(100 * (cpu_seconds(child.pid) - started[1]) / wall)
                elif word == "done":
                    break
        finally:
            child.terminate()
            child.wait(timeout=30)
    if len(shares["on"]) != repeats or len(shares["off"]) != repeats:
        raise RuntimeError("the app ended before every window was measured")
    return shares


def take_screenshot(display: str, path: Path) -> None:
    subprocess.run(
        ["import", "-display", display, "-window", "root", str(path)], check=True, timeout=30
    )


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on the first free display, which it names once it accepts connections."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-displayfd", str(write_end)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    with os.fdopen(read_end) as announced:
        number = announced.readline().strip()
    if not number:
        server.terminate()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


def report(platform: str, shares: dict[str, list[float]]) -> bool:
    print(f"platform {platform}:")
    for setting in ("on", "off"):
        share = statistics.median(shares[setting])
        runs = ", ".join(f"{s:.1f}" for s in shares[setting])
        print(
            f"  moving pictures {setting:3}  {share * 0.6:5.2f} CPU s per minute of hold"
            f"  = {share:4.1f} % of one core  (windows: {runs} %)"
        )
    return statistics.median(shares["on"]) <= TARGET_PERCENT


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="each measurement window")
    parser.add_argument("--repeats", type=int, default=3, help="windows per setting")
    parser.add_argument("--platform", choices=("both", "xcb", "offscreen"), default="both")
    parser.add_argument(
        "--screenshot", type=Path, metavar="PNG", help="save the screen mid-hold (xcb)"
    )
    options = parser.parse_args()
    platforms = ("xcb", "offscreen") if options.platform == "both" else (options.platform,)

    env = dict(os.environ, ALSHOME_SPEECH_ENGINE="mock")  # no real voice in a benchmark
    env.pop("WAYLAND_DISPLAY", None)
    results = {}
    for platform in platforms:
        server = None
        if platform == "xcb" and not os.environ.get("DISPLAY"):
            if not shutil.which("Xvfb"):
                print("Xvfb is not installed; use --platform offscreen.", file=sys.stderr)
                return 2
            server, display = start_xvfb()
            env = dict(env, DISPLAY=display)
        try:
            results[platform] = measure(
                dict(env, QT_QPA_PLATFORM=platform),
                options.seconds,
                options.repeats,
                options.screenshot if platform == "xcb" else None,
            )
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=10)

    print(
        f"a hold of the demo session, {options.repeats} windows of {options.seconds:g} s "
        "per setting, medians:"
    )
    met = [report(platform, shares) for platform, shares in results.items()]
    verdict = "met" if met[0] else "NOT met"
    print(
        f"target: moving pictures on at most {TARGET_PERCENT:g} % of one core "
        f"({platforms[0]}): {verdict}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
