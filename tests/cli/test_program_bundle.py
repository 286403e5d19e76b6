"""`alshome program import` and `export` with a bundle: the program and its pictures and
videos in one `.alshome` file, the same bytes after a round trip, and a hostile bundle
refused with one sentence, status 2, and nothing changed."""

from __future__ import annotations

import json
import zipfile

import pytest

from alshome.operations.startup import quick_start
from alshome.platform.paths import resolve_locations
from tests.cli.test_cli import run, tree
from tests.cli.test_program_command import export_program, import_program, saved_programs
from tests.programs.bundles import custom_document, putty_media, write_bundle
from tests.programs.test_bundle import HOSTILE

pytestmark = pytest.mark.databases("sqlite", "postgresql")


def test_a_bundle_is_imported_with_its_media_and_exported_byte_for_byte(
    tmp_path, capsys, another_history, backend
):
    folder = tmp_path / "data"
    bundle = write_bundle(tmp_path / "putty.alshome")
    code, out, err = import_program(capsys, folder, bundle)
    assert (code, err) == (0, "")
    assert out == (
        f"Imported 'Example home program', version 1, from {bundle}; "
        "it is now the active program.\n"
    )
    [saved] = saved_programs(folder)
    assert (saved.active, saved.media) == (True, putty_media())
    if backend == "sqlite":  # the quick path reads a SQLite file only
        start = quick_start(resolve_locations(str(folder)).database_url)
        assert start is not None  # the saved document builds without pydantic
        assert start.program.media == ("media/putty.png", "media/putty.mp4")

    exported = tmp_path / "exported.alshome"
    export_program(capsys, folder, exported)
    another_history()
    fresh = tmp_path / "fresh"
    assert import_program(capsys, fresh, exported)[0] == 0
    again = tmp_path / "again.alshome"
    export_program(capsys, fresh, again)

    assert again.read_bytes() == exported.read_bytes()
    with zipfile.ZipFile(exported) as archive:
        assert json.loads(archive.read("program.json"))["custom_exercises"][0]["picture"] == (
            "media/putty.png"
        )
        assert archive.read("media/putty.mp4") == putty_media()["media/putty.mp4"]


def test_a_program_with_media_is_not_exported_as_a_plain_file(tmp_path, capsys):
    folder = tmp_path / "data"
    import_program(capsys, folder, write_bundle(tmp_path / "putty.alshome"))
    before = tree(tmp_path)
    code, out, err = run(
        capsys, "--data-dir", str(folder), "program", "export", "--output", str(tmp_path / "p.json")
    )
    assert (code, out) == (2, "")
    assert err == (
        "The program has pictures or video, so it is written as a bundle: give the file a "
        "name ending in .alshome, such as p.alshome.\n"
    )
    assert tree(tmp_path) == before


def test_a_plain_program_without_media_still_imports(tmp_path, capsys):
    document = custom_document()
    for exercise in document["custom_exercises"]:
        exercise.update(picture=None, video=None)
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(document), encoding="utf-8")
    code, _out, err = import_program(capsys, tmp_path / "data", plain)
    assert (code, err) == (0, "")
    [saved] = saved_programs(tmp_path / "data")
    assert saved.document["custom_exercises"][0]["id"] == "hand_putty_squeeze"


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
@pytest.mark.parametrize("has_data", [False, True], ids=["new folder", "saved data"])
def test_a_hostile_bundle_changes_nothing(case, has_data, tmp_path, capsys):
    """Not the active program, not the data folder: refused whole, before any write."""
    folder = tmp_path / "data"
    if has_data:
        assert import_program(capsys, folder, write_bundle(tmp_path / "good.alshome"))[0] == 0
        (tmp_path / "good.alshome").unlink()
    make, sentence = HOSTILE[case]
    hostile = make(tmp_path / "hostile.alshome")
    programs = saved_programs(folder) if has_data else None
    before = tree(tmp_path)

    code, out, err = import_program(capsys, folder, hostile)

    assert (code, out) == (2, "")
    assert sentence in err and err.count("\n") == 1
    assert tree(tmp_path) == before
    if has_data:
        assert saved_programs(folder) == programs
    else:
        assert not folder.exists()
