"""When sessions started since a moment: the quick read and the repository agree."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from alshome.domain.session import SessionStatus
from alshome.platform.paths import sqlite_url
from alshome.storage.snapshot import read_session_starts
from tests.storage.test_snapshot import set_revision

pytestmark = pytest.mark.databases("sqlite", "postgresql")

TOKYO = timezone(timedelta(hours=9))
EASTERN = timezone(timedelta(hours=-5))
SINCE = datetime(2026, 3, 2, 0, 0, tzinfo=EASTERN)


@pytest.fixture
def starts(repository) -> list[datetime]:
    """Sessions around SINCE, added out of order, ending in every way, some with no sets."""
    moments = [
        SINCE + timedelta(days=2),
        SINCE - timedelta(microseconds=1),
        SINCE,
        (SINCE + timedelta(hours=5)).astimezone(TOKYO),  # lived while travelling
        SINCE - timedelta(days=3),
    ]
    ends = [
        SessionStatus.COMPLETED,
        SessionStatus.COMPLETED,
        SessionStatus.STOPPED_SYMPTOM,
        SessionStatus.STOPPED_TIRED,
        None,
    ]
    for number, (moment, status) in enumerate(zip(moments, ends, strict=True)):
        session_id = repository.start_session(f"uuid-{number}", None, "P", 1, moment)
        if status is not None:
            repository.end_session(session_id, status, moment + timedelta(minutes=1), ())
    return moments


def test_sessions_from_the_moment_on_in_the_order_they_started(repository, starts):
    found = repository.session_times_since(SINCE)
    assert found == (SINCE, starts[3], starts[0])
    assert found[1].utcoffset() == timedelta(hours=9), "the offset it was lived in is kept"


@pytest.mark.databases("sqlite")  # the quick read is of a SQLite file
def test_the_quick_read_reads_what_the_repository_reads(repository, starts, database_url):
    for since in (SINCE, SINCE - timedelta(days=7), SINCE.astimezone(TOKYO)):
        assert read_session_starts(database_url, since) == repository.session_times_since(since)
    assert len(read_session_starts(database_url, SINCE - timedelta(days=7))) == 5


@pytest.mark.databases("sqlite")  # the quick read is of a SQLite file
def test_nothing_since_a_moment_after_them_all(repository, starts, database_url):
    later = SINCE + timedelta(days=30)
    assert repository.session_times_since(later) == ()
    assert read_session_starts(database_url, later) == ()


def test_a_database_not_made_yet_has_no_sessions_and_is_not_made(tmp_path):
    folder = tmp_path / "not-yet"
    assert read_session_starts(sqlite_url(folder / "alshome.sqlite3"), SINCE) == ()
    assert not folder.exists()


@pytest.mark.databases("sqlite")  # the quick read is of a SQLite file
def test_another_revision_is_left_to_the_full_opening(engine, database_path, database_url):
    set_revision(database_path, "9999_newer")
    assert read_session_starts(database_url, SINCE) is None


def test_other_urls_are_left_to_the_full_opening():
    assert read_session_starts("postgresql://localhost/alshome", SINCE) is None
