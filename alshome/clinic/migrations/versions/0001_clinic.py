"""The clinic: therapists, patients, pairing codes, devices, dashboard sessions, the audit,
published programs, and the patients' history as their apps upload it.

Revision ID: 0001_clinic
Revises:
Create Date: 2026-12-07 05:49:31.545952
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_clinic"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=400), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("what", sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.create_index("ix_audit_patient_id_at", ["patient_id", "at"], unique=False)

    op.create_table(
        "therapists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_therapists")),
        sa.UniqueConstraint("email", name=op.f("uq_therapists_email")),
    )
    op.create_table(
        "patients",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("therapist_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["therapist_id"], ["therapists.id"], name=op.f("fk_patients_therapist_id_therapists")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patients")),
    )
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_patients_therapist_id"), ["therapist_id"], unique=False
        )

    op.create_table(
        "web_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("therapist_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["therapist_id"],
            ["therapists.id"],
            name=op.f("fk_web_sessions_therapist_id_therapists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_web_sessions_token_hash")),
    )
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_web_sessions_therapist_id"), ["therapist_id"], unique=False
        )

    op.create_table(
        "clinic_settings",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_clinic_settings")),
    )

    op.create_table(
        "devices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("paired_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_devices_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_devices_token_hash")),
    )
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_devices_patient_id"), ["patient_id"], unique=False)

    op.create_table(
        "pairing_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.Column("handle", sa.String(length=8), nullable=False),
        sa.Column("code_hash", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_pairing_codes_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_codes")),
    )
    with op.batch_alter_table("pairing_codes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pairing_codes_handle"), ["handle"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_pairing_codes_patient_id"), ["patient_id"], unique=False
        )

    op.create_table(
        "patient_alsfrs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.Column("entered_at", sa.String(length=40), nullable=False),
        sa.Column("entered_utc", sa.DateTime(), nullable=False),
        sa.Column("entered_by", sa.String(length=20), nullable=False),
        sa.Column("onset", sa.String(length=10), nullable=True),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_patient_alsfrs_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_alsfrs")),
        sa.UniqueConstraint(
            "patient_id", "entered_at", name=op.f("uq_patient_alsfrs_patient_id_entered_at")
        ),
    )
    op.create_table(
        "patient_carry_over_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.Column("asked_at", sa.String(length=40), nullable=False),
        sa.Column("asked_utc", sa.DateTime(), nullable=False),
        sa.Column("answer", sa.String(length=10), nullable=False),
        sa.Column("session_uuid", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_patient_carry_over_checks_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_carry_over_checks")),
        sa.UniqueConstraint(
            "patient_id", "asked_at", name=op.f("uq_patient_carry_over_checks_patient_id_asked_at")
        ),
    )
    op.create_table(
        "patient_profiles",
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.Column("therapist_name", sa.String(length=200), nullable=False),
        sa.Column("therapist_contact", sa.String(length=500), nullable=False),
        sa.Column("patient_name", sa.String(length=200), nullable=False),
        sa.Column("saved_at", sa.String(length=40), nullable=False),
        sa.Column("saved_utc", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_patient_profiles_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("patient_id", name=op.f("pk_patient_profiles")),
    )
    op.create_table(
        "patient_programs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("media", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_patient_programs_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_programs")),
        sa.UniqueConstraint(
            "patient_id",
            "name",
            "version",
            name=op.f("uq_patient_programs_patient_id_name_version"),
        ),
    )
    op.create_table(
        "patient_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("started_at", sa.String(length=40), nullable=False),
        sa.Column("started_utc", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("program_name", sa.String(length=200), nullable=False),
        sa.Column("program_version", sa.Integer(), nullable=False),
        sa.Column("symptoms", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_patient_sessions_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_sessions")),
        sa.UniqueConstraint("patient_id", "uuid", name=op.f("uq_patient_sessions_patient_id_uuid")),
    )
    with op.batch_alter_table("patient_sessions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_patient_sessions_patient_id_started_utc",
            ["patient_id", "started_utc"],
            unique=False,
        )

    op.create_table(
        "published_programs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("bundle", sa.LargeBinary(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("published_by", sa.String(length=400), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_published_programs_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_published_programs")),
        sa.UniqueConstraint(
            "patient_id",
            "name",
            "version",
            name=op.f("uq_published_programs_patient_id_name_version"),
        ),
    )
    with op.batch_alter_table("published_programs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_published_programs_patient_id"), ["patient_id"], unique=False
        )

    op.create_table(
        "patient_lift_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(length=80), nullable=False),
        sa.Column("exercise_name", sa.String(length=200), nullable=False),
        sa.Column("able", sa.Boolean(), nullable=False),
        sa.Column("checked_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["patient_sessions.id"],
            name=op.f("fk_patient_lift_checks_session_id_patient_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_lift_checks")),
        sa.UniqueConstraint(
            "session_id",
            "exercise_id",
            "checked_at",
            name=op.f("uq_patient_lift_checks_session_id_exercise_id_checked_at"),
        ),
    )
    op.create_table(
        "patient_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(length=80), nullable=False),
        sa.Column("exercise_name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("side", sa.String(length=10), nullable=False),
        sa.Column("set_number", sa.Integer(), nullable=False),
        sa.Column("total_sets", sa.Integer(), nullable=False),
        sa.Column("mover", sa.String(length=20), nullable=False),
        sa.Column("planned", sa.JSON(), nullable=False),
        sa.Column("done", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("fatigue", sa.Integer(), nullable=True),
        sa.Column("symptoms", sa.JSON(), nullable=False),
        sa.Column("started_at", sa.String(length=40), nullable=False),
        sa.Column("ended_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["patient_sessions.id"],
            name=op.f("fk_patient_sets_session_id_patient_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_sets")),
        sa.UniqueConstraint(
            "session_id", "position", name=op.f("uq_patient_sets_session_id_position")
        ),
    )
