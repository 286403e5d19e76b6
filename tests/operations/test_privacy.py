"""Privacy: every file alshome writes is its owner's only, and "delete all" leaves no trace.

The data folder is filled through the app's own paths (the database with a session, a
backup, the settings, the PIN, exports), each carrying a marker string where the person's
words go; after deleting, the marker must appear in no byte of anything left.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from alshome.domain.safety import Profile
from alshome.domain.session import SessionStatus, SetRecord
from alshome.operations.editor_pin import EditorPin
from alshome.operations.exchange import export_csv, export_json
from alshome.operations.privacy import delete_all_data, private_files_report
from alshome.platform import autostart
from alshome.platform.files import write_private_file
from alshome.platform.paths import ensure_private_dir, resolve_locations
from alshome.platform.settings import SETTINGS_FILE, Settings
from alshome.programs.demo import demo_document
from alshome.programs.transfer import check_program, program_file_text
from alshome.storage.backups import backups_folder, restore, take_backup
from alshome.storage.db import open_database, sqlite_file
from alshome.storage.encrypted_mark import MARKER_SUFFIX
from alshome.storage.health import set_aside
from alshome.storage.repository import Repository

MARKER = "ZX-MARKER-7781"
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
SESSION_UUID = "0f8fad5b-d9cb-469f-a165-70867728950e"


def marked_document() -> dict:
    document = demo_document()
    document["name"] = f"Program {MARKER}"
    document["notes"] = f"Notes {MARKER}"
    document["author"] = {"name": f"Therapist {MARKER}", "contact": f"Phone {MARKER}"}
    return check_program(document).document


def record_marked_history(repository: Repository) -> dict:
    """A profile and one ended session of one set, every free text carrying the marker."""
    document = marked_document()
    program = check_program(document).program
    program_id = repository.add_program(document, active=True)
    repository.save_profile(Profile(f"PT {MARKER}", f"555 {MARKER}", f"Sam {MARKER}", NOW))
    session_id = repository.start_session(SESSION_UUID, program_id, program.name, 1, NOW)
    step = program.steps()[0]
    repository.record_set(session_id, SetRecord(0, step, NOW, NOW, None, step.mover, frozenset()))
    repository.end_session(session_id, SessionStatus.COMPLETED, NOW, ())
    return document


@pytest.fixture
def locations(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return resolve_locations(data_dir=str(tmp_path / "data"))


@pytest.fixture
def filled(locations):
    """A data folder as a long use of the app leaves it; the database closed again."""
    data_dir = locations.data_dir
    database = sqlite_file(locations.database_url)
    engine = open_database(locations.database_url)
    try:
        repository = Repository(engine)
        document = record_marked_history(repository)
        modes_while_open = private_files_report(data_dir)
        backup = take_backup(database, backups_folder(database), "manual", NOW)
        write_private_file(data_dir / "history.json", export_json(repository, NOW)[0])
        write_private_file(data_dir / "history.csv", export_csv(repository)[0])
        write_private_file(data_dir / "program.json", program_file_text(document))
    finally:
        engine.dispose()
    # As after damage found on opening: the history set aside, the newest backup put back.
    set_aside(database, NOW)
    restore(backup, database, backups_folder(database), NOW)
    write_private_file(database.with_name(database.name + MARKER_SUFFIX), "encrypted\n")
    # What writes cut short leave: a conversion to an encrypted history, a settings file.
    write_private_file(data_dir / f".{database.name}.k3x9.new", MARKER)
    write_private_file(data_dir / f".{SETTINGS_FILE}.k3x9", MARKER)
    settings = Settings.load(data_dir)
    settings.set("voice", False)
    settings.save()
    EditorPin(data_dir).set("2468")
    autostart.set_autostart(True, autostart.launch_command(data_dir))
    return modes_while_open


def marked_files(folder: Path) -> list[Path]:
    return [
        path
        for path in folder.rglob("*")
        if path.is_file() and MARKER.encode() in path.read_bytes()
    ]


def test_the_database_and_its_log_are_private_while_open(filled, locations):
    database = sqlite_file(locations.database_url)
    assert filled[database.with_name(database.name + "-wal")] == 0o600
    assert filled[database.with_name(database.name + "-shm")] == 0o600
    assert filled[database] == 0o600
    assert filled[locations.data_dir] == 0o700


def test_every_file_alshome_writes_is_private(filled, locations):
    report = private_files_report(locations.data_dir)
    assert len(report) >= 9
    for path, mode in report.items():
        assert mode == (0o700 if path.is_dir() else 0o600), path


def test_the_marker_is_in_the_data_before_deleting(filled, locations):
    names = {path.name for path in marked_files(locations.data_dir)}
    assert {"history.json", "history.csv", "program.json"} <= names
    assert any(name.startswith("alshome-") for name in names)  # the backup
    assert any(".damaged-" in name for name in names)
    assert "alshome.sqlite3" in names


def test_after_delete_all_the_marker_is_nowhere_in_the_data_folder(filled, locations):
    removed = delete_all_data(locations)

    assert marked_files(locations.data_dir) == []
    assert locations.data_dir.is_dir()
    assert list(locations.data_dir.iterdir()) == []
    assert not autostart.autostart_entry().exists()
    assert autostart.autostart_entry() in removed
    assert len(removed) >= 9


def test_delete_all_keeps_files_alshome_did_not_write(locations):
    ensure_private_dir(locations.data_dir)
    theirs = {
        "notes.txt": "keep me",
        "plan.json": '{\n  "format": "someone-else"\n}\n',
        "sheet.csv": "a,b\n1,2\n",
    }
    for name, text in theirs.items():
        (locations.data_dir / name).write_text(text)
    (locations.data_dir / "backups").mkdir()
    (locations.data_dir / "backups" / "holiday.jpg").write_bytes(b"\xff\xd8")

    assert delete_all_data(locations) == []

    for name, text in theirs.items():
        assert (locations.data_dir / name).read_text() == text
    assert (locations.data_dir / "backups" / "holiday.jpg").exists()


def test_delete_all_on_an_empty_folder_deletes_nothing(locations):
    assert delete_all_data(locations) == []


def test_a_failed_statement_does_not_quote_the_health_data_it_carried(locations):
    """Its message ends up in a traceback, and so perhaps in the desktop's journal."""
    engine = open_database(locations.database_url)
    try:
        repository = Repository(engine)
        repository.start_session(SESSION_UUID, None, f"Program {MARKER}", 1, NOW)
        with pytest.raises(IntegrityError) as raised:
            repository.start_session(SESSION_UUID, None, f"Program {MARKER}", 1, NOW)
    finally:
        engine.dispose()
    assert "sessions" in str(raised.value)
    assert MARKER not in str(raised.value)
