"""Export and import: the documented JSON, the CSV sheet, and a strict, all-or-nothing import."""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import stat
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from alshome import __version__
from alshome.domain.fatigue import Symptom
from alshome.domain.safety import CarryOver, CarryOverCheck, LiftCheck, Profile
from alshome.domain.session import SessionStatus, SetRecord
from alshome.operations.exchange import (
    CSV_COLUMNS,
    ExportDoc,
    export_csv,
    export_json,
    import_history,
    read_export,
)
from alshome.platform.files import write_private_file
from alshome.programs.document import DocumentError
from alshome.storage.db import open_database
from alshome.storage.repository import Repository

pytestmark = pytest.mark.databases("sqlite", "postgresql")

EASTERN = timezone(timedelta(hours=-5))
EXPORTED_AT = datetime(2026, 3, 3, 8, 0, tzinfo=EASTERN)
FIRST_UUID = "0f8fad5b-d9cb-469f-a165-70867728950e"
SECOND_UUID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"


def at(day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, second, tzinfo=EASTERN)


def record(program, position, done, started, ended, symptoms=()) -> SetRecord:
    step = program.steps()[position]
    return SetRecord(position, step, started, ended, done, step.mover, frozenset(symptoms))


def one_session(repository, program, document) -> None:
    """A session of two sets: a stretch held in full, then the other side skipped."""
    program_id = repository.add_program(document, active=True)
    session_id = repository.start_session(FIRST_UUID, program_id, "Short program", 3, at(2, 9, 30))
    repository.record_set(
        session_id, record(program, 0, {"seconds": 10.0}, at(2, 9, 30, 3), at(2, 9, 30, 13))
    )
    repository.record_fatigue(session_id, 0, 4, ())
    repository.record_set(session_id, record(program, 1, None, at(2, 9, 30, 20), at(2, 9, 30, 20)))
    repository.end_session(session_id, SessionStatus.STOPPED_TIRED, at(2, 9, 31), ())


def richer_history(repository, program, document) -> None:
    """Adds an older session cut short by a symptom and one that never ended, the first-run
    profile, a day of rest and a lift check answered "no"."""
    one_session(repository, program, document)
    repository.save_profile(Profile("Ana Ruiz, PT", "555 0100", "Sam", at(1, 17, 0)))
    older = repository.start_session(
        SECOND_UUID,
        None,
        "Short program",
        2,
        at(1, 18, 0),
        CarryOverCheck(CarryOver.FINE, at(1, 17, 59)),
    )
    repository.record_lift_check(
        older, LiftCheck("shoulder_raise_weight", "Forward arm raise", False, at(1, 18, 0, 30))
    )
    repository.record_set(
        older, record(program, 2, {"repetitions": 3}, at(1, 18, 1), at(1, 18, 2), [Symptom.PAIN])
    )
    repository.record_fatigue(older, 2, None, [Symptom.CRAMP])
    repository.record_rest_day(CarryOverCheck(CarryOver.SORE, at(2, 8, 0)))
    repository.end_session(older, SessionStatus.STOPPED_SYMPTOM, at(1, 18, 3), [Symptom.CRAMP])
    repository.start_session(
        "b3f1e0a2-8d4c-4e6f-9a1b-2c3d4e5f6a7b", None, "Short program", 3, at(3, 7, 0)
    )


@pytest.fixture
def exported(repository, short_program, short_document) -> dict:
    richer_history(repository, short_program, short_document)
    return json.loads(export_json(repository, EXPORTED_AT)[0])


@pytest.fixture
def fresh_repository(another_database_url):
    engine = open_database(another_database_url)
    yield Repository(engine)
    engine.dispose()


