"""The clinic's own schema history: its migrations make exactly what the models describe,
on SQLite and PostgreSQL, and a database of another revision is refused untouched."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from alshome.clinic.errors import ClinicError
from alshome.clinic.models import ClinicBase
from alshome.clinic.schema import HEAD_REVISION, VERSION_TABLE, init_database, open_clinic
from alshome.platform.paths import sqlite_path

pytestmark = pytest.mark.databases("sqlite", "postgresql")


def test_the_migrations_make_what_the_models_describe(clinic):
    with clinic.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        assert compare_metadata(context, ClinicBase.metadata) == []
        assert set(inspect(connection).get_table_names()) == {
            *ClinicBase.metadata.tables,
            VERSION_TABLE,
        }


def test_init_on_a_clinic_at_head_changes_nothing(clinic_url, clinic):
    engine, found = init_database(clinic_url)
    engine.dispose()
    assert found == HEAD_REVISION


def test_a_clinic_of_a_newer_alshome_is_refused_untouched(clinic_url, clinic):
    with clinic.begin() as connection:
        connection.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '9999_future'"))
    with pytest.raises(ClinicError, match="newer alshome"):
        init_database(clinic_url)
    with pytest.raises(ClinicError, match="alshome clinic init"):
        open_clinic(clinic_url)
    with clinic.connect() as connection:
        stamped = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    assert stamped == "9999_future"


def test_a_database_that_is_not_a_clinic_is_refused(clinic_url, backend):
    """An empty SQLite file, or an empty database on the server."""
    if backend == "sqlite":
        sqlite_path(clinic_url).parent.mkdir()
        sqlite_path(clinic_url).touch()
    with pytest.raises(ClinicError, match="alshome clinic init"):
        open_clinic(clinic_url)
