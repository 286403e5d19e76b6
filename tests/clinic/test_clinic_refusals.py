"""Each request the clinic must refuse, refused: no token, a wrong or revoked one, another
patient named in the body or reached with one's own token, plain HTTP from the network, a
body over the cap, a record the export's rules refuse. Nothing of a refused request is
stored."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from alshome.clinic.accounts import revoke_device
from alshome.clinic.api import create_app
from alshome.clinic.models import Device, PatientSession, PatientSet
from alshome.clinic.publishing import publish
from alshome.programs.demo import demo_document
from alshome.programs.transfer import check_program
from tests.clinic.conftest import batch_of, pair

pytestmark = pytest.mark.databases("sqlite", "postgresql")

UPLOAD = "/api/v1/upload"
PROGRAM = "/api/v1/program"
DEVICE = "/api/v1/device"


def sessions_held(engine, patient_id=None) -> int:
    query = select(func.count()).select_from(PatientSession)
    if patient_id is not None:
        query = query.where(PatientSession.patient_id == patient_id)
    with Session(engine) as db:
        return db.scalar(query)


def every_route(client, headers):
    return [
        client.post(UPLOAD, json={}, headers=headers),
        client.get(PROGRAM, headers=headers),
        client.get(DEVICE, headers=headers),
        client.delete(DEVICE, headers=headers),
    ]


def test_a_request_without_a_token_gets_nothing(client, device, clinic):
    for response in every_route(client, {}):
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
    with Session(clinic) as db:
        assert db.scalar(select(Device.revoked_at)) is None


@pytest.mark.parametrize(
    "authorization",
    ["Bearer not-a-token", "Bearer ", "Basic YWxpY2U6c2VjcmV0", "bearer" + " x" * 3],
)
def test_a_wrong_token_gets_nothing(client, device, authorization):
    for response in every_route(client, {"Authorization": authorization}):
        assert response.status_code == 401


def test_a_token_with_a_character_changed_gets_nothing(client, device):
    token = device["Authorization"]
    changed = token[:-1] + ("A" if token[-1] != "A" else "B")
    for response in every_route(client, {"Authorization": changed}):
        assert response.status_code == 401


def test_a_revoked_token_is_refused(client, clinic, device):
    assert client.get(PROGRAM, headers=device).status_code == 204
    with Session(clinic) as db:
        device_id = db.scalar(select(Device.id))
    assert revoke_device(clinic, device_id, "therapist:ana@clinic.example")
    for response in every_route(client, device):
        assert response.status_code == 401


def test_a_device_that_stops_sharing_is_refused_from_then_on(client, device):
    assert client.delete(DEVICE, headers=device).status_code == 204
    assert client.get(PROGRAM, headers=device).status_code == 401


def test_another_patients_id_in_the_body_is_refused_and_nothing_stored(
    client, clinic, device, other_patient, app_export
):
    batch = batch_of(app_export)
    for smuggled in (
        {**batch, "patient_id": other_patient.patient_id},
        {**batch, "sessions": [{**batch["sessions"][0], "patient_id": other_patient.patient_id}]},
    ):
        assert client.post(UPLOAD, json=smuggled, headers=device).status_code == 422
    assert sessions_held(clinic) == 0


def test_an_upload_lands_with_the_tokens_patient_only(
    client, clinic, patient, other_patient, app_export
):
    other = pair(client, other_patient.pairing_code, "Alex's laptop")
    response = client.post(UPLOAD, json=batch_of(app_export), headers=other)
    assert response.status_code == 200, response.text
    assert sessions_held(clinic, other_patient.patient_id) == 2
    assert sessions_held(clinic, patient.patient_id) == 0


def test_one_patients_token_reads_and_stops_nothing_of_another_patients(
    client, clinic, device, patient, other_patient, app_export
):
    """Alex has a history and a published program; Sam's token, on every route, gets Sam's
    own (nothing) and its own stop, and Alex's device goes on as before."""
    other = pair(client, other_patient.pairing_code, "Alex's laptop")
    assert client.post(UPLOAD, json=batch_of(app_export), headers=other).status_code == 200
    publish(clinic, other_patient.patient_id, check_program(demo_document()), "command:test")

    assert client.get(PROGRAM, headers=device).status_code == 204
    held = client.get(DEVICE, headers=device).json()
    assert (held["patient_id"], held["sessions"], held["sets"]) == (patient.patient_id, 0, 0)
    assert client.delete(DEVICE, headers=device).status_code == 204

    assert client.get(PROGRAM, headers=other).status_code == 200
    held = client.get(DEVICE, headers=other).json()
    assert (held["patient_id"], held["sessions"]) == (other_patient.patient_id, 2)
    assert sessions_held(clinic, patient.patient_id) == 0


