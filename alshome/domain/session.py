"""The guided session as a pure state machine driven by explicit events and a clock.

The UI calls one method per user action and `tick()` from a timer; the machine decides
what comes next and tells its listener what happened (a set finished, a check answered,
the session ended) so that storage can commit each of those the moment it happens.
Time is read only from the injected clock, and countdowns are measured from the phase's
start on the monotonic clock, so they never drift however often `tick()` runs.

Nobody is hurried (WCAG 2.2.1). When a hold or a rest ends, the session waits for the
patient; only if they chose auto-advance does it move on by itself, and then only after a
grace period of AUTO_ADVANCE_BASE_SECONDS times their chosen factor, which "Wait" cancels
for the rest of that hold or rest. A hold can be made longer, even once it has ended.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from alshome.domain.clock import Clock
from alshome.domain.fatigue import Symptom, check_rating
from alshome.domain.program import ExerciseKind, Mover, Program, Step
from alshome.domain.safety import CarryOverCheck, LiftCheck

# The grace period before auto-advance moves on is this many seconds times the factor the
# patient chose (1 to 10), so a countdown's end is never a deadline to act by.
AUTO_ADVANCE_BASE_SECONDS = 10.0


class Phase(StrEnum):
    READY = "ready"  # get ready: the next set is shown, waiting for Start
    LIFT_CHECK = "lift_check"  # "can you still lift this without the weight?" before a set
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
_IN_SET = (Phase.LIFT_CHECK, Phase.READY, Phase.LEAD_IN, Phase.RUNNING)
_AUTO_ADVANCING = (Phase.RUNNING, Phase.REST)


@dataclass(frozen=True)
class SessionOptions:
    """How the session paces itself; nothing here changes the therapist's dose."""

    lead_in_seconds: float = 3.0
    auto_advance: bool = False
    auto_advance_factor: int = 1

    @property
    def auto_advance_wait(self) -> float:
        """Seconds between a countdown's end and moving on by itself."""
        return AUTO_ADVANCE_BASE_SECONDS * self.auto_advance_factor


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
class Resumption:
    """What was saved of a session cut off by a crash, a kill or a power cut.

    A resumed session carries on at the set after the last one saved, keeping its start
    and its saved sets and ratings for the summary; it records into the same session.
    """

    started_at: datetime
    records: tuple[SetRecord, ...] = ()
    ratings: tuple[int, ...] = ()

    @property
    def next_index(self) -> int:
        return max((record.position for record in self.records), default=-1) + 1


@dataclass(frozen=True)
class SessionStarted:
    started_at: datetime
    carry_over: CarryOverCheck | None = None  # the check answered just before, if any


@dataclass(frozen=True)
class SetFinished:
    record: SetRecord


@dataclass(frozen=True)
class FatigueAnswered:
    position: int
    rating: int | None
    symptoms: frozenset[Symptom]


@dataclass(frozen=True)
class LiftChecked:
    check: LiftCheck


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
    SessionStarted
    | SetFinished
    | FatigueAnswered
    | LiftChecked
    | CountdownFinished
    | PhaseChanged
    | SessionEnded
)


