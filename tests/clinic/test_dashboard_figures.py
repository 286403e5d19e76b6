"""The dashboard's figures are the app's own: a synthetic history, summarized and flagged
by the app's repository, and the same history as the clinic holds it after a first sync,
summarized in SQL on the clinic's tables, give the same sessions and the same flags, with
the whole history read or only the weeks the flags look at."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from alshome.clinic.accounts import NewPatient, therapists_patients
from alshome.clinic.figures import ClinicRecords, flag_window, overview
from alshome.clinic.models import (
    Patient,
    PatientAlsfrs,
    PatientProgram,
    PatientSession,
    PublishedProgram,
)
from alshome.clinic.roster import overviews
from alshome.clinic.storing import store_batch
from alshome.clinic.wire import UploadBatch
from alshome.domain.attention import Concern
from alshome.operations.attention import patient_attention
from alshome.operations.exchange import export_json
from alshome.platform.paths import resolve_locations
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from alshome.storage.snapshot import naive_utc
from tests.benchmarks.synthetic_history import write_history
from tests.clinic.conftest import batch_of

pytestmark = pytest.mark.databases("sqlite", "postgresql")


@pytest.fixture
def app_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Repository]:
    """The app's own history, in its SQLite file whatever the clinic's database is."""
    monkeypatch.delenv("ALSHOME_DATABASE_URL", raising=False)
    write_history(tmp_path / "app", years=0.6, seed=11)
    engine = open_database(resolve_locations(str(tmp_path / "app")).database_url)
    yield Repository(engine)
    engine.dispose()


@pytest.fixture
def held(clinic: Engine, patient: NewPatient, app_history: Repository) -> str:
    text, _count = export_json(app_history, datetime.now(UTC))
    with Session(clinic) as db, db.begin():
        store_batch(db, patient.patient_id, UploadBatch.model_validate(batch_of(json.loads(text))))
    return patient.patient_id


def test_the_sessions_are_summarized_as_the_app_summarizes_them(
    clinic: Engine, held: str, app_history: Repository
) -> None:
    with Session(clinic) as db:
        records = ClinicRecords(db, held)
        with_work = records.summaries_with_work()
        without = records.session_summaries()
    assert with_work == app_history.session_summaries()
    assert without == [replace(summary, work=()) for summary in with_work]


def test_the_flags_are_the_apps_own(clinic: Engine, held: str, app_history: Repository) -> None:
    last = app_history.session_summaries()[-1].local_day
    flagged = 0
    for today in (
        last,
        last + timedelta(days=3),
        last + timedelta(days=20),
        last + timedelta(days=200),
    ):
        expected = patient_attention(app_history, today)
        with Session(clinic) as db:
            whole = ClinicRecords(db, held).attention(today)
            windowed = ClinicRecords(db, held, since=flag_window(today)).attention(today)
        assert whole == windowed == expected, today
        flagged += len(expected.flags)
    assert flagged > 0, "the history raises no flag: the comparison proves little"


def test_the_patients_page_reads_all_patients_at_once_with_the_same_figures(
    clinic: Engine, held: str, other_patient: NewPatient, app_history: Repository
) -> None:
    last = app_history.session_summaries()[-1].local_day
    for today in (last, last + timedelta(days=2), last + timedelta(days=40)):
        with Session(clinic) as db:
            patients = therapists_patients(db, db.get(Patient, held).therapist_id)
            one_by_one = [
                overview(ClinicRecords(db, p.id, since=flag_window(today)), p.id, p.name, today)
                for p in patients
            ]
            assert overviews(db, patients, today) == one_by_one
        assert one_by_one[1].last_session is not None and one_by_one[0].last_session is None


def test_the_patients_page_reads_the_checks_ratings_and_publications_each_page_reads(
    clinic: Engine,
    held: str,
    other_patient: NewPatient,
    app_export: dict[str, Any],
    app_history: Repository,
) -> None:
    """The patients page reads only part of each kind of record: the carry-over checks
    since the last "fine", the ratings of the slope's window and of the last two rating
    days, the first session of the program in use and when the clinic published it. With
    carry-over and lift checks, ratings on the same day, one on the next day by its own
    clock (+14:00, the day before in UTC), and programs published before and after their
    first session, its rows are still each patient's own."""
    small = other_patient.patient_id
    with Session(clinic) as db, db.begin():
        store_batch(db, small, UploadBatch.model_validate(batch_of(app_export)))
        for patient_id, after_first in ((held, timedelta(days=-3)), (small, timedelta(days=1))):
            program = db.scalars(
                select(PatientProgram).where(
                    PatientProgram.patient_id == patient_id, PatientProgram.active
                )
            ).one()
            first = db.scalar(
                select(func.min(PatientSession.started_utc)).where(
                    PatientSession.patient_id == patient_id,
                    PatientSession.program_name == program.name,
                    PatientSession.program_version == program.version,
                )
            )
            db.add(
                PublishedProgram(
                    patient_id=patient_id,
                    name=program.name,
                    version=program.version,
                    document=program.document,
                    published_at=first + after_first,
                    published_by="therapist:test",
                )
            )
        last = db.scalars(
            select(PatientAlsfrs)
            .where(PatientAlsfrs.patient_id == held)
            .order_by(PatientAlsfrs.entered_utc.desc())
        ).first()
        at = datetime.fromisoformat(last.entered_at)
        worse = {item: max(value - 2, 0) for item, value in last.values.items()}
        next_day = datetime.combine(at.date() + timedelta(days=1), datetime.min.time())
        for moment, values in (
            (at + timedelta(hours=2), last.values),
            (next_day.replace(minute=30, tzinfo=timezone(timedelta(hours=14))), worse),
        ):
            db.add(
                PatientAlsfrs(
                    patient_id=held,
                    entered_at=moment.isoformat(),
                    entered_utc=naive_utc(moment),
                    entered_by=last.entered_by,
                    onset=last.onset,
                    values=values,
                )
            )
    held_last = app_history.session_summaries()[-1].local_day
    small_last = datetime.fromisoformat(app_export["sessions"][-1]["started_at"]).date()
    concerns = set()
    for today in (
        held_last,
        held_last + timedelta(days=3),
        small_last,
        small_last + timedelta(days=1),
        small_last + timedelta(days=60),
    ):
        with Session(clinic) as db:
            patients = therapists_patients(db, db.get(Patient, held).therapist_id)
            one_by_one = [
                overview(ClinicRecords(db, p.id, since=flag_window(today)), p.id, p.name, today)
                for p in patients
            ]
            assert overviews(db, patients, today) == one_by_one, today
        concerns.update(flag.concern for row in one_by_one for flag in row.attention.flags)
    assert {Concern.CANNOT_LIFT, Concern.ALSFRS_DOMAIN_DROP} <= concerns
