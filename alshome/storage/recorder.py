"""Saves a session as it happens, by listening to the state machine's events.

Each event that carries data becomes one committed write the moment it is emitted, so
what is on screen as done is already on disk. Phase changes and countdowns carry nothing
worth keeping and are ignored.

A write the database refuses (a full disk, a read-only folder, an I/O error) is not lost:
the event waits in memory, in order, and every later event first retries the ones waiting,
so once space returns everything is written in its original order, each exactly once.
Each write is one transaction of the repository, rolled back whole when it fails, so a
retry never doubles a row. While anything waits, the recorder raises `SaveError`, so the
screens can warn without knowing SQLAlchemy.
"""

from __future__ import annotations

from collections import deque
from uuid import uuid4

from sqlalchemy.exc import SQLAlchemyError

from alshome.domain.session import (
    Event,
    FatigueAnswered,
    LiftChecked,
    SessionEnded,
    SessionStarted,
    SetFinished,
)
from alshome.storage.errors import SaveError
from alshome.storage.repository import Repository

SAVED_EVENTS = (SessionStarted, SetFinished, FatigueAnswered, LiftChecked, SessionEnded)


class SessionRecorder:
    """The listener to give a `Session`; create it before the session, which starts at once.

    `session_id` continues a session already saved (one resumed after a crash).
    """

    def __init__(
        self, repository: Repository, program_id: int, session_id: int | None = None
    ) -> None:
        self._repository = repository
        self._program = repository.program(program_id)
        self._session_id = session_id
        # Chosen once, so a start that is retried is still the same session.
        self._uuid = str(uuid4())
        self._pending: deque[Event] = deque()

    @property
    def session_id(self) -> int:
        if self._session_id is None:
            raise SaveError("the session's start was not saved, so its sets cannot be")
        return self._session_id

    @property
    def pending(self) -> int:
        """How many events wait to be written: zero once saving has caught up."""
        return len(self._pending)

    def __call__(self, event: Event) -> None:
        if not isinstance(event, SAVED_EVENTS):
            return
        if not isinstance(event, SessionStarted) and not self._started:
            raise SaveError(f"{type(event).__name__} came before its session started")
        self._pending.append(event)
        self.retry()

    def retry(self) -> None:
        """Write the waiting events in order; raise `SaveError` if any still cannot be."""
        while self._pending:
            event = self._pending[0]
            try:
                self._record(event)
            except SQLAlchemyError as error:
                raise SaveError(
                    f"{type(event).__name__} was not saved; {self.pending} waiting"
                ) from error
            self._pending.popleft()

    @property
    def _started(self) -> bool:
        """Whether the session has a start, saved or waiting to be."""
        return self._session_id is not None or any(
            isinstance(event, SessionStarted) for event in self._pending
        )

    def _record(self, event: Event) -> None:
        match event:
            case SessionStarted(started_at=started_at, carry_over=carry_over):
                self._session_id = self._repository.start_session(
                    uuid=self._uuid,
                    program_id=self._program.id,
                    program_name=self._program.name,
                    program_version=self._program.version,
                    started_at=started_at,
                    carry_over=carry_over,
                )
            case SetFinished(record=record):
                self._repository.record_set(self.session_id, record)
            case FatigueAnswered(position=position, rating=rating, symptoms=symptoms):
                self._repository.record_fatigue(self.session_id, position, rating, symptoms)
            case LiftChecked(check=check):
                self._repository.record_lift_check(self.session_id, check)
            case SessionEnded(status=status, ended_at=ended_at, symptoms=symptoms):
                self._repository.end_session(self.session_id, status, ended_at, symptoms)
