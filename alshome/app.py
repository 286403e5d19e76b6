"""Builds the running app: Qt application, the window, and the history database.

The home window comes first. On most starts `operations.quick_start` reads what it shows
with the standard library alone, and the database is opened the full way (SQLAlchemy,
crash-safe pragmas, the migration check, the demo saved on first launch) only once the
window is on screen: SQLAlchemy and pydantic take longer to import than a bare Qt window
takes to appear (issue 2, benchmark a). The opening waits for the window's first expose
and then SETTLE_MS more, so that the half second it holds the event loop falls after the
first frame and after the window manager has placed and sized the window, never on a
blank window. A Start pressed before then opens the database on the spot, so no session
ever runs without storage. When the quick read cannot be sure, the database is opened
before the window is built, as it always was.

Either way, a failure the person can act on ends the app with one plain message. The
settings file is read with the standard library alone, and only read: it is written when
the person saves a change, and as the window closes only its place is added to it (for the
next launch), so a start never leaves a setting behind.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from alshome.domain.clock import SystemClock
from alshome.operations.backups import BackupsOfHistory
from alshome.operations.encryption import HistoryPassphrase, is_protected
from alshome.operations.failures import FAILURE, explain_failure
from alshome.operations.history import History
from alshome.operations.program_import import ProgramFileImport
from alshome.operations.startup import quick_start
from alshome.platform.paths import Locations, on_server, sqlite_path
from alshome.platform.resources import resource
from alshome.platform.settings import Settings
from alshome.programs.document import DocumentError
from alshome.programs.library import use_language
from alshome.ui import single_instance
from alshome.ui.failure_text import explain
from alshome.ui.garbage import GuiThreadCollector
from alshome.ui.i18n import chosen_language, install_translators
from alshome.ui.main_window import MainWindow
from alshome.ui.pages import Page
from alshome.ui.reminders import ReminderService
from alshome.ui.session_controller import SessionController
from alshome.ui.theme import style_for
from alshome.ui.voice import VoiceGuide
from alshome.ui.window_services import WindowServices

if TYPE_CHECKING:
    from alshome.operations.reports import ReportFigures
    from alshome.ui.clinic_sharing import ClinicSharing

SETTLE_MS = 100
PRELOAD_DELAY_MS = 2000  # after the database and the voice have opened
CHARTS_MODULE = "alshome.ui.charts"
PRELOAD_POLL_MS = 100


class _AfterFirstExpose(QObject):
    """Runs `action` SETTLE_MS after the window is first exposed, its first frame drawn."""

    def __init__(self, window: QWidget, action: Callable[[], None]) -> None:
        super().__init__(window)
        self._action = action
        window.windowHandle().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and watched.isExposed():
            watched.removeEventFilter(self)
            QTimer.singleShot(SETTLE_MS, self._action)
        return False


def app_icon() -> QIcon:
    """The project's icon in every drawn size, for the title bar and the task bar."""
    icon = QIcon()
    for path in sorted(resource("icons", "hicolor").glob("*/apps/alshome.png")):
        icon.addFile(str(path))
    return icon


