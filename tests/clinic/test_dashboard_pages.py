"""What the dashboard's pages show of a real history the app uploaded: the flagged patient
first, a patient's charts with their text alternatives, flags linking to their evidence,
sessions with their sets; publishing a program checked as the app checks it; adding a
patient with a pairing code and its QR code."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from alshome.clinic import charts, dashboard
from alshome.clinic.accounts import NewPatient, add_patient
from alshome.clinic.publishing import latest_published
from alshome.programs.demo import demo_document
from alshome.programs.transfer import program_file_text
from tests.clinic.conftest import csrf_of

TODAY = date(2026, 3, 9)  # a week after the history's first session


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The dashboard's today, a few days after the uploaded history."""
    monkeypatch.setattr(dashboard, "today", lambda: TODAY)


def test_the_flagged_patient_comes_first(
    client: TestClient, clinic: Engine, therapist: str, patient: NewPatient, shared: str
) -> None:
    add_patient(clinic, therapist, "Aaron", "command:test")
    page = client.get("/patients").text
    names = re.findall(r'<th scope="row"><a href="/patients/[^"]+">([^<]+)</a></th>', page)
    assert names == ["Sam", "Aaron"]
    assert "Could no longer lift Knee straightening without the weight" in page
    assert client.get("/patients", params={"sort": "name"}).text.index(">Aaron<") < client.get(
        "/patients", params={"sort": "name"}
    ).text.index(">Sam<")


def test_search_finds_by_name(
    client: TestClient, clinic: Engine, therapist: str, patient: NewPatient, csrf: str
) -> None:
    add_patient(clinic, therapist, "Aaron", "command:test")
    page = client.get("/patients", params={"q": "aar"}).text
    assert ">Aaron<" in page and ">Sam<" not in page
    assert "No patient's name holds" in client.get("/patients", params={"q": "zz"}).text


def test_a_patients_page(client: TestClient, patient: NewPatient, shared: str) -> None:
    page = client.get(f"/patients/{patient.patient_id}").text
    assert page.count("<h1>") == 1
    assert page.count('role="img"') == 3  # no endurance exercise: no chart of its minutes
    assert "No endurance exercise in these days." in page
    assert "Sessions a week against the target" in page
    assert "<title id=" in page and "<desc id=" in page
    # each flag links to its evidence: the session stopped, the session of the lift check
    links = re.findall(r'<a href="([^"]*)">(Session|Lift check) of', page)
    assert len(links) == 3
    for link, _kind in links:
        assert link.startswith(f"/patients/{patient.patient_id}/sessions/")
        assert client.get(link).status_code == 200
    # the sessions, the ALSFRS-R rating with its subscores, the program in use
    assert page.count("Stopped for a symptom") == 4  # in the symptoms and sessions tables
    assert "<td>37</td><td>11</td><td>7</td><td>7</td><td>12</td>" in page
    assert "Speech and swallowing (0–12)" in page
    assert "The app uses: Example home program, version 1." in page


def test_a_sessions_page_lists_its_sets(
    client: TestClient, patient: NewPatient, app_export: dict[str, Any], shared: str
) -> None:
    second = app_export["sessions"][1]
    page = client.get(f"/patients/{patient.patient_id}/sessions/{second['uuid']}").text
    assert page.count('<tr><th scope="row">') == len(second["sets"]) == 3
    assert "Knee straightening: could not lift it without the weight" in page
    assert "cramp" in page


def test_another_patients_session_is_not_found(
    client: TestClient,
    patient: NewPatient,
    other_patient: NewPatient,
    shared: str,
    app_export: dict[str, Any],
) -> None:
    uuid = app_export["sessions"][0]["uuid"]
    assert client.get(f"/patients/{patient.patient_id}/sessions/{uuid}").status_code == 200
    assert client.get(f"/patients/{other_patient.patient_id}/sessions/{uuid}").status_code == 404


def test_publishing_a_program(
    client: TestClient, clinic: Engine, patient: NewPatient, csrf: str
) -> None:
    path = f"/patients/{patient.patient_id}/program"
    text = program_file_text({**demo_document(), "version": 7})
    response = client.post(
        path,
        data={"csrf_token": csrf},
        files={"program": ("strength.json", text.encode(), "application/json")},
    )
    assert response.status_code == 200
    assert "Published" in response.text and "version 7" in response.text
    with Session(clinic) as db:
        assert latest_published(db, patient.patient_id).version == 7


def test_a_program_the_app_would_refuse_is_not_published(
    client: TestClient, clinic: Engine, patient: NewPatient, csrf: str
) -> None:
    response = client.post(
        f"/patients/{patient.patient_id}/program",
        data={"csrf_token": csrf},
        files={"program": ("broken.json", b'{"name": "x"}', "application/json")},
    )
    assert response.status_code == 422
    error = re.search(r'<p class="error" id="program-error">([^<]+)</p>', response.text)
    assert error is not None and "broken.json" in error.group(1)
    assert 'aria-describedby="program-error program-help"' in response.text
    with Session(clinic) as db:
        assert latest_published(db, patient.patient_id) is None


def test_adding_a_patient_shows_the_code_and_its_qr_code(client: TestClient, csrf: str) -> None:
    response = client.post("/pairing", data={"csrf_token": csrf, "name": "Kim"})
    assert response.status_code == 200
    code = re.search(r'<dd class="pairing-code">([A-Z0-9]{4}-[A-Z0-9]{4})</dd>', response.text)
    assert code is not None
    assert 'src="data:image/svg+xml' in response.text
    assert f"and the code {code.group(1)}" in response.text
    pair = client.post("/api/v1/pair", json={"code": code.group(1), "device_name": "Kim's"})
    assert pair.status_code == 200


def test_a_name_refused_is_said_at_its_field(client: TestClient, csrf: str) -> None:
    response = client.post("/pairing", data={"csrf_token": csrf, "name": " "})
    assert response.status_code == 422
    assert 'id="name-error"' in response.text
    assert 'aria-describedby="name-error name-help"' in response.text


def test_a_new_code_for_another_device(client: TestClient, patient: NewPatient, csrf: str) -> None:
    page = client.post(f"/patients/{patient.patient_id}/pairing", data={"csrf_token": csrf})
    assert csrf_of(page.text) == csrf
    assert re.search(r'<dd class="pairing-code">[A-Z0-9]{4}-[A-Z0-9]{4}</dd>', page.text)


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (0, [0, 1]),
        (3, [0, 1, 2, 3]),
        (4.5, [0, 1, 2, 3, 4, 5]),
        (7, [0, 2, 4, 6, 8]),
        (10, [0, 2, 4, 6, 8, 10]),
        (48, [0, 10, 20, 30, 40, 50]),
    ],
)
def test_count_axes_have_whole_ticks(top: float, ticks: list[int]) -> None:
    assert charts.whole_ticks(top) == ticks


def test_a_chart_has_dated_axes_and_names_itself() -> None:
    chart = charts.Chart(
        "c",
        "Sessions a week",
        "2 of 3 weeks met the target.",
        [charts.Point(date(2026, 3, 2), 3), charts.Point(date(2026, 3, 16), 1)],
        "Sessions",
        bars=True,
        target=2,
    )
    svg = charts.svg(chart)
    assert 'aria-labelledby="c-title c-description"' in svg
    assert ">2 Mar 2026<" in svg and ">16 Mar 2026<" in svg
    assert re.findall(r'text-anchor="end">(\d+)</text>', svg) == ["0", "1", "2", "3"]
    assert svg.count('class="bar"') == 2 and 'class="target"' in svg
