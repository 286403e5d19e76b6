"""The storage failure the session screens react to, importable without SQLAlchemy.

The window and its session controller are built before the database is opened (see
`alshome.app`), so what they catch must not pull SQLAlchemy in; the recorder turns
SQLAlchemy's errors into this one.
"""


class SaveError(RuntimeError):
    """The database refused a write of the session; the session goes on."""
