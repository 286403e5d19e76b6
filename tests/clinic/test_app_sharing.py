"""The app's side of sharing, against a real clinic served on a loopback port: joining,
sending the outbox in batches, taking the clinic's program, stopping; and under faults
(the connection cut while the request goes out or while the receipt comes back, the app
killed between the clinic's receipt and its own bookkeeping) nothing is lost or doubled:
afterwards the clinic's export of the patient equals the app's own export.
"""

from __future__ import annotations

import copy
import json
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest
import uvicorn
from PySide6.QtCore import QObject, Signal
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from alshome.cli import main
from alshome.clinic.accounts import NewPatient
from alshome.clinic.api import create_app
from alshome.clinic.publishing import latest_published, publish
from alshome.domain.clock import ManualClock
from alshome.domain.safety import CarryOver, CarryOverCheck, Profile
from alshome.domain.session import Phase
from alshome.domain.session import Session as Workout
from alshome.operations import sync
from alshome.operations.clinic_program import (
    ChangeKind,
    leave_offer,
    offered_program,
    take_offer,
)
from alshome.operations.exchange import export_json
from alshome.operations.history import History
from alshome.operations.privacy import close_and_delete_all
from alshome.operations.startup import load_active_program
from alshome.platform.paths import resolve_locations
from alshome.programs.bundle import read_program_source
from alshome.programs.demo import demo_document
from alshome.programs.transfer import check_program
from alshome.storage.db import open_database
from alshome.storage.outbox import Outbox
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository
from alshome.ui.clinic_sharing import ClinicSharing
from tests.cli.conftest import follow_demo, time_a_set
from tests.clinic.loopback import Proxy, free_port
from tests.clinic.test_clinic_upload import clinic_copy, without_moment
from tests.programs.bundles import custom_document, putty_media, write_bundle

pytestmark = pytest.mark.databases("sqlite", "postgresql")

ZONE = timezone(timedelta(hours=2))


