"""The therapist's dashboard: server-rendered pages on the clinic server, behind a login.

Pages (Jinja2 templates in `templates/`, one stylesheet in `static/`; no script):
the patients, those needing attention first; one patient's charts, flags, sessions and
program; publishing a program; adding a patient and pairing or revoking their devices.
Two downloads of a patient's history: the app's clinic report as a PDF (drawn in a child
process, `reports`) and the FHIR bundle of `alshome clinic export-patient --format fhir`.

Every page but the login needs a dashboard session (`logins`): its cookie is HttpOnly,
SameSite=Strict, and Secure whenever the request came over TLS; the session is kept
hashed in the clinic database and ends after `idle_timeout` without a request, or at
logout. Every POST carries the session's CSRF token in its form (the login form a token
of its own, in a cookie of its own); one missing or wrong is refused with 403 before
anything is read or changed. A patient is found only among the therapist's own
(`accounts.therapists_patient`): another therapist's patient is the same 404 as one that
does not exist. Every read of a patient's data is in the audit, in the transaction that
reads it.
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path, PurePath
from typing import Annotated, Any

import segno
from fastapi import Depends, FastAPI, HTTPException, Request, status
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from alshome.clinic import charts, reports
from alshome.clinic.accounts import (
    add_patient,
    check_therapist,
    new_pairing_code,
    therapists_patient,
    therapists_patients,
)
from alshome.clinic.attention_settings import clinic_thresholds
from alshome.clinic.audit import record_access, record_accesses
from alshome.clinic.errors import ClinicError
from alshome.clinic.figures import ClinicRecords, flag_window, overview, patient_trends
from alshome.clinic.logins import (
    IDLE_TIMEOUT,
    Login,
    LoginLimiter,
    end_session,
    session_of,
    start_session,
)
from alshome.clinic.models import Device, Patient, PublishedProgram, utc_now
from alshome.clinic.publishing import latest_published, publish
from alshome.clinic.records import export_text, patient_export
from alshome.clinic.roster import overviews
from alshome.domain.alsfrs import Domain, slope
from alshome.domain.attention import Flag, Source
from alshome.domain.program import ExerciseKind
from alshome.domain.session import SessionStatus
from alshome.domain.trends import SessionSummary, Span, Trends, monday_of
from alshome.operations.attention_words import DOMAINS, SYMPTOMS, number, sentence
from alshome.operations.exchange import ExportDoc
from alshome.operations.reports import default_range, report_file_name, report_range
from alshome.platform.errors import DocumentError

ENDURANCE = ExerciseKind.ENDURANCE
FHIR_JSON = "application/fhir+json"
SESSION_COOKIE = "alshome_session"
LOGIN_COOKIE = "alshome_login"
HERE = Path(__file__).parent
SORTS = {
    "attention": lambda row: (row.attention.sort_key, row.name.casefold()),
    "name": lambda row: row.name.casefold(),
    "last_session": lambda row: (
        row.last_session is None,
        -row.last_session.timestamp() if row.last_session else 0,
    ),
    "week": lambda row: (-row.behind, row.name.casefold()),
}
SPAN_NAMES = {
    Span.FOUR_WEEKS: "Four weeks",
    Span.THREE_MONTHS: "Three months",
    Span.YEAR: "A year",
    Span.ALL: "Everything",
}
STATUS_NAMES = {
    SessionStatus.COMPLETED: "Completed",
    SessionStatus.STOPPED_TIRED: "Stopped: too tired",
    SessionStatus.STOPPED_SYMPTOM: "Stopped for a symptom",
    SessionStatus.INTERRUPTED: "Interrupted",
    SessionStatus.IN_PROGRESS: "In progress",
}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals.update(
    short_day=charts.short_day,
    symptom_name=lambda symptom: SYMPTOMS[symptom],
    domain_name=lambda domain: DOMAINS[domain],
    sentence=sentence,
    domains=list(Domain),
    status_name=lambda status: STATUS_NAMES[status],
    amounts=lambda values: _amounts(values),
)
templates.env.filters["svg"] = charts.svg


class LoginNeeded(Exception):
    """No live dashboard session: the browser is sent to the login page."""


def logged_in(request: Request) -> Login:
    """The request's dashboard session; LoginNeeded (to the login page) for none."""
    secret = request.cookies.get(SESSION_COOKIE)
    state = request.app.state
    login = None if secret is None else session_of(state.engine, secret, state.idle_timeout)
    if login is None:
        raise LoginNeeded
    return login


