"""`alshome clinic ...` end to end: set up a clinic, add a therapist and a patient, publish
a program, export a patient's history, revoke a device, and serve over real HTTP."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx2
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from alshome.cli import main
from alshome.clinic.api import create_app
from alshome.clinic.audit import audit_entries
from alshome.clinic.models import PublishedProgram
from alshome.clinic.schema import DATABASE_URL_VARIABLE
from alshome.platform.paths import sqlite_path
from alshome.programs.demo import demo_document
from alshome.programs.transfer import program_file_text
from tests.clinic.conftest import CLINIC, PASSWORD, THERAPIST, batch_of, pair
from tests.clinic.loopback import free_port
from tests.tools.processes import descendants, die_with_parent, running

pytestmark = pytest.mark.databases("sqlite", "postgresql")

START_TIMEOUT_S = 30.0
KILLED_SERVER_GONE_S = 5.0


@pytest.fixture
def run(capsys, clinic_url, monkeypatch):
    """Run `alshome clinic ...` on the test's clinic database: (status, stdout, stderr)."""
    monkeypatch.setenv("ALSHOME_CLINIC_PASSWORD", PASSWORD)

    def run_clinic(*arguments: str, url: str | None = clinic_url) -> tuple[int, str, str]:
        given = ["--database-url", url] if url else []
        status = main(["clinic", *arguments, *given])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run_clinic


@pytest.fixture
def set_up(run) -> str:
    """A clinic with one therapist and one patient; the patient's pairing code."""
    assert run("init")[0] == 0
    assert run("add-therapist", THERAPIST)[0] == 0
    status, out, _err = run("add-patient", "--therapist", THERAPIST, "Sam", "--json")
    assert status == 0
    return json.loads(out)


@pytest.fixture
def program_file(tmp_path) -> Path:
    path = tmp_path / "program.json"
    path.write_text(program_file_text({**demo_document(), "version": 7}))
    return path


def test_init_makes_the_clinic_then_finds_it_up_to_date(run, clinic_url, backend):
    status, out, err = run("init")
    assert (status, err) == (0, "")
    assert out.startswith("Made a clinic database at ")
    assert run("init")[1].endswith("is up to date.\n")
    if backend == "sqlite":
        assert stat.S_IMODE(sqlite_path(clinic_url).stat().st_mode) == 0o600


def test_every_other_command_refuses_a_database_that_is_not_set_up(run):
    status, out, err = run("add-therapist", THERAPIST)
    assert (status, out) == (2, "")
    assert "alshome clinic init" in err


def test_the_database_url_may_come_from_the_environment(run, clinic_url, monkeypatch):
    monkeypatch.setenv(DATABASE_URL_VARIABLE, clinic_url)
    assert run("init", url=None)[0] == 0
    assert run("add-therapist", THERAPIST, url=None)[1] == f"Added the therapist {THERAPIST}.\n"
    assert run("add-therapist", THERAPIST)[0] == 2  # the same database, by --database-url


def test_add_patient_prints_the_id_and_a_code_to_type(run):
    run("init")
    run("add-therapist", THERAPIST)
    status, out, _err = run("add-patient", "--therapist", THERAPIST, "Sam Ruiz")
    assert status == 0
    first, second = out.splitlines()
    assert first.startswith("Added the patient ")
    assert second.startswith("Pairing code: ") and second.endswith("(one use, for 24 hours)")
    document = json.loads(run("add-patient", "--therapist", THERAPIST, "Alex", "--json")[1])
    assert set(document) == {"patient_id", "pairing_code"}
    assert len(document["pairing_code"]) == 9


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (("add-therapist", "not-an-address"), "is not an e-mail address"),
        (("add-therapist", THERAPIST), "already a therapist"),
        (("add-patient", "--therapist", "nobody@clinic.example", "Sam"), "no therapist"),
        (("new-code", "0f8fad5b-d9cb-469f-a165-70867728950e"), "no patient"),
        (("export-patient", "nobody", "--output", "x.json"), "no patient"),
        (("revoke-device", "99"), "no device"),
    ],
)
def test_a_mistake_is_one_sentence_and_status_2(run, set_up, arguments, words):
    status, out, err = run(*arguments)
    assert (status, out) == (2, "")
    assert words in err and len(err.splitlines()) == 1


