"""The outbox: filled by the very transaction that saves a record, and only while shared.

Each check reads the outbox through another connection, as a sender in another thread or
a crash right after the write would find it.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from alshome.domain.alsfrs import EnteredBy, Entry
from alshome.domain.safety import CarryOver, CarryOverCheck, LiftCheck, Profile
from alshome.domain.session import Session
from alshome.storage.outbox import Kind, Outbox, set_key
from alshome.storage.recorder import SessionRecorder
from tests.storage.conftest import on_disk

pytestmark = pytest.mark.databases("sqlite", "postgresql")

CLINIC = "https://clinic.example"


def outbox_rows(database_url: str) -> list[tuple[str, str]]:
    return on_disk(database_url, "SELECT kind, key FROM outbox ORDER BY id")


def do_a_session(repository, program_id, program, clock) -> str:
    """Start, one set rated, a lift check, stopped tired: the session's uuid."""
    recorder = SessionRecorder(repository, program_id)
    session = Session(program, clock, recorder)
    session.start_set()
    clock.advance(3)
    session.tick()
    clock.advance(10)
    session.tick()
    session.finish_set()
    session.answer_fatigue(4)
    repository.record_lift_check(
        recorder.session_id, LiftCheck("shoulder_raise_weight", "Arm raise", True, clock.wall())
    )
    session.stop_tired()
    return repository.sessions()[-1].uuid


def every_kind_of_record(repository, short_document, short_program, clock) -> None:
    program_id = repository.add_program(short_document, active=True)
    repository.save_profile(Profile("Ana Ruiz", "555 0100", "Sam", clock.wall()))
    repository.record_rest_day(CarryOverCheck(CarryOver.SORE, clock.wall()))
    repository.save_alsfrs(Entry(clock.wall(), (4,) * 12, EnteredBy.PATIENT, date(2025, 1, 1)))
    do_a_session(repository, program_id, short_program, clock)


def test_a_history_never_shared_has_no_outbox_growth(
    repository, short_document, short_program, clock, database_url
):
    every_kind_of_record(repository, short_document, short_program, clock)
    assert outbox_rows(database_url) == []


def test_joining_puts_the_whole_history_in_the_outbox_in_one_go(
    repository, engine, short_document, short_program, clock, database_url
):
    every_kind_of_record(repository, short_document, short_program, clock)
    Outbox(engine).join(CLINIC, "token", "patient", clock.wall())
    [session] = repository.sessions()
    assert set(outbox_rows(database_url)) == {
        ("program", "1"),
        ("profile", "1"),
        ("carry_over", "1"),
        ("alsfrs", "1"),
        ("session", session.uuid),
    }
    assert Outbox(engine).waiting() == 5
    assert on_disk(database_url, "SELECT token FROM sharing") == [("token",)]


def test_while_shared_every_save_adds_its_record_as_it_is_committed(
    repository, engine, short_document, short_program, clock, database_url
):
    Outbox(engine).join(CLINIC, "token", "patient", clock.wall())
    program_id = repository.add_program(short_document, active=True)
    # Saved, then made the active one: the clinic learns which program is in use.
    assert outbox_rows(database_url) == [("program", str(program_id))] * 2
    uuid = do_a_session(repository, program_id, short_program, clock)
    # The start, the set, its rating, the lift check and the end: each its own write; the
    # set and its rating name the set, the rest the session's own row.
    assert [row for row in outbox_rows(database_url) if row[0] != "program"] == [
        ("session_row", uuid),
        ("set", set_key(uuid, 0)),
        ("set", set_key(uuid, 0)),
        ("session_row", uuid),
        ("session_row", uuid),
    ]
    repository.save_profile(Profile("Ana Ruiz", "555 0100", "Sam", clock.wall()))
    repository.record_rest_day(CarryOverCheck(CarryOver.FINE, clock.wall()))
    repository.save_alsfrs(Entry(clock.wall(), (3,) * 12, EnteredBy.CAREGIVER))
    assert outbox_rows(database_url)[-3:] == [
        ("profile", "1"),
        ("carry_over", "1"),
        ("alsfrs", "1"),
    ]


def test_a_save_rolled_back_leaves_nothing_in_the_outbox(engine, repository, clock, database_url):
    Outbox(engine).join(CLINIC, "token", "patient", clock.wall())
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO carry_over_checks (answer, asked_at, asked_utc)"
                " VALUES ('fine', '2026-03-02T09:30:00-05:00', '2026-03-02 14:30:00')"
            )
        )
        assert connection.execute(text("SELECT count(*) FROM outbox")).scalar() == 1
        connection.execute(text("INSERT INTO carry_over_checks (answer) VALUES ('maybe')"))
    assert outbox_rows(database_url) == []


def test_acknowledging_removes_only_the_rows_read_so_a_later_save_stays(
    repository, engine, short_document, short_program, clock
):
    outbox = Outbox(engine)
    outbox.join(CLINIC, "token", "patient", clock.wall())
    repository.add_program(short_document, active=True)
    pending = outbox.pending(max_sessions=10)
    repository.save_profile(Profile("Ana Ruiz", "555 0100", "Sam", clock.wall()))
    outbox.acknowledge(pending.ids, clock.wall())
    left = outbox.pending(max_sessions=10)
    assert left.keys == {Kind.PROFILE: ("1",)}
    assert outbox.sharing().sent_at == clock.wall()


def test_a_batch_holds_at_most_its_sessions_and_each_record_once(
    repository, engine, short_document, short_program, clock
):
    program_id = repository.add_program(short_document, active=True)
    Outbox(engine).join(CLINIC, "token", "patient", clock.wall())
    uuids = [do_a_session(repository, program_id, short_program, clock) for _ in range(3)]
    outbox = Outbox(engine)
    first = outbox.pending(max_sessions=2)
    assert first.keys[Kind.SESSION_ROW] == tuple(uuids[:2])
    assert first.keys[Kind.SET] == tuple(set_key(uuid, 0) for uuid in uuids[:2])
    outbox.acknowledge(first.ids, clock.wall())
    assert outbox.pending(max_sessions=2).keys == {
        Kind.SESSION_ROW: (uuids[2],),
        Kind.SET: (set_key(uuids[2], 0),),
    }


def test_stopping_forgets_the_token_and_what_waited(repository, engine, clock, database_url):
    outbox = Outbox(engine)
    outbox.join(CLINIC, "token", "patient", clock.wall())
    repository.record_rest_day(CarryOverCheck(CarryOver.FINE, clock.wall()))
    outbox.forget()
    assert outbox.sharing() is None
    assert outbox_rows(database_url) == []
    repository.record_rest_day(CarryOverCheck(CarryOver.FINE, clock.wall()))
    assert outbox_rows(database_url) == []
