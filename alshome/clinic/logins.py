"""The therapists' dashboard sessions: logging in, knowing the session again, logging out.

A session's cookie holds a random 256-bit secret; the clinic database keeps only its
SHA-256 (as it does a device's token), so a copy of the database opens no session. Each
session has its own CSRF token, which every form of the dashboard posts back. A session
idle for longer than `idle` ends: the next request finds none, and the row is deleted.

Logging in is rate-limited per e-mail address and per client address (`LoginLimiter`):
after `MAX_FAILURES` wrong passwords within `FAILURE_WINDOW`, further tries are refused
without checking, until the window has passed. The limiter lives in the server's memory,
which is enough for the one server process a clinic runs.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from alshome.clinic import credentials
from alshome.clinic.models import Therapist, WebSession, utc_now

IDLE_TIMEOUT = timedelta(minutes=30)
MAX_FAILURES = 5
FAILURE_WINDOW = 15 * 60.0  # seconds


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
    sliding window; a key at the limit is refused until its oldest failure is old enough."""

    def __init__(self, max_failures: int = MAX_FAILURES, window: float = FAILURE_WINDOW) -> None:
        self.max_failures = max_failures
        self.window = window
        self._now = time.monotonic
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and self._now() - failures[0] > self.window:
            failures.popleft()
        return failures

    def blocked(self, *keys: str) -> bool:
        with self._lock:
            return any(len(self._recent(key)) >= self.max_failures for key in keys)

    def failed(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._recent(key).append(self._now())

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)
