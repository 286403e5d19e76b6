"""The guided session as a pure state machine driven by explicit events and a clock.

The UI calls one method per user action and `tick()` from a timer; the machine decides
what comes next and tells its listener what happened (a set finished, a check answered,
the session ended) so that storage can commit each of those the moment it happens.
Time is read only from the injected clock, and countdowns are measured from the phase's
start on the monotonic clock, so they never drift however often `tick()` runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from alshome.domain.clock import Clock
from alshome.domain.fatigue import Symptom, check_rating
from alshome.domain.program import Mover, Program, Step


class Phase(StrEnum):
    READY = "ready"  # get ready: the next set is shown, waiting for Start
    LEAD_IN = "lead_in"  # a few seconds' count before a timed hold or bout
    RUNNING = "running"  # the set is under way
    FATIGUE_CHECK = "fatigue_check"
    END_OFFERED = "end_offered"  # a rating reached the stop threshold; ending is the default
    REST = "rest"
    PAUSED = "paused"
    CONFIRM_STOP = "confirm_stop"  # "stop now?" is on screen; time stands still
    STOP_SAFELY = "stop_safely"  # a symptom was reported; the session has ended
    SUMMARY = "summary"


class SessionStatus(StrEnum):
    COMPLETED = "completed"
    STOPPED_TIRED = "stopped_tired"
    STOPPED_SYMPTOM = "stopped_symptom"
    INTERRUPTED = "interrupted"
    IN_PROGRESS = "in_progress"


class InvalidTransition(RuntimeError):
    """An action that the current phase does not offer; the UI should never send one."""


_FROZEN = (Phase.PAUSED, Phase.CONFIRM_STOP)
_ENDED = (Phase.STOP_SAFELY, Phase.SUMMARY)
_ACTIVE = tuple(phase for phase in Phase if phase not in _ENDED)
_PAUSABLE = tuple(phase for phase in _ACTIVE if phase not in _FROZEN)
_IN_SET = (Phase.READY, Phase.LEAD_IN, Phase.RUNNING)


@dataclass(frozen=True)
class SessionOptions:
    """How the session paces itself; nothing here changes the therapist's dose."""

    lead_in_seconds: float = 3.0
    auto_advance: bool = False


@dataclass(frozen=True)
class SetRecord:
    """A set as it happened: what was planned, what was done (None when skipped)."""

    position: int
    step: Step
    started_at: datetime
    ended_at: datetime
    done: dict[str, float | int] | None
    mover: Mover
    symptoms: frozenset[Symptom] = frozenset()

    @property
    def skipped(self) -> bool:
        return self.done is None


@dataclass(frozen=True)
class SessionStarted:
    started_at: datetime


@dataclass(frozen=True)
class SetFinished:
    record: SetRecord


@dataclass(frozen=True)
class FatigueAnswered:
    position: int
    rating: int | None
    symptoms: frozenset[Symptom]


@dataclass(frozen=True)
class CountdownFinished:
    phase: Phase


@dataclass(frozen=True)
class PhaseChanged:
    phase: Phase


@dataclass(frozen=True)
class SessionEnded:
    status: SessionStatus
    ended_at: datetime
    symptoms: frozenset[Symptom]


Event = (
    SessionStarted | SetFinished | FatigueAnswered | CountdownFinished | PhaseChanged | SessionEnded
)


@dataclass
class _Timing:
    """Where the current phase started on the monotonic clock and how long it stood still."""

    started: float
    frozen_total: float = 0.0
    frozen_since: float | None = None
    countdown_reported: bool = False


@dataclass
class Summary:
    status: SessionStatus
    started_at: datetime
    ended_at: datetime
    records: list[SetRecord]
    ratings: list[int] = field(default_factory=list)

    @property
    def sets_done(self) -> int:
        return sum(1 for record in self.records if not record.skipped)

    @property
    def highest_fatigue(self) -> int | None:
        return max(self.ratings, default=None)


