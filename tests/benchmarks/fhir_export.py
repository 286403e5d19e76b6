"""Benchmark: the FHIR export of a ten-year history.

Run on demand from the repository's folder (not part of the test suite):

    .venv/bin/python -m tests.benchmarks.fhir_export [--years 10] [--runs 3]

It writes a synthetic history (`synthetic_history.py`: about 1,500 sessions and 50,000
sets) and times, each run in a new process so nothing is warm:
- the whole command, `alshome export --format fhir --patient-id ... --output ...`, from
  process start to the file written;
- inside it, from a probe process: reading the history as the export's models, building
  and checking the bundle with the fhir.resources models, and writing its text; with the
  CPU time of the whole (the machine may be shared, and wall time then says little) and
  the peak memory.
Target: the whole command for ten years within 60 s, as an export for the clinic's record
system is made rarely and in the background; memory under 1 GB.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from tests.benchmarks.startup import REPO
from tests.benchmarks.synthetic_history import write_history

TARGET_SECONDS = 60.0
MEMORY_TARGET_MB = 1024
PATIENT_ID = "MRN-0001"


@dataclass(frozen=True)
class ExportTimes:
    read_s: float
    bundle_s: float
    text_s: float
    cpu_s: float
    peak_rss_mb: float
    resources: int
    megabytes: float


def measure_export(folder: Path) -> ExportTimes:
    """The export in this process, stage by stage."""
    from alshome.operations.exchange import export_document
    from alshome.operations.fhir.bundle import PatientIdentity, fhir_bundle
    from alshome.operations.history import saved_history
    from alshome.platform.paths import resolve_locations

    cpu = time.process_time()
    started = time.perf_counter()
    with saved_history(resolve_locations(str(folder)).database_url, None) as repository:
        document = export_document(repository, datetime.now().astimezone())
    read = time.perf_counter()
    bundle = fhir_bundle(document, PatientIdentity(PATIENT_ID))
    built = time.perf_counter()
    text = json.dumps(bundle, ensure_ascii=False, separators=(",", ":"))
    written = time.perf_counter()
    return ExportTimes(
        read - started,
        built - read,
        written - built,
        time.process_time() - cpu,
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        len(bundle["entry"]),
        len(text.encode()) / 1e6,
    )


def command_seconds(folder: Path, output: Path) -> float:
    """`alshome export --format fhir` from process start to exit."""
    arguments = ["--data-dir", str(folder), "export", "--format", "fhir"]
    output_file = ["--patient-id", PATIENT_ID, "--output", str(output)]
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "alshome", *arguments, *output_file],
        check=True,
        cwd=REPO,
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure is not None:
        print(json.dumps(asdict(measure_export(options.measure))))
        return 0

    with tempfile.TemporaryDirectory() as folder:
        history = Path(folder) / "history"
        written = write_history(history, options.years)
        print(
            f"synthetic history: {written.sessions} sessions, {written.sets} sets, "
            f"{written.ratings} ALSFRS-R ratings over {options.years:g} years"
        )
        runs = range(options.runs)
        whole = [command_seconds(history, Path(folder) / "history.fhir.json") for _ in runs]
        probes = []
        for _ in runs:
            result = subprocess.run(
                [sys.executable, "-m", "tests.benchmarks.fhir_export", "--measure", str(history)],
                capture_output=True,
                text=True,
                cwd=REPO,
                check=True,
            )
            probes.append(ExportTimes(**json.loads(result.stdout.splitlines()[-1])))

    def median(name: str) -> float:
        return statistics.median(getattr(probe, name) for probe in probes)

    print(f"{options.runs} runs each, medians:")
    print(f"  alshome export --format fhir, whole process   {statistics.median(whole):6.1f} s")
    print(f"  in it: the history read as the export's models {median('read_s'):6.1f} s")
    print(
        f"  in it: {probes[0].resources} resources built and checked  {median('bundle_s'):6.1f} s"
    )
    print(
        f"  in it: {probes[0].megabytes:.0f} MB of text written         {median('text_s'):6.1f} s"
    )
    print(f"  CPU time of the probe                          {median('cpu_s'):6.1f} s")
    print(f"  peak memory of the probe                       {median('peak_rss_mb'):6.0f} MB")
    met = "met" if statistics.median(whole) <= TARGET_SECONDS else "NOT met"
    print(f"target: ten years within {TARGET_SECONDS:g} s: {met}")
    met = "met" if median("peak_rss_mb") <= MEMORY_TARGET_MB else "NOT met"
    print(f"target: memory under {MEMORY_TARGET_MB} MB: {met}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