def run_gui(locations: Locations, qt_args: list[str]) -> int:
    app = QApplication([sys.argv[0], *qt_args])
    GuiThreadCollector(app)
    app.setApplicationName("alshome")
    app.setDesktopFileName("io.github.alshome.Alshome")
    first_copy = single_instance.claim(locations.data_dir, parent=app)
    if first_copy is None:
        return single_instance.hand_over(locations.data_dir)
    settings = Settings.load(locations.data_dir)
    language = chosen_language(str(settings.get("language")))
    install_translators(app, language)  # before any text is made: screens translate as built
    use_language(language)
    app.setStyleSheet(style_for(str(settings.get("theme")), int(settings.get("text_scale"))))
    database = sqlite_path(locations.database_url)
    passphrase = None
    if database is not None and is_protected(database):
        from alshome.ui.screens.passphrase import ask_passphrase

        passphrase = ask_passphrase(database)
        if passphrase is None:
            return 0
    start = quick_start(locations.database_url)
    history = History(locations.database_url, start)
    history.passphrase = passphrase
    if start is None:
        if not _open_or_tell(history, None):
            return FAILURE
        start = history.open()
    clock = SystemClock()
    controller = SessionController(clock, history.recorder, settings.session_options())
    # The voice and the reminders are made with the window (their parent): the services
    # below read them only once the window is up.
    clinic_sharing = _MadeLater()
    services = WindowServices(
        records=history.safety_records,
        program_files=ProgramFileImport(history),
        history_backups=None if database is None else partial(BackupsOfHistory, history, database),
        history_passphrase=None if database is None else HistoryPassphrase(history, database),
        delete_all_data=lambda: _delete_all_data(history, reminders, clinic_sharing, locations),
        voice_problem=lambda: voice.problem,
        data_folder=locations.data_dir,
        history_on_server=on_server(locations.database_url),
        report_writer=_save_report,
        clinic_sharing=clinic_sharing,
    )
    window = MainWindow(start.program, controller, history, clock, settings, services)
    voice = VoiceGuide(controller, settings, parent=window)
    window.voice_preview_requested.connect(voice.preview)
    reminders = ReminderService(settings, history, window, clock)
    window.setting_changed.connect(reminders.follow_setting)
    window.setting_changed.connect(lambda key: _follow_autostart(key, settings, locations, window))
    first_copy.show_requested.connect(lambda: single_instance.bring_forward(window))
    app.aboutToQuit.connect(controller.retry_saving)  # one last chance for waiting sets
    window.open_placed()
    _AfterFirstExpose(
        window,
        lambda: _after_first_frame(
            history, window, settings, voice, database, first_copy, clinic_sharing
        ),
    )
    return app.exec()


def _save_report(path: Path, figures: ReportFigures) -> None:
    """The history screen's clinic report, on the paper of the person's locale; the report
    (and its charts' pyqtgraph) is loaded only when one is saved."""
    from alshome.report.pdf import paper_for_locale, save_report_pdf

    save_report_pdf(path, figures, paper_for_locale())


def _after_first_frame(
    history: History,
    window: MainWindow,
    settings: Settings,
    voice: VoiceGuide,
    database: Path | None,
    first_copy: single_instance.FirstCopy,
    clinic_sharing: _MadeLater,
) -> None:
    """The slow openings, once the window is on screen: the database, then the voice.

    With the history open, the window can show the first-run pages and the contact.

    Opening a speech engine takes over a second with speech-dispatcher; done here, the
    first spoken cue of a session does not freeze the screen instead.
    """
    if not history.is_open and not _open_or_quit(history, window):
        return
    opened = history.open().program
    if opened != window.program:  # a backup was restored in place of a damaged history
        window.use_program(opened)
    window.history_opened()
    clinic_sharing.made = _share_with_the_clinic(history, window)
    window.sharing_changed()
    first_copy.listen()
    QApplication.instance().setWindowIcon(app_icon())
    if database is not None:
        _back_up_automatically(history, window, database)
    if settings.get("voice"):
        voice.warm_up()
    QTimer.singleShot(PRELOAD_DELAY_MS, lambda: _prepare_history_screen(window))


class _MadeLater:
    """A window service made after the first frame, whose imports would slow the start:
    None until it is made."""

    made: ClinicSharing | None = None

    def __call__(self) -> ClinicSharing | None:
        return self.made


def _share_with_the_clinic(history: History, window: MainWindow) -> ClinicSharing:
    """The clinic's sharing, once the history is open (its HTTP client is not imported
    before the first frame): a sync in the background now, after each set saved and every
    quarter of an hour; home follows how up to date the clinic is."""
    from alshome.ui.clinic_sharing import ClinicSharing

    sharing = ClinicSharing(
        lambda: history.safety_records().engine if history.is_open else None,
        window.controller,
        window,
        SystemClock().wall,
        lambda checked: window.use_program(ProgramFileImport(history).use(checked)),
    )
    sharing.changed.connect(window.sharing_changed)
    QApplication.instance().aboutToQuit.connect(sharing.close)
    sharing.sync_soon()
    return sharing


