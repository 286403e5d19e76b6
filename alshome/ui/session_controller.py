"""Drives the domain session from Qt timers and forwards its events to storage.

The session decides; this controller only calls `tick()` when a countdown may have
ended and tells the screens to redraw. A precise single-shot timer is armed for each
countdown's deadline on the monotonic clock (and then for the end of auto-advance's grace
period), so a hold ends on time however busy the machine is, and a coarse display timer
refreshes the numbers in between.

A write storage refuses (a full disk, a read-only folder) is kept by the recorder; the
controller retries it on a slow timer, even after the session has ended, and says when
saving has caught up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set
from contextlib import suppress
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from alshome.domain.clock import Clock
from alshome.domain.fatigue import Symptom
from alshome.domain.program import Mover, Program
from alshome.domain.safety import CarryOverCheck
from alshome.domain.session import (
    CountdownFinished,
    Event,
    Phase,
    Resumption,
    Session,
    SessionOptions,
)
from alshome.storage.errors import SaveError

DISPLAY_INTERVAL_MS = 100
SAVE_RETRY_INTERVAL_MS = 5000


@runtime_checkable
class RetryingRecorder(Protocol):
    """A recorder that keeps what storage refused and can write it again (`SessionRecorder`).

    Any other callable is a plain listener: what it fails to save, nobody can retry.
    """

    @property
    def pending(self) -> int: ...

    def retry(self) -> None: ...

    def __call__(self, event: Event) -> None: ...


class SessionController(QObject):
    changed = Signal()  # the phase or what a screen shows has changed
    ticked = Signal()  # only the countdown numbers moved
    countdown_finished = Signal(str)  # phase value whose countdown reached zero
    save_failed = Signal()  # storage refused a write; the session goes on
    save_resumed = Signal()  # everything storage refused before is written now

    def __init__(
        self,
        clock: Clock,
        recorder_for: Callable[[], Callable[[Event], None]],
        options: SessionOptions | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._recorder_for = recorder_for
        self.options = options or SessionOptions()
        self.session: Session | None = None
        self.countdown_lateness: list[float] = []
        self._recorder: Callable[[Event], None] = lambda event: None
        self._pending_deadline: float | None = None
        self._display = QTimer(self)
        self._display.setTimerType(Qt.TimerType.PreciseTimer)
        self._display.setInterval(DISPLAY_INTERVAL_MS)
        self._display.timeout.connect(self.tick)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline.timeout.connect(self.tick)
        self._unsaved: list[RetryingRecorder] = []  # recorders holding refused events
        self.save_retry = QTimer(self)
        self.save_retry.setInterval(SAVE_RETRY_INTERVAL_MS)
        self.save_retry.timeout.connect(self.retry_saving)

    # ----- lifecycle -------------------------------------------------------------------

    def start(
        self,
        program: Program,
        carry_over: CarryOverCheck | None = None,
        lift_checks_due: Set[str] = frozenset(),
    ) -> None:
        self._recorder = self._recorder_for()
        self._run(
            Session(program, self._clock, self._on_event, self.options, carry_over, lift_checks_due)
        )

    def carry_on(
        self,
        program: Program,
        resumption: Resumption,
        recorder: Callable[[Event], None],
        lift_checks_due: Set[str] = frozenset(),
    ) -> None:
        """Carry on a session cut off by a crash; `recorder` saves into that same session."""
        self._recorder = recorder
        self._run(
            Session(
                program,
                self._clock,
                self._on_event,
                self.options,
                lift_checks_due=lift_checks_due,
                resume_from=resumption,
            )
        )

    def _run(self, session: Session) -> None:
        self.countdown_lateness.clear()
        self.session = session
        self._display.start()
        self._after_action()

    def close(self) -> None:
        """Leave the summary: stop the timers and forget the finished session.

        Saving what storage refused goes on (`save_retry`) until it succeeds or the app quits.
        """
        self._display.stop()
        self._deadline.stop()
        self.session = None
        self.changed.emit()

    @property
    def phase(self) -> Phase | None:
        return self.session.phase if self.session else None

    @property
    def unsaved(self) -> bool:
        """Whether some of the session is not saved yet: quitting now would lose it."""
        return bool(self._unsaved)

    # ----- actions from the screens ---------------------------------------------------

    def start_set(self) -> None:
        self._act(lambda s: s.start_set())

    def finish_set(self, repetitions: int | None = None) -> None:
        self._act(lambda s: s.finish_set(repetitions))

    def extend_hold(self) -> None:
        self._act(lambda s: s.extend_hold())

    def cancel_auto_advance(self) -> None:
        self._act(lambda s: s.cancel_auto_advance())

    def choose_mover(self, mover: Mover) -> None:
        self._act(lambda s: s.choose_mover(mover))

    def answer_lift_check(self, able: bool) -> None:
        self._act(lambda s: s.answer_lift_check(able))

    def submit_fatigue(self, rating: int, end_if_offered: bool = True) -> None:
        """Answer the check; past the stop threshold, end (the default) or leave the exercise."""

        def answer(session: Session) -> None:
            session.answer_fatigue(rating)
            if session.phase is Phase.END_OFFERED:
                if end_if_offered:
                    session.end_session()
                else:
                    session.skip_exercise()

        self._act(answer)

    def report_symptom(self, symptoms: Iterable[Symptom]) -> None:
        chosen = frozenset(symptoms)

        def report(session: Session) -> None:
            if session.phase is Phase.FATIGUE_CHECK:
                session.answer_fatigue(None, chosen)
            else:
                session.report_symptom(chosen)

        self._act(report)

    def end_rest(self) -> None:
        self._act(lambda s: s.end_rest())

    def extend_rest(self) -> None:
        self._act(lambda s: s.extend_rest())

    def pause(self) -> None:
        self._act(lambda s: s.pause())

    def resume(self) -> None:
        self._act(lambda s: s.resume())

    def request_stop(self) -> None:
        self._act(lambda s: s.request_stop())

    def cancel_stop(self) -> None:
        self._act(lambda s: s.cancel_stop())

    def stop_tired(self) -> None:
        self._act(lambda s: s.stop_tired())

    def acknowledge_stop(self) -> None:
        self._act(lambda s: s.acknowledge_stop())

    def skip_set(self) -> None:
        self._act(lambda s: s.skip_set())

    def skip_exercise(self) -> None:
        self._act(lambda s: s.skip_exercise())

    # ----- internals -------------------------------------------------------------------

    def _act(self, action: Callable[[Session], None]) -> None:
        if self.session is None:
            return
        action(self.session)
        self._after_action()

    def _after_action(self) -> None:
        self._arm_deadline()
        if self.session is not None and self.session.ended:
            self._display.stop()
        self.changed.emit()

    def _arm_deadline(self) -> None:
        self._deadline.stop()
        deadline = self.session.deadline() if self.session else None
        self._pending_deadline = deadline
        if deadline is not None:
            wait_ms = max(0, round((deadline - self._clock.monotonic()) * 1000))
            self._deadline.start(wait_ms)

    def tick(self) -> None:
        """Let the session read the clock; the timers call this, and so can a script."""
        session = self.session
        if session is None:
            return
        phase = session.phase
        session.tick()
        if session.phase is not phase:
            self._after_action()
            return
        if session.deadline() != self._pending_deadline:
            self._arm_deadline()  # a countdown ended: next, auto-advance's grace period, if any
        self.ticked.emit()

    def _on_event(self, event: Event) -> None:
        if isinstance(event, CountdownFinished):
            if self._pending_deadline is not None:
                self.countdown_lateness.append(self._clock.monotonic() - self._pending_deadline)
            self.countdown_finished.emit(event.phase.value)
        try:
            self._recorder(event)
        except SaveError:
            self._saving_failed()
        else:
            if self._unsaved:
                self._forget_saved()

    # ----- writes storage refused ---------------------------------------------------------

    def retry_saving(self) -> None:
        """Write again what storage refused; `save_retry` calls this until all is saved."""
        for recorder in self._unsaved:
            with suppress(SaveError):
                recorder.retry()
        self._forget_saved()

    def _saving_failed(self) -> None:
        recorder = self._recorder
        if isinstance(recorder, RetryingRecorder) and recorder not in self._unsaved:
            self._unsaved.append(recorder)
            self.save_retry.start()
        self.save_failed.emit()

    def _forget_saved(self) -> None:
        self._unsaved = [recorder for recorder in self._unsaved if recorder.pending]
        if not self._unsaved:
            self.save_retry.stop()
            self.save_resumed.emit()
