"""The clinic's tables, as SQLAlchemy 2 typed models; only the migrations make them.

People and devices: therapists (an e-mail and an Argon2id hash), their patients, the
one-time pairing codes a patient's app joins with, the devices paired (each known only
by its token's SHA-256), the therapists' dashboard sessions (each known by its cookie's
SHA-256), the dashboard's recent wrong passwords and the audit of every read or change of
a patient's data.

A patient's history, as their app uploads it: programs, sessions with their sets and lift
checks, carry-over checks, ALSFRS-R ratings and the first-run profile. Each keeps the
app's own record keys (a session's uuid, a set's position in it, a rating's moment), so a
repeated upload stores nothing twice; the columns are the app's export format's fields,
by name, so `records` turns rows into that format through its own models. Patients get
random uuids, not counters: an id in a URL tells nothing about any other patient.
Moments of the clinic's own are naive UTC; the history's keep the app's ISO 8601 text with
its offset, and a naive UTC copy where they are sorted.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from alshome.storage.models import MOMENT, NAMING_CONVENTION

UUID_TEXT = String(36)
HASH = String(200)


def utc_now() -> datetime:
    """Now, as the clinic's own columns keep moments."""
    return datetime.now(UTC).replace(tzinfo=None)


class ClinicBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Therapist(ClinicBase):
    __tablename__ = "therapists"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(HASH)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Patient(ClinicBase):
    """A patient of one therapist; `name` is how the therapist knows them, nothing more."""

    __tablename__ = "patients"

    id: Mapped[str] = mapped_column(UUID_TEXT, primary_key=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("therapists.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class PairingCode(ClinicBase):
    """A one-time code: `handle` finds it, the Argon2id `code_hash` of the whole checks it.

    Wrong tries against its handle are counted in `tries`; at the limit it is locked.
    """

    __tablename__ = "pairing_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[str] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), index=True
    )
    handle: Mapped[str] = mapped_column(String(8), index=True)
    code_hash: Mapped[str] = mapped_column(HASH)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    tries: Mapped[int] = mapped_column(default=0)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)


class Device(ClinicBase):
    """A patient's app, paired once; its token is kept only as a SHA-256 hash."""

    __tablename__ = "devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[str] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    paired_at: Mapped[datetime] = mapped_column(DateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class WebSession(ClinicBase):
    """A therapist logged in to the dashboard, known by the SHA-256 of its cookie's secret.

    `csrf_token` is the session's own token that every form posts back; `last_seen_at`
    ends the session once it is idle longer than the dashboard allows.
    """

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    therapist_id: Mapped[int] = mapped_column(
        ForeignKey("therapists.id", ondelete="CASCADE"), index=True
    )
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime)


class LoginFailure(ClinicBase):
    """A wrong password at the dashboard's login, once under each key it counts against
    (`logins.LoginLimiter`): kept here so that every server process counts the same tries.

    `key_hash` is the SHA-256 of the key ("email:ADDRESS", "client:ADDRESS"); rows older
    than the limiter's window are deleted as new ones come.
    """

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)


