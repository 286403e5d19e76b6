"""A computer without sound: Qt's sound modules cannot load, and the app carries on silently.

On a computer without PulseAudio's library, `from PySide6 import QtMultimedia` (and so
QtTextToSpeech, whose library links QtMultimedia's) raises ImportError, as the dynamic
loader cannot open libpulse.so.0. Here the imports raise that same error: through
`importlib.import_module` in this process, through an import hook in a new one, and once
for real, with a libpulse.so.0 the dynamic loader finds first and cannot load.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QLabel

from alshome.domain.clock import ManualClock
from alshome.domain.session import Phase
from alshome.platform.settings import Settings
from alshome.ui import voice as voice_module
from alshome.ui.pages import Page
from alshome.ui.session_controller import SessionController
from alshome.ui.sound_modules import sound_modules
from alshome.ui.voice import VoiceGuide
from alshome.ui.window_services import WindowServices
from tests.ui.conftest import demo_program, make_rig

SOUND_MODULES = ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech")
NO_LIBPULSE = "libpulse.so.0: cannot open shared object file: No such file or directory"
NO_SOUND_SYSTEM = (
    "Spoken guidance and the chime are off because this computer has no sound system "
    "(the PulseAudio library libpulse0 is missing); installing it brings them back."
)

# Run before the app in a new process: the same hook, for the self-test and a real launch.
HOOK = f"""
import sys

class NoSoundLibrary:
    def find_spec(self, name, path=None, target=None):
        if name in {SOUND_MODULES!r}:
            raise ImportError({NO_LIBPULSE!r})
        return None

sys.meta_path.insert(0, NoSoundLibrary())
"""

OFFSCREEN_NOTE = "This plugin does not support propagateSizeHints()"  # Qt's offscreen windows

# Once the app has tried its sound modules (after the first frame), open the settings and
# print the sentence they show; gives up after 20 seconds.
LOOK_AT_SETTINGS = r"""
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from alshome.cli import main
from alshome.ui.main_window import MainWindow
from alshome.ui.pages import Page
from alshome.ui.sound_modules import sound_modules

original_exec = QApplication.exec

def look():
    if not sound_modules.cache_info().currsize:
        QTimer.singleShot(50, look)
        return
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.open_settings()
    print(window.screens[Page.SETTINGS].notice.text(), flush=True)
    QApplication.exit(0)

def exec_and_look(*args):
    QTimer.singleShot(0, look)
    QTimer.singleShot(20_000, lambda: QApplication.exit(3))
    return original_exec()

