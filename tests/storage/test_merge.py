"""An import merges an export into a history that already holds sessions: what is new is
added, what is already here is skipped and counted and never changed, and a refused import,
for whatever reason, leaves the database as it was."""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from alshome.domain.safety import CarryOver, CarryOverCheck, Profile
from alshome.operations.exchange import export_json, import_history, read_export
from alshome.platform.paths import sqlite_url
from alshome.programs.document import DocumentError
from alshome.storage.db import open_database
from alshome.storage.repository import MergeResult, Repository
from tests.storage.test_exchange import (
    EXPORTED_AT,
    FIRST_UUID,
    SECOND_UUID,
    at,
    json_values,
    one_session,
    parts,
    richer_history,
    value_at,
)

pytestmark = pytest.mark.databases("sqlite", "postgresql")

UNFINISHED_UUID = "b3f1e0a2-8d4c-4e6f-9a1b-2c3d4e5f6a7b"  # the export's session in progress
LOCAL_UUID = "d6a2c4e8-1b3f-4a5c-9e7d-0f2b4d6e8a1c"
LOCAL_PROFILE = Profile("Lee Chen, PT", "555 0199", "Sam", at(4, 8, 0))

EXAMPLES = count()  # a fresh folder for every example
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@contextmanager
def opened(url: str) -> Iterator[Repository]:
    engine = open_database(url)
    try:
        yield Repository(engine)
    finally:
        engine.dispose()


def local_history(repository, program, document) -> None:
    """What is here before the import: the export's first session as it was saved, a session
    of its own, another program made active since, and a profile of its own."""
    one_session(repository, program, document)
    repository.start_session(LOCAL_UUID, None, "Short program", 3, at(4, 9, 0))
    repository.add_program({**document, "version": 7}, active=True)
    repository.save_profile(LOCAL_PROFILE)


def snapshot(repository: Repository) -> str:
    return export_json(repository, EXPORTED_AT)[0]


@pytest.fixture
def export_file(repository, short_program, short_document, tmp_path) -> Path:
    """An export of three sessions, one of which (FIRST_UUID) is already here."""
    richer_history(repository, short_program, short_document)
    path = tmp_path / "export.json"
    path.write_text(snapshot(repository))
    return path


@pytest.fixture
def here(another_database_url, short_program, short_document) -> Iterator[Repository]:
    with opened(another_database_url) as repository:
        local_history(repository, short_program, short_document)
        yield repository


def test_a_merge_adds_what_is_new_and_counts_what_was_already_here(export_file, here):
    result = import_history(read_export(export_file), here)

    assert result == MergeResult(added=2, already_here=1)
    assert [session.uuid for session in here.sessions()] == [
        SECOND_UUID,
        FIRST_UUID,
        UNFINISHED_UUID,
        LOCAL_UUID,
    ]
    assert [(stored.check.answer, stored.session_uuid) for stored in here.carry_over_checks()] == [
        (CarryOver.FINE, SECOND_UUID),
        (CarryOver.SORE, None),
    ]
    assert [check.exercise_id for check in here.exercises_to_review()] == ["shoulder_raise_weight"]
    assert here.profile() == LOCAL_PROFILE
    assert (here.active_program().name, here.active_program().version) == ("Short program", 7)


def test_the_same_file_imported_twice_adds_nothing_the_second_time(export_file, here):
    assert import_history(read_export(export_file), here).added == 2
    before = snapshot(here)

    assert import_history(read_export(export_file), here) == MergeResult(0, 3)

    assert snapshot(here) == before


def test_a_session_already_here_is_never_changed_by_a_fuller_one(export_file, here):
    """The unfinished session here stays as it was saved, even if the export finished it."""
    document = json.loads(export_file.read_text())
    unfinished = next(s for s in document["sessions"] if s["uuid"] == UNFINISHED_UUID)
    unfinished["uuid"] = LOCAL_UUID
    unfinished |= {"status": "completed", "ended_at": "2026-03-04T09:30:00-05:00"}
    unfinished["sets"] = document["sessions"][1]["sets"]
    export_file.write_text(json.dumps(document))
    [local_before] = [s for s in here.sessions() if s.uuid == LOCAL_UUID]

    assert import_history(read_export(export_file), here) == MergeResult(1, 2)

    [local_after] = [s for s in here.sessions() if s.uuid == LOCAL_UUID]
    assert local_after == local_before
    assert (local_after.status.value, local_after.sets) == ("in_progress", ())


