"""The layering rules, checked at run time beside the import-linter contracts.

The domain, storage and program-file layers and the clinic server must load without Qt (so
the command line and most tests never need a display), and the command line must not pull
Qt in either. No two modules of alshome import each other, even through others and even
for type checking only: a cycle makes import order matter and hides which module is the
lower one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

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
    assert "Contracts: 6 kept, 0 broken" in result.stdout


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Each set of modules that import one another (directly or not), sorted; Tarjan's
    strongly connected components of the module graph, keeping those of two or more."""
    order: dict[str, int] = {}
    reach: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(module: str) -> None:
        order[module] = reach[module] = len(order)
        stack.append(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported not in order:
                visit(imported)
                reach[module] = min(reach[module], reach[imported])
            elif imported in stack:
                reach[module] = min(reach[module], order[imported])
        if reach[module] == order[module]:
            component = stack[stack.index(module) :]
            del stack[stack.index(module) :]
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in order:
            visit(module)
    return sorted(cycles)


def test_import_cycles_are_found():
    graph = grimp.ImportGraph()
    for name in ("a", "a.one", "a.two", "a.three", "a.four"):
        graph.add_module(name)
    for importer, imported in [
        ("a.one", "a.two"),
        ("a.two", "a.three"),
        ("a.three", "a.one"),
        ("a.three", "a.four"),
    ]:
        graph.add_import(importer=importer, imported=imported)
    assert import_cycles(graph) == [["a.one", "a.three", "a.two"]]


def test_no_module_imports_itself_through_others():
    graph = grimp.build_graph("alshome", exclude_type_checking_imports=False, cache_dir=None)
    cycles = import_cycles(graph)
    found = "\n".join(f"{len(cycle)} modules: {', '.join(cycle)}" for cycle in cycles)
    assert cycles == [], f"modules that import one another:\n{found}"


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
