"""A first sync under faults, with the app's real sender and the clinic's real server:
the server killed with SIGKILL at random moments (some while a request body is still
arriving), the connection cut while the request goes out or while the answer comes back,
and the app itself (`alshome share now` in a process of its own) killed mid-send. After
all of it, a last sync, and the clinic's copy of the patient must be the app's own export,
with each record held once.

`tests/clinic/test_sync_faults.py` runs it with ten server kills on SQLite and on
PostgreSQL; `tests/benchmarks/sync_faults.py` with fifty or more.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from alshome.clinic.accounts import NewPatient
from alshome.domain.clock import ManualClock
from alshome.operations import sync
from alshome.platform.paths import resolve_locations
from alshome.storage.db import open_database
from alshome.storage.outbox import Outbox
from tests.clinic.loopback import ClinicProcess, Proxy
from tests.clinic.test_app_sharing import app_export
from tests.clinic.test_clinic_upload import clinic_copy, row_counts

# Sessions a batch while faults come: small, so each kill lands on one of many requests.
# The product's own batch (sync.BATCH_SESSIONS) sends the rest at the end.
FAULT_BATCH_SESSIONS = 1
# Seconds between two 16 KB steps of a request through the proxy: a slow line, so that
# a server killed at a random moment is often still reading the body.
PACE = 0.002
# The longest wait, in seconds, before the server is killed, once a sync has begun.
LONGEST_WAIT = 0.25


@dataclass
class Faults:
    """What happened: each counted only when it struck while records were being sent."""

    server_kills: int = 0
    server_kills_mid_request: int = 0  # a request under way, its answer not yet begun
    network_cuts: int = 0
    app_kills: int = 0
    sessions: int = 0
    sets: int = 0


def now() -> datetime:
    return datetime.now(UTC)


def sync_under_faults(
    app_folder: Path,
    clinic: Engine,
    clinic_url: str,
    patient: NewPatient,
    server_kills: int,
    network_cuts: int,
    app_kills: int,
    seed: int = 17,
) -> Faults:
    """Join the app in `app_folder` (a history already written there) to the clinic, send
    its history through the faults asked for, in a random order, then send the rest and
    check the clinic's copy against the app's export. The counts of what struck."""
    rng = random.Random(seed)
    faults = Faults()
    log = app_folder.parent / "clinic.log"
    server = ClinicProcess(clinic_url, log)
    server.start()
    proxy = Proxy(server.port, pace=PACE)
    app = open_database(resolve_locations(str(app_folder)).database_url)
    try:
        sync.join(app, proxy.url, patient.pairing_code, "Sam's laptop", now())
        plan = ["server"] * server_kills + ["network"] * network_cuts + ["app"] * app_kills
        rng.shuffle(plan)
        for fault in plan:
            assert Outbox(app).waiting(), f"the history was sent before the {fault} fault"
            if fault == "server":
                _kill_the_server_mid_sync(app, server, proxy, rng, faults)
            elif fault == "network":
                _cut_the_connection(app, proxy, rng, faults)
            else:
                _kill_the_app_mid_send(app_folder, proxy, rng, faults)
        sync.send_pending(app, now)
        assert Outbox(app).waiting() == 0
        assert_the_clinic_holds_the_apps_export(app, clinic, patient.patient_id, faults)
    finally:
        app.dispose()
        proxy.close()
        server.close()
    # What the network and the kills did is no error of the server's.
    assert "Traceback" not in log.read_text()
    return faults


def _send_until_it_fails(app: Engine) -> None:
    with contextlib.suppress(sync.SyncError):
        sync.send_pending(app, now, batch_sessions=FAULT_BATCH_SESSIONS)


def _kill_the_server_mid_sync(
    app: Engine, server: ClinicProcess, proxy: Proxy, rng: random.Random, faults: Faults
) -> None:
    sender = threading.Thread(target=_send_until_it_fails, args=(app,))
    cut_before = proxy.requests_cut
    sender.start()
    time.sleep(rng.uniform(0, LONGEST_WAIT))
    sending = sender.is_alive()
    server.kill()
    sender.join(60)
    assert not sender.is_alive()
    if sending:
        faults.server_kills += 1
        faults.server_kills_mid_request += proxy.requests_cut > cut_before
    server.start()


def _cut_the_connection(app: Engine, proxy: Proxy, rng: random.Random, faults: Faults) -> None:
    made = proxy.cuts_made
    proxy.cut_next(rng.choice(("request", "response")))
    _send_until_it_fails(app)
    proxy.cut_next("request", 0)
    faults.network_cuts += proxy.cuts_made - made


SHARE_NOW = ("-m", "alshome", "--data-dir")


def _kill_the_app_mid_send(
    app_folder: Path, proxy: Proxy, rng: random.Random, faults: Faults
) -> None:
    """`alshome share now` (the product's own batch size), killed once its first request
    has begun going out, within the time its body takes at the proxy's pace."""
    seen = proxy.requests_seen
    sharing = subprocess.Popen(
        [sys.executable, *SHARE_NOW, str(app_folder), "share", "now"],
        stdout=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    deadline = time.monotonic() + 60
    while proxy.requests_seen == seen and sharing.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    time.sleep(rng.uniform(0, 0.1))
    if sharing.poll() is None:
        sharing.send_signal(signal.SIGKILL)
        faults.app_kills += 1
    sharing.wait(60)


def assert_the_clinic_holds_the_apps_export(
    app: Engine, clinic: Engine, patient_id: str, faults: Faults | None = None
) -> None:
    """The clinic's copy (as `alshome clinic export-patient` writes it) is the app's own
    export, and each record is one row at the clinic, no more."""
    export = app_export(app, ManualClock(now()))
    assert clinic_copy(clinic, patient_id) == export
    sessions = export["sessions"]
    held = row_counts(clinic)
    expected = {
        "patient_sessions": len(sessions),
        "patient_sets": sum(len(session["sets"]) for session in sessions),
        "patient_lift_checks": sum(len(session["lift_checks"]) for session in sessions),
        "patient_carry_over_checks": len(export["carry_over_checks"]),
        "patient_alsfrs": len(export["alsfrs"]),
        "patient_programs": len(export["programs"]),
    }
    assert {name: held[name] for name in expected} == expected
    if faults is not None:
        faults.sessions, faults.sets = expected["patient_sessions"], expected["patient_sets"]
