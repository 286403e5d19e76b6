"""The language setting: what it accepts, what it chooses, and what follows it.

The exercise library and the example programs' words follow the language; the command
line's library stays in English whatever the app shows.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication

from alshome.cli import main
from alshome.domain.program import LoadUnit
from alshome.platform.settings import Settings
from alshome.programs.library import ENGLISH, stock_library, use_language
from alshome.ui import words
from alshome.ui.i18n import chosen_language, program_text
from alshome.ui.pages import Page


def test_the_language_setting_starts_as_the_computers_and_takes_only_its_choices():
    settings = Settings.in_memory()
    assert settings.get("language") == "system"
    settings.set("language", "es")
    assert settings.get("language") == "es"
    with pytest.raises(ValueError):
        settings.set("language", "fr")


def test_a_chosen_language_is_used_and_the_computers_only_when_translated():
    assert chosen_language("es") == "es"
    assert chosen_language("en") == "en"
    assert chosen_language("system") in ("en", "es")


def test_the_library_follows_the_language_and_program_files_need_no_change():
    use_language("es")
    try:
        spanish = stock_library()
    finally:
        use_language(ENGLISH)
    english = stock_library()
    assert spanish.keys() == english.keys()
    assert spanish["neck_turn"].name == "Girar la cabeza"
    assert english["neck_turn"].name == "Turning the head"
    assert spanish["shoulder_raise_weight"].caregiver_instruction is None
    assert spanish["neck_turn"].kind == english["neck_turn"].kind


def test_the_command_lines_library_is_in_english(capsys):
    """Only the app's start chooses a language: the command line prints the library as is."""
    assert main(["library", "--json"]) == 0
    exercises = json.loads(capsys.readouterr().out)["exercises"]
    names = {entry["id"]: entry["name"] for entry in exercises}
    assert names["neck_turn"] == "Turning the head"


def test_an_example_programs_name_is_translated_and_a_therapists_own_is_not(spanish):
    assert program_text("Example home program") == "Programa de ejemplo para casa"
    assert program_text("Ana's arms, week 3") == "Ana's arms, week 3"
    assert program_text("") == ""


def test_the_translators_reach_qts_own_dialog_buttons(spanish):
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


def test_changing_the_language_says_when_it_applies(spanish, rig):
    rig.window.open_settings()
    screen = rig.window.screens[Page.SETTINGS]
    screen.rows["language"].choices["es"].click()
    assert screen.settings.get("language") == "es"
    assert screen.notice.isVisible()
    assert screen.notice.text() == "El idioma cambia la próxima vez que se abra alshome."


def test_numbers_are_written_as_the_language_writes_them(spanish):
    assert words.load(0.5, LoadUnit.KG) == "0,5 kg"
    assert words.load(1.0, LoadUnit.LB) == "1 lb"


def test_decimals_are_written_as_the_language_writes_them(qapp):
    from PySide6.QtCore import QLocale

    from alshome.report.document import signed
    from alshome.ui.words import decimal

    before = QLocale()
    try:
        QLocale.setDefault(QLocale("es"))
        assert decimal(7.2) == "7,2"
        assert signed(-1.5) == "-1,50"
        QLocale.setDefault(QLocale("en"))
        assert decimal(7.2) == "7.2"
        assert signed(0.5) == "+0.50"
    finally:
        QLocale.setDefault(before)
