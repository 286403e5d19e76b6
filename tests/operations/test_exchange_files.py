"""The whole history to a file and a file merged in, as a front end asks for them: an
export reads only a saved history, and a merge always follows a backup."""

from __future__ import annotations

import pytest

from alshome.operations.backups import backups_of
from alshome.operations.exchange import export_history_file, merge_export, read_export
from alshome.operations.history import History
from alshome.platform.paths import sqlite_url
from alshome.programs.document import DocumentError
from tests.operations.conftest import record_session, session_count


def test_an_export_writes_the_saved_history_privately(saved, tmp_path):
    output = tmp_path / "history.json"
    assert export_history_file(sqlite_url(saved), None, output, "json") == 1
    assert output.stat().st_mode & 0o777 == 0o600
    assert len(read_export(output).sessions) == 1
    sheet = tmp_path / "history.csv"
    assert export_history_file(sqlite_url(saved), None, sheet, "csv") == 1
    assert sheet.read_text(encoding="utf-8").startswith("session_uuid,")


def test_an_export_makes_no_history_where_none_was_saved(database, tmp_path):
    with pytest.raises(DocumentError, match="no alshome history"):
        export_history_file(sqlite_url(database), None, tmp_path / "out.json", "json")
    assert not database.parent.exists() and not (tmp_path / "out.json").exists()


def test_a_merge_backs_up_the_history_as_it_was_first(saved, tmp_path):
    other = tmp_path / "other" / saved.name
    history = History(sqlite_url(other), None)
    record_session(history)
    record_session(history)
    history.close()
    output = tmp_path / "other.json"
    export_history_file(sqlite_url(other), None, output, "json")
    result = merge_export(read_export(output), sqlite_url(saved), None)
    assert result.added == 2
    [backup] = backups_of(saved)
    assert backup.reason == "before-import"
    assert session_count(backup.path) == 1
    assert session_count(saved) == 3