class AuditEntry(ClinicBase):
    """Who read or changed which patient's data, and when; `what` names it, holds none of it.

    `actor` is "therapist:EMAIL", "device:ID" or "command:USER".
    """

    __tablename__ = "audit"
    __table_args__ = (Index("ix_audit_patient_id_at", "patient_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(400))
    patient_id: Mapped[str | None] = mapped_column(UUID_TEXT)
    action: Mapped[str] = mapped_column(String(10))  # "read" or "change"
    what: Mapped[str] = mapped_column(String(400))


class PublishedProgram(ClinicBase):
    """A program the therapist published to a patient; the app takes the newest."""

    __tablename__ = "published_programs"
    __table_args__ = (UniqueConstraint("patient_id", "name", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[str] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[int]
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The program with its pictures and video as one bundle, for a program that names
    # any; read only when the app fetches it (a video may be tens of megabytes).
    bundle: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    published_at: Mapped[datetime] = mapped_column(DateTime)
    published_by: Mapped[str] = mapped_column(String(400))


# ----- a patient's history, as the app uploads it -------------------------------------------


class PatientProgram(ClinicBase):
    """A program version the patient's app saved, keyed by its name and version."""

    __tablename__ = "patient_programs"
    __table_args__ = (UniqueConstraint("patient_id", "name", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[int]
    active: Mapped[bool]
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Each picture and video the document names: path -> SHA-256, as the export carries it.
    media: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class PatientSession(ClinicBase):
    __tablename__ = "patient_sessions"
    __table_args__ = (
        UniqueConstraint("patient_id", "uuid"),
        Index("ix_patient_sessions_patient_id_started_utc", "patient_id", "started_utc"),
        # The first session of each version of a program (`roster`), one search each.
        Index(
            "ix_patient_sessions_patient_id_program_started_utc",
            "patient_id",
            "program_name",
            "program_version",
            "started_utc",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    uuid: Mapped[str] = mapped_column(UUID_TEXT)
    started_at: Mapped[str] = mapped_column(MOMENT)
    started_utc: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[str | None] = mapped_column(MOMENT)
    status: Mapped[str] = mapped_column(String(20))
    program_name: Mapped[str] = mapped_column(String(200))
    program_version: Mapped[int]
    symptoms: Mapped[list[str]] = mapped_column(JSON)


class PatientSet(ClinicBase):
    """One set, keyed by its session and its position there, as in the app."""

    __tablename__ = "patient_sets"
    __table_args__ = (UniqueConstraint("session_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("patient_sessions.id", ondelete="CASCADE"))
    position: Mapped[int]
    exercise_id: Mapped[str] = mapped_column(String(80))
    exercise_name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    side: Mapped[str] = mapped_column(String(10))
    set_number: Mapped[int]
    total_sets: Mapped[int]
    mover: Mapped[str] = mapped_column(String(20))
    planned: Mapped[dict[str, Any]] = mapped_column(JSON)
    done: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    fatigue: Mapped[int | None]
    symptoms: Mapped[list[str]] = mapped_column(JSON)
    started_at: Mapped[str] = mapped_column(MOMENT)
    ended_at: Mapped[str] = mapped_column(MOMENT)


class PatientLiftCheck(ClinicBase):
    __tablename__ = "patient_lift_checks"
    __table_args__ = (UniqueConstraint("session_id", "exercise_id", "checked_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("patient_sessions.id", ondelete="CASCADE"))
    exercise_id: Mapped[str] = mapped_column(String(80))
    exercise_name: Mapped[str] = mapped_column(String(200))
    able: Mapped[bool]
    checked_at: Mapped[str] = mapped_column(MOMENT)


class PatientCarryOver(ClinicBase):
    """A carry-over answer, keyed by when it was asked; `session_uuid` names the session
    that followed (none: a day of rest), which may reach the clinic in a later upload."""

    __tablename__ = "patient_carry_over_checks"
    __table_args__ = (UniqueConstraint("patient_id", "asked_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    asked_at: Mapped[str] = mapped_column(MOMENT)
    asked_utc: Mapped[datetime] = mapped_column(DateTime)
    answer: Mapped[str] = mapped_column(String(10))
    session_uuid: Mapped[str | None] = mapped_column(UUID_TEXT)


class PatientAlsfrs(ClinicBase):
    """An ALSFRS-R self-rating, keyed by when it was made; `values` by item name."""

    __tablename__ = "patient_alsfrs"
    __table_args__ = (UniqueConstraint("patient_id", "entered_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    entered_at: Mapped[str] = mapped_column(MOMENT)
    entered_utc: Mapped[datetime] = mapped_column(DateTime)
    entered_by: Mapped[str] = mapped_column(String(20))
    onset: Mapped[str | None] = mapped_column(String(10))
    values: Mapped[dict[str, int]] = mapped_column(JSON)


class PatientProfile(ClinicBase):
    """The app's first-run profile; the newest one saved wins."""

    __tablename__ = "patient_profiles"

    patient_id: Mapped[str] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), primary_key=True
    )
    therapist_name: Mapped[str] = mapped_column(String(200))
    therapist_contact: Mapped[str] = mapped_column(String(500))
    patient_name: Mapped[str] = mapped_column(String(200))
    saved_at: Mapped[str] = mapped_column(MOMENT)
    saved_utc: Mapped[datetime] = mapped_column(DateTime)


class ClinicSetting(ClinicBase):
    """A setting of the whole clinic, by name: the needs-attention thresholds (`attention`)."""

    __tablename__ = "clinic_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)
