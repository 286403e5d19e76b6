"""The figures of a clinic report for one range of days, gathered from the history, and
their JSON. The PDF is drawn from them in `alshome.report`, above this layer.

A therapist reading the report adjusts a program from it, so every number here is the
history screen's own (`alshome.domain.trends`) or the self-rating's own (`alshome.domain.alsfrs`),
never a second calculation that could disagree. Pure Python: the command line prints the
JSON without Qt, and tests check the figures without a window.

Decisions:
- The range is of calendar days as the person lived them (a session's own offset), both
  ends included, like the history's range buttons.
- Fatigue statistics are over each session's highest rating (what a therapist asks
  first: "how tired did it get?"); the mean of the sessions' averages is given beside
  them. The trend is the least-squares slope of the highest rating in points per month,
  given once the ratings span four weeks (a rate "a month" from one week would mislead).
- Early stops count sessions ended for tiredness or for a symptom; symptoms count the
  sessions in which each was reported (a cramp in two sets of one session is one).
- Carry-over reports are the answers to "Still tired or sore from last time?" in range;
  "rested" means the patient chose a day of rest instead of a session.
- The ALSFRS-R slope is over the entries in range; dFS is each entry's own, from the
  onset given with it.
- The needs-attention flags are those of `alshome.operations.attention` on the range's
  last day (or the day the report is made, if earlier): what a therapist should look at
  first, read from the whole history as the rules need it.
- The report is drawn from these figures alone (plain data, no database), so the clinic
  server can make the same report from its own copy of a patient's records.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from alshome import __version__
from alshome.domain import alsfrs
from alshome.domain.alsfrs import Domain, Entry
from alshome.domain.attention import AttentionThresholds, Flag
from alshome.domain.fatigue import Symptom
from alshome.domain.recorded import StoredSet
from alshome.domain.safety import CarryOver, LiftCheck, Profile
from alshome.domain.session import SessionStatus
from alshome.domain.trends import SessionSummary, Trends, WeekAdherence, trends
from alshome.operations.attention import patient_attention
from alshome.operations.attention_words import sentence
from alshome.operations.report_exercises import ExerciseFigures, exercise_figures

if TYPE_CHECKING:
    from alshome.operations.exchange import ExportedHistory
    from alshome.storage.repository import StoredCarryOver
    from alshome.storage.snapshot import StoredProgram

JSON_FORMAT = "alshome-report"
JSON_VERSION = 2  # 2: the needs-attention flags and the per-exercise figures
STEADY_BELOW = 0.1  # fatigue points a month: less than this either way reads as steady
MIN_TREND_DAYS = 28  # a week of ratings is too short to say points "a month"
SECONDS_PER_MONTH = alsfrs.DAYS_PER_MONTH * 86_400
IN_MEMORY = "sqlite://"  # one connection's database, gone with it


class ReportRecords(Protocol):
    """What a report reads: the repository, or anything answering the same."""

    def session_summaries(self) -> list[SessionSummary]: ...

    def carry_over_checks(self) -> list[StoredCarryOver]: ...

    def alsfrs_entries(self) -> list[Entry]: ...

    def profile(self) -> Profile | None: ...

    def sets_of_sessions(self, uuids: Sequence[str]) -> dict[str, list[StoredSet]]: ...

    def exercises_to_review(self) -> list[LiftCheck]: ...

    def active_program(self) -> StoredProgram | None: ...


@dataclass(frozen=True)
class ProgramUse:
    """One program version followed in the range, and when."""

    name: str
    version: int
    weekly_target: int | None
    sessions: int
    first_day: date
    last_day: date


@dataclass(frozen=True)
class MonthAdherence:
    """The weeks starting in one month: sessions done, and weeks with the target met."""

    month: date  # its first day
    sessions: int
    weeks: int
    weeks_met: int


@dataclass(frozen=True)
class FatigueStatistics:
    """Over the sessions with at least one rating; None when none was rated."""

    rated_sessions: int
    mean_highest: float | None
    median_highest: float | None
    highest: int | None
    mean_average: float | None
    trend_per_month: float | None

    @property
    def trend(self) -> str | None:
        """ "rising", "falling" or "steady"; None with fewer than two rated sessions."""
        if self.trend_per_month is None:
            return None
        if abs(self.trend_per_month) < STEADY_BELOW:
            return "steady"
        return "rising" if self.trend_per_month > 0 else "falling"


@dataclass(frozen=True)
class CarryOverReport:
    day: date
    answer: CarryOver
    rested: bool


@dataclass(frozen=True)
class RatingFigures:
    """The ALSFRS-R entries in range (oldest first) and how fast the total changed."""

    entries: tuple[Entry, ...]
    slope_per_month: float | None

    @property
    def slope_progression(self) -> alsfrs.Progression | None:
        """The band of the loss per month the slope shows (a rise reads as slow)."""
        if self.slope_per_month is None:
            return None
        return alsfrs.progression(-self.slope_per_month)

    @property
    def latest_dfs(self) -> float | None:
        return alsfrs.pre_slope(self.entries[-1]) if self.entries else None

    @property
    def dfs_progression(self) -> alsfrs.Progression | None:
        dfs = self.latest_dfs
        return None if dfs is None else alsfrs.progression(dfs)


@dataclass(frozen=True)
class ReportFigures:
    """Everything a clinic report says about the days `first` to `last`."""

    first: date
    last: date
    made_on: date
    patient_name: str
    app_version: str
    trends: Trends
    programs: tuple[ProgramUse, ...]
    fatigue: FatigueStatistics
    carry_over: tuple[CarryOverReport, ...]
    ratings: RatingFigures
    attention: tuple[Flag, ...] = ()  # most urgent first
    exercises: tuple[ExerciseFigures, ...] = ()

    @property
    def sessions(self) -> tuple[SessionSummary, ...]:
        return self.trends.sessions

    @property
    def weeks(self) -> tuple[WeekAdherence, ...]:
        return self.trends.weeks

    @property
    def weeks_met(self) -> int:
        return sum(1 for week in self.weeks if week.met)

    def status_counts(self) -> dict[SessionStatus, int]:
        counted = Counter(session.status for session in self.sessions)
        return {status: counted[status] for status in SessionStatus}

    def early_stops(self) -> dict[str, int]:
        counts = self.status_counts()
        return {
            "tired": counts[SessionStatus.STOPPED_TIRED],
            "symptom": counts[SessionStatus.STOPPED_SYMPTOM],
        }

    def symptom_counts(self) -> dict[Symptom, int]:
        counted = Counter(symptom for s in self.sessions for symptom in s.symptoms)
        return {symptom: counted[symptom] for symptom in Symptom}

    def carry_over_counts(self) -> dict[CarryOver, int]:
        counted = Counter(report.answer for report in self.carry_over)
        return {answer: counted[answer] for answer in CarryOver}

    def months(self) -> list[MonthAdherence]:
        """Adherence by month (a week belongs to the month of its Monday), for long ranges."""
        months: dict[date, list[WeekAdherence]] = {}
        for week in self.weeks:
            months.setdefault(week.monday.replace(day=1), []).append(week)
        return [
            MonthAdherence(
                month,
                sum(week.sessions for week in weeks),
                len(weeks),
                sum(1 for week in weeks if week.met),
            )
            for month, weeks in months.items()
        ]

    def as_json(self) -> dict[str, Any]:
        """The figures as plain JSON values: stable keys, ISO 8601 dates, rates per month.

        Keys: format, version, app_version, made_on, patient_name, period {from, to};
        attention [{concern, severity (urgent, soon, routine), sentence (English),
        evidence [{source, date, ref}]}], most urgent first;
        programs [{name, version, weekly_target, sessions, first_day, last_day}];
        sessions [{date, started_at, program, program_version, status, sets_planned,
        sets_done, highest_fatigue, mean_fatigue, symptoms}]; session_counts {status: n};
        adherence {weeks [{monday, sessions, target, met}], weeks_met, weeks_total};
        fatigue {rated_sessions, mean_highest, median_highest, highest, mean_average,
        trend_per_month, trend}; early_stops {tired, symptom}; symptoms {symptom: sessions};
        carry_over {counts {fine, tired, sore}, reports [{date, answer, rested}]};
        alsfrs_r {entries [{date, entered_at, entered_by, values {item: 0-4}, total,
        subscores {bulbar, fine_motor, gross_motor, respiratory}, onset, dfs}],
        slope_per_month, slope_progression, latest_dfs, dfs_progression};
        exercises [{exercise_id, name, kind, sessions, sets_planned, sets_done,
        sets_skipped, sets_not_reached, latest_plan, heaviest_load, unit,
        movers {patient, assisted, caregiver}}].
        """
        return {
            "format": JSON_FORMAT,
            "version": JSON_VERSION,
            "app_version": self.app_version,
            "made_on": self.made_on.isoformat(),
            "patient_name": self.patient_name,
            "period": {"from": self.first.isoformat(), "to": self.last.isoformat()},
            "attention": [_flag_json(flag) for flag in self.attention],
            "programs": [
                {
                    "name": use.name,
                    "version": use.version,
                    "weekly_target": use.weekly_target,
                    "sessions": use.sessions,
                    "first_day": use.first_day.isoformat(),
                    "last_day": use.last_day.isoformat(),
                }
                for use in self.programs
            ],
            "sessions": [_session_json(session) for session in self.sessions],
            "session_counts": {status.value: n for status, n in self.status_counts().items()},
            "adherence": {
                "weeks": [
                    {
                        "monday": week.monday.isoformat(),
                        "sessions": week.sessions,
                        "target": week.target,
                        "met": week.met,
                    }
                    for week in self.weeks
                ],
                "weeks_met": self.weeks_met,
                "weeks_total": len(self.weeks),
            },
            "fatigue": {
                "rated_sessions": self.fatigue.rated_sessions,
                "mean_highest": self.fatigue.mean_highest,
                "median_highest": self.fatigue.median_highest,
                "highest": self.fatigue.highest,
                "mean_average": self.fatigue.mean_average,
                "trend_per_month": self.fatigue.trend_per_month,
                "trend": self.fatigue.trend,
            },
            "early_stops": self.early_stops(),
            "symptoms": {symptom.value: n for symptom, n in self.symptom_counts().items()},
            "carry_over": {
                "counts": {answer.value: n for answer, n in self.carry_over_counts().items()},
                "reports": [
                    {
                        "date": report.day.isoformat(),
                        "answer": report.answer.value,
                        "rested": report.rested,
                    }
                    for report in self.carry_over
                ],
            },
            "alsfrs_r": {
                "entries": [_entry_json(entry) for entry in self.ratings.entries],
                "slope_per_month": self.ratings.slope_per_month,
                "slope_progression": _band(self.ratings.slope_progression),
                "latest_dfs": self.ratings.latest_dfs,
                "dfs_progression": _band(self.ratings.dfs_progression),
            },
            "exercises": [exercise.as_json() for exercise in self.exercises],
        }


def report_range(first: date | None, last: date | None, today: date) -> tuple[date, date]:
    """The days a report covers: `last` is today unless given, `first` a year before it."""
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError

    last = last or today
    first = first or default_range(last)[0]
    if first > last:
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors", "--from {first} is after --to {last}; nothing was written."
            ),
            first=first,
            last=last,
        )
    return first, last


def clinic_report(
    database_url: str, passphrase: str | None, first: date, last: date, today: date
) -> ReportFigures:
    """The report of `first` to `last` (see `report_range`) from the saved history, made
    on `today`; no history is made where none was saved."""
    from alshome.operations.history import saved_history
    from alshome.programs.document import DEFAULTS

    with saved_history(database_url, passphrase) as repository:
        active = repository.active_program()
        target = DEFAULTS["program"]["weekly_target"]
        if active is not None:
            target = active.document.get("weekly_target", target)
        return report_figures(repository, first, last, today, target)


def export_report(
    history: ExportedHistory,
    first: date,
    last: date,
    made_on: date,
    default_target: int,
    thresholds: AttentionThresholds | None = None,
    program_given: date | None = None,
) -> ReportFigures:
    """The report (`report_figures`) of a history given as an export, not a saved one.

    The export is imported into a SQLite database in memory and read by the app's own
    repository, so the figures are exactly those the app's history would give, and
    nothing of the history is written anywhere lasting: the clinic server makes its
    patients' reports this way from the export of its own copy (`alshome.report.from_export`).
    """
    from alshome.operations.exchange import import_history
    from alshome.storage.db import open_database
    from alshome.storage.repository import Repository

    engine = open_database(IN_MEMORY)
    try:
        repository = Repository(engine)
        import_history(history, repository)
        return report_figures(
            repository, first, last, made_on, default_target, thresholds, program_given
        )
    finally:
        engine.dispose()


def report_figures(
    records: ReportRecords,
    first: date,
    last: date,
    made_on: date,
    default_target: int,
    thresholds: AttentionThresholds | None = None,
    program_given: date | None = None,
) -> ReportFigures:
    """The report of the days `first` to `last` (both included), made on `made_on`.

    `default_target` is the weekly target for weeks before any session names one (the
    active program's, as on the history screen). The flags are those of the range's last
    day, or of `made_on` when that is earlier, by the clinic's `thresholds` (the
    defaults when None); `program_given` is the day the active program was given, when
    the clinic knows it (`operations.attention`), and counts only once it has come.
    """
    every_session = records.session_summaries()
    figures = trends(every_session, default_target, first, last)
    profile = records.profile()
    flagged_on = min(last, made_on)
    entries = tuple(e for e in records.alsfrs_entries() if first <= e.day <= last)
    return ReportFigures(
        first=first,
        last=last,
        made_on=made_on,
        patient_name=profile.patient_name if profile is not None else "",
        app_version=__version__,
        trends=figures,
        programs=program_uses(figures.sessions),
        fatigue=fatigue_statistics(figures.sessions),
        carry_over=tuple(
            report
            for report in map(_carry_over_report, records.carry_over_checks())
            if first <= report.day <= last
        ),
        ratings=RatingFigures(entries, alsfrs.slope(entries)),
        attention=patient_attention(
            RecordsUpTo(records, flagged_on, every_session),
            flagged_on,
            thresholds,
            program_given if program_given and program_given <= flagged_on else None,
        ).flags,
        exercises=exercise_figures(
            records.sets_of_sessions([session.uuid for session in figures.sessions]).values()
        ),
    )


@dataclass(frozen=True)
class RecordsUpTo:
    """A patient's records as they stood at the end of `day`, so the flags of a range that
    ended in the past see nothing that happened after it. `sessions` are every session,
    already read for the report."""

    records: ReportRecords
    day: date
    sessions: Sequence[SessionSummary]

    def session_summaries(self) -> list[SessionSummary]:
        return [session for session in self.sessions if session.local_day <= self.day]

    def carry_over_checks(self) -> list[StoredCarryOver]:
        checks = self.records.carry_over_checks()
        return [stored for stored in checks if stored.check.asked_at.date() <= self.day]

    def exercises_to_review(self) -> list[LiftCheck]:
        checks = self.records.exercises_to_review()
        return [check for check in checks if check.checked_at.date() <= self.day]

    def alsfrs_entries(self) -> list[Entry]:
        return [entry for entry in self.records.alsfrs_entries() if entry.day <= self.day]

    def active_program(self) -> StoredProgram | None:
        return self.records.active_program()


def program_uses(sessions: Sequence[SessionSummary]) -> tuple[ProgramUse, ...]:
    """Each program version followed, in the order first followed."""
    found: dict[tuple[str, int], list[SessionSummary]] = {}
    for session in sessions:
        found.setdefault((session.program_name, session.program_version), []).append(session)
    return tuple(
        ProgramUse(
            name,
            version,
            next((s.weekly_target for s in used if s.weekly_target is not None), None),
            len(used),
            used[0].local_day,
            used[-1].local_day,
        )
        for (name, version), used in found.items()
    )


def fatigue_statistics(sessions: Sequence[SessionSummary]) -> FatigueStatistics:
    rated = [s for s in sessions if s.highest_fatigue is not None]
    if not rated:
        return FatigueStatistics(0, None, None, None, None, None)
    highest = [s.highest_fatigue for s in rated]
    trend = None
    if rated[-1].timestamp - rated[0].timestamp >= MIN_TREND_DAYS * 86_400:
        months = [(s.timestamp - rated[0].timestamp) / SECONDS_PER_MONTH for s in rated]
        trend = statistics.linear_regression(months, highest).slope
    return FatigueStatistics(
        rated_sessions=len(rated),
        mean_highest=statistics.fmean(highest),
        median_highest=float(statistics.median(highest)),
        highest=max(highest),
        mean_average=statistics.fmean(s.mean_fatigue for s in rated),
        trend_per_month=trend,
    )


def default_range(today: date) -> tuple[date, date]:
    """A year up to today: the last day a year before plus one, so 365 or 366 days."""
    try:
        year_before = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_before = today.replace(year=today.year - 1, day=28)
    return year_before, today


def report_file_name(first: date, last: date) -> str:
    return f"alshome-report-{first.isoformat()}-{last.isoformat()}.pdf"


def _carry_over_report(stored: StoredCarryOver) -> CarryOverReport:
    check = stored.check
    return CarryOverReport(check.asked_at.date(), check.answer, stored.session_uuid is None)


def _session_json(session: SessionSummary) -> dict[str, Any]:
    return {
        "date": session.local_day.isoformat(),
        "started_at": session.started_at.isoformat(),
        "program": session.program_name,
        "program_version": session.program_version,
        "status": session.status.value,
        "sets_planned": session.sets_planned,
        "sets_done": session.sets_done,
        "highest_fatigue": session.highest_fatigue,
        "mean_fatigue": session.mean_fatigue,
        "symptoms": [symptom.value for symptom in session.symptoms],
    }


def _entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "date": entry.day.isoformat(),
        "entered_at": entry.entered_at.isoformat(),
        "entered_by": entry.entered_by.value,
        "values": {item.value: entry.value(item) for item in alsfrs.ITEMS},
        "total": entry.total,
        "subscores": {domain.name.lower(): entry.subscore(domain) for domain in Domain},
        "onset": None if entry.onset is None else entry.onset.isoformat(),
        "dfs": alsfrs.pre_slope(entry),
    }


def _flag_json(flag: Flag) -> dict[str, Any]:
    return {
        "concern": flag.concern.value,
        "severity": flag.severity.name.lower(),
        "sentence": sentence(flag),
        "evidence": [
            {"source": item.source.value, "date": item.day.isoformat(), "ref": item.ref}
            for item in flag.evidence
        ],
    }


def _band(progression: alsfrs.Progression | None) -> str | None:
    return None if progression is None else progression.value
