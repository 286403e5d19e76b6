"""A patient's figures as the dashboard shows them, from the clinic's copy of their history.

The figures are the app's own, from the same Qt-free code its history screen and report
use: session summaries (`domain.trends.SessionSummary`), the weekly adherence and the
series (`domain.trends`), the ALSFRS-R slope (`domain.alsfrs`) and the needs-attention
flags (`operations.attention`), so a patient is flagged and charted the same way
everywhere.

Rebuilding the app's whole export (`records.patient_export`) would load every set of ten
years for each page; instead the sessions are summarized where they lie, in SQL, as the
app's repository summarizes its own (`Repository.session_summaries`): a page for a patient
with ten years of history reads about 1,500 rows, not 50,000. Only the sets of one session
are ever loaded whole (`session_sets`). Carry-over checks, lift checks and ALSFRS-R
ratings are few and are read through the export's own models.

`ClinicRecords` answers what `operations.attention.AttentionRecords` asks, and flags the
patient as `operations.attention.patient_attention` does, with one difference its
docstring foresees: the program in use was given on the day the clinic published it (when
it did), not only on the first day a session followed it. The patients page reads only
the sessions of the last weeks that the flags look at (`flag_window`), so a therapist's
list costs the same whether their patients share one year or ten. A session's weekly
target is that of the program version it followed, when the clinic holds that version
and today's exercise library still builds it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import cached_property, lru_cache

from sqlalchemy import ColumnElement, Float, Row, Select, Text, case, cast, func, select
from sqlalchemy.orm import Session

from alshome.clinic.models import (
    PatientAlsfrs,
    PatientCarryOver,
    PatientLiftCheck,
    PatientProgram,
    PatientSession,
    PatientSet,
    PublishedProgram,
)
from alshome.domain.alsfrs import ITEMS, EnteredBy, Entry
from alshome.domain.attention import (
    DAYS_PER_WEEK,
    Attention,
    AttentionThresholds,
    PatientRecords,
    ProgramInUse,
    needs_attention,
)
from alshome.domain.program import ExerciseKind
from alshome.domain.recorded import StoredSet
from alshome.domain.safety import CarryOver, CarryOverCheck, LiftCheck
from alshome.domain.trends import ExerciseWork, SessionSummary, Trends, monday_of, trends
from alshome.operations.exchange import SetDoc
from alshome.storage.repository import StoredCarryOver, summary_of_columns, work_of_columns
from alshome.storage.snapshot import StoredProgram

LIFT_COLUMNS = (
    PatientLiftCheck.exercise_id,
    PatientLiftCheck.exercise_name,
    PatientLiftCheck.able,
    PatientLiftCheck.checked_at,
)
DEFAULT_WEEKLY_TARGET = 3  # the adherence chart's target before any program is known
WORK_KINDS = (ExerciseKind.ENDURANCE.value, ExerciseKind.RESISTANCE.value)


@dataclass(frozen=True)
class ProgramVersion:
    name: str
    version: int
    active: bool
    document: dict


class ClinicRecords:
    """One patient's history at the clinic, as the attention rules and charts read it."""

    def __init__(self, db: Session, patient_id: str, since: date | None = None) -> None:
        """`since`: only the sessions from that day on (and the last one before, when
        there is none since) are summarized, which is all the flags read."""
        self.db = db
        self.patient_id = patient_id
        self.since = since

    @cached_property
    def _programs(self) -> list[ProgramVersion]:
        rows = self.db.execute(
            select(
                PatientProgram.name,
                PatientProgram.version,
                PatientProgram.active,
                PatientProgram.document,
            )
            .where(PatientProgram.patient_id == self.patient_id)
            .order_by(PatientProgram.id)
        )
        return [ProgramVersion(*row) for row in rows]

    def programs(self) -> list[ProgramVersion]:
        return self._programs

    def active_program(self) -> StoredProgram | None:
        for index, program in enumerate(self._programs):
            if program.active:
                return StoredProgram(index, program.name, program.version, program.document)
        return None

    @cached_property
    def _plans(self) -> Plans:
        return plans_of(
            (program.name, program.version, json.dumps(program.document, sort_keys=True))
            for program in self._programs
        )

    @cached_property
    def _targets(self) -> dict[tuple[str, int], int]:
        return {key: target for key, (_steps, target) in self._plans.items()}

    def program_in_use(self) -> ProgramInUse | None:
        """The active program as the flags read it: given on the day the clinic published
        it, or else on the first day a session followed it (`operations.attention`)."""
        active = self.active_program()
        if active is None:
            return None
        published = self.db.scalar(
            select(func.min(PublishedProgram.published_at)).where(
                PublishedProgram.patient_id == self.patient_id,
                PublishedProgram.name == active.name,
                PublishedProgram.version == active.version,
            )
        )
        first = self.db.scalar(
            select(PatientSession.started_at)
            .where(
                PatientSession.patient_id == self.patient_id,
                PatientSession.program_name == active.name,
                PatientSession.program_version == active.version,
            )
            .order_by(PatientSession.started_utc)
            .limit(1)
        )
        return in_use(active.name, active.version, self._plans, published, first)

    def attention(self, today: date, thresholds: AttentionThresholds | None = None) -> Attention:
        """The patient's flags on `today`, most urgent first."""
        return needs_attention(
            PatientRecords(
                sessions=self.session_summaries(),
                carry_over=self.carry_over_checks(),
                lift_checks=self.exercises_to_review(),
                alsfrs=self.alsfrs_entries(),
                program=self.program_in_use(),
            ),
            today,
            thresholds,
        )

    @property
    def weekly_target(self) -> int | None:
        """The target of the program in use; None while no (usable) program is known."""
        active = self.active_program()
        return None if active is None else self._targets.get((active.name, active.version))

    @property
    def counted_target(self) -> int:
        """The target weeks are counted against, on the charts and in the clinic report:
        the program's, or `DEFAULT_WEEKLY_TARGET` while none is known."""
        return self.weekly_target or DEFAULT_WEEKLY_TARGET

    @property
    def _start(self) -> datetime | None:
        return None if self.since is None else window_start(self.since)

    @cached_property
    def _summaries(self) -> list[SessionSummary]:
        """The sessions counted and rated, without the work done (which only the charts
        read, and which takes a second pass over the sets)."""
        query = summaries_query(PatientSession.patient_id == self.patient_id)
        if self._start is None:
            return self._summarized(query)
        found = self._summarized(query.where(PatientSession.started_utc >= self._start))
        if found:
            return found
        return self._summarized(
            query.order_by(None).order_by(PatientSession.started_utc.desc()).limit(1)
        )

    def session_summary(self, uuid: str) -> SessionSummary | None:
        query = summaries_query(PatientSession.patient_id == self.patient_id).where(
            PatientSession.uuid == uuid
        )
        found = self._summarized(query)
        return found[0] if found else None

    def _summarized(self, query: Select) -> list[SessionSummary]:
        return [summary_of(row, self._plans) for row in self.db.connection().execute(query)]

    def session_summaries(self) -> list[SessionSummary]:
        """Every session, oldest first, without the work done: what the flags read."""
        return self._summaries

    def summaries_with_work(self) -> list[SessionSummary]:
        """Every session, oldest first, with the time and repetitions done of each
        exercise: what the charts read."""
        work: dict[str, list[ExerciseWork]] = {}
        query = _work_query(self.patient_id)
        if self._start is not None:
            query = query.where(PatientSession.started_utc >= self._start)
        for uuid, *fields in self.db.connection().execute(query):
            work.setdefault(uuid, []).append(work_of_columns(*fields))
        return [
            replace(summary, work=tuple(work.get(summary.uuid, ()))) for summary in self._summaries
        ]

    def carry_over_checks(self) -> list[StoredCarryOver]:
        rows = self.db.execute(
            select(
                PatientCarryOver.asked_at, PatientCarryOver.answer, PatientCarryOver.session_uuid
            )
            .where(PatientCarryOver.patient_id == self.patient_id)
            .order_by(PatientCarryOver.asked_utc, PatientCarryOver.id)
        )
        return [carry_over_of(*row) for row in rows]

    def exercises_to_review(self) -> list[LiftCheck]:
        """The exercises whose latest lift check was "no", as the app's repository answers."""
        rows = self.db.execute(
            select(*LIFT_COLUMNS)
            .join(PatientSession, PatientSession.id == PatientLiftCheck.session_id)
            .where(PatientSession.patient_id == self.patient_id)
        )
        return latest_noes(lift_check_of(*row) for row in rows)

    @cached_property
    def _alsfrs(self) -> list[Entry]:
        rows = self.db.execute(
            select(
                PatientAlsfrs.entered_at,
                PatientAlsfrs.entered_by,
                PatientAlsfrs.onset,
                PatientAlsfrs.values,
            )
            .where(PatientAlsfrs.patient_id == self.patient_id)
            .order_by(PatientAlsfrs.entered_utc, PatientAlsfrs.id)
        )
        return [entry_of(*row) for row in rows]

    def alsfrs_entries(self) -> list[Entry]:
        return self._alsfrs

    def session_sets(self, uuid: str) -> list[StoredSet]:
        """One session's sets in order (none for a session the patient does not have)."""
        fields = tuple(SetDoc.model_fields)
        rows = self.db.execute(
            select(*(getattr(PatientSet, name) for name in fields))
            .join(PatientSession, PatientSession.id == PatientSet.session_id)
            .where(PatientSession.patient_id == self.patient_id, PatientSession.uuid == uuid)
            .order_by(PatientSet.position)
        )
        return [SetDoc.model_validate(row._asdict()).stored() for row in rows]

    def session_lift_checks(self, uuid: str) -> list[LiftCheck]:
        rows = self.db.execute(
            select(*LIFT_COLUMNS)
            .join(PatientSession, PatientSession.id == PatientLiftCheck.session_id)
            .where(PatientSession.patient_id == self.patient_id, PatientSession.uuid == uuid)
            .order_by(PatientLiftCheck.id)
        )
        return [lift_check_of(*row) for row in rows]


