"""What needs the therapist's attention: the rules that flag a patient, as plain data.

A therapist with many patients looks once a week, or for a minute before a visit, and
wants to know whom to call (clinic brief). Each rule reads the domain's own records of
one patient and returns flags; a flag names its kind, how urgent it is, and the evidence
(days, session uuids, exercise ids, rating days) a page can link to. The words are not
here: `alshome.operations.attention_words` says each flag in one plain sentence.

The rules only inform. None of them changes a program or a dose: the therapist decides.

Sessions come as `SessionSummary` (`alshome.domain.trends`): the repository builds them in
SQL without loading the sets, and `trends.summarize` makes one from a `StoredSession`.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import IntEnum, StrEnum
from typing import Protocol

from alshome.domain.alsfrs import FAST_ABOVE, Domain, Entry, slope
from alshome.domain.fatigue import Symptom
from alshome.domain.safety import CarryOverCheck, LiftCheck
from alshome.domain.session import SessionStatus
from alshome.domain.trends import SessionSummary

DAYS_PER_WEEK = 7


@dataclass(frozen=True)
class AttentionThresholds:
    """When each rule fires; one set per clinic, every value the clinic's to change.

    - `sessions_missed_grace_days` (0): days allowed beyond the longest gap the weekly
      target itself allows (`longest_allowed_gap`). Adherence is the headline number a
      therapist reads (Clawson et al. 2018, clinical brief), so by default a patient is
      flagged as soon as the target cannot have been met, not a week later.
    - `recent_days` (14): how far back a session stopped for a symptom stays a flag. The
      therapist looks about once a week (clinic brief), so a stop is seen at least once
      even after a missed look, and old stops do not crowd out new ones. Every symptom
      is flagged: the clinical brief lists cramp, pain, shortness of breath and
      dizziness all as reasons to stop.
    - `fatigue_window_days` (28) and `fatigue_rise_points` (2.0): the highest rating of
      each session in the last four weeks, fitted by least squares, rising by two points
      or more from the first rated session to the last. Clinics' dashboards flag "pain
      up 2 points or more" (clinic brief); four weeks is the report's own minimum for a trend
      (`operations.reports.MIN_TREND_DAYS`). `fatigue_min_sessions` (4) rated sessions
      spanning `fatigue_min_span_days` (14) are needed, so two sessions never make a trend.
    - `carry_over_in_a_row` (3): "still tired or sore" answered at this many checks in a
      row, the latest included. Tiredness lasting into the next day means the dose was too
      high (clinical brief); once can be a bad night, three times at two or three sessions
      a week is a week or more of too much.
    - `alsfrs_loss_per_month` (1.0): an ALSFRS-R least-squares slope losing more than
      this many points a month. Above 1.0 is the "fast" band of ALS clinics, and about 1
      point a month is the average decline in large databases (clinical brief).
      `alsfrs_window_days` (183) keeps the slope to the last six months, so an old steady
      stretch does not hide a recent fall; `alsfrs_min_span_days` (56) asks for two months
      of ratings, since a monthly self-rating moves by a point on its own.
    - `domain_drop_points` (2): a domain's subscore (0-12) falling by this much from the
      previous rating day to the latest. One point is within a self-rating's own
      variation; two is a change in what the person can do (a respiratory drop matters
      most, and shows here first).
    - `program_review_days` (84): a program in use longer than this without a new
      version. The trial the app follows reassessed every 12 weeks (Clawson et al. 2018).
    """

    sessions_missed_grace_days: int = 0
    recent_days: int = 14
    fatigue_window_days: int = 28
    fatigue_rise_points: float = 2.0
    fatigue_min_sessions: int = 4
    fatigue_min_span_days: int = 14
    carry_over_in_a_row: int = 3
    alsfrs_loss_per_month: float = FAST_ABOVE
    alsfrs_window_days: int = 183
    alsfrs_min_span_days: int = 56
    domain_drop_points: int = 2
    program_review_days: int = 84

    def __post_init__(self) -> None:
        if min(self.sessions_missed_grace_days, self.recent_days) < 0:
            raise ValueError("days of grace and of recent stops cannot be negative")
        if self.fatigue_min_span_days > self.fatigue_window_days:
            raise ValueError("the fatigue span cannot be longer than its window")
        if self.alsfrs_min_span_days > self.alsfrs_window_days:
            raise ValueError("the ALSFRS-R span cannot be longer than its window")
        if min(self.fatigue_min_sessions, self.carry_over_in_a_row) < 2:
            raise ValueError("a trend or a run needs at least two")
        if min(self.fatigue_rise_points, self.alsfrs_loss_per_month) <= 0:
            raise ValueError("a rise or a loss threshold must be above zero")
        if self.domain_drop_points < 1 or self.program_review_days < 1:
            raise ValueError("a drop and a review interval must be at least one")


class Severity(IntEnum):
    """How soon to call, the most urgent first when sorted (red, yellow, then a note)."""

    URGENT = 0  # a safety concern: a symptom stopped a session, a muscle cannot lift
    SOON = 1  # the dose or the disease is moving: fatigue, carry-over, ALSFRS-R, gaps
    ROUTINE = 2  # housekeeping: the program is due for a review


class Concern(StrEnum):
    """The kinds of flag, in the order a page lists flags of the same severity."""

    SYMPTOM_STOP = "symptom_stop"
    CANNOT_LIFT = "cannot_lift"
    NO_RECENT_SESSION = "no_recent_session"
    CARRY_OVER = "carry_over"
    FATIGUE_RISING = "fatigue_rising"
    ALSFRS_FAST = "alsfrs_fast"
    ALSFRS_DOMAIN_DROP = "alsfrs_domain_drop"
    PROGRAM_REVIEW = "program_review"

    @property
    def severity(self) -> Severity:
        return SEVERITIES[self]


SEVERITIES = {
    Concern.SYMPTOM_STOP: Severity.URGENT,
    Concern.CANNOT_LIFT: Severity.URGENT,
    Concern.NO_RECENT_SESSION: Severity.SOON,
    Concern.CARRY_OVER: Severity.SOON,
    Concern.FATIGUE_RISING: Severity.SOON,
    Concern.ALSFRS_FAST: Severity.SOON,
    Concern.ALSFRS_DOMAIN_DROP: Severity.SOON,
    Concern.PROGRAM_REVIEW: Severity.ROUTINE,
}
CONCERN_ORDER = {concern: index for index, concern in enumerate(Concern)}


class Source(StrEnum):
    """What a piece of evidence is, so a page knows where to link."""

    SESSION = "session"  # `ref` is the session's uuid
    CARRY_OVER = "carry_over"  # `ref` is the uuid of the session that followed, or None (rest)
    LIFT_CHECK = "lift_check"  # `ref` is the exercise id
    ALSFRS = "alsfrs"  # `ref` is the rating's moment, ISO 8601 with its offset
    PROGRAM = "program"  # `ref` is "name v<version>"


@dataclass(frozen=True)
class Evidence:
    """One record behind a flag: its day (as the person lived it) and how to find it."""

    source: Source
    day: date
    ref: str | None = None


@dataclass(frozen=True)
class Flag:
    """One reason to look at a patient, with the values its sentence needs.

    Which fields are set depends on the concern: `symptoms` for a symptom stop, `exercise`
    for a lift, `domain` for a domain drop, `amount` for the number the sentence gives
    (days, points, points a month), `before`/`after` for a change from one value to another.
    `evidence` is oldest first.
    """

    concern: Concern
    evidence: tuple[Evidence, ...]
    symptoms: tuple[Symptom, ...] = ()
    exercise: str = ""
    domain: Domain | None = None
    amount: float | None = None
    before: float | None = None
    after: float | None = None

    @property
    def severity(self) -> Severity:
        return self.concern.severity

    @property
    def newest_day(self) -> date:
        return max(evidence.day for evidence in self.evidence)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Most urgent first, then by concern, then the newest evidence first."""
        return (self.severity, CONCERN_ORDER[self.concern], -self.newest_day.toordinal())