def test_plain_http_from_the_network_is_refused(clinic, device):
    with TestClient(create_app(engine=clinic), base_url="http://clinic.example") as plain:
        response = plain.get(PROGRAM, headers=device)
        paired = plain.post("/api/v1/pair", json={"code": "ABCD-EFGH", "device_name": "x"})
    assert response.status_code == paired.status_code == 403
    assert "HTTPS" in response.json()["detail"]


def test_plain_http_on_the_loopback_address_is_served(clinic, device):
    for address in ("127.0.0.1", "::1"):
        with TestClient(
            create_app(engine=clinic), base_url="http://localhost", client=(address, 40000)
        ) as local:
            assert local.get(PROGRAM, headers=device).status_code == 204


def test_a_body_declared_over_the_cap_is_refused_before_it_is_read(clinic, device):
    with TestClient(create_app(engine=clinic, max_body_bytes=1000), base_url="https://c") as small:
        response = small.post(
            UPLOAD,
            content=b"{" + b" " * 2000 + b"}",
            headers={**device, "content-type": "application/json"},
        )
    assert response.status_code == 413
    assert sessions_held(clinic) == 0


def test_a_body_streamed_over_the_cap_is_refused(clinic, device, app_export):
    """Sent in chunks with no declared length: counted as it arrives."""
    import json

    body = json.dumps(batch_of(app_export)).encode()
    chunks = (body[start : start + 500] for start in range(0, len(body), 500))
    with TestClient(create_app(engine=clinic, max_body_bytes=1000), base_url="https://c") as small:
        response = small.post(
            UPLOAD, content=chunks, headers={**device, "content-type": "application/json"}
        )
    assert response.status_code == 413
    assert sessions_held(clinic) == 0


@pytest.mark.parametrize(
    "spoil",
    [
        lambda batch: batch["sessions"][0].update(uuid="NOT-A-UUID"),
        lambda batch: batch["sessions"][0]["sets"][0].update(fatigue=11),
        lambda batch: batch["sessions"][1]["sets"][0].update(set_number=99),
        lambda batch: batch["sessions"][0].update(started_at="yesterday"),
        lambda batch: batch["programs"][0]["document"].update(weekly_target=-1),
        lambda batch: batch["sessions"].append(batch["sessions"][0]),
        lambda batch: batch["sessions"][0]["sets"][0].update(exercise_name="Knee\u0000"),
        lambda batch: batch.update(patient_id="0f8fad5b-d9cb-469f-a165-70867728950e"),
    ],
)
def test_a_batch_the_exports_rules_refuse_stores_nothing(client, clinic, device, app_export, spoil):
    batch = batch_of(app_export)
    spoil(batch)
    response = client.post(UPLOAD, json=batch, headers=device)
    assert response.status_code == 422
    assert "Knee" not in response.text  # the refusal says where and why, not what was sent
    assert sessions_held(clinic) == 0
    with Session(clinic) as db:
        assert db.scalar(select(func.count()).select_from(PatientSet)) == 0


def test_no_answer_may_be_kept_in_a_cache(client, clinic, device):
    answers = [
        client.get(PROGRAM, headers=device),
        client.get(PROGRAM),
        client.post(UPLOAD, json={}, headers=device),
    ]
    with TestClient(create_app(engine=clinic), base_url="http://clinic.example") as plain:
        answers.append(plain.get(PROGRAM, headers=device))
    for answer in answers:
        assert answer.headers["cache-control"] == "no-store"
        assert answer.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("body", [b"", b"not json", b"[]", b"\xff\xfe{}", b'{"sessions": 3}'])
def test_a_body_that_is_no_batch_is_refused(client, clinic, device, body):
    response = client.post(
        UPLOAD, content=body, headers={**device, "content-type": "application/json"}
    )
    assert response.status_code == 422
    assert sessions_held(clinic) == 0
