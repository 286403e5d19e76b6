"""The week against its target, the next session day and the next reminder, without Qt.

Every test names its time zone, so none depends on the machine's; Berlin is used for
daylight-saving changes (clocks went forward on 29 March 2026 and back on 25 October).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from alshome.domain.week import (
    DAY_KEYS,
    at_minutes,
    next_reminder,
    this_week,
    week_progress,
    week_start,
)
from alshome.platform.settings import SETTING_BY_KEY

BERLIN = ZoneInfo("Europe/Berlin")
MON_THU = ("mon", "thu")
# 2026-01-05 is a Monday.
MONDAY = date(2026, 1, 5)


def at(day: date, hour: int, minute: int = 0, zone=BERLIN) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def day(offset: int) -> date:
    return MONDAY + timedelta(days=offset)


def progress(starts, now, target=2, days=MON_THU):
    return week_progress(starts, now, target, days, BERLIN)


def test_the_day_keys_are_the_settings_choices_in_weekday_order():
    assert tuple(key for key, _ in SETTING_BY_KEY["preferred_days"].choices) == DAY_KEYS
    assert [DAY_KEYS[day(n).weekday()] for n in range(7)] == list(DAY_KEYS)


def test_the_week_starts_on_monday_at_local_midnight():
    assert week_start(at(day(3), 15), BERLIN) == at(MONDAY, 0)
    assert week_start(at(MONDAY, 0), BERLIN) == at(MONDAY, 0)
    assert week_start(at(day(6), 23, 59), BERLIN) == at(MONDAY, 0)


def test_a_new_week_has_nothing_done_and_today_is_due_on_a_session_day():
    week = progress([], at(MONDAY, 9))
    assert (week.done, week.target, week.met) == (0, 2, False)
    assert week.next_due == MONDAY
    assert week.due_today


def test_only_this_weeks_sessions_count():
    last_sunday = at(day(-1), 23, 30)
    week = progress([last_sunday, at(MONDAY, 10)], at(day(2), 9))
    assert week.done == 1


def test_once_done_today_the_next_session_day_is_due():
    week = progress([at(MONDAY, 10)], at(MONDAY, 11))
    assert week.done_today
    assert not week.due_today
    assert week.next_due == day(3)


def test_a_day_that_is_not_a_session_day_points_to_the_next_one():
    week = progress([], at(day(1), 9))
    assert week.next_due == day(3)
    assert not week.due_today


def test_a_missed_week_points_to_next_weeks_first_session_day():
    week = progress([at(MONDAY, 10)], at(day(4), 9))
    assert not week.met
    assert week.next_due == day(7)


def test_a_met_target_waits_for_next_week_even_on_a_session_day():
    week = progress([at(MONDAY, 10), at(day(1), 10)], at(day(3), 9))
    assert week.met
    assert not week.due_today
    assert week.next_due == day(7)


def test_a_met_target_on_a_sunday_points_to_the_very_next_monday():
    week = progress([at(MONDAY, 10), at(day(3), 10)], at(day(6), 9), days=("mon",))
    assert week.next_due == day(7)


def test_more_sessions_than_the_target_are_counted_as_they_are():
    starts = [at(day(n), 10) for n in range(3)]
    assert progress(starts, at(day(3), 9)).done == 3


def test_without_session_days_no_day_is_named():
    week = progress([], at(MONDAY, 9), days=())
    assert week.next_due is None
    assert not week.due_today


def test_a_session_is_counted_on_the_local_day_it_was_lived():
    # 23:30 in Berlin on Sunday is 22:30 UTC: stored in UTC it still belongs to last week.
    sunday_night = at(day(-1), 23, 30).astimezone(UTC)
    # 00:30 in Berlin on Monday is Sunday 23:30 UTC: it belongs to this week.
    monday_early = at(MONDAY, 0, 30).astimezone(UTC)
    week = progress([sunday_night, monday_early], at(MONDAY, 9))
    assert week.done == 1
    assert week.done_today


def test_daylight_saving_does_not_move_a_session_to_another_day():
    # Saturday 28 March 2026, 23:30 in winter time (UTC+1); "now" is in summer time and,
    # as the system clock gives it, carries only today's offset (UTC+2).
    saturday_night = datetime(2026, 3, 28, 23, 30, tzinfo=timezone(timedelta(hours=1)))
    now = datetime(2026, 3, 29, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    week = week_progress([saturday_night], now, 2, ("sat", "sun"), BERLIN)
    assert not week.done_today, "with today's offset it would have moved to Sunday"
    assert week.due_today


def test_a_session_kept_with_a_travel_offset_is_counted_by_the_local_day_now():
    # Done at 20:00 in New York on Sunday is 02:00 on Monday in Berlin.
    in_new_york = datetime(2026, 1, 4, 20, 0, tzinfo=timezone(timedelta(hours=-5)))
    week = progress([in_new_york], at(MONDAY, 9))
    assert (week.done, week.done_today) == (1, True)


def test_this_week_asks_the_history_from_monday_midnight():
    asked = []

    class History:
        def session_times_since(self, moment):
            asked.append(moment)
            return [at(MONDAY, 10)]

    week = this_week(History(), at(day(3), 9), 2, MON_THU, BERLIN)
    assert asked == [at(MONDAY, 0)]
    assert (week.done, week.next_due) == (1, day(3))


@pytest.mark.parametrize(
    ("now", "done_today", "expected"),
    [
        (at(MONDAY, 8), False, at(MONDAY, 10)),  # later today
        (at(MONDAY, 8), True, at(day(3), 10)),  # done today: the next session day
        (at(MONDAY, 10), False, at(day(3), 10)),  # exactly at the time: not again
        (at(MONDAY, 11), False, at(day(3), 10)),  # opened after the time: not late
        (at(day(1), 8), False, at(day(3), 10)),  # not a session day
        (at(day(3), 12), False, at(day(7), 10)),  # into next week
    ],
)
def test_next_reminder(now, done_today, expected):
    assert next_reminder(now, 600, MON_THU, done_today, BERLIN) == expected


def test_the_next_reminder_can_be_a_week_away_on_the_same_weekday():
    assert next_reminder(at(MONDAY, 11), 600, ("mon",), False, BERLIN) == at(day(7), 10)


def test_no_session_day_means_no_reminder():
    assert next_reminder(at(MONDAY, 8), 600, (), False, BERLIN) is None


def test_the_reminder_keeps_its_wall_time_across_daylight_saving():
    saturday = datetime(2026, 3, 28, 9, 0, tzinfo=BERLIN)
    moment = next_reminder(saturday, 9 * 60 + 15, ("mon",), False, BERLIN)
    assert moment == datetime(2026, 3, 30, 9, 15, tzinfo=BERLIN)
    assert moment.utcoffset() == timedelta(hours=2)
    assert saturday.utcoffset() == timedelta(hours=1)


def test_the_computers_zone_is_used_when_none_is_given():
    moment = at_minutes(MONDAY, 600)
    assert (moment.hour, moment.minute, moment.date()) == (10, 0, MONDAY)
    assert moment.utcoffset() is not None
