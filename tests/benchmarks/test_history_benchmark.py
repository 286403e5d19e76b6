"""The history benchmark's pieces, run once at a small scale so they keep working.

No timing is asserted here: the figures depend on the machine (see history.py).
"""

from __future__ import annotations

import os

from tests.benchmarks.history import measure_history, startup_times
from tests.benchmarks.synthetic_history import write_history


def test_the_history_screen_is_measured(qapp, tmp_path):
    written = write_history(tmp_path, years=0.2)
    assert written.sessions > 10
    assert written.sets > 10 * written.sessions
    times = measure_history(tmp_path)
    assert times.sessions == written.sessions  # the range "All" shows every session
    assert min(times.first_open_ms, times.later_open_ms, times.all_range_ms) > 0
    assert times.peak_rss_mb > 0


def test_start_up_is_timed_on_an_empty_and_a_full_history(tmp_path):
    write_history(tmp_path, years=0.1)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    empty, full = startup_times(tmp_path, env, runs=1)
    assert len(empty) == len(full) == 1
    assert min(empty + full) > 0
