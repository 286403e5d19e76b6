"""The first schema: programs, sessions and their sets.

Revision ID: 0001_initial
Revises:

Migrations only go forward: an upgrade that fails is rolled back whole, and going back
after a successful one means restoring the backup taken before it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = "'completed', 'stopped_tired', 'stopped_symptom', 'interrupted', 'in_progress'"


def upgrade() -> None:
    op.create_table(
        "programs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("added_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programs")),
        sa.UniqueConstraint("name", "version", name=op.f("uq_programs_name_version")),
    )
    op.create_index(
        "ix_programs_one_active",
        "programs",
        ["active"],
        unique=True,
        sqlite_where=sa.text("active"),
        postgresql_where=sa.text("active"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=True),
        sa.Column("program_name", sa.String(200), nullable=False),
        sa.Column("program_version", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.String(40), nullable=False),
        sa.Column("started_utc", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.String(40), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("symptoms", sa.JSON(), nullable=False),
        sa.CheckConstraint(f"status IN ({STATUSES})", name=op.f("ck_sessions_status")),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_sessions_program_id_programs"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_sessions_uuid")),
    )
    op.create_index(op.f("ix_sessions_started_utc"), "sessions", ["started_utc"])
    op.create_table(
        "sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(80), nullable=False),
        sa.Column("exercise_name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("side", sa.String(10), nullable=False),
        sa.Column("set_number", sa.Integer(), nullable=False),
        sa.Column("total_sets", sa.Integer(), nullable=False),
        sa.Column("mover", sa.String(20), nullable=False),
        sa.Column("planned", sa.JSON(), nullable=False),
        sa.Column("done", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("fatigue", sa.Integer(), nullable=True),
        sa.Column("symptoms", sa.JSON(), nullable=False),
        sa.Column("started_at", sa.String(40), nullable=False),
        sa.Column("ended_at", sa.String(40), nullable=False),
        sa.CheckConstraint("position >= 0", name=op.f("ck_sets_position")),
        sa.CheckConstraint("set_number BETWEEN 1 AND total_sets", name=op.f("ck_sets_set_number")),
        sa.CheckConstraint(
            "fatigue IS NULL OR fatigue BETWEEN 0 AND 10", name=op.f("ck_sets_fatigue")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_sets_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sets")),
        sa.UniqueConstraint("session_id", "position", name=op.f("uq_sets_session_id_position")),
    )
