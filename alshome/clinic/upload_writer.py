"""The uploads of many devices stored together: one writer thread, one transaction a group.

A device's upload is mostly fixed costs: a connection from the pool, the token looked up,
half a dozen statements, the audit row, a commit. When two hundred devices upload in the
same instant, doing that two hundred times over is what keeps the last one waiting. So
each server process has one `UploadWriter`: the request hands it the token and the body
and awaits the receipt; the writer takes every upload waiting (up to `GROUP_BYTES` of
bodies) and, in one transaction, looks their tokens up in one query, checks each body,
stores all the batches with one statement per kind of record (`store_batches`), marks
the devices seen and writes each upload's audit row. A group commit, as databases do
with their own log.

Nothing is lost or mixed up by it:

- a receipt is given only once the group's transaction has committed;
- a token that is wrong or revoked, or a body that fails its check, gets its own answer
  (401, 422) and stores nothing; the rest of the group goes on without it;
- two uploads of one patient (two devices at once) are stored one group after the other;
- if a group's transaction fails (two server processes storing the same patient at the
  same moment can deadlock, and the database then ends one of them), each of its uploads
  is stored again alone, so one upload's failure is only its own.

On SQLite, whose one writer at a time would make uploads wait on each other's locks
until the busy timeout, the one writer thread is also what makes uploads take turns.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field

from fastapi import HTTPException, status
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from alshome.clinic import credentials
from alshome.clinic.accounts import DeviceIdentity
from alshome.clinic.audit import record_each
from alshome.clinic.models import Device, utc_now
from alshome.clinic.storing import store_batches
from alshome.clinic.wire import UploadBatch, UploadReceipt
from alshome.programs.document import ESCAPED_NUL

# Bodies taken into one group, at most (a group has at least one, up to the body cap):
# two hundred sessions of forty sets, or two batches of a first sync.
GROUP_BYTES = 4 * 1024 * 1024
# In a burst (an upload that found others waiting), how long the writer waits for one
# more before it stores the group it has: while uploads keep coming, read from the
# network one after another, the group grows, and its fixed costs (the transaction, a
# statement a kind of record) are shared by more. An upload that came alone never waits.
LINGER_SECONDS = 0.005

log = logging.getLogger(__name__)


def unauthorized() -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        "A paired device's token is needed.",
        headers={"WWW-Authenticate": "Bearer"},
    )


@dataclass
class _Upload:
    token: str
    body: bytes
    receipt: Future[UploadReceipt] = field(default_factory=Future)


@dataclass
class _Checked:
    upload: _Upload
    identity: DeviceIdentity
    batch: UploadBatch


class UploadWriter:
    """Stores the uploads handed to it (`submit`) in groups, on a thread of its own,
    started with the first upload and ended by `close`."""

    def __init__(
        self, engine: Engine, group_bytes: int = GROUP_BYTES, linger: float = LINGER_SECONDS
    ) -> None:
        self.engine = engine
        self.group_bytes = group_bytes
        self.linger = linger
        self._waiting: queue.SimpleQueue[_Upload | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start = threading.Lock()

    def submit(self, token: str, body: bytes) -> Future[UploadReceipt]:
        """The upload's receipt, once stored; or its refusal (HTTPException 401 or 422,
        RequestValidationError) or the database's error."""
        with self._start:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="alshome-clinic-uploads", daemon=True
                )
                self._thread.start()
        upload = _Upload(token, body)
        self._waiting.put(upload)
        return upload.receipt

    def close(self) -> None:
        """Store what is waiting, then end the thread."""
        with self._start:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._waiting.put(None)
            thread.join()

    def _run(self) -> None:
        while (first := self._waiting.get()) is not None:
            group, size = [first], len(first.body)
            # An upload that came alone is stored at once; one that found others waiting
            # is in a burst, and waits a little for the rest of it.
            linger = self.linger if not self._waiting.empty() else 0.0
            closing = False
            while size < self.group_bytes:
                try:
                    upload = (
                        self._waiting.get(timeout=linger) if linger else self._waiting.get_nowait()
                    )
                except queue.Empty:
                    break
                if upload is None:
                    closing = True
                    break
                group.append(upload)
                size += len(upload.body)
            self._store(group)
            if closing:
                return

    def _store(self, group: Sequence[_Upload]) -> None:
        """Store the group in one transaction, or, if that fails, each upload alone."""
        try:
            answers = self._store_together(group)
        except Exception as error:
            if len(group) > 1:
                log.warning("A group of %d uploads is stored one by one: %s", len(group), error)
                for upload in group:
                    self._store([upload])
                return
            log.exception("An upload could not be stored")
            group[0].receipt.set_exception(error)
            return
        for upload, answer in answers:
            if isinstance(answer, UploadReceipt):
                upload.receipt.set_result(answer)
            else:
                upload.receipt.set_exception(answer)

    def _store_together(
        self, group: Sequence[_Upload]
    ) -> list[tuple[_Upload, UploadReceipt | Exception]]:
        """Each upload's answer, all stored in one transaction (committed on return)."""
        answers: list[tuple[_Upload, UploadReceipt | Exception]] = []
        with Session(self.engine) as db, db.begin():
            devices = _devices(db, [upload.token for upload in group])
            checked: list[_Checked] = []
            for upload in group:
                identity = devices.get(upload.token)
                if identity is None:
                    answers.append((upload, unauthorized()))
                    continue
                try:
                    checked.append(_Checked(upload, identity, checked_batch(upload.body)))
                except (HTTPException, RequestValidationError) as refused:
                    answers.append((upload, refused))
            while checked:
                # Each patient once a round: their second upload follows their first.
                round_, patients, later = [], set(), []
                for entry in checked:
                    fits = entry.identity.patient_id not in patients
                    (round_ if fits else later).append(entry)
                    patients.add(entry.identity.patient_id)
                answers.extend(_stored(db, round_))
                checked = later
        return answers


