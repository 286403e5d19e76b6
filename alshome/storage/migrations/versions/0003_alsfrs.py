"""The ALSFRS-R self-ratings.

Revision ID: 0003_alsfrs
Revises: 0002_safety_checks

One new table, so an existing history is kept as it is. Like every migration here it
goes forward only and runs in one transaction (see `migrate.upgrade_to_head`): going back
means restoring the backup taken before it. Each item is its own column with its own
check, so a report can sum a domain in SQL and no stored rating can leave 0-4.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_alsfrs"
down_revision: str | None = "0002_safety_checks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ITEMS = (
    "speech",
    "saliva",
    "swallowing",
    "handwriting",
    "cutting_food",
    "dressing",
    "turning_in_bed",
    "walking",
    "climbing_stairs",
    "breathlessness",
    "breathless_lying_flat",
    "breathing_support",
)
ENTERED_BY = "'patient', 'caregiver', 'clinician'"


def upgrade() -> None:
    op.create_table(
        "alsfrs_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entered_at", sa.String(40), nullable=False),
        sa.Column("entered_utc", sa.DateTime(), nullable=False),
        *(sa.Column(item, sa.Integer(), nullable=False) for item in ITEMS),
        sa.Column("entered_by", sa.String(20), nullable=False),
        sa.Column("onset", sa.Date(), nullable=True),
        *(
            sa.CheckConstraint(f"{item} BETWEEN 0 AND 4", name=op.f(f"ck_alsfrs_entries_{item}"))
            for item in ITEMS
        ),
        sa.CheckConstraint(
            f"entered_by IN ({ENTERED_BY})", name=op.f("ck_alsfrs_entries_entered_by")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alsfrs_entries")),
    )
    op.create_index(op.f("ix_alsfrs_entries_entered_utc"), "alsfrs_entries", ["entered_utc"])
