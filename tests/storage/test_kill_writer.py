"""kill -9 at random moments: every set whose commit returned survives, exactly once.

One database is reused across all kills, so later kills hit a larger file with a hot -wal
left by the one before, which the next writer's open (with its health check) must take
in stride. The moments come from a seeded generator: a failure names its seed, and the
same seed replays the same delays.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from alshome.platform.paths import sqlite_url

WRITER = Path(__file__).with_name("writer_process.py")
KILLS = 200
SEED = 20261125
LONGEST_DELAY = 0.150
LINE_TIMEOUT = 30.0


class Writer:
    """The writer process, read line by line with a timeout so a hang fails the test."""

    def __init__(self, url: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put("eof")

    def line(self) -> str:
        return self._lines.get(timeout=LINE_TIMEOUT)

    def send(self, command: str) -> None:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def close(self) -> None:
        """End the writer; a forked writer left running notices and stops by itself."""
        self.process.stdin.close()
        try:
            self.process.wait(timeout=LINE_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def kill_at_random(
    writer: Writer, delay: float, after_sets: int = 0
) -> tuple[list[tuple[int, int]], str]:
    """Start one writer, SIGKILL it `delay` seconds after `after_sets` sets; its printed sets.

    Returns every set it printed, and the line that reported its end.
    """
    writer.send("write")
    kind, pid = writer.line().split()
    assert kind == "child"
    ready = writer.line()
    assert ready == "ready", f"the writer failed to open the database: {ready}"
    printed = [_marker(writer.line()) for _ in range(after_sets)]
    time.sleep(delay)
    os.kill(int(pid), signal.SIGKILL)
    while (line := writer.line()).startswith("set "):
        printed.append(_marker(line))
    return printed, line


def _marker(line: str) -> tuple[int, int]:
    kind, session_id, position = line.split()
    assert kind == "set", line
    return int(session_id), int(position)


def test_every_set_whose_commit_returned_survives_kill_9(tmp_path):
    path = tmp_path / "data" / "alshome.sqlite3"
    rng = random.Random(SEED)
    writer = Writer(sqlite_url(path))
    printed: list[tuple[int, int]] = []
    try:
        assert writer.line() == "open"
        for kill in range(KILLS):
            sets, end = kill_at_random(writer, rng.uniform(0, LONGEST_DELAY))
            assert end.split()[::2] == ["ended", str(-signal.SIGKILL)], (
                f"seed {SEED}, kill {kill}: the writer ended on its own: {end}"
            )
            printed.extend(sets)
    finally:
        writer.close()

    connection = sqlite3.connect(path)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        stored = Counter(connection.execute("SELECT session_id, position FROM sets"))
    finally:
        connection.close()
    assert integrity == [("ok",)], f"seed {SEED}: {integrity}"
    assert len(set(printed)) == len(printed), f"seed {SEED}: a set was reported twice"
    missing = [marker for marker in printed if stored[marker] != 1]
    assert not missing, f"seed {SEED}: saved sets lost or doubled: {missing[:10]}"
    # Each kill may fall between a commit and its line, never more than one per writer.
    assert len(printed) <= stored.total() <= len(printed) + KILLS, f"seed {SEED}"
    assert len(printed) > KILLS, f"seed {SEED}: too few sets written to prove anything"
