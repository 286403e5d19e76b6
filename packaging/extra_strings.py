"""The translatable texts that pyside6-lupdate cannot see, with their translation context.

lupdate finds `self.tr("...")`, `QCoreApplication.translate("Context", "...")` and
`QT_TRANSLATE_NOOP`. Three kinds of text reach the screen another way:

- Texts declared outside Qt and translated by their value: the settings' labels
  (alshome/settings.py, context "Settings"), the ALSFRS-R labels and anchor words
  (alshome/domain/alsfrs.py, "Alsfrs"), the needs-attention sentences the clinic report
  prints (alshome/operations/attention_words.py, "Attention") and the example programs'
  names and notes (resources/programs/*.json, "Programs"). Those modules must not import
  Qt, so their declarations are read here instead.
- Texts passed to a module's one-line translation helper, such as
  `def tr(text): return QCoreApplication.translate("Report", text)`: lupdate files a call
  `tr("...")` under no context at all, and a call of `_tr` or `translated` not at all. The
  helpers are found by their shape, and every call of one with a literal text is listed
  under the helper's context.

Used by packaging/update_translations.py and by the tests; standard library only.
"""

from __future__ import annotations

import ast
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "alshome"
PROGRAMS = ROOT / "resources" / "programs"
PROGRAM_FIELDS = ("name", "notes", "lighter_option")

Entry = tuple[str, str]  # (context, English text)


def extra_strings() -> list[Entry]:
    """Every text lupdate misses, each once, in a stable order."""
    found = [*_settings(), *_alsfrs(), *_attention(), *_programs(), *_helper_calls()]
    return list(dict.fromkeys(found))


def _settings() -> Iterator[Entry]:
    from alshome.platform.settings import SETTINGS

    for setting in SETTINGS:
        yield "Settings", setting.label
        for _choice, label in setting.choices:
            yield "Settings", label


def _alsfrs() -> Iterator[Entry]:
    from alshome.domain.alsfrs import ANCHORS, LABELS

    for item, label in LABELS.items():
        yield "Alsfrs", label
        for anchor in ANCHORS[item]:
            yield "Alsfrs", anchor


def _attention() -> Iterator[Entry]:
    from alshome.operations import attention_words as words

    texts = [*words.SENTENCES.values(), words.NO_SESSION_YET, words.NO_SYMPTOM_NAMED, words.AND]
    for text in [*texts, *words.SYMPTOMS.values(), *words.DOMAINS.values()]:
        yield "Attention", text


def _programs() -> Iterator[Entry]:
    for path in sorted(PROGRAMS.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        for field in PROGRAM_FIELDS:
            if document.get(field):
                yield "Programs", document[field]


def _helper_calls() -> Iterator[Entry]:
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        helpers = dict(_helpers(tree))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in helpers
                and node.args
                and _text(node.args[0]) is not None
            ):
                yield helpers[node.func.id], _text(node.args[0])


def _helpers(tree: ast.Module) -> Iterator[tuple[str, str]]:
    """(name, context) of each module-level `def f(text): return QCoreApplication.translate(
    "Context", text)` (a docstring before the return is allowed)."""
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        body = [statement for statement in node.body if _text(_value(statement)) is None]
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate"
            and len(call.args) == 2
            and _text(call.args[0]) is not None
            and isinstance(call.args[1], ast.Name)
            and call.args[1].id == node.args.args[0].arg
        ):
            yield node.name, _text(call.args[0])


def _value(statement: ast.stmt) -> ast.expr | None:
    return statement.value if isinstance(statement, ast.Expr) else None


def _text(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for context, text in extra_strings():
        print(f"{context}\t{text!r}")