def test_a_short_password_is_refused(run, monkeypatch):
    run("init")
    monkeypatch.setenv("ALSHOME_CLINIC_PASSWORD", "too short")
    status, _out, err = run("add-therapist", THERAPIST)
    assert status == 2 and "at least 12 characters" in err


def test_an_unknown_clinic_command_shows_the_usage(run):
    status, out, err = run("bogus")
    assert (status, out) == (2, "")
    assert err.startswith("usage: alshome clinic")
    assert "invalid choice: 'bogus'" in err


def test_without_the_clinic_extra_a_command_says_how_to_install_it(run, monkeypatch):
    from alshome.cli import clinic

    monkeypatch.setattr(clinic, "find_spec", lambda name: None if name == "argon2" else name)
    status, out, err = run("init")
    assert (status, out) == (2, "")
    assert err == (
        "The clinic commands need alshome's clinic extra (argon2 is missing): "
        "install it with pip install 'alshome[clinic]'.\n"
    )


def test_publish_offers_the_program_to_the_patients_app(
    run, set_up, program_file, clinic_url, tmp_path
):
    """And the app polling for it hears "not modified" until another is published."""
    patient = set_up["patient_id"]
    status, out, err = run("publish", patient, str(program_file))
    assert (status, err) == (0, "")
    assert "version 7" in out
    assert "already published" in run("publish", patient, str(program_file))[1]
    with TestClient(create_app(clinic_url), base_url=CLINIC) as client:
        device = pair(client, set_up["pairing_code"])
        published = client.get("/api/v1/program", headers=device).json()
        tag = client.get("/api/v1/program", headers=device).headers["etag"]
        unchanged = client.get("/api/v1/program", headers={**device, "If-None-Match": tag})
        assert (unchanged.status_code, unchanged.content) == (304, b"")
        newer = tmp_path / "newer.json"
        newer.write_text(program_file_text({**demo_document(), "version": 8}))
        run("publish", patient, str(newer))
        changed = client.get("/api/v1/program", headers={**device, "If-None-Match": tag})
    assert (published["name"], published["version"]) == (demo_document()["name"], 7)
    assert published["document"] == json.loads(program_file.read_text())
    assert published["published_at"].endswith("+00:00")
    assert (changed.status_code, changed.json()["version"]) == (200, 8)


def test_publish_refuses_a_bad_program_and_another_under_the_same_version(
    run, set_up, program_file, tmp_path, clinic_url
):
    patient = set_up["patient_id"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**demo_document(), "weekly_target": "often"}))
    assert run("publish", patient, str(bad))[0] == 2
    run("publish", patient, str(program_file))
    changed = tmp_path / "changed.json"
    changed.write_text(program_file_text({**demo_document(), "version": 7, "weekly_target": 5}))
    status, _out, err = run("publish", patient, str(changed))
    assert status == 2 and "new version number" in err
    from alshome.clinic.schema import open_clinic

    engine = open_clinic(clinic_url)
    with Session(engine) as db:
        assert db.scalars(select(PublishedProgram.document)).all() == [
            json.loads(program_file.read_text())
        ]
    engine.dispose()


def test_export_patient_writes_the_apps_own_export(run, set_up, app_export, tmp_path, clinic_url):
    with TestClient(create_app(clinic_url), base_url=CLINIC) as client:
        device = pair(client, set_up["pairing_code"])
        assert client.post("/api/v1/upload", json=batch_of(app_export), headers=device).is_success
    output = tmp_path / "sam.json"
    status, out, err = run("export-patient", set_up["patient_id"], "--output", str(output))
    assert (status, out, err) == (0, f"Exported 2 sessions to {output}.\n", "")
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    exported = json.loads(output.read_text())
    del exported["exported_at"], app_export["exported_at"]
    assert exported == app_export
    from alshome.clinic.schema import open_clinic

    engine = open_clinic(clinic_url)
    last = audit_entries(engine, set_up["patient_id"])[-1]
    engine.dispose()
    assert (last.action, last.what) == ("read", "exported the history")
    assert last.actor.startswith("command:")


