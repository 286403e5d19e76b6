"""Uploads stored together (`store_batches`, `UploadWriter`): each patient's receipt and
copy are exactly what storing their upload alone gives; a wrong token, a bad body or a
second upload of the same patient in a group answers for itself only; a group whose
transaction fails is stored upload by upload."""

from __future__ import annotations

import copy
import json
import threading
from typing import Any

import pytest
from fastapi import HTTPException
from fastapi.exceptions import RequestValidationError
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from alshome.clinic import upload_writer
from alshome.clinic.accounts import add_patient, pair
from alshome.clinic.audit import audit_entries
from alshome.clinic.storing import store_batch, store_batches
from alshome.clinic.upload_writer import UploadWriter
from alshome.clinic.wire import UploadBatch
from tests.clinic.conftest import THERAPIST, batch_of
from tests.clinic.test_clinic_upload import clinic_copy

pytestmark = pytest.mark.databases("sqlite", "postgresql")


def pieces_of(export: dict[str, Any]) -> list[dict[str, Any]]:
    """Three uploads that make up a history: the first session in progress with its sets
    unrated, then everything but the ALSFRS-R rating, then the whole history again."""
    batch = batch_of(export)
    first = copy.deepcopy(batch["sessions"][0])
    first.update(ended_at=None, status="in_progress", symptoms=[])
    for entry in first["sets"]:
        entry["fatigue"] = None
    return [{"sessions": [first]}, {**batch, "alsfrs": []}, batch]


def new_patients(clinic: Engine, count: int) -> list[str]:
    return [
        add_patient(clinic, THERAPIST, f"Patient {number}", "command:test").patient_id
        for number in range(count)
    ]


def test_batches_stored_together_give_each_patient_what_storing_alone_gives(
    clinic, therapist, app_export
):
    """Three patients whose uploads hold the very same session uuids (the same history
    sent by each), at three different points of it: one store_batches call a step for
    the three, against the same steps stored patient by patient."""
    alone, together = new_patients(clinic, 3), new_patients(clinic, 3)
    steps = pieces_of(app_export)
    histories = [steps, steps[1:], steps[::-1]]  # from the start, from a whole, backwards
    for step in range(3):
        with Session(clinic) as db, db.begin():
            expected = [
                store_batch(db, patient, UploadBatch.model_validate(history[step]))
                for patient, history in zip(alone, histories, strict=False)
                if step < len(history)
            ]
            received = store_batches(
                db,
                [
                    (patient, UploadBatch.model_validate(history[step]))
                    for patient, history in zip(together, histories, strict=False)
                    if step < len(history)
                ],
            )
        assert received == expected
    assert expected[0].completed == 0 and received[0].sets.already_held == 5
    for patient_alone, patient_together in zip(alone, together, strict=True):
        assert clinic_copy(clinic, patient_together) == clinic_copy(clinic, patient_alone)


def test_one_patient_twice_in_one_call_is_refused(clinic, therapist, app_export):
    patient = new_patients(clinic, 1)[0]
    batch = UploadBatch.model_validate(batch_of(app_export))
    with Session(clinic) as db, pytest.raises(ValueError):
        store_batches(db, [(patient, batch), (patient, batch)])


def uploads_audited(clinic: Engine, patient: str) -> int:
    return sum(entry.what.startswith("upload stored") for entry in audit_entries(clinic, patient))


class HeldWriter:
    """An UploadWriter whose first store waits until released, so that everything
    submitted meanwhile is waiting together for the next group; each group's size."""

    def __init__(self, clinic: Engine, monkeypatch: pytest.MonkeyPatch, fail_groups=False):
        self.storing = threading.Event()
        self.released = threading.Event()
        self.group_sizes: list[int] = []
        real = upload_writer.store_batches

        def held(db, uploads):
            self.storing.set()
            self.released.wait(30)
            self.group_sizes.append(len(uploads))
            if fail_groups and len(uploads) > 1:
                raise OperationalError("INSERT", {}, Exception("deadlock detected"))
            return real(db, uploads)

        monkeypatch.setattr(upload_writer, "store_batches", held)
        self.writer = UploadWriter(clinic)

    def first(self, token: str, body: bytes):
        """Submit an upload and wait until the writer is storing it (held)."""
        receipt = self.writer.submit(token, body)
        assert self.storing.wait(30)
        return receipt


