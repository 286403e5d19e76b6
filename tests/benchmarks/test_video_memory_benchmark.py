"""The video memory benchmark, run once briefly with a small video so it keeps working.

No memory figure is asserted here: it depends on the machine (see video_memory.py).
"""

from __future__ import annotations

from tests.benchmarks.video_memory import measure_video_memory


def test_the_memory_while_a_video_plays_is_measured(tmp_path):
    figures = measure_video_memory(seconds=3, megabytes=0.5, folder=tmp_path)
    assert figures.played, "the video really played"
    assert figures.video_mb >= 0.5
    assert 0 < figures.rss_before_mb <= figures.rss_playing_max_mb
    assert figures.peak_mb > 0
