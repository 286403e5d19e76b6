"""The patients page's figures for all of a therapist's patients, read in a few queries.

A therapist may follow 200 patients, each with years of history; reading each patient in
turn (`figures.ClinicRecords`) costs a dozen queries each. Here every kind of record is
read once for all the patients (by their ids), and only what the flags look at: the
sessions of the last weeks (`figures.flag_window`, and each patient's last session when
none is that recent), the carry-over checks since each patient's last "fine", the lift
checks, the ALSFRS-R ratings and the program in use. The values, the flags and the rows
are then exactly those `figures.overview` gives patient by patient, which a test checks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Row, func, select, tuple_
from sqlalchemy.orm import Session

from alshome.clinic.figures import (
    LIFT_COLUMNS,
    PatientOverview,
    ProgramVersion,
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
                PatientProgram.document,
            )
            .where(PatientProgram.patient_id.in_(ids))
            .order_by(PatientProgram.id)
        ),
        lambda row: ProgramVersion(*row[1:]),
    )
    plans = {patient_id: plans_of(versions) for patient_id, versions in programs.items()}
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
        patient_id: next((p for p in versions if p.active), None)
        for patient_id, versions in programs.items()
    }
    published, first = _program_days(
        db,
        [(patient_id, p.name, p.version) for patient_id, p in active_versions.items() if p],
    )
    monday = monday_of(today)
    rows = []
    for patient in patients:
        active = active_versions.get(patient.id)
        patient_plans = plans.get(patient.id, {})
        program = None
        if active is not None:
            key = (patient.id, active.name, active.version)
            program = in_use(
                active.name, active.version, patient_plans, published.get(key), first.get(key)
            )
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
        if active is not None and (active.name, active.version) in patient_plans:
            target = patient_plans[(active.name, active.version)][1]
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
    """The sessions from `since` on of each patient, or their last one when none is."""
    recent = summaries_query(
        PatientSession.patient_id.in_(ids), PatientSession.started_utc >= window_start(since)
    )
    found = _grouped(db.execute(recent), lambda row: summary_of(row, plans.get(row[0], {})))
    quiet = [patient_id for patient_id in ids if patient_id not in found]
    if quiet:
        last = db.execute(
            select(PatientSession.patient_id, func.max(PatientSession.started_utc))
            .where(PatientSession.patient_id.in_(quiet))
            .group_by(PatientSession.patient_id)
        ).all()
        if last:
            # Both columns of the (patient_id, started_utc) index, each by IN: its
            # search; the pairs themselves are picked here.
            query = summaries_query(
                PatientSession.patient_id.in_([patient_id for patient_id, _at in last]),
                PatientSession.started_utc.in_([at for _patient_id, at in last]),
            )
            pairs = set(map(tuple, last))
            for row in db.execute(query.add_columns(PatientSession.started_utc)):
                if (row[0], row[-1]) in pairs:
                    found[row[0]] = [summary_of(row[:-1], plans.get(row[0], {}))]
    return found


def _ratings_read(
    db: Session, ids: list[str], today: date, thresholds: AttentionThresholds | None
) -> Any:
    """The ALSFRS-R ratings the flags read, oldest first: those of the slope's window and
    those of each patient's last two rating days (a domain's drop compares them)."""
    limits = thresholds or AttentionThresholds()
    since = window_start(today - timedelta(days=limits.alsfrs_window_days - 1))
    day = func.substr(PatientAlsfrs.entered_at, 1, 10)  # the local day of its ISO 8601 text
    ranked = (
        select(
            PatientAlsfrs.patient_id,
            PatientAlsfrs.entered_at,
            PatientAlsfrs.entered_by,
            PatientAlsfrs.onset,
            PatientAlsfrs.values,
            PatientAlsfrs.entered_utc,
            PatientAlsfrs.id,
            func.dense_rank()
            .over(partition_by=PatientAlsfrs.patient_id, order_by=day.desc())
            .label("rank"),
        )
        .where(PatientAlsfrs.patient_id.in_(ids))
        .subquery()
    )
    return db.execute(
        select(
            ranked.c.patient_id,
            ranked.c.entered_at,
            ranked.c.entered_by,
            ranked.c.onset,
            ranked.c["values"],
        )
        .where((ranked.c.rank <= 2) | (ranked.c.entered_utc >= since))
        .order_by(ranked.c.entered_utc, ranked.c.id)
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
    db: Session, versions: list[tuple[str, str, int]]
) -> tuple[dict[tuple[str, str, int], datetime], dict[tuple[str, str, int], str]]:
    """For each (patient, program, version) given: when the clinic first published it, and
    the moment of the first session that followed it."""
    if not versions:
        return {}, {}
    published_key = tuple_(
        PublishedProgram.patient_id, PublishedProgram.name, PublishedProgram.version
    )
    published = {
        (patient_id, name, version): at
        for patient_id, name, version, at in db.execute(
            select(*published_key.clauses, func.min(PublishedProgram.published_at))
            .where(published_key.in_(versions))
            .group_by(*published_key.clauses)
        )
    }
    session_key = tuple_(
        PatientSession.patient_id, PatientSession.program_name, PatientSession.program_version
    )
    firsts = db.execute(
        select(PatientSession.patient_id, func.min(PatientSession.started_utc))
        .where(session_key.in_(versions))
        .group_by(*session_key.clauses)
    ).all()
    first = {}
    if firsts:
        moments = tuple_(PatientSession.patient_id, PatientSession.started_utc).in_(firsts)
        first = {
            (patient_id, name, version): started
            for patient_id, name, version, started in db.execute(
                select(*session_key.clauses, PatientSession.started_at).where(
                    moments, session_key.in_(versions)
                )
            )
        }
    return published, first