@pytest.fixture
def served(clinic: Engine) -> Iterator[str]:
    """The clinic's app served by uvicorn on a loopback port; its address."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(engine=clinic), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        thread.join(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join()


@pytest.fixture
def proxy(served: str) -> Iterator[Proxy]:
    cutting = Proxy(int(served.rsplit(":", 1)[1]))
    yield cutting
    cutting.close()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 3, 2, 9, 30, tzinfo=ZONE))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "app"


@pytest.fixture
def app_url(data_dir: Path, server_database_url: str | None) -> str:
    return server_database_url or resolve_locations(str(data_dir)).database_url


@pytest.fixture
def app(app_url: str, clock: ManualClock) -> Iterator[Engine]:
    """The patient's history, with two sessions, a day of rest and the profile already
    recorded before they join."""
    engine = open_database(app_url)
    repository = Repository(engine)
    repository.save_profile(Profile("Ana Ruiz, PT", "555 0100", "Sam", clock.wall()))
    follow_demo(repository, clock, sets=2)
    clock.advance(86_400)
    repository.record_rest_day(CarryOverCheck(CarryOver.SORE, clock.wall()))
    clock.advance(86_400)
    follow_demo(repository, clock, 3, CarryOverCheck(CarryOver.TIRED, clock.wall()))
    yield engine
    engine.dispose()


def app_export(engine: Engine, clock: ManualClock) -> dict:
    return without_moment(json.loads(export_json(Repository(engine), clock.wall())[0]))


def joined(engine: Engine, url: str, patient: NewPatient, clock: ManualClock) -> None:
    sync.join(engine, url, patient.pairing_code, "Sam's laptop", clock.wall())


def test_a_history_recorded_before_joining_is_sent_in_full_on_the_first_sync(
    app, served, clinic, patient, clock
):
    joined(app, served, patient, clock)
    assert sync.status(app).waiting == 6  # two sessions, two checks, the demo program, profile
    sent = sync.send_pending(app, clock.wall)
    assert (sent.records, sent.batches) == (6, 1)
    assert clinic_copy(clinic, patient.patient_id) == app_export(app, clock)
    state = sync.status(app)
    assert (state.waiting, state.sent_at) == (0, clock.wall())


def test_what_is_saved_after_joining_follows_in_later_batches(app, served, clinic, patient, clock):
    joined(app, served, patient, clock)
    sync.send_pending(app, clock.wall)
    repository = Repository(app)
    clock.advance(86_400)
    for _ in range(3):
        follow_demo(repository, clock, sets=2)
        clock.advance(3600)
    sent = sync.send_pending(app, clock.wall, batch_sessions=2)
    assert (sent.records, sent.batches) == (3 * 3, 2)  # three sessions, two sets each
    assert clinic_copy(clinic, patient.patient_id) == app_export(app, clock)
    assert sync.send_pending(app, clock.wall) == sync.SentCounts(0, 0)


def test_a_set_saved_while_shared_goes_alone_not_with_its_whole_session(
    app, served, clinic, patient, clock
):
    """A session sent at its start, then each set as it is saved and again once rated,
    then its end: each batch holds the session's own row with the one set that changed,
    or none, and the clinic ends with the app's own copy."""
    joined(app, served, patient, clock)
    sync.send_pending(app, clock.wall)
    repository = Repository(app)
    program_id, program = load_active_program(repository)
    session = Workout(program, clock, SessionRecorder(repository, program_id))
    outbox = Outbox(app)
    session.start_set()
    assert [len(batched["sets"]) for batched in pending_sessions(app)] == [0]
    sync.send_pending(app, clock.wall)
    for rating in range(3):
        if rating:
            session.start_set()
        time_a_set(session, clock)
        [batched] = pending_sessions(app)
        assert [(entry["position"], entry["fatigue"]) for entry in batched["sets"]] == [
            (rating, None)
        ]
        sync.send_pending(app, clock.wall)
        session.answer_fatigue(rating)
        [batched] = pending_sessions(app)
        assert [(entry["position"], entry["fatigue"]) for entry in batched["sets"]] == [
            (rating, rating)
        ]
        sync.send_pending(app, clock.wall)
        session.end_rest()
    assert outbox.waiting() == 0
    session.stop_tired()
    [ended] = pending_sessions(app)
    assert (ended["status"], ended["sets"]) == ("stopped_tired", [])  # its end alone
    sync.send_pending(app, clock.wall)
    assert clinic_copy(clinic, patient.patient_id) == app_export(app, clock)


def pending_sessions(app: Engine) -> list[dict]:
    """The sessions of the next batch the app would send."""
    pending = Outbox(app).pending(sync.BATCH_SESSIONS)
    return sync.upload_batch(Repository(app), pending)["sessions"]


def test_nothing_waits_and_nothing_is_sent_for_a_history_not_shared(app, clock):
    assert sync.status(app) is None
    with pytest.raises(sync.NotSharing):
        sync.send_pending(app, clock.wall)


@pytest.mark.parametrize("where", ["request", "response"])
def test_a_connection_cut_mid_request_loses_and_doubles_nothing(
    app, proxy, clinic, patient, clock, where
):
    joined(app, f"http://127.0.0.1:{proxy.port}", patient, clock)
    proxy.cut_next(where)
    with pytest.raises(sync.SyncError):
        sync.send_pending(app, clock.wall)
    assert proxy.cuts_made == 1
    assert sync.status(app).waiting == 6  # nothing acknowledged, so nothing removed
    sync.send_pending(app, clock.wall)
    assert clinic_copy(clinic, patient.patient_id) == app_export(app, clock)
    assert sync.status(app).waiting == 0


def test_sync_retries_with_backoff_until_the_clinic_answers(app, proxy, clinic, patient, clock):
    joined(app, f"http://127.0.0.1:{proxy.port}", patient, clock)
    proxy.cut_next("response", times=2)
    sent = sync.sync(app, clock.wall, first_delay=0.01)
    assert proxy.cuts_made == 2
    assert sent.records == 6
    assert clinic_copy(clinic, patient.patient_id) == app_export(app, clock)


