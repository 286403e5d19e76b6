"""The clinic's web API, for the patients' apps: pair, upload, take the published program.

`create_app` builds it on a clinic database. Every route but pairing needs a device's
token (`Authorization: Bearer ...`); the patient it reads or writes is the token's, and
each read or change is in the audit, in the same transaction. Two guards stand before
every route:

- plain HTTP is refused unless the client is on the loopback address: the server's own
  TLS (`serve --certfile --keyfile`) or a reverse proxy on the same machine that passes
  `X-Forwarded-Proto: https` (uvicorn trusts that header from 127.0.0.1 only) is the way
  in from anywhere else;
- a request body is capped (MAX_BODY_BYTES), by its declared length and by what arrives;

and every answer is marked not to be cached anywhere.

The database work runs in the thread pool, each request on its own connection, but for
uploads: their bodies are read on the event loop and stored by the process's one
`UploadWriter`, many in one transaction. The therapists' dashboard (`dashboard`) is
served by the same app, on the same guards.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import re
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from datetime import UTC, timedelta
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request, Response, status
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect
from starlette.routing import Route

from alshome import __version__
from alshome.clinic.accounts import DeviceIdentity, device_of, pair
from alshome.clinic.audit import record_access
from alshome.clinic.dashboard import add_dashboard
from alshome.clinic.errors import PairingRefused
from alshome.clinic.logins import IDLE_TIMEOUT
from alshome.clinic.models import Device, PublishedProgram, utc_now
from alshome.clinic.publishing import latest_published, published_bundle
from alshome.clinic.records import held_counts
from alshome.clinic.schema import DATABASE_URL_VARIABLE, open_clinic
from alshome.clinic.server_log import RefusalLog
from alshome.clinic.upload_writer import UploadWriter, unauthorized
from alshome.clinic.wire import (
    HeldSummary,
    PairRequest,
    PairResponse,
    PublishedProgramResponse,
)
from alshome.platform.network import is_loopback
from alshome.platform.processes import end_with_parent
from alshome.programs.bundle import MAX_BUNDLE_BYTES

MAX_BODY_BYTES = 8 * 1024 * 1024
API = "/api/v1"
PROGRAM_UPLOAD = re.compile(r"/patients/[^/]+/program")  # the dashboard's upload form
FORM_ROOM = 1024 * 1024  # the form's other fields and multipart framing around a bundle
BUNDLE_TYPE = "application/zip"  # a program bundle, as `alshome.programs.bundle` writes it

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def create_app(
    database_url: str | None = None,
    *,
    engine: Engine | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    idle_timeout: timedelta = IDLE_TIMEOUT,
    freeze_at_start: bool = False,
) -> FastAPI:
    """The clinic's app on the database at `database_url` (or on `engine`, kept open):
    the API for the patients' apps and the therapists' dashboard (`dashboard`), whose
    sessions end after `idle_timeout` without a request.

    `freeze_at_start`, for a process that serves this app and nothing else (`clinic
    serve`): what the process holds when the app starts (modules, routes, templates, the
    models' schemas) lives as long as it does, so it is frozen out of the garbage
    collector's sight, and a full collection during a burst of uploads walks the
    requests' objects only, not all of these again (100 ms at a time, every request
    waiting). Not for a process that makes apps and drops them, as tests do: what is
    frozen is never freed."""
    if engine is None:
        if database_url is None:
            raise ValueError("create_app needs a database URL or an engine")
        engine = open_clinic(database_url)
        owned = True
    else:
        owned = False

    writer = UploadWriter(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if freeze_at_start:
            gc.freeze()
        yield
        await run_in_threadpool(writer.close)
        if owned:
            engine.dispose()

    app = FastAPI(
        title="alshome clinic",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.engine = engine
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    app.add_middleware(SecureTransport)
    app.add_middleware(PrivateResponses)
    app.add_middleware(RefusalLog)
    _add_device_routes(app, engine, writer)
    add_dashboard(app, engine, idle_timeout)
    return app


def app_from_environment() -> FastAPI:
    """The app on the database that ALSHOME_CLINIC_DATABASE_URL names: what each worker
    process of `alshome clinic serve --workers N` builds, as uvicorn imports it by name in
    a fresh interpreter. A worker ends with the supervisor that started it, even one that
    was killed outright."""
    supervisor = multiprocessing.parent_process()
    if supervisor is not None and supervisor.pid is not None:
        end_with_parent(supervisor.pid)
    return create_app(os.environ[DATABASE_URL_VARIABLE], freeze_at_start=True)


_bearer = HTTPBearer(auto_error=False)


def authenticated_device(
    request: Request,
    given: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> DeviceIdentity:
    """The device the request's token belongs to; 401 for none, a wrong or revoked one."""
    identity = None
    if given is not None:
        with Session(request.app.state.engine) as db:
            identity = device_of(db, given.credentials)
    if identity is None:
        raise unauthorized()
    return identity


