"""The one window: it owns which screen is shown, and only shows.

Screen changes happen in one place (`_show`), after every change the controller
reports, so each screen only renders state. Pages outside a session (settings, the
first-run pages, the checks before a session) are shown by the same means; which check
comes before a session is decided in `alshome.operations.before_session`. Pages are named
by `alshome.ui.pages.Page` and built on first showing by its registry; the services
behind them come in at construction (`alshome.ui.window_services`). Keys are read by the
keyboard contract (`alshome.ui.keyboard`), and by the scanner for switch users.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

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
from alshome.operations.before_session import BeforeSession, Step, next_step
from alshome.platform.settings import Settings
from alshome.programs.document import DocumentError
from alshome.ui.announce import SessionAnnouncer
from alshome.ui.failure_text import explain
from alshome.ui.keyboard import KeyboardContract
from alshome.ui.pages import PAGE_FOR_PHASE, Page, Screens
from alshome.ui.placement import place, remembered
from alshome.ui.scanning import Scanner
from alshome.ui.screens.base import Screen
from alshome.ui.screens.home import HomeHistory, HomeScreen
from alshome.ui.session_controller import SessionController
from alshome.ui.theme import LIGHT, PALETTES, Palette, style_for
from alshome.ui.widgets import label
from alshome.ui.window_services import WindowServices

if TYPE_CHECKING:
    from alshome.domain.alsfrs import Entry
    from alshome.operations.editor_pin import EditorPin
    from alshome.operations.recovery import Recovery
    from alshome.ui.exercise_media import ExerciseMedia
    from alshome.ui.figure import FigureView

# The page that shows each step before a session; BEGIN and HOME show no page of their own.
PAGE_FOR_STEP = {
    Step.UNFINISHED: Page.UNFINISHED,
    Step.FIRST_RUN: Page.FIRST_RUN,
    Step.CARRY_OVER: Page.CARRY_OVER,
    Step.LIGHTER_DAY: Page.LIGHTER_DAY,
}


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
        services: WindowServices | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("alshome – home exercise"))
        self.setMinimumSize(960, 600)
        self.resize(1280, 800)  # until `open_placed` fits it to the screen (tests keep this)
        self.program = program
        self.controller = controller
        self.services = services or WindowServices()
        self._history = history
        self._records = self.services.records
        self._history_ready = False  # set by `history_opened`
        self._recovery: Recovery | None = None  # a session to carry on, found at start
        self._after_first_run: Callable[[], None] = self.go_home
        self._clock = clock
        self._shown: tuple[Phase | None, int, Page | None] | None = None
        self._page: Page | None = None  # a page shown outside any session: settings
        self._all_deleted = False
        self._maximized = False  # whether the window was maximized when full screen began
        self.settings = settings or Settings.in_memory()

        self.stack = QStackedWidget()
        self.screens = Screens(self.stack, self._factories())
        self.home: HomeScreen = self.screens[Page.HOME]

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

        self.scanner = Scanner(self, self.settings)
        controller.changed.connect(self._show)
        # After `_show` is connected, so each announcement reads the screen now shown.
        self.announcer = SessionAnnouncer(controller, self)
        controller.ticked.connect(self._refresh)
        controller.save_failed.connect(lambda: self.warning.setVisible(True))
        controller.save_resumed.connect(lambda: self.warning.setVisible(False))
        self.keyboard = KeyboardContract(self)
        self._show()

    # ----- the pages, each built when first shown (`alshome.ui.pages`) -------------------

    def _factories(self) -> dict[Page, Callable[[], Screen]]:
        return {
            Page.HOME: self._build_home,
            Page.EXERCISE: self._build_exercise,
            Page.FATIGUE: self._build_fatigue,
            Page.REST: self._build_rest,
            Page.PAUSED: self._build_paused,
            Page.CONFIRM_STOP: self._build_confirm_stop,
            Page.STOP_SAFELY: self._build_stop_safely,
            Page.SUMMARY: self._build_summary,
            Page.FIRST_RUN: self._build_first_run,
            Page.CONTACT: self._build_contact,
            Page.UNFINISHED: self._build_unfinished,
            Page.CARRY_OVER: self._build_carry_over,
            Page.LIGHTER_DAY: self._build_lighter_day,
            Page.SETTINGS: self._build_settings,
            Page.BACKUPS: self._build_backups,
            Page.PASSPHRASE: self._build_passphrase,
            Page.ABOUT: self._build_about,
            Page.ALSFRS: self._build_alsfrs,
            Page.PROGRAM: self._build_program,
            Page.EDITOR: self._build_editor,
            Page.HISTORY: self._build_history,
            Page.SHARE: self._build_share,
        }

    def _build_home(self) -> Screen:
        return HomeScreen(
            self.start_session,
            self.open_settings,
            self.open_history if self._records else None,
            self.open_alsfrs if self._records else None,
            on_offer=self.open_share,
        )

    def _build_exercise(self) -> Screen:
        from alshome.ui.screens.exercise import ExerciseScreen

        screen = ExerciseScreen(self.controller, self._program_media)
        screen.figure.set_palette(self._palette())
        screen.figure.set_animated(bool(self.settings.get("moving_pictures")))
        screen.media.set_animated(bool(self.settings.get("moving_pictures")))
        return screen

    def _build_fatigue(self) -> Screen:
        from alshome.ui.screens.fatigue import FatigueScreen

        return FatigueScreen(self.controller)

    def _build_rest(self) -> Screen:
        from alshome.ui.screens.rest import RestScreen

        return RestScreen(self.controller)

    def _build_paused(self) -> Screen:
        from alshome.ui.screens.pause import PausedScreen

        return PausedScreen(self.controller)

    def _build_confirm_stop(self) -> Screen:
        from alshome.ui.screens.pause import ConfirmStopScreen

        return ConfirmStopScreen(self.controller)

    def _build_stop_safely(self) -> Screen:
        from alshome.ui.screens.ending import StopSafelyScreen

        return StopSafelyScreen(self.controller)

    def _build_summary(self) -> Screen:
        from alshome.ui.screens.ending import SummaryScreen

        return SummaryScreen(self.controller.close)

    def _build_first_run(self) -> Screen:
        from alshome.ui.screens.first_run import FirstRunScreen

        return FirstRunScreen(lambda: self._open_page(Page.CONTACT))

    def _build_contact(self) -> Screen:
        from alshome.ui.screens.first_run import ContactScreen

        return ContactScreen(self._save_profile, lambda: self._open_page(Page.FIRST_RUN))

    def _build_unfinished(self) -> Screen:
        from alshome.ui.screens.unfinished import UnfinishedScreen

        return UnfinishedScreen(self._carry_on, self._close_unfinished)

    def _build_carry_over(self) -> Screen:
        from alshome.ui.screens.carry_over import CarryOverScreen

        return CarryOverScreen(self._next_before_session)

    def _build_lighter_day(self) -> Screen:
        from alshome.ui.screens.carry_over import LighterDayScreen

        return LighterDayScreen(self._begin, self._rest_today)

    def _build_settings(self) -> Screen:
        from alshome.ui.screens.settings import SettingsScreen

        services = self.services
        protection = services.history_passphrase
        return SettingsScreen(
            self.settings,
            self.apply_setting,
            self.go_home,
            on_try_voice=self.try_voice,
            on_program=self.open_program if services.program_files is not None else None,
            on_backups=self.open_backups if services.history_backups is not None else None,
            on_about=self.open_about,
            on_delete_all=self._delete_everything if services.delete_all_data else None,
            on_passphrase=self.open_passphrase if protection is not None else None,
            protected=protection.is_protected if protection is not None else lambda: False,
            on_rating=self.open_alsfrs if self._records is not None else None,
            history_on_server=services.history_on_server,
            on_share=self.open_share if services.clinic_sharing() is not None else None,
            shared=lambda: self._sharing()[0],
        )

    def _build_share(self) -> Screen:
        from alshome.ui.screens.share import ShareScreen

        return ShareScreen(self.services.clinic_sharing(), self.go_home, explain)

    def _build_backups(self) -> Screen:
        from alshome.ui.screens.backups import BackupsScreen

        backups = self.services.history_backups(self.use_program)
        return BackupsScreen(backups, self.open_settings, explain)

    def _build_passphrase(self) -> Screen:
        from alshome.ui.screens.passphrase import PassphraseScreen

        return PassphraseScreen(self.services.history_passphrase, self.open_settings, explain)

    def _build_about(self) -> Screen:
        from alshome.ui.screens.about import AboutScreen

        return AboutScreen(self.services.data_folder, self.open_settings)

    def _build_alsfrs(self) -> Screen:
        from alshome.ui.screens.alsfrs import AlsfrsScreen

        return AlsfrsScreen(self._save_alsfrs, self.go_home, self._clock.wall)

    def _build_program(self) -> Screen:
        from alshome.ui.screens.program import ProgramScreen

        return ProgramScreen(
            self.services.program_files,
            self.use_program,
            self.open_settings,
            explain,
            self.open_editor,
        )

    def _build_editor(self) -> Screen:
        # Imported when first opened: its checks load pydantic, which start-up does without.
        from alshome.ui.screens.editor import EditorScreen

        screen = EditorScreen(
            self.services.program_files,
            self.use_program,
            self.open_program,
            explain,
            self._editor_pin(),
            self._program_media,
        )
        screen.set_palette(self._palette())
        for figure in screen.figures():
            figure.set_animated(bool(self.settings.get("moving_pictures")))
        screen.preview.media.set_animated(bool(self.settings.get("moving_pictures")))
        return screen

    def _build_history(self) -> Screen:
        # Imported when first opened: its charts load pyqtgraph and numpy.
        from alshome.ui.screens.history import HistoryScreen

        screen = HistoryScreen(self._records, self.go_home, self.services.report_writer)
        screen.set_palette(self._palette())
        return screen

    def _figures(self) -> list[FigureView]:
        """The moving figures on the screens built so far, which follow the colours."""
        figures = []
        if exercise := self.screens.built(Page.EXERCISE):
            figures.append(exercise.figure)
        if editor := self.screens.built(Page.EDITOR):
            figures.extend(editor.figures())
        return figures

    def _media_views(self) -> list[ExerciseMedia]:
        """The therapist's pictures and videos on the screens built so far."""
        views = []
        if exercise := self.screens.built(Page.EXERCISE):
            views.append(exercise.media)
        if editor := self.screens.built(Page.EDITOR):
            views.append(editor.preview.media)
        return views

    def _palette(self) -> Palette:
        return PALETTES.get(str(self.settings.get("theme")), LIGHT)

    # ----- before a session: the steps `alshome.operations.before_session` orders -------------

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
        step = next_step(
            BeforeSession(
                start_pressed=False,
                profile_recorded=profile is not None,
                unfinished_session=self._recovery is not None,
            )
        )
        if step is Step.UNFINISHED:
            recovery = self._recovery
            self.screens[Page.UNFINISHED].show_for(
                recovery.program.name,
                recovery.resumption.started_at,
                recovery.sets_saved,
                recovery.sets_planned,
            )
        elif step is Step.FIRST_RUN:
            self._after_first_run = self.go_home
        self._take(step, None)

    def start_session(self) -> None:
        """Start today's session: after the first-run pages until they are done, and after
        the carry-over check before every session but the first."""
        self._next_before_session(None)

    def _next_before_session(self, answer: CarryOver | None) -> None:
        """Show the step that comes next once Start was pressed (and `answer` given)."""
        if self._records is None:
            self._take(next_step(BeforeSession(start_pressed=True, has_history=False)), None)
            return
        profile = self._records().profile()
        self._show_contact(profile)
        step = next_step(
            BeforeSession(
                start_pressed=True,
                profile_recorded=profile is not None,
                earlier_session=self._history.last_session() is not None,
                carry_over=answer,
            )
        )
        if step is Step.FIRST_RUN:
            self._after_first_run = self.start_session
        elif step is Step.LIGHTER_DAY:
            self.screens[Page.LIGHTER_DAY].ask(answer, self.program.lighter_option)
        self._take(step, answer)

    def _take(self, step: Step, answer: CarryOver | None) -> None:
        """Begin the session, or show the step's page; home stays as it is."""
        if step is Step.BEGIN:
            self._begin(answer)
        elif step in PAGE_FOR_STEP:
            self._open_page(PAGE_FOR_STEP[step])

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

    def _open_page(self, page: Page) -> None:
        if page is Page.CONTACT:
            self.screens[Page.CONTACT].fill(self.program.therapist)
        self._page = page
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

    def _begin(self, answer: CarryOver | None) -> None:
        """The session, with the contact to show should it stop and the lift checks due."""
        self._page = None
        if self._records is None:
            self.controller.start(self.program)
            return
        records = self._records()
        now = self._clock.wall()
        therapist = therapist_contact(self.program.therapist, records.profile())
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
            return self.screens[self._page]
        return self.screens[PAGE_FOR_PHASE[phase]]

    # ----- pages outside a session: settings and what opens from it ----------------------

    def open_passphrase(self) -> None:
        if self.controller.session is None:
            self.screens[Page.PASSPHRASE].show_state()
            self._open_page(Page.PASSPHRASE)

    def open_about(self) -> None:
        if self.controller.session is None:
            self._open_page(Page.ABOUT)

    def open_backups(self) -> None:
        if self.controller.session is None:
            self.screens[Page.BACKUPS].show_backups()
            self._open_page(Page.BACKUPS)

    # ----- sharing with the clinic -------------------------------------------------------

    def open_share(self) -> None:
        """From settings, or from home when the clinic sent a program; outside a session."""
        if self.controller.session is None and self.services.clinic_sharing() is not None:
            self.screens[Page.SHARE].show_state()
            self._open_page(Page.SHARE)

    def sharing_changed(self) -> None:
        """A sync ended, or sharing started or stopped: home and settings say so anew."""
        if self.controller.session is not None:
            return
        if self._page is Page.SETTINGS:
            self.screens[Page.SETTINGS].refresh()
        elif self._page is None:
            self._show()

    def _sharing(self) -> tuple[str, bool]:
        """The line home and settings show, and whether the clinic sent a program."""
        sharing = self.services.clinic_sharing()
        if sharing is None or (self._records is not None and not self._history_ready):
            return "", False
        from alshome.ui.screens.share import sharing_words

        status = sharing.status()
        failed = sharing.problem is not None
        return sharing_words(status, failed), status is not None and bool(status.offered)

    def open_alsfrs(self) -> None:
        """From home or settings, outside a session; the earlier ratings give the course."""
        if self.controller.session is None and self._records is not None:
            self.screens[Page.ALSFRS].start(self._records().alsfrs_entries())
            self._open_page(Page.ALSFRS)

    def _save_alsfrs(self, entry: Entry) -> None:
        self._records().save_alsfrs(entry)
        self.go_home()

    def _rating_due(self) -> bool:
        """Home suggests a rating monthly, once the history is open (as `_to_review`)."""
        if self._records is None or not self._history_ready:
            return False
        from alshome.domain.alsfrs import rating_due

        return rating_due(self._records().alsfrs_entries(), self._clock.wall().date())

    def _program_media(self, program: Program) -> Mapping[str, bytes]:
        """The pictures and videos saved with that version of the program; none without a
        history."""
        if self._records is None:
            return {}
        from alshome.programs.transfer import saved_media

        return saved_media(self._records(), program)

    def _editor_pin(self) -> EditorPin:
        """The PIN kept beside the settings; in memory only for a window without a folder."""
        from alshome.operations.editor_pin import EditorPin

        if self.services.data_folder is None:
            return EditorPin.in_memory()
        return EditorPin(self.services.data_folder)

    def open_editor(self) -> None:
        if self.controller.session is None:
            self.screens[Page.EDITOR].ask(self.program)
            self._open_page(Page.EDITOR)

    def open_program(self) -> None:
        if self.controller.session is None:
            self.screens[Page.PROGRAM].show_program(self.program)
            self._open_page(Page.PROGRAM)

    def use_program(self, program: Program) -> None:
        """A new program from a file: the next session, home and the footer follow it."""
        self.program = program
        self._show_contact(self._records().profile() if self._records else None)

    def open_settings(self) -> None:
        """Settings open from home only: nothing about a running session changes under it."""
        if self.controller.session is None:
            screen = self.screens[Page.SETTINGS]
            screen.refresh()
            # Said here, in one sentence, if the voice or the chime cannot sound here.
            screen.show_notice(self.services.voice_problem())
            self._open_page(Page.SETTINGS)

    def prepare_history(self) -> Screen | None:
        """The history screen, built while home is idle so that its first opening only has
        to fill it in (see `alshome.app`); None when it is not the time to."""
        if self._records is None or self.current is not self.home:
            return None
        screen = self.screens[Page.HISTORY]
        screen.build_charts()
        return screen

    def open_history(self) -> None:
        """From home only, like settings; read afresh each time, so the newest session shows."""
        if self.controller.session is None and self._records is not None:
            summaries = self._records().session_summaries()
            self.screens[Page.HISTORY].show_history(
                summaries, self._clock.wall(), self.program.weekly_target
            )
            self._open_page(Page.HISTORY)

    def apply_setting(self, key: str) -> None:
        """Make a saved change show at once; others (voice, reminders) hear `setting_changed`."""
        if key in ("theme", "text_scale"):
            QApplication.instance().setStyleSheet(
                style_for(str(self.settings.get("theme")), int(self.settings.get("text_scale")))
            )
            for figure in self._figures():
                figure.set_palette(self._palette())
            if editor := self.screens.built(Page.EDITOR):
                editor.finder.set_palette(self._palette())
            if history := self.screens.built(Page.HISTORY):
                history.set_palette(self._palette())
        elif key == "moving_pictures":
            for figure in self._figures():
                figure.set_animated(bool(self.settings.get(key)))
            for media in self._media_views():
                media.set_animated(bool(self.settings.get(key)))
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
        return self.services.delete_all_data()

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
