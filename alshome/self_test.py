"""`alshome --self-test`: the installed or bundled app opens every screen, in a few seconds.

A bundle that lost a resource file, a migration or a Qt plugin still starts on the
packager's machine and fails on the patient's; this walk finds that first. It runs the
real window, session controller and history on a temporary data folder (never the
person's), offscreen unless a platform is chosen, with a clock that moves only when told,
so a whole throw-away session takes no real time. One line per check; the first failure
ends the walk, since later checks stand on earlier ones, and the exit status is 1.

What the computer lacks rather than the app (a sound system, a speech engine) is a
WARNING line: the app runs silently there, so the walk goes on and can still pass.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
import traceback
import wave
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from functools import partial
from pathlib import Path
from types import TracebackType

PASSED = 0
FAILED = 1
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


class SelfTestFailure(AssertionError):
    """A check found the app not as shipped."""


class SelfTestWarning(Exception):
    """A check found the computer without something the app can do without."""


def expect(condition: object, failure: str) -> None:
    if not condition:
        raise SelfTestFailure(failure)


def run_self_test(out: Callable[[str], None] = print) -> int:
    """Every check in order, each reported on one line by `out`; the exit status."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="alshome-self-test-") as folder:
        walk = Walk(Path(folder))
        try:
            passed = walk.run(out)
        finally:
            walk.close()
    if not passed:
        return FAILED
    out("self-test passed")
    return PASSED


@contextmanager
def _slot_errors() -> Iterator[list[BaseException]]:
    """Exceptions raised inside Qt slots, which Qt would otherwise only print and carry on."""
    caught: list[BaseException] = []
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        caught.append(error)

    sys.excepthook = hook
    try:
        yield caught
    finally:
        sys.excepthook = previous


