"""Saving on a disk that refuses: full (SQLITE_FULL), read-only, or past a file-size limit.

The database lives on a real, small tmpfs mounted for each test (CI runs as root), so SQLite
meets the same errors as on a person's full disk. Whatever the disk refuses waits in the
recorder; nothing already saved is lost, and once the disk takes writes again the waiting
sets are written in their original order, each exactly once.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from alshome.domain.session import Session
from alshome.storage.errors import SaveError
from alshome.storage.recorder import SessionRecorder

DISK_SIZE = "2m"


def _mount(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *arguments], capture_output=True, text=True, check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on its own tmpfs of `DISK_SIZE`, unmounted after the test."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root and mount(8), as on CI")
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = _mount("-t", "tmpfs", "-o", f"size={DISK_SIZE},mode=0700", "tmpfs", str(folder))
    if mounted.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], check=False).returncode != 0:
            subprocess.run(["umount", "--lazy", str(folder)], check=True)


@pytest.fixture
def database_path(small_disk: Path) -> Path:
    """The storage fixtures' database (`engine`, `repository`), on the small disk."""
    return small_disk / "alshome.sqlite3"


@pytest.fixture
def recorder(repository, short_document) -> SessionRecorder:
    return SessionRecorder(repository, repository.add_program(short_document, active=True))


