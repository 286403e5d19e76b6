"""A clinic database on SQLite or PostgreSQL, a therapist and a patient, the web app, and a
real history from the app to upload.

On PostgreSQL each test gets a fresh, empty database on the run's server (the app's
template holds the app's schema, not the clinic's), which the clinic's own migrations set
up, as `alshome clinic init` does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from alshome.clinic import credentials
from alshome.clinic.accounts import NewPatient, add_patient, add_therapist
from alshome.clinic.api import create_app
from alshome.clinic.schema import init_database
from alshome.domain.alsfrs import EnteredBy, Entry
from alshome.domain.clock import ManualClock
from alshome.domain.safety import CarryOver, CarryOverCheck, LiftCheck, Profile
from alshome.operations.exchange import export_json
from alshome.platform.paths import sqlite_url
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from tests.cli.conftest import follow_demo

PASSWORD = "a long enough password"
THERAPIST = "ana@clinic.example"
CLINIC = "https://clinic.example"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its cheapest: the tests check what is hashed and how it is checked, and
    the real cost (most of a second a hash on a busy 2-core machine) would dominate them."""
    monkeypatch.setattr(credentials, "_hasher", PasswordHasher.from_parameters(CHEAPEST))


@pytest.fixture
def clinic_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    if backend != "postgresql":
        yield sqlite_url(tmp_path / "clinic" / "clinic.sqlite3")
        return
    server = request.getfixturevalue("postgres_server")
    url = server.new_database(migrated=False)
    yield url
    server.drop_database(url)


@pytest.fixture
def clinic(clinic_url: str) -> Iterator[Engine]:
    engine, _found = init_database(clinic_url)
    yield engine
    engine.dispose()


@pytest.fixture
def therapist(clinic: Engine) -> str:
    add_therapist(clinic, THERAPIST, PASSWORD)
    return THERAPIST


@pytest.fixture
def patient(clinic: Engine, therapist: str) -> NewPatient:
    return add_patient(clinic, therapist, "Sam", "command:test")


@pytest.fixture
def other_patient(clinic: Engine, therapist: str) -> NewPatient:
    return add_patient(clinic, therapist, "Alex", "command:test")


@pytest.fixture
def client(clinic: Engine) -> Iterator[TestClient]:
    """The API over HTTPS, from a client elsewhere on the network."""
    with TestClient(create_app(engine=clinic), base_url=CLINIC) as test_client:
        yield test_client


def pair(client: TestClient, code: str, device: str = "Sam's laptop") -> dict[str, str]:
    """The headers of a device paired with `code`."""
    response = client.post("/api/v1/pair", json={"code": code, "device_name": device})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


@pytest.fixture
def device(client: TestClient, patient: NewPatient) -> dict[str, str]:
    return pair(client, patient.pairing_code)


@pytest.fixture
def app_export(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> dict[str, Any]:
    """The app's own JSON export of a real history: two sessions, a day of rest between
    them, the profile, a carry-over check before the second, a lift check answered "no"
    in it, and an ALSFRS-R rating."""
    url = sqlite_url(tmp_path / "app" / "alshome.sqlite3")
    if backend == "postgresql":
        url = request.getfixturevalue("server_database_url")
    engine = open_database(url)
    try:
        repository = Repository(engine)
        clock = ManualClock(datetime(2026, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=2))))
        repository.save_profile(Profile("Ana Ruiz, PT", "555 0100", "Sam", clock.wall()))
        follow_demo(repository, clock, sets=2)
        clock.advance(86_400)
        repository.record_rest_day(CarryOverCheck(CarryOver.SORE, clock.wall()))
        clock.advance(86_400)
        second = follow_demo(repository, clock, 3, CarryOverCheck(CarryOver.TIRED, clock.wall()))
        repository.record_lift_check(
            second, LiftCheck("knee_extension_weight", "Knee straightening", False, clock.wall())
        )
        clock.advance(3600)
        values = (4, 4, 3, 3, 2, 2, 3, 3, 1, 4, 4, 4)
        repository.save_alsfrs(Entry(clock.wall(), values, EnteredBy.CAREGIVER, date(2025, 1, 1)))
        text, _count = export_json(repository, clock.wall())
    finally:
        engine.dispose()
    return json.loads(text)


def batch_of(export: dict[str, Any]) -> dict[str, Any]:
    """An upload batch holding a whole export, as a first sync sends it."""
    names = ("programs", "profile", "carry_over_checks", "sessions", "alsfrs")
    return {name: export[name] for name in names}


# ----- the dashboard --------------------------------------------------------------------

OTHER_THERAPIST = "ben@clinic.example"


def csrf_of(page: str) -> str:
    """The CSRF token a dashboard page's forms post back."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found is not None, "the page has no form with a CSRF token"
    return found.group(1)


def log_in(client: TestClient, email: str = THERAPIST, password: str = PASSWORD) -> str:
    """Log `client` in to the dashboard; the session's CSRF token."""
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/patients").text)


@pytest.fixture
def others_patient(clinic: Engine) -> NewPatient:
    """A patient of another therapist of the same clinic."""
    add_therapist(clinic, OTHER_THERAPIST, PASSWORD)
    return add_patient(clinic, OTHER_THERAPIST, "Robin", "command:test")


@pytest.fixture
def csrf(client: TestClient, therapist: str) -> str:
    """`client` logged in as the therapist; the session's CSRF token."""
    return log_in(client, therapist)


@pytest.fixture
def shared(
    client: TestClient, device: dict[str, str], app_export: dict[str, Any], csrf: str
) -> str:
    """The patient's history uploaded by their app; the dashboard's CSRF token."""
    response = client.post("/api/v1/upload", json=batch_of(app_export), headers=device)
    assert response.status_code == 200, response.text
    return csrf