def summaries_query(*where: ColumnElement[bool]) -> Select:
    """Sessions with their sets counted and rated, oldest first, each with its patient's
    id: the app's own summary query (`storage.repository`), on the clinic's tables."""
    symptoms = cast(PatientSet.symptoms, Text)
    return (
        select(
            PatientSession.patient_id,
            PatientSession.uuid,
            PatientSession.started_at,
            PatientSession.ended_at,
            PatientSession.status,
            PatientSession.program_name,
            PatientSession.program_version,
            PatientSession.symptoms,
            func.count(PatientSet.id),
            func.count(PatientSet.done),
            func.max(PatientSet.fatigue),
            func.avg(cast(PatientSet.fatigue, Float)),
            func.aggregate_strings(case((symptoms != "[]", symptoms)), "|"),
        )
        .outerjoin(PatientSet, PatientSet.session_id == PatientSession.id)
        .where(*where)
        .group_by(PatientSession.id)
        .order_by(PatientSession.started_utc, PatientSession.id)
    )


def _work_query(patient_id: str) -> Select:
    """The time and repetitions done per exercise of each session, with its load."""
    return (
        select(
            PatientSession.uuid,
            PatientSet.exercise_id,
            PatientSet.exercise_name,
            PatientSet.kind,
            func.sum(PatientSet.done["seconds"].as_float()),
            func.sum(PatientSet.done["repetitions"].as_float()),
            func.max(PatientSet.planned["load"].as_float()),
            func.max(PatientSet.planned["unit"].as_string()),
        )
        .join(PatientSession, PatientSession.id == PatientSet.session_id)
        .where(
            PatientSession.patient_id == patient_id,
            PatientSet.done.is_not(None),
            PatientSet.kind.in_(WORK_KINDS),
        )
        .group_by(
            PatientSet.session_id,
            PatientSession.uuid,
            PatientSet.exercise_id,
            PatientSet.exercise_name,
            PatientSet.kind,
        )
        .order_by(PatientSet.session_id, func.min(PatientSet.position))
    )


