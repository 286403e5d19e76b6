"""`alshome library`: the exercise library on stdout, with no history and no Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import alshome
from alshome.cli import main
from alshome.programs.document import read_json_file
from alshome.programs.library import LIBRARY_FILE, stock_library

REPOSITORY_ROOT = Path(alshome.__file__).resolve().parent.parent


def test_library_json_prints_every_exercise_and_makes_no_data_folder(tmp_path, capsys):
    folder = tmp_path / "data"
    code = main(["--data-dir", str(folder), "library", "--json"])
    captured = capsys.readouterr()
    assert (code, captured.err) == (0, "")
    document = json.loads(captured.out)
    assert document == read_json_file(LIBRARY_FILE)
    assert [entry["id"] for entry in document["exercises"]] == list(stock_library())
    assert not folder.exists()


def test_library_without_json_lists_one_exercise_a_line(tmp_path, capsys):
    code = main(["--data-dir", str(tmp_path / "data"), "library"])
    out = capsys.readouterr().out
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == list(stock_library())
    assert list(tmp_path.iterdir()) == []


LIBRARY_AND_LIST_LOADED = """
import sys
from alshome.cli import main
code = main(sys.argv[1:])
heavy = ("PySide6", "pyqtgraph", "sqlalchemy", "alembic")
print(code, sorted({name.split(".")[0] for name in sys.modules if name.startswith(heavy)}))
"""


def test_library_loads_neither_qt_nor_the_database(tmp_path):
    folder = tmp_path / "data"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            LIBRARY_AND_LIST_LOADED,
            "--data-dir",
            str(folder),
            "library",
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=REPOSITORY_ROOT,
        timeout=60,
        check=True,
    )
    assert result.stdout.splitlines()[-1] == "0 []"
    assert not folder.exists()


def test_a_reader_that_stops_early_is_not_an_error(tmp_path):
    """`alshome library --json | head -1`: the command ends quietly, as Unix tools do."""
    reader = subprocess.Popen(["true"], stdin=subprocess.PIPE)
    reader.wait(timeout=10)  # gone before a byte is written: every write meets a closed pipe
    command = subprocess.run(
        [sys.executable, "-m", "alshome", "--data-dir", str(tmp_path / "d"), "library", "--json"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    reader.stdin.close()
    assert command.returncode == 0, command.stderr
    assert command.stderr == ""
