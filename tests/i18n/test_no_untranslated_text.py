"""No text on screen bypasses translation: a literal given to a text-taking call is a bug.

The scan reads alshome/ui with Python's ast and looks at every call of the functions and
methods that put text on screen; any string literal (or literal part of an f-string) with
a letter in it, passed straight to one of them, would stay English in every language.
Texts wrapped in `self.tr`, `QCoreApplication.translate` or a module's translation helper
are calls, not literals, so they pass.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "alshome" / "ui"
TEXT_CALLS = {
    "label",
    "button",
    "toggle",
    "FitLabel",
    "set_text",
    "setText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setPlaceholderText",
    "setWindowTitle",
    "setToolTip",
}
# Where the text is: the first argument, or the second for `set_text(widget, text)`; and the
# keyword arguments that are text too (the others name a style role).
TEXT_POSITION = {"set_text": 1}
TEXT_KEYWORDS = {"text", "accessible_name", "description"}
ALLOWED = {"alshome"}  # the app's own name, the same in every language


def call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def literal_texts(node: ast.expr) -> list[str]:
    """The literal words in an argument: a string, or the fixed parts of an f-string."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [part.value for part in node.values if isinstance(part, ast.Constant)]
    return []


def untranslated(source: str, filename: str = "<test>") -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call) or call_name(node) not in TEXT_CALLS:
            continue
        name = call_name(node)
        position = TEXT_POSITION.get(name, 0)
        arguments = [keyword.value for keyword in node.keywords if keyword.arg in TEXT_KEYWORDS]
        if len(node.args) > position:
            arguments.append(node.args[position])
        for argument in arguments:
            for text in literal_texts(argument):
                if any(character.isalpha() for character in text) and text not in ALLOWED:
                    found.append(f"{filename}:{node.lineno}: {text!r}")
    return found


def test_the_scan_finds_a_literal_and_an_f_string_and_passes_translated_text():
    source = (
        'label("Hello", "title")\n'
        'self.name.setText(f"Set {n}")\n'
        'button(self.tr("Start"), self.start, role="primary")\n'
        'widget.setAccessibleName("alshome")\n'
        'set_text(label, f"{done} / {total}")\n'
        'toggle(self.tr("On"), self.flip, accessible_name="Sound")\n'
    )
    assert untranslated(source) == [
        "<test>:1: 'Hello'",
        "<test>:2: 'Set '",
        "<test>:6: 'Sound'",
    ]


@pytest.mark.parametrize("path", sorted(UI.rglob("*.py")), ids=lambda path: path.name)
def test_no_text_on_screen_bypasses_translation(path):
    assert untranslated(path.read_text(encoding="utf-8"), path.name) == []
