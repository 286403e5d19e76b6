"""Starting the app: the window first, from a quick read, and the database opened just after.

The launches run `python -m alshome`'s entry point in a new process (offscreen), with the
probe of the startup benchmark, so "at the moment the window is first shown" means what the
benchmark measures.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from alshome import app as app_module
from alshome.domain.clock import ManualClock
from alshome.domain.session import Session
from alshome.operations.failures import FAILURE
from alshome.operations.history import History
from alshome.operations.startup import load_active_program, quick_start
from alshome.platform.paths import resolve_locations
from alshome.platform.settings import SETTINGS_FILE, Settings
from alshome.storage.db import open_database
from alshome.storage.recorder import SessionRecorder
from alshome.storage.repository import Repository

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "startup.py"


def benchmark_probe() -> str:
    spec = importlib.util.spec_from_file_location("startup_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PROBE


# The probe prints "shown" and quits once the window is exposed; this reports, at that
# moment, which heavy libraries are loaded (the sound modules among them: a computer
# without a sound system fails to load them) and what the home screen says.
REPORT_WHEN_SHOWN = r"""
import json

quit_now = QApplication.quit

def report_and_quit():
    window = next(w for w in QApplication.topLevelWidgets() if w.isVisible())
    names = {name.split(".")[0] for name in sys.modules}
    later = {"sqlalchemy", "pydantic", "alembic", "sqlcipher3", "PySide6.QtNetwork",
             "PySide6.QtMultimedia", "PySide6.QtTextToSpeech"}
    print(json.dumps({
        "heavy": sorted((names | set(sys.modules)) & later),
        "program": window.program.name,
        "last": window.home.last.text(),
        "pace": [window.controller.options.lead_in_seconds, window.controller.options.auto_advance],
    }), flush=True)
    quit_now()

QApplication.quit = report_and_quit
from alshome.cli import main
raise SystemExit(main(sys.argv[1:]))
"""

# Leaves the app running after the window is shown until the database has been opened
# (the demo saved), with no key pressed; gives up after 20 seconds.
WAIT_FOR_STORAGE = r"""
from alshome.platform.paths import resolve_locations
from alshome.storage.snapshot import read_snapshot

def poll():
    snapshot = read_snapshot(resolve_locations(sys.argv[2]).database_url)
    if snapshot is not None and snapshot.active_program is not None:
        print("stored", snapshot.active_program.name, flush=True)
        QApplication.exit(0)
    else:
        QTimer.singleShot(20, poll)

QApplication.quit = poll
QTimer.singleShot(20_000, lambda: QApplication.exit(3))
from alshome.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def launch(code: str, data_dir: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", benchmark_probe() + code, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def home_when_shown(data_dir: Path) -> str:
    """What the home screen says about the last session when the window is first shown.

    The demo is the program, and neither SQLAlchemy, pydantic nor Alembic is loaded yet.
    """
    shown, report = launch(REPORT_WHEN_SHOWN, data_dir)
    assert shown == "shown"
    state = json.loads(report)
    assert state["heavy"] == []
    assert state["program"] == "Example home program"
    return state["last"]


@pytest.fixture
def history_folder(tmp_path: Path) -> Path:
    """A data folder as later launches find it: the demo saved, one session stopped early."""
    folder = tmp_path / "history"
    engine = open_database(resolve_locations(str(folder)).database_url)
    repository = Repository(engine)
    program_id, program = load_active_program(repository)
    clock = ManualClock(datetime(2026, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=1))))
    session = Session(program, clock, SessionRecorder(repository, program_id))
    session.start_set()
    session.skip_set()
    session.stop_tired()
    engine.dispose()
    return folder


def test_a_later_launch_shows_the_window_before_loading_storage(history_folder):
    database = history_folder / "alshome.sqlite3"
    before = database.read_bytes()
    last = home_when_shown(history_folder)
    assert last.startswith("Last session:")
    assert "0 sets done" in last
    assert database.read_bytes() == before
    written = json.loads((history_folder / SETTINGS_FILE).read_text())
    assert set(written) == {"version", "window"}, "closing keeps the window's place, no setting"


def test_the_session_is_paced_by_the_saved_settings(history_folder):
    settings = Settings.load(history_folder)
    settings.set("lead_in_seconds", 7)
    settings.set("auto_advance", True)
    settings.save()
    _shown, report = launch(REPORT_WHEN_SHOWN, history_folder)
    assert json.loads(report)["pace"] == [7.0, True]


def test_a_first_launch_shows_the_demo_before_making_the_database(tmp_path):
    folder = tmp_path / "new"
    assert home_when_shown(folder).startswith("No sessions yet")
    assert not folder.exists()


def test_the_database_is_made_after_the_window_with_no_key_pressed(tmp_path):
    folder = tmp_path / "new"
    assert launch(WAIT_FOR_STORAGE, folder) == ["shown", "stored Example home program"]


def test_start_opens_storage_if_it_is_not_open_yet(tmp_path):
    url = resolve_locations(str(tmp_path / "new")).database_url
    history = History(url, quick_start(url))
    assert not history.is_open
    assert history.last_session() is None
    history.recorder()
    assert history.is_open
    saved = Repository(open_database(url)).active_program()
    assert saved.name == "Example home program"
    assert history.open().program_id == saved.id


def test_a_failure_after_the_window_is_told_plainly_and_ends_the_app(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a file"
    blocker.write_text("")
    url = resolve_locations(str(blocker / "data")).database_url
    history = History(url, quick_start(url))
    messages: list[str] = []
    exits: list[int] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: messages.append(text))
    monkeypatch.setattr(QApplication, "exit", lambda status=0: exits.append(status))

    app_module._open_or_quit(history, None)

    assert messages == [f"{blocker / 'data'} cannot be used: Not a directory."]
    assert capsys.readouterr().err == messages[0] + "\n"
    assert exits == [FAILURE]
