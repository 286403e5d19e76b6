"""`alshome --self-test`, as a packager and CI run it: a separate process, exit status 0 or 1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import alshome.self_test

TIMEOUT = 120  # seconds: generous on a loaded machine; the walk itself takes a few


def self_test(*python: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, *(python or ("-m", "alshome")), "--self-test"]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def test_every_check_passes_and_the_data_folder_is_left_alone() -> None:
    data_home = Path(os.environ["XDG_DATA_HOME"])
    before = sorted(data_home.rglob("*"))

    result = self_test()

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "self-test passed"
    # A computer without sound is warned of, not failed (see tests/ui/test_no_sound.py).
    sound = "voice and sound modules"
    checked = [
        sound if line.startswith(f"WARNING {sound}: ") else line.removeprefix("ok     ")
        for line in lines
        if line.startswith(("ok     ", f"WARNING {sound}: "))
    ]
    walk = alshome.self_test.Walk(Path("unused"))
    assert checked == [name for name, _check in walk.checks()]
    assert "the session saved in the history" in checked
    assert sorted(data_home.rglob("*")) == before


def test_a_missing_resource_fails_the_self_test() -> None:
    empty = Path(__file__).parent / "no-resources-here"
    script = (
        "import pathlib, sys, alshome.platform.resources\n"
        f"alshome.platform.resources.resources_dir = lambda: pathlib.Path({str(empty)!r})\n"
        "from alshome.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )

    result = self_test("-c", script)

    assert result.returncode == 1
    assert "FAILED exercise library" in result.stdout
    assert "self-test passed" not in result.stdout
