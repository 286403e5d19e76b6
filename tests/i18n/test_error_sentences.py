"""Every failure sentence is marked for translation where it is raised.

A `UserError` raised with an f-string or a bare literal would print well on the command
line and stay English on a Spanish screen, unseen by pyside6-lupdate. Its text must be a
`QT_TRANSLATE_NOOP("Errors", ...)` call, or a name holding one (`reason`, `problem.text`).
The clinic server and its commands speak to the clinic's administrator, in English only,
and are not in the app's catalogue.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import alshome
from alshome.platform.errors import UserError

SOURCE = Path(alshome.__file__).parent
MARKER = "QT_TRANSLATE_NOOP"
ENGLISH_ONLY = ("clinic/", "cli/clinic.py")


def error_types() -> set[str]:
    """The names of UserError and its subclasses that take the sentence as their first
    argument, from every module below the screens (the others word their own)."""
    skipped = ("alshome.__main__", "alshome.ui", "alshome.app", "alshome.self_test")
    for info in pkgutil.walk_packages([str(SOURCE)], "alshome."):
        if not info.name.startswith(skipped) and ".migrations" not in info.name:
            importlib.import_module(info.name)
    found, todo = set(), [UserError]
    while todo:
        kind = todo.pop()
        if kind.__init__ is UserError.__init__:
            found.add(kind.__name__)
        todo += kind.__subclasses__()
    return found


def unmarked_raises(tree: ast.AST, names: set[str]) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name not in names:
            continue
        text = node.args[0]
        marked = isinstance(text, ast.Call) and getattr(text.func, "id", None) == MARKER
        if not (marked or isinstance(text, ast.Name | ast.Attribute | ast.Subscript)):
            lines.append(node.lineno)
    return lines


def test_the_error_types_are_found():
    names = error_types()
    assert {"UserError", "DocumentError", "BackupError", "ConversionError"} <= names
    sample = ast.parse('raise DocumentError(f"{path} is bad")\nraise BackupError(text)\n')
    assert unmarked_raises(sample, names) == [1]


def test_every_failure_sentence_is_marked_for_translation():
    names = error_types()
    found = {
        str(path.relative_to(SOURCE)): lines
        for path in sorted(SOURCE.rglob("*.py"))
        if not str(path.relative_to(SOURCE)).startswith(ENGLISH_ONLY)
        and (lines := unmarked_raises(ast.parse(path.read_text(encoding="utf-8")), names))
    }
    assert found == {}