def _back_up_automatically(history: History, window: MainWindow, database: Path) -> None:
    """Automatic backups from now on, and a last one as alshome closes, when due."""
    from alshome.ui.automatic_backups import AutomaticBackups

    backups = AutomaticBackups(database, window.controller, window, lambda: history.passphrase)
    QApplication.instance().aboutToQuit.connect(backups.check)


def _prepare_history_screen(window: MainWindow) -> None:
    """Import the history's charts on a worker thread, then build the screen while idle.

    pyqtgraph and numpy take about 0.7 s to import and the charts about 0.15 s to build:
    left to the first opening, the history would take about a second to appear (issue 6
    asks for 300 ms). Imported on a worker, the window keeps redrawing meanwhile (measured:
    no frame later than 36 ms), and an early opening simply waits for Python's import
    lock; the screen is then built on the GUI thread only if home is still what is shown.
    """
    loading = threading.Thread(
        target=importlib.import_module, args=(CHARTS_MODULE,), name="charts", daemon=True
    )
    loading.start()
    poll = QTimer(window)
    poll.setInterval(PRELOAD_POLL_MS)

    def when_loaded() -> None:
        if loading.is_alive():
            return
        poll.stop()
        poll.deleteLater()
        window.prepare_history()

    poll.timeout.connect(when_loaded)
    poll.start()


def _delete_all_data(
    history: History, reminders: ReminderService, sharing: _MadeLater, locations: Locations
) -> bool:
    """Reminders and the clinic's sender stop first: either would read the history and
    so open it again."""
    from alshome.operations.privacy import close_and_delete_all

    reminders.timer.stop()
    if sharing.made is not None:
        sharing.made.close()
    return close_and_delete_all(history, locations)


def _follow_autostart(
    key: str, settings: Settings, locations: Locations, window: MainWindow
) -> None:
    """Add or remove the start-up entry; if the desktop refuses, say so and undo the switch."""
    if key != "start_with_desktop":
        return
    from alshome.platform import autostart  # only when the setting changes: not at start-up

    wanted = bool(settings.get(key))
    try:
        autostart.set_autostart(wanted, autostart.launch_command(locations.data_dir))
    except (DocumentError, OSError):
        settings.set(key, not wanted)
        with contextlib.suppress(DocumentError, OSError):
            settings.save()
        screen = window.screens[Page.SETTINGS]
        screen.refresh()
        screen.show_notice(
            QCoreApplication.translate(
                "App", "The computer did not let alshome change its start-up programs."
            )
        )


def _open_or_quit(history: History, window: QWidget) -> bool:
    """Open the database, or tell the person why not and end the app (False)."""
    if _open_or_tell(history, window):
        return True
    QApplication.exit(FAILURE)
    return False


def _open_or_tell(history: History, window: QWidget | None) -> bool:
    """Open the database, or tell the person why not (False); a bug keeps its traceback.

    A history found damaged has been set aside already; the person may then restore the
    newest good backup or start afresh, and the opening is tried once more.
    """
    for first_try in (True, False):
        try:
            history.open()
            return True
        except Exception as error:
            from alshome.storage.health import DamagedDatabaseError

            database = sqlite_path(history.url)
            if first_try and isinstance(error, DamagedDatabaseError) and database is not None:
                from alshome.ui.damaged_history import offer_recovery

                if offer_recovery(error, database, window):
                    continue
                return False
            if not _tell(error, window):
                raise
            return False
    return False


def _tell(error: Exception, window: QWidget | None) -> bool:
    """Show a failure the person can act on, on stderr in English and in a message in the
    app's language; False for a bug."""
    failure = explain_failure(error)
    if failure is None:
        return False
    print(failure[1], file=sys.stderr)
    QMessageBox.critical(window, "alshome", explain(error))
    return True
