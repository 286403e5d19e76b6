"""The dashboard's two downloads of a patient's history: the app's clinic report as a PDF,
drawn in a child process by the app's own report code, and the FHIR R4 bundle that
`alshome clinic export-patient --format fhir` writes; each audited, and a report that
cannot be made one sentence, never a traceback. (Another therapist's patient and no login:
`test_dashboard_security.py`, for every page.)"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from fhir.resources.R4B.bundle import Bundle
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from alshome.cli import clinic as clinic_commands
from alshome.cli import main
from alshome.clinic import dashboard, reports
from alshome.clinic.accounts import NewPatient
from alshome.clinic.audit import audit_entries
from alshome.clinic.figures import flag_window
from alshome.clinic.models import PublishedProgram
from alshome.clinic.records import patient_export
from alshome.domain.attention import AttentionThresholds
from alshome.domain.trends import Span
from alshome.operations.reports import export_report
from alshome.programs.demo import demo_document
from alshome.programs.transfer import program_file_text
from tests.report.poppler import poppler, skip_without_poppler, written

TODAY = date(2026, 3, 9)  # a week after the history's first session
LOCAL_MOMENT = datetime(2026, 3, 9, 17, 45)  # naive, as datetime.now() gives it
MOMENT = LOCAL_MOMENT.astimezone()


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The dashboard's day and moment, a few days after the uploaded history."""
    monkeypatch.setattr(dashboard, "today", lambda: TODAY)
    monkeypatch.setattr(dashboard, "now", lambda: MOMENT)


def audited(clinic: Engine, patient_id: str) -> list[tuple[str, str, str]]:
    return [(entry.actor, entry.action, entry.what) for entry in audit_entries(clinic, patient_id)]


def pdf_text(pdf: Path) -> str:
    """The PDF's words on one line, ligatures such as "ﬁ" written out."""
    return " ".join(unicodedata.normalize("NFKC", poppler("pdftotext", pdf, "-")).split())


def flag_sentences(page: str) -> list[str]:
    """The needs-attention sentences of a patient's page, as the dashboard shows them."""
    found = re.findall(r'<span class="badge">[^<]+</span> ([^\n<]+)', page)
    assert found, "the page shows no flag"
    return [sentence.strip() for sentence in found]


def test_the_clinic_report_is_the_apps_report_with_the_dashboards_flags(
    client: TestClient, clinic: Engine, patient: NewPatient, shared: str, tmp_path: Path
) -> None:
    skip_without_poppler()
    page = client.get(f"/patients/{patient.patient_id}").text
    response = client.get(f"/patients/{patient.patient_id}/report.pdf")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == (
        'attachment; filename="alshome-report-2025-03-09-2026-03-09.pdf"'  # a year: the default
    )
    assert response.headers["cache-control"] == "no-store"
    assert response.content.startswith(b"%PDF-")
    pdf = written(tmp_path, response.content, "report.pdf")
    text = pdf_text(pdf)
    assert "Home exercise report" in text and "Sam" in text
    assert "What needs attention As of 9 Mar 2026, the most urgent first." in text
    for sentence in flag_sentences(page):
        assert sentence in text
    # the uploaded history's figures: two sessions stopped for a cramp, a day of rest
    # after "still sore", the caregiver's rating, the program's target of 2 a week
    assert "Stopped when tired: 0. Stopped for a symptom: 2." in text
    assert "still sore rested that day" in text
    assert "4 Mar 2026 caregiver 37" in text
    assert "Example home program 1 2 2" in text
    poppler("pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", pdf, tmp_path / "page")
    assert (tmp_path / "page-1.png").stat().st_size > 5_000  # drawn, not blank
    assert audited(clinic, patient.patient_id)[-1] == (
        "therapist:ana@clinic.example",
        "read",
        "the clinic report",
    )


