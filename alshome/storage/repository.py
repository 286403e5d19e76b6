"""The storage API used by the app and the command line: plain dataclasses in and out.

Every write is its own short transaction, committed before the call returns: a set the
person finished must survive a crash that happens right after it. Callers never see ORM
rows, so nothing they hold depends on an open database session.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Engine,
    Float,
    Row,
    Select,
    Text,
    and_,
    bindparam,
    case,
    cast,
    func,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session, selectinload, sessionmaker

from alshome.domain.alsfrs import ITEMS, EnteredBy, Entry
from alshome.domain.fatigue import Symptom
from alshome.domain.program import ExerciseKind, Mover, Side
from alshome.domain.recorded import StoredSession, StoredSet
from alshome.domain.safety import CarryOver, CarryOverCheck, LiftCheck, Profile
from alshome.domain.session import SessionStatus, SetRecord
from alshome.domain.trends import ExerciseWork, SessionSummary
from alshome.programs.document import ProgramConflictError
from alshome.storage.models import (
    AlsfrsRow,
    CarryOverRow,
    LiftCheckRow,
    MediaRow,
    ProfileRow,
    ProgramMediaRow,
    ProgramRow,
    SessionRow,
    SetRow,
)
from alshome.storage.snapshot import (
    ACTIVE_PROGRAM_SQL,
    LAST_SESSION_SQL,
    SESSION_STARTS_SQL,
    SessionOverview,
    StoredProgram,
    naive_utc,
    parse_moment,
    session_overview,
    session_starts,
    stored_program,
)

SETS_QUERY_SESSIONS = 500  # sessions named in one query, well under SQLite's variable limit


@dataclass(frozen=True)
class ProgramRecord:
    """A saved program as exports carry it, with the pictures and videos it names by path."""

    name: str
    version: int
    active: bool
    document: dict[str, Any]
    media: Mapping[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class MergeResult:
    """What an import did: the sessions it added and those it skipped as already saved."""

    added: int
    already_here: int


@dataclass(frozen=True)
class UnfinishedSession:
    """A session still marked in progress: the app stopped before it ended (a crash, a
    kill, a power cut). `program_id` is None if its program was deleted since."""

    session_id: int
    program_id: int | None
    started_at: datetime
    sets: tuple[StoredSet, ...]

    @property
    def last_saved(self) -> datetime:
        """When the session last saved anything: when it must have stopped, at the latest."""
        return self.sets[-1].ended_at if self.sets else self.started_at


@dataclass(frozen=True)
class StoredCarryOver:
    """A carry-over check with the session that followed it; None means a day of rest."""

    check: CarryOverCheck
    session_uuid: str | None


class Repository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._db = sessionmaker(engine)

    # ----- programs ------------------------------------------------------------------

    def active_program(self) -> StoredProgram | None:
        """The same query as the quick read at start (`snapshot.read_snapshot`)."""
        with self._db() as db:
            return stored_program(
                db.execute(text(ACTIVE_PROGRAM_SQL).columns(document=JSON)).first()
            )

    def program(self, program_id: int) -> StoredProgram:
        with self._db() as db:
            return _stored_program(db.get_one(ProgramRow, program_id))

    def program_named(self, name: str, version: int) -> StoredProgram | None:
        """The saved program with this name and version, active or kept for the history."""
        with self._db() as db:
            row = db.scalars(
                select(ProgramRow).where(ProgramRow.name == name, ProgramRow.version == version)
            ).one_or_none()
            return None if row is None else _stored_program(row)

    def add_program(
        self, document: dict[str, Any], active: bool, media: Mapping[str, bytes] | None = None
    ) -> int:
        """Save a validated program document and the media it names, by path, all at once.

        Saving the same document with the same media again reuses it; a different one
        under a saved name and version is refused (ProgramConflictError).
        """
        with self._db.begin() as db:
            row = _find_or_add_program(
                db, document["name"], document["version"], document, media or {}
            )
            if active:
                _activate(db, row)
            return row.id

    def program_media(self, program_id: int) -> dict[str, bytes]:
        """The pictures and videos a saved program version names, by path: as it was saved,
        so a session done with an earlier version still shows what it was done with."""
        with self._db() as db:
            return _program_media(db, program_id).get(program_id, {})

    def programs(self, ids: Iterable[int] | None = None) -> list[ProgramRecord]:
        """Every saved program (or those with these row ids), oldest first."""
        query = select(ProgramRow).order_by(ProgramRow.id)
        if ids is not None:
            query = query.where(ProgramRow.id.in_(list(ids)))
        with self._db() as db:
            media = _program_media(db)
            rows = db.scalars(query)
            return [
                ProgramRecord(
                    row.name, row.version, row.active, row.document, media.get(row.id, {})
                )
                for row in rows
            ]

    # ----- one session, written as it happens ---------------------------------------------

    def start_session(
        self,
        uuid: str,
        program_id: int | None,
        program_name: str,
        program_version: int,
        started_at: datetime,
        carry_over: CarryOverCheck | None = None,
    ) -> int:
        """The session's row, and the carry-over check answered just before it, if any."""
        session = StoredSession(
            uuid=uuid,
            started_at=started_at,
            ended_at=None,
            status=SessionStatus.IN_PROGRESS,
            program_name=program_name,
            program_version=program_version,
            symptoms=(),
            sets=(),
        )
        with self._db.begin() as db:
            row = _session_row(session, program_id)
            db.add(row)
            db.flush()
            if carry_over is not None:
                db.add(_carry_over_row(carry_over, row.id))
            return row.id

    def record_set(self, session_id: int, record: SetRecord) -> None:
        with self._db.begin() as db:
            row = _set_row(StoredSet.from_record(record))
            row.session_id = session_id
            db.add(row)

    def record_fatigue(
        self, session_id: int, position: int, rating: int | None, symptoms: Iterable[Symptom]
    ) -> None:
        """The fatigue check after a set; its symptoms join any reported during the set."""
        with self._db.begin() as db:
            row = db.scalars(
                select(SetRow).where(SetRow.session_id == session_id, SetRow.position == position)
            ).one()
            row.fatigue = rating
            row.symptoms = _symptom_values([*map(Symptom, row.symptoms), *symptoms])

    def record_lift_check(self, session_id: int, check: LiftCheck) -> None:
        with self._db.begin() as db:
            row = _lift_check_row(check)
            row.session_id = session_id
            db.add(row)

    def end_session(
        self,
        session_id: int,
        status: SessionStatus,
        ended_at: datetime,
        symptoms: Iterable[Symptom],
    ) -> None:
        with self._db.begin() as db:
            row = db.get_one(SessionRow, session_id)
            row.status = status.value
            row.ended_at = _moment(ended_at)
            row.symptoms = _symptom_values(symptoms)

    def unfinished_sessions(self) -> list[UnfinishedSession]:
        """Sessions the app stopped in the middle of, newest first (one, but for old crashes)."""
        with self._db() as db:
            rows = db.scalars(
                select(SessionRow)
                .where(SessionRow.status == SessionStatus.IN_PROGRESS.value)
                .options(selectinload(SessionRow.sets))
                .order_by(SessionRow.started_utc.desc(), SessionRow.id.desc())
            )
            return [
                UnfinishedSession(
                    session_id=row.id,
                    program_id=row.program_id,
                    started_at=datetime.fromisoformat(row.started_at),
                    sets=tuple(_stored_set(each) for each in row.sets),
                )
                for row in rows
            ]

    # ----- the safety checks outside a session -----------------------------------------

    def profile(self) -> Profile | None:
        """What the first-run screen saved; None until it has been completed."""
        with self._db() as db:
            row = db.get(ProfileRow, 1)
            return None if row is None else _profile(row)

    def save_profile(self, profile: Profile) -> None:
        with self._db.begin() as db:
            _save_profile(db, profile)

    def record_rest_day(self, check: CarryOverCheck) -> None:
        """The patient answered the carry-over check and chose to rest instead of a session."""
        with self._db.begin() as db:
            db.add(_carry_over_row(check, None))

    def carry_over_checks(self, ids: Iterable[int] | None = None) -> list[StoredCarryOver]:
        """Every carry-over check (or those with these row ids), oldest first, with the
        session that followed it."""
        query = (
            select(CarryOverRow, SessionRow.uuid)
            .outerjoin(SessionRow, CarryOverRow.session_id == SessionRow.id)
            .order_by(CarryOverRow.asked_utc, CarryOverRow.id)
        )
        if ids is not None:
            query = query.where(CarryOverRow.id.in_(list(ids)))
        with self._db() as db:
            rows = db.execute(query)
            return [StoredCarryOver(_carry_over(row), uuid) for row, uuid in rows]

    def last_lift_checks(self) -> dict[str, datetime]:
        """When each exercise's lift question was last answered (aware, in UTC)."""
        with self._db() as db:
            rows = db.execute(
                select(LiftCheckRow.exercise_id, func.max(LiftCheckRow.checked_utc)).group_by(
                    LiftCheckRow.exercise_id
                )
            )
            return {exercise: moment.replace(tzinfo=UTC) for exercise, moment in rows}

    def exercises_to_review(self) -> list[LiftCheck]:
        """The exercises whose latest lift check was "no", for the therapist to look at.

        A flag stays until a later check of the same exercise is answered "yes".
        """
        latest = (
            select(
                LiftCheckRow.exercise_id, func.max(LiftCheckRow.checked_utc).label("checked_utc")
            )
            .group_by(LiftCheckRow.exercise_id)
            .subquery()
        )
        with self._db() as db:
            rows = db.scalars(
                select(LiftCheckRow)
                .join(
                    latest,
                    and_(
                        LiftCheckRow.exercise_id == latest.c.exercise_id,
                        LiftCheckRow.checked_utc == latest.c.checked_utc,
                    ),
                )
                .where(LiftCheckRow.able.is_(False))
                .order_by(LiftCheckRow.checked_utc, LiftCheckRow.id)
            )
            return [_lift_check(row) for row in rows]

    # ----- history ---------------------------------------------------------------------

    def has_history(self) -> bool:
        with self._db() as db:
            return _has_history(db)

    def last_session(self) -> SessionOverview | None:
        """The same query as the quick read at start (`snapshot.read_snapshot`)."""
        with self._db() as db:
            return session_overview(db.execute(text(LAST_SESSION_SQL)).first())

    def session_times_since(self, moment: datetime) -> tuple[datetime, ...]:
        """The same query as the quick read of this week (`snapshot.read_session_starts`)."""
        query = text(SESSION_STARTS_SQL).bindparams(bindparam("since", type_=DateTime))
        with self._db() as db:
            return session_starts(db.execute(query, {"since": naive_utc(moment)}))

    def sessions(self, uuids: Iterable[str] | None = None) -> list[StoredSession]:
        """Every session (or those with these uuids), oldest first, each with its sets in
        order.

        The sets are read as columns, not rows as objects (as in `sets_of_sessions`): the
        export and a first sync with the clinic read ten years' 50,000 sets at once, and
        objects took most of that time.
        """
        query = (
            select(SessionRow)
            .options(selectinload(SessionRow.lift_checks))
            .order_by(SessionRow.started_utc, SessionRow.id)
        )
        if uuids is not None:
            query = query.where(SessionRow.uuid.in_(list(uuids)))
        with self._db() as db:
            rows = list(db.scalars(query))
            sets: dict[int, list[StoredSet]] = {}
            columns = select(*SetRow.__table__.columns).order_by(SetRow.session_id, SetRow.position)
            chunks = [None] if uuids is None else range(0, len(rows), SETS_QUERY_SESSIONS)
            for start in chunks:
                chosen = columns
                if start is not None:
                    ids = [row.id for row in rows[start : start + SETS_QUERY_SESSIONS]]
                    chosen = columns.where(SetRow.session_id.in_(ids))
                for set_row in db.execute(chosen):
                    sets.setdefault(set_row.session_id, []).append(_stored_set(set_row))
            return [_stored_session(row, sets.get(row.id, ())) for row in rows]

    def import_history(
        self,
        programs: Sequence[ProgramRecord],
        sessions: Sequence[StoredSession],
        carry_over_checks: Sequence[StoredCarryOver] = (),
        profile: Profile | None = None,
        alsfrs_entries: Sequence[Entry] = (),
    ) -> MergeResult:
        """Merge an exported history into this one, all or nothing.

        Nothing saved here is ever changed, so importing the same file twice adds nothing:
        - programs are matched by name and version; the same document is reused, a
          different one is refused (ProgramConflictError) and nothing is written;
        - sessions are matched by uuid; one already here is skipped, even when the
          export holds more of it, because a session is the person's record as it was saved;
        - carry-over checks and lift checks belong to their sessions and come only with
          the sessions added; a day of rest is matched on when it was asked and the answer;
        - the profile is set only when there is none here: a local one is never overwritten;
        - an ALSFRS-R rating is matched on when it was made and its twelve values;
        - the export's active program becomes the active one when there were no sessions
          here (a restore) or no active program; otherwise the local choice stays.
        """
        with self._db.begin() as db:
            keep_active = _has_history(db) and _has_active_program(db)
            for program in programs:
                row = _find_or_add_program(
                    db, program.name, program.version, program.document, program.media
                )
                if program.active and not keep_active:
                    _activate(db, row)
            db.flush()
            program_ids = {
                (name, version): program_id
                for name, version, program_id in db.execute(
                    select(ProgramRow.name, ProgramRow.version, ProgramRow.id)
                )
            }
            present = set(db.scalars(select(SessionRow.uuid)))
            rest_days = _rest_days(db)
            session_ids = {}
            for session in sessions:
                if session.uuid in present:
                    continue
                key = (session.program_name, session.program_version)
                row = _session_row(session, program_ids.get(key))
                db.add(row)
                db.flush()
                session_ids[session.uuid] = row.id
            for stored in carry_over_checks:
                check = stored.check
                if stored.session_uuid is not None:
                    if stored.session_uuid in session_ids:
                        db.add(_carry_over_row(check, session_ids[stored.session_uuid]))
                elif (naive_utc(check.asked_at), check.answer.value) not in rest_days:
                    db.add(_carry_over_row(check, None))
            if profile is not None and db.get(ProfileRow, 1) is None:
                _save_profile(db, profile)
            _merge_alsfrs(db, alsfrs_entries)
            return MergeResult(
                added=len(session_ids), already_here=len(sessions) - len(session_ids)
            )

    # ----- the history screen ----------------------------------------------------------

    def session_summaries(self) -> list[SessionSummary]:
        """Every session, oldest first, with its sets counted and rated in SQL.

        Ten years hold about 50,000 sets: they are aggregated where they lie rather than
        loaded. The planned set count and the weekly target come from each program
        version's own document, read once per version; a program no longer saved (or no
        longer valid with today's library) leaves them unknown.
        """
        from alshome.programs.document import DocumentError, build_program
        from alshome.programs.library import stock_library

        with self._db() as db:
            plans: dict[int, tuple[int, int]] = {}
            for program_id, document in db.execute(select(ProgramRow.id, ProgramRow.document)):
                try:
                    program = build_program(document, stock_library())
                except (DocumentError, KeyError, TypeError, ValueError):
                    continue
                plans[program_id] = (len(program.steps()), program.weekly_target)
            work: dict[int, list[ExerciseWork]] = {}
            for session_id, *fields in db.execute(_WORK_QUERY):
                work.setdefault(session_id, []).append(work_of_columns(*fields))
            return [
                summary_of_columns(
                    *row[1:7],
                    *row[8:],
                    plan=plans.get(row.program_id),
                    work=tuple(work.get(row.id, ())),
                )
                for row in db.execute(_SUMMARIES_QUERY)
            ]

    def session_sets(self, uuid: str) -> list[StoredSet]:
        """One session's sets in order, for its detail on the history screen."""
        with self._db() as db:
            rows = db.scalars(
                select(SetRow)
                .join(SessionRow, SetRow.session_id == SessionRow.id)
                .where(SessionRow.uuid == uuid)
                .order_by(SetRow.position)
            )
            return [_stored_set(row) for row in rows]

    def sets_of_sessions(self, uuids: Sequence[str]) -> dict[str, list[StoredSet]]:
        """The sets of each of these sessions in order, read together: the clinic report
        counts a year's sets by exercise, and a query per session would be most of its
        time. Columns, not rows as objects, are read: a quarter of the time for a year's
        4,000 sets. A session without sets is left out."""
        found: dict[str, list[StoredSet]] = {}
        columns = (SessionRow.uuid.label("session_uuid"), *SetRow.__table__.columns)
        with self._db() as db:
            for start in range(0, len(uuids), SETS_QUERY_SESSIONS):
                rows = db.execute(
                    select(*columns)
                    .join(SessionRow, SetRow.session_id == SessionRow.id)
                    .where(SessionRow.uuid.in_(uuids[start : start + SETS_QUERY_SESSIONS]))
                    .order_by(SetRow.session_id, SetRow.position)
                )
                for row in rows:
                    found.setdefault(row.session_uuid, []).append(_stored_set(row))
        return found

    # ----- the ALSFRS-R self-rating ----------------------------------------------------

    def save_alsfrs(self, entry: Entry) -> None:
        with self._db.begin() as db:
            db.add(_alsfrs_row(entry))

    def alsfrs_entries(
        self, since: datetime | None = None, ids: Iterable[int] | None = None
    ) -> list[Entry]:
        """The ratings made at or after `since` (aware; None for all), or those with these
        row ids, oldest first."""
        query = select(AlsfrsRow).order_by(AlsfrsRow.entered_utc, AlsfrsRow.id)
        if since is not None:
            query = query.where(AlsfrsRow.entered_utc >= naive_utc(since))
        if ids is not None:
            query = query.where(AlsfrsRow.id.in_(list(ids)))
        with self._db() as db:
            return [_alsfrs_entry(row) for row in db.scalars(query)]


