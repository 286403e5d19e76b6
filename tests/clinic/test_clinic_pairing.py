"""Pairing: a one-time code, short, single-use, 24 hours, locked after 5 wrong tries; the
token it gives is kept only as a hash, and a therapist's password as Argon2id."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from alshome.clinic.accounts import MAX_TRIES
from alshome.clinic.credentials import CODE_ALPHABET
from alshome.clinic.models import Device, PairingCode, Therapist
from tests.clinic.conftest import PASSWORD, pair

pytestmark = pytest.mark.databases("sqlite", "postgresql")

PAIR = "/api/v1/pair"


def attempt(client, code):
    return client.post(PAIR, json={"code": code, "device_name": "a laptop"})


def wrong_secret(code: str) -> str:
    """The same handle (first group) with another secret."""
    last = code[-1]
    return code[:-1] + next(c for c in CODE_ALPHABET if c != last)


def test_the_code_is_eight_unambiguous_characters_in_two_groups(patient):
    handle, secret = patient.pairing_code.split("-")
    assert len(handle) == len(secret) == 4
    assert set(handle + secret) <= set(CODE_ALPHABET)
    assert not set("01ILO") & set(CODE_ALPHABET)


def test_pairing_gives_a_token_that_is_kept_only_as_its_hash(client, clinic, patient):
    response = attempt(client, patient.pairing_code)
    assert response.status_code == 200
    token = response.json()["token"]
    assert response.json()["patient_id"] == patient.patient_id
    assert len(token) >= 43  # 256 bits, URL-safe base64
    with Session(clinic) as db:
        stored = db.scalar(select(Device.token_hash))
        tables = ("devices", "audit")
        dump = " ".join(
            str(row) for table in tables for row in db.execute(text(f"SELECT * FROM {table}"))
        )
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    assert token not in dump


def test_a_code_typed_in_small_letters_with_spaces_pairs(client, patient):
    typed = " ".join(patient.pairing_code.replace("-", "").lower())
    assert attempt(client, typed).status_code == 200


def test_a_code_pairs_once(client, patient):
    pair(client, patient.pairing_code)
    again = attempt(client, patient.pairing_code)
    assert again.status_code == 403
    assert "already used" in again.json()["detail"]


def test_a_code_expires_after_24_hours(client, clinic, patient):
    with Session(clinic) as db, db.begin():
        db.execute(update(PairingCode).values(expires_at=PairingCode.created_at))
    response = attempt(client, patient.pairing_code)
    assert response.status_code == 403
    assert "expired" in response.json()["detail"]


def test_a_fresh_code_lives_24_hours(clinic, patient):
    with Session(clinic) as db:
        code = db.scalar(select(PairingCode))
    assert code.expires_at - code.created_at == timedelta(hours=24)


def test_five_wrong_tries_lock_the_code_even_for_the_right_one(client, clinic, patient):
    for _ in range(MAX_TRIES):
        wrong = attempt(client, wrong_secret(patient.pairing_code))
        assert wrong.status_code == 403
        assert "not right" in wrong.json()["detail"]
    locked = attempt(client, patient.pairing_code)
    assert locked.status_code == 403
    assert "too many times" in locked.json()["detail"]
    with Session(clinic) as db:
        assert db.scalar(select(Device.id)) is None


def test_four_wrong_tries_still_let_the_right_code_pair(client, patient):
    for _ in range(MAX_TRIES - 1):
        attempt(client, wrong_secret(patient.pairing_code))
    assert attempt(client, patient.pairing_code).status_code == 200


@pytest.mark.parametrize("code", ["", "ABC", "ABCD-EFG1", "x" * 40])
def test_what_cannot_be_a_code_is_refused_as_wrong(client, patient, code):
    response = attempt(client, code)
    assert response.status_code == 403
    assert "not right" in response.json()["detail"]


def test_a_pairing_request_with_unknown_fields_is_refused(client, patient):
    response = client.post(
        PAIR, json={"code": patient.pairing_code, "device_name": "x", "patient_id": "y"}
    )
    assert response.status_code == 422


def test_a_password_is_kept_as_an_argon2id_hash(clinic, therapist):
    with Session(clinic) as db:
        stored = db.scalar(select(Therapist.password_hash))
    assert stored.startswith("$argon2id$")
    assert "long enough" not in stored


def test_a_therapist_is_known_by_the_right_password_only(clinic, therapist):
    from alshome.clinic.accounts import check_therapist

    assert check_therapist(clinic, " ANA@clinic.example ", PASSWORD) is not None
    assert check_therapist(clinic, therapist, PASSWORD + "x") is None
    assert check_therapist(clinic, "nobody@clinic.example", PASSWORD) is None


def test_a_hash_with_older_parameters_is_made_again_on_the_right_password(
    clinic, therapist, monkeypatch
):
    from argon2 import PasswordHasher

    from alshome.clinic import credentials
    from alshome.clinic.accounts import check_therapist

    with Session(clinic) as db:
        before = db.scalar(select(Therapist.password_hash))
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    monkeypatch.setattr(credentials, "_hasher", stronger)
    assert check_therapist(clinic, therapist, PASSWORD) is not None
    with Session(clinic) as db:
        after = db.scalar(select(Therapist.password_hash))
    assert after != before and not stronger.check_needs_rehash(after)


def test_a_therapist_reaches_only_their_own_patients(clinic, therapist, patient):
    from alshome.clinic.accounts import add_therapist, therapists_patient, therapists_patients
    from alshome.clinic.errors import ClinicError

    other = add_therapist(clinic, "ben@clinic.example", PASSWORD)
    with Session(clinic) as db:
        own = db.scalar(select(Therapist.id).where(Therapist.email == therapist))
        assert therapists_patient(db, own, patient.patient_id).name == "Sam"
        assert [row.id for row in therapists_patients(db, own)] == [patient.patient_id]
        assert therapists_patients(db, other) == []
        with pytest.raises(ClinicError) as refused:
            therapists_patient(db, other, patient.patient_id)
        with pytest.raises(ClinicError) as missing:
            therapists_patient(db, other, "0f8fad5b-d9cb-469f-a165-70867728950e")
    assert str(refused.value).replace(patient.patient_id, "ID") == str(missing.value).replace(
        "0f8fad5b-d9cb-469f-a165-70867728950e", "ID"
    )
