"""Sharing the history with a clinic: joining, sending the outbox, taking the clinic's program.

Qt-free and blocking: the app runs it in a background thread, the command line in its own
call. What is sent is what `alshome.storage.outbox` keeps waiting, as the clinic's upload
batch, made of the export's own models (`alshome.operations.exchange`), the records' uuids
and keys as the clinic's idempotency keys: a batch sent twice (a receipt lost to a cut
connection, an app killed before it removed what was sent) stores nothing twice. Rows
leave the outbox only after the clinic's receipt. While the clinic cannot be reached,
`sync` retries with exponential backoff and full jitter, and gives up for now after a
few tries; the next save or the next period tries again.

A program the clinic published is kept as an offer (`Outbox.offer`) when it is not the
program in use, for home to offer between sessions; nothing here changes the program.
One with pictures or video comes with its bundle, fetched at the same sync (the person
may be offline when they answer) and checked as a bundle file is before it is kept.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Engine

from alshome.operations.exchange import (
    AlsfrsDoc,
    CarryOverDoc,
    ProfileDoc,
    ProgramEntryDoc,
    SessionDoc,
)
from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError, UserError
from alshome.platform.network import is_loopback
from alshome.programs.bundle import BUNDLE_SUFFIX, bundle_from_bytes
from alshome.programs.transfer import CheckedProgram
from alshome.storage.outbox import Kind, Outbox, Pending, Sharing
from alshome.storage.repository import Repository

API = "/api/v1"
# Sessions per batch: a hundred sessions of forty sets is well under the clinic's body cap.
BATCH_SESSIONS = 100
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# Deleting all data tells the clinic on the way out, without keeping the person waiting.
LAST_WORD_TIMEOUT = httpx.Timeout(3.0)
JSON_BODY = {"content-type": "application/json"}


class SyncError(UserError):
    """The clinic could not be reached, or refused it."""


class NotSharing(SyncError):
    pass


@dataclass(frozen=True)
class SentCounts:
    """What one `send_pending` sent: records (each counted once) in how many batches."""

    records: int = 0
    batches: int = 0


@dataclass(frozen=True)
class Status:
    """What `share status` and the screens say: with whom, since when up to date."""

    clinic_url: str
    waiting: int
    sent_at: datetime | None
    offered: Mapping[str, Any] | None


def clinic_client(
    clinic_url: str, token: str | None = None, timeout: httpx.Timeout = TIMEOUT
) -> httpx.Client:
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    return httpx.Client(base_url=clinic_url.rstrip("/") + API, headers=headers, timeout=timeout)


def clinic_address(typed: str) -> str:
    """The clinic's address as typed, made whole: https:// when no scheme is given, and
    plain http:// refused except to this computer, since the pairing code and the token
    would cross the network readable by anyone on the way."""
    address = typed.strip()
    if "://" not in address:
        address = f"https://{address}"
    address = address.rstrip("/")
    parts = urlsplit(address)
    secure = parts.scheme == "https" or (parts.scheme == "http" and is_loopback(parts.hostname))
    if not parts.hostname or not secure:
        raise SyncError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{address} is not a secure clinic address: it must begin with https://.",
            ),
            address=typed.strip(),
        )
    return address


def join(engine: Engine, clinic_url: str, code: str, device_name: str, now: datetime) -> Sharing:
    """Pair with the clinic by its one-time code and keep the token; the whole history is
    then waiting to be sent."""
    clinic_url = clinic_address(clinic_url)
    with clinic_client(clinic_url) as client:
        response = _request(
            client, "POST", "/pair", json={"code": code.strip(), "device_name": device_name}
        )
    answer = response.json()
    outbox = Outbox(engine)
    outbox.join(clinic_url, answer["token"], answer["patient_id"], now)
    sharing = outbox.sharing()
    assert sharing is not None
    return sharing


def stop(engine: Engine, timeout: httpx.Timeout = TIMEOUT) -> bool:
    """Revoke the token at the clinic, then forget it; False when the clinic could not be
    told within `timeout` (the token is forgotten all the same, and the clinic can revoke
    it)."""
    outbox = Outbox(engine)
    sharing = outbox.sharing()
    if sharing is None:
        return True
    told = True
    try:
        with clinic_client(sharing.clinic_url, sharing.token, timeout) as client:
            _request(client, "DELETE", "/device")
    except SyncError:
        told = False
    outbox.forget()
    return told


def status(engine: Engine) -> Status | None:
    outbox = Outbox(engine)
    sharing = outbox.sharing()
    if sharing is None:
        return None
    return Status(sharing.clinic_url, outbox.waiting(), sharing.sent_at, sharing.offered)


def send_pending(
    engine: Engine,
    now: Callable[[], datetime],
    client: httpx.Client | None = None,
    batch_sessions: int = BATCH_SESSIONS,
) -> SentCounts:
    """Send everything waiting, batch after batch; raise SyncError at the first failure
    (what was acknowledged before it stays sent).

    The next batch is read and made in a thread while the clinic stores the one sent, so
    a first sync of years takes about the longer of the two sides, not their sum. A batch
    made ahead and never sent is only dropped: its rows stay in the outbox.
    """
    outbox = Outbox(engine)
    sharing = outbox.sharing()
    if sharing is None:
        raise NotSharing(QT_TRANSLATE_NOOP("Errors", "This history is not shared with a clinic."))
    repository = Repository(engine)
    own = client is None
    client = client or clinic_client(sharing.clinic_url, sharing.token)
    records = batches = 0

    def batch_after(row: int) -> tuple[Pending, bytes]:
        """The next batch's outbox rows and its body, written as JSON here too."""
        pending = outbox.pending(batch_sessions, after=row)
        body = json.dumps(
            upload_batch(repository, pending),
            ensure_ascii=False,
            separators=(",", ":"),
            allow_nan=False,
        )
        return pending, body.encode()

    try:
        with ThreadPoolExecutor(1, thread_name_prefix="alshome-sync-batch") as maker:
            pending, batch = batch_after(0)
            while pending.ids:
                following = maker.submit(batch_after, pending.ids[-1])
                _request(client, "POST", "/upload", content=batch, headers=JSON_BODY)
                outbox.acknowledge(pending.ids, now())
                records += sum(len(keys) for keys in pending.keys.values())
                batches += 1
                pending, batch = following.result()
    finally:
        if own:
            client.close()
    return SentCounts(records, batches)