def tokens_of(clinic: Engine, patients: list[str]) -> list[str]:
    from alshome.clinic.accounts import new_pairing_code

    return [
        pair(clinic, new_pairing_code(clinic, patient, "command:test"), "device").token
        for patient in patients
    ]


def test_a_group_answers_each_upload_for_itself(clinic, therapist, app_export, monkeypatch):
    patients = new_patients(clinic, 4)
    tokens = tokens_of(clinic, patients)
    second_device = tokens_of(clinic, patients[:1])[0]
    whole = json.dumps(batch_of(app_export)).encode()
    held = HeldWriter(clinic, monkeypatch)
    first = held.first(tokens[0], json.dumps(pieces_of(app_export)[0]).encode())
    answers = [
        held.writer.submit(tokens[0], whole),  # the same patient again, in the group
        held.writer.submit(second_device, whole),  # and from their other device
        held.writer.submit(tokens[1], whole),
        held.writer.submit("not a token", whole),
        held.writer.submit(tokens[2], b'{"sessions": [{"uuid": "x"}]}'),
        held.writer.submit(tokens[3], whole),
    ]
    held.released.set()
    assert first.result(30).sessions.stored == 1
    again, other_device, second, wrong, bad, fourth = answers
    assert again.result(30).sessions.stored == 1  # the other session; the first was held
    assert other_device.result(30).sessions.already_held == 2
    assert second.result(30).sets.stored == fourth.result(30).sets.stored == 5
    with pytest.raises(HTTPException) as refused:
        wrong.result(30)
    assert refused.value.status_code == 401
    with pytest.raises(RequestValidationError):
        bad.result(30)
    held.writer.close()
    # The first alone; then the group of six in two rounds (the first patient's two
    # uploads one a round), the wrong token and the bad body in neither.
    assert held.group_sizes == [1, 3, 1]
    for patient in (patients[0], patients[1], patients[3]):
        assert clinic_copy(clinic, patient) == clinic_copy(clinic, patients[1])
    assert uploads_audited(clinic, patients[0]) == 3
    assert clinic_copy(clinic, patients[2])["sessions"] == []


def test_a_group_whose_transaction_fails_is_stored_upload_by_upload(
    clinic, therapist, app_export, monkeypatch, caplog
):
    patients = new_patients(clinic, 3)
    tokens = tokens_of(clinic, patients)
    whole = json.dumps(batch_of(app_export)).encode()
    held = HeldWriter(clinic, monkeypatch, fail_groups=True)
    first = held.first(tokens[0], whole)
    group = [held.writer.submit(token, whole) for token in tokens[1:]]
    held.released.set()
    receipts = [answer.result(30) for answer in (first, *group)]
    held.writer.close()
    assert [receipt.sets.stored for receipt in receipts] == [5, 5, 5]
    assert held.group_sizes == [1, 2, 1, 1]
    assert "A group of 2 uploads is stored one by one" in caplog.text
    assert clinic_copy(clinic, patients[2]) == clinic_copy(clinic, patients[0])
    assert [uploads_audited(clinic, patient) for patient in patients] == [1, 1, 1]


def test_a_held_set_takes_its_rating_and_symptoms_once_and_keeps_them(
    clinic, therapist, app_export
):
    """Stored first with neither, a set takes the rating and the symptoms that come later,
    each counted once as completed; what comes after that changes nothing."""
    patient = new_patients(clinic, 1)[0]
    session = copy.deepcopy(batch_of(app_export)["sessions"][0])
    entry = session["sets"][0]
    session["sets"] = [{**entry, "fatigue": None, "symptoms": []}]

    def sent(fatigue, symptoms):
        batch = {
            "sessions": [{**session, "sets": [{**entry, "fatigue": fatigue, "symptoms": symptoms}]}]
        }
        with Session(clinic) as db, db.begin():
            return store_batch(db, patient, UploadBatch.model_validate(batch))

    assert sent(None, []).sets.stored == 1
    assert sent(4, []).completed == 1
    assert sent(4, ["cramp"]).completed == 1
    assert sent(7, ["pain", "dizzy"]).completed == 0
    held = clinic_copy(clinic, patient)["sessions"][0]["sets"][0]
    assert (held["fatigue"], held["symptoms"]) == (4, ["cramp"])
