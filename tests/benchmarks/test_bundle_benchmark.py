"""The bundle import benchmark, run once with a small video so it keeps working.

No timing is asserted here: the figures depend on the machine (see bundle_import.py).
"""

from __future__ import annotations

from tests.benchmarks.bundle_import import measure_bundle_import


def test_a_bundle_import_is_measured(tmp_path):
    figures = measure_bundle_import(megabytes=1, runs=1, folder=tmp_path)
    assert figures.video_mb >= 1 and figures.bundle_mb >= figures.video_mb
    assert len(figures.seconds) == 1 and figures.seconds[0] > 0
    assert figures.peak_rss_mb > 0
    assert (tmp_path / "data-0" / "alshome.sqlite3").is_file()