def test_json_export_of_one_session_with_two_sets(repository, short_program, short_document):
    one_session(repository, short_program, short_document)
    text, count = export_json(repository, EXPORTED_AT)
    assert count == 1
    assert json.loads(text) == {
        "format": "alshome-export",
        "version": 4,
        "exported_at": "2026-03-03T08:00:00-05:00",
        "app_version": __version__,
        "programs": [
            {
                "name": "Short program",
                "version": 3,
                "active": True,
                "document": short_document,
                "media": {},
            }
        ],
        "profile": None,
        "carry_over_checks": [],
        "sessions": [
            {
                "uuid": FIRST_UUID,
                "started_at": "2026-03-02T09:30:00-05:00",
                "ended_at": "2026-03-02T09:31:00-05:00",
                "status": "stopped_tired",
                "program": {"name": "Short program", "version": 3},
                "symptoms": [],
                "sets": [
                    {
                        "position": 0,
                        "exercise_id": "hamstring_stretch",
                        "exercise_name": "Back-of-thigh stretch",
                        "kind": "passive_stretch",
                        "side": "left",
                        "set_number": 1,
                        "total_sets": 1,
                        "mover": "caregiver",
                        "planned": {"seconds": 10.0},
                        "done": {"seconds": 10.0},
                        "fatigue": 4,
                        "symptoms": [],
                        "started_at": "2026-03-02T09:30:03-05:00",
                        "ended_at": "2026-03-02T09:30:13-05:00",
                    },
                    {
                        "position": 1,
                        "exercise_id": "hamstring_stretch",
                        "exercise_name": "Back-of-thigh stretch",
                        "kind": "passive_stretch",
                        "side": "right",
                        "set_number": 1,
                        "total_sets": 1,
                        "mover": "caregiver",
                        "planned": {"seconds": 10.0},
                        "done": None,
                        "fatigue": None,
                        "symptoms": [],
                        "started_at": "2026-03-02T09:30:20-05:00",
                        "ended_at": "2026-03-02T09:30:20-05:00",
                    },
                ],
                "lift_checks": [],
            }
        ],
        "alsfrs": [],
        "media": [],
    }


def test_the_json_export_is_canonical_text(repository, short_program, short_document):
    """UTF-8 as it is, indented by two, and every time with its own offset: UTC as +00:00."""
    one_session(repository, short_program, short_document)
    saved_at = datetime(2026, 3, 1, 17, 0, tzinfo=UTC)
    repository.save_profile(Profile("Ána Ruiz, PT", "555 0100", "Sämi 😀", saved_at))

    text, _count = export_json(repository, EXPORTED_AT.astimezone(UTC))

    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    assert '"patient_name": "Sämi 😀",' in text
    assert '"exported_at": "2026-03-03T13:00:00+00:00",' in text
    assert '"saved_at": "2026-03-01T17:00:00+00:00"' in text
    assert '"started_at": "2026-03-02T09:30:00-05:00",' in text


def test_json_export_lists_sessions_oldest_first(exported):
    assert [session["uuid"] for session in exported["sessions"]] == [
        SECOND_UUID,
        FIRST_UUID,
        "b3f1e0a2-8d4c-4e6f-9a1b-2c3d4e5f6a7b",
    ]
    assert exported["sessions"][0]["symptoms"] == ["cramp"]
    assert exported["sessions"][0]["sets"][0]["symptoms"] == ["cramp", "pain"]
    assert exported["sessions"][2]["ended_at"] is None
    assert exported["sessions"][2]["status"] == "in_progress"


def test_json_export_carries_the_profile_and_the_safety_checks(exported):
    assert exported["profile"] == {
        "therapist_name": "Ana Ruiz, PT",
        "therapist_contact": "555 0100",
        "patient_name": "Sam",
        "saved_at": "2026-03-01T17:00:00-05:00",
    }
    assert exported["carry_over_checks"] == [
        {"asked_at": "2026-03-01T17:59:00-05:00", "answer": "fine", "session_uuid": SECOND_UUID},
        {"asked_at": "2026-03-02T08:00:00-05:00", "answer": "sore", "session_uuid": None},
    ]
    assert exported["sessions"][0]["lift_checks"] == [
        {
            "exercise_id": "shoulder_raise_weight",
            "exercise_name": "Forward arm raise",
            "able": False,
            "checked_at": "2026-03-01T18:00:30-05:00",
        }
    ]


def test_csv_export_has_one_row_per_set(repository, short_program, short_document):
    richer_history(repository, short_program, short_document)
    text, count = export_csv(repository)
    assert count == 3
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    table = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert [(row["session_uuid"], row["position"]) for row in table] == [
        (SECOND_UUID, "2"),
        ("", ""),
        (FIRST_UUID, "0"),
        (FIRST_UUID, "1"),
    ]
    symptom_set, rested, held, skipped = table
    assert (symptom_set["carry_over"], symptom_set["can_lift_without_weight"]) == ("fine", "no")
    assert (held["carry_over"], held["can_lift_without_weight"]) == ("", "")
    assert {name: value for name, value in rested.items() if value} == {
        "session_started_at": "2026-03-02T08:00:00-05:00",
        "session_status": "rested",
        "carry_over": "sore",
    }
    assert symptom_set["session_status"] == "stopped_symptom"
    assert symptom_set["program_version"] == "2"
    assert symptom_set["planned_repetitions"] == "6"
    assert symptom_set["planned_load"] == "0.5"
    assert symptom_set["planned_unit"] == "kg"
    assert symptom_set["done_repetitions"] == "3"
    assert symptom_set["fatigue"] == ""
    assert symptom_set["symptoms"] == "cramp;pain"
    assert held["session_started_at"] == "2026-03-02T09:30:00-05:00"
    assert (held["planned_seconds"], held["done_seconds"], held["fatigue"]) == ("10.0", "10.0", "4")
    assert held["mover"] == "caregiver"
    assert (skipped["done_seconds"], skipped["done_repetitions"]) == ("", "")