def test_a_day_of_rest_already_here_is_matched_at_any_offset(export_file, here):
    here.record_rest_day(CarryOverCheck(CarryOver.SORE, at(2, 8, 0).astimezone(UTC)))

    import_history(read_export(export_file), here)

    rest_days = [stored for stored in here.carry_over_checks() if stored.session_uuid is None]
    assert len(rest_days) == 1


def test_a_different_program_under_a_saved_name_and_version_refuses_everything(export_file, here):
    document = json.loads(export_file.read_text())
    document["programs"][0]["document"]["notes"] = "Changed since."
    export_file.write_text(json.dumps(document))
    before = snapshot(here)

    with pytest.raises(DocumentError) as caught:
        import_history(read_export(export_file), here)

    assert str(caught.value) == (
        "A different program named 'Short program', version 3, is already saved; "
        "nothing was imported."
    )
    assert snapshot(here) == before


# ----- property: any file merges or is refused whole --------------------------------------


@pytest.fixture
def template(tmp_path, short_program, short_document) -> Path:
    """A database holding the local history, copied afresh for every example."""
    path = tmp_path / "template" / "alshome.sqlite3"
    with opened(sqlite_url(path)) as repository:
        local_history(repository, short_program, short_document)
    return path


def assert_merges_or_is_refused_whole(content: str, template: Path, folder: Path) -> None:
    database = folder / "alshome.sqlite3"
    folder.mkdir()
    with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(database)) as copy_:
        source.backup(copy_)
    file = folder / "export.json"
    file.write_text(content)
    with opened(sqlite_url(database)) as repository:
        before = snapshot(repository)
        sessions_before = {session.uuid: session for session in repository.sessions()}
        try:
            history = read_export(file)
            event("valid")
            result = import_history(history, repository)
        except DocumentError as error:
            event("refused")
            assert str(error) and "\n" not in str(error)
            assert snapshot(repository) == before
            return
        event("merged")
        sessions_after = {session.uuid: session for session in repository.sessions()}
        assert len(sessions_after) == len(sessions_before) + result.added
        assert all(sessions_after[uuid] == kept for uuid, kept in sessions_before.items())
        assert repository.profile() == LOCAL_PROFILE


@st.composite
def damaged(draw: st.DrawFn, exported: dict[str, Any]) -> dict[str, Any]:
    """Up to three parts of a valid export replaced, dropped, or swapped for a value from
    elsewhere in it (nearly right, which probes the edges); perhaps with its program
    changed or a session not saved here."""
    document = copy.deepcopy(exported)
    originals = [path for path in parts(exported) if path]
    elsewhere = st.sampled_from(originals).map(lambda path: copy.deepcopy(value_at(exported, path)))
    if draw(st.booleans()):  # still valid, but the program differs from the one saved here
        document["programs"][0]["document"]["notes"] = draw(st.text(max_size=20))
    if draw(st.booleans()):  # a session that is not here yet
        document["sessions"][1]["uuid"] = str(draw(st.uuids()))
    for _ in range(draw(st.sampled_from([0, 0, 1, 2, 3]))):
        paths = [path for path in parts(document) if path]
        if not paths:
            break
        where = draw(st.sampled_from(paths))
        parent = value_at(document, where[:-1])
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[where[-1]]
            continue
        parent[where[-1]] = draw(json_values | elsewhere)
    return document


@pytest.mark.databases("sqlite")  # a fresh copy of the database for every example
@FUZZ
@given(data=st.data())
def test_a_damaged_export_merges_or_leaves_the_database_as_it_was(
    export_file, template, tmp_path, data
):
    exported = json.loads(export_file.read_text())
    document = data.draw(damaged(exported))
    folder = tmp_path / f"example-{next(EXAMPLES)}"
    assert_merges_or_is_refused_whole(json.dumps(document), template, folder)


@pytest.mark.databases("sqlite")  # a fresh copy of the database for every example
@FUZZ
@given(value=json_values)
def test_any_json_value_merges_or_leaves_the_database_as_it_was(template, tmp_path, value):
    fields = value if isinstance(value, dict) else {"sessions": value}
    wrapped = {"format": "alshome-export", "version": 2, **fields}
    for content in (json.dumps(value), json.dumps(wrapped)):
        folder = tmp_path / f"example-{next(EXAMPLES)}"
        assert_merges_or_is_refused_whole(content, template, folder)
