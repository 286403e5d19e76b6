"""The schema revision this app expects, in a module that imports nothing.

The quick read at start (`alshome.storage.snapshot`) compares it with the database's
before SQLAlchemy or Alembic is imported; `migrate` brings a database to it.
"""

HEAD_REVISION = "0007_outbox_sets"
VERSION_TABLE = "alembic_version"