LoggedIn = Annotated[Login, Depends(logged_in)]


async def checked_form(request: Request, login: LoggedIn) -> FormData:
    """The POSTed form, once its CSRF token is the session's; 403 before anything else."""
    form = await request.form()
    token = form.get("csrf_token")
    if not login.csrf_matches(token if isinstance(token, str) else None):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "The form's security token is wrong.")
    return form


CheckedForm = Annotated[FormData, Depends(checked_form)]


def today() -> date:
    """The clinic's day: weeks and flags are counted up to it."""
    return date.today()


def now() -> datetime:
    """The clinic's moment, with its offset: when a download of a history was made."""
    return datetime.now().astimezone()


def add_dashboard(
    app: FastAPI,
    engine: Engine,
    idle_timeout: timedelta = IDLE_TIMEOUT,
) -> None:
    """The dashboard's routes, on the clinic's app and its database."""
    limiter = LoginLimiter(engine)
    app.state.idle_timeout = idle_timeout
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.exception_handler(LoginNeeded)
    async def to_login(_request: Request, _exc: LoginNeeded) -> Response:
        response = RedirectResponse("/login", status.HTTP_303_SEE_OTHER)
        response.delete_cookie(SESSION_COOKIE)
        return response

    def page(
        request: Request, template: str, status_code: int = 200, **context: Any
    ) -> HTMLResponse:
        response = templates.TemplateResponse(request, template, context, status_code=status_code)
        response.headers.update(SECURITY_HEADERS)
        return response

    def patient_of(db: Session, login: Login, patient_id: str) -> Patient:
        try:
            return therapists_patient(db, login.therapist_id, patient_id)
        except ClinicError:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "There is no such patient.") from None

    @app.exception_handler(HTTPException)
    async def error_page(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return await http_exception_handler(request, exc)
        return page(request, "error.html", exc.status_code, message=exc.detail, login=None)

    # ----- logging in and out -------------------------------------------------------------

    def login_page(
        request: Request, status_code: int = 200, error: str | None = None, email: str = ""
    ) -> Response:
        token = secrets.token_urlsafe(32)
        response = page(
            request,
            "login.html",
            status_code,
            login=None,
            csrf_token=token,
            error=error,
            email=email,
        )
        _set_cookie(request, response, LOGIN_COOKIE, token)
        return response

    @app.get("/login", response_class=HTMLResponse)
    def show_login(request: Request) -> Response:
        return login_page(request)

    @app.post("/login", response_class=HTMLResponse)
    async def log_in(request: Request) -> Response:
        form = await request.form()
        token, expected = form.get("csrf_token"), request.cookies.get(LOGIN_COOKIE)
        if not (isinstance(token, str) and expected and secrets.compare_digest(token, expected)):
            raise HTTPException(status.HTTP_403_FORBIDDEN, "The form's security token is wrong.")
        email = str(form.get("email", "")).strip().lower()
        password = str(form.get("password", ""))
        client = request.client.host if request.client else "unknown"
        keys = (f"email:{email}", f"client:{client}")
        if await run_in_threadpool(limiter.blocked, *keys):
            return login_page(
                request,
                status.HTTP_429_TOO_MANY_REQUESTS,
                "Too many wrong passwords; wait 15 minutes and try again.",
                email,
            )
        # Argon2id takes most of a second: off the event loop, as every database call is.
        therapist_id = await run_in_threadpool(check_therapist, engine, email, password)
        if therapist_id is None:
            await run_in_threadpool(limiter.failed, *keys)
            return login_page(
                request,
                status.HTTP_401_UNAUTHORIZED,
                "This e-mail address and password do not match.",
                email,
            )
        # The address's count; the client's keeps its failures.
        await run_in_threadpool(limiter.succeeded, keys[0])
        response = RedirectResponse("/patients", status.HTTP_303_SEE_OTHER)
        secret = await run_in_threadpool(start_session, engine, therapist_id)
        _set_cookie(request, response, SESSION_COOKIE, secret)
        response.delete_cookie(LOGIN_COOKIE)
        return response

    @app.post("/logout")
    def log_out(login: LoggedIn, _form: CheckedForm) -> Response:
        end_session(engine, login.session_id)
        response = RedirectResponse("/login", status.HTTP_303_SEE_OTHER)
        response.delete_cookie(SESSION_COOKIE)
        return response

    @app.get("/")
    def home() -> Response:
        return RedirectResponse("/patients", status.HTTP_303_SEE_OTHER)

    # ----- the patients ---------------------------------------------------------------------

    @app.get("/patients", response_class=HTMLResponse)
    def patients(
        request: Request, login: LoggedIn, q: str = "", sort: str = "attention"
    ) -> Response:
        sort = sort if sort in SORTS else "attention"
        day = today()
        with Session(engine, expire_on_commit=False) as db, db.begin():
            found = [
                patient
                for patient in therapists_patients(db, login.therapist_id)
                if q.strip().casefold() in patient.name.casefold()
            ]
            rows = overviews(db, found, day, clinic_thresholds(db))
            record_accesses(
                db, login.actor, [patient.id for patient in found], "read", "the patients page"
            )
        rows.sort(key=SORTS[sort])
        return page(request, "patients.html", login=login, rows=rows, q=q, sort=sort)

    @app.get("/patients/{patient_id}", response_class=HTMLResponse)
    def patient_page(
        request: Request, login: LoggedIn, patient_id: str, span: Span = Span.THREE_MONTHS
    ) -> Response:
        day = today()
        with Session(engine, expire_on_commit=False) as db, db.begin():
            patient = patient_of(db, login, patient_id)
            thresholds = clinic_thresholds(db)
            first = span.first_day(day)
            # The sessions shown, and those the flags read: never ten years for three months.
            since = None if first is None else min(first, flag_window(day, thresholds))
            records = ClinicRecords(db, patient.id, since=since)
            figures = patient_trends(records, first, day)
            summaries = records.session_summaries()
            row = overview(records, patient.id, patient.name, day, thresholds)
            entries = records.alsfrs_entries()
            published = latest_published(db, patient.id)
            record_access(db, login.actor, patient.id, "read", "the patient's page")
        return page(
            request,
            "patient.html",
            login=login,
            patient=patient,
            row=row,
            span=span,
            spans=SPAN_NAMES,
            figures=figures,
            charts=_patient_charts(figures, span.first_day(day), day),
            alsfrs=entries,
            slope=slope(entries),
            programs=records.programs(),
            active=records.active_program(),
            published=published,
            evidence=lambda flag: _evidence_links(flag, patient.id, summaries),
        )

    @app.get("/patients/{patient_id}/sessions/{uuid}", response_class=HTMLResponse)
    def session_page(request: Request, login: LoggedIn, patient_id: str, uuid: str) -> Response:
        with Session(engine, expire_on_commit=False) as db, db.begin():
            patient = patient_of(db, login, patient_id)
            records = ClinicRecords(db, patient.id)
            summary = records.session_summary(uuid)
            if summary is None:
                raise HTTPException(status.HTTP_404_NOT_FOUND, "There is no such session.")
            sets = records.session_sets(uuid)
            lift_checks = records.session_lift_checks(uuid)
            record_access(db, login.actor, patient.id, "read", "a session's sets")
        return page(
            request,
            "session.html",
            login=login,
            patient=patient,
            session=summary,
            sets=sets,
            lift_checks=lift_checks,
        )

    @app.get("/patients/{patient_id}/report.pdf")
    def report(login: LoggedIn, patient_id: str, span: Span | None = None) -> Response:
        """The app's clinic report of the period shown (a year without one), drawn in a
        child process (`reports`): seconds of work, which FastAPI runs in its threadpool."""
        day = today()
        first = _report_start(span, day)
        with Session(engine, expire_on_commit=False) as db, db.begin():
            patient = patient_of(db, login, patient_id)
            thresholds = clinic_thresholds(db)
            # The sets of the report's days and of those its flags read; no older ones.
            sets_from = None if first is None else min(first, flag_window(day, thresholds))
            document = patient_export(db, patient.id, now(), sets_from)
            # The target and the program's day the patient's page counts with.
            records = ClinicRecords(db, patient.id)
            target, in_use = records.counted_target, records.program_in_use()
            record_access(db, login.actor, patient.id, "read", "the clinic report")
        first, last = report_range(first or _first_day(document), day, day)
        given = None if in_use is None else in_use.since
        try:
            pdf = reports.report_pdf(
                document.canonical_text(), first, last, day, target, given, thresholds
            )
        except reports.ReportFailed as failed:
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(failed)) from None
        return _download(pdf, "application/pdf", report_file_name(first, last))

    @app.get("/patients/{patient_id}/fhir.json")
    def fhir_download(login: LoggedIn, patient_id: str) -> Response:
        """The patient's history as the FHIR R4 bundle `alshome clinic export-patient
        --format fhir` writes, for the clinic's record system."""
        with Session(engine, expire_on_commit=False) as db, db.begin():
            patient = patient_of(db, login, patient_id)
            document = patient_export(db, patient.id, now())
            record_access(db, login.actor, patient.id, "read", "exported the history as FHIR")
        text = export_text(document, patient.id, "fhir")
        return _download(
            text.encode("utf-8"), FHIR_JSON, f"alshome-{patient.id}-{today().isoformat()}.fhir.json"
        )

    # ----- programs -----------------------------------------------------------------------

    def program_page(
        request: Request, login: Login, patient_id: str, status_code: int = 200, **context: Any
    ) -> Response:
        with Session(engine, expire_on_commit=False) as db, db.begin():
            patient = patient_of(db, login, patient_id)
            published = list(
                db.scalars(
                    select(PublishedProgram)
                    .where(PublishedProgram.patient_id == patient.id)
                    .order_by(PublishedProgram.published_at.desc(), PublishedProgram.id.desc())
                )
            )
            active = ClinicRecords(db, patient.id).active_program()
            record_access(db, login.actor, patient.id, "read", "the program page")
        return page(
            request,
            "program.html",
            status_code,
            login=login,
            patient=patient,
            published=published,
            active=active,
            **context,
        )

    @app.get("/patients/{patient_id}/program", response_class=HTMLResponse)
    def show_program(request: Request, login: LoggedIn, patient_id: str) -> Response:
        return program_page(request, login, patient_id)

    @app.post("/patients/{patient_id}/program", response_class=HTMLResponse)
    def publish_program(
        request: Request, login: LoggedIn, form: CheckedForm, patient_id: str
    ) -> Response:
        with Session(engine) as db:
            patient_of(db, login, patient_id)
        upload = form.get("program")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return program_page(
                request, login, patient_id, 422, error="Choose a program file or bundle to publish."
            )
        try:
            checked = _checked_upload(upload)
            published = publish(engine, patient_id, checked, login.actor)
        except DocumentError as refused:
            return program_page(request, login, patient_id, 422, error=str(refused))
        name = f"{checked.program.name}, version {checked.program.version}"
        notice = (
            f"Published {name}; the app offers it at its next sync."
            if published
            else f"{name} was published already."
        )
        return program_page(request, login, patient_id, notice=notice)

    # ----- pairing --------------------------------------------------------------------------

    def pairing_page(
        request: Request,
        login: Login,
        patient_id: str,
        status_code: int = 200,
        code: str | None = None,
        notice: str | None = None,
    ) -> Response:
        with Session(engine, expire_on_commit=False) as db, db.begin():
            patient = patient_of(db, login, patient_id)
            devices = list(
                db.scalars(
                    select(Device).where(Device.patient_id == patient.id).order_by(Device.id)
                )
            )
            record_access(db, login.actor, patient.id, "read", "listed the devices")
        address = str(request.base_url).rstrip("/")
        qr = None if code is None else segno.make(f"{address} {code}", error="m")
        return page(
            request,
            "pairing.html",
            status_code,
            login=login,
            patient=patient,
            devices=devices,
            code=code,
            address=address,
            notice=notice,
            qr=None if qr is None else qr.svg_data_uri(scale=6, border=4),
        )

    @app.get("/pairing", response_class=HTMLResponse)
    def show_add_patient(request: Request, login: LoggedIn) -> Response:
        return page(request, "add_patient.html", login=login, error=None, name="")

    @app.post("/pairing", response_class=HTMLResponse)
    def new_patient(request: Request, login: LoggedIn, form: CheckedForm) -> Response:
        name = str(form.get("name", "")).strip()
        try:
            added = add_patient(engine, login.email, name, login.actor)
        except ClinicError as refused:
            return page(
                request, "add_patient.html", 422, login=login, error=str(refused), name=name
            )
        return pairing_page(
            request, login, added.patient_id, code=added.pairing_code, notice=f"{name} was added."
        )

    @app.get("/patients/{patient_id}/pairing", response_class=HTMLResponse)
    def show_pairing(request: Request, login: LoggedIn, patient_id: str) -> Response:
        return pairing_page(request, login, patient_id)

    @app.post("/patients/{patient_id}/pairing", response_class=HTMLResponse)
    def new_code(
        request: Request, login: LoggedIn, _form: CheckedForm, patient_id: str
    ) -> Response:
        with Session(engine) as db:
            patient_of(db, login, patient_id)
        code = new_pairing_code(engine, patient_id, login.actor)
        return pairing_page(request, login, patient_id, code=code)

    @app.post("/patients/{patient_id}/devices/{device_id}/revoke", response_class=HTMLResponse)
    def revoke(
        request: Request, login: LoggedIn, _form: CheckedForm, patient_id: str, device_id: int
    ) -> Response:
        with Session(engine, expire_on_commit=False) as db, db.begin():
            patient = patient_of(db, login, patient_id)
            device = db.get(Device, device_id)
            if device is None or device.patient_id != patient.id:
                raise HTTPException(status.HTTP_404_NOT_FOUND, "There is no such device.")
            already = device.revoked_at is not None
            if not already:
                device.revoked_at = utc_now()
                record_access(db, login.actor, patient.id, "change", f"revoked device {device_id}")
        notice = (
            "That device was revoked already."
            if already
            else ("The device was revoked: it can no longer send or receive anything.")
        )
        return pairing_page(request, login, patient_id, notice=notice)