QApplication.exec = exec_and_look
raise SystemExit(main(sys.argv[1:]))
"""


class NoSoundLibrary:
    """Qt's sound modules failing to import as they do when libpulse.so.0 is missing.

    In this process they are loaded already, and taking a PySide6 module out of
    `sys.modules` upsets PySide6's own types, so the hook sits where the app imports them:
    `importlib.import_module`. The launches in a new process use an import hook instead.
    """

    def __init__(self, failing: tuple[str, ...], message: str = NO_LIBPULSE) -> None:
        self.failing = failing
        self.message = message
        self.asked: list[str] = []
        self.import_module = importlib.import_module

    def __call__(self, name: str, package: str | None = None) -> ModuleType:
        if name in self.failing:
            self.asked.append(name)
            raise ImportError(self.message)
        return self.import_module(name, package)


def hide(monkeypatch, request, failing: tuple[str, ...], message: str = NO_LIBPULSE):
    """Make `failing` unimportable until the test ends; the cached attempt is forgotten."""
    hook = NoSoundLibrary(failing, message)
    monkeypatch.setattr(importlib, "import_module", hook)
    sound_modules.cache_clear()
    request.addfinalizer(sound_modules.cache_clear)
    return hook


@pytest.fixture
def no_libpulse(monkeypatch, request) -> NoSoundLibrary:
    return hide(monkeypatch, request, SOUND_MODULES)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.json")


def make_guide(settings: Settings, request) -> tuple[VoiceGuide, SessionController, ManualClock]:
    clock = ManualClock()
    controller = SessionController(clock, lambda: [].append)
    guide = VoiceGuide(controller, settings)
    request.addfinalizer(guide.close)
    return guide, controller, clock


def test_the_modules_are_tried_once_and_the_missing_library_is_named(no_libpulse):
    first = sound_modules()
    assert sound_modules() is first
    assert (first.multimedia, first.text_to_speech) == (None, None)
    assert first.missing == "libpulse.so.0"
    assert first.no_sound_system
    assert no_libpulse.asked == list(SOUND_MODULES)


def test_a_whole_session_runs_silently_with_nothing_on_stderr(
    no_libpulse, settings, request, monkeypatch, capfd, qtbot
):
    looked_up = []
    monkeypatch.setattr(
        voice_module, "sound_modules", lambda: looked_up.append(1) or sound_modules()
    )
    guide, controller, clock = make_guide(settings, request)

    def advance(seconds: float) -> None:
        clock.advance(seconds)
        controller.tick()

    guide.warm_up()  # what the app does once its window is up
    controller.start(demo_program())  # a 30 s hold first: the chime rings at start and end
    controller.start_set()
    advance(controller.options.lead_in_seconds + 0.1)
    assert controller.phase is Phase.RUNNING
    during_hold = len(looked_up)
    advance(controller.session.remaining() + 0.1)
    controller.finish_set()
    controller.submit_fatigue(2)
    assert controller.phase is Phase.REST
    advance(controller.session.remaining() + 0.1)
    controller.end_rest()
    controller.start_set()
    advance(controller.options.lead_in_seconds + 0.1)
    guide.preview()
    controller.stop_tired()
    qtbot.wait(100)

    assert controller.phase is Phase.SUMMARY
    assert len(looked_up) > during_hold  # the chime was due, and asked for the modules
    assert guide.engine is None
    assert no_libpulse.asked == list(SOUND_MODULES)  # tried once, however often needed
    assert guide.problem == NO_SOUND_SYSTEM
    assert capfd.readouterr().err == ""


def test_the_settings_screen_says_why_in_one_sentence_once(no_libpulse, qtbot, capfd):
    guides: list[VoiceGuide] = []  # made with the window, as the app makes it
    rig = make_rig(qtbot, WindowServices(voice_problem=lambda: guides[0].problem))
    window = rig.window
    guides.append(VoiceGuide(rig.controller, window.settings, parent=window))
    for _ in range(2):
        window.open_settings()
        rig.qtbot.waitUntil(lambda: window.current is window.screens[Page.SETTINGS])
        shown = [
            label.text()
            for label in window.findChildren(QLabel)
            if label.isVisible() and "libpulse0" in label.text()
        ]
        assert shown == [NO_SOUND_SYSTEM]
        window.go_home()
    assert capfd.readouterr().err == ""


def test_a_missing_speech_module_silences_only_the_voice(monkeypatch, request, settings):
    hide(monkeypatch, request, ("PySide6.QtTextToSpeech",), "libQt6TextToSpeech.so.6: gone")
    guide, controller, _clock = make_guide(settings, request)
    controller.start(demo_program())
    assert sound_modules().multimedia is not None
    assert guide.problem == (
        "Spoken guidance is off because a file it needs is missing on this computer "
        "(libQt6TextToSpeech.so.6); installing the package that holds it, or reinstalling "
        "alshome, brings the voice back."
    )


def test_an_engine_in_error_from_the_start_says_so_and_stays_silent(
    monkeypatch, settings, request, qtbot, capfd, speakers
):
    """The engine exists and opens, but reports its error state (speech-dispatcher gone)."""
    monkeypatch.setenv("ALSHOME_SPEECH_ENGINE", "mock")
    monkeypatch.setattr(QTextToSpeech, "state", lambda speech: QTextToSpeech.State.Error)
    guide, controller, _clock = make_guide(settings, request)
    guide.warm_up()
    qtbot.waitUntil(lambda: not guide.available, timeout=5_000)
    assert guide.problem == (
        "Spoken guidance is off because the speech engine on this computer reported an "
        "error; restarting the computer usually brings the voice back."
    )
    controller.start(demo_program())
    controller.start_set()
    assert guide.engine is None
    assert capfd.readouterr().err == ""


def test_an_engine_in_error_because_its_program_is_absent_asks_to_install_it(
    monkeypatch, settings, request, qtbot
):
    """speech-dispatcher's library is there but the program is not: install, not restart."""
    monkeypatch.setenv("ALSHOME_SPEECH_ENGINE", "mock")
    monkeypatch.setitem(voice_module.ENGINE_PROGRAMS, "mock", "no-such-speech-program")
    monkeypatch.setattr(QTextToSpeech, "state", lambda speech: QTextToSpeech.State.Error)
    guide, _controller, _clock = make_guide(settings, request)
    guide.warm_up()
    qtbot.waitUntil(lambda: not guide.available, timeout=5_000)
    assert guide.problem == (
        "Spoken guidance is off because this computer has no speech engine; "
        "installing speech-dispatcher with espeak-ng brings the voice back."
    )