def work_of_columns(
    exercise_id: str,
    name: str,
    kind: str,
    seconds: float | None,
    repetitions: int | None,
    load: float | None,
    unit: str | None,
) -> ExerciseWork:
    """An exercise's work in a session as its sets summed in SQL give it: the app's history
    and the clinic's copy both read it this way (no time or repetitions summed is none)."""
    return ExerciseWork(
        exercise_id,
        name,
        ExerciseKind(kind),
        float(seconds or 0),
        int(repetitions or 0),
        None if load is None else float(load),
        unit,
    )


def summary_of_columns(
    uuid: str,
    started: str,
    ended: str | None,
    status: str,
    program_name: str,
    program_version: int,
    symptoms: list[str],
    sets: int,
    done: int,
    highest: int | None,
    mean: float | None,
    set_symptoms: str | None,
    *,
    plan: tuple[int, int | None] | None,
    work: tuple[ExerciseWork, ...] = (),
) -> SessionSummary:
    """A session as its sets aggregated in SQL give it: the app's history and the clinic's
    copy both summarize this way. `set_symptoms` joins each set's JSON list with "|";
    `plan` is the program version's (sets planned, weekly target), None when unknown."""
    named = set(symptoms)
    for each in set_symptoms.split("|") if set_symptoms else ():
        named.update(json.loads(each))
    planned, target = plan if plan is not None else (sets, None)
    return SessionSummary(
        uuid=uuid,
        started_at=datetime.fromisoformat(started),
        ended_at=parse_moment(ended),
        status=SessionStatus(status),
        program_name=program_name,
        program_version=program_version,
        sets_planned=max(planned, sets),
        sets_done=done,
        highest_fatigue=highest,
        mean_fatigue=mean,
        symptoms=tuple(sorted(map(Symptom, named))),
        weekly_target=target,
        work=work,
    )


