"""Benchmark: the clinic server under load, over the loopback, in a process of its own.

- 200 devices (one paired patient each, a few weeks of history each) send their first
  sync at the same moment: one request each, as the app's sender makes it, all 200 in
  flight together. Measured: sets stored a second over the burst, and each request's
  time from sending to the receipt (p50, p95), which under a burst is mostly the wait
  behind the others.
- Then all 200, in step, go through a workout's syncs as the app sends them, each round
  in the same instant: three times the session in progress with the one set just saved
  (the commonest sync there is, a few times a minute from each device in a workout),
  then the session's end without its sets: the request time of 200 devices syncing at
  once (p50, p95 over the 800 requests).
- Then all 200 send one whole session each (all its forty sets) in the same instant, as
  a first sync sends each session of the history: p50 and p95.
- Then each device sends one more session, one device after another: the request time
  of a sync that does not queue (p50, p95).
- Then all 200 stay online and send one more session each at a random moment of the same
  ten seconds (a seeded uniform spread), as a clinic's devices syncing at once do after
  their workouts: the request time of a sync among the others (p50, p95).
- Ten years of one patient (about 1,500 sessions, 50,000 sets) sent in one first sync
  by the app's real sender (`alshome.operations.sync.send_pending`), timed whole: the
  app reading and exporting its records, the requests, the server storing them.
- The server's peak memory (VmHWM), read from /proc at the end: with workers (PostgreSQL),
  the supervisor's and each worker's, summed.

The devices are simulated by one process, so their requests are made as cheaply as they
can be (the bytes of each request written beforehand, raw HTTP/1.1 on a connection of
its own, `Connection: close`): what is timed is the server, not the simulation, which
with an HTTP client library spent more CPU than the server on the same two cores.

    .venv/bin/python -m tests.benchmarks.sync_load [--devices 200] [--weeks 4] [--years 10]
        [--postgresql]   (a PostgreSQL server started for the run; default: a SQLite file)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import uvloop
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from alshome.clinic import credentials
from alshome.clinic.accounts import add_patient, add_therapist, pair
from alshome.clinic.records import held_counts
from alshome.clinic.schema import init_database
from alshome.operations import sync
from alshome.platform.paths import resolve_locations, sqlite_url
from alshome.storage.db import open_database
from tests.benchmarks.dashboard import shared_history
from tests.benchmarks.synthetic_history import write_history
from tests.clinic.conftest import PASSWORD, THERAPIST
from tests.clinic.loopback import ClinicProcess
from tests.tools.postgres import benchmark_database
from tests.tools.processes import descendants

UPLOAD = "/api/v1/upload"
SPREAD_SECONDS = 10.0
SPREAD_SEED = 8470
WORKOUT_SETS = 3  # the sets of a workout synced one by one, then its end


@dataclass(frozen=True)
class LoadFigures:
    devices: int
    burst_sets: int
    burst_sets_per_second: float
    burst_p50_ms: float
    burst_p95_ms: float
    workout_syncs_p50_ms: float
    workout_syncs_p95_ms: float
    whole_sessions_p50_ms: float
    whole_sessions_p95_ms: float
    single_p50_ms: float
    single_p95_ms: float
    spread_p50_ms: float
    spread_p95_ms: float
    ten_years_sessions: int
    ten_years_sets: int
    ten_years_seconds: float
    ten_years_sets_per_second: float
    ten_years_app_cpu_seconds: float  # the app's process, all its threads
    ten_years_server_cpu_seconds: float  # the server's processes (PostgreSQL's own not counted)
    server_peak_rss_mb: float


def percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def paired_devices(engine: Engine, devices: int) -> list[dict[str, str]]:
    """A patient and a paired device each; their request headers. Paired in-process: the
    pairing is not what is measured."""
    headers = []
    for number in range(devices):
        patient = add_patient(engine, THERAPIST, f"Patient {number:03}", "command:bench")
        token = pair(engine, patient.pairing_code, f"Device {number:03}").token
        headers.append({"Authorization": f"Bearer {token}", "content-type": "application/json"})
    return headers


def _posted(
    url: str, bodies: list[tuple[dict[str, str], bytes]], spread_seconds: float = 0.0
) -> list[float]:
    """`_timed_posts` on uvloop's event loop, which costs the simulated devices half the
    CPU of asyncio's own on the two cores the server needs."""
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(_timed_posts(url, bodies, spread_seconds))


