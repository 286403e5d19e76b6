"""A walk through every screen of the window, for tests that must check each one.

It drives the controller directly (the keyboard is tested elsewhere) and yields each
screen in each of its distinct states, so a size, name or scanning rule is checked on
every state a person can meet rather than on one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from alshome.domain.alsfrs import EnteredBy
from alshome.domain.fatigue import Symptom
from alshome.domain.program import (
    Exercise,
    ExerciseKind,
    Mover,
    Prescription,
    Program,
    RangeMode,
    RangeOfMotionDose,
    Sides,
)
from alshome.domain.safety import CarryOver
from alshome.domain.session import Phase, SessionOptions
from alshome.operations.clinic_program import Change, ChangeKind, Offer
from alshome.operations.sync import Status
from alshome.programs.demo import demo_document
from alshome.programs.transfer import CheckedProgram
from alshome.storage.backups import Backup
from alshome.ui.pages import Page
from alshome.ui.window_services import WindowServices
from tests.ui.conftest import demo_program

SHOULDER_CIRCLES = Exercise(
    "shoulder_circles",
    "Shoulder circles",
    ExerciseKind.RANGE_OF_MOTION,
    "shoulders",
    "Sit tall and roll both shoulders slowly up, back and down.",
    "Hold the shoulder gently with both hands and guide it round in a slow circle.",
    "Stop if it hurts or if you feel dizzy.",
)


def with_range_of_motion(program: Program) -> Program:
    """`program` with a range-of-motion exercise first, whose mover can change."""
    dose = RangeOfMotionDose(8, 1, Sides.BOTH, RangeMode.ACTIVE_ASSISTED, 30)
    return replace(program, prescriptions=(Prescription(SHOULDER_CIRCLES, dose),))


class TwoBackups:
    """Backups to list: one made by alshome, one by hand (nothing is ever restored)."""

    def list(self) -> list[Backup]:
        return [
            Backup(Path("b.sqlite3"), datetime(2026, 11, 24, 18, 5, tzinfo=UTC), "manual", 1),
            Backup(Path("a.sqlite3"), datetime(2026, 11, 20, 9, 0, tzinfo=UTC), "automatic", 1),
        ]


class SameProgramFile:
    """Program files that always hold `program`: enough to show the program page's states."""

    def __init__(self, program: Program) -> None:
        self.program = program

    def check(self, path: Path) -> CheckedProgram:
        return CheckedProgram({}, self.program)

    def use(self, checked: CheckedProgram) -> Program:
        return checked.program


class ClinicWithAProgram:
    """Sharing as the pages see it: not shared until joined, then up to date, with a
    program the clinic sent until it is answered."""

    problem = None

    def __init__(self) -> None:
        self.shared = False
        self.offered = True

    def status(self) -> Status | None:
        if not self.shared:
            return None
        document = {**demo_document(), "version": 2} if self.offered else None
        sent = datetime(2026, 11, 24, 18, 5, tzinfo=UTC)
        return Status("https://clinic.example", 0, sent, document)

    def offer(self) -> Offer | None:
        if not (self.shared and self.offered):
            return None
        changes = (
            Change(ChangeKind.ADDED, "Shoulder circles"),
            Change(ChangeKind.CHANGED, "Back-of-thigh stretch"),
        )
        return Offer("Your program", 2, changes, (3, 4))

    def join(self, clinic_url: str, code: str, device_name: str, done) -> None:
        self.shared = True
        done(None)

    def stop(self, done) -> None:
        self.shared = False
        done(True)

    def sync_soon(self) -> None:
        pass

    def take_offer(self) -> None:
        self.offered = False

    def leave_offer(self) -> None:
        self.offered = False