AuthenticatedDevice = Annotated[DeviceIdentity, Depends(authenticated_device)]


def _add_device_routes(app: FastAPI, engine: Engine, writer: UploadWriter) -> None:

    @app.post(f"{API}/pair", response_model=PairResponse)
    def pair_device(request: PairRequest) -> PairResponse:
        """Trade a one-time pairing code for the device's token, shown only this once."""
        try:
            pairing = pair(engine, request.code, request.device_name)
        except PairingRefused as refused:
            raise HTTPException(status.HTTP_403_FORBIDDEN, str(refused)) from None
        return PairResponse(token=pairing.token, patient_id=pairing.patient_id)

    async def upload(request: Request) -> Response:
        """Store the batch for the token's patient; a record held already is a no-op.

        The body is read here, as it arrives (and capped); the writer checks the token
        and the batch and stores it with the others waiting (`upload_writer`), and the
        receipt (`UploadReceipt`) is the answer. A request with no token at all is refused
        before its body is read. An app whose connection was cut before the whole body
        came stored nothing and hears nothing: no error in the server's log for what the
        network did (it sends the batch again).

        The busiest route, so a plain Starlette route: FastAPI's dependency solving and
        its check of the answer against a response model took a fifth of the server's
        time under a burst of uploads. Its refusals are raised as the others' are, and
        answered by the same handlers.
        """
        scheme, _space, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise unauthorized()
        try:
            body = await request.body()
        except ClientDisconnect:
            return Response(status_code=status.HTTP_400_BAD_REQUEST)
        receipt = await asyncio.wrap_future(writer.submit(token, body))
        return Response(receipt.model_dump_json(), media_type="application/json")

    app.router.routes.append(Route(f"{API}/upload", upload, methods=["POST"]))

    @app.get(
        f"{API}/program",
        response_model=PublishedProgramResponse,
        responses={
            204: {"description": "No program was published to this patient."},
            304: {"description": "The program named by If-None-Match is still the last."},
        },
    )
    def published_program(request: Request, identity: AuthenticatedDevice) -> Any:
        """The program published to the token's patient last, for the app to offer.

        Its ETag names it, so an app polling with If-None-Match gets 304 until another is
        published.
        """
        with Session(engine) as db, db.begin():
            program = latest_published(db, identity.patient_id)
            record_access(db, identity.actor, identity.patient_id, "read", "published program")
            if program is None:
                return Response(status_code=status.HTTP_204_NO_CONTENT)
            tag = f'"{program.id}"'
            if request.headers.get("if-none-match") == tag:
                return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers={"ETag": tag})
            with_media = db.scalar(
                select(PublishedProgram.id).where(
                    PublishedProgram.id == program.id, PublishedProgram.bundle.is_not(None)
                )
            )
            body = PublishedProgramResponse(
                name=program.name,
                version=program.version,
                published_at=program.published_at.replace(tzinfo=UTC).isoformat(),
                document=program.document,
                bundle=None if with_media is None else f"/program/{program.id}/bundle",
            )
            return JSONResponse(body.model_dump(mode="json"), headers={"ETag": tag})

    @app.get(
        f"{API}/program/{{program_id}}/bundle",
        response_class=Response,
        responses={200: {"content": {BUNDLE_TYPE: {}}}, 404: {"description": "No such bundle."}},
    )
    def program_bundle(program_id: int, identity: AuthenticatedDevice) -> Response:
        """A published program's pictures and video with it, as one bundle: only a program
        published to the token's patient; anything else is the same 404."""
        with Session(engine) as db, db.begin():
            bundle = published_bundle(db, identity.patient_id, program_id)
            if bundle is None:
                raise HTTPException(status.HTTP_404_NOT_FOUND, "There is no such program.")
            record_access(db, identity.actor, identity.patient_id, "read", "program bundle")
        return Response(bundle, media_type=BUNDLE_TYPE)

    @app.get(f"{API}/device", response_model=HeldSummary)
    def held(identity: AuthenticatedDevice) -> HeldSummary:
        """What the clinic holds of the token's patient, and this device's last upload."""
        with Session(engine) as db, db.begin():
            sessions, sets = held_counts(db, identity.patient_id)
            last = db.scalar(select(Device.last_seen_at).where(Device.id == identity.device_id))
            record_access(db, identity.actor, identity.patient_id, "read", "counts held")
        return HeldSummary(
            patient_id=identity.patient_id,
            device_id=identity.device_id,
            sessions=sessions,
            sets=sets,
            last_upload=None if last is None else last.replace(tzinfo=UTC).isoformat(),
        )

    @app.delete(f"{API}/device", status_code=status.HTTP_204_NO_CONTENT)
    def stop_sharing(identity: AuthenticatedDevice) -> None:
        """The device gives up its token: the app stopped sharing."""
        with Session(engine) as db, db.begin():
            db.execute(
                update(Device).where(Device.id == identity.device_id).values(revoked_at=utc_now())
            )
            record_access(db, identity.actor, identity.patient_id, "change", "stopped sharing")