def _summaries_query() -> Select[Any]:
    """Every session with its sets counted and rated, oldest first.

    count(done) counts the sets done (a skipped set has none). The symptoms of the sets
    that had any are joined with "|" and split again by the caller: JSON is compared and
    joined as its text, which both SQLite and PostgreSQL keep as it was written.
    """
    symptoms = cast(SetRow.symptoms, Text)
    return (
        select(
            SessionRow.id,
            SessionRow.uuid,
            SessionRow.started_at,
            SessionRow.ended_at,
            SessionRow.status,
            SessionRow.program_name,
            SessionRow.program_version,
            SessionRow.program_id,
            SessionRow.symptoms,
            func.count(SetRow.id),
            func.count(SetRow.done),
            func.max(SetRow.fatigue),
            func.avg(cast(SetRow.fatigue, Float)),  # in floating point on either database
            func.aggregate_strings(case((symptoms != "[]", symptoms)), "|"),
        )
        .outerjoin(SetRow, SetRow.session_id == SessionRow.id)
        .group_by(SessionRow.id)
        .order_by(SessionRow.started_utc, SessionRow.id)
    )


def _work_query() -> Select[Any]:
    """The time and repetitions done per exercise of each session, with its load."""
    return (
        select(
            SetRow.session_id,
            SetRow.exercise_id,
            SetRow.exercise_name,
            SetRow.kind,
            func.sum(SetRow.done["seconds"].as_float()),
            func.sum(SetRow.done["repetitions"].as_float()),
            func.max(SetRow.planned["load"].as_float()),
            func.max(SetRow.planned["unit"].as_string()),
        )
        .where(
            SetRow.done.is_not(None),
            SetRow.kind.in_([ExerciseKind.ENDURANCE.value, ExerciseKind.RESISTANCE.value]),
        )
        .group_by(SetRow.session_id, SetRow.exercise_id, SetRow.exercise_name, SetRow.kind)
        .order_by(SetRow.session_id, func.min(SetRow.position))
    )


