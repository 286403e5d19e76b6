"""The history's figures: adherence per week, fatigue statistics, work done, ranges; and the
repository's SQL summaries against the same figures computed from whole sessions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from alshome.domain.fatigue import Symptom
from alshome.domain.program import ExerciseKind, Mover, Side
from alshome.domain.recorded import StoredSession, StoredSet
from alshome.domain.session import SessionStatus
from alshome.domain.trends import SessionSummary, Span, adherence, summarize, trends
from alshome.platform.paths import resolve_locations
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from tests.benchmarks.synthetic_history import write_history

BERLIN_WINTER = timezone(timedelta(hours=1))
NEW_YORK_WINTER = timezone(timedelta(hours=-5))


def summary(moment: datetime, **changes) -> SessionSummary:
    values = dict(
        uuid=moment.isoformat(),
        started_at=moment,
        ended_at=moment + timedelta(minutes=30),
        status=SessionStatus.COMPLETED,
        program_name="Home program",
        program_version=1,
        sets_planned=10,
        sets_done=10,
        highest_fatigue=4,
        mean_fatigue=3.0,
        symptoms=(),
    )
    values.update(changes)
    return SessionSummary(**values)


def at(day: date, hour: int = 10, zone: timezone = BERLIN_WINTER) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=zone)


def test_a_week_spanning_new_year_is_one_week():
    sessions = [at(date(2025, 12, 29)), at(date(2025, 12, 31)), at(date(2026, 1, 2))]
    sessions.append(at(date(2026, 1, 5)))
    weeks = adherence([summary(s) for s in sessions], default_target=3)
    assert [(w.monday, w.sessions, w.met) for w in weeks] == [
        (date(2025, 12, 29), 3, True),
        (date(2026, 1, 5), 1, False),
    ]


def test_sessions_stay_on_the_day_they_were_lived_across_a_move():
    """Late evenings: in UTC the New York one falls on the next Monday, locally a Sunday."""
    berlin = datetime(2026, 3, 2, 23, 30, tzinfo=BERLIN_WINTER)  # Monday night
    new_york = datetime(2026, 3, 8, 23, 30, tzinfo=NEW_YORK_WINTER)  # Sunday night
    assert new_york.astimezone(UTC).date() == date(2026, 3, 9)
    weeks = adherence([summary(berlin), summary(new_york)], default_target=2)
    assert [(w.monday, w.sessions) for w in weeks] == [(date(2026, 3, 2), 2)]


def test_weeks_without_sessions_are_listed_and_keep_the_last_known_target():
    sessions = [
        summary(at(date(2026, 1, 5)), weekly_target=3),
        summary(at(date(2026, 1, 26)), weekly_target=None),
    ]
    weeks = adherence(sessions, default_target=2)
    assert [(w.sessions, w.target) for w in weeks] == [(1, 3), (0, 3), (0, 3), (1, 3)]


def test_a_range_lists_its_weeks_even_when_empty():
    weeks = adherence([], 2, first=date(2026, 1, 1), last=date(2026, 1, 14))
    assert [(w.monday, w.sessions, w.target) for w in weeks] == [
        (date(2025, 12, 29), 0, 2),
        (date(2026, 1, 5), 0, 2),
        (date(2026, 1, 12), 0, 2),
    ]


def test_an_empty_history_has_no_figures():
    figures = trends([], 2)
    assert figures.empty
    assert figures.weeks == ()
    assert len(figures.highest_fatigue) == 0
    assert figures.resistance == ()


def test_one_session_gives_one_point_and_one_week():
    figures = trends([summary(at(date(2026, 2, 4)), highest_fatigue=6, mean_fatigue=4.5)], 2)
    assert figures.highest_fatigue.y == (6.0,)
    assert figures.mean_fatigue.y == (4.5,)
    assert [(w.monday, w.sessions) for w in figures.weeks] == [(date(2026, 2, 2), 1)]


def test_a_range_keeps_only_its_sessions_and_marks_stops_and_symptoms():
    today = date(2026, 3, 31)
    old = summary(at(date(2026, 1, 2)))
    tired = summary(at(date(2026, 3, 10)), status=SessionStatus.STOPPED_TIRED)
    cramp = summary(
        at(date(2026, 3, 20)), status=SessionStatus.STOPPED_SYMPTOM, symptoms=(Symptom.CRAMP,)
    )
    unrated = summary(at(date(2026, 3, 30)), highest_fatigue=None, mean_fatigue=None)
    figures = trends([old, tired, cramp, unrated], 2, Span.FOUR_WEEKS.first_day(today), today)
    assert figures.newest_first == (unrated, cramp, tired)
    assert figures.early_stops == (tired, cramp)
    assert figures.with_symptoms == (cramp,)
    assert len(figures.highest_fatigue) == 2  # the unrated session has no point
    assert figures.weeks[0].monday == date(2026, 3, 2)
    assert figures.weeks[-1].monday == date(2026, 3, 30)


def test_span_first_days():
    today = date(2026, 3, 31)
    assert Span.FOUR_WEEKS.first_day(today) == date(2026, 3, 4)
    assert Span.YEAR.first_day(today) == date(2025, 4, 1)
    assert Span.ALL.first_day(today) is None


def stored_set(position, kind, done, fatigue, planned=None, symptoms=()):
    moment = datetime(2026, 2, 4, 10, position, tzinfo=BERLIN_WINTER)
    return StoredSet(
        position=position,
        exercise_id=kind.value,
        exercise_name=kind.value.title(),
        kind=kind,
        side=Side.NONE,
        set_number=1,
        total_sets=1,
        mover=Mover.PATIENT,
        planned=planned or {},
        done=done,
        fatigue=fatigue,
        symptoms=symptoms,
        started_at=moment,
        ended_at=moment,
    )


def test_a_whole_session_summarized():
    sets = (
        stored_set(0, ExerciseKind.RESISTANCE, {"repetitions": 8}, 2, {"load": 1.0, "unit": "kg"}),
        stored_set(1, ExerciseKind.RESISTANCE, {"repetitions": 6}, 5, {"load": 1.5, "unit": "kg"}),
        stored_set(2, ExerciseKind.ENDURANCE, {"seconds": 300.0}, None, {"seconds": 300.0}),
        stored_set(3, ExerciseKind.ENDURANCE, None, None, {"seconds": 300.0}, (Symptom.PAIN,)),
    )
    session = StoredSession(
        uuid="a",
        started_at=datetime(2026, 2, 4, 10, tzinfo=BERLIN_WINTER),
        ended_at=datetime(2026, 2, 4, 10, 40, tzinfo=BERLIN_WINTER),
        status=SessionStatus.STOPPED_SYMPTOM,
        program_name="Home program",
        program_version=2,
        symptoms=(Symptom.CRAMP,),
        sets=sets,
    )
    result = summarize(session, weekly_target=3)
    assert (result.sets_done, result.sets_planned) == (3, 4)
    assert result.highest_fatigue == 5
    assert result.mean_fatigue == 3.5
    assert result.symptoms == (Symptom.CRAMP, Symptom.PAIN)
    assert result.duration == timedelta(minutes=40)
    resistance, endurance = result.work
    assert (resistance.repetitions, resistance.load, resistance.unit) == (14, 1.5, "kg")
    assert endurance.seconds == 300.0
    figures = trends([result], 2)
    assert figures.endurance_minutes.y == (5.0,)
    assert figures.resistance[0].repetitions.y == (14.0,)
    assert figures.resistance[0].load.y == (1.5,)
    assert figures.weeks[0].target == 3


def test_the_repository_summaries_agree_with_whole_sessions(tmp_path):
    """The SQL aggregates say what the sets say; the plan comes from the program version."""
    written = write_history(tmp_path, years=0.3)
    engine = open_database(resolve_locations(str(tmp_path)).database_url)
    try:
        repository = Repository(engine)
        summaries = repository.session_summaries()
        whole = repository.sessions()
        assert len(summaries) == len(whole) == written.sessions
        for quick, session in zip(summaries, whole, strict=True):
            slow = summarize(session)
            assert quick.uuid == slow.uuid
            assert quick.started_at == slow.started_at
            assert (quick.sets_done, quick.highest_fatigue) == (
                slow.sets_done,
                slow.highest_fatigue,
            )
            assert quick.mean_fatigue == pytest.approx(slow.mean_fatigue)
            assert quick.symptoms == slow.symptoms
            assert quick.sets_planned >= slow.sets_planned
            assert quick.weekly_target in (2, 3)
            assert [(w.exercise_id, w.repetitions, w.load) for w in quick.work] == [
                (w.exercise_id, w.repetitions, w.load) for w in slow.work
            ]
            assert [w.seconds for w in quick.work] == pytest.approx([w.seconds for w in slow.work])
        assert tuple(repository.session_sets(whole[-1].uuid)) == whole[-1].sets
    finally:
        engine.dispose()
