"""Write a small history at every schema revision, kept in the repository for upgrade tests.

    .venv/bin/python tests/storage/revisions/make_revision_databases.py 0007_outbox_sets
    .venv/bin/python tests/storage/revisions/make_revision_databases.py --exports

Run it once when a migration is added, for the new head only: the older databases must
stay exactly as the older apps wrote them. Each `<revision>.sqlite3` holds what that
revision could hold (the first release: programs, sessions and sets; 0002 adds the
profile and the safety checks; 0003 ALSFRS-R ratings; 0004 a second program version with
the therapist's own exercise and its picture, and a session done with it);
`<revision>.export.json` is its export once upgraded by today's app: the data every later
app must still read back from that file (`test_revisions.py`). When the export format gains
a field, `--exports` rewrites only the exports, from the unchanged databases; review their
diff: it may add the new field and change the version, never lose or change a value.

    .venv/bin/python tests/storage/revisions/make_revision_databases.py --version-file

When the export version changes, this keeps the new version's file as this app writes it
(from the newest database) in `../exports/`, next to every earlier version's, which must
then never change: each is read back by `test_export_versions.py`.
"""

from __future__ import annotations

import copy
import io
import json
import shutil
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from alembic import command
from PIL import Image
from sqlalchemy import create_engine

from alshome.domain.alsfrs import EnteredBy, Entry
from alshome.domain.clock import ManualClock
from alshome.domain.safety import CarryOver, CarryOverCheck, Profile
from alshome.domain.session import Phase, Session
from alshome.operations.exchange import EXPORT_VERSION, export_json
from alshome.platform.paths import sqlite_url
from alshome.programs.demo import demo_document
from alshome.programs.document import parse_program
from alshome.programs.library import stock_library
from alshome.storage.db import open_database
from alshome.storage.migrate import alembic_config
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository

HERE = Path(__file__).resolve().parent
EXPORTS = HERE.parent / "exports"
ZONE = timezone(timedelta(hours=1))
SAFETY_REVISION = "0002_safety_checks"
ALSFRS_REVISION = "0003_alsfrs"
MEDIA_REVISION = "0004_program_media"
EXPORTED_AT = datetime(2026, 11, 25, 12, 0, tzinfo=ZONE)


def write(revision: str) -> None:
    path = HERE / f"{revision}.sqlite3"
    path.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    repository = Repository(engine)
    document = demo_document()
    program_id = repository.add_program(document, active=True)
    program = parse_program(document, stock_library())
    clock = ManualClock(datetime(2026, 3, 2, 9, 30, tzinfo=ZONE))
    safety = revision >= SAFETY_REVISION
    resistance = {p.exercise.id for p in program.prescriptions if p.exercise.kind == "resistance"}
    if safety:
        repository.save_profile(Profile("Ana Ruiz", "555 0100", "Sam", clock.wall()))
    for day, rating in enumerate((3, 5, 9)):
        clock.advance(timedelta(days=2).total_seconds())
        session = Session(
            program,
            clock,
            SessionRecorder(repository, program_id),
            carry_over=CarryOverCheck(CarryOver.FINE, clock.wall()) if safety and day else None,
            lift_checks_due=resistance if safety else (),
        )
        follow(session, clock, rating, sets=3 + 9 * day)
    if safety:
        clock.advance(86400)
        repository.record_rest_day(CarryOverCheck(CarryOver.SORE, clock.wall()))
    if revision >= ALSFRS_REVISION:
        values = (4, 4, 3, 3, 3, 3, 4, 3, 2, 4, 4, 4)
        repository.save_alsfrs(Entry(clock.wall(), values, EnteredBy.PATIENT, date(2025, 5, 1)))
        clock.advance(timedelta(days=31).total_seconds())
        values = (4, 3, 3, 3, 2, 3, 4, 3, 2, 4, 4, 4)
        repository.save_alsfrs(Entry(clock.wall(), values, EnteredBy.CAREGIVER))
    if revision >= MEDIA_REVISION:
        custom, media = custom_program(document)
        custom_id = repository.add_program(custom, active=True, media=media)
        clock.advance(86400)
        session = Session(
            parse_program(custom, stock_library()),
            clock,
            SessionRecorder(repository, custom_id),
            lift_checks_due=(),
        )
        follow(session, clock, 2, sets=2)
    engine.dispose()
    write_export(path)


def custom_program(document: dict) -> tuple[dict, dict[str, bytes]]:
    """Version 2 of `document`, opening with the therapist's own exercise and its picture."""
    custom = copy.deepcopy(document)
    custom.update(version=2, format_version=2)
    custom["custom_exercises"] = [
        {
            "id": "hand_putty_squeeze",
            "name": "Putty squeeze",
            "kind": "range_of_motion",
            "region": "hand",
            "instruction": "Squeeze the soft putty slowly, then open your hand wide.",
            "picture": "media/putty.png",
        }
    ]
    custom["prescriptions"].insert(
        0,
        {
            "exercise": "hand_putty_squeeze",
            "kind": "range_of_motion",
            "repetitions": 5,
            "sides": "both",
        },
    )
    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), (40, 120, 200)).save(buffer, format="PNG")
    return custom, {"media/putty.png": buffer.getvalue()}


def write_export(database: Path) -> None:
    (HERE / f"{database.stem}.export.json").write_text(upgraded_export(database), encoding="utf-8")
    print(database)


def write_version_file() -> None:
    """This app's export of the newest database, as `exports/version-<EXPORT_VERSION>.json`."""
    path = EXPORTS / f"version-{EXPORT_VERSION}.json"
    path.write_text(export_text(sorted(HERE.glob("*.sqlite3"))[-1]), encoding="utf-8")
    print(path)


def export_text(database: Path) -> str:
    """The export, exactly as written, of a copy of `database` opened (so upgraded) by this app."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "alshome.sqlite3"
        shutil.copyfile(database, copy)
        engine = open_database(sqlite_url(copy))
        try:
            return export_json(Repository(engine), EXPORTED_AT)[0]
        finally:
            engine.dispose()


def upgraded_export(database: Path) -> str:
    """The export of `database` once upgraded, without the app's version."""
    document = json.loads(export_text(database))
    del document["app_version"]  # the one field that changes with every release
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def follow(session: Session, clock: ManualClock, rating: int, sets: int) -> None:
    """Do `sets` sets rated `rating`, then stop tired (or finish, whichever comes first)."""
    for _ in range(sets):
        if session.phase is Phase.LIFT_CHECK:
            session.answer_lift_check(rating < 5)
        session.start_set()
        clock.advance(4)
        session.tick()
        clock.advance(20)
        session.tick()
        session.finish_set()
        session.answer_fatigue(rating)
        if session.phase is Phase.END_OFFERED:
            session.end_session()
        if session.phase is Phase.SUMMARY:
            return
        if session.phase is Phase.REST:
            session.end_rest()
    session.stop_tired()


if __name__ == "__main__":
    if sys.argv[1:] == ["--exports"]:
        for database in sorted(HERE.glob("*.sqlite3")):
            write_export(database)
    elif sys.argv[1:] == ["--version-file"]:
        write_version_file()
    else:
        revisions = (
            "0001_initial",
            SAFETY_REVISION,
            ALSFRS_REVISION,
            MEDIA_REVISION,
            "0005_sharing",
            "0006_offered_bundle",
            "0007_outbox_sets",
        )
        for revision in sys.argv[1:] or revisions:
            write(revision)
