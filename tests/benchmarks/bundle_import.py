"""Benchmark: importing a program bundle that holds a video of about 60 MB (the cap).

Run on demand (not part of the test suite):

    .venv/bin/python -m tests.benchmarks.bundle_import [--megabytes 60] [--runs 3]

It makes a bundle with a picture and an H.264 MP4 of about `--megabytes` (random noise,
encoded losslessly two frames a second so it stays under the two-minute cap), stored as an
export writes it, then times the command `alshome program import`, run by run into a new
data folder each time: the start of Python, the whole check (zip, program, picture,
video) and the save into the database. It prints the seconds of each run and the largest
peak resident memory of the commands, as JSON.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

import av
import numpy

from tests.programs.bundles import picture, write_bundle

WIDTH, HEIGHT = 640, 360


@dataclass(frozen=True)
class BundleImport:
    bundle_mb: float
    video_mb: float
    seconds: list[float]
    peak_rss_mb: float


def noise_video(megabytes: float) -> bytes:
    """A lossless H.264 MP4 of random frames, two a second, of at least `megabytes`."""
    buffer = io.BytesIO()
    generator = numpy.random.default_rng(7)
    written = 0
    with av.open(buffer, "w", format="mp4") as output:
        stream = output.add_stream("libx264", rate=2, options={"crf": "0", "preset": "ultrafast"})
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        while written < megabytes * 1024 * 1024:
            pixels = generator.integers(0, 256, (HEIGHT, WIDTH, 3), dtype=numpy.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                written += packet.size
                output.mux(packet)
        for packet in stream.encode():
            output.mux(packet)
    return buffer.getvalue()


def measure_bundle_import(megabytes: float, runs: int, folder: Path) -> BundleImport:
    video = noise_video(megabytes)
    bundle = write_bundle(
        folder / "clinic.alshome",
        media={"media/putty.png": picture(), "media/putty.mp4": video},
        compression=zipfile.ZIP_STORED,
    )
    seconds = []
    for run in range(runs):
        command = [sys.executable, "-m", "alshome", "--data-dir", str(folder / f"data-{run}")]
        started = time.perf_counter()
        subprocess.run(
            [*command, "program", "import", str(bundle)],
            check=True,
            env=os.environ,
            stdout=subprocess.DEVNULL,
        )
        seconds.append(round(time.perf_counter() - started, 3))
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return BundleImport(
        bundle_mb=round(bundle.stat().st_size / 1024 / 1024, 1),
        video_mb=round(len(video) / 1024 / 1024, 1),
        seconds=seconds,
        peak_rss_mb=round(peak_kb / 1024, 1),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=58.0)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        figures = measure_bundle_import(options.megabytes, options.runs, Path(folder))
    print(json.dumps(asdict(figures)))


if __name__ == "__main__":
    main()
