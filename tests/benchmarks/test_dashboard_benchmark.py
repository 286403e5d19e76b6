"""The dashboard benchmark's pieces, run once at a small scale so they keep working.

No timing is asserted here: the figures depend on the machine (see dashboard.py).
"""

from __future__ import annotations

from tests.benchmarks.dashboard import measure_dashboard


def test_the_dashboards_pages_are_measured(tmp_path):
    times = measure_dashboard(tmp_path, patients=2, years=0.2)
    assert times.patients == 2
    assert times.sessions_each > 10
    assert min(times.patients_page_ms, times.patient_page_ms, times.patient_all_ms) > 0
