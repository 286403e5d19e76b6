"""Each request the dashboard must refuse, refused, and nothing of it read or changed: not
logged in, another therapist's patient by editing the URL (GET and POST), a POST without
or with a wrong CSRF token, an idle session, a session after logout, guessing passwords;
and what a login's cookie and session are."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from alshome.clinic.accounts import NewPatient
from alshome.clinic.api import create_app
from alshome.clinic.logins import LoginLimiter
from alshome.clinic.models import (
    AuditEntry,
    Device,
    LoginFailure,
    PairingCode,
    Patient,
    WebSession,
    utc_now,
)
from alshome.clinic.publishing import latest_published
from tests.clinic.conftest import CLINIC, PASSWORD, csrf_of, log_in, pair

pytestmark = pytest.mark.databases("sqlite", "postgresql")

PROGRAM_FILE = ("program.json", b"{}", "application/json")


def pages_of(patient_id: str) -> list[str]:
    return [
        f"/patients/{patient_id}",
        f"/patients/{patient_id}/program",
        f"/patients/{patient_id}/pairing",
        f"/patients/{patient_id}/report.pdf",
        f"/patients/{patient_id}/fhir.json",
    ]


def count(engine: Engine, model: type) -> int:
    with Session(engine) as db:
        return db.scalar(select(func.count()).select_from(model))


def codes_of(engine: Engine, patient_id: str) -> int:
    with Session(engine) as db:
        return db.scalar(
            select(func.count())
            .select_from(PairingCode)
            .where(PairingCode.patient_id == patient_id)
        )


def idle_for(engine: Engine, idle: timedelta) -> None:
    """Every session last seen `idle` ago."""
    with Session(engine) as db, db.begin():
        db.execute(update(WebSession).values(last_seen_at=utc_now() - idle))


def test_no_page_without_a_login(client: TestClient, clinic: Engine, patient: NewPatient) -> None:
    for path in ["/patients", "/pairing", *pages_of(patient.patient_id)]:
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"] == "/login"
        assert "Sam" not in response.text
    posts = {
        "/pairing": {"name": "Intruder"},
        f"/patients/{patient.patient_id}/pairing": {},
    }
    for path, data in posts.items():
        response = client.post(path, data=data, follow_redirects=False)
        assert response.status_code == 303, path
    assert count(clinic, Patient) == 1
    assert codes_of(clinic, patient.patient_id) == 1


def test_another_therapists_patient_is_the_same_404_as_none(
    client: TestClient, csrf: str, others_patient: NewPatient
) -> None:
    missing = str(uuid.uuid4())
    for theirs, nobody in zip(pages_of(others_patient.patient_id), pages_of(missing), strict=True):
        refused = client.get(theirs)
        absent = client.get(nobody)
        assert refused.status_code == absent.status_code == 404, theirs
        assert refused.text == absent.text
        assert "Robin" not in refused.text
    listed = client.get("/patients", params={"q": "Robin"})
    assert others_patient.patient_id not in listed.text


def test_no_change_to_another_therapists_patient(
    client: TestClient, clinic: Engine, csrf: str, others_patient: NewPatient
) -> None:
    other = others_patient.patient_id
    device = pair(client, others_patient.pairing_code, "Robin's tablet")
    with Session(clinic) as db:
        device_id = db.scalar(select(Device.id).where(Device.patient_id == other))
    refusals = [
        client.post(f"/patients/{other}/pairing", data={"csrf_token": csrf}),
        client.post(f"/patients/{other}/devices/{device_id}/revoke", data={"csrf_token": csrf}),
        client.post(
            f"/patients/{other}/program",
            data={"csrf_token": csrf},
            files={"program": PROGRAM_FILE},
        ),
    ]
    assert [response.status_code for response in refusals] == [404, 404, 404]
    assert codes_of(clinic, other) == 1
    assert client.get("/api/v1/device", headers=device).status_code == 200
    with Session(clinic) as db:
        assert latest_published(db, other) is None


def test_a_device_is_revoked_only_through_its_own_patient(
    client: TestClient, clinic: Engine, csrf: str, patient: NewPatient, others_patient: NewPatient
) -> None:
    """A therapist's own patient in the URL with another patient's device is refused too."""
    theirs = pair(client, others_patient.pairing_code, "Robin's tablet")
    with Session(clinic) as db:
        device_id = db.scalar(
            select(Device.id).where(Device.patient_id == others_patient.patient_id)
        )
    response = client.post(
        f"/patients/{patient.patient_id}/devices/{device_id}/revoke", data={"csrf_token": csrf}
    )
    assert response.status_code == 404
    assert client.get("/api/v1/device", headers=theirs).status_code == 200


@pytest.mark.parametrize("token", [None, "", "a-wrong-token"])
def test_a_post_without_the_sessions_csrf_token_is_refused(
    client: TestClient, clinic: Engine, csrf: str, patient: NewPatient, token: str | None
) -> None:
    data = {} if token is None else {"csrf_token": token}
    responses = [
        client.post("/pairing", data={**data, "name": "Intruder"}),
        client.post(f"/patients/{patient.patient_id}/pairing", data=data),
        client.post(
            f"/patients/{patient.patient_id}/program", data=data, files={"program": PROGRAM_FILE}
        ),
        client.post("/logout", data=data),
    ]
    assert [response.status_code for response in responses] == [403] * 4
    assert count(clinic, Patient) == 1
    assert codes_of(clinic, patient.patient_id) == 1
    assert count(clinic, WebSession) == 1
    assert client.get("/patients").status_code == 200


def test_another_sessions_csrf_token_is_refused(
    clinic: Engine, therapist: str, patient: NewPatient
) -> None:
    app = create_app(engine=clinic)
    with (
        TestClient(app, base_url="https://clinic.example") as mine,
        TestClient(app, base_url="https://clinic.example") as theirs,
    ):
        log_in(mine)
        their_token = log_in(theirs)
        response = mine.post(
            f"/patients/{patient.patient_id}/pairing", data={"csrf_token": their_token}
        )
    assert response.status_code == 403
    assert codes_of(clinic, patient.patient_id) == 1


def test_the_login_form_has_its_own_csrf_token(client: TestClient, therapist: str) -> None:
    client.get("/login")
    response = client.post(
        "/login", data={"email": therapist, "password": PASSWORD}, follow_redirects=False
    )
    assert response.status_code == 403
    assert "alshome_session" not in response.cookies


def test_an_idle_session_ends(client: TestClient, clinic: Engine, csrf: str) -> None:
    idle_for(clinic, timedelta(minutes=31))
    response = client.get("/patients", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login"
    assert count(clinic, WebSession) == 0


def test_the_idle_timeout_is_the_servers_to_set(
    clinic: Engine, therapist: str, patient: NewPatient
) -> None:
    with TestClient(
        create_app(engine=clinic, idle_timeout=timedelta(0)), base_url="https://clinic.example"
    ) as client:
        token = csrf_of(client.get("/login").text)
        client.post("/login", data={"email": therapist, "password": PASSWORD, "csrf_token": token})
        assert client.get("/patients", follow_redirects=False).status_code == 303


def test_a_request_keeps_a_session_alive(client: TestClient, clinic: Engine, csrf: str) -> None:
    idle_for(clinic, timedelta(minutes=29))
    assert client.get("/patients").status_code == 200
    with Session(clinic) as db:
        seen = db.scalar(select(WebSession.last_seen_at))
    assert utc_now() - seen < timedelta(minutes=1)


def test_after_logout_the_session_opens_nothing(
    client: TestClient, clinic: Engine, csrf: str, patient: NewPatient
) -> None:
    cookie = client.cookies.get("alshome_session")
    response = client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert response.status_code == 303
    assert count(clinic, WebSession) == 0
    client.cookies.set("alshome_session", cookie)
    replayed = client.get(f"/patients/{patient.patient_id}", follow_redirects=False)
    assert replayed.status_code == 303
    assert "Sam" not in replayed.text


def test_a_revoked_device_is_refused(
    client: TestClient, clinic: Engine, csrf: str, patient: NewPatient
) -> None:
    device = pair(client, patient.pairing_code)
    with Session(clinic) as db:
        device_id = db.scalar(select(Device.id))
    page = client.post(
        f"/patients/{patient.patient_id}/devices/{device_id}/revoke", data={"csrf_token": csrf}
    )
    assert page.status_code == 200
    assert "Revoked on" in page.text
    assert client.get("/api/v1/device", headers=device).status_code == 401
    with Session(clinic) as db:
        assert (
            db.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.what == f"revoked device {device_id}")
            )
            == 1
        )


def login_attempt(client: TestClient, email: str, password: str) -> int:
    """A login through the form, with its CSRF token: the answer's status."""
    token = csrf_of(client.get("/login").text)
    return client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    ).status_code


