"""The pictures and videos of a therapist's own exercises live in the database with the
program version that names them: kept once, exported and imported with the history,
backed up, encrypted and deleted with it, and still there for an old session."""

from __future__ import annotations

import copy
import hashlib
import io
import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PIL import Image, PngImagePlugin
from sqlalchemy import create_engine, inspect

from alshome.operations.exchange import export_json, import_history, read_export
from alshome.operations.privacy import delete_all_data
from alshome.platform.paths import Locations, sqlite_url
from alshome.programs.document import DocumentError, build_program
from alshome.programs.library import stock_library
from alshome.programs.transfer import (
    CheckedProgram,
    Outcome,
    check_program,
    document_of,
    import_program,
)
from alshome.storage import cipher
from alshome.storage.backups import backups_folder, restore, take_backup
from alshome.storage.db import drop_history, open_database
from alshome.storage.repository import ProgramConflictError, Repository
from tests.programs.bundles import custom_document
from tests.storage.conftest import on_disk

BOTH = pytest.mark.databases("sqlite", "postgresql")
NOW = datetime(2026, 11, 25, 17, 40, 12, tzinfo=UTC)
MARKER = "ZX-MEDIA-4417"
PASSPHRASE = "a putty squeeze a day"


def marked_picture(colour: tuple[int, int, int] = (40, 120, 200)) -> bytes:
    """A real PNG that carries MARKER in a text chunk, to look for in files."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", MARKER)
    buffer = io.BytesIO()
    Image.new("RGB", (12, 9), colour).save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def putty(version: int, instruction: str, colour: tuple[int, int, int]) -> tuple[dict, dict]:
    """A program version whose own exercise has a picture and no video."""
    document = custom_document(
        {
            "id": "hand_putty_squeeze",
            "name": "Putty squeeze",
            "kind": "resistance",
            "region": "hand",
            "instruction": instruction,
            "picture": "media/putty.png",
        }
    )
    document["version"] = version
    return document, {"media/putty.png": marked_picture(colour)}


@BOTH
def test_media_are_saved_with_their_version_and_kept_once(repository, database_url):
    first, media = putty(1, "Squeeze slowly.", (40, 120, 200))
    second = {**copy.deepcopy(first), "version": 2, "notes": "Longer holds now."}
    first_id = repository.add_program(first, active=True, media=media)
    second_id = repository.add_program(second, active=True, media=media)

    assert repository.program_media(first_id) == media == repository.program_media(second_id)
    assert [record.media for record in repository.programs()] == [media, media]
    assert on_disk(database_url, "SELECT count(*) FROM media") == [(1,)]
    assert repository.add_program(first, active=False, media=media) == first_id


@BOTH
def test_different_media_under_a_saved_version_are_refused_and_nothing_changes(
    repository, database_url
):
    document, media = putty(1, "Squeeze slowly.", (40, 120, 200))
    repository.add_program(document, active=True, media=media)
    other = {"media/putty.png": marked_picture((200, 30, 30))}

    with pytest.raises(ProgramConflictError):
        repository.add_program(document, active=True, media=other)
    with pytest.raises(DocumentError, match="give this one a new version number"):
        import_program(CheckedProgram(document, check_program(document).program, other), repository)
    assert on_disk(database_url, "SELECT count(*) FROM media") == [(1,)]


@BOTH
def test_an_old_session_still_resolves_the_exercise_it_was_done_with(repository):
    """Version 2 changes the exercise and its picture; version 1's stay as they were."""
    first, first_media = putty(1, "Squeeze slowly.", (40, 120, 200))
    second, second_media = putty(2, "Squeeze, then spread your fingers.", (200, 30, 30))
    for document, media in ((first, first_media), (second, second_media)):
        checked = CheckedProgram(document, check_program(document).program, media)
        assert import_program(checked, repository) is Outcome.ADDED

    saved = repository.program_named(first["name"], 1)
    old = build_program(saved.document, stock_library()).prescriptions[0].exercise

    assert (old.instruction, old.picture) == ("Squeeze slowly.", "media/putty.png")
    assert repository.program_media(saved.id) == first_media
    assert repository.active_program().document["version"] == 2


@BOTH
def test_a_version_edited_from_the_active_program_keeps_its_media(repository, database_url):
    """The editor saves a new version from the program's document alone, without media."""
    document, media = putty(1, "Squeeze slowly.", (40, 120, 200))
    repository.add_program(document, active=True, media=media)
    program = check_program(document).program
    edited = document_of(replace(program, version=2, notes="Longer holds now."))

    assert import_program(check_program(edited), repository) is Outcome.ADDED

    active = repository.active_program()
    assert active.document["version"] == 2
    assert repository.program_media(active.id) == media
    assert on_disk(database_url, "SELECT count(*) FROM media") == [(1,)]