class AnsweredCheck(Protocol):
    """A carry-over answer with the session that followed it (None: a day of rest)."""

    @property
    def check(self) -> CarryOverCheck: ...

    @property
    def session_uuid(self) -> str | None: ...


@dataclass(frozen=True)
class ProgramInUse:
    """The program a patient follows, its weekly target, and since when it is unchanged.

    `since` is the day the current version was given or first used; None when unknown,
    which leaves the review rule silent rather than guessing.
    """

    name: str
    version: int
    weekly_target: int
    since: date | None


@dataclass(frozen=True)
class PatientRecords:
    """Everything the rules read about one patient; every sequence oldest first."""

    sessions: Sequence[SessionSummary] = ()
    carry_over: Sequence[AnsweredCheck] = ()
    lift_checks: Sequence[LiftCheck] = ()
    alsfrs: Sequence[Entry] = ()
    program: ProgramInUse | None = None


@dataclass(frozen=True)
class Attention:
    """One patient's flags, most urgent first, and where the patient sorts in a list."""

    flags: tuple[Flag, ...] = field(default_factory=tuple)

    @property
    def severity(self) -> Severity | None:
        return self.flags[0].severity if self.flags else None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Patients "needing attention first": the most urgent flag, then more flags, then
        the newest evidence; a patient without flags sorts last."""
        if not self.flags:
            return (len(Severity), 0, 0)
        newest = max(flag.newest_day for flag in self.flags)
        return (self.flags[0].severity, -len(self.flags), -newest.toordinal())


def longest_allowed_gap(weekly_target: int) -> int:
    """The most days between two sessions a patient meeting the target every week can have.

    With `n` sessions a week, one a day, the first week's may all fall on its first `n`
    days and the next week's on its last `n`: 15 - 2n days apart (13 for once a week,
    11 for twice, 9 for three times). At least one day.
    """
    return max(2 * DAYS_PER_WEEK + 1 - 2 * weekly_target, 1)


def needs_attention(
    records: PatientRecords, today: date, thresholds: AttentionThresholds | None = None
) -> Attention:
    """Every flag of one patient on `today`, most urgent first."""
    limits = thresholds or AttentionThresholds()
    found: list[Flag] = []
    for rule in RULES:
        found.extend(rule(records, today, limits))
    return Attention(tuple(sorted(found, key=lambda flag: flag.sort_key)))


Rule = Callable[[PatientRecords, date, AttentionThresholds], Iterable[Flag]]


def no_recent_session(
    records: PatientRecords, today: date, limits: AttentionThresholds
) -> Iterable[Flag]:
    """No session for longer than the weekly target allows, counted from the last session
    (or, before any, from the day the program was given)."""
    if records.program is None:
        return
    allowed = longest_allowed_gap(records.program.weekly_target)
    allowed += limits.sessions_missed_grace_days
    if records.sessions:
        last = records.sessions[-1]
        start, evidence = last.local_day, Evidence(Source.SESSION, last.local_day, last.uuid)
    elif records.program.since is not None:
        start = records.program.since
        evidence = Evidence(Source.PROGRAM, start, _program_ref(records.program))
    else:
        return
    days = (today - start).days
    if days > allowed:
        yield Flag(Concern.NO_RECENT_SESSION, (evidence,), amount=days, before=allowed)


def symptom_stops(
    records: PatientRecords, today: date, limits: AttentionThresholds
) -> Iterable[Flag]:
    """Each session stopped for a symptom in the last `recent_days` days (today included),
    with the symptoms reported in it."""
    first = today - timedelta(days=limits.recent_days - 1)
    for session in records.sessions:
        if session.status is SessionStatus.STOPPED_SYMPTOM and first <= session.local_day:
            yield Flag(
                Concern.SYMPTOM_STOP,
                (Evidence(Source.SESSION, session.local_day, session.uuid),),
                symptoms=session.symptoms,
            )


def fatigue_rising(
    records: PatientRecords, today: date, limits: AttentionThresholds
) -> Iterable[Flag]:
    """The highest fatigue of each session rising over the last four weeks (a fitted line,
    so one hard day does not make a trend)."""
    first = today - timedelta(days=limits.fatigue_window_days - 1)
    rated = [
        session
        for session in records.sessions
        if session.highest_fatigue is not None and first <= session.local_day <= today
    ]
    if len(rated) < limits.fatigue_min_sessions:
        return
    days = [(session.local_day - first).days for session in rated]
    if days[-1] - days[0] < limits.fatigue_min_span_days:
        return
    highest = [float(session.highest_fatigue) for session in rated]
    fit = statistics.linear_regression(days, highest)
    start = fit.intercept + fit.slope * days[0]
    end = fit.intercept + fit.slope * days[-1]
    if end - start >= limits.fatigue_rise_points:
        yield Flag(
            Concern.FATIGUE_RISING,
            tuple(Evidence(Source.SESSION, s.local_day, s.uuid) for s in rated),
            amount=end - start,
            before=start,
            after=end,
        )


def carry_over_run(
    records: PatientRecords, today: date, limits: AttentionThresholds
) -> Iterable[Flag]:
    """ "Still tired or sore" at the latest carry-over checks, `carry_over_in_a_row` or more
    in a row (a day of rest chosen after a "yes" counts as one)."""
    run: list[AnsweredCheck] = []
    for answered in reversed(records.carry_over):
        if not answered.check.answer.still_affected:
            break
        run.append(answered)
    if len(run) >= limits.carry_over_in_a_row:
        yield Flag(
            Concern.CARRY_OVER,
            tuple(
                Evidence(Source.CARRY_OVER, a.check.asked_at.date(), a.session_uuid)
                for a in reversed(run)
            ),
            amount=len(run),
        )


def cannot_lift(
    records: PatientRecords, today: date, limits: AttentionThresholds
) -> Iterable[Flag]:
    """Each exercise whose latest lift check was "no": it stays until a later "yes"."""
    latest: dict[str, LiftCheck] = {}
    for check in sorted(records.lift_checks, key=lambda c: c.checked_at):
        latest[check.exercise_id] = check
    for check in latest.values():
        if not check.able:
            yield Flag(
                Concern.CANNOT_LIFT,
                (Evidence(Source.LIFT_CHECK, check.checked_at.date(), check.exercise_id),),
                exercise=check.exercise_name,
            )


def alsfrs_fast(
    records: PatientRecords, today: date, limits: AttentionThresholds
) -> Iterable[Flag]:
    """An ALSFRS-R total falling faster than the clinic's threshold over the recent ratings."""
    first = today - timedelta(days=limits.alsfrs_window_days - 1)
    recent = [entry for entry in records.alsfrs if first <= entry.day <= today]
    if not recent:
        return
    days = [entry.day for entry in recent]
    if (max(days) - min(days)).days < limits.alsfrs_min_span_days:
        return
    per_month = slope(recent)
    if per_month is not None and -per_month > limits.alsfrs_loss_per_month:
        yield Flag(
            Concern.ALSFRS_FAST,
            tuple(_rating(entry) for entry in recent),
            amount=-per_month,
            before=limits.alsfrs_loss_per_month,
        )


