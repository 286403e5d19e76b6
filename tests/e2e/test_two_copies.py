"""Two copies of the app started at the same moment on one data folder: exactly one writes.

Real processes (`python -m alshome`, offscreen) on a private data folder and runtime
folder. The copy that loses the race must end with status 0 before it reads or writes
anything, and the one that runs saves the demo program once, however many more copies
are launched against it. Killed with SIGKILL, it leaves a lock behind that the next start
takes over.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from alshome.platform.paths import DATABASE_FILE

WITHIN_S = 30
LATER_PAIRS = 4  # with the first, five pairs


@pytest.fixture
def app_env(tmp_path: Path) -> dict[str, str]:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_RUNTIME_DIR=str(runtime),
        ALSHOME_DATA_DIR=str(tmp_path / "data"),
        ALSHOME_SPEECH_ENGINE="mock",
    )
    return env


@pytest.fixture
def launch(app_env: dict[str, str]) -> Iterator:
    """`launch()` starts one copy; every copy still running at the end is killed."""
    started: list[subprocess.Popen[str]] = []

    def start() -> subprocess.Popen[str]:
        copy = subprocess.Popen(
            [sys.executable, "-m", "alshome"],
            env=app_env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(copy)
        return copy

    yield start
    for copy in started:
        if copy.poll() is None:
            copy.kill()
        copy.wait(timeout=10)
        copy.stderr.close()


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + WITHIN_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {WITHIN_S} s: {what}")
        time.sleep(0.05)


def saved_programs(data_dir: Path) -> int | None:
    """How many programs the history holds; None before the running copy has saved one."""
    database = data_dir / DATABASE_FILE
    if not database.exists():
        return None
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
            (count,) = connection.execute("SELECT count(*) FROM programs").fetchone()
    except sqlite3.OperationalError:  # the tables are still being made
        return None
    return count or None


def race(launch) -> subprocess.Popen[str]:
    """Start two copies at once; the one that keeps running, once the other has ended."""
    pair = [launch(), launch()]
    wait_until(lambda: any(copy.poll() is not None for copy in pair), "one copy ends")
    ended = next(copy for copy in pair if copy.poll() is not None)
    assert ended.returncode == 0, ended.stderr.read()
    (running,) = [copy for copy in pair if copy is not ended]
    return running


def test_two_copies_at_once_leave_one_running_that_alone_writes(launch, app_env):
    data_dir = Path(app_env["ALSHOME_DATA_DIR"])
    survivor = race(launch)
    wait_until(lambda: saved_programs(data_dir) is not None, "the demo program is saved")

    for _ in range(LATER_PAIRS):
        later = [launch(), launch()]
        for copy in later:
            assert copy.wait(timeout=WITHIN_S) == 0, copy.stderr.read()

    assert survivor.poll() is None
    assert saved_programs(data_dir) == 1


def test_a_copy_killed_with_sigkill_does_not_block_the_next_start(launch, app_env):
    data_dir = Path(app_env["ALSHOME_DATA_DIR"])
    killed = race(launch)
    wait_until(lambda: saved_programs(data_dir) is not None, "the demo program is saved")
    killed.kill()
    killed.wait(timeout=10)

    restarted = race(launch)  # a lock that blocked would leave both unanswered, not ended

    assert restarted.poll() is None
    assert saved_programs(data_dir) == 1