@BOTH
def test_a_program_naming_media_it_does_not_hold_is_refused(repository):
    document, _media = putty(1, "Squeeze slowly.", (40, 120, 200))
    with pytest.raises(DocumentError, match=r"'media/putty\.png' is named by the program but"):
        import_program(check_program(document), repository)
    assert repository.programs() == []


@BOTH
def test_the_history_export_carries_the_media_and_an_import_restores_them(
    repository, another_database_url, tmp_path
):
    document, media = putty(1, "Squeeze slowly.", (40, 120, 200))
    repository.add_program(document, active=True, media=media)
    text, _count = export_json(repository, NOW)
    file = tmp_path / "history.json"
    file.write_text(text, encoding="utf-8")

    engine = open_database(another_database_url)
    try:
        restored = Repository(engine)
        import_history(read_export(file), restored)
        assert [record.media for record in restored.programs()] == [media]
        assert export_json(restored, NOW)[0] == text
    finally:
        engine.dispose()


def test_an_export_whose_media_are_not_what_they_say_is_refused(repository, tmp_path):
    document, media = putty(1, "Squeeze slowly.", (40, 120, 200))
    repository.add_program(document, active=True, media=media)
    exported = json.loads(export_json(repository, NOW)[0])
    file = tmp_path / "history.json"

    tampered = copy.deepcopy(exported)
    tampered["media"][0]["content"] = "bm90IGEgcGljdHVyZQ=="  # "not a picture"
    file.write_text(json.dumps(tampered), encoding="utf-8")
    with pytest.raises(DocumentError, match="sha256 must be the SHA-256 of the content"):
        read_export(file)

    forged = copy.deepcopy(exported)
    forged["media"][0] = {
        "sha256": hashlib.sha256(b"not a picture").hexdigest(),
        "content": "bm90IGEgcGljdHVyZQ==",
    }
    forged["programs"][0]["media"]["media/putty.png"] = forged["media"][0]["sha256"]
    file.write_text(json.dumps(forged), encoding="utf-8")
    with pytest.raises(DocumentError, match=r"media/putty.png: is not a PNG picture that opens"):
        read_export(file)


def test_backups_encryption_and_restores_cover_the_media(engine, repository, database_path):
    document, media = putty(1, "Squeeze slowly.", (40, 120, 200))
    repository.add_program(document, active=True, media=media)
    engine.dispose()
    assert MARKER.encode() in database_path.read_bytes()

    cipher.encrypt(database_path, PASSPHRASE, NOW)
    backup = take_backup(database_path, backups_folder(database_path), "manual", NOW, PASSPHRASE)
    for file in database_path.parent.rglob("*"):
        if file.is_file():
            assert MARKER.encode() not in file.read_bytes(), file.name

    encrypted = open_database(sqlite_url(database_path), PASSPHRASE)
    try:
        Repository(encrypted).add_program({**document, "version": 2}, active=True)
    finally:
        encrypted.dispose()
    restore(backup, database_path, backups_folder(database_path), NOW, PASSPHRASE)
    restored = open_database(sqlite_url(database_path), PASSPHRASE)
    try:
        [record] = Repository(restored).programs()
        assert record.media == media
    finally:
        restored.dispose()


def test_delete_all_leaves_no_media_behind(engine, repository, database_path):
    document, media = putty(1, "Squeeze slowly.", (40, 120, 200))
    repository.add_program(document, active=True, media=media)
    engine.dispose()
    folder = database_path.parent
    take_backup(database_path, backups_folder(database_path), "manual", NOW)

    delete_all_data(Locations(folder, sqlite_url(database_path)))

    assert not any(
        MARKER.encode() in file.read_bytes() for file in folder.rglob("*") if file.is_file()
    )


@pytest.mark.databases("postgresql")
def test_delete_all_on_a_server_drops_the_media_tables(engine, repository, database_url):
    document, media = putty(1, "Squeeze slowly.", (40, 120, 200))
    repository.add_program(document, active=True, media=media)
    engine.dispose()

    drop_history(database_url)

    server = create_engine(database_url)
    try:
        assert not {"media", "program_media"} & set(inspect(server).get_table_names())
    finally:
        server.dispose()
