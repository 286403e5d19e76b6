"""Benchmark: the clinic report of the last year of a ten-year history.

Run on demand from the repository's folder (not part of the test suite):

    .venv/bin/python -m tests.benchmarks.report [--years 10] [--runs 5]

It writes a synthetic history (`synthetic_history.py`: about 1,500 sessions and 50,000
sets) and times, each run in a new process so nothing is warm:
- the whole command a therapist or a script would run, `alshome report --from ... --to
  ... --output report.pdf`, from process start to the file written (no display: the
  command draws on Qt's offscreen platform);
- the same with `--format json`;
- inside the PDF command, the figures (read from the database) and the PDF (charts drawn
  and pages painted) separately, from a probe process.
Target (issue 6): the report for one year at most 3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from tests.benchmarks.startup import REPO
from tests.benchmarks.synthetic_history import write_history

TARGET_SECONDS = 3.0


@dataclass(frozen=True)
class ReportTimes:
    figures_s: float
    pdf_s: float
    sessions: int
    pdf_bytes: int


def measure_report(folder: Path, last: date) -> ReportTimes:
    """The year up to `last`, in this process: its figures, then its A4 PDF."""
    from alshome.operations.reports import default_range, report_figures
    from alshome.platform.paths import resolve_locations
    from alshome.report.pdf import report_pdf
    from alshome.storage.db import open_database
    from alshome.storage.repository import Repository

    first, _ = default_range(last)
    started = time.perf_counter()
    engine = open_database(resolve_locations(str(folder)).database_url)
    try:
        figures = report_figures(Repository(engine), first, last, last, default_target=2)
    finally:
        engine.dispose()
    figured = time.perf_counter()
    data = report_pdf(figures, "a4")
    done = time.perf_counter()
    return ReportTimes(figured - started, done - figured, len(figures.sessions), len(data))


def command_seconds(folder: Path, last: date, output: Path, env: dict[str, str]) -> float:
    """`alshome report` from process start to exit, for the PDF or (by suffix) the JSON."""
    first = last - timedelta(days=364)
    kind = "json" if output.suffix == ".json" else "pdf"
    arguments = ["--data-dir", str(folder), "report", "--from", str(first), "--to", str(last)]
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "alshome", *arguments, "--format", kind, "--output", str(output)],
        check=True,
        cwd=REPO,
        env=env,
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--last", type=date.fromisoformat, help=argparse.SUPPRESS)
    options = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    if options.measure is not None:
        print(json.dumps(asdict(measure_report(options.measure, options.last))))
        return 0

    with tempfile.TemporaryDirectory() as folder:
        history = Path(folder) / "history"
        written = write_history(history, options.years)
        last = written.last.date()
        print(
            f"synthetic history: {written.sessions} sessions, {written.sets} sets over "
            f"{options.years:g} years; report of the year up to {last}"
        )
        runs = range(options.runs)
        pdf = [command_seconds(history, last, Path(folder) / "r.pdf", env) for _ in runs]
        as_json = [command_seconds(history, last, Path(folder) / "r.json", env) for _ in runs]
        probe = ["-m", "tests.benchmarks.report", "--measure", str(history), "--last", str(last)]
        probes = []
        for _ in runs:
            result = subprocess.run(
                [sys.executable, *probe],
                capture_output=True,
                text=True,
                cwd=REPO,
                env=dict(env, QT_QPA_PLATFORM="offscreen"),
                check=True,
            )
            probes.append(ReportTimes(**json.loads(result.stdout.splitlines()[-1])))

    whole = statistics.median(pdf)
    figures = statistics.median(p.figures_s for p in probes)
    drawn = statistics.median(p.pdf_s for p in probes)
    print(f"{options.runs} runs each, medians:")
    print(f"  alshome report, PDF, whole process       {whole:6.2f} s")
    print(f"  alshome report, JSON, whole process      {statistics.median(as_json):6.2f} s")
    print(f"  in the PDF: figures of {probes[0].sessions} sessions     {figures:6.2f} s")
    print(f"  in the PDF: charts and pages ({probes[0].pdf_bytes // 1000} KB)  {drawn:6.2f} s")
    met = "met" if whole <= TARGET_SECONDS else "NOT met"
    print(f"target: one year's report within {TARGET_SECONDS:g} s: {met}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