def test_export_patient_as_fhir_is_the_apps_fhir_export_of_the_same_history(
    run, set_up, app_export, tmp_path, clinic_url
):
    from alshome.operations.exchange import ExportDoc
    from alshome.operations.fhir.bundle import PatientIdentity, fhir_bundle

    with TestClient(create_app(clinic_url), base_url=CLINIC) as client:
        device = pair(client, set_up["pairing_code"])
        assert client.post("/api/v1/upload", json=batch_of(app_export), headers=device).is_success
    output = tmp_path / "sam.fhir.json"
    patient = set_up["patient_id"]
    status, out, err = run("export-patient", patient, "--format", "fhir", "--output", str(output))
    assert (status, out, err) == (0, f"Exported 2 sessions to {output}.\n", "")
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    bundle = json.loads(output.read_text())
    # The same history exported at the same moment (the weeks that have ended count).
    same_moment = {**app_export, "exported_at": bundle["timestamp"]}
    expected = fhir_bundle(ExportDoc.model_validate(same_moment), PatientIdentity(patient))
    assert bundle == json.loads(json.dumps(expected))
    people = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"]
    assert [person["identifier"][0]["value"] for person in people] == [patient]


def test_a_revoked_device_is_refused_and_a_new_code_pairs_again(run, set_up, clinic_url):
    with TestClient(create_app(clinic_url), base_url=CLINIC) as client:
        assert run("devices", set_up["patient_id"])[1] == "No device was paired for this patient.\n"
        device = pair(client, set_up["pairing_code"], "Sam's laptop")
        listed = run("devices", set_up["patient_id"])[1].split("\t")
        device_id, name, paired, seen = listed
        assert (name, seen) == ("Sam's laptop", "last upload never\n")
        assert paired.startswith("paired 20") and paired.endswith(" UTC")
        assert run("revoke-device", device_id)[0] == 0
        assert run("devices", set_up["patient_id"])[1].split("\t")[-1].startswith("revoked 20")
        assert "already revoked" in run("revoke-device", device_id)[1]
        assert client.get("/api/v1/program", headers=device).status_code == 401
        code = run("new-code", set_up["patient_id"])[1].removeprefix("Pairing code: ").strip()
        assert client.get("/api/v1/program", headers=pair(client, code)).status_code == 204


@pytest.mark.parametrize(
    "arguments",
    [
        ("--host", "0.0.0.0"),
        ("--host", "192.0.2.10"),
        ("--host", "clinic.example"),
        ("--host", "127.0.0.1", "--certfile", "cert.pem"),
    ],
)
def test_serve_refuses_plain_http_beyond_the_loopback_address(run, set_up, arguments):
    status, out, err = run("serve", *arguments)
    assert (status, out) == (2, "")
    assert "--certfile" in err


