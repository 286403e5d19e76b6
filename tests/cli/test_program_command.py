"""`alshome program export` and `import`: the active program as a file, and a file checked
whole before it becomes the active program, with older versions kept for the history."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from alshome.cli import main
from alshome.operations.startup import quick_start
from alshome.platform.paths import resolve_locations
from alshome.programs.demo import demo_document
from alshome.storage.db import open_database
from alshome.storage.repository import ProgramRecord, Repository
from tests.cli.test_cli import run, tree

pytestmark = pytest.mark.databases("sqlite", "postgresql")


def export_program(capsys, folder: Path, output: Path) -> str:
    code, out, err = run(
        capsys, "--data-dir", str(folder), "program", "export", "--output", str(output)
    )
    assert (code, err) == (0, "")
    return out


def import_program(capsys, folder: Path, file: Path) -> tuple[int, str, str]:
    return run(capsys, "--data-dir", str(folder), "program", "import", str(file))


def saved_programs(folder: Path) -> list[ProgramRecord]:
    engine = open_database(resolve_locations(str(folder)).database_url)
    try:
        return Repository(engine).programs()
    finally:
        engine.dispose()


def write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.fixture
def exported(tmp_path, capsys) -> Path:
    """The demo program exported from a new data folder."""
    output = tmp_path / "program.json"
    export_program(capsys, tmp_path / "data", output)
    return output


def test_export_from_a_new_folder_saves_the_demo_and_writes_a_private_file(tmp_path, capsys):
    output = tmp_path / "program.json"
    out = export_program(capsys, tmp_path / "data", output)
    assert out == f"Exported 'Example home program', version 1, to {output}.\n"
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    text = output.read_text(encoding="utf-8")
    assert text.endswith("}\n") and text.startswith('{\n  "format": "alshome-program",\n')
    document = json.loads(text)
    assert document["prescriptions"] == demo_document()["prescriptions"]
    assert [program.active for program in saved_programs(tmp_path / "data")] == [True]


def test_export_import_export_is_byte_identical(exported, tmp_path, capsys, another_history):
    fresh = tmp_path / "fresh"
    another_history()
    code, out, err = import_program(capsys, fresh, exported)
    assert (code, err) == (0, "")
    assert out == (
        f"Imported 'Example home program', version 1, from {exported}; "
        "it is now the active program.\n"
    )
    again = tmp_path / "again.json"
    export_program(capsys, fresh, again)
    assert again.read_bytes() == exported.read_bytes()


def test_importing_the_active_program_again_changes_nothing(exported, tmp_path, capsys):
    before = saved_programs(tmp_path / "data")
    code, out, err = import_program(capsys, tmp_path / "data", exported)
    assert (code, err) == (0, "")
    assert (
        out
        == "'Example home program', version 1, is already the active program; nothing changed.\n"
    )
    assert saved_programs(tmp_path / "data") == before


def test_a_new_version_becomes_active_and_the_old_one_is_kept(
    exported, tmp_path, capsys, backend
):
    folder = tmp_path / "data"
    document = json.loads(exported.read_text())
    document["version"] = 2
    document["prescriptions"][0]["hold_seconds"] = 45
    del document["notes"]  # optional fields may be left out
    code, _out, err = import_program(capsys, folder, write(tmp_path / "v2.json", document))
    assert (code, err) == (0, "")
    programs = saved_programs(folder)
    assert [(p.version, p.active) for p in programs] == [(1, False), (2, True)]
    assert programs[1].document["notes"] == ""  # saved in canonical form, every field written
    if backend == "sqlite":  # the quick path reads a SQLite file only
        start = quick_start(resolve_locations(str(folder)).database_url)
        assert start is not None  # the saved document builds without pydantic
        assert start.program.version == 2
        assert start.program.prescriptions[0].dose.hold_seconds == 45

    code, out, _err = import_program(capsys, folder, exported)
    assert code == 0
    assert (
        out
        == "'Example home program', version 1, was already saved; it is the active program again.\n"
    )
    assert [(p.version, p.active) for p in saved_programs(folder)] == [(1, True), (2, False)]


def test_a_changed_program_under_a_saved_version_is_refused(exported, tmp_path, capsys):
    folder = tmp_path / "data"
    document = json.loads(exported.read_text())
    document["prescriptions"][0]["hold_seconds"] = 45
    before = saved_programs(folder)
    code, out, err = import_program(capsys, folder, write(tmp_path / "changed.json", document))
    assert (code, out) == (2, "")
    assert err == (
        "A different program named 'Example home program', version 1, is already saved; "
        "give this one a new version number.\n"
    )
    assert saved_programs(folder) == before


def mutated(change):
    def make(path: Path) -> Path:
        document = demo_document()
        change(document)
        return write(path, document)

    return make


BAD_FILES = {
    "prescriptions[2].hold_seconds: must be between 5 and 300": mutated(
        lambda d: d["prescriptions"].insert(2, {**d["prescriptions"][0], "hold_seconds": 301})
    ),
    "prescriptions[0].repeat: is not a known field": mutated(
        lambda d: d["prescriptions"][0].update(repeat=3)
    ),
    "prescriptions[1].exercise: 'moonwalk' is not in the library": mutated(
        lambda d: d["prescriptions"][1].update(exercise="moonwalk")
    ),
    "thresholds.rest_longer_at: must not be above stop_at": mutated(
        lambda d: d["thresholds"].update(rest_longer_at=9, stop_at=7)
    ),
    "weekly_target: must be between 1 and 14": mutated(lambda d: d.update(weekly_target=10**30)),
    "author.phone: is not a known field": mutated(lambda d: d["author"].update(phone="555")),
    "format: must be 'alshome-program'": mutated(lambda d: d.update(format="alshome-export")),
}


@pytest.mark.parametrize("reason", BAD_FILES)
@pytest.mark.parametrize("has_data", [False, True], ids=["new folder", "saved data"])
def test_a_bad_file_gets_one_sentence_status_2_and_writes_nothing(
    reason, has_data, exported, tmp_path, capsys
):
    folder = tmp_path / ("data" if has_data else "new")
    bad = BAD_FILES[reason](tmp_path / "bad.json")
    before = tree(tmp_path)
    code, out, err = import_program(capsys, folder, bad)
    assert (code, out) == (2, "")
    assert err == f"bad.json: {reason}\n"
    assert tree(tmp_path) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "{",
            "bad.json is not valid JSON (line 1: Expecting property name enclosed in "
            "double quotes).\n",
        ),
        ("1" * 5000, "bad.json is not an alshome file.\n"),
        ("[" * 100_000, "bad.json is not an alshome file.\n"),
        ("[]", "bad.json: document: must be an object\n"),
        (" " * 300_000, "bad.json is too large (300000 bytes; the limit is 262144).\n"),
    ],
    ids=["broken", "huge number", "deep nesting", "not an object", "too large"],
)
def test_a_file_that_is_not_a_program_is_refused_plainly(text, message, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    code, out, err = import_program(capsys, tmp_path / "new", bad)
    assert (code, out, err) == (2, "", message)
    assert not (tmp_path / "new").exists()


def test_program_needs_an_action(capsys):
    code, _out, err = run(capsys, "program")
    assert code == 2
    assert err == "alshome program: the following arguments are required: ACTION.\n"


def test_help_lists_the_program_actions(capsys):
    with pytest.raises(SystemExit):
        main(["program", "--help"])
    out = capsys.readouterr().out
    assert "export" in out and "import" in out
