"""Alembic environment of the clinic's schema, on the connection `schema` opened.

The version table is the clinic's own, so an app's history is never taken for a clinic's.
"""

from alembic import context

from alshome.clinic.models import ClinicBase
from alshome.clinic.schema import VERSION_TABLE

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=ClinicBase.metadata,
    version_table=VERSION_TABLE,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