def test_logging_in_is_rate_limited(client: TestClient, therapist: str) -> None:
    def attempt(password: str) -> int:
        return login_attempt(client, therapist, password)

    assert [attempt("not the password!") for _ in range(5)] == [401] * 5
    assert attempt(PASSWORD) == 429
    assert "alshome_session" not in client.cookies


def test_the_session_cookie_and_what_the_clinic_keeps(
    client: TestClient, clinic: Engine, therapist: str
) -> None:
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"email": therapist, "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    cookie = next(
        header
        for header in response.headers.get_list("set-cookie")
        if header.startswith("alshome_session=")
    )
    attributes = {part.strip().lower() for part in cookie.split(";")}
    assert {"httponly", "secure", "samesite=strict", "path=/"} <= attributes
    secret = cookie.split(";")[0].split("=", 1)[1]
    with Session(clinic) as db:
        kept = db.scalar(select(WebSession))
    assert secret not in (kept.token_hash, kept.csrf_token)
    assert len(kept.token_hash) == 64


def test_over_plain_http_on_the_loopback_the_cookie_is_not_secure(
    clinic: Engine, therapist: str
) -> None:
    with TestClient(
        create_app(engine=clinic), base_url="http://localhost", client=("127.0.0.1", 40000)
    ) as client:
        client.get("/login")
        token = client.cookies.get("alshome_login")
        response = client.post(
            "/login",
            data={"email": therapist, "password": PASSWORD, "csrf_token": token},
            follow_redirects=False,
        )
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert "secure" not in cookie.replace("samesite", "")


