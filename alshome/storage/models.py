"""The tables, as SQLAlchemy 2 typed models.

The models describe the schema for queries; only the migrations in `migrations/versions`
make it, and a test checks that the two agree. Moments are kept as ISO 8601 text with the
offset the person lived them in (what the history shows, exactly as it happened); a
session also keeps its start in naive UTC, which sorts correctly across daylight-saving
changes and travel.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from alshome.domain.alsfrs import ITEMS, EnteredBy
from alshome.domain.safety import CarryOver
from alshome.domain.session import SessionStatus

# Named constraints let later batch migrations on SQLite find and rebuild them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

MOMENT = String(40)
STATUS_VALUES = ", ".join(f"'{status.value}'" for status in SessionStatus)
CARRY_OVER_VALUES = ", ".join(f"'{answer.value}'" for answer in CarryOver)
ENTERED_BY_VALUES = ", ".join(f"'{who.value}'" for who in EnteredBy)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ProgramRow(Base):
    """A program document as the therapist gave it, kept for every version ever used."""

    __tablename__ = "programs"
    __table_args__ = (
        UniqueConstraint("name", "version"),
        # At most one program is active, whatever the code that writes does.
        Index(
            "ix_programs_one_active",
            "active",
            unique=True,
            sqlite_where=text("active"),
            postgresql_where=text("active"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[int]
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(server_default=false())
    added_at: Mapped[str] = mapped_column(MOMENT)


class MediaRow(Base):
    """A picture or video of a therapist's own exercise, stored once by its SHA-256.

    Kept in the database with the programs that name it, so backups, encryption at rest,
    delete-all and restores cover it as they cover the rest of the history; a later
    program version that keeps the same video stores no second copy.
    """

    __tablename__ = "media"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class ProgramMediaRow(Base):
    """A picture or video a program version names, by its path in the program document."""

    __tablename__ = "program_media"

    program_id: Mapped[int] = mapped_column(
        ForeignKey("programs.id", ondelete="CASCADE"), primary_key=True
    )
    path: Mapped[str] = mapped_column(String(200), primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("media.sha256"), index=True)


class SessionRow(Base):
    """One run through a program; it names the program itself, which may later be deleted."""

    __tablename__ = "sessions"
    __table_args__ = (CheckConstraint(f"status IN ({STATUS_VALUES})", name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    program_id: Mapped[int | None] = mapped_column(ForeignKey("programs.id", ondelete="SET NULL"))
    program_name: Mapped[str] = mapped_column(String(200))
    program_version: Mapped[int]
    started_at: Mapped[str] = mapped_column(MOMENT)
    started_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    ended_at: Mapped[str | None] = mapped_column(MOMENT)
    status: Mapped[str] = mapped_column(String(20))
    symptoms: Mapped[list[str]] = mapped_column(JSON)

    sets: Mapped[list[SetRow]] = relationship(
        order_by="SetRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    lift_checks: Mapped[list[LiftCheckRow]] = relationship(
        order_by="LiftCheckRow.id", cascade="all, delete-orphan", passive_deletes=True
    )


class SetRow(Base):
    """One set on one side as it happened; `done` is NULL when the set was skipped.

    The unique (session_id, position) constraint is also the index for a session's sets.
    """

    __tablename__ = "sets"
    __table_args__ = (
        UniqueConstraint("session_id", "position"),
        CheckConstraint("position >= 0", name="position"),
        CheckConstraint("set_number BETWEEN 1 AND total_sets", name="set_number"),
        CheckConstraint("fatigue IS NULL OR fatigue BETWEEN 0 AND 10", name="fatigue"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
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


class ProfileRow(Base):
    """What the first-run screen recorded; one row at most, and none until it is done."""

    __tablename__ = "profile"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    therapist_name: Mapped[str] = mapped_column(String(200))
    therapist_contact: Mapped[str] = mapped_column(String(500))
    patient_name: Mapped[str] = mapped_column(String(200))
    saved_at: Mapped[str] = mapped_column(MOMENT)


class CarryOverRow(Base):
    """An answer to "still tired or sore from last time?".

    `session_id` is the session that followed it; NULL means the patient rested that
    day instead. A session follows at most one check.
    """

    __tablename__ = "carry_over_checks"
    __table_args__ = (CheckConstraint(f"answer IN ({CARRY_OVER_VALUES})", name="answer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), unique=True
    )
    answer: Mapped[str] = mapped_column(String(10))
    asked_at: Mapped[str] = mapped_column(MOMENT)
    asked_utc: Mapped[datetime] = mapped_column(DateTime, index=True)


class LiftCheckRow(Base):
    """An answer to "can you still lift this without the weight?" during a session.

    The (exercise_id, checked_utc) index finds each exercise's latest answer: whether a
    check is due and which exercises are flagged for the therapist.
    """

    __tablename__ = "lift_checks"
    __table_args__ = (
        Index("ix_lift_checks_exercise_id_checked_utc", "exercise_id", "checked_utc"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    exercise_id: Mapped[str] = mapped_column(String(80))
    exercise_name: Mapped[str] = mapped_column(String(200))
    able: Mapped[bool]
    checked_at: Mapped[str] = mapped_column(MOMENT)
    checked_utc: Mapped[datetime] = mapped_column(DateTime)


class AlsfrsRow(Base):
    """One ALSFRS-R self-rating: a column per item (0-4), in the scale's order.

    `onset` is the first day of the month symptoms began, as given with this rating.
    """

    __tablename__ = "alsfrs_entries"
    __table_args__ = (
        *(CheckConstraint(f"{item} BETWEEN 0 AND 4", name=item) for item in ITEMS),
        CheckConstraint(f"entered_by IN ({ENTERED_BY_VALUES})", name="entered_by"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entered_at: Mapped[str] = mapped_column(MOMENT)
    entered_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    speech: Mapped[int]
    saliva: Mapped[int]
    swallowing: Mapped[int]
    handwriting: Mapped[int]
    cutting_food: Mapped[int]
    dressing: Mapped[int]
    turning_in_bed: Mapped[int]
    walking: Mapped[int]
    climbing_stairs: Mapped[int]
    breathlessness: Mapped[int]
    breathless_lying_flat: Mapped[int]
    breathing_support: Mapped[int]
    entered_by: Mapped[str] = mapped_column(String(20))
    onset: Mapped[date | None] = mapped_column(Date)


class SharingRow(Base):
    """The clinic this history is shared with; one row at most, and none when not shared.

    The device's token is kept here, in the history database, so encryption at rest
    covers it as it covers the history. `program_tag` names the clinic's program last
    taken (its ETag); `offered` is one taken and not yet answered on home, and
    `offered_bundle` its pictures and video when it has any (the clinic's bundle).
    """

    __tablename__ = "sharing"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_url: Mapped[str] = mapped_column(String(500))
    token: Mapped[str] = mapped_column(String(200))
    patient_id: Mapped[str] = mapped_column(String(80))
    joined_at: Mapped[str] = mapped_column(MOMENT)
    sent_at: Mapped[str | None] = mapped_column(MOMENT)
    program_tag: Mapped[str | None] = mapped_column(String(200))
    offered: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    offered_bundle: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)


class OutboxRow(Base):
    """A record saved while sharing and not yet acknowledged by the clinic, by reference.

    Each write adds a row in its own transaction (a session's uuid as it gains a set, an
    end or a rating; a program's, a carry-over check's or a rating's row id), so the
    sender always sends the record as it is now and removes only the rows it read.
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(80))
