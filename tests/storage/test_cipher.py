"""Encryption at rest: nothing readable without the passphrase, and a wrong one is not damage."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from alshome.domain.safety import Profile
from alshome.operations.exchange import export_json
from alshome.platform.paths import sqlite_url
from alshome.storage import cipher
from alshome.storage.backups import backups_folder, list_backups, restore, take_backup, verify
from alshome.storage.db import open_database
from alshome.storage.health import check_database
from alshome.storage.repository import Repository
from alshome.storage.snapshot import read_snapshot

NOW = datetime(2026, 11, 25, 17, 40, 12, tzinfo=UTC)
SECRET = "Zephyrine Quokkaberg"
PASSPHRASE = "it's a \"long\" walk; DROP TABLE sets"


def exported(url: str, passphrase: str | None = None) -> str:
    engine = open_database(url, passphrase)
    try:
        return export_json(Repository(engine), NOW)[0]
    finally:
        engine.dispose()


def every_file(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


@pytest.fixture
def history(engine, repository, short_document, clock, database_path) -> Path:
    """A saved history naming SECRET, with a plain backup; every connection closed."""
    repository.save_profile(Profile(SECRET, "555 0100", "Sam", clock.wall()))
    repository.add_program(short_document, active=True)
    engine.dispose()
    take_backup(database_path, backups_folder(database_path), "manual", NOW)
    return database_path


@pytest.fixture
def encrypted(history, database_url) -> tuple[Path, str]:
    """The history encrypted with PASSPHRASE, and its export from before."""
    saved = exported(database_url)
    cipher.encrypt(history, PASSPHRASE, NOW)
    return history, saved


def test_before_encryption_the_secret_is_in_the_file(history):
    assert SECRET.encode() in history.read_bytes()
    assert not cipher.is_encrypted(history)


def test_an_encrypted_history_reveals_nothing_and_opens_with_its_passphrase(
    encrypted, database_url
):
    path, saved = encrypted
    assert cipher.is_encrypted(path)
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert exported(database_url, PASSPHRASE) == saved
    engine = open_database(database_url, PASSPHRASE)
    try:  # the -wal holds this change until the last connection closes
        Repository(engine).save_profile(Profile(SECRET, "555 0101", "Sam", NOW))
        files = every_file(path.parent)
        assert path.with_name(path.name + "-wal") in files
        for file in files:
            assert SECRET.encode() not in file.read_bytes(), file.name
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    finally:
        engine.dispose()
    assert PASSPHRASE.encode() not in cipher.marker(path).read_bytes()


def test_a_wrong_passphrase_is_said_and_changes_nothing(encrypted, database_url):
    path, _ = encrypted
    before = {file: file.read_bytes() for file in every_file(path.parent)}
    with pytest.raises(cipher.WrongPassphraseError, match="That passphrase is not right"):
        open_database(database_url, "not it")
    assert {file: file.read_bytes() for file in every_file(path.parent)} == before
    assert check_database(path).ok


def test_no_passphrase_is_asked_for(encrypted, database_url):
    with pytest.raises(cipher.PassphraseNeeded):
        open_database(database_url)


def test_the_quick_start_is_unsure_about_an_encrypted_history(encrypted, database_url):
    assert read_snapshot(database_url) is None


def test_encryption_replaces_plain_backups_with_an_encrypted_one(encrypted):
    path, _ = encrypted
    (backup,) = list_backups(backups_folder(path))
    assert not backup.path.read_bytes().startswith(b"SQLite format 3")
    assert verify(backup.path, PASSPHRASE)
    assert not verify(backup.path)
    assert not verify(backup.path, "not it")


def test_an_encrypted_backup_restores_with_the_key_and_stays_encrypted(encrypted, database_url):
    path, saved = encrypted
    (backup,) = list_backups(backups_folder(path))
    engine = open_database(database_url, PASSPHRASE)
    Repository(engine).save_profile(Profile("Someone Else", "555 0199", "Kim", NOW))
    engine.dispose()
    assert exported(database_url, PASSPHRASE) != saved
    replaced = restore(backup.path, path, backups_folder(path), NOW, PASSPHRASE)
    assert replaced is not None and verify(replaced, PASSPHRASE)
    assert exported(database_url, PASSPHRASE) == saved
    assert cipher.is_encrypted(path)
    assert SECRET.encode() not in path.read_bytes()


def test_decryption_gives_back_the_plain_history(encrypted, database_url):
    path, saved = encrypted
    cipher.decrypt(path, PASSPHRASE, NOW)
    assert not cipher.marker(path).exists()
    assert path.read_bytes().startswith(b"SQLite format 3")
    assert exported(database_url) == saved
    (backup,) = list_backups(backups_folder(path))
    assert verify(backup.path)


def test_a_new_passphrase_replaces_the_old_one(encrypted, database_url):
    path, saved = encrypted
    cipher.change_passphrase(path, PASSPHRASE, "a new one", NOW)
    with pytest.raises(cipher.WrongPassphraseError):
        open_database(database_url, PASSPHRASE)
    assert exported(database_url, "a new one") == saved
    (backup,) = list_backups(backups_folder(path))
    assert verify(backup.path, "a new one")


def test_a_marker_left_beside_a_plain_file_does_not_lock_it(history, database_url):
    """A crash after the marker was written but before the encrypted file took its place."""
    saved = exported(database_url)
    cipher.marker(history).write_text(cipher.MARKER_TEXT)
    assert not cipher.is_encrypted(history)
    assert exported(database_url) == saved
    assert not cipher.marker(history).exists()


def test_a_fresh_folder_with_a_stale_marker_opens_plain(tmp_path):
    database = tmp_path / "alshome.sqlite3"
    cipher.marker(database).write_text(cipher.MARKER_TEXT)
    open_database(sqlite_url(database)).dispose()
    assert database.read_bytes().startswith(b"SQLite format 3")