_SUMMARIES_QUERY = _summaries_query()
_WORK_QUERY = _work_query()


def _stored_program(row: ProgramRow) -> StoredProgram:
    return StoredProgram(row.id, row.name, row.version, row.document)


def _has_history(db: Session) -> bool:
    return db.scalars(select(SessionRow.id).limit(1)).first() is not None


def _has_active_program(db: Session) -> bool:
    return db.scalars(select(ProgramRow.id).where(ProgramRow.active)).first() is not None


def _rest_days(db: Session) -> set[tuple[datetime, str]]:
    """The days of rest saved here, as (when asked in UTC, answer): how an import matches them."""
    query = select(CarryOverRow.asked_utc, CarryOverRow.answer).where(
        CarryOverRow.session_id.is_(None)
    )
    return {(asked_utc, answer) for asked_utc, answer in db.execute(query)}


def _find_or_add_program(
    db: Session, name: str, version: int, document: dict[str, Any], media: Mapping[str, bytes]
) -> ProgramRow:
    row = db.scalars(
        select(ProgramRow).where(ProgramRow.name == name, ProgramRow.version == version)
    ).one_or_none()
    digests = {path: hashlib.sha256(content).hexdigest() for path, content in media.items()}
    if row is None:
        row = ProgramRow(
            name=name,
            version=version,
            document=document,
            active=False,
            added_at=_moment(datetime.now().astimezone()),
        )
        db.add(row)
        db.flush()
        _add_media(db, row.id, media, digests)
    elif row.document != document or _media_digests(db, row.id) != digests:
        raise ProgramConflictError(name, version)
    return row


