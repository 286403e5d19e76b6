"""The sync load benchmark's pieces, run once at a small scale so they keep working.

No timing is asserted here: the figures depend on the machine (see sync_load.py).
"""

from __future__ import annotations

from tests.benchmarks.sync_load import measure_sync_load


def test_the_clinics_load_is_measured(tmp_path):
    figures = measure_sync_load(tmp_path, devices=3, weeks=2, years=0.2, spread_seconds=0.5)
    assert figures.burst_sets > 3 * 100
    assert figures.ten_years_sessions > 20
    assert figures.ten_years_sets > 20 * figures.ten_years_sessions
    assert (
        min(
            figures.burst_p95_ms,
            figures.workout_syncs_p95_ms,
            figures.whole_sessions_p95_ms,
            figures.single_p95_ms,
            figures.spread_p95_ms,
        )
        > 0
    )
    assert figures.ten_years_seconds > 0
    assert figures.server_peak_rss_mb > 0
