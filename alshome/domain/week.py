"""The week's sessions against the program's weekly target, and when the next one is due.

Weeks start on Monday at midnight in the person's local time. Every moment is turned into
a local calendar day through the local time zone's own rules (`zone`, by default the
computer's), never through today's UTC offset: a session at 23:30 the night before a
daylight-saving change, or one done while travelling, stays on the day it was lived.

What counts as a session: every session that was started, whatever its end - completed,
stopped because of tiredness or a symptom, interrupted, or still running - and even one
closed before a single set was done. Stopping early is part of the program, not a
failure, so it counts as the effort it was; and a session stopped for a symptom in its
first set must never leave the app asking for another one that same day.

The app only informs: when the week's target is met it suggests nothing more until the
next week, and it never proposes a second session on a day that already had one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Protocol

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # index = date.weekday()
DAYS_PER_WEEK = 7


class SessionTimes(Protocol):
    def session_times_since(self, moment: datetime) -> Sequence[datetime]:
        """When each session started at or after `moment`, as aware datetimes."""


@dataclass(frozen=True)
class WeekProgress:
    """This week's sessions, the target, and the day the next session is due.

    `next_due` is None only when no session day is chosen: then the app names no day.
    """

    today: date
    done: int
    target: int
    done_today: bool
    next_due: date | None

    @property
    def met(self) -> bool:
        return self.done >= self.target

    @property
    def due_today(self) -> bool:
        """A session is still due this week, today is a session day, and none was done today.

        This is also exactly when a reminder may be shown.
        """
        return self.next_due == self.today


def local(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """`moment` in `zone`, or in the computer's time zone with its rules for that moment."""
    return moment.astimezone(zone)


def week_start(now: datetime, zone: tzinfo | None = None) -> datetime:
    """Monday 00:00 of the week holding `now`, in local time."""
    today = local(now, zone).date()
    return at_minutes(today - timedelta(days=today.weekday()), 0, zone)


def at_minutes(day: date, minutes: int, zone: tzinfo | None = None) -> datetime:
    """The aware moment `minutes` after midnight on `day`, on local clocks.

    Built from the wall time, so 10:00 stays 10:00 on both sides of a daylight-saving
    change; a naive time's `astimezone()` applies the computer's own zone rules.
    """
    wall = datetime.combine(day, time()) + timedelta(minutes=minutes)
    return wall.replace(tzinfo=zone) if zone is not None else wall.astimezone()


def week_progress(
    session_starts: Iterable[datetime],
    now: datetime,
    target: int,
    preferred_days: Sequence[str],
    zone: tzinfo | None = None,
) -> WeekProgress:
    """Count the sessions started this week (see the module's note on what counts)."""
    today = local(now, zone).date()
    monday = today - timedelta(days=today.weekday())
    days = [local(moment, zone).date() for moment in session_starts]
    done = sum(1 for day in days if monday <= day < monday + timedelta(days=DAYS_PER_WEEK))
    done_today = today in days
    next_due = _next_due(today, done >= target, done_today, preferred_days)
    return WeekProgress(today, done, target, done_today, next_due)


def this_week(
    history: SessionTimes,
    now: datetime,
    target: int,
    preferred_days: Sequence[str],
    zone: tzinfo | None = None,
) -> WeekProgress:
    """`week_progress` over the sessions `history` holds since this week began."""
    starts = history.session_times_since(week_start(now, zone))
    return week_progress(starts, now, target, preferred_days, zone)


def _next_due(
    today: date, met: bool, done_today: bool, preferred_days: Sequence[str]
) -> date | None:
    """Today when it is still due; else the next session day, after this week once it is met."""
    if met:
        next_monday = today + timedelta(days=DAYS_PER_WEEK - today.weekday())
        return _first_session_day(next_monday, preferred_days)
    if not done_today and DAY_KEYS[today.weekday()] in preferred_days:
        return today
    return _first_session_day(today + timedelta(days=1), preferred_days)


def _first_session_day(first: date, preferred_days: Sequence[str]) -> date | None:
    """The first session day from `first` on, within a week; None when none is chosen."""
    for offset in range(DAYS_PER_WEEK):
        day = first + timedelta(days=offset)
        if DAY_KEYS[day.weekday()] in preferred_days:
            return day
    return None


def next_reminder(
    now: datetime,
    reminder_minutes: int,
    preferred_days: Sequence[str],
    done_today: bool,
    zone: tzinfo | None = None,
) -> datetime | None:
    """The next reminder moment after `now`: the reminder time on a session day.

    Today's is skipped once a session was done today or its time has passed: an app
    opened after the reminder time does not remind, its home screen already says
    "Next session: today". Whether the week still needs a session is decided when the
    moment comes (`WeekProgress.due_today`), since a session may be done before then.
    None when no session day is chosen.
    """
    today = local(now, zone).date()
    for offset in range(DAYS_PER_WEEK + 1):
        day = today + timedelta(days=offset)
        if DAY_KEYS[day.weekday()] not in preferred_days:
            continue
        moment = at_minutes(day, reminder_minutes, zone)
        if offset == 0 and (done_today or moment <= now):
            continue
        return moment
    return None
