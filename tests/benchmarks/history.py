"""Benchmark: the history screen on ten years of sessions, start-up against history size,
and memory.

Run on demand from the repository's folder (not part of the test suite):

    .venv/bin/python -m tests.benchmarks.history [--years 10] [--runs 5] [--platform offscreen]

It writes a synthetic history (`synthetic_history.py`: about 1,500 sessions and 50,000
sets) and measures, each time in a new process so nothing is warm:
- opening the history screen from home with every chart drawn: the first time (which
  builds the charts; pyqtgraph and numpy were imported on a worker thread, as the app does
  two seconds after start, see `alshome.app._preload_charts`) and again later, and
  switching the range to "All";
- the peak resident memory of that process;
- the time to the home window on an empty data folder and on the ten-year one, with the
  start-up benchmark's probe (`startup.py`).
Targets (issue 6): opening the history with all charts drawn at most 300 ms; start-up not
growing with history size; memory under 300 MB.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path

from alshome.ui.pages import Page
from alshome.ui.window_services import WindowServices
from tests.benchmarks.startup import ALSHOME, FIRST_LAUNCH_LEFT, REPO, time_to_shown
from tests.benchmarks.synthetic_history import write_history

OPEN_TARGET_MS = 300
MEMORY_TARGET_MB = 300


@dataclass(frozen=True)
class HistoryTimes:
    first_open_ms: float
    later_open_ms: float
    all_range_ms: float
    peak_rss_mb: float
    sessions: int


def measure_history(folder: Path) -> HistoryTimes:
    """Open the history screen on `folder` in this process's QApplication, as a person would.

    "Drawn" means the window has painted (`repaint` paints synchronously, charts included).
    """
    from PySide6.QtWidgets import QApplication

    from alshome.domain.clock import ManualClock
    from alshome.domain.trends import Span
    from alshome.operations.startup import load_active_program
    from alshome.platform.paths import resolve_locations
    from alshome.storage.db import open_database
    from alshome.storage.recorder import SessionRecorder
    from alshome.storage.repository import Repository
    from alshome.ui.main_window import MainWindow
    from alshome.ui.session_controller import SessionController
    from alshome.ui.theme import style_sheet

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyleSheet(style_sheet())
    engine = open_database(resolve_locations(str(folder)).database_url)
    try:
        repository = Repository(engine)
        program_id, program = load_active_program(repository)
        newest = repository.last_session()
        clock = ManualClock(newest.started_at + timedelta(days=1))
        controller = SessionController(clock, lambda: SessionRecorder(repository, program_id))
        window = MainWindow(
            program,
            controller,
            repository,
            clock,
            services=WindowServices(records=lambda: repository),
        )
        window.resize(1280, 720)
        window.show()
        app.processEvents()

        def drawn(action) -> float:
            start = time.perf_counter()
            action()
            window.repaint()
            app.processEvents()
            return (time.perf_counter() - start) * 1000

        from alshome import app as running_app

        loading = threading.Thread(
            target=importlib.import_module, args=(running_app.CHARTS_MODULE,)
        )
        loading.start()  # as `_preload_charts` does, once the window is up
        while loading.is_alive():
            app.processEvents()
        window.prepare_history()  # as the app does once the import is done, home idle
        first = drawn(window.open_history)
        window.go_home()
        app.processEvents()
        later = drawn(window.open_history)
        every = drawn(lambda: window.screens[Page.HISTORY].pick_span(Span.ALL))
        sessions = len(window.screens[Page.HISTORY].trends.sessions)
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        engine.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return HistoryTimes(first, later, every, peak, sessions)


def measure_in_new_process(folder: Path, env: dict[str, str]) -> HistoryTimes:
    """`measure_history` in a fresh interpreter: a first open really is the first."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.history", "--measure", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=True,
    )
    return HistoryTimes(**json.loads(result.stdout.splitlines()[-1]))


def startup_times(folder: Path, env: dict[str, str], runs: int) -> tuple[list[float], list[float]]:
    """Seconds to the home window: on an empty data folder's database, and on `folder`."""
    empty, full = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as fresh:
            subprocess.run([sys.executable, "-c", FIRST_LAUNCH_LEFT, fresh], check=True, cwd=REPO)
            empty.append(time_to_shown(ALSHOME, ["--data-dir", fresh], env))
        full.append(time_to_shown(ALSHOME, ["--data-dir", str(folder)], env))
    return empty, full


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--platform", choices=("xcb", "offscreen"), default="offscreen")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=options.platform)
    if options.measure is not None:
        os.environ["QT_QPA_PLATFORM"] = options.platform
        print(json.dumps(asdict(measure_history(options.measure))))
        return 0

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        written = write_history(Path(folder), options.years)
        made = time.perf_counter() - started
        print(
            f"synthetic history: {written.sessions} sessions, {written.sets} sets over "
            f"{options.years:g} years, written in {made:.1f} s"
        )
        times = [measure_in_new_process(Path(folder), env) for _ in range(options.runs)]
        empty, full = startup_times(Path(folder), env, options.runs)

    def median(name: str) -> float:
        return statistics.median(getattr(t, name) for t in times)

    print(f"platform {options.platform}, {options.runs} runs each, medians:")
    print(f"  history, first open (charts preloaded)  {median('first_open_ms'):7.0f} ms")
    print(f"  history, later opens                    {median('later_open_ms'):7.0f} ms")
    print(
        f"  range switched to All ({times[0].sessions} sessions)   {median('all_range_ms'):7.0f} ms"
    )
    print(f"  peak memory                             {median('peak_rss_mb'):7.0f} MB")
    empty_ms, full_ms = statistics.median(empty) * 1000, statistics.median(full) * 1000
    print(f"  start-up, empty history                 {empty_ms:7.0f} ms")
    print(f"  start-up, {options.years:g}-year history              {full_ms:7.0f} ms")
    opened = max(median("first_open_ms"), median("later_open_ms"), median("all_range_ms"))
    print(
        f"target: history drawn within {OPEN_TARGET_MS} ms: "
        f"{'met' if opened <= OPEN_TARGET_MS else 'NOT met'}"
    )
    grows = full_ms > empty_ms * 1.1 + 50
    print(f"target: start-up does not grow with history: {'NOT met' if grows else 'met'}")
    memory = median("peak_rss_mb") < MEMORY_TARGET_MB
    print(f"target: memory under {MEMORY_TARGET_MB} MB: {'met' if memory else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
