"""A session the app stopped in the middle of: carried on where it stopped, or closed.

Every set is committed the moment it ends, so after a crash, a kill or a power cut the
history holds the session marked "in progress" with each finished set exactly once. On
the next start the newest such session is offered to carry on, at the set after the last
one saved, if it stopped recently enough to still be today's session. Any other (older,
or whose program was deleted or no longer matches its saved sets) is closed as
interrupted at the moment it last saved something, which is when it must have stopped;
its sets stay in the history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from alshome.domain.program import Program
from alshome.domain.session import Resumption, SessionStatus, SetRecord
from alshome.programs.document import DocumentError, parse_program
from alshome.programs.library import stock_library
from alshome.storage.repository import Repository, UnfinishedSession

RESUMABLE_FOR = timedelta(hours=12)  # later than this, it is no longer the same session


@dataclass(frozen=True)
class Recovery:
    """An unfinished session that can be carried on, with what it was following."""

    unfinished: UnfinishedSession
    program: Program
    resumption: Resumption

    @property
    def session_id(self) -> int:
        return self.unfinished.session_id

    @property
    def program_id(self) -> int:
        return self.unfinished.program_id

    @property
    def sets_saved(self) -> int:
        return len(self.resumption.records)

    @property
    def sets_planned(self) -> int:
        return len(self.program.steps())


def find_unfinished(repository: Repository, now: datetime) -> Recovery | None:
    """The session to offer to carry on, if any; closes every other unfinished one."""
    offer = None
    for unfinished in repository.unfinished_sessions():
        if offer is None and now - unfinished.last_saved <= RESUMABLE_FOR:
            offer = _recovery(repository, unfinished)
            if offer is not None:
                continue
        close_interrupted(repository, unfinished)
    return offer


def close_interrupted(repository: Repository, unfinished: UnfinishedSession) -> None:
    repository.end_session(
        unfinished.session_id, SessionStatus.INTERRUPTED, unfinished.last_saved, ()
    )


def _recovery(repository: Repository, unfinished: UnfinishedSession) -> Recovery | None:
    """The session rebuilt from its program and saved sets; None if they no longer agree."""
    if unfinished.program_id is None:
        return None
    try:
        program = parse_program(repository.program(unfinished.program_id).document, stock_library())
    except (DocumentError, LookupError, ValueError):
        return None
    steps = program.steps()
    records = []
    for saved in unfinished.sets:
        if saved.position >= len(steps) or steps[saved.position].exercise.id != saved.exercise_id:
            return None
        records.append(
            SetRecord(
                position=saved.position,
                step=steps[saved.position],
                started_at=saved.started_at,
                ended_at=saved.ended_at,
                done=saved.done,
                mover=saved.mover,
                symptoms=frozenset(saved.symptoms),
            )
        )
    ratings = tuple(saved.fatigue for saved in unfinished.sets if saved.fatigue is not None)
    return Recovery(unfinished, program, Resumption(unfinished.started_at, tuple(records), ratings))