def test_export_then_import_then_export_gives_the_same_history(
    exported, repository, fresh_repository, tmp_path
):
    path = tmp_path / "export.json"
    text = export_json(repository, EXPORTED_AT)[0]
    write_private_file(path, text)

    assert import_history(read_export(path), fresh_repository).added == 3

    assert export_json(fresh_repository, EXPORTED_AT)[0] == text
    assert fresh_repository.sessions() == repository.sessions()
    assert fresh_repository.last_session() == repository.last_session()
    assert fresh_repository.profile() == repository.profile()
    assert fresh_repository.carry_over_checks() == repository.carry_over_checks()
    assert fresh_repository.exercises_to_review() == repository.exercises_to_review()
    assert export_csv(fresh_repository) == export_csv(repository)


def test_a_version_1_export_without_the_safety_checks_is_still_read(
    exported, fresh_repository, tmp_path
):
    del exported["profile"], exported["carry_over_checks"]
    for session in exported["sessions"]:
        del session["lift_checks"]
    exported["version"] = 1
    path = tmp_path / "old.json"
    path.write_text(json.dumps(exported))
    assert import_history(read_export(path), fresh_repository).added == 3
    assert fresh_repository.profile() is None
    assert fresh_repository.carry_over_checks() == []


def set_field(name, value):
    def change(document):
        document["sessions"][1]["sets"][0][name] = value

    return change


def session_field(name, value):
    def change(document):
        document["sessions"][1][name] = value

    return change


def duplicate_session(document):
    document["sessions"].append(copy.deepcopy(document["sessions"][0]))


def check_field(name, value):
    def change(document):
        document["carry_over_checks"][0][name] = value

    return change


def lift_field(name, value):
    def change(document):
        document["sessions"][0]["lift_checks"][0][name] = value

    return change


def profile_field(name, value):
    def change(document):
        document["profile"][name] = value

    return change


def duplicate_position(document):
    document["sessions"][1]["sets"][1]["position"] = 0


def break_program(document):
    document["programs"][0]["document"]["prescriptions"][0]["hold_seconds"] = 3


def rename_program(document):
    document["programs"][0]["name"] = "Another name"