def tour_services() -> WindowServices:
    """Services that show every page the walk reaches, and change nothing."""
    clinic = ClinicWithAProgram()
    return WindowServices(
        program_files=SameProgramFile(demo_program()),
        history_backups=lambda _use_program: TwoBackups(),
        delete_all_data=lambda: True,  # deletes nothing: the pages are what is walked
        clinic_sharing=lambda: clinic,
    )


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def screens(rig) -> Iterator[tuple[str, QWidget]]:
    window, controller = rig.window, rig.controller
    settle()
    yield "home", window.home
    clinic = window.services.clinic_sharing()
    window.open_settings()
    yield "settings", window.current
    window.screens[Page.SETTINGS].reset.click()
    yield "settings, reset question", window.current
    window.screens[Page.SETTINGS].no.click()
    window.screens[Page.SETTINGS].delete_all.click()
    yield "settings, delete all question", window.current
    window.screens[Page.SETTINGS].delete_yes.click()
    yield "settings, all data deleted", window.current
    window._all_deleted = False  # the walk goes on past the end, which the app never does
    window.open_about()
    yield "about", window.current
    window.open_share()
    yield "share with my clinic", window.current
    window.screens[Page.SHARE].url.setText("https://clinic.example")
    window.screens[Page.SHARE].code.setText("CUKF-D26A")
    window.screens[Page.SHARE].join.click()
    yield "a program from the clinic", window.current
    window.screens[Page.SHARE].look.click()
    yield "a program from the clinic, looked at", window.current
    window.screens[Page.SHARE].not_now.click()
    yield "shared with my clinic", window.current
    window.screens[Page.SHARE].stop.click()
    yield "stop sharing?", window.current
    window.screens[Page.SHARE].keep.click()
    window.go_home()
    clinic.offered = True
    window.sharing_changed()
    yield "home, shared, a program from the clinic", window.current
    clinic.offered = False
    window.open_backups()
    yield "backups", window.current
    window.screens[Page.BACKUPS].choices[0].toggle.click()
    window.screens[Page.BACKUPS].put_back.click()
    yield "backups, put one back?", window.current
    window.go_home()
    window.open_program()
    yield "your program", window.current
    window.screens[Page.PROGRAM].check_file(Path("program.json"))
    yield "your program, a file to use?", window.current
    window.screens[Page.PROGRAM].keep_current()
    window.open_editor()
    yield "change the program?", window.current
    window.screens[Page.EDITOR].yes.click()
    yield "the program editor", window.current
    editor = window.screens[Page.EDITOR]
    editor.open_library()
    yield "the editor's library", window.current
    editor.open_new_exercise()
    yield "the editor's new exercise", window.current
    editor.back_to_list()
    editor.select(0)
    editor.open_dose()
    yield "the editor's dose page", window.current
    editor.open_preview()
    yield "the editor's preview", window.current
    editor.open_pin()
    yield "the editor's PIN page", window.current
    window.go_home()
    window.start_session()
    yield "get ready", window.current
    controller.start_set()
    yield "lead-in", window.current
    rig.advance(controller.options.lead_in_seconds + 0.1)
    yield "hold", window.current
    rig.advance(controller.session.remaining() + 0.1)
    yield "hold over", window.current
    controller.finish_set()
    yield "fatigue check", window.current
    window.screens[Page.FATIGUE].choose(9)
    yield "fatigue check, ending offered", window.current
    window.screens[Page.FATIGUE].choose(3)
    controller.submit_fatigue(3)
    yield "rest", window.current
    controller.pause()
    yield "paused", window.current
    controller.request_stop()
    yield "stop now?", window.current
    controller.cancel_stop()
    controller.resume()
    controller.end_rest()
    while controller.session.step.target.timed:
        controller.skip_exercise()
    controller.start_set()
    assert controller.phase is Phase.RUNNING
    yield "counted set", window.current
    controller.report_symptom({Symptom.DIZZY})
    yield "stop safely", window.current
    controller.acknowledge_stop()
    yield "summary", window.current
    controller.close()
    controller.start(with_range_of_motion(window.program))
    yield "range of motion: who moves", window.current
    controller.choose_mover(Mover.CAREGIVER)
    yield "range of motion done by the helper", window.current
    controller.start_set()
    yield "range of motion, counting", window.current
    assert not window.screens[Page.EXERCISE].who_moves.isVisible()


def safety_screens(rig) -> Iterator[tuple[str, QWidget]]:
    """The first-run pages, the carry-over check, the lift check and moving on by itself."""
    window, controller = rig.window, rig.controller
    window.history_opened()
    settle()
    yield "first run", window.current
    window.screens[Page.FIRST_RUN].primary.click()
    yield "contact", window.current
    window.screens[Page.CONTACT].primary.click()
    rig.follow_one_session()
    yield "home, with a history to open", window.current
    window.start_session()
    yield "carry-over check", window.current
    window.screens[Page.CARRY_OVER].answers[CarryOver.SORE].click()
    yield "lighter day", window.current
    window.screens[Page.LIGHTER_DAY].start.click()
    while controller.phase is not Phase.LIFT_CHECK:
        controller.skip_exercise()
    yield "lift check", window.current
    controller.stop_tired()
    controller.close()
    window.open_history()
    yield "history, charts", window.current
    window.screens[Page.HISTORY].open_session(0)
    yield "history, a session's sets", window.current
    window.go_home()
    window.open_alsfrs()
    rating = window.screens[Page.ALSFRS]
    yield "rating: who answers", window.current
    rating.who[EnteredBy.CAREGIVER].click()
    rating.primary.click()
    yield "rating: when symptoms began", window.current
    rating.primary.click()
    yield "rating: a question", window.current
    for value in (4, 3, 2, 1, 0, 4, 3, 2, 1):
        rating.choose(value)
        rating.primary.click()
    rating.choose(0)
    yield "rating: the question with the longest answers", window.current
    for value in (0, 4, 3):
        rating.choose(value)
        rating.primary.click()
    yield "rating: summary", window.current
    window.go_home()
    controller.options = SessionOptions(auto_advance=True, auto_advance_factor=3)
    window.start_session()
    window.screens[Page.CARRY_OVER].answers[CarryOver.FINE].click()
    controller.start_set()
    rig.advance(controller.options.lead_in_seconds + 0.1)
    rig.advance(controller.session.remaining() + 0.1)
    yield "hold over, moving on by itself", window.current
    controller.skip_set()
    controller.session = None  # lost as a crash loses it: the history still has it open
    window.history_opened()
    yield "an unfinished session to carry on", window.current
