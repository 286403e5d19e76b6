""""Delete all my data" as the app runs it: its open history let go of first, so every file
of it can go, and whether everything went is told truthfully."""

from __future__ import annotations

import pytest

from alshome.operations.history import History
from alshome.operations.privacy import close_and_delete_all
from alshome.platform.paths import resolve_locations
from alshome.platform.settings import Settings
from tests.operations.conftest import record_session


@pytest.fixture
def locations(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return resolve_locations(data_dir=str(tmp_path / "data"))


@pytest.fixture
def open_history(locations):
    """The app's history, open with a session in it, and its settings saved beside it."""
    history = History(locations.database_url, None)
    record_session(history)
    Settings.load(locations.data_dir).save()
    yield history
    history.close()


def test_the_open_history_is_let_go_of_and_every_file_goes(open_history, locations):
    assert any(path.name.endswith("-wal") for path in locations.data_dir.iterdir())
    assert close_and_delete_all(open_history, locations)
    assert not open_history.is_open
    assert list(locations.data_dir.iterdir()) == []


def test_a_file_that_cannot_go_is_not_called_deleted(open_history, locations):
    stuck = locations.data_dir / "alshome.sqlite3-journal"
    stuck.mkdir()  # named like the database's journal, but a folder: unlink refuses it
    assert not close_and_delete_all(open_history, locations)
    assert not open_history.is_open
    assert sorted(path.name for path in locations.data_dir.iterdir()) == [stuck.name]