def _add_media(
    db: Session, program_id: int, media: Mapping[str, bytes], digests: Mapping[str, str]
) -> None:
    """Each picture and video stored once by its digest, and named by this program."""
    for path in sorted(media):
        if db.get(MediaRow, digests[path]) is None:
            db.add(MediaRow(sha256=digests[path], content=media[path]))
            db.flush()
        db.add(ProgramMediaRow(program_id=program_id, path=path, sha256=digests[path]))
    db.flush()


def _media_digests(db: Session, program_id: int) -> dict[str, str]:
    query = select(ProgramMediaRow.path, ProgramMediaRow.sha256).where(
        ProgramMediaRow.program_id == program_id
    )
    return {path: digest for path, digest in db.execute(query)}


def _program_media(db: Session, program_id: int | None = None) -> dict[int, dict[str, bytes]]:
    """The media of one saved program, or of every one, by program id and then path."""
    query = (
        select(ProgramMediaRow.program_id, ProgramMediaRow.path, MediaRow.content)
        .join(MediaRow, MediaRow.sha256 == ProgramMediaRow.sha256)
        .order_by(ProgramMediaRow.program_id, ProgramMediaRow.path)
    )
    if program_id is not None:
        query = query.where(ProgramMediaRow.program_id == program_id)
    media: dict[int, dict[str, bytes]] = {}
    for program_id, path, content in db.execute(query):
        media.setdefault(program_id, {})[path] = bytes(content)
    return media


