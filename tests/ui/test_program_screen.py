"""Loading a program file in the app: checked whole, asked about, then used from now on."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QFileDialog

from alshome.operations.history import History
from alshome.operations.program_import import ProgramFileImport
from alshome.operations.startup import quick_start
from alshome.platform.paths import resolve_locations
from alshome.programs.demo import demo_document
from alshome.storage.db import open_database
from alshome.storage.repository import Repository
from alshome.ui.pages import Page
from alshome.ui.window_services import WindowServices


@pytest.fixture
def history(tmp_path):
    url = resolve_locations(str(tmp_path / "data")).database_url
    return History(url, quick_start(url))


@pytest.fixture
def window_services(history):
    return WindowServices(program_files=ProgramFileImport(history))


@pytest.fixture
def program_page(rig):
    rig.window.open_settings()
    rig.window.screens[Page.SETTINGS].program.click()
    assert rig.window.current is rig.window.screens[Page.PROGRAM]
    return rig.window.screens[Page.PROGRAM]


def new_version(tmp_path, **changes):
    document = demo_document()
    document.update(version=2, name="Tuesday and Friday program", **changes)
    path = tmp_path / "program.json"
    path.write_text(json.dumps(document))
    return path


def choose(monkeypatch, page, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page.load.click()


def test_a_good_file_is_described_then_used_after_yes(
    rig, program_page, history, tmp_path, monkeypatch
):
    assert "Example home program, version 1" in program_page.current.text()
    choose(monkeypatch, program_page, new_version(tmp_path))
    assert "Tuesday and Friday program, version 2" in program_page.message.text()
    assert program_page.use.isVisible() and program_page.keep.isVisible()
    assert rig.window.focusWidget() is program_page.keep, "a stray Enter keeps the program"
    program_page.use.click()
    assert rig.window.program.name == "Tuesday and Friday program"
    assert "version 2" in program_page.current.text()
    stored = Repository(open_database(history._url)).active_program()
    assert (stored.name, stored.version) == ("Tuesday and Friday program", 2)
    assert history.recorder() is not None and history.open().program_id == stored.id


def test_no_keeps_the_program_and_writes_nothing(rig, program_page, history, tmp_path, monkeypatch):
    choose(monkeypatch, program_page, new_version(tmp_path))
    program_page.keep.click()
    assert program_page.message.text() == "Nothing changed."
    assert rig.window.program.name == "Example home program"
    assert not history.is_open, "the database was never needed"


def test_a_bad_file_gets_one_sentence_naming_the_field(
    program_page, history, tmp_path, monkeypatch
):
    path = new_version(tmp_path)
    document = json.loads(path.read_text())
    document["prescriptions"][0]["hold_seconds"] = 900
    path.write_text(json.dumps(document))
    choose(monkeypatch, program_page, path)
    assert program_page.message.text() == (
        "program.json: prescriptions[0].hold_seconds: must be between 5 and 300"
    )
    assert not program_page.use.isVisible()
    assert not history.is_open


def test_cancelling_the_file_dialog_changes_nothing(program_page, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    program_page.load.click()
    assert program_page.message.text() == ""
    assert program_page.load.isVisible()
