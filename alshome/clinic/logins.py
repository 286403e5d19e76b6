"""The therapists' dashboard sessions: logging in, knowing the session again, logging out.

A session's cookie holds a random 256-bit secret; the clinic database keeps only its
SHA-256 (as it does a device's token), so a copy of the database opens no session. Each
session has its own CSRF token, which every form of the dashboard posts back. A session
idle for longer than `idle` ends: the next request finds none, and the row is deleted.

Logging in is rate-limited per e-mail address and per client address (`LoginLimiter`):
after `MAX_FAILURES` wrong passwords within `FAILURE_WINDOW`, further tries are refused
without checking, until the window has passed. The wrong passwords are counted in the
clinic database, not in a process's memory: `alshome clinic serve --workers N` runs
several server processes, and a guesser must meet the same count whichever one answers.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from alshome.clinic import credentials
from alshome.clinic.models import LoginFailure, Therapist, WebSession, utc_now

IDLE_TIMEOUT = timedelta(minutes=30)
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class Login:
    """A logged-in therapist: who, and the session's CSRF token."""

    session_id: int
    therapist_id: int
    email: str
    csrf_token: str

    @property
    def actor(self) -> str:
        return f"therapist:{self.email}"

    def csrf_matches(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given, self.csrf_token)


def start_session(engine: Engine, therapist_id: int) -> str:
    """A new session for the therapist; the cookie's secret, shown only this once."""
    secret = credentials.new_token()
    now = utc_now()
    with Session(engine) as db, db.begin():
        db.add(
            WebSession(
                token_hash=credentials.token_hash(secret),
                therapist_id=therapist_id,
                csrf_token=secrets.token_urlsafe(32),
                created_at=now,
                last_seen_at=now,
            )
        )
    return secret


def session_of(engine: Engine, secret: str, idle: timedelta = IDLE_TIMEOUT) -> Login | None:
    """The session a cookie's secret opens, its idle time renewed; None for an unknown,
    ended or idle one (which is then deleted)."""
    now = utc_now()
    with Session(engine) as db, db.begin():
        found = db.execute(
            select(WebSession, Therapist.email)
            .join(Therapist, Therapist.id == WebSession.therapist_id)
            .where(WebSession.token_hash == credentials.token_hash(secret))
        ).first()
        if found is None:
            return None
        session, email = found
        if now - session.last_seen_at > idle:
            db.delete(session)
            return None
        session.last_seen_at = now
        return Login(session.id, session.therapist_id, email, session.csrf_token)


def end_session(engine: Engine, session_id: int) -> None:
    with Session(engine) as db, db.begin():
        db.execute(delete(WebSession).where(WebSession.id == session_id))


class LoginLimiter:
    """Wrong passwords counted per key (an e-mail address, a client address) over a
    sliding window, in the clinic database; a key at the limit is refused until its
    oldest failure is old enough.

    A key is kept as its SHA-256: what was typed as an e-mail address is kept by no one,
    whatever its length. Each failure recorded first deletes those older than the window,
    so the table holds the last window's failures only. Every call is a database call,
    made off the event loop.
    """

    def __init__(
        self,
        engine: Engine,
        max_failures: int = MAX_FAILURES,
        window: timedelta = FAILURE_WINDOW,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.engine = engine
        self.max_failures = max_failures
        self.window = window
        self._now = now

    def blocked(self, *keys: str) -> bool:
        hashes = [credentials.token_hash(key) for key in keys]
        with Session(self.engine) as db:
            counts = db.scalars(
                select(func.count())
                .select_from(LoginFailure)
                .where(LoginFailure.key_hash.in_(hashes))
                .where(LoginFailure.at >= self._now() - self.window)
                .group_by(LoginFailure.key_hash)
            )
            return any(count >= self.max_failures for count in counts)

    def failed(self, *keys: str) -> None:
        now = self._now()
        with Session(self.engine) as db, db.begin():
            db.execute(delete(LoginFailure).where(LoginFailure.at < now - self.window))
            db.add_all(LoginFailure(key_hash=credentials.token_hash(key), at=now) for key in keys)

    def succeeded(self, *keys: str) -> None:
        hashes = [credentials.token_hash(key) for key in keys]
        with Session(self.engine) as db, db.begin():
            db.execute(delete(LoginFailure).where(LoginFailure.key_hash.in_(hashes)))
