"""The pictures and video of a program the clinic published, kept with its offer.

Revision ID: 0006_offered_bundle
Revises: 0005_sharing

A program the clinic sends waits on home until the person answers, perhaps offline by
then, so its pictures and video are fetched with it at the sync and kept in the history
database beside the offered document, as the one bundle the clinic sent (checked again
when it is taken). One nullable column on `sharing`, so an existing history is kept as
it is. Like every migration here it goes forward only, in one transaction.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_offered_bundle"
down_revision: str | None = "0005_sharing"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN, on SQLite too: the table is never copied, so the outbox's
    # triggers, which read it, stay as they are.
    op.add_column("sharing", sa.Column("offered_bundle", sa.LargeBinary(), nullable=True))