class Walk:
    """The app on a temporary folder, and the checks that walk it, in the order they run."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.window = None
        self.history = None

    def run(self, out: Callable[[str], None]) -> bool:
        """The checks in order until one fails; whether all passed."""
        with _slot_errors() as errors:
            for name, check in self.checks():
                try:
                    check()
                    if errors:
                        raise errors.pop(0)
                except SelfTestWarning as warning:
                    out(f"WARNING {name}: {warning}")
                    continue
                except Exception as error:
                    out(f"FAILED {name}: {type(error).__name__}: {error}")
                    out("".join(traceback.format_exception(error)).rstrip())
                    return False
                out(f"ok     {name}")
        return True

    def checks(self) -> list[tuple[str, Callable[[], None]]]:
        return [
            ("exercise library", self.library),
            ("exercise illustrations", self.poses),
            ("program schema and demo program", self.programs),
            ("chime sound", self.sounds),
            ("Qt application", self.application),
            ("app icons", self.icons),
            ("translations", self.translations),
            ("voice and sound modules", self.voice_modules),
            ("history database and its migrations", self.database),
            ("main window", self.main_window),
            ("home screen", self.home),
            ("first-run pages", self.first_run),
            ("settings", self.settings),
            ("about alshome", self.about),
            ("backups", self.backups),
            ("your program and a program file", self.program),
            ("program editor and its pages", self.editor),
            ("a session: get ready, lead-in, hold", self.session_set),
            ("a session: fatigue check and rest", self.session_fatigue),
            ("a session: pause and stop question", self.session_pause),
            ("a session: stop safely and summary", self.session_end),
            ("the session saved in the history", self.session_saved),
            ("the history, its charts and the session's sets", self.history_screen),
            ("the ALSFRS-R self-rating", self.self_rating),
        ]

    # ----- shipped files -----------------------------------------------------------------

    def library(self) -> None:
        from alshome.programs.library import stock_library

        expect(len(stock_library()) >= 10, "the exercise library has fewer than 10 exercises")

    def poses(self) -> None:
        from alshome.illustrations.pose import stock_poses
        from alshome.programs.library import stock_library

        missing = set(stock_library()) - set(stock_poses())
        expect(not missing, f"exercises without an illustration: {sorted(missing)}")

    def programs(self) -> None:
        from alshome.programs.demo import demo_document
        from alshome.programs.document import parse_program
        from alshome.programs.library import stock_library
        from alshome.programs.schema import PROGRAM_SCHEMA_FILE

        schema = json.loads(PROGRAM_SCHEMA_FILE.read_text(encoding="utf-8"))
        expect("$schema" in schema, f"{PROGRAM_SCHEMA_FILE} is not a JSON schema")
        parse_program(demo_document(), stock_library())

    def sounds(self) -> None:
        from alshome.ui.voice import CHIME

        with wave.open(str(CHIME)) as chime:
            expect(chime.getnframes() > 0, f"{CHIME} holds no sound")

    # ----- Qt and the database -----------------------------------------------------------

    def application(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance() or QApplication([sys.argv[0]])

    def icons(self) -> None:
        from PySide6.QtGui import QIcon, QImage

        from alshome.platform.resources import resource

        for size in ICON_SIZES:
            path = resource("icons", "hicolor", f"{size}x{size}", "apps", "alshome.png")
            image = QImage(str(path))
            expect(image.width() == size, f"{path} is not a {size} px icon")
        svg = resource("icons", "alshome.svg")
        expect(not QIcon(str(svg)).pixmap(64).isNull(), f"{svg} cannot be drawn")

    def translations(self) -> None:
        """Every compiled translation shipped loads; none at all is fine."""
        from PySide6.QtCore import QTranslator

        from alshome.platform.resources import resource

        for compiled in sorted(resource("i18n").glob("*.qm")):
            expect(QTranslator().load(str(compiled)), f"{compiled} cannot be loaded")

    def voice_modules(self) -> None:
        """Qt's sound plugins ship with the app; what they need from the computer may not.

        A missing plugin folder is the app's fault and fails. A library the computer lacks
        (PulseAudio's, speech-dispatcher's) only silences the voice and chime: a warning.
        """
        from PySide6.QtCore import QCoreApplication

        from alshome.ui.sound_modules import sound_modules
        from alshome.ui.voice import TEST_ENGINE

        folders = [Path(path) for path in QCoreApplication.libraryPaths()]
        for kind in ("multimedia", "texttospeech"):
            shipped = [plugin for folder in folders for plugin in folder.glob(f"{kind}/*")]
            expect(shipped, f"no {kind} plugin in {[str(folder) for folder in folders]}")
        modules = sound_modules()
        if modules.failure:
            package = " (Debian package libpulse0)" if modules.no_sound_system else ""
            raise SelfTestWarning(f"no voice and no chime here: {modules.failure}{package}")
        engines = modules.text_to_speech.QTextToSpeech.availableEngines()
        if not set(engines) - {TEST_ENGINE}:
            raise SelfTestWarning(
                f"no voice here: no speech engine loads (found {engines}); "
                "speech-dispatcher's library libspeechd2 may be missing"
            )

    def database(self) -> None:
        from alshome.operations.history import History
        from alshome.platform.paths import DATABASE_FILE, resolve_locations, sqlite_path, sqlite_url
        from alshome.storage.revision import HEAD_REVISION, VERSION_TABLE

        # Both given, so neither ALSHOME_DATA_DIR nor ALSHOME_DATABASE_URL can point here.
        database = self.folder / "data" / DATABASE_FILE
        locations = resolve_locations(str(database.parent), sqlite_url(database))
        self.history = History(locations.database_url, None)
        start = self.history.open()
        with closing(sqlite3.connect(sqlite_path(locations.database_url))) as connection:
            (revision,) = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
        expect(revision == HEAD_REVISION, f"the schema is at {revision}, not {HEAD_REVISION}")
        self.locations, self.program = locations, start.program

    def main_window(self) -> None:
        from alshome.domain.clock import ManualClock
        from alshome.operations.backups import BackupsOfHistory
        from alshome.operations.program_import import ProgramFileImport
        from alshome.platform.paths import sqlite_path
        from alshome.ui.main_window import MainWindow
        from alshome.ui.session_controller import SessionController
        from alshome.ui.window_services import WindowServices

        self.clock = ManualClock()
        self.controller = SessionController(self.clock, self.history.recorder)
        database = sqlite_path(self.locations.database_url)
        services = WindowServices(
            records=self.history.safety_records,
            program_files=ProgramFileImport(self.history),
            history_backups=partial(BackupsOfHistory, self.history, database),
            data_folder=self.locations.data_dir,
        )
        self.window = MainWindow(
            self.program, self.controller, self.history, self.clock, services=services
        )
        self.window.resize(1280, 720)
        self.window.show()

    # ----- the screens -------------------------------------------------------------------

    def shown(self, screen: object, what: str) -> None:
        """`screen` is the one on show, and it paints."""
        from PySide6.QtWidgets import QApplication

        for _ in range(3):
            QApplication.processEvents()
        expect(self.window.current is screen, f"{what} is not on the screen")
        expect(not screen.grab().isNull(), f"{what} cannot be drawn")

    def home(self) -> None:
        self.shown(self.window.home, "the home screen")

    def first_run(self) -> None:
        from alshome.ui.pages import Page

        window = self.window
        window.history_opened()
        self.shown(window.screens[Page.FIRST_RUN], "the first-run page")
        window.screens[Page.FIRST_RUN].primary.click()
        self.shown(window.screens[Page.CONTACT], "the contact page")
        window.screens[Page.CONTACT].primary.click()
        self.shown(window.home, "the home screen after the first run")

    def settings(self) -> None:
        from alshome.ui.pages import Page

        window = self.window
        window.open_settings()
        self.shown(window.screens[Page.SETTINGS], "the settings screen")
        screen = window.screens[Page.SETTINGS]
        screen.reset.click()
        expect(screen.question.isVisible(), "the reset question is not shown")
        screen.no.click()

    def about(self) -> None:
        from alshome.ui.pages import Page

        window = self.window
        window.open_about()
        self.shown(window.screens[Page.ABOUT], "the about screen")
        expect(window.screens[Page.ABOUT].version.text(), "the about screen shows no version")
        window.open_settings()

    def backups(self) -> None:
        from alshome.ui.pages import Page

        window = self.window
        window.screens[Page.BACKUPS].backups.take_now()
        window.open_backups()
        self.shown(window.screens[Page.BACKUPS], "the backups screen")
        expect(len(window.screens[Page.BACKUPS].choices) == 1, "the backup made is not listed")

    def program(self) -> None:
        from alshome.programs.demo import DEMO_FILE
        from alshome.ui.pages import Page

        window = self.window
        window.open_program()
        self.shown(window.screens[Page.PROGRAM], "your program")
        window.screens[Page.PROGRAM].check_file(DEMO_FILE)
        self.shown(window.screens[Page.PROGRAM], "the program file question")
        window.screens[Page.PROGRAM].keep_current()

    def editor(self) -> None:
        from alshome.ui.pages import Page

        window = self.window
        window.open_editor()
        self.shown(window.screens[Page.EDITOR], "the question before the editor")
        editor = window.screens[Page.EDITOR]
        editor.yes.click()
        self.shown(editor, "the program editor")
        editor.open_library()
        self.shown(editor, "the editor's library")
        editor.back_to_list()
        editor.select(0)
        for page in (editor.open_dose, editor.open_preview, editor.open_pin):
            page()
            self.shown(editor, "an editor page")
        window.go_home()
        self.shown(window.home, "the home screen after the editor")

    def session_set(self) -> None:
        from alshome.ui.pages import Page

        window, controller = self.window, self.controller
        window.start_session()
        self.shown(window.screens[Page.EXERCISE], "get ready")
        expect(controller.session is not None, "no session started")
        controller.start_set()
        self.shown(window.screens[Page.EXERCISE], "the lead-in")
        self.advance(controller.options.lead_in_seconds + 0.1)
        self.shown(window.screens[Page.EXERCISE], "the hold")
        self.advance(controller.session.remaining() + 0.1)
        controller.finish_set()

    def session_fatigue(self) -> None:
        from alshome.ui.pages import Page

        window, controller = self.window, self.controller
        self.shown(window.screens[Page.FATIGUE], "the fatigue check")
        window.screens[Page.FATIGUE].choose(3)
        controller.submit_fatigue(3)
        self.shown(window.screens[Page.REST], "the rest")

    def session_pause(self) -> None:
        from alshome.ui.pages import Page

        window, controller = self.window, self.controller
        controller.pause()
        self.shown(window.screens[Page.PAUSED], "the pause")
        controller.request_stop()
        self.shown(window.screens[Page.CONFIRM_STOP], "the stop question")
        controller.cancel_stop()
        controller.resume()
        self.shown(window.screens[Page.REST], "the rest after the pause")

    def session_end(self) -> None:
        from alshome.domain.fatigue import Symptom
        from alshome.ui.pages import Page

        window, controller = self.window, self.controller
        controller.report_symptom({Symptom.DIZZY})
        self.shown(window.screens[Page.STOP_SAFELY], "stop safely")
        controller.acknowledge_stop()
        self.shown(window.screens[Page.SUMMARY], "the summary")
        controller.close()
        self.shown(window.home, "the home screen after the session")

    def session_saved(self) -> None:
        from alshome.domain.session import SessionStatus

        last = self.history.last_session()
        expect(last is not None, "the session is not in the history")
        expect(last.sets_done == 1, f"{last.sets_done} sets saved, not 1")
        expect(last.status is SessionStatus.STOPPED_SYMPTOM, f"saved as {last.status}")

    def history_screen(self) -> None:
        """The charts draw with pyqtgraph and numpy, which only this screen loads."""
        from alshome.ui.pages import Page

        window = self.window
        window.open_history()
        self.shown(window.screens[Page.HISTORY], "the history")
        window.screens[Page.HISTORY].open_session(0)
        self.shown(window.screens[Page.HISTORY], "the session's sets")
        window.go_home()

    def self_rating(self) -> None:
        from alshome.ui.pages import Page

        window = self.window
        window.open_alsfrs()
        self.shown(window.screens[Page.ALSFRS], "the ALSFRS-R self-rating")
        window.go_home()
        self.shown(window.home, "the home screen after the self-rating")

    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.controller.tick()

    def close(self) -> None:
        """Let go of every file in the temporary folder, so it can be deleted."""
        if self.window is not None:
            self.window.hide()
            self.window.deleteLater()
        if self.history is not None:
            self.history.close()
