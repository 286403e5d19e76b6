"""`alshome clinic ...`: set up and run a clinic server, its therapists and patients.

Every command works on the clinic database named by --database-url, else by
ALSHOME_CLINIC_DATABASE_URL, else `clinic.sqlite3` in the data folder: SQLite for one
therapist trying it out, PostgreSQL (`postgresql+psycopg://...`) for a clinic. The server's
modules need the `clinic` extra and are imported only when a clinic command runs.
Passwords are asked without echo, or taken from ALSHOME_CLINIC_PASSWORD for scripts,
never from an argument that other users could read in the process list. What a command
reads or changes of a patient's data is in the audit as `command:USER`.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
from argparse import Namespace
from datetime import datetime
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from alshome.platform.paths import Locations

ACTION = "ACTION"
PASSWORD_VARIABLE = "ALSHOME_CLINIC_PASSWORD"
DEFAULT_PORT = 8470
LOOPBACK = "127.0.0.1"
# What the clinic extra brings that the commands import (jinja2 and multipart: the dashboard).
EXTRA_MODULES = ("fastapi", "uvicorn", "argon2")
# What each worker process of `serve --workers N` imports and calls to build its app.
APP_FACTORY = "alshome.clinic.api:app_from_environment"


def add_clinic_commands(commands: Any, *, strict: bool) -> None:
    """The `clinic` group and its commands, on the `alshome` command's subparsers;
    `strict=False` requires nothing, as `parser.build_parser` explains."""
    required = {"required": strict}
    one = None if strict else "?"
    clinic = commands.add_parser("clinic", help="run a clinic server that patients share with")
    actions = clinic.add_subparsers(dest="action", metavar=ACTION, **required)

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=help_text)
        parser.add_argument(
            "--database-url",
            dest="clinic_database_url",
            metavar="URL",
            help="the clinic database (ALSHOME_CLINIC_DATABASE_URL; clinic.sqlite3 beside "
            "the app's data)",
        )
        return parser

    action("init", "make the clinic database, or bring it up to date")
    therapist = action("add-therapist", "add a therapist (password asked)")
    therapist.add_argument("email", metavar="EMAIL", nargs=one)
    patient = action("add-patient", "add a patient and print their one-time pairing code")
    patient.add_argument("--therapist", metavar="EMAIL", help="the patient's therapist", **required)
    patient.add_argument("name", metavar="NAME", nargs=one)
    patient.add_argument("--json", action="store_true", help="print the id and code as JSON")
    code = action("new-code", "a new one-time pairing code for a patient")
    code.add_argument("patient_id", metavar="PATIENT_ID", nargs=one)
    devices = action("devices", "list a patient's paired devices")
    devices.add_argument("patient_id", metavar="PATIENT_ID", nargs=one)
    revoke = action("revoke-device", "refuse a paired device from now on")
    revoke.add_argument("device_id", metavar="DEVICE_ID", type=int, nargs=one)
    publish = action("publish", "publish a program file or .alshome bundle to a patient's app")
    publish.add_argument("patient_id", metavar="PATIENT_ID", nargs=one)
    publish.add_argument("file", metavar="PROGRAM_FILE", type=Path, nargs=one)
    export = action(
        "export-patient", "write a patient's history in the app's export format, or as FHIR"
    )
    export.add_argument("patient_id", metavar="PATIENT_ID", nargs=one)
    export.add_argument("--output", metavar="FILE", type=Path, help="file to write", **required)
    export.add_argument(
        "--format",
        choices=("json", "fhir"),
        default="json",
        help="the app's own JSON export (json), or a FHIR R4 bundle for the record system",
    )
    audit = action("audit", "who read or changed which patient's data, and when")
    audit.add_argument("patient_id", metavar="PATIENT_ID", nargs="?", help="one patient's only")
    attention = action("attention", "show or change when the dashboard flags a patient")
    attention.add_argument(
        "--set",
        dest="assignments",
        metavar="NAME=VALUE",
        action="append",
        default=[],
        help="change one threshold (repeat for more)",
    )
    attention.add_argument(
        "--reset", action="store_true", help="back to the defaults (before any --set)"
    )
    serve = action("serve", "run the clinic server")
    serve.add_argument("--host", default=LOOPBACK, help=f"address to listen on ({LOOPBACK})")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port ({DEFAULT_PORT})")
    serve.add_argument("--certfile", type=Path, metavar="FILE", help="TLS certificate (PEM)")
    serve.add_argument("--keyfile", type=Path, metavar="FILE", help="TLS private key (PEM)")
    serve.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="server processes (one a CPU core; 1 on SQLite)",
    )


def clinic_command(locations: Locations, options: Namespace) -> str:
    _require_extra()
    url = _database_url(locations, options)
    return {
        "init": _init,
        "add-therapist": _add_therapist,
        "add-patient": _add_patient,
        "new-code": _new_code,
        "devices": _list_devices,
        "revoke-device": _revoke_device,
        "publish": _publish,
        "export-patient": _export_patient,
        "audit": _show_audit,
        "attention": _attention,
        "serve": _serve,
    }[options.action](url, options)


def _require_extra() -> None:
    """One sentence, not a traceback, where alshome was installed without the extra."""
    missing = [name for name in EXTRA_MODULES if find_spec(name) is None]
    if missing:
        # A DocumentError, as every refusal is: alshome.clinic itself may be missing too.
        from alshome.programs.document import DocumentError

        raise DocumentError(
            f"The clinic commands need alshome's clinic extra ({', '.join(missing)} is "
            "missing): install it with pip install 'alshome[clinic]'."
        )


def _database_url(locations: Locations, options: Namespace) -> str:
    from alshome.clinic.schema import DATABASE_FILE, DATABASE_URL_VARIABLE
    from alshome.platform.paths import sqlite_url

    return (
        options.clinic_database_url
        or os.environ.get(DATABASE_URL_VARIABLE)
        or sqlite_url(locations.data_dir / DATABASE_FILE)
    )


def _actor() -> str:
    return f"command:{getpass.getuser()}"


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _init(url: str, _options: Namespace) -> str:
    from alshome.clinic.schema import init_database

    engine, found = init_database(url)
    engine.dispose()
    if found is None:
        return f"Made a clinic database at {_shown(url)}."
    return f"The clinic database at {_shown(url)} is up to date."


def _add_therapist(url: str, options: Namespace) -> str:
    from alshome.clinic.accounts import add_therapist
    from alshome.clinic.errors import ClinicError
    from alshome.clinic.schema import open_clinic

    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        password = getpass.getpass("Password: ")
        if getpass.getpass("The same password again: ") != password:
            raise ClinicError("The two passwords differ; nothing was saved.")
    engine = open_clinic(url)
    try:
        add_therapist(engine, options.email, password)
    finally:
        engine.dispose()
    return f"Added the therapist {options.email.strip().lower()}."


def _add_patient(url: str, options: Namespace) -> str:
    from alshome.clinic.accounts import CODE_LIFETIME, add_patient
    from alshome.clinic.schema import open_clinic

    engine = open_clinic(url)
    try:
        added = add_patient(engine, options.therapist, options.name, _actor())
    finally:
        engine.dispose()
    if options.json:
        return json.dumps({"patient_id": added.patient_id, "pairing_code": added.pairing_code})
    hours = int(CODE_LIFETIME.total_seconds() // 3600)
    return (
        f"Added the patient {added.patient_id}.\n"
        f"Pairing code: {added.pairing_code} (one use, for {hours} hours)"
    )


def _new_code(url: str, options: Namespace) -> str:
    from alshome.clinic.accounts import new_pairing_code
    from alshome.clinic.schema import open_clinic

    engine = open_clinic(url)
    try:
        code = new_pairing_code(engine, options.patient_id, _actor())
    finally:
        engine.dispose()
    return f"Pairing code: {code}"


def _list_devices(url: str, options: Namespace) -> str:
    """One line a device: its id (for revoke-device), name, when paired and last seen."""
    from alshome.clinic.accounts import patient_devices
    from alshome.clinic.schema import open_clinic

    engine = open_clinic(url)
    try:
        devices = patient_devices(engine, options.patient_id, _actor())
    finally:
        engine.dispose()
    if not devices:
        return "No device was paired for this patient."

    def moment(value: datetime | None) -> str:
        return "never" if value is None else f"{value:%Y-%m-%d %H:%M} UTC"

    return "\n".join(
        f"{device.id}\t{device.name}\tpaired {moment(device.paired_at)}"
        f"\tlast upload {moment(device.last_seen_at)}"
        + ("" if device.revoked_at is None else f"\trevoked {moment(device.revoked_at)}")
        for device in devices
    )


def _revoke_device(url: str, options: Namespace) -> str:
    from alshome.clinic.accounts import revoke_device
    from alshome.clinic.schema import open_clinic

    engine = open_clinic(url)
    try:
        revoked = revoke_device(engine, options.device_id, _actor())
    finally:
        engine.dispose()
    if not revoked:
        return f"Device {options.device_id} was already revoked."
    return f"Revoked device {options.device_id}; its token is refused from now on."


def _publish(url: str, options: Namespace) -> str:
    from alshome.clinic.publishing import publish
    from alshome.clinic.schema import open_clinic
    from alshome.programs.bundle import read_program_source

    checked = read_program_source(options.file)
    engine = open_clinic(url)
    try:
        published = publish(engine, options.patient_id, checked, _actor())
    finally:
        engine.dispose()
    program = f"{checked.program.name!r}, version {checked.program.version}"
    if not published:
        return f"{program}, was already published to this patient; nothing changed."
    return f"Published {program}; the patient's app offers it at its next sync."


def _export_patient(url: str, options: Namespace) -> str:
    from sqlalchemy.orm import Session

    from alshome.clinic.accounts import patient_named
    from alshome.clinic.audit import record_access
    from alshome.clinic.records import export_text, patient_export
    from alshome.clinic.schema import open_clinic
    from alshome.platform.files import write_private_file

    engine = open_clinic(url)
    try:
        with Session(engine) as db, db.begin():
            patient_named(db, options.patient_id)
            document = patient_export(db, options.patient_id, datetime.now().astimezone())
            record_access(db, _actor(), options.patient_id, "read", "exported the history")
    finally:
        engine.dispose()
    write_private_file(options.output, export_text(document, options.patient_id, options.format))
    count = len(document.sessions)
    sessions = f"{count} session" if count == 1 else f"{count} sessions"
    return f"Exported {sessions} to {options.output}."


def _show_audit(url: str, options: Namespace) -> str:
    """One line an access, oldest first: when (UTC), who, read or change, whose, what."""
    from alshome.clinic.audit import audit_entries
    from alshome.clinic.schema import open_clinic

    engine = open_clinic(url)
    try:
        entries = audit_entries(engine, options.patient_id)
    finally:
        engine.dispose()
    return "\n".join(
        f"{entry.at:%Y-%m-%d %H:%M:%S}\t{entry.actor}\t{entry.action}"
        f"\t{entry.patient_id or '-'}\t{entry.what}"
        for entry in entries
    )


def _attention(url: str, options: Namespace) -> str:
    """Each threshold and its value, the clinic's own ones marked; after any change asked."""
    from sqlalchemy.orm import Session

    from alshome.clinic.attention_settings import changed_values, set_thresholds
    from alshome.clinic.schema import open_clinic
    from alshome.domain.attention import AttentionThresholds

    engine = open_clinic(url)
    try:
        if options.assignments or options.reset:
            set_thresholds(engine, options.assignments, options.reset)
        with Session(engine) as db:
            own = changed_values(db)
        thresholds = AttentionThresholds(**own)
    finally:
        engine.dispose()
    marks = {name: "\t(this clinic)" for name in own}
    return "\n".join(
        f"{name}\t{value}{marks.get(name, '')}" for name, value in vars(thresholds).items()
    )


