"""A process that records sets through the real recorder until it is killed, for crash tests.

Run as `python writer_process.py DATABASE_URL`. It opens the database once (migrating it
and saving the demo program), then for each line `write` on stdin forks a writer. The
writer opens the database as the app does and goes through sessions of the demo program
without end; after each set's commit has returned it prints `set SESSION POSITION`, so
every line it printed is a set the app would have shown as saved. The test kills it with
SIGKILL at any moment; this process then prints `ended PID STATUS` once it has reaped it,
so every line of that writer comes before. Forking spares each writer the imports, which
is what lets a test kill hundreds of them in seconds.

Protocol lines, in order: `open` once; then per `write`: `child PID`, `ready`, any
number of `set ...`, `ended PID STATUS`.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime

from alshome.domain.clock import ManualClock
from alshome.domain.program import Program
from alshome.domain.session import Phase, Session, SetFinished
from alshome.operations.startup import load_active_program
from alshome.storage.db import open_database
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository

SECONDS_PER_SET = 5


def main(url: str) -> None:
    engine = open_database(url)
    program_id, program = load_active_program(Repository(engine))
    # No connection may be shared with a forked writer.
    engine.dispose()
    say("open")
    for command in sys.stdin:
        if command.strip() != "write":
            raise SystemExit(f"unknown command {command!r}")
        pid = os.fork()
        if pid == 0:
            write_forever(url, program_id, program, parent=os.getppid())
        say(f"child {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"ended {pid} {os.waitstatus_to_exitcode(status)}")


def write_forever(url: str, program_id: int, program: Program, parent: int) -> None:
    """Record whole sessions until killed; stop should the test's process be gone."""
    try:
        repository = Repository(open_database(url))
        say("ready")
        clock = ManualClock(datetime(2026, 3, 2, 9, 30, tzinfo=UTC))
        while os.getppid() == parent:
            record_session(repository, program_id, program, clock, report=say)
    except BaseException:
        traceback.print_exc()
        os._exit(1)
    os._exit(0)


def record_session(
    repository: Repository,
    program_id: int,
    program: Program,
    clock: ManualClock,
    report: Callable[[str], None] = lambda line: None,
) -> None:
    """One whole session through the real recorder; `report` hears of each set once saved."""
    recorder = SessionRecorder(repository, program_id)

    def listener(event: object) -> None:
        recorder(event)
        if isinstance(event, SetFinished):
            report(f"set {recorder.session_id} {event.record.position}")

    session = Session(program, clock, listener)
    while not session.ended:
        match session.phase:
            case Phase.READY | Phase.LEAD_IN:
                session.start_set()
            case Phase.LIFT_CHECK:
                session.answer_lift_check(True)
            case Phase.RUNNING:
                clock.advance(SECONDS_PER_SET)
                session.finish_set()
            case Phase.FATIGUE_CHECK:
                session.answer_fatigue(1)
            case Phase.REST:
                session.end_rest()
            case _:
                raise AssertionError(f"the writer does not expect {session.phase}")


def say(line: str) -> None:
    """One write call per line: a pipe takes it whole, so a kill never leaves half a line."""
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


if __name__ == "__main__":
    main(sys.argv[1])
