"""The history as the front ends open it: once for the app (closed, opened again), and
for one command at a time, which never makes a history where none was saved."""

from __future__ import annotations

import pytest

from alshome.operations.history import (
    ONLY_A_FILE,
    History,
    history_file,
    opened_history,
    saved_history,
)
from alshome.platform.paths import sqlite_url
from alshome.programs.document import DocumentError
from tests.operations.conftest import record_session

SERVER_URL = "postgresql+psycopg://alshome@localhost/alshome"


def test_the_first_opening_saves_the_demo_and_a_reopening_reads_everything_again(database):
    history = History(sqlite_url(database), None)
    start = history.open()
    assert start.program_id is not None and history.is_open
    record_session(history)
    assert history.last_session() is not None
    history.close()
    assert not history.is_open
    assert not database.with_name(database.name + "-wal").exists(), "no file held open"
    assert history.reopen().program == start.program
    assert len(history.safety_records().sessions()) == 1
    history.close()


def test_a_reading_command_makes_no_history_where_none_was_saved(database):
    with (
        pytest.raises(DocumentError, match="no alshome history"),
        saved_history(sqlite_url(database), None),
    ):
        pass
    assert not database.parent.exists()


def test_a_command_lets_go_of_the_history_when_done(saved):
    with opened_history(sqlite_url(saved), None) as repository:
        assert len(repository.sessions()) == 1
    assert not saved.with_name(saved.name + "-wal").exists()
    with saved_history(sqlite_url(saved), None) as repository:
        assert repository.active_program() is not None


def test_a_history_on_a_server_has_no_file_for_backups_or_a_passphrase(database):
    assert history_file(sqlite_url(database), "backup") == database
    for need in ("backup", "restore", "passphrase"):
        with pytest.raises(DocumentError) as refused:
            history_file(SERVER_URL, need)
        assert str(refused.value) == ONLY_A_FILE[need]