def _activate(db: Session, row: ProgramRow) -> None:
    """Deactivate the others first: a unique index allows only one active program."""
    db.execute(update(ProgramRow).where(ProgramRow.id != row.id).values(active=False))
    row.active = True


def _session_row(session: StoredSession, program_id: int | None) -> SessionRow:
    return SessionRow(
        uuid=session.uuid,
        program_id=program_id,
        program_name=session.program_name,
        program_version=session.program_version,
        started_at=_moment(session.started_at),
        started_utc=session.started_at.astimezone(UTC).replace(tzinfo=None),
        ended_at=None if session.ended_at is None else _moment(session.ended_at),
        status=session.status.value,
        symptoms=_symptom_values(session.symptoms),
        sets=[_set_row(stored) for stored in session.sets],
        lift_checks=[_lift_check_row(check) for check in session.lift_checks],
    )


def _stored_session(row: SessionRow, sets: Iterable[StoredSet]) -> StoredSession:
    return StoredSession(
        uuid=row.uuid,
        started_at=datetime.fromisoformat(row.started_at),
        ended_at=parse_moment(row.ended_at),
        status=SessionStatus(row.status),
        program_name=row.program_name,
        program_version=row.program_version,
        symptoms=tuple(map(Symptom, row.symptoms)),
        sets=tuple(sets),
        lift_checks=tuple(_lift_check(check_row) for check_row in row.lift_checks),
    )


