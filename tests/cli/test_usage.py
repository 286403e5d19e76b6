"""What opens the window and what is refused: a typo is told, never taken for "open the app"."""

from __future__ import annotations

import os
import subprocess
import sys
import types

import pytest

from alshome.cli import main
from alshome.cli.commands import COMMANDS
from tests.cli.test_cli import REPOSITORY_ROOT


@pytest.mark.parametrize(
    ("arguments", "usage", "refusal"),
    [
        (
            ["frobnicate"],
            "usage: alshome [-h]",
            "alshome: argument COMMAND: invalid choice: 'frobnicate' (choose from 'export',",
        ),
        (
            ["progam", "import", "program.json"],
            "usage: alshome [-h]",
            "alshome: argument COMMAND: invalid choice: 'progam' (choose from 'export',",
        ),
        (
            ["program", "imprt", "program.json"],
            "usage: alshome program [-h] ACTION ...",
            "alshome program: argument ACTION: invalid choice: 'imprt'",
        ),
        (
            ["export", "--bogus"],
            "usage: alshome export [-h] --format {json,csv,fhir} --output FILE",
            "alshome export: unrecognized arguments: --bogus.",
        ),
        (
            ["--bogus"],
            "usage: alshome [-h]",
            "alshome: unrecognized arguments: --bogus.",
        ),
        (
            ["backup", "now"],
            "usage: alshome backup [-h]",
            "alshome backup: unrecognized arguments: now.",
        ),
    ],
)
def test_an_unknown_command_or_option_shows_the_usage_and_opens_no_window(
    arguments, usage, refusal, tmp_path
):
    """Run as a person would; an app that opened instead would outlive the timeout."""
    folder = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "alshome", "--data-dir", str(folder), *arguments],
        capture_output=True,
        text=True,
        cwd=REPOSITORY_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=20,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(usage)
    assert result.stderr.splitlines()[-1].startswith(refusal)
    assert not folder.exists()


@pytest.fixture
def window_opened(monkeypatch) -> list[list[str]]:
    """The Qt arguments of each window the app would open, in place of opening it."""
    opened: list[list[str]] = []
    fake_app = types.ModuleType("alshome.app")
    fake_app.run_gui = lambda locations, qt_arguments: opened.append(qt_arguments) or 0
    monkeypatch.setitem(sys.modules, "alshome.app", fake_app)
    return opened


@pytest.mark.parametrize(
    ("arguments", "qt_arguments"),
    [
        ([], []),
        (["--database-url", "sqlite:///{folder}/alshome.sqlite3"], []),
        (["-style=fusion", "--data-dir", "{folder}", "-reverse"], ["-style=fusion", "-reverse"]),
        (
            ["-platform", "offscreen", "-session", "1a2b"],
            ["-platform", "offscreen", "-session", "1a2b"],
        ),
    ],
)
def test_the_apps_own_options_open_the_window(
    arguments, qt_arguments, window_opened, tmp_path, monkeypatch
):
    monkeypatch.setenv("ALSHOME_DATA_DIR", str(tmp_path / "data"))
    given = [argument.format(folder=tmp_path) for argument in arguments]
    assert main(given) == 0
    assert window_opened == [qt_arguments]


def test_qt_options_beside_a_command_are_refused(window_opened, tmp_path, capsys):
    output = tmp_path / "history.json"
    code = main(["export", "--format", "json", "--output", str(output), "-style", "fusion"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("usage: alshome export")
    assert err.endswith("alshome export: unrecognized arguments: -style fusion.\n")
    assert window_opened == []
    assert not output.exists()


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    listed = capsys.readouterr().out.split("COMMAND\n", 1)[1].split("\n\n", 1)[0]
    names = {line.split()[0] for line in listed.splitlines() if line[4] != " "}
    assert names == set(COMMANDS)


OPEN_AND_LIST_MODULES = """
import sys, types
app = types.ModuleType("alshome.app")
app.run_gui = lambda locations, qt_arguments: print(sorted(
    name for name in sys.modules if name.startswith("alshome.cli")
    or name.split(".")[0] in ("sqlalchemy", "pydantic", "alembic")
)) or 0
sys.modules["alshome.app"] = app
from alshome.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_opening_the_window_loads_no_command(tmp_path):
    """The launch reads the app's options and nothing of the commands or storage."""
    result = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST_MODULES, "--data-dir", str(tmp_path), "-reverse"],
        capture_output=True,
        text=True,
        cwd=REPOSITORY_ROOT,
        timeout=20,
        check=True,
    )
    assert result.stdout == "['alshome.cli', 'alshome.cli.parser']\n"