def test_the_report_covers_the_days_shown_with_the_weekly_target_shown(
    client: TestClient, patient: NewPatient, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The history's program wants 2 sessions a week, as the page's summary says, and was
    first followed on 2 Mar; the report of everything starts with the first session."""
    asked: list[tuple[Any, ...]] = []

    def drawn(export_text: str, *arguments: Any) -> bytes:
        asked.append(arguments)
        assert '"format": "alshome-export"' in export_text
        return b"%PDF-1.4 drawn"

    monkeypatch.setattr(reports, "report_pdf", drawn)
    page = client.get(f"/patients/{patient.patient_id}", params={"span": "four_weeks"}).text
    link = re.search(r'<a href="([^"]+)">Clinic report of the days shown \(PDF\)</a>', page)
    assert link is not None and link.group(1).endswith("/report.pdf?span=four_weeks")
    assert "This week: 0 of 2 sessions." in page
    four_weeks = client.get(link.group(1))
    everything = client.get(f"/patients/{patient.patient_id}/report.pdf", params={"span": "all"})
    assert four_weeks.content == everything.content == b"%PDF-1.4 drawn"
    defaults = AttentionThresholds()  # the clinic changed none
    assert asked == [
        (date(2026, 2, 10), TODAY, TODAY, 2, date(2026, 3, 2), defaults),
        (date(2026, 3, 2), TODAY, TODAY, 2, date(2026, 3, 2), defaults),
    ]
    assert (
        'filename="alshome-report-2026-03-02-2026-03-09.pdf"'
        in everything.headers["content-disposition"]
    )


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        ({"REPORT_MODULE": "alshome.no_such_module"}, "could not be made on this server"),
        ({"TIMEOUT_SECONDS": 0.01}, "took too long to make; try a shorter period"),
    ],
)
def test_a_report_that_cannot_be_made_is_one_sentence(
    client: TestClient,
    patient: NewPatient,
    shared: str,
    monkeypatch: pytest.MonkeyPatch,
    change: dict[str, Any],
    sentence: str,
) -> None:
    for name, value in change.items():
        monkeypatch.setattr(reports, name, value)
    response = client.get(f"/patients/{patient.patient_id}/report.pdf")
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("text/html")
    assert sentence in response.text
    assert "Traceback" not in response.text and "alshome.no_such_module" not in response.text


def test_the_fhir_download_is_the_commands_bundle(
    client: TestClient,
    clinic: Engine,
    clinic_url: str,
    patient: NewPatient,
    shared: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = client.get(f"/patients/{patient.patient_id}").text
    link = f'<a href="/patients/{patient.patient_id}/fhir.json">'
    assert f"{link}Download for the record system (FHIR)</a>" in page
    response = client.get(f"/patients/{patient.patient_id}/fhir.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/fhir+json"
    assert response.headers["content-disposition"] == (
        f'attachment; filename="alshome-{patient.patient_id}-2026-03-09.fhir.json"'
    )
    bundle = Bundle.model_validate_json(response.content)
    assert bundle.type == "collection" and len(bundle.entry) > 10
    assert audited(clinic, patient.patient_id)[-1] == (
        "therapist:ana@clinic.example",
        "read",
        "exported the history as FHIR",
    )

    class Then(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Then:
            assert tz is None
            return cls.combine(LOCAL_MOMENT.date(), LOCAL_MOMENT.time())

    monkeypatch.setattr(clinic_commands, "datetime", Then)
    output = tmp_path / "sam.fhir.json"
    command = ["clinic", "export-patient", patient.patient_id, "--format", "fhir"]
    assert main([*command, "--output", str(output), "--database-url", clinic_url]) == 0
    assert response.content == output.read_bytes()


def test_the_report_reads_the_program_from_the_day_the_clinic_published_it(
    client: TestClient, clinic: Engine, patient: NewPatient, shared: str, tmp_path: Path
) -> None:
    """The program the app follows was published in December, not first followed in
    March: the patient's page flags it for a review, and so does the report."""
    skip_without_poppler()
    response = client.post(
        f"/patients/{patient.patient_id}/program",
        data={"csrf_token": shared},
        files={"program": ("program.json", program_file_text(demo_document()).encode())},
    )
    assert response.status_code == 200, response.text
    with Session(clinic) as db, db.begin():
        db.execute(update(PublishedProgram).values(published_at=datetime(2025, 12, 1, 9)))
    sentences = flag_sentences(client.get(f"/patients/{patient.patient_id}").text)
    assert any("review" in sentence for sentence in sentences), sentences
    pdf = client.get(f"/patients/{patient.patient_id}/report.pdf", params={"span": "all"})
    assert pdf.status_code == 200, pdf.text
    text = pdf_text(written(tmp_path, pdf.content, "report.pdf"))
    for sentence in sentences:
        assert sentence in text
    assert "Program unchanged for 98 days, since 1 Dec 2025" in text
    assert "Program given: Example home program v1 (1 Dec 2025)" in text


@pytest.mark.parametrize("day", [TODAY, date(2026, 6, 1)])
def test_a_report_reads_no_set_before_its_days_and_the_weeks_its_flags_read(
    clinic: Engine, patient: NewPatient, shared: str, day: date
) -> None:
    """The report's export leaves the older sets out (`records.patient_export`); the
    report is the same as that of the whole export. On 1 June the four weeks hold none of
    the sets, the three months those of the second session only."""
    kept = []
    for span in (Span.FOUR_WEEKS, Span.THREE_MONTHS, Span.YEAR):
        first = span.first_day(day)
        with Session(clinic) as db:
            whole = patient_export(db, patient.patient_id, MOMENT)
            trimmed = patient_export(db, patient.patient_id, MOMENT, min(first, flag_window(day)))
        kept.append([len(session.sets) for session in trimmed.sessions])
        assert [session.uuid for session in trimmed.sessions] == [
            session.uuid for session in whole.sessions
        ]
        made = [
            export_report(document.history(), first, day, day, 2, program_given=date(2026, 3, 2))
            for document in (whole, trimmed)
        ]
        assert made[0].as_json() == made[1].as_json()
    whole_sets = [len(session.sets) for session in whole.sessions]
    assert kept == ([whole_sets] * 3 if day == TODAY else [[0, 0], [0, 3], whole_sets])


def test_the_report_process_gets_none_of_the_servers_secrets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ALSHOME_CLINIC_DATABASE_URL", "postgresql+psycopg://clinic:secret@db/c")
    monkeypatch.setenv("ALSHOME_CLINIC_PASSWORD", "a long enough password")
    environment = reports._environment()
    assert not [name for name in environment if name.startswith("ALSHOME_CLINIC_")]
    assert environment["QT_QPA_PLATFORM"] == "offscreen"
    assert environment["PATH"]
