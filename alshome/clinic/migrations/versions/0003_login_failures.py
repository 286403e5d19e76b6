"""The dashboard's recent wrong passwords, counted in the database.

Revision ID: 0003_login_failures
Revises: 0002_session_program_index

The login's rate limit counted wrong passwords in the server's memory; with several
server processes (`alshome clinic serve --workers N`) each would count alone, and a
guesser would get the limit once a process. The table holds each wrong password of the
last window under the SHA-256 of each key it counts against (`clinic.logins`). Nothing
stored before changes; like every migration here it goes forward only.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_login_failures"
down_revision: str | None = "0002_session_program_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_login_failures_key_hash"), ["key_hash"], unique=False)
