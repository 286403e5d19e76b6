"""The one window: it owns which screen is shown.

Screen changes happen in one place (`_show`), after every change the controller
reports, so each screen only renders state. Pages outside a session (settings, the
first-run pages, the checks before a session) are shown by the same means. Keys are read
by the keyboard contract (`alshome.ui.keyboard`), and by the scanner for switch users.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from alshome.domain.clock import Clock
from alshome.domain.program import Program
from alshome.domain.safety import (
    CarryOver,
    CarryOverCheck,
    Profile,
    lift_checks_due,
    therapist_contact,
)
from alshome.domain.session import Phase
from alshome.platform.settings import Settings
from alshome.programs.document import DocumentError
from alshome.ui.announce import SessionAnnouncer
from alshome.ui.failure_text import explain
from alshome.ui.keyboard import KeyboardContract
from alshome.ui.placement import place, remembered
from alshome.ui.scanning import Scanner
from alshome.ui.screens.base import Screen
from alshome.ui.screens.home import HomeHistory, HomeScreen
from alshome.ui.session_controller import SessionController
from alshome.ui.theme import LIGHT, PALETTES, Palette, style_for
from alshome.ui.widgets import label

if TYPE_CHECKING:
    from alshome.domain.alsfrs import Entry
    from alshome.domain.fatigue import Symptom
    from alshome.domain.session import SessionStatus
    from alshome.operations.editor_pin import EditorPin
    from alshome.operations.recovery import Recovery
    from alshome.storage.repository import UnfinishedSession
    from alshome.ui.clinic_sharing import ClinicSharing
    from alshome.ui.figure import FigureView
    from alshome.ui.screens.about import AboutScreen
    from alshome.ui.screens.alsfrs import AlsfrsScreen
    from alshome.ui.screens.backups import BackupsScreen, HistoryBackups
    from alshome.ui.screens.carry_over import CarryOverScreen, LighterDayScreen
    from alshome.ui.screens.ending import StopSafelyScreen, SummaryScreen
    from alshome.ui.screens.exercise import ExerciseScreen
    from alshome.ui.screens.fatigue import FatigueScreen
    from alshome.ui.screens.first_run import ContactScreen, FirstRunScreen
    from alshome.ui.screens.history import HistoryScreen
    from alshome.ui.screens.passphrase import HistoryProtection, PassphraseScreen
    from alshome.ui.screens.pause import ConfirmStopScreen, PausedScreen
    from alshome.ui.screens.program import ProgramFiles, ProgramScreen
    from alshome.ui.screens.rest import RestScreen
    from alshome.ui.screens.settings import SettingsScreen
    from alshome.ui.screens.share import ShareScreen
    from alshome.ui.screens.unfinished import UnfinishedScreen

SCREEN_FOR_PHASE: dict[Phase | None, str] = {
    None: "home",
    Phase.READY: "exercise",
    Phase.LIFT_CHECK: "exercise",
    Phase.LEAD_IN: "exercise",
    Phase.RUNNING: "exercise",
    Phase.FATIGUE_CHECK: "fatigue",
    Phase.END_OFFERED: "fatigue",
    Phase.REST: "rest",
    Phase.PAUSED: "paused",
    Phase.CONFIRM_STOP: "confirm_stop",
    Phase.STOP_SAFELY: "stop_safely",
    Phase.SUMMARY: "summary",
}


class SafetyRecords(Protocol):
    """What the screens before a session read and write: the history's repository."""

    def profile(self) -> Profile | None: ...

    def save_profile(self, profile: Profile) -> None: ...

    def record_rest_day(self, check: CarryOverCheck) -> None: ...

    def last_lift_checks(self) -> dict[str, datetime]: ...

    def unfinished_sessions(self) -> list[UnfinishedSession]: ...

    def alsfrs_entries(self, since: datetime | None = None) -> list[Entry]: ...

    def save_alsfrs(self, entry: Entry) -> None: ...

    def end_session(
        self,
        session_id: int,
        status: SessionStatus,
        ended_at: datetime,
        symptoms: Iterable[Symptom],
    ) -> None: ...


