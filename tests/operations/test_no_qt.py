"""The operations layer runs with no Qt: the command line and the clinic sync use it
without a display, so importing every module of it loads no Qt or pyqtgraph."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import alshome.operations

PROBE = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(sorted({m.split(".")[0] for m in sys.modules} & {"PySide6", "shiboken6", "pyqtgraph"}))
"""


def test_no_operation_imports_qt():
    modules = [
        f"alshome.operations.{module.name}"
        for module in pkgutil.iter_modules(alshome.operations.__path__)
    ]
    assert "alshome.operations.program_import" in modules
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *modules],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout == "[]\n"