def _devices(db: Session, tokens: Sequence[str]) -> dict[str, DeviceIdentity]:
    """The devices the tokens belong to, by token, unless revoked: one query (on the
    table itself, which costs less than through the ORM)."""
    hashes = {credentials.token_hash(token): token for token in set(tokens)}
    devices = Device.__table__
    rows = db.execute(
        select(devices.c.id, devices.c.patient_id, devices.c.token_hash).where(
            devices.c.token_hash.in_(hashes), devices.c.revoked_at.is_(None)
        )
    )
    return {hashes[row.token_hash]: DeviceIdentity(row.id, row.patient_id) for row in rows}


def _stored(db: Session, checked: Sequence[_Checked]) -> list[tuple[_Upload, UploadReceipt]]:
    """Store the batches (each patient once), mark their devices seen and write each
    upload's audit row, all in `db`'s transaction."""
    receipts = store_batches(db, [(entry.identity.patient_id, entry.batch) for entry in checked])
    now = utc_now()
    devices = Device.__table__
    db.execute(
        update(devices)
        .where(devices.c.id.in_([entry.identity.device_id for entry in checked]))
        .values(last_seen_at=now)
    )
    record_each(
        db,
        (
            (entry.identity.actor, entry.identity.patient_id, "change", _what(receipt))
            for entry, receipt in zip(checked, receipts, strict=True)
        ),
    )
    return [(entry.upload, receipt) for entry, receipt in zip(checked, receipts, strict=True)]


def checked_batch(body: bytes) -> UploadBatch:
    """The batch, checked as an import checks a file: JSON as text, with no NUL character
    (PostgreSQL keeps none, so such a record could be kept on SQLite only), by the export's
    models. A refusal is a 422 that names where and why, without the values sent."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise _unprocessable("the body is not UTF-8 text") from None
    # The plain search first: the pattern's own, for escaped backslashes, is slow on the
    # megabytes of a first sync.
    if "\\u0000" in text and ESCAPED_NUL.search(text):
        raise _unprocessable("the body holds a NUL character, which no alshome record does")
    try:
        return UploadBatch.model_validate_json(text)
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_input=False, include_url=False)) from None


def _unprocessable(reason: str) -> HTTPException:
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"Not stored: {reason}.")


def _what(receipt: UploadReceipt) -> str:
    """The audit's words for an upload: what was stored, counted."""
    counts = receipt.model_dump(exclude={"completed"})
    stored = ", ".join(f"{kind} {count['stored']}" for kind, count in counts.items())
    return f"upload stored: {stored}; completed {receipt.completed}"