def fill(folder: Path) -> Path:
    """Write a file until the disk is full to the last byte; delete it to free the space."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    chunk = b"\0" * 4096
    try:
        while True:
            os.write(descriptor, chunk)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(descriptor)
    return filler


def saved(database_path: Path) -> dict:
    """What is committed now, read by another connection as a crash would leave it."""
    connection = sqlite3.connect(f"file:{database_path}?mode=ro", uri=True)
    try:
        return {
            "integrity": connection.execute("PRAGMA integrity_check").fetchone()[0],
            "sessions": connection.execute("SELECT id, status FROM sessions").fetchall(),
            "sets": connection.execute(
                "SELECT session_id, position, done, fatigue FROM sets ORDER BY id"
            ).fetchall(),
        }
    finally:
        connection.close()


class Person:
    """Does the short program's sets, noting each save the recorder refused.

    The controller catches `SaveError` the same way, so the session goes on.
    """

    def __init__(self, program, clock, recorder: SessionRecorder) -> None:
        self.clock = clock
        self.refused: list[str] = []
        self._recorder = recorder
        self.session = Session(program, clock, self._listen)

    def _listen(self, event) -> None:
        try:
            self._recorder(event)
        except SaveError:
            self.refused.append(type(event).__name__)

    def hold_stretch(self, fatigue: int) -> None:
        self.session.start_set()
        self.clock.advance(3)  # the lead-in
        self.session.tick()
        self.clock.advance(10)
        self.session.tick()
        self.session.finish_set()
        self.session.answer_fatigue(fatigue)
        self.session.end_rest()

    def skip(self) -> None:
        self.session.skip_set()

    def raise_arm(self, repetitions: int, fatigue: int) -> None:
        self.session.start_set()
        self.session.finish_set(repetitions=repetitions)
        self.session.answer_fatigue(fatigue)


def test_a_full_disk_keeps_what_was_saved_and_saves_the_rest_once_space_returns(
    recorder, short_program, clock, database_path, small_disk
):
    person = Person(short_program, clock, recorder)
    person.hold_stretch(fatigue=3)
    before = saved(database_path)
    assert [row[1:] for row in before["sets"]] == [(0, '{"seconds": 10.0}', 3)]

    filler = fill(small_disk)
    person.skip()
    person.raise_arm(repetitions=5, fatigue=4)

    assert person.refused == ["SetFinished", "SetFinished", "FatigueAnswered"]
    assert recorder.pending == 3
    assert saved(database_path) == before
    with pytest.raises(SaveError, match="waiting"):
        recorder.retry()
    assert recorder.pending == 3

    filler.unlink()
    recorder.retry()

    assert recorder.pending == 0
    after = saved(database_path)
    assert after["integrity"] == "ok"
    [(session_id, status)] = after["sessions"]
    assert status == "in_progress"
    assert after["sets"] == [
        (session_id, 0, '{"seconds": 10.0}', 3),
        (session_id, 1, None, None),
        (session_id, 2, '{"repetitions": 5}', 4),
    ]


def test_a_start_the_disk_refused_waits_and_the_next_event_saves_everything_in_order(
    recorder, short_program, clock, database_path, small_disk
):
    filler = fill(small_disk)
    person = Person(short_program, clock, recorder)
    person.hold_stretch(fatigue=2)
    assert person.refused == ["SessionStarted", "SetFinished", "FatigueAnswered"]
    assert saved(database_path)["sessions"] == []

    filler.unlink()
    person.skip()  # the next event writes those waiting before itself

    assert person.refused == ["SessionStarted", "SetFinished", "FatigueAnswered"]
    assert recorder.pending == 0
    after = saved(database_path)
    [(session_id, _status)] = after["sessions"]
    assert after["sets"] == [
        (session_id, 0, '{"seconds": 10.0}', 2),
        (session_id, 1, None, None),
    ]


def test_a_folder_turned_read_only_refuses_saves_until_it_is_writable_again(
    engine, recorder, short_program, clock, database_path, small_disk
):
    person = Person(short_program, clock, recorder)
    person.hold_stretch(fatigue=3)
    # Linux refuses to make a disk read-only while a file on it is open for writing, so the
    # app's connections close first, as after the app has been idle; the next save reopens.
    engine.dispose()
    turned = _mount("-o", "remount,ro", str(small_disk))
    if turned.returncode != 0:
        pytest.skip(f"the tmpfs cannot be made read-only here: {turned.stderr.strip()}")
    try:
        person.skip()
        assert person.refused == ["SetFinished"]
        assert recorder.pending == 1
    finally:
        _mount("-o", "remount,rw", str(small_disk))

    person.raise_arm(repetitions=6, fatigue=5)

    assert person.refused == ["SetFinished"]
    assert recorder.pending == 0
    after = saved(database_path)
    assert after["integrity"] == "ok"
    assert [row[1:] for row in after["sets"]] == [
        (0, '{"seconds": 10.0}', 3),
        (1, None, None),
        (2, '{"repetitions": 6}', 5),
    ]


# Run in a child process, so the file-size limit and the ignored SIGXFSZ stay there.
SIZE_LIMITED_WRITER = """
import json, resource, signal, sys
from alshome.domain.clock import ManualClock
from alshome.operations.startup import load_active_program
from alshome.platform.paths import sqlite_url
from alshome.domain.session import Session
from alshome.storage.db import open_database
from alshome.storage.errors import SaveError
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository

repository = Repository(open_database(sqlite_url(sys.argv[1])))
program_id, program = load_active_program(repository)
recorder = SessionRecorder(repository, program_id)
refused = []

def listen(event):
    try:
        recorder(event)
    except SaveError:
        refused.append(type(event).__name__)

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the kernel kills the writer
_, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))  # no file may be written to
session = Session(program, ManualClock(), listen)
session.skip_set()
session.skip_set()
waiting = recorder.pending
resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
recorder.retry()
print(json.dumps({"refused": refused, "waiting": waiting, "after": recorder.pending}))
"""


def test_a_file_size_limit_is_an_io_error_the_recorder_waits_out(small_disk):
    database_path = small_disk / "alshome.sqlite3"
    child = subprocess.run(
        [sys.executable, "-c", SIZE_LIMITED_WRITER, str(database_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    assert json.loads(child.stdout) == {
        "refused": ["SessionStarted", "SetFinished", "SetFinished"],
        "waiting": 3,
        "after": 0,
    }
    after = saved(database_path)
    assert after["integrity"] == "ok"
    [(session_id, _status)] = after["sessions"]
    assert after["sets"] == [(session_id, 0, None, None), (session_id, 1, None, None)]