def second_active(document):
    document["programs"].append(
        {
            **document["programs"][0],
            "version": 9,
            "document": {**document["programs"][0]["document"], "version": 9},
        }
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (set_field("fatigue", 11), "sessions[1].sets[0].fatigue: must be between 0 and 10"),
        (set_field("fatigue", True), "sessions[1].sets[0].fatigue: must be a whole number"),
        (set_field("fatigue", "4"), "sessions[1].sets[0].fatigue: must be a whole number"),
        (set_field("kind", "yoga"), "sessions[1].sets[0].kind: must be one of"),
        (set_field("mover", "robot"), "sessions[1].sets[0].mover: must be one of"),
        (set_field("side", "up"), "sessions[1].sets[0].side: must be one of"),
        (set_field("symptoms", ["cramp", "cramp"]), "sessions[1].sets[0].symptoms: must not"),
        (set_field("symptoms", ["itch"]), "sessions[1].sets[0].symptoms[0]: must be one of"),
        (set_field("set_number", 2), "sessions[1].sets[0]: set_number must not be above"),
        (set_field("started_at", "2026-03-02T09:30:03"), "sets[0].started_at: must be a date"),
        (set_field("started_at", 1772461803), "sets[0].started_at: must be a date"),
        (set_field("planned", {"seconds": -1.0}), "planned.seconds: must be between 0 and"),
        (set_field("done", {"minutes": 1}), "sets[0].done.minutes: is not a known field"),
        (set_field("colour", "red"), "sessions[1].sets[0].colour: is not a known field"),
        (session_field("status", "finished"), "sessions[1].status: must be one of"),
        (session_field("uuid", "ABC"), "sessions[1].uuid: must be a lowercase UUID"),
        (session_field("ended_at", "yesterday"), "sessions[1].ended_at: must be a date"),
        (session_field("program", {"name": "x"}), "sessions[1].program.version: is required"),
        (duplicate_session, "sessions must not repeat a uuid"),
        (duplicate_position, "sessions[1]: sets must not repeat a position"),
        (break_program, "programs[0].document: prescriptions[0].hold_seconds: must be between"),
        (rename_program, "programs[0]: name and version must match"),
        (second_active, "at most one active program"),
        (check_field("answer", "maybe"), "carry_over_checks[0].answer: must be one of"),
        (check_field("session_uuid", FIRST_UUID.replace("0f", "1f")), "name sessions that are"),
        (check_field("asked_at", "today"), "carry_over_checks[0].asked_at: must be a date"),
        (lift_field("able", "no"), "sessions[0].lift_checks[0].able: must be true or false"),
        (lift_field("exercise_id", ""), "sessions[0].lift_checks[0].exercise_id: must not be"),
        (profile_field("patient_name", "x" * 201), "profile.patient_name: must be at most 200"),
        (profile_field("email", "a@b.c"), "profile.email: is not a known field"),
    ],
)
def test_an_invalid_export_is_refused_whole_with_one_plain_sentence(
    exported, tmp_path, change, message
):
    change(exported)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(exported))
    with pytest.raises(DocumentError) as caught:
        read_export(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith("broken.json")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "alshome-program", "version": 1}', "is not an alshome export"),
        ("[1, 2]", "is not an alshome export"),
        ('{"format": "alshome-export", "version": 5}', "export of version 5"),
        ('{"format": "alshome-export", "version": "1"}', "version: must be a whole number"),
        ('{"format": "alshome-export", "version": true}', "version: must be a whole number"),
        ('{"format": "alshome-export"', "is not valid JSON"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(tmp_path, content, message):
    path = tmp_path / "file.json"
    path.write_text(content)
    with pytest.raises(DocumentError, match=message):
        read_export(path)


def test_export_files_are_written_whole_and_private(tmp_path):
    previous = os.umask(0o022)
    path = tmp_path / "export.json"
    path.write_text("old")
    path.chmod(0o644)
    try:
        write_private_file(path, "new")
    finally:
        os.umask(previous)
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [entry.name for entry in tmp_path.iterdir()] == ["export.json"]


@pytest.mark.parametrize("where", ["missing-folder/export.json", "a-folder"])
def test_an_unwritable_export_leaves_nothing_behind(tmp_path, where):
    (tmp_path / "a-folder").mkdir()
    with pytest.raises(DocumentError, match="cannot be written"):
        write_private_file(tmp_path / where, "text")
    assert [entry.name for entry in tmp_path.rglob("*")] == ["a-folder"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def parts(document, path=()):
    """The path of every value in a JSON document, containers included."""
    if isinstance(document, dict):
        for key, value in document.items():
            yield from parts(value, (*path, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from parts(value, (*path, index))
    yield path


def value_at(document, path):
    for key in path:
        document = document[key]
    return document


@pytest.mark.databases("sqlite")  # each example imports into a database of its own, in memory
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_damaged_export_gives_a_history_or_a_plain_error(exported, tmp_path, data):
    """Replace one part of a valid export with any JSON value: never a crash, never half;
    and what is read is written back as a file that reads the same."""
    document = copy.deepcopy(exported)
    paths = [path for path in parts(document) if path]
    where = data.draw(st.sampled_from(paths))
    # Values taken from elsewhere in the file are nearly right, which probes the edges.
    elsewhere = st.sampled_from(paths).map(lambda path: copy.deepcopy(value_at(exported, path)))
    value_at(document, where[:-1])[where[-1]] = data.draw(json_values | elsewhere)
    path = tmp_path / "fuzzed.json"
    path.write_text(json.dumps(document))
    try:
        history = read_export(path)
    except DocumentError as error:
        event("refused")
        assert "\n" not in str(error)
        return
    event("imported")
    rewritten = tmp_path / "rewritten.json"
    rewritten.write_text(ExportDoc.of(history, EXPORTED_AT).canonical_text(), encoding="utf-8")
    assert read_export(rewritten) == history  # the models write what they read
    engine = open_database("sqlite://")
    try:
        repository = Repository(engine)
        assert import_history(history, repository).added == len(history.sessions)
        assert len(repository.sessions()) == len(history.sessions)
    finally:
        engine.dispose()