def _serve(url: str, options: Namespace) -> str:
    from alshome.clinic.errors import ClinicError
    from alshome.platform.network import is_loopback

    if (options.certfile is None) != (options.keyfile is None):
        raise ClinicError("--certfile and --keyfile go together.")
    if options.certfile is None and not is_loopback(options.host):
        raise ClinicError(
            f"Plain HTTP is served on the loopback address only; give --certfile and "
            f"--keyfile to listen on {options.host}, or put a reverse proxy with TLS in "
            "front of a server on 127.0.0.1 (see the README)."
        )
    workers = _workers(url, options.workers)
    import uvicorn

    from alshome.clinic.api import create_app
    from alshome.clinic.schema import DATABASE_URL_VARIABLE, open_clinic
    from alshome.clinic.server_log import log_config

    if workers == 1:
        app: Any = create_app(url, freeze_at_start=True)
    else:
        # Each worker opens the database itself: a wrong one is said here, once, in one
        # sentence, rather than as a traceback from every worker.
        open_clinic(url).dispose()
        os.environ[DATABASE_URL_VARIABLE] = url  # the workers' environment is this one's
        app = APP_FACTORY
    uvicorn.run(
        app,
        factory=workers > 1,
        workers=workers,
        host=options.host,
        port=options.port,
        ssl_certfile=options.certfile,
        ssl_keyfile=options.keyfile,
        server_header=False,
        log_config=log_config(),
        access_log=False,
    )
    return "The clinic server stopped."


def _workers(url: str, asked: int | None) -> int:
    """How many server processes: on PostgreSQL as asked, else one a CPU core; on SQLite
    one, as its uploads take turns inside the one process (`alshome.clinic.api`)."""
    from sqlalchemy.engine import make_url

    from alshome.clinic.errors import ClinicError

    if asked is not None and asked < 1:
        raise ClinicError("--workers takes a number of processes, 1 or more.")
    if make_url(url).get_backend_name() != "sqlite":
        return asked or os.cpu_count() or 1
    if asked not in (None, 1):
        raise ClinicError(
            "A clinic on SQLite is served by one process only; leave out --workers, or "
            "move the clinic to PostgreSQL to serve it with more."
        )
    return 1