class MainWindow(QMainWindow):
    setting_changed = Signal(str)  # a setting was changed and saved on the settings screen
    voice_preview_requested = Signal()  # "Try the voice"

    def __init__(
        self,
        program: Program,
        controller: SessionController,
        history: HomeHistory,
        clock: Clock,
        settings: Settings | None = None,
        records: Callable[[], SafetyRecords] | None = None,
    ) -> None:
        """`records` opens the history when first called; without it no check comes first."""
        super().__init__()
        self.setWindowTitle(self.tr("alshome – home exercise"))
        self.setMinimumSize(960, 600)
        self.resize(1280, 800)  # until `open_placed` fits it to the screen (tests keep this)
        self.program = program
        self.controller = controller
        self._history = history
        self._records = records
        self._history_ready = False  # set by `history_opened`
        self._recovery: Recovery | None = None  # a session to carry on, found at start
        self._after_first_run: Callable[[], None] = self.go_home
        self._clock = clock
        self._shown: tuple[Phase | None, int] | None = None

        self.stack = QStackedWidget()
        self.home = HomeScreen(
            self.start_session,
            self.open_settings,
            self.open_history if records else None,
            self.open_alsfrs if records else None,
            on_offer=self.open_share,
        )
        self.stack.addWidget(self.home)

        self.warning = label(
            self.tr(
                "Not saved yet: the computer's disk is full or cannot be written. "
                "It will be saved when it can."
            ),
            "headline",
        )
        self.warning.setVisible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.warning)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self._footer())
        self.setCentralWidget(central)

        self.settings = settings or Settings.in_memory()
        self._page: str | None = None  # a page shown outside any session: settings
        self.voice_problem: Callable[[], str] = lambda: ""  # set by the app's voice guide
        self.program_files: ProgramFiles | None = None  # set by the app: files need storage
        self.history_backups: HistoryBackups | None = None  # set by the app, for a file
        self.delete_all_data: Callable[[], bool] | None = None  # set by the app: files are its
        self._all_deleted = False
        self._maximized = False  # whether the window was maximized when full screen began
        self.history_passphrase: HistoryProtection | None = None  # set by the app, for a file
        self.history_on_server = False  # set by the app: backups and passphrase are the server's
        self.data_folder: Path | None = None  # set by the app: the About screen shows it
        self.clinic_sharing: ClinicSharing | None = None  # set by the app
        self.scanner = Scanner(self, self.settings)
        controller.changed.connect(self._show)
        # After `_show` is connected, so each announcement reads the screen now shown.
        self.announcer = SessionAnnouncer(controller, self)
        controller.ticked.connect(self._refresh)
        controller.save_failed.connect(lambda: self.warning.setVisible(True))
        controller.save_resumed.connect(lambda: self.warning.setVisible(False))
        self.keyboard = KeyboardContract(self)
        self._show()

    # Every screen but home is built, and its module imported, the first time it is
    # needed, not at start-up: the home window appears sooner (benchmark a), and most
    # screens wait for Start or are never opened at all.

    @cached_property
    def exercise(self) -> ExerciseScreen:
        from alshome.ui.screens.exercise import ExerciseScreen

        screen = self._add(ExerciseScreen(self.controller))
        screen.figure.set_palette(self._palette())
        screen.figure.set_animated(bool(self.settings.get("moving_pictures")))
        return screen

    def _figures(self) -> list[FigureView]:
        """The moving figures on the screens built so far, which follow the colours."""
        figures = []
        if "exercise" in self.__dict__:
            figures.append(self.exercise.figure)
        if "editor" in self.__dict__:
            figures.extend(self.editor.figures())
        return figures

    def _palette(self) -> Palette:
        return PALETTES.get(str(self.settings.get("theme")), LIGHT)

    @cached_property
    def fatigue(self) -> FatigueScreen:
        from alshome.ui.screens.fatigue import FatigueScreen

        return self._add(FatigueScreen(self.controller))

    @cached_property
    def rest(self) -> RestScreen:
        from alshome.ui.screens.rest import RestScreen

        return self._add(RestScreen(self.controller))

    @cached_property
    def paused(self) -> PausedScreen:
        from alshome.ui.screens.pause import PausedScreen

        return self._add(PausedScreen(self.controller))

    @cached_property
    def confirm_stop(self) -> ConfirmStopScreen:
        from alshome.ui.screens.pause import ConfirmStopScreen

        return self._add(ConfirmStopScreen(self.controller))

    @cached_property
    def stop_safely(self) -> StopSafelyScreen:
        from alshome.ui.screens.ending import StopSafelyScreen

        return self._add(StopSafelyScreen(self.controller))

    @cached_property
    def summary(self) -> SummaryScreen:
        from alshome.ui.screens.ending import SummaryScreen

        return self._add(SummaryScreen(self.controller.close))

    # ----- before a session: the first-run pages and the carry-over check -----------------

    @cached_property
    def first_run(self) -> FirstRunScreen:
        from alshome.ui.screens.first_run import FirstRunScreen

        return self._add(FirstRunScreen(lambda: self._open_page("contact")))

    @cached_property
    def contact(self) -> ContactScreen:
        from alshome.ui.screens.first_run import ContactScreen

        return self._add(ContactScreen(self._save_profile, lambda: self._open_page("first_run")))

    @cached_property
    def carry_over(self) -> CarryOverScreen:
        from alshome.ui.screens.carry_over import CarryOverScreen

        return self._add(CarryOverScreen(self._carry_over_answered))

    @cached_property
    def lighter_day(self) -> LighterDayScreen:
        from alshome.ui.screens.carry_over import LighterDayScreen

        return self._add(LighterDayScreen(self._begin, self._rest_today))

    @cached_property
    def unfinished(self) -> UnfinishedScreen:
        from alshome.ui.screens.unfinished import UnfinishedScreen

        return self._add(UnfinishedScreen(self._carry_on, self._close_unfinished))

    def history_opened(self) -> None:
        """The history is open: show the recorded contact and whether a rating is due; offer
        to carry on a session the app stopped in the middle of; show the first-run pages
        until they are done once."""
        if self._records is None:
            return
        self._history_ready = True
        profile = self._records().profile()
        self._show_contact(profile)
        self.home.show_rating(self._rating_due())
        if self.controller.session is not None or self._page is not None:
            return
        from alshome.operations.recovery import find_unfinished

        self._recovery = find_unfinished(self._records(), self._clock.wall())
        if self._recovery is not None:
            recovery = self._recovery
            self.unfinished.show_for(
                recovery.program.name,
                recovery.resumption.started_at,
                recovery.sets_saved,
                recovery.sets_planned,
            )
            self._open_page("unfinished")
        elif profile is None:
            self._after_first_run = self.go_home
            self._open_page("first_run")

    def _carry_on(self) -> None:
        """The unfinished session again, at its next set, saving into the same session."""
        from alshome.storage.recorder import SessionRecorder

        recovery, records = self._recovery, self._records()
        self._recovery = None
        therapist = therapist_contact(recovery.program.therapist, records.profile())
        program = replace(recovery.program, therapist=therapist)
        self._page = None
        self.controller.carry_on(
            program,
            recovery.resumption,
            SessionRecorder(records, recovery.program_id, recovery.session_id),
            lift_checks_due(program, records.last_lift_checks(), self._clock.wall()),
        )

    def _close_unfinished(self) -> None:
        from alshome.operations.recovery import close_interrupted

        close_interrupted(self._records(), self._recovery.unfinished)
        self._recovery = None
        self.go_home()

    def _to_review(self) -> list[str]:
        """This program's exercises whose last lift check was "no", once the history is open.

        Read only then: asking earlier would open the database before the window shows.
        """
        if self._records is None or not self._history_ready:
            return []
        in_program = {p.exercise.id for p in self.program.prescriptions}
        return [
            check.exercise_name
            for check in self._records().exercises_to_review()
            if check.exercise_id in in_program
        ]

    def start_session(self) -> None:
        """Start today's session: after the first-run pages until they are done, and after
        the carry-over check before every session but the first."""
        if self._records is None:
            self.controller.start(self.program)
            return
        profile = self._records().profile()
        self._show_contact(profile)
        if profile is None:
            self._after_first_run = self.start_session
            self._open_page("first_run")
        elif self._history.last_session() is None:
            self._begin(None)
        else:
            self._open_page("carry_over")

    def _open_page(self, name: str) -> None:
        if name == "contact":
            self.contact.fill(self.program.therapist)
        self._page = name
        self._show()

    def go_home(self) -> None:
        """Leave a page shown outside a session (settings, the first-run pages) for home."""
        self._page = None
        self._show()

    def _save_profile(self, therapist_name: str, contact: str, patient_name: str) -> None:
        profile = Profile(therapist_name, contact, patient_name, self._clock.wall())
        self._records().save_profile(profile)
        self._show_contact(profile)
        self._page = None
        self._after_first_run()

    def _carry_over_answered(self, answer: CarryOver) -> None:
        if answer.still_affected:
            self.lighter_day.ask(answer, self.program.lighter_option)
            self._open_page("lighter_day")
        else:
            self._begin(answer)

    def _begin(self, answer: CarryOver | None) -> None:
        """The session, with the contact to show should it stop and the lift checks due."""
        records = self._records()
        now = self._clock.wall()
        therapist = therapist_contact(self.program.therapist, records.profile())
        self._page = None
        self.controller.start(
            replace(self.program, therapist=therapist),
            None if answer is None else CarryOverCheck(answer, now),
            lift_checks_due(self.program, records.last_lift_checks(), now),
        )

    def _rest_today(self, answer: CarryOver) -> None:
        self._records().record_rest_day(CarryOverCheck(answer, self._clock.wall()))
        self.go_home()

    def screen_for(self, phase: Phase | None) -> Screen:
        if phase is None and self._page is not None:
            return getattr(self, self._page)
        return getattr(self, SCREEN_FOR_PHASE[phase])

    # ----- settings ----------------------------------------------------------------------

    @cached_property
    def settings_screen(self) -> SettingsScreen:
        from alshome.ui.screens.settings import SettingsScreen

        """Built when first opened."""
        protection = self.history_passphrase
        screen = SettingsScreen(
            self.settings,
            self.apply_setting,
            self.go_home,
            on_try_voice=self.try_voice,
            on_program=self.open_program if self.program_files is not None else None,
            on_backups=self.open_backups if self.history_backups is not None else None,
            on_about=self.open_about,
            on_delete_all=self._delete_everything if self.delete_all_data else None,
            on_passphrase=self.open_passphrase if protection is not None else None,
            protected=protection.is_protected if protection is not None else lambda: False,
            on_rating=self.open_alsfrs if self._records is not None else None,
            history_on_server=self.history_on_server,
            on_share=self.open_share if self.clinic_sharing is not None else None,
            shared=lambda: self._sharing()[0],
        )
        return self._add(screen)

    @cached_property
    def backups_screen(self) -> BackupsScreen:
        from alshome.ui.screens.backups import BackupsScreen

        return self._add(BackupsScreen(self.history_backups, self.open_settings, explain))

    @cached_property
    def passphrase_screen(self) -> PassphraseScreen:
        from alshome.ui.screens.passphrase import PassphraseScreen

        return self._add(PassphraseScreen(self.history_passphrase, self.open_settings, explain))

    def open_passphrase(self) -> None:
        if self.controller.session is None:
            self.passphrase_screen.show_state()
            self._page = "passphrase_screen"
            self._show()

    @cached_property
    def about_screen(self) -> AboutScreen:
        from alshome.ui.screens.about import AboutScreen

        return self._add(AboutScreen(self.data_folder, self.open_settings))

    def open_about(self) -> None:
        if self.controller.session is None:
            self._page = "about_screen"
            self._show()

    def open_backups(self) -> None:
        if self.controller.session is None:
            self.backups_screen.show_backups()
            self._page = "backups_screen"
            self._show()

    # ----- sharing with the clinic -------------------------------------------------------

    @cached_property
    def share_screen(self) -> ShareScreen:
        from alshome.ui.screens.share import ShareScreen

        return self._add(ShareScreen(self.clinic_sharing, self.go_home, explain))

    def open_share(self) -> None:
        """From settings, or from home when the clinic sent a program; outside a session."""
        if self.controller.session is None and self.clinic_sharing is not None:
            self.share_screen.show_state()
            self._page = "share_screen"
            self._show()

    def sharing_changed(self) -> None:
        """A sync ended, or sharing started or stopped: home and settings say so anew."""
        if self.controller.session is not None:
            return
        if self._page == "settings_screen":
            self.settings_screen.refresh()
        elif self._page is None:
            self._show()

    def _sharing(self) -> tuple[str, bool]:
        """The line home and settings show, and whether the clinic sent a program."""
        if self.clinic_sharing is None or (self._records is not None and not self._history_ready):
            return "", False
        from alshome.ui.screens.share import sharing_words

        status = self.clinic_sharing.status()
        failed = self.clinic_sharing.problem is not None
        return sharing_words(status, failed), status is not None and bool(status.offered)

    # ----- the ALSFRS-R self-rating ------------------------------------------------------

    @cached_property
    def alsfrs_screen(self) -> AlsfrsScreen:
        from alshome.ui.screens.alsfrs import AlsfrsScreen

        return self._add(AlsfrsScreen(self._save_alsfrs, self.go_home, self._clock.wall))

    def open_alsfrs(self) -> None:
        """From home or settings, outside a session; the earlier ratings give the course."""
        if self.controller.session is None and self._records is not None:
            self.alsfrs_screen.start(self._records().alsfrs_entries())
            self._page = "alsfrs_screen"
            self._show()

    def _save_alsfrs(self, entry: Entry) -> None:
        self._records().save_alsfrs(entry)
        self.go_home()

    def _rating_due(self) -> bool:
        """Home suggests a rating monthly, once the history is open (as `_to_review`)."""
        if self._records is None or not self._history_ready:
            return False
        from alshome.domain.alsfrs import rating_due

        return rating_due(self._records().alsfrs_entries(), self._clock.wall().date())

    @cached_property
    def program_screen(self) -> ProgramScreen:
        from alshome.ui.screens.program import ProgramScreen

        return self._add(
            ProgramScreen(
                self.program_files, self.use_program, self.open_settings, explain, self.open_editor
            )
        )

    @cached_property
    def editor(self) -> Screen:
        # Imported when first opened: its checks load pydantic, which start-up does without.
        from alshome.ui.screens.editor import EditorScreen

        screen = self._add(
            EditorScreen(
                self.program_files, self.use_program, self.open_program, explain, self._editor_pin()
            )
        )
        screen.set_palette(self._palette())
        for figure in screen.figures():
            figure.set_animated(bool(self.settings.get("moving_pictures")))
        return screen

    def _editor_pin(self) -> EditorPin:
        """The PIN kept beside the settings; in memory only for a window without a folder."""
        from alshome.operations.editor_pin import EditorPin

        if self.data_folder is None:
            return EditorPin.in_memory()
        return EditorPin(self.data_folder)

    def open_editor(self) -> None:
        if self.controller.session is None:
            self.editor.ask(self.program)
            self._page = "editor"
            self._show()

    def open_program(self) -> None:
        if self.controller.session is None:
            self.program_screen.show_program(self.program)
            self._page = "program_screen"
            self._show()

    def use_program(self, program: Program) -> None:
        """A new program from a file: the next session, home and the footer follow it."""
        self.program = program
        self._show_contact(self._records().profile() if self._records else None)

    def open_settings(self) -> None:
        """Settings open from home only: nothing about a running session changes under it."""
        if self.controller.session is None:
            self.settings_screen.refresh()
            # Said here, in one sentence, if the voice or the chime cannot sound here.
            self.settings_screen.show_notice(self.voice_problem())
            self._page = "settings_screen"
            self._show()

    @cached_property
    def history_screen(self) -> HistoryScreen:
        # Imported when first opened: its charts load pyqtgraph and numpy.
        from alshome.ui.screens.history import HistoryScreen

        screen = self._add(HistoryScreen(self._records, self.go_home))
        screen.set_palette(self._palette())
        return screen

    def prepare_history(self) -> HistoryScreen | None:
        """The history screen, built while home is idle so that its first opening only has
        to fill it in (see `alshome.app`); None when it is not the time to."""
        if self._records is None or self.current is not self.home:
            return None
        self.history_screen.build_charts()
        return self.history_screen

    def open_history(self) -> None:
        """From home only, like settings; read afresh each time, so the newest session shows."""
        if self.controller.session is None and self._records is not None:
            summaries = self._records().session_summaries()
            self.history_screen.show_history(
                summaries, self._clock.wall(), self.program.weekly_target
            )
            self._page = "history_screen"
            self._show()

    def apply_setting(self, key: str) -> None:
        """Make a saved change show at once; others (voice, reminders) hear `setting_changed`."""
        if key in ("theme", "text_scale"):
            QApplication.instance().setStyleSheet(
                style_for(str(self.settings.get("theme")), int(self.settings.get("text_scale")))
            )
            for figure in self._figures():
                figure.set_palette(self._palette())
            if "editor" in self.__dict__:
                self.editor.finder.set_palette(self._palette())
            if "history_screen" in self.__dict__:
                self.history_screen.set_palette(self._palette())
        elif key == "moving_pictures":
            for figure in self._figures():
                figure.set_animated(bool(self.settings.get(key)))
        elif key == "full_screen":
            self.show_full_screen(bool(self.settings.get("full_screen")))
        elif key in ("auto_advance", "auto_advance_factor", "lead_in_seconds"):
            self.controller.options = self.settings.session_options()
        elif key.startswith("scan_"):
            self.scanner.restart()
        self.setting_changed.emit(key)
        self.scanner.follow()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing while sets still wait for the disk would lose them: ask first, keep open.

        The window's place is kept for the next launch, unless every file of the person's
        has just been deleted: then nothing may write a new one.
        """
        if self.controller.unsaved and not self._close_anyway():
            event.ignore()
            return
        if not self._all_deleted:
            with contextlib.suppress(DocumentError, OSError):  # a place is not worth a message
                self.settings.save_window(remembered(self, self._is_maximized()))
        super().closeEvent(event)

    def _close_anyway(self) -> bool:
        question = QMessageBox(self)
        question.setIcon(QMessageBox.Icon.Warning)
        question.setWindowTitle("alshome")
        question.setText(
            self.tr(
                "Some of today's session is not saved yet: the disk is full or cannot be "
                "written. If alshome closes now, that part is lost."
            )
        )
        keep = question.addButton(self.tr("Keep alshome open"), QMessageBox.ButtonRole.RejectRole)
        close = question.addButton(self.tr("Close anyway"), QMessageBox.ButtonRole.DestructiveRole)
        question.setDefaultButton(keep)
        question.setEscapeButton(keep)
        question.exec()
        return question.clickedButton() is close

    def open_placed(self) -> None:
        """Show the window where it was left, or as fits this screen (`placement`), and
        full screen when the setting says so."""
        self._maximized = place(self, self.settings.window)
        if self.settings.get("full_screen"):
            self.showFullScreen()
        elif self._maximized:
            self.showMaximized()
        else:
            self.show()

    def show_full_screen(self, on: bool) -> None:
        """Full screen, or back to the window it was: maximized stays maximized.

        One state at a time: asked for full screen and maximized at once, a window
        manager may keep either.
        """
        if on:
            if not self.isFullScreen():
                self._maximized = self.isMaximized()
            self.showFullScreen()
        elif self._maximized:
            self.showMaximized()
        else:
            self.showNormal()

    def _is_maximized(self) -> bool:
        """Maximized now, or under full screen: how the window opens without it."""
        return self._maximized if self.isFullScreen() else self.isMaximized()

    def try_voice(self) -> None:
        self.voice_preview_requested.emit()

    def _add(self, screen: Screen) -> Screen:
        self.stack.addWidget(screen)
        return screen

    def _footer(self) -> QFrame:
        footer = QFrame()
        footer.setObjectName("footer")
        row = QHBoxLayout(footer)
        row.setContentsMargins(32, 8, 32, 8)
        self.footer_text = label("", "note")
        row.addWidget(self.footer_text)
        self._show_contact(None)
        return footer

    def _show_contact(self, profile: Profile | None) -> None:
        """The program's therapist, or the contact recorded on the first-run pages."""
        therapist = therapist_contact(self.program.therapist, profile)
        text = self.tr("Your program comes from {name}.").format(
            name=therapist.name or self.tr("your therapist")
        )
        if therapist.contact:
            text += " " + self.tr("Contact: {contact}").format(contact=therapist.contact)
        self.footer_text.setText(text)

    @property
    def current(self) -> Screen:
        return self.stack.currentWidget()

    def _show(self) -> None:
        session = self.controller.session
        phase = session.phase if session else None
        screen = self.screen_for(phase)
        if phase is None:
            self.home.show_program(
                self.program, self._history, self._clock.wall(), self.settings.get("preferred_days")
            )
            self.home.show_review(self._to_review())
            self.home.show_rating(self._rating_due())
            self.home.show_sharing(*self._sharing())
        else:
            screen.render(session)
        where = (phase, session.index if session else -1, self._page)
        if where != self._shown:
            self._shown = where
            self.stack.setCurrentWidget(screen)
            target = screen.first_focus()
            (target or screen).setFocus(Qt.FocusReason.OtherFocusReason)
            self.scanner.restart()
        else:
            self.scanner.follow()

    def _refresh(self) -> None:
        if self.controller.session is not None:
            self.current.refresh(self.controller.session)

    # ----- for the keyboard contract -----------------------------------------------------

    def _delete_everything(self) -> bool:
        """The app's deletion; once it ran, alshome can only close (nothing to go back to)."""
        self._all_deleted = True
        return self.delete_all_data()

    def leave_page(self) -> None:
        """Esc on a page shown outside a session (settings, the first-run pages): home.

        After "delete all my data" there is no home to go to: Esc closes alshome, as the
        last page's only button does, so nothing can write a new history by accident.
        """
        if self._all_deleted:
            QApplication.exit(0)
        elif self._page is not None:
            self.go_home()

    def move_focus(self, forward: bool) -> None:
        self.focusNextPrevChild(forward)