def test_sync_gives_up_for_now_when_the_clinic_stays_out_of_reach(app, patient, clock):
    joined_offline = Outbox(app)
    joined_offline.join(
        f"http://127.0.0.1:{free_port()}", "token", patient.patient_id, clock.wall()
    )
    with pytest.raises(sync.SyncError):
        sync.sync(app, clock.wall, attempts=3, first_delay=0.01)
    assert sync.status(app).waiting == 6


KILLED_AFTER_THE_RECEIPT = """
import os, signal, sys
from datetime import datetime
from alshome.operations import sync
from alshome.operations.clinic_program import (
    ChangeKind,
    leave_offer,
    offered_program,
    take_offer,
)
from alshome.storage.db import open_database
from alshome.storage.outbox import Outbox
from alshome.storage.recorder import SessionRecorder

def killed(self, ids, sent_at):
    os.kill(os.getpid(), signal.SIGKILL)

Outbox.acknowledge = killed
sync.send_pending(open_database(sys.argv[1]), lambda: datetime.now().astimezone())
"""


def test_the_app_killed_between_the_receipt_and_its_bookkeeping_sends_again_harmlessly(
    app, app_url, served, clinic, patient, clock
):
    joined(app, served, patient, clock)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER_THE_RECEIPT, app_url], capture_output=True, timeout=60
    )
    assert killed.returncode == -9, killed.stderr
    assert sync.status(app).waiting == 6
    assert clinic_copy(clinic, patient.patient_id) == app_export(app, clock)
    sync.send_pending(app, clock.wall)
    assert sync.status(app).waiting == 0
    assert clinic_copy(clinic, patient.patient_id) == app_export(app, clock)


