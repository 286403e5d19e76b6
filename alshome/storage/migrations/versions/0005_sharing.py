"""Sharing with a clinic: the clinic's address and token, and the outbox of records to send.

Revision ID: 0005_sharing
Revises: 0004_program_media

Two new tables, so an existing history is kept as it is: `sharing` holds at most one row
(none until the patient joins a clinic) and `outbox` the records saved since that the
clinic has not acknowledged. Triggers put each record saved in the outbox, in the very
statement's transaction, and only while `sharing` has its row: whatever writes the
history (a session as it happens, an import, a rating), nothing saved while sharing can
miss the outbox, and a history that is never shared never grows one. Like every migration
here it goes forward only, in one transaction.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_sharing"
down_revision: str | None = "0004_program_media"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SESSION_OF_ROW = "(SELECT uuid FROM sessions WHERE id = NEW.session_id)"
# (table, the events that change what it shares, the outbox kind, the key of NEW's record)
TRIGGERS = (
    ("programs", ("INSERT", "UPDATE"), "program", "CAST(NEW.id AS TEXT)"),  # UPDATE: active
    ("sessions", ("INSERT", "UPDATE"), "session", "NEW.uuid"),
    ("sets", ("INSERT", "UPDATE"), "session", SESSION_OF_ROW),
    ("lift_checks", ("INSERT",), "session", SESSION_OF_ROW),
    ("carry_over_checks", ("INSERT",), "carry_over", "CAST(NEW.id AS TEXT)"),
    ("alsfrs_entries", ("INSERT",), "alsfrs", "CAST(NEW.id AS TEXT)"),
    ("profile", ("INSERT", "UPDATE"), "profile", "CAST(NEW.id AS TEXT)"),
)


def upgrade() -> None:
    op.create_table(
        "sharing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("clinic_url", sa.String(500), nullable=False),
        sa.Column("token", sa.String(200), nullable=False),
        sa.Column("patient_id", sa.String(80), nullable=False),
        sa.Column("joined_at", sa.String(40), nullable=False),
        sa.Column("sent_at", sa.String(40), nullable=True),
        sa.Column("program_tag", sa.String(200), nullable=True),
        sa.Column("offered", sa.JSON(), nullable=True),
        sa.CheckConstraint("id = 1", name=op.f("ck_sharing_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sharing")),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("key", sa.String(80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table, events, kind, key in TRIGGERS:
        statement = (
            f"INSERT INTO outbox (kind, key) SELECT '{kind}', {key} "
            "WHERE EXISTS (SELECT 1 FROM sharing)"
        )
        name = f"outbox_{table}"
        if postgresql:
            op.execute(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN {statement}; RETURN NULL; END $$"
            )
            op.execute(
                f"CREATE TRIGGER {name} AFTER {' OR '.join(events)} ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {name}()"
            )
            continue
        for event in events:
            op.execute(
                f"CREATE TRIGGER {name}_{event.lower()} AFTER {event} ON {table} "
                f"FOR EACH ROW BEGIN {statement}; END"
            )
