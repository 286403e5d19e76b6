"""The patients page's figures for all of a therapist's patients, read in a few queries.

A therapist may follow 200 patients, each with years of history; reading each patient in
turn (`figures.ClinicRecords`) costs a dozen queries each. Here every kind of record is
read once for all the patients (by their ids), and only what the flags look at: the
sessions of the last weeks (`figures.flag_window`, and each patient's last session when
none is that recent), the carry-over checks since each patient's last "fine", the lift
checks, the ALSFRS-R ratings the rules compare and the program in use. The values, the
flags and the rows are then exactly those `figures.overview` gives patient by patient,
which a test checks.

Each "last" or "first" a patient (their last session, last rating days, the first session
of their program) is one search of an index, in a correlated subquery: a GROUP BY over the
patients' records would read every one of them, years of sessions for a few hundred rows.
Where such a search feeds the main read, it is a MATERIALIZED CTE, so that it runs once a
patient, not once a record (SQLite would otherwise repeat it), and so that PostgreSQL
plans from its few rows, not from all the sessions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Row, Select, Text, cast, func, select
from sqlalchemy.orm import Session, aliased

from alshome.clinic.figures import (
    LIFT_COLUMNS,
    PatientOverview,
    carry_over_of,
    entry_of,
    flag_window,
    in_use,
    latest_noes,
    lift_check_of,
    plans_of,
    summaries_query,
    summary_of,
    window_start,
)
from alshome.clinic.models import (
    Patient,
    PatientAlsfrs,
    PatientCarryOver,
    PatientLiftCheck,
    PatientProgram,
    PatientSession,
    PublishedProgram,
)
from alshome.domain.attention import AttentionThresholds, PatientRecords, needs_attention
from alshome.domain.safety import CarryOver
from alshome.domain.trends import SessionSummary, monday_of

T = TypeVar("T")


def overviews(
    db: Session,
    patients: Sequence[Patient],
    today: date,
    thresholds: AttentionThresholds | None = None,
) -> list[PatientOverview]:
    """One row of the patients page per patient, in the order given."""
    ids = [patient.id for patient in patients]
    if not ids:
        return []
    programs = _grouped(
        db.execute(
            select(
                PatientProgram.patient_id,
                PatientProgram.name,
                PatientProgram.version,
                PatientProgram.active,
                # The document's own text, the key of the plans already built: not parsed
                # again for each patient who follows the same program.
                cast(PatientProgram.document, Text),
            )
            .where(PatientProgram.patient_id.in_(ids))
            .order_by(PatientProgram.id)
        ),
        lambda row: tuple(row[1:]),
    )
    plans = {
        patient_id: plans_of((name, version, text) for name, version, _active, text in versions)
        for patient_id, versions in programs.items()
    }
    sessions = _sessions(db, ids, flag_window(today, thresholds), plans)
    carry_over = _grouped(_carry_over_tail(db, ids), lambda row: carry_over_of(*row[1:]))
    lift_checks = _grouped(
        db.execute(
            select(PatientSession.patient_id, *LIFT_COLUMNS)
            .join(PatientSession, PatientSession.id == PatientLiftCheck.session_id)
            .where(PatientSession.patient_id.in_(ids))
        ),
        lambda row: lift_check_of(*row[1:]),
    )
    ratings = _grouped(_ratings_read(db, ids, today, thresholds), lambda row: entry_of(*row[1:]))
    active_versions = {
        patient_id: next(((name, version) for name, version, active, _ in versions if active), None)
        for patient_id, versions in programs.items()
    }
    program_days = _program_days(db, ids)
    monday = monday_of(today)
    rows = []
    for patient in patients:
        active = active_versions.get(patient.id)
        patient_plans = plans.get(patient.id, {})
        program = None
        if active is not None:
            published, first = program_days.get((patient.id, *active), (None, None))
            program = in_use(*active, patient_plans, published, first)
        summaries = sessions.get(patient.id, [])
        attention = needs_attention(
            PatientRecords(
                sessions=summaries,
                carry_over=carry_over.get(patient.id, []),
                lift_checks=latest_noes(lift_checks.get(patient.id, [])),
                alsfrs=ratings.get(patient.id, []),
                program=program,
            ),
            today,
            thresholds,
        )
        target = None
        if active is not None and active in patient_plans:
            target = patient_plans[active][1]
        rows.append(
            PatientOverview(
                patient_id=patient.id,
                name=patient.name,
                sessions_this_week=sum(1 for s in summaries if s.local_day >= monday),
                weekly_target=target,
                last_session=summaries[-1].started_at if summaries else None,
                attention=attention,
            )
        )
    return rows


def _grouped(rows: Iterable[Row], value: Callable[[Row], T]) -> dict[str, list[T]]:
    """Rows whose first column is a patient's id, as values by patient, in their order."""
    grouped: dict[str, list[T]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(value(row))
    return grouped


def _sessions(
    db: Session, ids: list[str], since: date, plans: dict[str, Any]
) -> dict[str, list[SessionSummary]]:
    """The sessions from `since` on of each patient, or their last one when none is.

    Those from `since` on are a range of the (patient_id, started_utc) index a patient.
    Each last session is found by one search of it, and the sessions found drive the
    summary's query (a materialized CTE): otherwise PostgreSQL plans a parallel scan of all
    the sessions for the few hundred it needs, and neither database reads a patient's whole
    history."""

    def summarized(query: Select) -> dict[str, list[SessionSummary]]:
        return _grouped(db.execute(query), lambda row: summary_of(row, plans.get(row[0], {})))

    found = summarized(
        summaries_query(
            PatientSession.patient_id.in_(ids),
            PatientSession.started_utc >= window_start(since),
        )
    )
    quiet = [patient_id for patient_id in ids if patient_id not in found]
    if quiet:
        last = (
            select(PatientSession.id)
            .where(PatientSession.patient_id == Patient.id)
            .order_by(PatientSession.started_utc.desc(), PatientSession.id.desc())
            .limit(1)
            .correlate(Patient)
            .scalar_subquery()
        )
        lasts = (
            select(last.label("id")).where(Patient.id.in_(quiet)).cte().prefix_with("MATERIALIZED")
        )
        found.update(summarized(summaries_query().join(lasts, lasts.c.id == PatientSession.id)))
    return found


def _ratings_read(
    db: Session, ids: list[str], today: date, thresholds: AttentionThresholds | None
) -> Any:
    """The ALSFRS-R ratings the flags read, oldest first: those of the slope's window and
    those of each patient's last two rating days (a domain's drop compares them).

    A rating's local day is the start of its ISO 8601 text, so "the last two days" are the
    ratings from the day of the last rating made before the day of the last one: two
    searches of the (patient_id, entered_at) key a patient; their ratings are then only
    filtered, where ranking the days by a window function sorted all of them.
    """
    limits = thresholds or AttentionThresholds()
    since = window_start(today - timedelta(days=limits.alsfrs_window_days - 1))
    earlier = aliased(PatientAlsfrs)
    latest = aliased(PatientAlsfrs)
    last = (
        select(func.max(latest.entered_at))
        .where(latest.patient_id == Patient.id)
        .correlate(Patient)
        .scalar_subquery()
    )
    before_last_day = (
        select(func.max(earlier.entered_at))
        .where(earlier.patient_id == Patient.id, earlier.entered_at < func.substr(last, 1, 10))
        .correlate(Patient)
        .scalar_subquery()
    )
    days = (
        select(Patient.id, func.substr(before_last_day, 1, 10).label("day"))
        .where(Patient.id.in_(ids))
        .cte()
        .prefix_with("MATERIALIZED")  # once a patient, not again for each of their ratings
    )
    return db.execute(
        select(
            PatientAlsfrs.patient_id,
            PatientAlsfrs.entered_at,
            PatientAlsfrs.entered_by,
            PatientAlsfrs.onset,
            PatientAlsfrs.values,
        )
        .join(days, days.c.id == PatientAlsfrs.patient_id)
        .where(
            days.c.day.is_(None)
            | (PatientAlsfrs.entered_at >= days.c.day)
            | (PatientAlsfrs.entered_utc >= since)
        )
        .order_by(PatientAlsfrs.entered_utc, PatientAlsfrs.id)
    )


def _carry_over_tail(db: Session, ids: list[str]) -> Any:
    """Each patient's carry-over checks from their last "fine" on, oldest first: the flag
    counts the "still tired or sore" answers back to it, and no further."""
    fine = (
        select(
            PatientCarryOver.patient_id,
            func.max(PatientCarryOver.asked_utc).label("at"),
        )
        .where(PatientCarryOver.patient_id.in_(ids), PatientCarryOver.answer == CarryOver.FINE)
        .group_by(PatientCarryOver.patient_id)
        .subquery()
    )
    return db.execute(
        select(
            PatientCarryOver.patient_id,
            PatientCarryOver.asked_at,
            PatientCarryOver.answer,
            PatientCarryOver.session_uuid,
        )
        .outerjoin(fine, fine.c.patient_id == PatientCarryOver.patient_id)
        .where(
            PatientCarryOver.patient_id.in_(ids),
            (fine.c.at.is_(None)) | (PatientCarryOver.asked_utc >= fine.c.at),
        )
        .order_by(PatientCarryOver.asked_utc, PatientCarryOver.id)
    )


def _program_days(
    db: Session, ids: list[str]
) -> dict[tuple[str, str, int], tuple[datetime | None, str | None]]:
    """For each patient's active program version, by patient, name and version: when the
    clinic first published it, and the moment of the first session that followed it.

    One search each, of the published programs' (patient_id, name, version) key and of the
    sessions' (patient_id, program_name, program_version, started_utc) index: the sessions
    of other versions are never read."""
    published = (
        select(func.min(PublishedProgram.published_at))
        .where(
            PublishedProgram.patient_id == PatientProgram.patient_id,
            PublishedProgram.name == PatientProgram.name,
            PublishedProgram.version == PatientProgram.version,
        )
        .correlate(PatientProgram)
        .scalar_subquery()
    )
    first = (
        select(PatientSession.started_at)
        .where(
            PatientSession.patient_id == PatientProgram.patient_id,
            PatientSession.program_name == PatientProgram.name,
            PatientSession.program_version == PatientProgram.version,
        )
        .order_by(PatientSession.started_utc)
        .limit(1)
        .correlate(PatientProgram)
        .scalar_subquery()
    )
    rows = db.execute(
        select(
            PatientProgram.patient_id,
            PatientProgram.name,
            PatientProgram.version,
            published,
            first,
        ).where(PatientProgram.patient_id.in_(ids), PatientProgram.active)
    )
    return {(patient_id, name, version): days for patient_id, name, version, *days in rows}
