"""`alshome report`: the clinic report as JSON (the same figures) or a private PDF file;
bad dates end with one sentence, status 2, and nothing written."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from alshome.operations.reports import report_figures
from alshome.platform.paths import resolve_locations
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from tests.cli.test_cli import EXPORT_AND_LIST_QT, REPOSITORY_ROOT, run, tree

pytestmark = pytest.mark.databases("sqlite", "postgresql")

MARCH = ("--from", "2026-03-01", "--to", "2026-03-31")


def report(folder: Path, *arguments: str) -> list[str]:
    return ["--data-dir", str(folder), "report", *arguments]


def test_json_is_the_report_figures(history_dir, capsys):
    code, out, err = run(capsys, *report(history_dir, *MARCH, "--format", "json"))
    assert (code, err) == (0, "")
    engine = open_database(resolve_locations(str(history_dir)).database_url)
    try:
        today = datetime.now().astimezone().date()
        first, last = date(2026, 3, 1), date(2026, 3, 31)
        figures = report_figures(Repository(engine), first, last, today, default_target=2)
    finally:
        engine.dispose()
    document = json.loads(out)
    assert document == json.loads(json.dumps(figures.as_json()))
    assert document["patient_name"] == "Sam"
    assert document["early_stops"] == {"tired": 0, "symptom": 2}
    assert document["carry_over"]["counts"] == {"fine": 0, "tired": 1, "sore": 1}
    cannot_lift, no_session = document["attention"]  # as of the range's last day, 31 March
    assert (cannot_lift["severity"], cannot_lift["evidence"][0]["source"]) == (
        "urgent",
        "lift_check",
    )
    assert no_session["sentence"] == (
        "No session for 27 days, since 4 Mar 2026; the weekly target allows 11 days between "
        "sessions."
    )


def test_the_json_report_never_loads_qt(history_dir):
    result = subprocess.run(
        [sys.executable, "-c", EXPORT_AND_LIST_QT, *report(history_dir, "--format", "json")],
        capture_output=True,
        text=True,
        cwd=REPOSITORY_ROOT,
        timeout=60,
        check=True,
    )
    assert result.stdout.splitlines()[-1] == "0 []"


def test_json_to_a_file_is_private(history_dir, tmp_path, capsys):
    output = tmp_path / "report.json"
    code, out, err = run(
        capsys, *report(history_dir, *MARCH, "--format", "json", "--output", str(output))
    )
    assert (code, err) == (0, "")
    assert out == f"Wrote the report of 2026-03-01 to 2026-03-31 to {output}.\n"
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert json.loads(output.read_text())["period"] == {"from": "2026-03-01", "to": "2026-03-31"}


def test_the_pdf_is_written_private_in_one_go(qapp, history_dir, tmp_path, capsys):
    output = tmp_path / "reports" / "report.pdf"
    output.parent.mkdir()
    code, out, err = run(
        capsys, *report(history_dir, *MARCH, "--output", str(output), "--paper", "letter")
    )
    assert (code, err) == (0, "")
    assert out.startswith("Wrote the report of 2026-03-01 to 2026-03-31")
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert output.read_bytes().startswith(b"%PDF-")
    assert [path.name for path in output.parent.iterdir()] == ["report.pdf"]  # no temporary


def test_the_pdf_is_made_without_a_display(history_dir, tmp_path):
    """A fresh process with no display and no Qt platform chosen still makes the PDF."""
    output = tmp_path / "headless.pdf"
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    env = {name: value for name, value in os.environ.items() if name not in hidden}
    result = subprocess.run(
        [sys.executable, "-m", "alshome", *report(history_dir, "--output", str(output))],
        capture_output=True,
        text=True,
        cwd=REPOSITORY_ROOT,
        env=env,
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert output.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--from", "2026-02-30"), "argument --from: '2026-02-30' is not a day written YYYY-MM-DD"),
        (("--to", "yesterday"), "argument --to: 'yesterday' is not a day written YYYY-MM-DD"),
        (("--from", "2026-04-01", "--to", "2026-03-01"), "--from 2026-04-01 is after --to"),
        ((), "A PDF report needs --output FILE.pdf; nothing was written."),
        (("--paper", "a5"), "argument --paper: invalid choice: 'a5'"),
    ],
)
def test_bad_input_exits_2_with_one_sentence_and_writes_nothing(
    arguments, message, history_dir, tmp_path, capsys
):
    output = tmp_path / "out" / "report.pdf"
    output.parent.mkdir()
    extra = ("--output", str(output)) if arguments else ()
    before = tree(tmp_path)
    code, out, err = run(capsys, *report(history_dir, *arguments, *extra))
    assert (code, out) == (2, "")
    assert message in err and err.count("\n") == 1
    assert tree(tmp_path) == before


@pytest.mark.databases("sqlite")  # a database server's history is there from the start
def test_no_history_is_one_sentence_and_no_folder_made(tmp_path, capsys):
    folder = tmp_path / "none"
    code, _, err = run(capsys, *report(folder, "--format", "json"))
    assert code == 2
    assert err == f"There is no alshome history in {folder}.\n"
    assert not folder.exists()