def alsfrs_domain_drop(
    records: PatientRecords, today: date, limits: AttentionThresholds
) -> Iterable[Flag]:
    """A domain's subscore down by `domain_drop_points` or more from the previous rating
    day to the latest (ratings of one day count as their mean, as in the slope)."""
    by_day: dict[date, list[Entry]] = {}
    for entry in records.alsfrs:
        if entry.day <= today:
            by_day.setdefault(entry.day, []).append(entry)
    if len(by_day) < 2:
        return
    previous_day, latest_day = sorted(by_day)[-2:]
    for domain in Domain:
        before = _mean(entry.subscore(domain) for entry in by_day[previous_day])
        after = _mean(entry.subscore(domain) for entry in by_day[latest_day])
        if before - after >= limits.domain_drop_points:
            yield Flag(
                Concern.ALSFRS_DOMAIN_DROP,
                (_rating(by_day[previous_day][-1]), _rating(by_day[latest_day][-1])),
                domain=domain,
                amount=before - after,
                before=before,
                after=after,
            )


def program_review(
    records: PatientRecords, today: date, limits: AttentionThresholds
) -> Iterable[Flag]:
    """The program unchanged for longer than the clinic's review interval."""
    program = records.program
    if program is None or program.since is None:
        return
    days = (today - program.since).days
    if days > limits.program_review_days:
        yield Flag(
            Concern.PROGRAM_REVIEW,
            (Evidence(Source.PROGRAM, program.since, _program_ref(program)),),
            amount=days,
            before=limits.program_review_days,
        )


RULES: tuple[Rule, ...] = (
    no_recent_session,
    symptom_stops,
    fatigue_rising,
    carry_over_run,
    cannot_lift,
    alsfrs_fast,
    alsfrs_domain_drop,
    program_review,
)


def _rating(entry: Entry) -> Evidence:
    return Evidence(Source.ALSFRS, entry.day, entry.entered_at.isoformat())


def _program_ref(program: ProgramInUse) -> str:
    return f"{program.name} v{program.version}"


def _mean(values: Iterable[int]) -> float:
    values = list(values)
    return math.fsum(values) / len(values)
