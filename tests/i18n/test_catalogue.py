"""The Spanish catalogue is complete, matches the code, and the shipped .qm matches it.

Each test fails on the mistake it names: a text added to the code without running
packaging/update_translations.py, an entry left untranslated, a translation that drops a
`{placeholder}` (which would raise KeyError or lose a number on screen), or a .ts edited
without compiling the .qm the app loads.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from alshome.programs.library import TRANSLATED_FIELDS

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import update_translations  # noqa: E402

LANGUAGE = "es"
TS = update_translations.I18N / f"alshome_{LANGUAGE}.ts"
QM = TS.with_suffix(".qm")
LIBRARY = ROOT / "resources" / "library"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.fixture(scope="module")
def catalogue():
    return update_translations.read_ts(TS)


def test_every_text_has_a_finished_translation(catalogue):
    missing = [(context, source) for context, source, text in catalogue if not text]
    assert catalogue and missing == []


def test_translations_keep_every_placeholder_and_line_break(catalogue):
    wrong = [
        (context, source, text)
        for context, source, text in catalogue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text or ""))
        or source.count("\n") != (text or "").count("\n")
    ]
    assert wrong == []


def test_the_ts_holds_exactly_the_texts_of_the_code(catalogue):
    in_code = set(update_translations.source_strings())
    in_file = {(context, source) for context, source, _text in catalogue}
    assert in_code - in_file == set(), "run packaging/update_translations.py"
    assert in_file - in_code == set(), "run packaging/update_translations.py"


def test_the_texts_lupdate_cannot_see_are_in_the_ts(catalogue):
    in_file = {(context, source) for context, source, _text in catalogue}
    for expected in [
        ("Settings", "Text size (%)"),
        ("DamagedHistory", "Start afresh"),  # a call of a module's own helper
        ("Alsfrs", "Swallowing"),
        ("Programs", "Example home program"),
        ("Report", "Home exercise report"),
    ]:
        assert expected in in_file


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    update_translations.compile_qm(TS, fresh)
    assert QM.read_bytes() == fresh.read_bytes(), "run packaging/update_translations.py"


def test_every_exercise_has_spanish_texts_for_every_text_it_has():
    english = json.loads((LIBRARY / "exercises.json").read_text(encoding="utf-8"))
    spanish = json.loads((LIBRARY / f"exercises.{LANGUAGE}.json").read_text(encoding="utf-8"))
    translated = spanish["exercises"]
    assert set(translated) == {entry["id"] for entry in english["exercises"]}
    for entry in english["exercises"]:
        present = {field for field in TRANSLATED_FIELDS if entry[field]}
        texts = translated[entry["id"]]
        assert set(texts) == present, entry["id"]
        assert all(texts[field].strip() and texts[field] != entry[field] for field in present)
