"""Clocks injected into the session, so no rule ever reads time by itself.

A session needs two readings: a monotonic one for countdowns (it never jumps when the
wall clock is corrected) and an aware wall-clock one for the timestamps that are stored.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds from an arbitrary origin; never goes backwards."""

    def wall(self) -> datetime:
        """The current local time, timezone-aware."""


class SystemClock:
    """The real clock of the machine."""

    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> datetime:
        return datetime.now().astimezone()


class ManualClock:
    """A clock that moves only when told; for tests, benchmarks and the self-test."""

    def __init__(self, start: datetime | None = None) -> None:
        self._origin = start or datetime(2026, 1, 5, 10, 0).astimezone()
        self._seconds = 0.0

    def advance(self, seconds: float) -> None:
        self._seconds += seconds

    def monotonic(self) -> float:
        return self._seconds

    def wall(self) -> datetime:
        return self._origin + timedelta(seconds=self._seconds)
