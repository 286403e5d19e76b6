"""The layering rules, checked at run time beside the import-linter contracts.

The domain, storage and program-file layers and the clinic server must load without Qt (so
the command line and most tests never need a display), and the command line must not pull
Qt in either.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = """
import importlib, pkgutil, sys
import alshome
names = []
for package in ("alshome.cli", "alshome.domain", "alshome.storage", "alshome.programs",
                "alshome.operations", "alshome.platform", "alshome.clinic"):
    module = importlib.import_module(package)
    names += [info.name for info in pkgutil.walk_packages(module.__path__, package + ".")
              if ".migrations" not in info.name]
for name in names:
    importlib.import_module(name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6"))
print(len(names), loaded)
"""


def test_core_layers_import_no_qt():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    count, loaded = result.stdout.strip().split(" ", 1)
    assert int(count) >= 10
    assert loaded == "[]"


def test_import_linter_contracts_hold():
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken" in result.stdout


QUICK_START_PROBE = """
import sys
from alshome.cli import main
from alshome.operations.startup import quick_start
from alshome.platform.paths import sqlite_url
start = quick_start(sqlite_url(sys.argv[1]))
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "pydantic", "alembic"})
print(start.program.name, heavy)
"""


def test_the_quick_start_imports_neither_sqlalchemy_nor_pydantic(tmp_path):
    """What the window needs at start is read and built without them (see alshome.app)."""
    result = subprocess.run(
        [sys.executable, "-c", QUICK_START_PROBE, str(tmp_path / "alshome.sqlite3")],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout == "Example home program []\n"
