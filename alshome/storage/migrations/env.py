"""Alembic environment: migrations run on the connection that `migrate.upgrade_to_head` opened.

Batch mode is on because SQLite changes most table definitions only by rebuilding them.
"""

from alembic import context

from alshome.storage.models import Base

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=Base.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
