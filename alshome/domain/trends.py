"""The figures of the history: one row per session, adherence per week, and the series the
trend charts draw.

Pure Python on plain dataclasses, so the history screen, its charts and a clinic report
compute exactly the same numbers, and tests check them without Qt or a database.

Every session is placed on the calendar by the clock the person lived it on: the offset
stored with its start. A session at 23:30 in Berlin stays on that day after a move to New
York, and a daylight-saving change moves nothing. Weeks start on Monday (ISO 8601) and are
named by that Monday's date, so a week that spans New Year is one week, not two.

Charts take moments as POSIX seconds (what pyqtgraph's date axis reads); the rows keep the
aware datetimes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from alshome.domain.alsfrs import Entry
from alshome.domain.fatigue import Symptom
from alshome.domain.program import ExerciseKind
from alshome.domain.recorded import StoredSession, StoredSet
from alshome.domain.session import SessionStatus

DAYS_PER_WEEK = 7
NOON = time(12)
EARLY_STOPS = (SessionStatus.STOPPED_TIRED, SessionStatus.STOPPED_SYMPTOM)
WORK_KINDS = (ExerciseKind.ENDURANCE, ExerciseKind.RESISTANCE)


@dataclass(frozen=True)
class ExerciseWork:
    """What one session did of one endurance or resistance exercise.

    `seconds` is the time pedalled (endurance); `repetitions` and `load` (the heaviest
    planned load of the sets done, in `unit`) are for resistance.
    """

    exercise_id: str
    exercise_name: str
    kind: ExerciseKind
    seconds: float = 0.0
    repetitions: int = 0
    load: float | None = None
    unit: str | None = None


@dataclass(frozen=True)
class SessionSummary:
    """One session as the history lists it: its sets counted, not carried.

    `weekly_target` is that of the program version the session followed, None when the
    program is no longer saved. `symptoms` joins those of the session and of its sets.
    """

    uuid: str
    started_at: datetime
    ended_at: datetime | None
    status: SessionStatus
    program_name: str
    program_version: int
    sets_planned: int
    sets_done: int
    highest_fatigue: int | None
    mean_fatigue: float | None
    symptoms: tuple[Symptom, ...]
    weekly_target: int | None = None
    work: tuple[ExerciseWork, ...] = ()

    @property
    def duration(self) -> timedelta | None:
        return None if self.ended_at is None else self.ended_at - self.started_at

    @property
    def stopped_early(self) -> bool:
        return self.status in EARLY_STOPS

    @property
    def local_day(self) -> date:
        """The calendar day on the clock the session was lived on."""
        return self.started_at.date()

    @property
    def timestamp(self) -> float:
        return self.started_at.timestamp()


class Span(StrEnum):
    """The range choices of the history screen."""

    FOUR_WEEKS = "four_weeks"
    THREE_MONTHS = "three_months"
    YEAR = "year"
    ALL = "all"

    def first_day(self, today: date) -> date | None:
        """The first day shown; None shows everything."""
        days = {Span.FOUR_WEEKS: 28, Span.THREE_MONTHS: 91, Span.YEAR: 365}.get(self)
        return None if days is None else today - timedelta(days=days - 1)


@dataclass(frozen=True)
class WeekAdherence:
    monday: date
    sessions: int
    target: int

    @property
    def met(self) -> bool:
        return self.sessions >= self.target

    @property
    def timestamp(self) -> float:
        """Monday at noon, UTC: the middle of a bar never falls into the week before."""
        return datetime.combine(self.monday, NOON, UTC).timestamp()


@dataclass(frozen=True)
class Series:
    """Points of one line: `x` in POSIX seconds, `y` the values, in time order."""

    x: tuple[float, ...] = ()
    y: tuple[float, ...] = ()

    def __len__(self) -> int:
        return len(self.x)


@dataclass(frozen=True)
class ExerciseSeries:
    exercise_id: str
    exercise_name: str
    repetitions: Series
    load: Series
    unit: str | None


@dataclass(frozen=True)
class Trends:
    """Everything the history screen (and a report) shows for one range of days."""

    sessions: tuple[SessionSummary, ...]  # oldest first
    weeks: tuple[WeekAdherence, ...]
    highest_fatigue: Series
    mean_fatigue: Series
    endurance_minutes: Series
    resistance: tuple[ExerciseSeries, ...]
    early_stops: tuple[SessionSummary, ...]
    with_symptoms: tuple[SessionSummary, ...]
    alsfrs: tuple[Entry, ...] = ()  # ALSFRS-R ratings in range, oldest first

    @property
    def newest_first(self) -> tuple[SessionSummary, ...]:
        return self.sessions[::-1]

    @property
    def empty(self) -> bool:
        return not self.sessions


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def in_range(
    sessions: Iterable[SessionSummary], first: date | None, last: date | None = None
) -> list[SessionSummary]:
    """The sessions lived between `first` and `last` (inclusive; None leaves a side open)."""
    return [
        session
        for session in sessions
        if (first is None or session.local_day >= first)
        and (last is None or session.local_day <= last)
    ]


def adherence(
    sessions: Sequence[SessionSummary],
    default_target: int,
    first: date | None = None,
    last: date | None = None,
) -> list[WeekAdherence]:
    """Sessions per week against the weekly target, every week from `first` to `last`.

    Weeks with no session are listed too (with 0): a gap is what a therapist looks for.
    A week's target is that of the last session in it with a known program; a week
    without one keeps the target of the week before, and the first weeks `default_target`.
    Every session started counts, however it ended (as on the home screen).
    """
    if not sessions and (first is None or last is None):
        return []
    days = [session.local_day for session in sessions]
    start = monday_of(first if first is not None else min(days))
    end = monday_of(last if last is not None else max(days))
    counts: dict[date, int] = {}
    targets: dict[date, int] = {}
    for session, day in zip(sessions, days, strict=True):
        monday = monday_of(day)
        counts[monday] = counts.get(monday, 0) + 1
        if session.weekly_target is not None:
            targets[monday] = session.weekly_target
    weeks = []
    target = default_target
    monday = start
    while monday <= end:
        target = targets.get(monday, target)
        weeks.append(WeekAdherence(monday, counts.get(monday, 0), target))
        monday += timedelta(days=DAYS_PER_WEEK)
    return weeks


def trends(
    sessions: Sequence[SessionSummary],
    default_target: int,
    first: date | None = None,
    last: date | None = None,
    alsfrs: Iterable[Entry] = (),
) -> Trends:
    """The figures for the sessions (oldest first) lived between `first` and `last`, with
    the ALSFRS-R ratings (`alsfrs`, oldest first) made on those days."""
    shown = tuple(in_range(sessions, first, last))
    rated = [session for session in shown if session.highest_fatigue is not None]
    return Trends(
        sessions=shown,
        weeks=tuple(adherence(shown, default_target, first, last)),
        highest_fatigue=Series(
            tuple(session.timestamp for session in rated),
            tuple(float(session.highest_fatigue) for session in rated),
        ),
        mean_fatigue=Series(
            tuple(session.timestamp for session in rated),
            tuple(float(session.mean_fatigue) for session in rated),
        ),
        endurance_minutes=_endurance(shown),
        resistance=_resistance(shown),
        early_stops=tuple(session for session in shown if session.stopped_early),
        with_symptoms=tuple(session for session in shown if session.symptoms),
        alsfrs=tuple(
            entry
            for entry in alsfrs
            if (first is None or entry.day >= first) and (last is None or entry.day <= last)
        ),
    )


def _endurance(sessions: Sequence[SessionSummary]) -> Series:
    x, y = [], []
    for session in sessions:
        seconds = [w.seconds for w in session.work if w.kind is ExerciseKind.ENDURANCE]
        if seconds:
            x.append(session.timestamp)
            y.append(sum(seconds) / 60)
    return Series(tuple(x), tuple(y))


def _resistance(sessions: Sequence[SessionSummary]) -> tuple[ExerciseSeries, ...]:
    """One series per resistance exercise, in the order each first appears."""
    found: dict[str, _Points] = {}
    for session in sessions:
        for work in session.work:
            if work.kind is ExerciseKind.RESISTANCE:
                points = found.setdefault(work.exercise_id, _Points(work.exercise_name, work.unit))
                points.add(session.timestamp, work)
    return tuple(points.series(exercise_id) for exercise_id, points in found.items())


@dataclass
class _Points:
    """The points of one resistance exercise, gathered session by session."""

    name: str
    unit: str | None
    times: list[float] = field(default_factory=list)
    repetitions: list[float] = field(default_factory=list)
    load_times: list[float] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)

    def add(self, moment: float, work: ExerciseWork) -> None:
        self.times.append(moment)
        self.repetitions.append(float(work.repetitions))
        if work.load is not None:
            self.load_times.append(moment)
            self.loads.append(work.load)

    def series(self, exercise_id: str) -> ExerciseSeries:
        return ExerciseSeries(
            exercise_id,
            self.name,
            Series(tuple(self.times), tuple(self.repetitions)),
            Series(tuple(self.load_times), tuple(self.loads)),
            self.unit,
        )


def summarize(session: StoredSession, weekly_target: int | None = None) -> SessionSummary:
    """A `StoredSession` (with its sets) as a summary, for exports, reports and tests.

    The repository builds the same summaries in SQL without loading the sets
    (`Repository.session_summaries`); a test checks that the two agree.
    """
    ratings = [s.fatigue for s in session.sets if s.fatigue is not None]
    symptoms = set(session.symptoms)
    work: dict[str, ExerciseWork] = {}
    for stored in session.sets:
        symptoms.update(stored.symptoms)
        if stored.done is not None and stored.kind in WORK_KINDS:
            work[stored.exercise_id] = _with_set(work.get(stored.exercise_id), stored)
    return SessionSummary(
        uuid=session.uuid,
        started_at=session.started_at,
        ended_at=session.ended_at,
        status=session.status,
        program_name=session.program_name,
        program_version=session.program_version,
        sets_planned=len(session.sets),
        sets_done=sum(1 for s in session.sets if s.done is not None),
        highest_fatigue=max(ratings) if ratings else None,
        mean_fatigue=sum(ratings) / len(ratings) if ratings else None,
        symptoms=tuple(sorted(symptoms)),
        weekly_target=weekly_target,
        work=tuple(work.values()),
    )


def _with_set(work: ExerciseWork | None, stored: StoredSet) -> ExerciseWork:
    """`work` (or nothing yet) with one more set done of its exercise."""
    work = work or ExerciseWork(stored.exercise_id, stored.exercise_name, stored.kind)
    load = stored.planned.get("load")
    return replace(
        work,
        seconds=work.seconds + float(stored.done.get("seconds", 0)),
        repetitions=work.repetitions + int(stored.done.get("repetitions", 0)),
        load=work.load if load is None else max(work.load or 0.0, float(load)),
        unit=stored.planned.get("unit", work.unit),
    )
