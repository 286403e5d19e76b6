"""The report benchmark's probe, run once on a small history so it keeps working.

No timing is asserted here: the figures depend on the machine (see benchmarks/report.py).
"""

from __future__ import annotations

from tests.benchmarks.report import measure_report
from tests.benchmarks.synthetic_history import write_history


def test_the_report_of_a_year_is_measured(qapp, tmp_path):
    written = write_history(tmp_path, years=0.3)
    times = measure_report(tmp_path, written.last.date())
    assert times.sessions == written.sessions
    assert min(times.figures_s, times.pdf_s) > 0
    assert times.pdf_bytes > 10_000