# ----- the guards: pure ASGI, so they see the body as it arrives ---------------------------


async def _refuse(scope: Scope, receive: Receive, send: Send, code: int, detail: str) -> None:
    await JSONResponse({"detail": detail}, status_code=code)(scope, receive, send)


class SecureTransport:
    """Plain HTTP only from the loopback address; anyone else must come over TLS."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("scheme") != "https":
            client = scope.get("client")
            if not is_loopback(client[0] if client else None):
                await _refuse(
                    scope, receive, send, 403, "This clinic server is reached over HTTPS only."
                )
                return
        await self.app(scope, receive, send)


class PrivateResponses:
    """Every answer may hold health data: no cache, a proxy's included, keeps a copy, and
    a browser takes it only as the type it says it is."""

    HEADERS = ((b"cache-control", b"no-store"), (b"x-content-type-options", b"nosniff"))

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *self.HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """Refuse a body over `limit` bytes: by its Content-Length, or once more has arrived.

    Only the dashboard's program upload may carry a whole bundle (its own cap, with room
    for the form around it): a therapist's filmed exercise is tens of megabytes.
    Refusing while the body arrives raises HTTPException(413) from `receive`, which
    FastAPI passes on as it is, as the request's response.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.default = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.default
        if scope["method"] == "POST" and PROGRAM_UPLOAD.fullmatch(scope["path"]):
            limit = max(limit, MAX_BUNDLE_BYTES + FORM_ROOM)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _refuse(
                scope, receive, send, 413, f"A request body may hold {limit} bytes at most."
            )
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, f"A request body may hold {limit} bytes at most.")
            return message

        await self.app(scope, counted, send)