def serving(clinic_url: str, *options: str, **output: Any) -> tuple[subprocess.Popen[str], str]:
    """`alshome clinic serve` with `options` in a process of its own, on a free port, once it
    answers (uvicorn's output to `output`'s stdout and stderr); it and its API's address."""
    port = free_port()
    command = ["-m", "alshome", "clinic", "serve", "--database-url", clinic_url]
    server = subprocess.Popen(
        [sys.executable, *command, "--port", str(port), *options],
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        preexec_fn=die_with_parent,
        **output,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            httpx2.get(f"{base}/program")
            return server, base
        except httpx2.TransportError:
            assert server.poll() is None, server.communicate()
            assert time.monotonic() < deadline, "the server did not answer"
            time.sleep(0.1)


def test_serve_answers_over_http_on_the_loopback_address(set_up, clinic_url, backend):
    """And, behind a reverse proxy on the same machine, over HTTPS only. On PostgreSQL
    from two worker processes."""
    workers = ("--workers", "2") if backend == "postgresql" else ()
    server, base = serving(clinic_url, *workers, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    token = {"Authorization": "Bearer none"}
    try:
        assert httpx2.get(f"{base}/program").status_code == 401
        paired = httpx2.post(
            f"{base}/pair", json={"code": set_up["pairing_code"], "device_name": "laptop"}
        )
        assert paired.status_code == 200
        token = {"Authorization": f"Bearer {paired.json()['token']}"}
        assert httpx2.get(f"{base}/program", headers=token).status_code == 204
        # Through a reverse proxy on this machine: what it says of the client is believed.
        proxied = {**token, "X-Forwarded-For": "203.0.113.9"}
        over_tls = {**proxied, "X-Forwarded-Proto": "https"}
        assert httpx2.get(f"{base}/program", headers=over_tls).status_code == 204
        for plain in ({**proxied, "X-Forwarded-Proto": "http"}, proxied):
            assert httpx2.get(f"{base}/program", headers=plain).status_code == 403
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=30)
    # uvicorn stops gracefully, then ends by the signal it was sent, as services do; its
    # supervisor of workers stops them and returns.
    assert server.returncode == (0 if workers else -signal.SIGTERM), err
    assert "Application shutdown complete" in err
    # The refused requests are logged, who and what; those answered are in the audit.
    assert '"GET /api/v1/program HTTP/1.1" 401' in err
    assert '203.0.113.9:0 - "GET /api/v1/program HTTP/1.1" 403' in err
    assert "/pair" not in out + err and " 204" not in out + err
    for secret in (set_up["pairing_code"], token["Authorization"].split()[1]):
        assert secret not in out + err


@pytest.mark.databases("sqlite")
def test_serve_on_sqlite_refuses_more_than_one_worker(run, set_up):
    status, out, err = run("serve", "--workers", "2")
    assert (status, out) == (2, "")
    assert err.count(".") == 1 and "PostgreSQL" in err


@pytest.mark.databases("postgresql")
def test_no_worker_outlives_a_killed_server(set_up, clinic_url, tmp_path):
    """The server killed with SIGKILL, as the out-of-memory killer would: its workers end
    with it, and its port is free again, within a few seconds."""
    with (tmp_path / "serve.log").open("w") as log:
        server, _base = serving(clinic_url, "--workers", "2", stdout=log, stderr=log)
    try:
        processes = descendants(server.pid)
        workers = [pid for pid in processes if b"spawn_main" in command_line(pid)]
        assert len(workers) == 2, (tmp_path / "serve.log").read_text()
    finally:
        server.kill()
        server.wait()
    port = int(server.args[server.args.index("--port") + 1])
    deadline = time.monotonic() + KILLED_SERVER_GONE_S
    try:
        while any(running(pid) for pid in processes) or not port_is_free(port):
            assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.05)
    finally:  # none left behind by a failure
        for pid in filter(running, processes):
            os.kill(pid, signal.SIGKILL)


def command_line(pid: int) -> bytes:
    return Path(f"/proc/{pid}/cmdline").read_bytes()


def port_is_free(port: int) -> bool:
    """Whether a server could listen on the port (as uvicorn binds, with SO_REUSEADDR)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def test_audit_lists_every_access_oldest_first(run, set_up, tmp_path):
    patient = set_up["patient_id"]
    run("devices", patient)
    run("export-patient", patient, "--output", str(tmp_path / "sam.json"))
    run("add-patient", "--therapist", THERAPIST, "Alex")
    status, out, _err = run("audit", patient)
    assert status == 0
    lines = [line.split("\t") for line in out.splitlines()]
    assert [(action, whose, what) for _at, _who, action, whose, what in lines] == [
        ("change", patient, "added the patient and a pairing code"),
        ("read", patient, "listed the devices"),
        ("read", patient, "exported the history"),
    ]
    assert all(who.startswith("command:") for _at, who, *_rest in lines)
    assert len(run("audit")[1].splitlines()) == 4
