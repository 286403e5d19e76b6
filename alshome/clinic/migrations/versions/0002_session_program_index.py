"""An index of each patient's sessions by the program version they followed.

Revision ID: 0002_session_program_index
Revises: 0001_clinic

The patients page asks, for each patient's program in use, when a session first
followed it (`clinic.roster`): with the sessions indexed by (patient_id, program_name,
program_version, started_utc) that is one search a patient, instead of a read of their
whole history. Nothing stored changes; like every migration here it goes forward only.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002_session_program_index"
down_revision: str | None = "0001_clinic"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("patient_sessions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_patient_sessions_patient_id_program_started_utc",
            ["patient_id", "program_name", "program_version", "started_utc"],
            unique=False,
        )