async def _timed_posts(
    url: str, bodies: list[tuple[dict[str, str], bytes]], spread_seconds: float = 0.0
) -> list[float]:
    """Post every body to the upload, each on its own connection: all at once, or each at
    a random moment of the first `spread_seconds`; each one's time in ms from its sending
    to the whole answer."""
    address = urlsplit(url)
    host, port = address.hostname or "127.0.0.1", address.port or 80
    moments = random.Random(SPREAD_SEED)
    requests = [_request_bytes(host, port, headers, body) for headers, body in bodies]

    async def post(request: bytes) -> float:
        await asyncio.sleep(moments.uniform(0, spread_seconds))
        start = time.perf_counter()
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(request)
        answer = await reader.read()
        took = (time.perf_counter() - start) * 1000
        writer.close()
        head, _blank, body = answer.partition(b"\r\n\r\n")
        assert head.split(b" ", 2)[1] == b"200", answer[:500]
        assert b'"sets":' in body, answer[:500]
        return took

    return await asyncio.gather(*(post(request) for request in requests))


def _request_bytes(host: str, port: int, headers: dict[str, str], body: bytes) -> bytes:
    lines = [
        f"POST {UPLOAD} HTTP/1.1",
        f"Host: {host}:{port}",
        f"Content-Length: {len(body)}",
        "Connection: close",
        *(f"{name}: {value}" for name, value in headers.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def _workout_syncs(session: dict[str, Any], devices: int, sets: int) -> list[list[bytes]]:
    """Each device's syncs through a workout, round after round, as the app sends them
    (`alshome.operations.sync.upload_batch`): `sets` times its session in progress with
    the one set just saved, not rated yet (outbox kind `set`; the sets drawn at random,
    seeded, later ones each round; the first round also stores the session), then the
    session's end, its own row without a set (kind `session_row`). A uuid a device."""
    draw = random.Random(SPREAD_SEED)
    uuids = [str(uuid.uuid4()) for _ in range(devices)]
    positions = [sorted(draw.sample(range(len(session["sets"])), sets)) for _ in range(devices)]
    in_progress = {**session, "ended_at": None, "status": "in_progress", "symptoms": []}
    rounds = [
        [
            {
                **in_progress,
                "uuid": uuids[device],
                "sets": [{**session["sets"][positions[device][round_]], "fatigue": None}],
                "lift_checks": [],
            }
            for device in range(devices)
        ]
        for round_ in range(sets)
    ]
    rounds.append([{**session, "uuid": uuids[device], "sets": []} for device in range(devices)])
    return [[json.dumps({"sessions": [sent]}).encode() for sent in bodies] for bodies in rounds]


def peak_rss_mb(pid: int) -> float:
    """The server's peak memory: each of its processes' (the supervisor's, its workers'),
    summed."""
    return sum(_peak_rss_kb(each) for each in [pid, *descendants(pid)]) / 1024


def _peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def cpu_seconds(pid: int) -> float:
    """The server's user and system time so far, of all its processes, from /proc."""
    ticks = 0
    for each in [pid, *descendants(pid)]:
        fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def measure_sync_load(
    folder: Path,
    devices: int,
    weeks: float,
    years: float,
    database_url: str | None = None,
    spread_seconds: float = SPREAD_SECONDS,
) -> LoadFigures:
    credentials._hasher = PasswordHasher.from_parameters(CHEAPEST)  # pairing is not timed
    url = database_url or sqlite_url(folder / "clinic.sqlite3")
    engine, _found = init_database(url)
    server = ClinicProcess(url)
    try:
        add_therapist(engine, THERAPIST, PASSWORD)
        headers = paired_devices(engine, devices)
        batch = shared_history(folder / "weeks", weeks / 52).model_dump(mode="json")
        first = json.dumps(batch).encode()
        sets_each = sum(len(session["sets"]) for session in batch["sessions"])
        # A whole workout (the program's every set), each time as a session of its own.
        workout = max(batch["sessions"], key=lambda session: len(session["sets"]))

        def workouts() -> bytes:
            return json.dumps({"sessions": [_again(workout)]}).encode()

        server.start()

        start = time.perf_counter()
        burst = _posted(server.url, [(each, first) for each in headers])
        burst_seconds = time.perf_counter() - start
        workout_syncs = _workout_syncs(workout, devices, WORKOUT_SETS)
        at_once = [
            took
            for bodies in workout_syncs
            for took in _posted(server.url, list(zip(headers, bodies, strict=True)))
        ]
        whole_sessions = _posted(server.url, [(each, workouts()) for each in headers])
        single = [_posted(server.url, [(each, workouts())])[0] for each in headers]
        spread = _posted(server.url, [(each, workouts()) for each in headers], spread_seconds)

        assert server.pid is not None
        server_cpu = cpu_seconds(server.pid)
        written, seconds, app_cpu = _ten_years_first_sync(
            folder / "years", engine, server.url, years
        )
        server_cpu = cpu_seconds(server.pid) - server_cpu
        return LoadFigures(
            devices=devices,
            burst_sets=sets_each * devices,
            burst_sets_per_second=sets_each * devices / burst_seconds,
            burst_p50_ms=statistics.median(burst),
            burst_p95_ms=percentile(burst, 0.95),
            workout_syncs_p50_ms=statistics.median(at_once),
            workout_syncs_p95_ms=percentile(at_once, 0.95),
            whole_sessions_p50_ms=statistics.median(whole_sessions),
            whole_sessions_p95_ms=percentile(whole_sessions, 0.95),
            single_p50_ms=statistics.median(single),
            single_p95_ms=percentile(single, 0.95),
            spread_p50_ms=statistics.median(spread),
            spread_p95_ms=percentile(spread, 0.95),
            ten_years_sessions=written[0],
            ten_years_sets=written[1],
            ten_years_seconds=seconds,
            ten_years_sets_per_second=written[1] / seconds,
            ten_years_app_cpu_seconds=app_cpu,
            ten_years_server_cpu_seconds=server_cpu,
            server_peak_rss_mb=peak_rss_mb(server.pid),
        )
    finally:
        server.close()
        engine.dispose()


def _again(session: dict[str, Any]) -> dict[str, Any]:
    """The same workout done again: a session of its own (a new uuid), stored anew."""
    return {**session, "uuid": str(uuid.uuid4())}


def _ten_years_first_sync(
    folder: Path, engine: Engine, clinic_url: str, years: float
) -> tuple[tuple[int, int], float, float]:
    """Write `years` of history, join a new patient, time the first sync; what the clinic
    then holds of the patient (sessions, sets), the seconds it took and the app's CPU
    seconds."""
    written = write_history(folder, years=years)
    patient = add_patient(engine, THERAPIST, "Ten years", "command:bench")
    app = open_database(resolve_locations(str(folder)).database_url)
    try:
        now = lambda: datetime.now(UTC)  # noqa: E731
        sync.join(app, clinic_url, patient.pairing_code, "Laptop", now())
        start, cpu = time.perf_counter(), time.process_time()
        sync.send_pending(app, now)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        app.dispose()
    with Session(engine) as db:
        held = held_counts(db, patient.patient_id)
    assert held == (written.sessions, written.sets), (held, written)
    return held, seconds, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--weeks", type=float, default=4)
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--postgresql", action="store_true")
    options = parser.parse_args()
    with benchmark_database(options.postgresql) as (folder, url):
        figures = measure_sync_load(folder, options.devices, options.weeks, options.years, url)
    for name, value in vars(figures).items():
        print(f"{name}: {value:.1f}" if isinstance(value, float) else f"{name}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