def _set_cookie(request: Request, response: Response, name: str, value: str) -> None:
    response.set_cookie(
        name,
        value,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )


def _download(content: bytes, media_type: str, file_name: str) -> Response:
    """A file of a patient's data to save, not to show (no cache keeps it: `api`)."""
    return Response(
        content,
        media_type=media_type,
        headers={
            **SECURITY_HEADERS,
            "Content-Disposition": f'attachment; filename="{file_name}"',
        },
    )


def _report_start(span: Span | None, today: date) -> date | None:
    """The report's first day for the period the patient's page shows, or the report's
    own default (a year) without one; None for everything (`_first_day`)."""
    if span is None:
        return default_range(today)[0]
    return span.first_day(today)


def _first_day(document: ExportDoc) -> date | None:
    """The day of the first session or rating, where the page's charts of everything
    start; None without either (the report's default range then)."""
    days = [session.started_at.date() for session in document.sessions]
    days += [entry.entered_at.date() for entry in document.alsfrs]
    return min(days, default=None)


def _checked_upload(upload: UploadFile) -> Any:
    """The uploaded program checked as the app checks a file it opens: written under its
    own name (its messages name the file) to a private temporary folder first."""
    from alshome.programs.bundle import read_program_source

    name = PurePath(upload.filename or "program").name or "program"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(upload.file.read())
        return read_program_source(path)