def upload_batch(repository: Repository, pending: Pending) -> dict[str, Any]:
    """The clinic's upload batch of the records `pending` names, as they are now; a record
    deleted since is left out."""
    keys = pending.keys

    def ids(kind: Kind) -> list[int]:
        return [int(key) for key in keys.get(kind, ())]

    batch: dict[str, Any] = {
        "programs": [
            ProgramEntryDoc.of(record).model_dump(mode="json")
            for record in repository.programs(ids(Kind.PROGRAM))
        ]
        if Kind.PROGRAM in keys
        else [],
        "carry_over_checks": [
            CarryOverDoc.of(check).model_dump(mode="json")
            for check in repository.carry_over_checks(ids(Kind.CARRY_OVER))
        ]
        if Kind.CARRY_OVER in keys
        else [],
        "sessions": _sessions(repository, keys),
        "alsfrs": [
            AlsfrsDoc.of(entry).model_dump(mode="json")
            for entry in repository.alsfrs_entries(ids=ids(Kind.ALSFRS))
        ]
        if Kind.ALSFRS in keys
        else [],
    }
    profile = repository.profile() if Kind.PROFILE in keys else None
    if profile is not None:
        batch["profile"] = ProfileDoc.trusted(profile).model_dump(mode="json")
    return batch


