"""Benchmark run of the sync under faults (`tests/clinic/faults.py`) at full strength: the
clinic's server killed with SIGKILL fifty times or more at random moments of a first
sync, the connection cut, the app killed mid-send; then the clinic's copy of the patient
must be the app's own export, nothing missing or doubled. The test suite runs it with ten
kills (`tests/clinic/test_sync_faults.py`); this is the issue's fifty, about a minute.

    .venv/bin/python -m tests.benchmarks.sync_faults [--kills 50] [--years 2] [--seed 17]
        [--postgresql]   (a PostgreSQL server started for the run; default: a SQLite file)
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST

from alshome.clinic import credentials
from alshome.clinic.accounts import add_patient, add_therapist
from alshome.clinic.schema import init_database
from alshome.platform.paths import sqlite_url
from tests.benchmarks.synthetic_history import write_history
from tests.clinic.conftest import PASSWORD, THERAPIST
from tests.clinic.faults import Faults, sync_under_faults
from tests.tools.postgres import benchmark_database


def run_faults(
    folder: Path, kills: int, years: float, seed: int, database_url: str | None = None
) -> Faults:
    credentials._hasher = PasswordHasher.from_parameters(CHEAPEST)  # pairing is not measured
    os.environ.pop("ALSHOME_DATABASE_URL", None)  # the app's history is the SQLite one here
    url = database_url or sqlite_url(folder / "clinic.sqlite3")
    engine, _found = init_database(url)
    try:
        add_therapist(engine, THERAPIST, PASSWORD)
        patient = add_patient(engine, THERAPIST, "Sam", "command:bench")
        write_history(folder / "app", years=years)
        return sync_under_faults(
            folder / "app",
            engine,
            url,
            patient,
            server_kills=kills,
            network_cuts=max(1, kills // 5),
            app_kills=max(1, kills // 10),
            seed=seed,
        )
    finally:
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--years", type=float, default=2)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--postgresql", action="store_true")
    options = parser.parse_args()
    start = time.perf_counter()
    with benchmark_database(options.postgresql) as (folder, url):
        faults = run_faults(folder, options.kills, options.years, options.seed, url)
    print(f"{faults} in {time.perf_counter() - start:.0f} s: the clinic's copy is the export")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
