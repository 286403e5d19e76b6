"""Saving sessions: SQLite through SQLAlchemy, with the schema made only by shipped migrations.

Nothing here imports Qt, so storage is tested on temporary files without a display, and
callers get plain dataclasses back, never rows tied to an open database session.
"""
