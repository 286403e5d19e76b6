"""Backups: copied by SQLite, verified before they count, restored whole, thinned out bounded."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from alshome.domain.safety import CarryOver, CarryOverCheck, Profile
from alshome.domain.session import Phase, Session
from alshome.operations.exchange import export_json
from alshome.storage import backups
from alshome.storage.backups import (
    Backup,
    BackupError,
    backups_folder,
    due,
    kept,
    list_backups,
    prune,
    restore,
    take_backup,
    verify,
)
from alshome.storage.db import open_database
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository
from tests.storage.conftest import EASTERN

NOW = datetime(2026, 11, 25, 17, 40, 12, tzinfo=UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def exported(database_url: str) -> str:
    engine = open_database(database_url)
    try:
        return export_json(Repository(engine), NOW)[0]
    finally:
        engine.dispose()


def sets_in(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        count = connection.execute("SELECT count(*) FROM sets").fetchone()[0]
    connection.close()
    return count


@pytest.fixture
def history(repository, short_program, short_document, clock, database_path) -> Path:
    """A saved profile and one session of three sets; the database file."""
    repository.save_profile(Profile("Ana Ruiz, PT", "555 0100", "Sam", clock.wall()))
    program_id = repository.add_program(short_document, active=True)
    session = Session(short_program, clock, SessionRecorder(repository, program_id))
    for _ in range(3):
        session.start_set()
        if session.phase is Phase.LEAD_IN:
            session.start_set()
        clock.advance(12)
        session.finish_set()
        session.answer_fatigue(2)
        session.end_rest()
    session.stop_tired()
    return database_path


@pytest.fixture
def folder(database_path) -> Path:
    return backups_folder(database_path)


def test_a_backup_is_a_verified_private_copy_named_by_time_and_reason(history, folder):
    path = take_backup(history, folder, "before-migration", NOW)

    assert path == folder / "alshome-2026-11-25T17-40-12Z-before-migration.sqlite3"
    assert folder == history.parent / "backups"
    assert (mode(path), mode(folder)) == (0o600, 0o700)
    assert verify(path)
    assert sets_in(path) == sets_in(history) == 3
    assert sorted(p.name for p in folder.iterdir()) == [path.name]  # no -wal, no temporary
    [listed] = list_backups(folder)
    assert listed == Backup(path, NOW, "before-migration", path.stat().st_size)


def test_backups_in_the_same_second_keep_each_other_and_their_order(history, folder):
    first = take_backup(history, folder, "manual", NOW)
    second = take_backup(history, folder, "before-restore", NOW + timedelta(microseconds=5))

    assert first.exists() and second.exists()
    assert [b.path for b in list_backups(folder)] == [second, first]


def test_a_local_time_is_named_in_utc(history, folder):
    path = take_backup(history, folder, "automatic", datetime(2026, 3, 2, 9, 30, tzinfo=EASTERN))
    assert path.name == "alshome-2026-03-02T14-30-00Z-automatic.sqlite3"


def test_a_copy_that_does_not_verify_is_deleted_and_reported(history, folder, monkeypatch):
    monkeypatch.setattr(backups, "verify", lambda path, passphrase=None: False)
    with pytest.raises(BackupError, match="is damaged, so no backup was saved"):
        take_backup(history, folder, "manual", NOW)
    assert list(folder.iterdir()) == []


def test_a_missing_database_is_not_created_by_a_backup(tmp_path):
    missing = tmp_path / "alshome.sqlite3"
    with pytest.raises(BackupError, match="cannot be read"):
        take_backup(missing, tmp_path / "backups", "manual", NOW)
    assert not missing.exists()
    assert list((tmp_path / "backups").iterdir()) == []


def damaged_copies(good: Path, target: Path) -> dict[str, Path]:
    data = good.read_bytes()
    flipped = bytearray(data)
    for offset in range(4096 + 100, len(data), 512):
        flipped[offset] ^= 0xFF
    variants = {
        "garbage": b"not a database at all\n" * 100,
        "truncated": data[: len(data) // 3],
        "zeroed header": bytes(100) + data[100:],
        "bit-flipped": bytes(flipped),
        "empty": b"",
    }
    paths = {}
    for name, content in variants.items():
        path = target / f"{name.replace(' ', '-')}.sqlite3"
        path.write_bytes(content)
        paths[name] = path
    return paths


def test_damaged_backups_do_not_verify_and_are_not_restored(history, folder, tmp_path):
    good = take_backup(history, folder, "manual", NOW)
    before = history.read_bytes()
    a_plain_database = tmp_path / "plain.sqlite3"
    sqlite3.connect(a_plain_database).execute("CREATE TABLE notes (text)").connection.close()
    damaged = {**damaged_copies(good, tmp_path), "not alshome's": a_plain_database}

    for name, path in damaged.items():
        assert not verify(path), name
        with pytest.raises(BackupError, match="is not an alshome backup that can be restored"):
            restore(path, history, folder, NOW)

    assert history.read_bytes() == before
    assert [b.path for b in list_backups(folder)] == [good]


def test_a_backup_taken_during_an_open_write_keeps_only_what_was_committed(history, folder):
    writer = sqlite3.connect(history, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM sets")
        path = take_backup(history, folder, "automatic", NOW)
        writer.execute("COMMIT")
    finally:
        writer.close()
    assert verify(path)
    assert sets_in(path) == 3
    assert sets_in(history) == 0


def test_restore_puts_back_exactly_the_history_that_was_backed_up(
    history, folder, repository, database_url, clock
):
    saved = exported(database_url)
    backup = take_backup(history, folder, "manual", NOW)
    repository.record_rest_day(CarryOverCheck(CarryOver.SORE, clock.wall()))
    changed = exported(database_url)
    assert changed != saved

    replaced = restore(backup, history, folder, NOW + timedelta(hours=1))

    assert exported(database_url) == saved
    assert replaced is not None and replaced.name.endswith("-before-restore.sqlite3")
    restore(replaced, history, folder, NOW + timedelta(hours=2))
    assert exported(database_url) == changed
    assert mode(history) == 0o600


def test_restore_into_a_new_folder_creates_a_private_database(history, folder, tmp_path):
    backup = take_backup(history, folder, "manual", NOW)
    database = tmp_path / "elsewhere" / "alshome.sqlite3"

    assert restore(backup, database, backups_folder(database), NOW) is None

    assert verify(database) and sets_in(database) == 3
    assert (mode(database), mode(database.parent)) == (0o600, 0o700)


def test_a_damaged_history_is_set_aside_not_overwritten(
    history, folder, tmp_path, database_url, engine
):
    backup = take_backup(history, folder, "manual", NOW)
    saved = exported(database_url)
    engine.dispose()  # the last connection folds the -wal into the file and removes it
    history.write_bytes(damaged_copies(backup, tmp_path)["garbage"].read_bytes())
    damaged = history.read_bytes()

    kept_aside = restore(backup, history, folder, NOW)

    assert kept_aside is not None and kept_aside.parent == history.parent
    assert ".damaged-" in kept_aside.name and kept_aside.read_bytes() == damaged
    assert exported(database_url) == saved


def test_a_history_that_cannot_be_backed_up_is_not_replaced(
    history, folder, database_url, monkeypatch
):
    backup = take_backup(history, folder, "manual", NOW)
    history_before = exported(database_url)
    monkeypatch.setattr(backups, "verify", lambda path, passphrase=None: path == backup)

    with pytest.raises(BackupError, match="could not be backed up first"):
        restore(backup, history, folder, NOW + timedelta(hours=1))

    assert exported(database_url) == history_before
    assert [b.path for b in list_backups(folder)] == [backup]


def at(moment: datetime, reason: str = "automatic") -> Backup:
    return Backup(Path(f"/nowhere/{moment.isoformat()}"), moment, reason, 0)


def every_half_hour(start: datetime, end: datetime) -> list[Backup]:
    count = int((end - start) / timedelta(minutes=30))
    return [at(start + timedelta(minutes=30 * step)) for step in range(count + 1)]


@pytest.mark.parametrize(
    "now",
    [
        datetime(2026, 1, 1, 0, 10, tzinfo=UTC),
        datetime(2026, 3, 8, 23, 59, tzinfo=EASTERN),
        datetime(2027, 12, 31, 12, 0, tzinfo=timezone(timedelta(hours=13))),
        datetime(2028, 2, 29, 6, 0, tzinfo=UTC),
    ],
)
def test_retention_keeps_the_newest_then_one_a_day_week_and_month(now):
    backups = every_half_hour(now - timedelta(days=400), now)
    keep = kept(backups, now)

    assert len(keep) <= 33
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    assert set(newest_first[:2]) <= keep
    local_days = {b.taken_at.astimezone(now.tzinfo).date() for b in keep}
    today = now.date()
    assert {today - timedelta(days=n) for n in range(12)} <= local_days
    weeks = {day.isocalendar()[:2] for day in local_days}
    assert {(today - timedelta(weeks=n)).isocalendar()[:2] for n in range(10)} <= weeks
    months = {(day.year, day.month) for day in local_days}
    assert {_months_back(today, n) for n in range(9)} <= months


def _months_back(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - months
    return index // 12, index % 12 + 1


def test_retention_of_each_day_keeps_its_newest_backup():
    now = datetime(2026, 6, 15, 20, 0, tzinfo=UTC)
    yesterday = [at(now - timedelta(days=1, hours=h)) for h in (2, 5, 9)]
    keep = kept([*yesterday, at(now), at(now - timedelta(minutes=1))], now)
    assert yesterday[0] in keep
    assert not {yesterday[1], yesterday[2]} & keep


def test_two_years_of_backups_every_half_hour_stay_bounded():
    """Pruned after each backup, as the app would; the newest is never the one removed."""
    start = datetime(2025, 1, 1, tzinfo=UTC)
    alive: set[Backup] = set()
    for step in range(0, 2 * 365 * 48, 3):  # every 90 minutes of two years: bounded time
        newest = at(start + timedelta(minutes=30 * step))
        alive = kept({*alive, newest}, newest.taken_at)
        assert newest in alive
        assert len(alive) <= 33
    months = {(b.taken_at.year, b.taken_at.month) for b in alive}
    assert {_months_back(newest.taken_at.date(), n) for n in range(9)} <= months


def test_prune_deletes_only_backups_retention_drops(history, folder):
    for days in range(40):
        take_backup(history, folder, "automatic", NOW - timedelta(days=days))
    stranger = folder / "notes.txt"
    stranger.write_text("mine")

    removed = prune(folder, NOW)

    left = list_backups(folder)
    assert len(removed) == 40 - len(left) > 0
    assert left[0].taken_at == NOW
    assert not any(path.exists() for path in removed)
    assert stranger.read_text() == "mine"


def test_an_automatic_backup_is_due_after_30_minutes_of_change(history, folder):
    assert due(folder, NOW, changed_since_last=True)
    assert not due(folder, NOW, changed_since_last=False)
    take_backup(history, folder, "automatic", NOW)
    assert not due(folder, NOW + timedelta(minutes=29), changed_since_last=True)
    assert due(folder, NOW + timedelta(minutes=30), changed_since_last=True)
    assert not due(folder, NOW + timedelta(hours=5), changed_since_last=False)
    assert due(folder, NOW - timedelta(hours=1), changed_since_last=True)  # clock set back
