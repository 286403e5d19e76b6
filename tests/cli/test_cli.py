"""The command line: export and import without a window, and bad input that writes nothing."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import types
from pathlib import Path

import pytest

import alshome
from alshome.cli import main
from alshome.platform.paths import Locations, sqlite_url

pytestmark = pytest.mark.databases("sqlite", "postgresql")

REPOSITORY_ROOT = Path(alshome.__file__).resolve().parent.parent


def tree(root: Path) -> dict[str, bytes | None]:
    """Every file and folder under `root` with the content of each file."""
    return {
        str(path.relative_to(root)): None if path.is_dir() else path.read_bytes()
        for path in root.rglob("*")
    }


def run(capsys, *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def output_in(folder: Path, kind: str, output: Path) -> list[str]:
    return ["--data-dir", str(folder), "export", "--format", kind, "--output", str(output)]


def export(capsys, folder: Path, output: Path, kind: str = "json") -> str:
    code, out, err = run(capsys, *output_in(folder, kind, output))
    assert (code, err) == (0, "")
    return out


def test_json_export_writes_a_private_file_and_one_line(history_dir, tmp_path, capsys):
    output = tmp_path / "history.json"
    out = export(capsys, history_dir, output)
    assert out == f"Exported 2 sessions to {output}.\n"
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    document = json.loads(output.read_text())
    assert (document["format"], document["version"]) == ("alshome-export", 4)
    first, second = document["sessions"]
    assert first["status"] == "stopped_symptom"
    assert first["started_at"] == "2026-03-02T09:30:00+02:00"
    assert first["program"] == {"name": "Example home program", "version": 1}
    assert [s["fatigue"] for s in first["sets"]] == [0, 1]
    assert len(second["sets"]) == 1
    assert document["profile"]["therapist_contact"] == "555 0100"
    assert [(c["answer"], c["session_uuid"]) for c in document["carry_over_checks"]] == [
        ("sore", None),
        ("tired", second["uuid"]),
    ]
    assert [(c["exercise_id"], c["able"]) for c in second["lift_checks"]] == [
        ("knee_extension_weight", False)
    ]


def test_csv_export_has_a_header_and_one_row_per_set_and_rest_day(history_dir, tmp_path, capsys):
    output = tmp_path / "history.csv"
    export(capsys, history_dir, output, "csv")
    lines = output.read_text().splitlines()
    assert lines[0].startswith("session_uuid,session_started_at,session_status,program_name")
    assert lines[0].endswith(",carry_over,can_lift_without_weight")
    assert len(lines) == 1 + 3 + 1
    assert ",rested," in lines[3] and lines[3].endswith(",sore,")
    assert lines[4].endswith(",tired,")


def test_export_import_export_gives_the_same_sessions(
    history_dir, tmp_path, capsys, another_history, backend
):
    first = tmp_path / "first.json"
    export(capsys, history_dir, first)
    restored = tmp_path / "restored"
    another_history()

    code, out, err = run(capsys, "--data-dir", str(restored), "import", str(first))

    assert (code, out, err) == (0, f"Imported 2 sessions from {first}.\n", "")
    if backend == "sqlite":  # the history is a file in the folder, made private
        assert stat.S_IMODE(restored.stat().st_mode) == 0o700
    second = tmp_path / "second.json"
    export(capsys, restored, second)
    before, after = json.loads(first.read_text()), json.loads(second.read_text())
    assert {**after, "exported_at": None} == {**before, "exported_at": None}
    assert after["profile"] and after["carry_over_checks"] and after["sessions"][1]["lift_checks"]


def test_the_environment_chooses_the_data_folder(history_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ALSHOME_DATA_DIR", str(history_dir))
    code, out, _ = run(capsys, "export", "--format", "json", "--output", str(tmp_path / "x.json"))
    assert code == 0 and "2 sessions" in out


def test_a_database_url_overrides_the_data_folder(
    history_dir, tmp_path, capsys, server_database_url, monkeypatch
):
    url = server_database_url or sqlite_url(history_dir / "alshome.sqlite3")
    monkeypatch.delenv("ALSHOME_DATABASE_URL", raising=False)
    output = tmp_path / "x.json"
    code, out, _ = run(
        capsys, "--database-url", url, *output_in(tmp_path / "unused", "json", output)
    )
    assert code == 0 and "2 sessions" in out
    assert not (tmp_path / "unused").exists()


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def missing_file(tmp_path, history_dir):
    return ["--data-dir", str(tmp_path / "new"), "import", str(tmp_path / "nowhere.json")]


def invalid_json(tmp_path, history_dir):
    broken = write(tmp_path / "broken.json", '{"format": "alshome-export", ')
    return ["--data-dir", str(tmp_path / "new"), "import", str(broken)]


def wrong_format(tmp_path, history_dir):
    program = write(tmp_path / "program.json", '{"format": "alshome-program", "version": 1}')
    return ["--data-dir", str(tmp_path / "new"), "import", str(program)]


def wrong_version(tmp_path, history_dir):
    future = write(tmp_path / "future.json", '{"format": "alshome-export", "version": 5}')
    return ["--data-dir", str(tmp_path / "new"), "import", str(future)]


def invalid_session(tmp_path, history_dir):
    export = {
        "format": "alshome-export",
        "version": 1,
        "exported_at": "2026-03-02T09:30:00+02:00",
        "app_version": "0.1.0",
        "programs": [],
        "sessions": [{"uuid": "not-a-uuid"}],
    }
    bad = write(tmp_path / "bad.json", json.dumps(export))
    return ["--data-dir", str(tmp_path / "new"), "import", str(bad)]


def conflicting_program(tmp_path, history_dir):
    changed = tmp_path / "export.json"
    assert main(output_in(history_dir, "json", changed)) == 0
    document = json.loads(changed.read_text())
    document["programs"][0]["document"]["notes"] = "Changed since."
    changed.write_text(json.dumps(document))
    return ["--data-dir", str(history_dir), "import", str(changed)]


def nul_character(tmp_path, history_dir):
    """A NUL in a name: SQLite would keep it, PostgreSQL cannot; refused on both."""
    changed = tmp_path / "export.json"
    assert main(output_in(history_dir, "json", changed)) == 0
    document = json.loads(changed.read_text())
    document["sessions"][0]["sets"][0]["exercise_name"] = "Knee\x00 bend"
    document["sessions"][0]["uuid"] = "d6a2c4e8-1b3f-4a5c-9e7d-0f2b4d6e8a1c"
    changed.write_text(json.dumps(document))
    return ["--data-dir", str(history_dir), "import", str(changed)]


def output_in_missing_folder(tmp_path, history_dir):
    return output_in(history_dir, "json", tmp_path / "no-such-folder" / "x.json")


def output_is_a_folder(tmp_path, history_dir):
    return output_in(history_dir, "csv", tmp_path)


def export_without_history(tmp_path, history_dir):
    return output_in(tmp_path / "new", "json", tmp_path / "x.json")


def unknown_format(tmp_path, history_dir):
    return output_in(history_dir, "xml", tmp_path / "x.xml")


def data_dir_without_a_folder(tmp_path, history_dir):
    return ["--data-dir"]


def missing_output(tmp_path, history_dir):
    return ["--data-dir", str(history_dir), "export", "--format", "json"]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        (missing_file, "There is no file at"),
        (invalid_json, "broken.json is not valid JSON"),
        (wrong_format, "program.json is not an alshome export."),
        (wrong_version, "future.json is an export of version 5"),
        (invalid_session, "bad.json: sessions[0].uuid: must be a lowercase UUID"),
        (conflicting_program, "version 1, is already saved; nothing was imported."),
        (nul_character, "export.json holds a NUL character, which no alshome file does."),
        (output_in_missing_folder, "cannot be written: No such file or directory."),
        (output_is_a_folder, "cannot be written: Is a directory."),
        (unknown_format, "argument --format: invalid choice: 'xml'"),
        (missing_output, "the following arguments are required: --output"),
        (data_dir_without_a_folder, "alshome: argument --data-dir: expected one argument."),
    ],
)
def test_bad_input_gets_one_sentence_status_2_and_writes_nothing(
    case, message, history_dir, tmp_path, capsys
):
    assert_refused_writing_nothing(case(tmp_path, history_dir), message, tmp_path, capsys)


@pytest.mark.databases("sqlite")  # a database server's history is there from the start
def test_an_export_from_a_folder_without_history_is_refused(history_dir, tmp_path, capsys):
    arguments = export_without_history(tmp_path, history_dir)
    assert_refused_writing_nothing(arguments, "There is no alshome history in", tmp_path, capsys)


def assert_refused_writing_nothing(arguments, message, tmp_path, capsys) -> None:
    capsys.readouterr()
    before = tree(tmp_path)

    code, out, err = run(capsys, *arguments)

    assert code == 2
    assert out == ""
    assert message in err
    assert err.endswith("\n") and err.count("\n") == 1
    assert tree(tmp_path) == before


def test_python_dash_m_refuses_bad_input_without_creating_the_folder(tmp_path):
    folder = tmp_path / "new"
    result = subprocess.run(
        [sys.executable, "-m", "alshome", "--data-dir", str(folder), "import", "nowhere.json"],
        capture_output=True,
        text=True,
        cwd=REPOSITORY_ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "There is no file at" in result.stderr
    assert not folder.exists()


EXPORT_AND_LIST_QT = """
import sys
from alshome.cli import main
code = main(sys.argv[1:])
print(code, sorted(name for name in sys.modules if name.startswith(("PySide6", "pyqtgraph"))))
"""


def test_the_command_line_never_loads_qt(history_dir, tmp_path):
    arguments = output_in(history_dir, "csv", tmp_path / "x.csv")
    result = subprocess.run(
        [sys.executable, "-c", EXPORT_AND_LIST_QT, *arguments],
        capture_output=True,
        text=True,
        cwd=REPOSITORY_ROOT,
        timeout=60,
        check=True,
    )
    assert result.stdout.splitlines()[-1] == "0 []"


def test_with_no_command_the_app_opens_with_the_qt_arguments(tmp_path, monkeypatch):
    calls = []
    fake_app = types.ModuleType("alshome.app")
    fake_app.run_gui = lambda locations, qt_args: calls.append((locations, qt_args)) or 7
    monkeypatch.setitem(sys.modules, "alshome.app", fake_app)

    code = main(["--data-dir", str(tmp_path / "data"), "-style", "fusion"])

    assert code == 7
    [(locations, qt_args)] = calls
    assert isinstance(locations, Locations)
    assert locations.data_dir == tmp_path / "data"
    assert qt_args == ["-style", "fusion"]
    assert not (tmp_path / "data").exists()