Plans = dict[tuple[str, int], tuple[int, int]]


def window_start(since: date) -> datetime:
    """The first moment (naive UTC) of the sessions lived from `since` on: a day's sessions
    began after its midnight somewhere on Earth, 14 hours ahead of UTC at most; the local
    day decides which of them count."""
    return datetime.combine(since, time()) - timedelta(hours=14)


def plans_of(programs: Iterable[tuple[str, int, str]]) -> Plans:
    """Each program version's planned sets and weekly target, for those today's library
    builds; keyed by name and version. A version is given as its name, its number and its
    document's JSON text: the key of the plans already built (patients of one clinic often
    share a program), so a page with many patients parses each program once at most."""
    plans = {}
    for name, version, document in programs:
        plan = _plan(document)
        if plan is not None:
            plans[(name, version)] = plan
    return plans


@lru_cache(maxsize=512)
def _plan(document: str) -> tuple[int, int] | None:
    """A program document's planned sets and weekly target, by its JSON text; None if
    today's library cannot build it."""
    from alshome.programs.document import DocumentError, build_program
    from alshome.programs.library import stock_library

    try:
        built = build_program(json.loads(document), stock_library())
    except (DocumentError, KeyError, TypeError, ValueError):
        return None
    return len(built.steps()), built.weekly_target