def _set_row(stored: StoredSet) -> SetRow:
    return SetRow(
        position=stored.position,
        exercise_id=stored.exercise_id,
        exercise_name=stored.exercise_name,
        kind=stored.kind.value,
        side=stored.side.value,
        set_number=stored.set_number,
        total_sets=stored.total_sets,
        mover=stored.mover.value,
        planned=stored.planned,
        done=stored.done,
        fatigue=stored.fatigue,
        symptoms=_symptom_values(stored.symptoms),
        started_at=_moment(stored.started_at),
        ended_at=_moment(stored.ended_at),
    )


def _stored_set(row: SetRow | Row[Any]) -> StoredSet:
    """A set from its row, as an object or as the columns of `sets_of_sessions`."""
    return StoredSet(
        position=row.position,
        exercise_id=row.exercise_id,
        exercise_name=row.exercise_name,
        kind=ExerciseKind(row.kind),
        side=Side(row.side),
        set_number=row.set_number,
        total_sets=row.total_sets,
        mover=Mover(row.mover),
        planned=row.planned,
        done=row.done,
        fatigue=row.fatigue,
        symptoms=tuple(map(Symptom, row.symptoms)),
        started_at=datetime.fromisoformat(row.started_at),
        ended_at=datetime.fromisoformat(row.ended_at),
    )