def test_every_read_of_a_patient_is_audited(
    client: TestClient, clinic: Engine, csrf: str, patient: NewPatient
) -> None:
    for path in ["/patients", *pages_of(patient.patient_id)[:3]]:
        client.get(path)
    with Session(clinic) as db:
        reads = db.scalars(
            select(AuditEntry.what).where(
                AuditEntry.patient_id == patient.patient_id,
                AuditEntry.actor == "therapist:ana@clinic.example",
                AuditEntry.action == "read",
            )
        ).all()
    assert reads == [
        "the patients page",
        "the patient's page",
        "the program page",
        "listed the devices",
    ]


def test_wrong_passwords_are_forgotten_after_the_window(clinic: Engine) -> None:
    now = [datetime(2026, 3, 2, 9, 0)]
    limiter = LoginLimiter(
        clinic, max_failures=2, window=timedelta(seconds=900), now=lambda: now[0]
    )
    limiter.failed("email:a", "client:x")
    limiter.failed("email:a", "client:x")
    assert limiter.blocked("email:a") and limiter.blocked("email:b", "client:x")
    assert not limiter.blocked("email:b", "client:y")
    now[0] += timedelta(seconds=901)
    assert not limiter.blocked("email:a", "client:x")
    limiter.failed("email:c")
    assert count(clinic, LoginFailure) == 1  # the old failures went as a new one came
    limiter.succeeded("email:c")
    assert count(clinic, LoginFailure) == 0


def test_every_server_process_counts_the_same_wrong_passwords(
    clinic_url: str, clinic: Engine, therapist: str
) -> None:
    """Two apps on their own engines, as two worker processes of `clinic serve` are, and
    a client of each at its own address: the address's count is the same for both."""

    def attempt(client: TestClient, password: str) -> int:
        return login_attempt(client, therapist, password)

    with (
        TestClient(create_app(clinic_url), base_url=CLINIC, client=("203.0.113.1", 4000)) as one,
        TestClient(create_app(clinic_url), base_url=CLINIC, client=("203.0.113.2", 4000)) as two,
    ):
        assert [attempt(one, "not the password!") for _ in range(3)] == [401] * 3
        assert [attempt(two, "not the password!") for _ in range(2)] == [401] * 2
        assert attempt(one, PASSWORD) == attempt(two, PASSWORD) == 429
