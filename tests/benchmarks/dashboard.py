"""How fast the dashboard serves its pages: the patients page for a therapist with many
patients, each with years of shared history, and one patient's page with all of theirs.

A synthetic history (`synthetic_history`) is written once, exported as the app exports,
and stored at the clinic for each patient as a first sync would store it. The pages are
then asked for through the app's ASGI stack (Starlette's TestClient), logged in, and each
is timed a few times; the median is what the README quotes. The target is 300 ms a page
(`TARGET_MS`); `main` says whether it is met.

    .venv/bin/python tests/benchmarks/dashboard.py [--patients 200] [--years 3]
        [--postgresql]   (a PostgreSQL server started for the run; default: a SQLite file)
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from alshome.clinic import credentials
from alshome.clinic.accounts import add_patient, add_therapist
from alshome.clinic.api import create_app
from alshome.clinic.schema import init_database
from alshome.clinic.storing import store_batch
from alshome.clinic.wire import UploadBatch
from alshome.operations.exchange import export_json
from alshome.platform.paths import resolve_locations, sqlite_url
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from tests.benchmarks.synthetic_history import write_history
from tests.clinic.conftest import PASSWORD, THERAPIST, batch_of, log_in
from tests.tools.postgres import benchmark_database

RUNS = 5
TARGET_MS = 300  # each page, for a therapist with 200 patients of three years each


@dataclass(frozen=True)
class DashboardTimes:
    patients: int
    sessions_each: int
    patients_page_ms: float  # median
    patient_page_ms: float  # median, the default three months
    patient_all_ms: float  # median, everything


def shared_history(folder: Path, years: float) -> UploadBatch:
    """A synthetic history of `years`, as a first sync uploads it."""
    write_history(folder, years=years)
    engine = open_database(resolve_locations(str(folder)).database_url)
    try:
        text, _count = export_json(Repository(engine), datetime.now(UTC))
    finally:
        engine.dispose()
    return UploadBatch.model_validate(batch_of(json.loads(text)))


def median_ms(client: TestClient, path: str) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, path
    return statistics.median(times)


def measure_dashboard(
    folder: Path, patients: int, years: float, database_url: str | None = None
) -> DashboardTimes:
    credentials._hasher = PasswordHasher.from_parameters(CHEAPEST)  # logging in is not timed
    batch = shared_history(folder / "app", years)
    engine, _found = init_database(database_url or sqlite_url(folder / "clinic.sqlite3"))
    try:
        add_therapist(engine, THERAPIST, PASSWORD)
        ids = []
        for number in range(patients):
            patient = add_patient(engine, THERAPIST, f"Patient {number:03}", "command:bench")
            with Session(engine) as db, db.begin():
                store_batch(db, patient.patient_id, batch)
            ids.append(patient.patient_id)
        with TestClient(create_app(engine=engine), base_url="https://clinic.example") as client:
            log_in(client)
            return DashboardTimes(
                patients=patients,
                sessions_each=len(batch.sessions),
                patients_page_ms=median_ms(client, "/patients"),
                patient_page_ms=median_ms(client, f"/patients/{ids[0]}"),
                patient_all_ms=median_ms(client, f"/patients/{ids[0]}?span=all"),
            )
    finally:
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=200)
    parser.add_argument("--years", type=float, default=3)
    parser.add_argument("--postgresql", action="store_true")
    options = parser.parse_args()
    with benchmark_database(options.postgresql) as (folder, url):
        times = measure_dashboard(folder, options.patients, options.years, url)
    print(times)
    slowest = max(times.patients_page_ms, times.patient_page_ms)
    met = "met" if slowest <= TARGET_MS else "NOT met"
    print(f"target: the patients page and a patient's page within {TARGET_MS} ms: {met}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
