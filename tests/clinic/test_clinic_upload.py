"""Uploads: each record stored exactly once, however often it is sent; a session sent while
in progress takes its end and its ratings later; the clinic's copy is the app's own export;
every read and change is in the audit, without the health data itself."""

from __future__ import annotations

import copy
import threading
from datetime import datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from alshome.clinic.audit import audit_entries
from alshome.clinic.models import ClinicBase
from alshome.clinic.records import patient_export
from tests.clinic.conftest import batch_of, pair

pytestmark = pytest.mark.databases("sqlite", "postgresql")

UPLOAD = "/api/v1/upload"
KINDS = ("programs", "profile", "carry_over_checks", "sessions", "sets", "lift_checks", "alsfrs")


def clinic_copy(engine, patient_id) -> dict:
    """The clinic's export of the patient, without the moment it was made."""
    with Session(engine) as db:
        document = patient_export(db, patient_id, datetime.now().astimezone())
    return without_moment(document.model_dump(mode="json"))


def without_moment(export: dict) -> dict:
    return {name: value for name, value in export.items() if name != "exported_at"}


def row_counts(engine) -> dict[str, int]:
    with Session(engine) as db:
        return {
            table.name: db.scalar(select(func.count()).select_from(table))
            for table in ClinicBase.metadata.sorted_tables
            if table.name.startswith("patient_")
        }


def test_a_whole_history_sent_once_is_the_apps_own_export(
    client, clinic, patient, device, app_export
):
    response = client.post(UPLOAD, json=batch_of(app_export), headers=device)
    assert response.status_code == 200, response.text
    receipt = response.json()
    assert receipt["sessions"] == {"stored": 2, "already_held": 0}
    assert receipt["sets"] == {"stored": 5, "already_held": 0}
    assert receipt["carry_over_checks"] == {"stored": 2, "already_held": 0}
    assert receipt["lift_checks"] == receipt["alsfrs"] == {"stored": 1, "already_held": 0}
    assert clinic_copy(clinic, patient.patient_id) == without_moment(app_export)


def test_the_same_batch_sent_again_stores_nothing_more(client, clinic, patient, device, app_export):
    batch = batch_of(app_export)
    client.post(UPLOAD, json=batch, headers=device)
    rows = row_counts(clinic)
    again = client.post(UPLOAD, json=batch, headers=device).json()
    assert all(again[kind]["stored"] == 0 for kind in KINDS)
    assert again["sets"]["already_held"] == 5
    assert again["completed"] == 0
    assert row_counts(clinic) == rows
    assert clinic_copy(clinic, patient.patient_id) == without_moment(app_export)


def test_records_sent_one_by_one_in_any_order_and_twice_add_up_to_the_export(
    client, clinic, patient, device, app_export
):
    """As a sync cut off and retried sends them: a session first with no sets and no end,
    then each set without its rating, then rated, then the end; then all of it again
    backwards (an end before its start, a set before its rating), and forwards once more."""
    batch = batch_of(app_export)
    pieces = [
        {"programs": batch["programs"]},
        {"profile": batch["profile"]},
        {"carry_over_checks": batch["carry_over_checks"]},
    ]
    for session in batch["sessions"]:
        started = {
            **copy.deepcopy(session),
            "ended_at": None,
            "status": "in_progress",
            "symptoms": [],
            "sets": [],
            "lift_checks": [],
        }
        pieces.append({"sessions": [started]})
        for entry in session["sets"]:
            unrated = {**started, "sets": [{**entry, "fatigue": None}]}
            pieces.append({"sessions": [unrated]})
            pieces.append({"sessions": [{**started, "sets": [entry]}]})
        pieces.append({"sessions": [session]})
    pieces.append({"alsfrs": batch["alsfrs"]})
    for piece in [*pieces, *reversed(pieces), *pieces]:
        assert client.post(UPLOAD, json=piece, headers=device).status_code == 200
    assert clinic_copy(clinic, patient.patient_id) == without_moment(app_export)


def test_a_session_that_ended_is_never_set_back_in_progress(
    client, clinic, patient, device, app_export
):
    batch = batch_of(app_export)
    client.post(UPLOAD, json=batch, headers=device)
    stale = copy.deepcopy(batch)
    for session in stale["sessions"]:
        session.update(ended_at=None, status="in_progress", symptoms=[])
        for entry in session["sets"]:
            entry["fatigue"] = None
    assert client.post(UPLOAD, json=stale, headers=device).json()["completed"] == 0
    assert clinic_copy(clinic, patient.patient_id) == without_moment(app_export)


def test_two_devices_of_one_patient_share_one_history(client, clinic, patient, app_export):
    from alshome.clinic.accounts import new_pairing_code

    first = pair(client, patient.pairing_code, "laptop")
    second = pair(client, new_pairing_code(clinic, patient.patient_id, "command:test"), "tablet")
    client.post(UPLOAD, json=batch_of(app_export), headers=first)
    receipt = client.post(UPLOAD, json=batch_of(app_export), headers=second).json()
    assert receipt["sessions"] == {"stored": 0, "already_held": 2}


def test_every_read_and_change_is_in_the_audit_without_health_data(
    client, clinic, patient, device, app_export
):
    client.post(UPLOAD, json=batch_of(app_export), headers=device)
    client.get("/api/v1/program", headers=device)
    entries = audit_entries(clinic, patient.patient_id)
    assert [(entry.action, entry.actor.split(":")[0]) for entry in entries] == [
        ("change", "command"),  # added, with a pairing code
        ("change", "device"),  # paired
        ("change", "device"),  # the upload
        ("read", "device"),  # the published program
    ]
    assert "sessions 2" in entries[2].what
    words = " ".join(entry.what for entry in entries)
    for health_data in ("Knee", "cramp", "555 0100", "Sam", "Ana"):
        assert health_data not in words


def test_uploads_at_once_from_many_devices_all_succeed_and_store_each_record_once(
    client, clinic, patient, app_export
):
    """Four devices of one patient send the same history at once, ten times each, in
    batches that read (the profile held) before they write: none fails, and each record
    is stored once."""
    from alshome.clinic.accounts import new_pairing_code

    codes = [patient.pairing_code] + [
        new_pairing_code(clinic, patient.patient_id, "command:test") for _ in range(3)
    ]
    devices = [pair(client, code, f"device {number}") for number, code in enumerate(codes)]
    batch = batch_of(app_export)
    client.post(UPLOAD, json={"programs": batch.pop("programs")}, headers=devices[0])
    statuses: list[int] = []

    def send(headers: dict[str, str]) -> None:
        for _ in range(10):
            statuses.append(client.post(UPLOAD, json=batch, headers=headers).status_code)

    threads = [threading.Thread(target=send, args=(headers,)) for headers in devices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 40
    assert row_counts(clinic)["patient_sets"] == 5
    assert clinic_copy(clinic, patient.patient_id) == without_moment(app_export)


def test_a_device_hears_what_the_clinic_holds_of_its_patient(client, patient, device, app_export):
    before = client.get("/api/v1/device", headers=device).json()
    assert (before["sessions"], before["sets"], before["last_upload"]) == (0, 0, None)
    client.post(UPLOAD, json=batch_of(app_export), headers=device)
    after = client.get("/api/v1/device", headers=device).json()
    assert after["patient_id"] == patient.patient_id
    assert (after["sessions"], after["sets"]) == (2, 5)
    assert datetime.fromisoformat(after["last_upload"]).utcoffset().total_seconds() == 0