@dataclass
class _Timing:
    """Where the current phase started on the monotonic clock and how long it stood still."""

    started: float
    frozen_total: float = 0.0
    frozen_since: float | None = None
    countdown_reported: bool = False
    auto_advance_cancelled: bool = False  # "Wait" was pressed during this hold or rest


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
    """One run through a program, from the first set to the summary.

    `carry_over` is the check answered just before this session, recorded with its start.
    `lift_checks_due` names the resistance exercises to ask the lift question about (see
    `safety.lift_checks_due`); each is asked at most once, before the first of its sets
    that the session reaches. A set skipped instead of answering leaves it unanswered.
    `resume_from` carries on a session that was cut off (see `Resumption`); its start is
    not announced again, since it was saved when the session first began.
    """

    def __init__(
        self,
        program: Program,
        clock: Clock,
        listener: Callable[[Event], None] = lambda event: None,
        options: SessionOptions | None = None,
        carry_over: CarryOverCheck | None = None,
        lift_checks_due: Iterable[str] = (),
        resume_from: Resumption | None = None,
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
        self.hold_seconds = 0.0  # the running hold's length, with any seconds added
        self.longer_rest = False  # the rest was lengthened by the fatigue rule
        self.last_rating: int | None = None
        self.status = SessionStatus.IN_PROGRESS
        self.started_at = clock.wall()
        self.ended_at: datetime | None = None
        self.stop_symptoms: frozenset[Symptom] = frozenset()
        self.carry_over = carry_over
        self.flagged: set[str] = set()  # exercises the patient said they cannot lift any more
        self.mover = self.step.mover  # who does this set's movement; see `choose_mover`
        self._lift_checks_due = set(lift_checks_due)
        self._before_freeze: Phase | None = None
        self._before_confirm: Phase | None = None
        self._set_started_at: datetime | None = None
        self._timing = _Timing(clock.monotonic())
        if resume_from is None:
            self._emit(SessionStarted(self.started_at, carry_over))
            self._ready()
            return
        self.started_at = resume_from.started_at
        self.records = list(resume_from.records)
        self.ratings = list(resume_from.ratings)
        self.last_rating = self.ratings[-1] if self.ratings else None
        if self.records:  # kept for the rest of an exercise cut off part way
            self.mover = self.records[-1].mover
        self._advance_to(resume_from.next_index)

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
            return self.hold_seconds
        if phase is Phase.REST:
            return self.rest_seconds
        return None

    def remaining(self) -> float | None:
        length = self.countdown_length()
        return None if length is None else max(0.0, length - self.elapsed())

    def time_up(self) -> bool:
        remaining = self.remaining()
        return remaining is not None and remaining <= 0.0

    def moving_on_in(self) -> float | None:
        """Seconds until auto-advance moves on by itself; None while the app waits."""
        length = self.countdown_length()
        if (
            not self.options.auto_advance
            or self.phase not in _AUTO_ADVANCING
            or length is None
            or self._timing.auto_advance_cancelled
            or not self.time_up()
        ):
            return None
        return max(0.0, length + self.options.auto_advance_wait - self.elapsed())

    def deadline(self) -> float | None:
        """When `tick()` next has something to do, on the monotonic clock, for precise timers:
        the countdown's end, then the end of auto-advance's grace period."""
        length = self.countdown_length()
        if length is None or self.phase in _FROZEN:
            return None
        start = self._timing.started + self._timing.frozen_total
        if not self._timing.countdown_reported:
            return start + length
        if self.moving_on_in() is None:
            return None
        return start + length + self.options.auto_advance_wait

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
        """Called by a timer: reports a countdown's end once, and moves on by itself only
        once auto-advance's grace period is over."""
        if self.phase in _FROZEN or not self.time_up():
            return
        if not self._timing.countdown_reported:
            self._timing.countdown_reported = True
            self._emit(CountdownFinished(self.phase))
            if self.phase is Phase.LEAD_IN:
                self._start_running()
                return
        moving_on = self.moving_on_in()
        if moving_on is not None and moving_on <= 0:
            if self.phase is Phase.RUNNING:
                self.finish_set()
            else:
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
        self._start_running()

    def answer_lift_check(self, able: bool) -> None:
        """The answer to "can you still lift this without the weight?"; then get ready.

        "No" flags the exercise for the therapist's review. It changes nothing else: the
        set is offered as prescribed, and the existing skip buttons stay the way out.
        """
        self._require(Phase.LIFT_CHECK)
        exercise = self.step.exercise
        if not able:
            self.flagged.add(exercise.id)
        self._emit(LiftChecked(LiftCheck(exercise.id, exercise.name, able, self._clock.wall())))
        self._enter(Phase.READY)

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

    def extend_hold(self, seconds: float = 10.0) -> None:
        """More time for a hold or bout, asked for by the patient, even once it has ended.

        The seconds actually held are what is saved, so a longer hold is recorded as such.
        """
        self._require(Phase.RUNNING)
        if not self.step.target.timed:
            raise InvalidTransition("only a timed set can be made longer")
        if seconds <= 0:
            raise InvalidTransition("a hold can only be made longer")
        self.hold_seconds = max(self.hold_seconds, self.elapsed()) + seconds
        self._timing.countdown_reported = False

    def cancel_auto_advance(self) -> None:
        """Wait: auto-advance does not move on from this hold or rest; the app waits."""
        self._require(*_AUTO_ADVANCING)
        self._timing.auto_advance_cancelled = True

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

    @property
    def mover_choosable(self) -> bool:
        """A range-of-motion set may be done alone, with help or by the helper, day by day.

        A stretch is always the helper's, and strengthening or the mini-cycle are the
        patient's own work, so only range of motion offers the choice.
        """
        return self.step.exercise.kind is ExerciseKind.RANGE_OF_MOTION

    def choose_mover(self, mover: Mover) -> None:
        """Who does this set's movement today; recorded with the set, the dose unchanged."""
        self._require(*_IN_SET)
        if not self.mover_choosable:
            raise InvalidTransition("only a range-of-motion set can change who moves")
        self.mover = mover

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

    def _start_running(self) -> None:
        self._set_started_at = self._clock.wall()
        self.hold_seconds = self.step.target.seconds or 0.0
        self._enter(Phase.RUNNING)

    def _ready(self) -> None:
        """Get ready for the current set, asking the lift question first when it is due.

        Who moves stays as chosen for the later sets and sides of the same exercise, and
        starts as the program says for a new one.
        """
        earlier = self.steps[self.index - 1] if self.index > 0 else None
        if earlier is None or earlier.prescription_index != self.step.prescription_index:
            self.mover = self.step.mover
        exercise = self.step.exercise
        if exercise.kind is ExerciseKind.RESISTANCE and exercise.id in self._lift_checks_due:
            self._lift_checks_due.discard(exercise.id)
            self._enter(Phase.LIFT_CHECK)
        else:
            self._enter(Phase.READY)

    def _done_so_far(self, repetitions: int | None) -> dict[str, float | int]:
        target = self.step.target
        if target.seconds is not None:
            return {"seconds": round(min(self.elapsed(), self.hold_seconds), 1)}
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
            mover=self.mover if step is self.step else step.mover,
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
        self._ready()

    def _end(
        self, status: SessionStatus, phase: Phase, symptoms: frozenset[Symptom] = frozenset()
    ) -> None:
        self.status = status
        self.ended_at = self._clock.wall()
        self.stop_symptoms = symptoms
        self._emit(SessionEnded(status, self.ended_at, symptoms))
        self._enter(phase)