def test_no_speakers_silence_the_chime_and_say_so(
    monkeypatch, settings, request, qtbot, no_speakers
):
    monkeypatch.setenv("ALSHOME_SPEECH_ENGINE", "mock")
    guide, controller, clock = make_guide(settings, request)
    guide.warm_up()
    qtbot.waitUntil(lambda: guide.engine is not None, timeout=5_000)
    controller.start(demo_program())
    controller.start_set()
    clock.advance(controller.options.lead_in_seconds + 0.1)
    controller.tick()  # the chime is due: there is nothing to play it on
    assert controller.phase is Phase.RUNNING
    assert guide._chime is None
    assert guide.problem == (
        "The chime is off because alshome finds no speakers or headphones on this "
        "computer; connecting some brings it back."
    )


def test_no_speakers_and_a_speech_engine_that_stopped_answering_are_one_sentence(
    monkeypatch, settings, request, qtbot, no_speakers
):
    """As speech-dispatcher without a sound server does: it never answers spd_open.

    Here the engine is simply never opened (test_voice.py blocks the thread instead).
    """
    monkeypatch.setenv("ALSHOME_SPEECH_ENGINE", "mock")
    monkeypatch.setattr(voice_module, "OPEN_TIMEOUT_MS", 300)
    monkeypatch.setattr(voice_module._Engine, "open", lambda engine, name: None)
    guide, _controller, _clock = make_guide(settings, request)
    guide.warm_up()
    qtbot.waitUntil(lambda: not guide.available, timeout=3_000)
    assert guide.problem == (
        "Spoken guidance and the chime are off because alshome finds no speakers or "
        "headphones on this computer; connecting some and restarting the computer "
        "brings them back."
    )


def test_the_self_test_warns_of_the_missing_sound_and_passes():
    script = HOOK + "from alshome.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    result = subprocess.run(
        [sys.executable, "-c", script, "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert (
        "WARNING voice and sound modules: no voice and no chime here: "
        f"{NO_LIBPULSE} (Debian package libpulse0)"
    ) in lines
    assert lines[-1] == "self-test passed"
    assert "Traceback" not in result.stdout + result.stderr


def test_the_self_test_passes_when_the_loader_cannot_use_libpulse(tmp_path: Path):
    """No hook: the dynamic loader itself meets a libpulse.so.0 it cannot load."""
    (tmp_path / "libpulse.so.0").write_bytes(b"")  # found first, and not a library
    result = subprocess.run(
        [sys.executable, "-m", "alshome", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "LD_LIBRARY_PATH": str(tmp_path)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    warning = next(line for line in result.stdout.splitlines() if line.startswith("WARNING"))
    assert warning.startswith("WARNING voice and sound modules: no voice and no chime here: ")
    assert warning.endswith("libpulse.so.0: file too short (Debian package libpulse0)")


def test_the_app_starts_and_says_why_with_nothing_on_stderr(tmp_path: Path):
    """The real launch: the voice is warmed up after the first frame, then settings open."""
    script = HOOK + LOOK_AT_SETTINGS
    result = subprocess.run(
        [sys.executable, "-c", script, "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [NO_SOUND_SYSTEM]
    assert result.stderr.splitlines() == [OFFSCREEN_NOTE] * result.stderr.count(OFFSCREEN_NOTE)
