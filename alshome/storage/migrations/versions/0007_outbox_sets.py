"""What changed of a session is sent, not the whole session again each time.

Revision ID: 0007_outbox_sets
Revises: 0006_offered_bundle

The outbox named a session for every change to it (0005_sharing): its start, each set
saved, each rating, each lift check and its end all sent the whole session again, forty
sets' worth by the end of a workout, every one checked again by the clinic. The triggers
now name what changed: a set by its session and position (kind `set`, key
`<session uuid>/<position>`), sent with its session's own row and no other set; the
session's own row and its lift checks by the session (kind `session_row`), sent without
its sets. A session named whole (kind `session`) is still what joining puts in the outbox
for the history recorded before, and the rows already waiting keep their kind and are
sent as before. Only triggers change, so an existing history is kept as it is; like every
migration here it goes forward only, in one transaction.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007_outbox_sets"
down_revision: str | None = "0006_offered_bundle"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SESSION_OF_ROW = "(SELECT uuid FROM sessions WHERE id = NEW.session_id)"
# (table, the events that change what it shares, the outbox kind, the key of NEW's record)
TRIGGERS = (
    ("sessions", ("INSERT", "UPDATE"), "session_row", "NEW.uuid"),
    ("sets", ("INSERT", "UPDATE"), "set", f"{SESSION_OF_ROW} || '/' || CAST(NEW.position AS TEXT)"),
    ("lift_checks", ("INSERT",), "session_row", SESSION_OF_ROW),
)


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table, events, kind, key in TRIGGERS:
        statement = (
            f"INSERT INTO outbox (kind, key) SELECT '{kind}', {key} "
            "WHERE EXISTS (SELECT 1 FROM sharing)"
        )
        name = f"outbox_{table}"
        if postgresql:
            # The trigger calls its function by name: replacing the body is enough.
            op.execute(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN {statement}; RETURN NULL; END $$"
            )
            continue
        for event in events:
            op.execute(f"DROP TRIGGER {name}_{event.lower()}")
            op.execute(
                f"CREATE TRIGGER {name}_{event.lower()} AFTER {event} ON {table} "
                f"FOR EACH ROW BEGIN {statement}; END"
            )