def _amounts(values: dict[str, Any]) -> str:
    """A set's planned or done amounts in words: "10 repetitions, 2 kg"."""
    unit = values.get("unit", "")
    words = []
    for name, value in values.items():
        if name == "unit" or value is None:
            continue
        amount = number(value) if isinstance(value, int | float) else value
        words.append(f"{amount} {unit}".strip() if name == "load" else f"{amount} {name}")
    return ", ".join(words) or "–"


def _evidence_links(
    flag: Flag, patient_id: str, sessions: Sequence[SessionSummary]
) -> list[tuple[str, str]]:
    """Where each piece of a flag's evidence is shown: (href, text). A session, or the
    carry-over check before it, is its own page; a lift check is the page of the session
    it was answered in; a rating and the program are sections of the patient's page."""
    of_day = {session.local_day: session.uuid for session in sessions}
    links = []
    for evidence in flag.evidence:
        day = charts.short_day(evidence.day)
        session = f"/patients/{patient_id}/sessions/"
        if evidence.source in (Source.SESSION, Source.CARRY_OVER) and evidence.ref:
            links.append((session + evidence.ref, f"Session of {day}"))
        elif evidence.source is Source.LIFT_CHECK and evidence.day in of_day:
            links.append((session + of_day[evidence.day], f"Lift check of {day}"))
        elif evidence.source is Source.ALSFRS:
            links.append(("#alsfrs", f"ALSFRS-R rating of {day}"))
        elif evidence.source is Source.PROGRAM:
            links.append(("#program", f"Program {evidence.ref} ({day})"))
        else:
            links.append(("#sessions", f"Day of rest, {day}"))
    return links