class Session:
    """One run through a program, from the first set to the summary."""

    def __init__(
        self,
        program: Program,
        clock: Clock,
        listener: Callable[[Event], None] = lambda event: None,
        options: SessionOptions | None = None,
    ) -> None:
        self.program = program
        self.steps: list[Step] = program.steps()
        if not self.steps:
            raise ValueError("a program needs at least one set")
        self.options = options or SessionOptions()
        self._clock = clock
        self._listener = listener
        self.phase = Phase.READY
        self.index = 0
        self.records: list[SetRecord] = []
        self.ratings: list[int] = []
        self.rest_seconds = 0.0
        self.longer_rest = False  # the rest was lengthened by the fatigue rule
        self.last_rating: int | None = None
        self.status = SessionStatus.IN_PROGRESS
        self.started_at = clock.wall()
        self.ended_at: datetime | None = None
        self.stop_symptoms: frozenset[Symptom] = frozenset()
        self._before_freeze: Phase | None = None
        self._before_confirm: Phase | None = None
        self._set_started_at: datetime | None = None
        self._timing = _Timing(clock.monotonic())
        self._emit(SessionStarted(self.started_at))
        self._emit(PhaseChanged(self.phase))

    # ----- what the screens read -------------------------------------------------

    @property
    def step(self) -> Step:
        return self.steps[min(self.index, len(self.steps) - 1)]

    @property
    def next_step(self) -> Step | None:
        following = self.index + 1
        return self.steps[following] if following < len(self.steps) else None

    @property
    def counting_phase(self) -> Phase:
        """The phase whose clock runs (or stands still) behind a pause or stop question."""
        if self.phase in _FROZEN:
            return self._before_freeze or Phase.READY
        return self.phase

    def elapsed(self) -> float:
        timing = self._timing
        now = timing.frozen_since if timing.frozen_since is not None else self._clock.monotonic()
        return max(0.0, now - timing.started - timing.frozen_total)

    def countdown_length(self) -> float | None:
        """The length of the current countdown, or None when nothing counts down."""
        phase = self.counting_phase
        if phase is Phase.LEAD_IN:
            return self.options.lead_in_seconds
        if phase is Phase.RUNNING and self.step.target.timed:
            return self.step.target.seconds
        if phase is Phase.REST:
            return self.rest_seconds
        return None

    def remaining(self) -> float | None:
        length = self.countdown_length()
        return None if length is None else max(0.0, length - self.elapsed())

    def time_up(self) -> bool:
        remaining = self.remaining()
        return remaining is not None and remaining <= 0.0

    def deadline(self) -> float | None:
        """When the running countdown ends on the monotonic clock, for precise timers."""
        length = self.countdown_length()
        if length is None or self.phase in _FROZEN:
            return None
        return self._timing.started + self._timing.frozen_total + length

    def summary(self) -> Summary:
        return Summary(
            status=self.status,
            started_at=self.started_at,
            ended_at=self.ended_at or self._clock.wall(),
            records=list(self.records),
            ratings=list(self.ratings),
        )

    @property
    def ended(self) -> bool:
        return self.phase in _ENDED

    @property
    def can_pause(self) -> bool:
        return self.phase in _PAUSABLE

    @property
    def can_request_stop(self) -> bool:
        return self.phase in _PAUSABLE or self.phase is Phase.PAUSED

    # ----- the clock ---------------------------------------------------------------

    def tick(self) -> None:
        """Called by a timer; reports a countdown's end once and auto-advances if asked."""
        if self.phase in _FROZEN or self._timing.countdown_reported or not self.time_up():
            return
        self._timing.countdown_reported = True
        phase = self.phase
        self._emit(CountdownFinished(phase))
        if phase is Phase.LEAD_IN:
            self._enter(Phase.RUNNING)
            self._set_started_at = self._clock.wall()
        elif self.options.auto_advance and phase is Phase.RUNNING:
            self.finish_set()
        elif self.options.auto_advance and phase is Phase.REST:
            self.end_rest()

    # ----- actions -------------------------------------------------------------------

    def start_set(self) -> None:
        """Start (Enter on "get ready"); on a lead-in, start the hold now."""
        self._require(Phase.READY, Phase.LEAD_IN)
        if (
            self.phase is Phase.READY
            and self.step.target.timed
            and self.options.lead_in_seconds > 0
        ):
            self._enter(Phase.LEAD_IN)
            return
        self._set_started_at = self._clock.wall()
        self._enter(Phase.RUNNING)

    def finish_set(self, repetitions: int | None = None) -> None:
        """Done: records what was actually done and asks how tired the muscles are."""
        self._require(Phase.RUNNING)
        self._record(self._done_so_far(repetitions))
        self._enter(Phase.FATIGUE_CHECK)

    def answer_fatigue(self, rating: int | None, symptoms: Iterable[Symptom] = ()) -> None:
        """The fatigue check's answer; a symptom always leads to stopping safely."""
        self._require(Phase.FATIGUE_CHECK)
        symptoms = frozenset(symptoms)
        if rating is None and not symptoms:
            raise InvalidTransition("a fatigue check needs a rating or a symptom")
        if rating is not None:
            check_rating(rating)
            self.ratings.append(rating)
            self.last_rating = rating
        self._emit(FatigueAnswered(self.records[-1].position, rating, symptoms))
        if symptoms:
            self._end(SessionStatus.STOPPED_SYMPTOM, Phase.STOP_SAFELY, symptoms)
        elif self.program.thresholds.offers_end(rating):
            self._enter(Phase.END_OFFERED)
        else:
            self._after_set()

    def end_rest(self) -> None:
        """Skip the rest, or go on once it is over."""
        self._require(Phase.REST)
        self._advance_to(self.index + 1)

    def extend_rest(self, seconds: float = 30.0) -> None:
        """More rest, asked for by the patient: the countdown grows, even once it has ended."""
        self._require(Phase.REST)
        if seconds <= 0:
            raise InvalidTransition("a rest can only be made longer")
        self.rest_seconds = max(self.rest_seconds, self.elapsed()) + seconds
        self._timing.countdown_reported = False

    def pause(self) -> None:
        self._require(*_PAUSABLE)
        self._before_freeze = self.phase
        self._freeze()
        self._enter(Phase.PAUSED, keep_timing=True)

    def resume(self) -> None:
        self._require(Phase.PAUSED)
        self._unfreeze_to(self._before_freeze or Phase.READY)

    def request_stop(self) -> None:
        """S: ask "stop now?"; time stands still while the question is open."""
        self._require(*_PAUSABLE, Phase.PAUSED)
        self._before_confirm = self.phase
        if self.phase is not Phase.PAUSED:
            self._before_freeze = self.phase
            self._freeze()
        self._enter(Phase.CONFIRM_STOP, keep_timing=True)

    def cancel_stop(self) -> None:
        self._require(Phase.CONFIRM_STOP)
        if self._before_confirm is Phase.PAUSED:
            self._enter(Phase.PAUSED, keep_timing=True)
        else:
            self._unfreeze_to(self._before_confirm or Phase.READY)

    def stop_tired(self) -> None:
        """I'm tired - stop: ends gracefully, keeping what was done of a running set."""
        self._require(*_ACTIVE)
        if self.counting_phase is Phase.RUNNING:
            self._record_partial()
        self._end(SessionStatus.STOPPED_TIRED, Phase.SUMMARY)

    def end_session(self) -> None:
        """The default answer when a rating reached the stop threshold."""
        self._require(Phase.END_OFFERED)
        self._end(SessionStatus.STOPPED_TIRED, Phase.SUMMARY)

    def report_symptom(self, symptoms: Iterable[Symptom]) -> None:
        """A symptom at any moment: keep what was done, then the stop-safely screen."""
        self._require(*_ACTIVE)
        symptoms = frozenset(symptoms)
        if not symptoms:
            raise InvalidTransition("report_symptom needs at least one symptom")
        if self.counting_phase is Phase.RUNNING:
            self._record_partial(symptoms)
        self._end(SessionStatus.STOPPED_SYMPTOM, Phase.STOP_SAFELY, symptoms)

    def acknowledge_stop(self) -> None:
        """Leave the stop-safely screen for the summary."""
        self._require(Phase.STOP_SAFELY)
        self._enter(Phase.SUMMARY)

    def skip_set(self) -> None:
        self._require(*_IN_SET)
        self._record(None)
        self._advance_to(self.index + 1)

    def skip_exercise(self) -> None:
        """Leave this exercise; its remaining sets are recorded as skipped."""
        self._require(*_IN_SET, Phase.END_OFFERED)
        current = self.step.prescription_index
        if self.phase in _IN_SET:
            self._record(None)
        following = self.index + 1
        while following < len(self.steps) and self.steps[following].prescription_index == current:
            self._record(None, self.steps[following], following)
            following += 1
        self._advance_to(following)

    # ----- internals -----------------------------------------------------------------

    def _require(self, *phases: Phase) -> None:
        if self.phase not in phases:
            raise InvalidTransition(f"not possible while {self.phase.value}")

    def _emit(self, event: Event) -> None:
        self._listener(event)

    def _enter(self, phase: Phase, keep_timing: bool = False) -> None:
        if not keep_timing:
            self._timing = _Timing(self._clock.monotonic())
        self.phase = phase
        self._emit(PhaseChanged(phase))

    def _freeze(self) -> None:
        self._timing.frozen_since = self._clock.monotonic()

    def _unfreeze_to(self, phase: Phase) -> None:
        timing = self._timing
        if timing.frozen_since is not None:
            timing.frozen_total += self._clock.monotonic() - timing.frozen_since
            timing.frozen_since = None
        self._enter(phase, keep_timing=True)

    def _done_so_far(self, repetitions: int | None) -> dict[str, float | int]:
        target = self.step.target
        if target.seconds is not None:
            return {"seconds": round(min(self.elapsed(), target.seconds), 1)}
        done = target.repetitions if repetitions is None else repetitions
        if done is None or done < 0:
            raise InvalidTransition("repetitions done cannot be negative")
        return {"repetitions": done}

    def _record_partial(self, symptoms: frozenset[Symptom] = frozenset()) -> None:
        """A set cut short by stopping: a timed one keeps its seconds, a counted one is skipped."""
        done = self._done_so_far(None) if self.step.target.timed else None
        self._record(done, symptoms=symptoms)

    def _record(
        self,
        done: dict[str, float | int] | None,
        step: Step | None = None,
        position: int | None = None,
        symptoms: frozenset[Symptom] = frozenset(),
    ) -> None:
        now = self._clock.wall()
        step = step or self.step
        started = self._set_started_at if step is self.step and self._set_started_at else now
        record = SetRecord(
            position=self.index if position is None else position,
            step=step,
            started_at=started,
            ended_at=now,
            done=done,
            mover=step.mover,
            symptoms=symptoms,
        )
        self.records.append(record)
        self._set_started_at = None
        self._emit(SetFinished(record))

    def _after_set(self) -> None:
        if self.index + 1 >= len(self.steps):
            self._end(SessionStatus.COMPLETED, Phase.SUMMARY)
            return
        self.rest_seconds = self.program.thresholds.rest_after(
            self.last_rating, self.step.rest_seconds
        )
        self.longer_rest = self.rest_seconds > self.step.rest_seconds
        if self.rest_seconds > 0:
            self._enter(Phase.REST)
        else:
            self._advance_to(self.index + 1)

    def _advance_to(self, index: int) -> None:
        if index >= len(self.steps):
            self.index = len(self.steps) - 1
            self._end(SessionStatus.COMPLETED, Phase.SUMMARY)
            return
        self.index = index
        self._enter(Phase.READY)

    def _end(
        self, status: SessionStatus, phase: Phase, symptoms: frozenset[Symptom] = frozenset()
    ) -> None:
        self.status = status
        self.ended_at = self._clock.wall()
        self.stop_symptoms = symptoms
        self._emit(SessionEnded(status, self.ended_at, symptoms))
        self._enter(phase)
