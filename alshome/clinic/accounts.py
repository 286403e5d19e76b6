"""Therapists, their patients, pairing a patient's app and knowing it again by its token.

Every function takes the engine and does its work in one transaction. The patient a
device speaks for is the one its pairing code was made for: after pairing, the token
alone says who it is, and no request can name another patient.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import Engine, Select, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from alshome.clinic import credentials
from alshome.clinic.audit import record_access
from alshome.clinic.errors import ClinicError, PairingRefused
from alshome.clinic.models import Device, PairingCode, Patient, Therapist, utc_now

CODE_LIFETIME = timedelta(hours=24)
MAX_TRIES = 5
WRONG_CODE = "This pairing code is not right; check it and type it again."
SPENT_CODE = "This pairing code was already used; ask the therapist for a new one."
EXPIRED_CODE = "This pairing code has expired; ask the therapist for a new one."
LOCKED_CODE = "This pairing code was tried too many times; ask the therapist for a new one."


@dataclass(frozen=True)
class NewPatient:
    patient_id: str
    pairing_code: str  # as shown: ABCD-EFGH


@dataclass(frozen=True)
class Pairing:
    token: str
    patient_id: str
    device_id: int


@dataclass(frozen=True)
class DeviceIdentity:
    """Who a request comes from: the device, and the patient it speaks for."""

    device_id: int
    patient_id: str

    @property
    def actor(self) -> str:
        return f"device:{self.device_id}"


def add_therapist(engine: Engine, email: str, password: str) -> int:
    email = email.strip().lower()
    if "@" not in email or len(email) > 320:
        raise ClinicError(f"{email!r} is not an e-mail address.")
    if len(password) < 12:
        raise ClinicError("The password must be at least 12 characters long.")
    try:
        with Session(engine) as db, db.begin():
            therapist = Therapist(
                email=email, password_hash=credentials.hash_secret(password), created_at=utc_now()
            )
            db.add(therapist)
            db.flush()
            return therapist.id
    except IntegrityError:
        raise ClinicError(f"There is already a therapist {email}.") from None


def check_therapist(engine: Engine, email: str, password: str) -> int | None:
    """The therapist's id when the password is theirs; None for a wrong password or an
    unknown address alike, after the same work, so the answer's time tells neither.

    A hash made with older parameters is made again with today's, on the right password.
    """
    with Session(engine) as db, db.begin():
        therapist = db.scalar(select(Therapist).where(Therapist.email == email.strip().lower()))
        stored = _unknown_hash() if therapist is None else therapist.password_hash
        if not credentials.secret_matches(stored, password) or therapist is None:
            return None
        if credentials.needs_new_hash(stored):
            therapist.password_hash = credentials.hash_secret(password)
        return therapist.id


@cache
def _unknown_hash() -> str:
    """A hash no password matches, checked when the address is unknown."""
    return credentials.hash_secret(credentials.new_token())


def therapist_of(db: Session, email: str) -> Therapist:
    therapist = db.scalar(select(Therapist).where(Therapist.email == email.strip().lower()))
    if therapist is None:
        raise ClinicError(f"There is no therapist {email.strip().lower()}; add them first.")
    return therapist


def add_patient(engine: Engine, therapist_email: str, name: str, actor: str) -> NewPatient:
    """A new patient of that therapist, and the one-time code their app pairs with."""
    name = name.strip()
    if not 1 <= len(name) <= 200:
        raise ClinicError("The patient's name must be 1 to 200 characters long.")
    with Session(engine) as db, db.begin():
        therapist = therapist_of(db, therapist_email)
        patient = Patient(
            id=str(uuid.uuid4()), therapist_id=therapist.id, name=name, created_at=utc_now()
        )
        db.add(patient)
        db.flush()
        code = _new_code(db, patient.id)
        record_access(db, actor, patient.id, "change", "added the patient and a pairing code")
        return NewPatient(patient.id, credentials.shown_code(code))


def new_pairing_code(engine: Engine, patient_id: str, actor: str) -> str:
    """Another one-time code for a patient (a new device, or one that was revoked)."""
    with Session(engine) as db, db.begin():
        patient_named(db, patient_id)
        code = _new_code(db, patient_id)
        record_access(db, actor, patient_id, "change", "made a pairing code")
        return credentials.shown_code(code)


def therapists_patient(db: Session, therapist_id: int, patient_id: str) -> Patient:
    """The patient, only when they are this therapist's; another therapist's patient is
    refused exactly as one that does not exist, so an id tried tells nothing."""
    patient = db.get(Patient, patient_id)
    if patient is None or patient.therapist_id != therapist_id:
        raise ClinicError(f"There is no patient {patient_id}.")
    return patient


def therapists_patients(db: Session, therapist_id: int) -> list[Patient]:
    return list(
        db.scalars(
            select(Patient).where(Patient.therapist_id == therapist_id).order_by(Patient.name)
        )
    )


def patient_named(db: Session, patient_id: str) -> Patient:
    patient = db.get(Patient, patient_id)
    if patient is None:
        raise ClinicError(f"There is no patient {patient_id}.")
    return patient


def _new_code(db: Session, patient_id: str) -> str:
    """A code whose handle no other open code has, so the handle finds one code."""
    now = utc_now()
    while True:
        code = credentials.new_pairing_code()
        handle = credentials.code_handle(code)
        if not db.scalars(_open_codes(handle, now)).first():
            break
    db.add(
        PairingCode(
            patient_id=patient_id,
            handle=handle,
            code_hash=credentials.hash_secret(code),
            created_at=now,
            expires_at=now + CODE_LIFETIME,
            tries=0,
        )
    )
    return code


def _open_codes(handle: str, now: datetime) -> Select[tuple[PairingCode]]:
    return select(PairingCode).where(
        PairingCode.handle == handle,
        PairingCode.used_at.is_(None),
        PairingCode.expires_at > now,
    )


def pair(engine: Engine, typed: str, device_name: str) -> Pairing:
    """Pair a device with the code typed; PairingRefused says why not, in one sentence.

    A wrong secret counts a try against every open code of its handle; at MAX_TRIES the
    code is locked, and even the right code is then refused. The code is marked used in
    the same statement that checks it is still unused, so two devices racing with one code
    cannot both pair.
    """
    code = credentials.typed_code(typed)
    if code is None:
        raise PairingRefused(WRONG_CODE)
    now = utc_now()
    handle = credentials.code_handle(code)
    with Session(engine) as db, db.begin():
        candidates = db.scalars(
            select(PairingCode)
            .where(PairingCode.handle == handle, PairingCode.expires_at > now - CODE_LIFETIME)
            .order_by(PairingCode.id.desc())
        ).all()
        found = next(
            (row for row in candidates if credentials.secret_matches(row.code_hash, code)), None
        )
        if found is None:
            db.execute(
                update(PairingCode)
                .where(PairingCode.id.in_([row.id for row in candidates if row.used_at is None]))
                .values(tries=PairingCode.tries + 1)
            )
            raise_after = PairingRefused(WRONG_CODE)
        elif found.tries >= MAX_TRIES:
            raise_after = PairingRefused(LOCKED_CODE)
        elif found.used_at is not None:
            raise_after = PairingRefused(SPENT_CODE)
        elif found.expires_at <= now:
            raise_after = PairingRefused(EXPIRED_CODE)
        else:
            claimed = db.execute(
                update(PairingCode)
                .where(PairingCode.id == found.id, PairingCode.used_at.is_(None))
                .values(used_at=now)
            )
            if claimed.rowcount != 1:
                raise PairingRefused(SPENT_CODE)
            token = credentials.new_token()
            device = Device(
                patient_id=found.patient_id,
                token_hash=credentials.token_hash(token),
                name=device_name,
                paired_at=now,
            )
            db.add(device)
            db.flush()
            record_access(db, f"device:{device.id}", found.patient_id, "change", "paired")
            return Pairing(token, found.patient_id, device.id)
    raise raise_after


def device_of(db: Session, token: str) -> DeviceIdentity | None:
    """The device a token belongs to, unless it was revoked; None for any other token."""
    row = db.execute(
        select(Device.id, Device.patient_id).where(
            Device.token_hash == credentials.token_hash(token), Device.revoked_at.is_(None)
        )
    ).first()
    return None if row is None else DeviceIdentity(row.id, row.patient_id)


def revoke_device(engine: Engine, device_id: int, actor: str) -> bool:
    """Refuse the device's token from now on; False when it was revoked already."""
    with Session(engine) as db, db.begin():
        device = db.get(Device, device_id)
        if device is None:
            raise ClinicError(f"There is no device {device_id}.")
        if device.revoked_at is not None:
            return False
        device.revoked_at = utc_now()
        record_access(db, actor, device.patient_id, "change", f"revoked device {device_id}")
        return True


def patient_devices(engine: Engine, patient_id: str, actor: str) -> list[Device]:
    with Session(engine, expire_on_commit=False) as db, db.begin():
        patient_named(db, patient_id)
        record_access(db, actor, patient_id, "read", "listed the devices")
        return list(
            db.scalars(select(Device).where(Device.patient_id == patient_id).order_by(Device.id))
        )