def _sessions(repository: Repository, keys: dict[Kind, tuple[str, ...]]) -> list[dict[str, Any]]:
    """The sessions the batch names, each with what changed of it: whole when named whole
    (joining, a first sync), else its own row and lift checks with only the sets named
    (each set saved, and its rating, sends that set alone; a session's end sends no set)."""
    whole = set(keys.get(Kind.SESSION, ()))
    named_sets: dict[str, set[int]] = {uuid: set() for uuid in keys.get(Kind.SESSION_ROW, ())}
    for key in keys.get(Kind.SET, ()):
        uuid, _slash, position = key.rpartition("/")
        named_sets.setdefault(uuid, set()).add(int(position))
    uuids = [*whole, *(uuid for uuid in named_sets if uuid not in whole)]
    if not uuids:
        return []
    return [
        SessionDoc.of(
            session
            if session.uuid in whole
            else replace(
                session,
                sets=tuple(
                    entry for entry in session.sets if entry.position in named_sets[session.uuid]
                ),
            )
        ).model_dump(mode="json")
        for session in repository.sessions(uuids)
    ]


def take_program(engine: Engine, client: httpx.Client | None = None) -> bool:
    """Ask the clinic for its latest program; keep it as an offer if it is new and not the
    program in use. True when a new offer was kept."""
    outbox = Outbox(engine)
    sharing = outbox.sharing()
    if sharing is None:
        return False
    own = client is None
    client = client or clinic_client(sharing.clinic_url, sharing.token)
    try:
        headers = {} if sharing.program_tag is None else {"If-None-Match": sharing.program_tag}
        response = _request(client, "GET", "/program", headers=headers)
        if response.status_code != 200:
            return False
        published = response.json()
        document = published["document"]
        tag = response.headers.get("etag", "")
        in_use = Repository(engine).active_program()
        if in_use is not None and (in_use.name, in_use.version) == (
            document["name"],
            document["version"],
        ):
            outbox.offer(tag, None)
            return False
        bundle = None
        if published.get("bundle"):
            bundle = _request(client, "GET", published["bundle"]).content
            document = _checked_bundle(bundle, document).document
    finally:
        if own:
            client.close()
    outbox.offer(tag, document, bundle)
    return True


def _checked_bundle(bundle: bytes, document: Mapping[str, Any]) -> CheckedProgram:
    """The clinic's bundle checked as a bundle file is, and of the program it came with."""
    try:
        checked = bundle_from_bytes(bundle, f"{document['name']}{BUNDLE_SUFFIX}")
    except DocumentError as refused:
        raise SyncError(
            QT_TRANSLATE_NOOP("Errors", "The clinic's program cannot be used: {reason}"),
            reason=refused.message,
        ) from None
    if checked.document != document:
        raise SyncError(
            QT_TRANSLATE_NOOP(
                "Errors", "The clinic's program cannot be used: its pictures came with another."
            )
        )
    return checked


def sync(
    engine: Engine,
    now: Callable[[], datetime],
    stopped: threading.Event | None = None,
    attempts: int = 5,
    first_delay: float = 1.0,
    longest_delay: float = 300.0,
) -> SentCounts:
    """Send what waits and take the clinic's program, retrying while the clinic cannot be
    reached: after each failure wait a random time up to a doubling limit (full jitter),
    so many devices coming back online at once do not all knock together. `stopped` ends
    the waiting early (the app is closing). Raises the last SyncError after `attempts`."""
    stopped = stopped or threading.Event()
    for attempt in range(attempts):
        try:
            counts = send_pending(engine, now)
            take_program(engine)
            return counts
        except NotSharing:
            raise
        except SyncError:
            limit = min(longest_delay, first_delay * 2**attempt)
            if attempt == attempts - 1 or stopped.wait(random.uniform(0, limit)):
                raise
    raise AssertionError("unreachable")


def _request(client: httpx.Client, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """One request; any failure to reach the clinic or refusal becomes a SyncError."""
    try:
        response = client.request(method, path, **kwargs)
    except httpx.HTTPError as error:
        raise SyncError(
            QT_TRANSLATE_NOOP("Errors", "The clinic could not be reached ({reason})."),
            reason=type(error).__name__,
        ) from None
    if response.status_code >= 400:
        raise SyncError(
            QT_TRANSLATE_NOOP("Errors", "The clinic refused it ({code}: {reason})."),
            code=response.status_code,
            reason=_refusal(response),
        )
    return response


def _refusal(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except ValueError:
        detail = None
    return detail if isinstance(detail, str) else response.reason_phrase