def _lift_check_row(check: LiftCheck) -> LiftCheckRow:
    return LiftCheckRow(
        exercise_id=check.exercise_id,
        exercise_name=check.exercise_name,
        able=check.able,
        checked_at=_moment(check.checked_at),
        checked_utc=naive_utc(check.checked_at),
    )


def _lift_check(row: LiftCheckRow) -> LiftCheck:
    return LiftCheck(
        exercise_id=row.exercise_id,
        exercise_name=row.exercise_name,
        able=row.able,
        checked_at=datetime.fromisoformat(row.checked_at),
    )


def _carry_over_row(check: CarryOverCheck, session_id: int | None) -> CarryOverRow:
    return CarryOverRow(
        session_id=session_id,
        answer=check.answer.value,
        asked_at=_moment(check.asked_at),
        asked_utc=naive_utc(check.asked_at),
    )


def _carry_over(row: CarryOverRow) -> CarryOverCheck:
    return CarryOverCheck(CarryOver(row.answer), datetime.fromisoformat(row.asked_at))


def _save_profile(db: Session, profile: Profile) -> None:
    db.merge(
        ProfileRow(
            id=1,
            therapist_name=profile.therapist_name,
            therapist_contact=profile.therapist_contact,
            patient_name=profile.patient_name,
            saved_at=_moment(profile.saved_at),
        )
    )


def _profile(row: ProfileRow) -> Profile:
    return Profile(
        therapist_name=row.therapist_name,
        therapist_contact=row.therapist_contact,
        patient_name=row.patient_name,
        saved_at=datetime.fromisoformat(row.saved_at),
    )


def _moment(moment: datetime) -> str:
    """ISO 8601 with the offset it happened at; a naive time would be ambiguous forever."""
    if moment.utcoffset() is None:
        raise ValueError("a stored time needs its UTC offset")
    return moment.isoformat()


def _symptom_values(symptoms: Iterable[Symptom]) -> list[str]:
    return sorted({Symptom(symptom).value for symptom in symptoms})


def _alsfrs_row(entry: Entry) -> AlsfrsRow:
    return AlsfrsRow(
        entered_at=_moment(entry.entered_at),
        entered_utc=naive_utc(entry.entered_at),
        entered_by=entry.entered_by.value,
        onset=entry.onset,
        **{item.value: value for item, value in zip(ITEMS, entry.values, strict=True)},
    )


def _alsfrs_entry(row: AlsfrsRow) -> Entry:
    return Entry(
        entered_at=datetime.fromisoformat(row.entered_at),
        values=tuple(getattr(row, item.value) for item in ITEMS),
        entered_by=EnteredBy(row.entered_by),
        onset=row.onset,
    )


def _merge_alsfrs(db: Session, entries: Sequence[Entry]) -> None:
    """Add the ratings not already here, matched on (moment in UTC, values)."""
    rows = db.scalars(select(AlsfrsRow))
    present = {(row.entered_utc, _alsfrs_entry(row).values) for row in rows}
    for entry in entries:
        key = (naive_utc(entry.entered_at), entry.values)
        if key not in present:
            present.add(key)
            db.add(_alsfrs_row(entry))
