"""Benchmark: the memory the app's process holds while a therapist's video plays.

Run on demand (not part of the test suite):

    .venv/bin/python -m tests.benchmarks.video_memory [--seconds 30] [--megabytes 20]
        [--platform offscreen|xcb]

It encodes an H.264 MP4 of about `--megabytes` (moving noise, 640x360, 15 frames a
second, at most two minutes: a clip from a clinic's phone), then starts a fresh Python
that shows the set screen's picture-or-video view (`ExerciseMedia`) as large as on a
1366x768 window and lets the video loop for `--seconds`, reading its resident memory
(VmRSS in /proc/self/status) before the video is given, every quarter second while it
plays, and the process's peak (VmHWM). Reported as JSON: the resident memory before, the
median and the largest while playing, the growth from the first to the last quarter of
the run (a leak shows as steady growth over the loops), and how many times the video
looped. A video is played from a temporary file, so the bytes are not held twice.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT, RATE = 640, 360, 15


@dataclass(frozen=True)
class VideoMemory:
    video_mb: float
    video_seconds: float  # how long one loop plays
    seconds: float
    rss_before_mb: float
    rss_playing_median_mb: float
    rss_playing_max_mb: float
    growth_mb: float  # the last quarter's median less the first quarter's
    peak_mb: float
    loops: int
    played: bool


def moving_video(megabytes: float) -> bytes:
    """An H.264 MP4 of moving noise of about `megabytes`, at most two minutes long."""
    import av
    import numpy

    generator = numpy.random.default_rng(11)
    noise = generator.integers(0, 256, (HEIGHT * 2, WIDTH * 2, 3), dtype=numpy.uint8)
    buffer = io.BytesIO()
    frames = 0
    with av.open(buffer, "w", format="mp4") as output:
        stream = output.add_stream("libx264", rate=RATE, options={"crf": "18"})
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        while buffer.tell() < megabytes * 1024 * 1024 and frames < RATE * 110:
            x, y = (frames * 7) % WIDTH, (frames * 3) % HEIGHT
            pixels = numpy.ascontiguousarray(noise[y : y + HEIGHT, x : x + WIDTH])
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                output.mux(packet)
            frames += 1
        for packet in stream.encode():
            output.mux(packet)
    return buffer.getvalue()


def _status(field: str) -> float:
    """A size from /proc/self/status, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


def _child(video_path: Path, seconds: float) -> None:
    """In the fresh process: show the video and read the memory as it plays."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from alshome.domain.program import Exercise, ExerciseKind
    from alshome.ui.exercise_media import ExerciseMedia

    app = QApplication([])
    view = ExerciseMedia()
    view.resize(700, 320)
    exercise = Exercise(
        "own_clip", "Clip", ExerciseKind.RANGE_OF_MOTION, "hands", "Move.", video="media/clip.mp4"
    )
    data = video_path.read_bytes()
    app.processEvents()
    before = _status("VmRSS")
    samples: list[float] = []
    loops = [0]
    last = [0]

    def sample() -> None:
        samples.append(_status("VmRSS"))
        position = view.player.position() if view.player is not None else 0
        if position < last[0]:
            loops[0] += 1
        last[0] = position

    view.show_exercise(exercise, {"media/clip.mp4": data})
    del data
    timer = QTimer()
    timer.timeout.connect(sample)
    timer.start(250)
    QTimer.singleShot(round(seconds * 1000), app.quit)
    app.exec()
    played = view.is_playing() and bool(last[0] or loops[0])
    view.stop()
    quarter = max(1, len(samples) // 4)
    print(
        json.dumps(
            {
                "rss_before_mb": before,
                "rss_playing_median_mb": statistics.median(samples),
                "rss_playing_max_mb": max(samples),
                "growth_mb": statistics.median(samples[-quarter:])
                - statistics.median(samples[:quarter]),
                "peak_mb": _status("VmHWM"),
                "loops": loops[0],
                "played": played,
            }
        )
    )


def measure_video_memory(
    seconds: float, megabytes: float, folder: Path, platform: str = "offscreen"
) -> VideoMemory:
    video = folder / "clip.mp4"
    video.write_bytes(moving_video(megabytes))
    env = {"QT_QPA_PLATFORM": platform, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.video_memory",
            "--child",
            str(video),
            "--seconds",
            str(seconds),
        ],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 120,
        cwd=REPO,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return VideoMemory(
        video_mb=video.stat().st_size / (1024 * 1024),
        video_seconds=_length(video),
        seconds=seconds,
        **figures,
    )


def _length(video: Path) -> float:
    import av

    with av.open(str(video)) as container:
        return container.duration / av.time_base


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--megabytes", type=float, default=20)
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child is not None:
        _child(options.child, options.seconds)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        figures = measure_video_memory(
            options.seconds, options.megabytes, Path(folder), options.platform
        )
    print(json.dumps(asdict(figures), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
