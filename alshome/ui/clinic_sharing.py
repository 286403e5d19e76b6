"""Sharing with the clinic while the app runs: the sender on a background thread.

`alshome.operations.sync` blocks on the network, so it never runs on the GUI thread: a
Python thread does one sync at a time (send what waits, then ask for the clinic's
program), and its end comes back to the GUI thread through a queued Qt signal. A sync
starts after a set is saved or a session ends (never while a set is being timed, so a
countdown is never delayed), every quarter of an hour, and when sharing starts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from sqlalchemy import Engine

from alshome.domain.session import Phase
from alshome.operations import clinic_program, sync
from alshome.programs.transfer import CheckedProgram
from alshome.ui.session_controller import SessionController

PERIOD_MS = 15 * 60 * 1000
TIMED = (Phase.LEAD_IN, Phase.RUNNING)
AFTER_A_SAVE = (Phase.FATIGUE_CHECK, Phase.STOP_SAFELY, Phase.SUMMARY)


class ClinicSharing(QObject):
    """The app's sharing with its clinic, for the share screen, home and settings.

    `engine()` gives the open history's engine, None while it is closed (being restored,
    or deleted: sharing never opens it again); `use_program(checked)` makes a program
    from the clinic the one in use, as a program file is (a backup first, and the window
    follows). `changed` is emitted on the GUI thread
    when a sync ends and when sharing starts or stops.
    """

    changed = Signal()
    _ended = Signal()
    _answered = Signal(object)  # (what to call on the GUI thread, with what)

    def __init__(
        self,
        engine: Callable[[], Engine | None],
        controller: SessionController,
        parent: QObject,
        now: Callable[[], datetime],
        use_program: Callable[[CheckedProgram], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.use_program = use_program
        self.engine = engine
        self.controller = controller
        self.now = now
        self.problem: sync.SyncError | None = None  # the last sync's failure, if it failed
        self._worker: threading.Thread | None = None
        self._stopped = threading.Event()
        self._ended.connect(self._after_sync, Qt.ConnectionType.QueuedConnection)
        self._answered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setInterval(PERIOD_MS)
        self._timer.timeout.connect(self.sync_soon)
        self._timer.start()
        controller.changed.connect(self._after_change)

    # ----- what the screens ask -----------------------------------------------------------

    def status(self) -> sync.Status | None:
        engine = self.engine()
        return None if engine is None else sync.status(engine)

    def offer(self) -> clinic_program.Offer | None:
        engine = self.engine()
        return None if engine is None else clinic_program.offered_program(engine)

    def join(
        self,
        clinic_url: str,
        code: str,
        device_name: str,
        done: Callable[[sync.SyncError | None], None],
    ) -> None:
        """Pair with the clinic on the worker thread; `done(failure)` follows on the GUI
        thread (None once paired), and then the history is sent in the background."""
        engine = self.engine()

        def joined(outcome: object) -> None:
            if isinstance(outcome, sync.SyncError):
                done(outcome)
                return
            self.changed.emit()
            done(None)
            self.sync_soon()

        self._in_background(
            lambda: sync.join(engine, clinic_url, code, device_name, self.now()), joined
        )

    def stop(self, done: Callable[[bool], None]) -> None:
        """Revoke the token at the clinic and forget it, on the worker thread; `done(told)`
        follows on the GUI thread, False when the clinic could not be told."""
        engine = self.engine()

        def stopped(told: object) -> None:
            self.changed.emit()
            done(told is True)

        self._in_background(lambda: sync.stop(engine), stopped)

    def take_offer(self) -> None:
        clinic_program.take_offer(self.engine(), self.use_program)
        self.changed.emit()
        self.sync_soon()

    def leave_offer(self) -> None:
        clinic_program.leave_offer(self.engine())
        self.changed.emit()

    # ----- the background sync ------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._worker is not None and self._worker.is_alive()

    def sync_soon(self) -> None:
        """Start a sync on the worker thread, unless one runs, a set is timed or nothing
        is shared."""
        engine = self.engine()
        if self.busy or self.controller.phase in TIMED or engine is None:
            return
        if sync.status(engine) is None:
            return
        self._worker = threading.Thread(
            target=self._sync, args=(engine,), name="clinic sync", daemon=True
        )
        self._worker.start()

    def _in_background(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        """`work()` on a thread of its own (the network may take seconds to answer), then
        `done(its result, or the SyncError it raised)` on the GUI thread."""

        def run() -> None:
            try:
                outcome = work()
            except sync.SyncError as error:
                outcome = error
            self._answered.emit((done, outcome))

        threading.Thread(target=run, name="clinic request", daemon=True).start()

    def _deliver(self, answer: tuple[Callable[[object], None], object]) -> None:
        done, outcome = answer
        done(outcome)

    def close(self) -> None:
        """Stop waiting to retry; the app is closing."""
        self._stopped.set()
        self._timer.stop()

    def _sync(self, engine: Engine) -> None:
        try:
            sync.sync(engine, self.now, self._stopped)
            self.problem = None
        except sync.SyncError as error:
            self.problem = error
        finally:
            self._ended.emit()

    def _after_sync(self) -> None:
        self.changed.emit()

    def _after_change(self) -> None:
        if self.controller.phase in AFTER_A_SAVE:
            self.sync_soon()