def test_stopping_revokes_the_token_at_the_clinic_and_forgets_it(app, served, patient, clock):
    joined(app, served, patient, clock)
    token = Outbox(app).sharing().token
    assert sync.stop(app) is True
    assert sync.status(app) is None
    refused = httpx.get(f"{served}/api/v1/device", headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 401


def test_a_wrong_code_keeps_nothing(app, served, patient, clock):
    with pytest.raises(sync.SyncError, match="403"):
        sync.join(app, served, "WRONG-CODE", "Sam's laptop", clock.wall())
    assert sync.status(app) is None


def test_a_published_program_is_kept_as_an_offer_once(app, served, clinic, patient, clock):
    joined(app, served, patient, clock)
    assert sync.take_program(app) is False  # nothing published yet
    document = {**demo_document(), "version": 2}
    publish(clinic, patient.patient_id, check_program(document), "command:test")
    assert sync.take_program(app) is True
    assert Outbox(app).sharing().offered == check_program(document).document
    Outbox(app).clear_offer()
    assert sync.take_program(app) is False  # the same one again: 304, no second offer
    assert Outbox(app).sharing().offered is None


def test_the_program_in_use_is_not_offered_again(app, served, clinic, patient, clock):
    joined(app, served, patient, clock)
    publish(clinic, patient.patient_id, check_program(demo_document()), "command:test")
    assert sync.take_program(app) is False
    assert Outbox(app).sharing().offered is None


def test_the_share_commands_join_send_tell_and_stop(
    app, data_dir, served, clinic, patient, clock, capsys
):
    def share(*arguments: str) -> str:
        assert main(["--data-dir", str(data_dir), "share", *arguments]) == 0
        return capsys.readouterr().out.strip()

    assert share("status") == "Not shared with a clinic."
    assert share("join", served, patient.pairing_code) == (
        f"Sharing with {served}; 6 records waiting to be sent (`alshome share now` sends them)."
    )
    assert share("status").startswith(f"Shared with {served}: 6 records waiting; nothing sent")
    assert share("now") == "Sent 6 records to the clinic."
    assert clinic_copy(clinic, patient.patient_id) == app_export(app, clock)
    assert share("status").startswith(f"Shared with {served}: up to date; last sent ")
    assert share("now") == "Sent 0 records to the clinic."
    assert share("stop") == "Stopped sharing; the clinic no longer accepts this device."
    assert share("status") == "Not shared with a clinic."


def test_share_now_says_plainly_when_the_clinic_cannot_be_reached(
    app, data_dir, patient, clock, capsys
):
    Outbox(app).join(f"http://127.0.0.1:{free_port()}", "token", patient.patient_id, clock.wall())
    assert main(["--data-dir", str(data_dir), "share", "now"]) == 1
    assert capsys.readouterr().err.strip() == "The clinic could not be reached (ConnectError)."


def test_a_program_offered_says_what_changed_and_taken_keeps_the_previous_version(
    app, served, clinic, patient, clock
):
    joined(app, served, patient, clock)
    sync.send_pending(app, clock.wall)
    document = copy.deepcopy(demo_document())
    document["version"] = 2
    document["prescriptions"].pop()
    document["prescriptions"][0]["repetitions"] += 1
    publish(clinic, patient.patient_id, check_program(document), "command:test")
    sync.take_program(app)
    offer = offered_program(app)
    assert (offer.name, offer.version) == (document["name"], 2)
    assert [(change.kind, change.exercise) for change in offer.changes] == [
        (ChangeKind.CHANGED, "Back-of-thigh stretch"),
        (
            ChangeKind.REMOVED,
            check_program(demo_document()).program.prescriptions[-1].exercise.name,
        ),
    ]
    take_offer(app)
    assert offered_program(app) is None
    repository = Repository(app)
    assert repository.active_program().version == 2
    assert [program.version for program in repository.programs()] == [1, 2]
    sync.send_pending(app, clock.wall)  # shared back: the clinic knows which one is in use
    assert clinic_copy(clinic, patient.patient_id) == app_export(app, clock)


def test_a_program_offered_and_left_keeps_the_one_in_use(app, served, clinic, patient, clock):
    joined(app, served, patient, clock)
    publish(
        clinic, patient.patient_id, check_program({**demo_document(), "version": 2}), "command:test"
    )
    sync.take_program(app)
    leave_offer(app)
    assert offered_program(app) is None
    assert Repository(app).active_program().version == 1
    assert sync.take_program(app) is False


class Controller(QObject):
    """The session controller as the background sync sees it: a phase and its changes."""

    changed = Signal()
    phase = None


def test_the_app_syncs_on_a_background_thread_after_a_set_and_never_while_one_is_timed(
    qtbot, app, served, clinic, patient, clock
):
    controller = Controller()
    holder = QObject()
    threads: list[str] = []
    sharing = ClinicSharing(lambda: app, controller, holder, clock.wall)
    sharing.changed.connect(lambda: threads.append(threading.current_thread().name))
    failures: list[object] = []
    sharing.join(served, patient.pairing_code, "Sam's laptop", failures.append)
    qtbot.waitUntil(lambda: len(threads) == 2 and not sharing.busy, timeout=30_000)
    assert failures == [None]
    assert threads == ["MainThread", "MainThread"]  # paired, then the first sync ended
    assert sharing.problem is None
    assert clinic_copy(clinic, patient.patient_id) == app_export(app, clock)

    follow_demo(Repository(app), clock, sets=1)
    controller.phase = Phase.RUNNING
    controller.changed.emit()
    sharing.sync_soon()
    assert not sharing.busy and sync.status(app).waiting == 2  # the session, its set
    controller.phase = Phase.FATIGUE_CHECK
    with qtbot.waitSignal(sharing.changed, timeout=30_000):
        controller.changed.emit()
    assert sync.status(app).waiting == 0
    assert clinic_copy(clinic, patient.patient_id) == app_export(app, clock)
    sharing.close()


SENDING_IN_SMALL_BATCHES = """
import sys
from datetime import datetime
from alshome.operations import sync
from alshome.storage.db import open_database

print("sending", flush=True)
sync.send_pending(open_database(sys.argv[1]), lambda: datetime.now().astimezone(), None, 1)
"""


def test_the_app_killed_at_random_moments_of_a_long_send_loses_and_doubles_nothing(
    app, app_url, served, clinic, patient, clock
):
    repository = Repository(app)
    for _ in range(12):
        clock.advance(86_400)
        follow_demo(repository, clock, sets=3)
    joined(app, served, patient, clock)
    rng = random.Random(17)
    kills = 0
    while sync.status(app).waiting and kills < 6:
        sender = subprocess.Popen(
            [sys.executable, "-c", SENDING_IN_SMALL_BATCHES, app_url],
            stdout=subprocess.PIPE,
        )
        assert sender.stdout.readline() == b"sending\n"
        try:
            sender.wait(rng.uniform(0.05, 0.6))
        except subprocess.TimeoutExpired:
            sender.send_signal(signal.SIGKILL)
            kills += 1
        sender.wait()
        sender.stdout.close()
    assert kills > 0
    sync.send_pending(app, clock.wall)
    assert sync.status(app).waiting == 0
    assert clinic_copy(clinic, patient.patient_id) == app_export(app, clock)


def test_stopping_while_the_clinic_is_out_of_reach_forgets_the_token_all_the_same(
    app, patient, clock
):
    Outbox(app).join(f"http://127.0.0.1:{free_port()}", "token", patient.patient_id, clock.wall())
    assert sync.stop(app) is False
    assert sync.status(app) is None
    assert Outbox(app).sharing() is None


def test_deleting_all_data_revokes_the_token_at_the_clinic_first(
    app, app_url, data_dir, served, patient, clock
):
    joined(app, served, patient, clock)
    token = Outbox(app).sharing().token
    app.dispose()
    history = History(app_url, None)
    history.open()
    assert close_and_delete_all(history, resolve_locations(str(data_dir), app_url))
    refused = httpx.get(f"{served}/api/v1/device", headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 401


def test_deleting_all_data_goes_on_when_the_clinic_is_out_of_reach(
    app, app_url, data_dir, patient, clock
):
    gone = f"http://127.0.0.1:{free_port()}"
    Outbox(app).join(gone, "a-token", patient.patient_id, clock.wall())
    app.dispose()
    history = History(app_url, None)
    history.open()
    assert close_and_delete_all(history, resolve_locations(str(data_dir), app_url))
    assert not history.is_open


def test_a_program_with_the_therapists_picture_and_video_is_taken_with_them(
    app, served, clinic, patient, clock, tmp_path
):
    joined(app, served, patient, clock)
    document = {**custom_document(), "version": 2}
    bundle = write_bundle(tmp_path / "putty.alshome", document)
    publish(clinic, patient.patient_id, read_program_source(bundle), "command:test")
    assert sync.take_program(app) is True
    assert Outbox(app).offered_bundle() is not None
    take_offer(app)
    repository = Repository(app)
    active = repository.active_program()
    assert active.version == 2
    assert repository.program_media(active.id) == putty_media()
    assert Outbox(app).offered_bundle() is None


def test_a_bundle_spoilt_on_the_way_is_not_offered(app, served, clinic, patient, clock, tmp_path):
    joined(app, served, patient, clock)
    bundle = write_bundle(tmp_path / "putty.alshome", {**custom_document(), "version": 2})
    publish(clinic, patient.patient_id, read_program_source(bundle), "command:test")
    with Session(clinic) as db, db.begin():
        held = latest_published(db, patient.patient_id)
        held.bundle = held.bundle.replace(b"program.json", b"programXjson", 1)
    with pytest.raises(sync.SyncError, match="The clinic's program cannot be used"):
        sync.take_program(app)
    assert Outbox(app).sharing().offered is None


def test_deleting_all_data_waits_only_moments_for_a_clinic_that_never_answers(
    app, app_url, data_dir, patient, clock
):
    """A clinic that takes the connection and says nothing: the revoke is given up after
    its short timeout, well before the sender's 30 seconds, and everything is deleted."""
    silent = socket.create_server(("127.0.0.1", 0))
    try:
        Outbox(app).join(
            f"http://127.0.0.1:{silent.getsockname()[1]}",
            "a-token",
            patient.patient_id,
            clock.wall(),
        )
        app.dispose()
        history = History(app_url, None)
        history.open()
        started = time.monotonic()
        assert close_and_delete_all(history, resolve_locations(str(data_dir), app_url))
        assert time.monotonic() - started < sync.TIMEOUT.read
    finally:
        silent.close()
