"""The safety checks: the first-run profile, carry-over checks and lift checks.

Revision ID: 0002_safety_checks
Revises: 0001_initial

Only new tables, so an existing history is kept as it is. Like every migration here it
goes forward only and runs in one transaction (see `migrate.upgrade_to_head`).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_safety_checks"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ANSWERS = "'fine', 'tired', 'sore'"


def upgrade() -> None:
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("therapist_name", sa.String(200), nullable=False),
        sa.Column("therapist_contact", sa.String(500), nullable=False),
        sa.Column("patient_name", sa.String(200), nullable=False),
        sa.Column("saved_at", sa.String(40), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_profile_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile")),
    )
    op.create_table(
        "carry_over_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("answer", sa.String(10), nullable=False),
        sa.Column("asked_at", sa.String(40), nullable=False),
        sa.Column("asked_utc", sa.DateTime(), nullable=False),
        sa.CheckConstraint(f"answer IN ({ANSWERS})", name=op.f("ck_carry_over_checks_answer")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_carry_over_checks_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carry_over_checks")),
        sa.UniqueConstraint("session_id", name=op.f("uq_carry_over_checks_session_id")),
    )
    op.create_index(op.f("ix_carry_over_checks_asked_utc"), "carry_over_checks", ["asked_utc"])
    op.create_table(
        "lift_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(80), nullable=False),
        sa.Column("exercise_name", sa.String(200), nullable=False),
        sa.Column("able", sa.Boolean(), nullable=False),
        sa.Column("checked_at", sa.String(40), nullable=False),
        sa.Column("checked_utc", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_lift_checks_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lift_checks")),
    )
    op.create_index(op.f("ix_lift_checks_session_id"), "lift_checks", ["session_id"])
    op.create_index(
        "ix_lift_checks_exercise_id_checked_utc", "lift_checks", ["exercise_id", "checked_utc"]
    )
