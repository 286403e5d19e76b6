"""The pictures and videos of a therapist's own exercises, stored with the programs.

Revision ID: 0004_program_media
Revises: 0003_alsfrs

Two new tables, so an existing history is kept as it is: `media` holds each picture or
video once, by its SHA-256, and `program_media` says which program version names which
one at which path. Like every migration here it goes forward only, in one transaction.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_program_media"
down_revision: str | None = "0003_alsfrs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "media",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_media")),
    )
    op.create_table(
        "program_media",
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(200), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_program_media_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["media.sha256"], name=op.f("fk_program_media_sha256_media")
        ),
        sa.PrimaryKeyConstraint("program_id", "path", name=op.f("pk_program_media")),
    )
    op.create_index(op.f("ix_program_media_sha256"), "program_media", ["sha256"])