def _patient_charts(figures: Trends, first: date | None, last: date) -> dict[str, charts.Chart]:
    """The patient page's charts over the days shown (`first` None: from the first
    session or rating), each with the description a screen reader reads; every chart
    spans the same days, so their dates line up."""
    days = [session.local_day for session in figures.sessions]
    days += [entry.day for entry in figures.alsfrs]
    start = first or min(days, default=last)
    weeks = [charts.Point(week.monday, week.sessions) for week in figures.weeks]
    met = sum(1 for week in figures.weeks if week.met)
    target = figures.weeks[-1].target if figures.weeks else None
    fatigue = [
        charts.Point(session.local_day, session.highest_fatigue)
        for session in figures.sessions
        if session.highest_fatigue is not None
    ]
    minutes = [
        charts.Point(session.local_day, seconds / 60)
        for session in figures.sessions
        if (seconds := sum(work.seconds for work in session.work if work.kind is ENDURANCE))
    ]
    alsfrs = [charts.Point(entry.day, entry.total) for entry in figures.alsfrs]
    span = {"first": start, "last": last}
    return {
        "adherence": charts.Chart(
            "adherence-chart",
            "Sessions a week against the target",
            f"{met} of {_counted(len(weeks), 'week')} met the target of {target} sessions; "
            "the table that follows lists every week.",
            weeks,
            "Sessions",
            bars=True,
            target=target,
            first=monday_of(start),
            last=monday_of(last),
        ),
        "fatigue": charts.Chart(
            "fatigue-chart",
            "Highest tiredness of each session (0 to 10)",
            f"{_counted(len(fatigue), 'rated session')}; the sessions list gives each rating.",
            fatigue,
            "Tiredness",
            ticks=range(0, 11, 2),
            **span,
        ),
        "work": charts.Chart(
            "work-chart",
            "Minutes of endurance exercise in each session",
            f"{_counted(len(minutes), 'session')} with endurance exercise; the sessions list "
            "gives each set.",
            minutes,
            "Minutes",
            **span,
        ),
        "alsfrs": charts.Chart(
            "alsfrs-chart",
            "ALSFRS-R total (0 to 48)",
            f"{_counted(len(alsfrs), 'rating')}; the ALSFRS-R table lists each with its subscores.",
            alsfrs,
            "Points",
            ticks=range(0, 49, 12),
            **span,
        ),
    }


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
