"""A history on a database server (PostgreSQL): what only a SQLite file can do says so plainly.

Backups, restoring one and the passphrase are copies and keys of a file; on a server its own
backups and access control do that work. Each such command is refused with one sentence and
status 2, writing nothing; "Delete all my data" drops alshome's tables from the server's
database, leaving it as a new, empty history.
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect

from alshome.operations.history import ONLY_A_FILE
from alshome.operations.privacy import DataLeftError, delete_all_data
from alshome.platform.paths import resolve_locations
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from tests.cli.test_cli import output_in, run, tree

pytestmark = pytest.mark.databases("postgresql")


@pytest.mark.parametrize(
    ("command", "sentence"),
    [
        (["backup"], ONLY_A_FILE["backup"]),
        (["restore"], ONLY_A_FILE["restore"]),
        (["restore", "1"], ONLY_A_FILE["restore"]),
        (["encrypt"], ONLY_A_FILE["passphrase"]),
        (["decrypt"], ONLY_A_FILE["passphrase"]),
    ],
)
def test_what_only_a_file_can_do_is_one_sentence_and_status_2(
    command, sentence, history_dir, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("ALSHOME_PASSPHRASE", "never asked for")
    before = tree(tmp_path)
    code, out, err = run(capsys, "--data-dir", str(history_dir), *command)
    assert (code, out, err) == (2, "", sentence + "\n")
    assert tree(tmp_path) == before


def test_delete_all_drops_the_history_from_the_server(history_dir, tmp_path, capsys):
    locations = resolve_locations(str(history_dir))
    history_dir.mkdir()
    (history_dir / "settings.json").write_text("{}")

    delete_all_data(locations)

    engine = create_engine(locations.database_url)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
    assert list(history_dir.iterdir()) == []
    code, out, err = run(capsys, *output_in(history_dir, "json", tmp_path / "after.json"))
    assert (code, out, err) == (0, f"Exported 0 sessions to {tmp_path / 'after.json'}.\n", "")


def test_delete_all_names_a_server_it_could_not_reach(tmp_path):
    unreachable = f"postgresql+psycopg://alshome:secret@/nowhere?host={tmp_path}"
    locations = resolve_locations(str(tmp_path / "data"), unreachable)
    with pytest.raises(DataLeftError) as left:
        delete_all_data(locations)
    [server] = left.value.left
    assert server.startswith("postgresql+psycopg://alshome:***@/nowhere?")
    assert "secret" not in str(left.value)


def test_delete_all_leaves_tables_that_are_not_alshomes(server_database_url):
    engine = create_engine(server_database_url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE clinic_notes (id integer)")
        delete_all_data(resolve_locations(None, server_database_url))
        assert inspect(engine).get_table_names() == ["clinic_notes"]
    finally:
        engine.dispose()
    reopened = open_database(server_database_url)
    try:
        assert Repository(reopened).sessions() == []
    finally:
        reopened.dispose()


def test_a_server_it_cannot_reach_is_one_line_and_status_1(tmp_path, capsys):
    unreachable = f"postgresql+psycopg://alshome:secret@/nowhere?host={tmp_path}"
    code, out, err = run(capsys, "--database-url", unreachable, "report", "--format", "json")
    assert (code, out) == (1, "")
    assert err.startswith("The database cannot be used: ") and err.count("\n") == 1
    assert "secret" not in err
