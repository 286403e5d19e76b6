"""A set saved while shared is sent on its own, not with its whole session again.

Revision ID: 0007_outbox_sets
Revises: 0006_offered_bundle

The outbox named a set by its session (0005_sharing), so each set saved, and each
rating, sent the whole session again: by the end of a workout of forty sets, forty
sessions' worth, every one of them checked and compared by the clinic. The trigger on
`sets` now names the set itself (kind `set`, key `<session uuid>/<position>`), and the
sender sends its session with that set alone. A session's start and end, and its lift
checks, still name the session (sent whole, as a first sync sends every session). Rows
already waiting keep their kind and are sent as before. Only the trigger changes, so an
existing history is kept as it is; like every migration here it goes forward only, in
one transaction.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007_outbox_sets"
down_revision: str | None = "0006_offered_bundle"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SET_KEY = (
    "(SELECT uuid FROM sessions WHERE id = NEW.session_id) || '/' || CAST(NEW.position AS TEXT)"
)
STATEMENT = (
    f"INSERT INTO outbox (kind, key) SELECT 'set', {SET_KEY} WHERE EXISTS (SELECT 1 FROM sharing)"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # The trigger calls the function by name: replacing its body is enough.
        op.execute(
            "CREATE OR REPLACE FUNCTION outbox_sets() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {STATEMENT}; RETURN NULL; END $$"
        )
        return
    for event in ("INSERT", "UPDATE"):
        name = f"outbox_sets_{event.lower()}"
        op.execute(f"DROP TRIGGER {name}")
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON sets FOR EACH ROW BEGIN {STATEMENT}; END"
        )