def summary_of(row: Row, plans: Plans) -> SessionSummary:
    """A session as `summaries_query` gives it (its patient's id first), summarized as the
    app's repository summarizes its own."""
    _patient, *columns = row
    return summary_of_columns(*columns, plan=plans.get((row[5], row[6])))


def in_use(
    name: str, version: int, plans: Plans, published: datetime | None, first: str | None
) -> ProgramInUse | None:
    """The program in use as the flags read it, given on the day it was published (naive
    UTC) or first followed (a session's moment), whichever came first; None when today's
    library cannot build it."""
    if (name, version) not in plans:
        return None
    days = [published.date()] if published is not None else []
    days += [datetime.fromisoformat(first).date()] if first is not None else []
    return ProgramInUse(name, version, plans[(name, version)][1], min(days) if days else None)


# Records the clinic stored after checking them with the export's models, read back as the
# domain's values (directly: a page reads thousands).


def carry_over_of(asked_at: str, answer: str, session_uuid: str | None) -> StoredCarryOver:
    return StoredCarryOver(
        CarryOverCheck(CarryOver(answer), datetime.fromisoformat(asked_at)), session_uuid
    )


def latest_noes(checks: Iterable[LiftCheck]) -> list[LiftCheck]:
    """The checks that are the latest of their exercise and a "no", oldest first."""
    latest: dict[str, LiftCheck] = {}
    for check in checks:
        held = latest.get(check.exercise_id)
        if held is None or check.checked_at >= held.checked_at:
            latest[check.exercise_id] = check
    return sorted(
        (check for check in latest.values() if not check.able), key=lambda c: c.checked_at
    )


def lift_check_of(exercise_id: str, exercise_name: str, able: bool, checked_at: str) -> LiftCheck:
    return LiftCheck(exercise_id, exercise_name, able, datetime.fromisoformat(checked_at))


def entry_of(entered_at: str, entered_by: str, onset: str | None, values: dict[str, int]) -> Entry:
    return Entry(
        datetime.fromisoformat(entered_at),
        tuple(values[item] for item in ITEMS),
        EnteredBy(entered_by),
        None if onset is None else date.fromisoformat(onset),
    )


def flag_window(today: date, thresholds: AttentionThresholds | None = None) -> date:
    """The first day of the sessions the flags and this week's count read: the rules look
    back `recent_days` and `fatigue_window_days`, and the last session before then is
    read with them (`ClinicRecords`)."""
    limits = thresholds or AttentionThresholds()
    days = max(limits.recent_days, limits.fatigue_window_days, DAYS_PER_WEEK)
    return today - timedelta(days=days - 1)


@dataclass(frozen=True)
class PatientOverview:
    """One row of the patients page."""

    patient_id: str
    name: str
    sessions_this_week: int
    weekly_target: int | None
    last_session: datetime | None
    attention: Attention

    @property
    def met(self) -> bool:
        return self.weekly_target is not None and self.sessions_this_week >= self.weekly_target

    @property
    def behind(self) -> int:
        """Sessions still to do this week (0 when no target is known)."""
        return max((self.weekly_target or 0) - self.sessions_this_week, 0)


def overview(
    records: ClinicRecords,
    patient_id: str,
    name: str,
    today: date,
    thresholds: AttentionThresholds | None = None,
) -> PatientOverview:
    summaries = records.session_summaries()
    monday = monday_of(today)
    return PatientOverview(
        patient_id=patient_id,
        name=name,
        sessions_this_week=sum(1 for session in summaries if session.local_day >= monday),
        weekly_target=records.weekly_target,
        last_session=summaries[-1].started_at if summaries else None,
        attention=records.attention(today, thresholds),
    )


def patient_trends(records: ClinicRecords, first: date | None, today: date) -> Trends:
    """The charts' figures for the days `first` (None: from the start) to `today`."""
    return trends(
        records.summaries_with_work(),
        records.counted_target,
        first,
        today,
        records.alsfrs_entries(),
    )
