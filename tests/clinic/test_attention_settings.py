"""A clinic's own needs-attention thresholds: set by `alshome clinic attention`, checked
as the domain checks them, and used by the patients page, a patient's page and the
clinic report the dashboard makes."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from alshome.cli import main
from alshome.clinic import dashboard, reports
from alshome.clinic.accounts import NewPatient
from alshome.domain.attention import AttentionThresholds

pytestmark = pytest.mark.databases("sqlite", "postgresql")

TODAY = date(2026, 3, 9)  # five days after the history's last session, stopped for a cramp
CRAMP = "Stopped a session for cramp on 4 Mar 2026."


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dashboard, "today", lambda: TODAY)


@pytest.fixture
def attention(capsys, clinic, clinic_url):
    """Run `alshome clinic attention ARGS` on the test's clinic: (status, out, err)."""

    def run(*arguments: str) -> tuple[int, str, str]:
        status = main(["clinic", "attention", *arguments, "--database-url", clinic_url])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


def values_of(out: str) -> dict[str, str]:
    return {line.split("\t")[0]: line.split("\t", 1)[1] for line in out.splitlines()}


def test_the_defaults_are_shown_then_a_change_is_marked_as_the_clinics(attention):
    status, out, _err = attention()
    assert status == 0
    defaults = dataclasses.asdict(AttentionThresholds())
    assert values_of(out) == {name: str(value) for name, value in defaults.items()}
    status, out, _err = attention("--set", "program_review_days=56", "--set", "recent_days=21")
    assert status == 0
    shown = values_of(out)
    assert shown["program_review_days"] == "56\t(this clinic)"
    assert shown["recent_days"] == "21\t(this clinic)"
    assert shown["carry_over_in_a_row"] == "3"
    assert values_of(attention("--reset")[1])["program_review_days"] == "84"


@pytest.mark.parametrize(
    ("assignment", "words"),
    [
        ("review_days=56", "'review_days=56' names no threshold"),
        ("program_review_days", "names no threshold"),
        ("program_review_days=eight", "program_review_days must be a whole number, not 'eight'"),
        ("fatigue_rise_points=nan", "fatigue_rise_points must be between 0 and 3650"),
        ("recent_days=-1", "recent_days must be between 0 and 3650, not -1"),
        ("fatigue_min_span_days=40", "do not fit together: the fatigue span cannot be longer"),
    ],
)
def test_a_wrong_threshold_is_one_sentence_and_changes_nothing(attention, assignment, words):
    attention("--set", "program_review_days=56")
    status, out, err = attention("--set", "recent_days=21", "--set", assignment)
    assert (status, out) == (2, "")
    assert words in err and err.count("\n") == 1
    shown = values_of(attention()[1])
    assert shown["recent_days"] == "14"
    assert shown["program_review_days"] == "56\t(this clinic)"


def test_the_dashboards_flags_follow_the_clinics_thresholds(
    attention, client: TestClient, patient: NewPatient, shared: str
):
    assert CRAMP in client.get("/patients").text
    assert CRAMP in client.get(f"/patients/{patient.patient_id}").text
    attention("--set", "recent_days=3")  # the stop of 4 Mar is 5 days old on 9 Mar
    assert CRAMP not in client.get("/patients").text
    assert CRAMP not in client.get(f"/patients/{patient.patient_id}").text


def test_the_clinic_report_gets_the_clinics_thresholds(
    attention, client: TestClient, patient: NewPatient, shared: str, monkeypatch
):
    commands: list[list[str]] = []

    def run(command: list[str], **_options: Any) -> subprocess.CompletedProcess[bytes]:
        commands.append(command)
        return subprocess.CompletedProcess(command, 0, b"%PDF-1.4 drawn", b"")

    monkeypatch.setattr(reports.subprocess, "run", run)
    attention("--set", "recent_days=3")
    assert client.get(f"/patients/{patient.patient_id}/report.pdf").status_code == 200
    (given,) = [part for part in commands[0] if part.startswith("--thresholds=")]
    thresholds = AttentionThresholds(**json.loads(given.removeprefix("--thresholds=")))
    assert thresholds == AttentionThresholds(recent_days=3)
