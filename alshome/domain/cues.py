"""What the spoken guidance says, and when, decided from the session alone.

Someone on the mini-cycle, or lying down for a stretch, cannot watch the screen, so the
session's turns are spoken: the exercise and what to do, "start", the time left at the
points the person chose, the end of a hold or rest, the fatigue question, "rest", and a
kind word at the end. This module decides which cue is due; the UI turns it into words
through Qt's translation, speaks it and plays the chime (the domain returns enums and
numbers, never screen text).

The voice compares what it sees now with what it saw last (a `Moment`), so it needs no
hook inside the session: a changed phase or set is a new cue, a countdown passing one of
the chosen points is a time-left cue, and a countdown the session reported as finished is
the end of a hold or rest. Nothing here hurries anyone: a finished countdown asks for
nothing more than "when you are ready".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from alshome.domain.program import Mover, Step
from alshome.domain.session import Phase, Session, SessionStatus

COUNT_FROM = 3  # a lead-in speaks only its last seconds: "3, 2, 1", however long it is
HALFWAY_FROM = 20.0  # in shorter countdowns half way is too near the start or end to help
TEN_LEFT_FROM = 30.0  # and "10 seconds left" too near half way
FROZEN = (Phase.PAUSED, Phase.CONFIRM_STOP)


class Say(StrEnum):
    """The cues there are; the UI holds the words for each."""

    SET = "set"  # the exercise, its side and target, and (on its first set) what to do
    LIFT_CHECK = "lift_check"  # "can you still lift it without the weight?" for `step`
    COUNT = "count"  # one number of the lead-in count
    START = "start"
    TIME_LEFT = "time_left"
    TIME_UP = "time_up"
    HOW_TIRED = "how_tired"
    REST = "rest"
    REST_OVER = "rest_over"
    PAUSED = "paused"
    STOP_SAFELY = "stop_safely"
    WELL_DONE = "well_done"
    TIRED_STOP = "tired_stop"  # ended because tired: thanks, and no pressure


class TimeLeft(StrEnum):
    """The `voice_time_left` setting: when the time left in a hold or rest is spoken."""

    OFF = "off"
    HALFWAY = "halfway"  # half way, and 10 seconds before the end
    EVERY_10 = "every_10"


@dataclass(frozen=True)
class Cue:
    """One thing to say.

    `seconds` is the number for COUNT and TIME_LEFT. For SET, `step` is the set, and
    `instruction` and `safety` are the program's own words to read out (empty on later sets
    of the same exercise, which the person has just heard); `to_helper` says the
    instruction is the caregiver's. For TIME_UP and REST_OVER, `waiting` says the app waits
    for the patient (no auto-advance), so the cue says what to press when ready.
    """

    say: Say
    seconds: int = 0
    step: Step | None = None
    instruction: str = ""
    safety: str = ""
    to_helper: bool = False
    waiting: bool = False

    @property
    def interrupts(self) -> bool:
        """A new turn cuts off whatever is still being said: it is stale by now.

        The time left is only news while nothing else is being said, so it never cuts off
        a cue (only an older time left) and never queues up behind one.
        """
        return self.say is not Say.TIME_LEFT


@dataclass(frozen=True)
class Guidance:
    """What is due now: at most one cue, and whether the chime marks a hold's start or end."""

    cue: Cue | None = None
    chime: bool = False


NOTHING = Guidance()


@dataclass(frozen=True)
class Moment:
    """What the voice saw of the session last time: enough to tell what has changed since."""

    phase: Phase
    counting: Phase  # the phase whose clock stands still behind a pause
    index: int
    remaining: float | None

    @classmethod
    def of(cls, session: Session) -> Moment:
        return cls(session.phase, session.counting_phase, session.index, session.remaining())


def due(
    session: Session,
    before: Moment | None,
    finished: Phase | None = None,
    time_left: TimeLeft = TimeLeft.HALFWAY,
) -> Guidance:
    """The guidance due now that the session has moved on from `before`.

    `before` is None for a session just started. `finished` is the phase whose countdown
    the session reported as finished since `before`, if any.
    """
    now = Moment.of(session)
    chime = finished is Phase.RUNNING
    if finished is Phase.RUNNING and now.phase is Phase.RUNNING:
        return Guidance(Cue(Say.TIME_UP, waiting=not session.options.auto_advance), chime)
    if finished is Phase.REST and now.phase is Phase.REST:
        return Guidance(Cue(Say.REST_OVER, waiting=not session.options.auto_advance))
    if _is_new_turn(before, now):
        entered = _on_entering(session)
        return Guidance(entered.cue, chime or entered.chime)
    return Guidance(_as_time_passes(session, before, now, time_left), chime)


def time_left_points(length: float, every: TimeLeft) -> tuple[int, ...]:
    """The whole seconds left at which a countdown of `length` seconds says the time left."""
    if every is TimeLeft.EVERY_10:
        return tuple(range(10 * math.ceil(length / 10) - 10, 0, -10))
    if every is TimeLeft.HALFWAY:
        points = set()
        if length >= HALFWAY_FROM:
            points.add(int(length // 2))
        if length >= TEN_LEFT_FROM:
            points.add(10)
        return tuple(sorted(points, reverse=True))
    return ()


def _is_new_turn(before: Moment | None, now: Moment) -> bool:
    """A new phase or set; coming back from a pause to where it stood is not one."""
    if before is None:
        return True
    if now.phase in FROZEN:
        return now.phase is Phase.PAUSED and before.phase not in FROZEN
    if before.phase in FROZEN:
        return before.counting is not now.phase or before.index != now.index
    return before.phase is not now.phase or before.index != now.index


def _on_entering(session: Session) -> Guidance:
    phase = session.phase
    if phase is Phase.READY:
        return Guidance(_set_cue(session))
    if phase is Phase.LEAD_IN:
        return Guidance(_count(session.remaining()))
    if phase is Phase.RUNNING:
        return Guidance(Cue(Say.START), chime=session.step.target.timed)
    if phase is Phase.LIFT_CHECK:
        return Guidance(Cue(Say.LIFT_CHECK, step=session.step))
    if phase is Phase.SUMMARY:
        return Guidance(_closing(session.status))
    simple = {
        Phase.FATIGUE_CHECK: Say.HOW_TIRED,
        Phase.REST: Say.REST,
        Phase.PAUSED: Say.PAUSED,
        Phase.STOP_SAFELY: Say.STOP_SAFELY,
    }
    return Guidance(Cue(simple[phase])) if phase in simple else NOTHING


def _set_cue(session: Session) -> Cue:
    step = session.step
    earlier = session.steps[session.index - 1] if session.index > 0 else None
    if earlier is not None and earlier.prescription_index == step.prescription_index:
        return Cue(Say.SET, step=step)
    exercise = step.exercise
    to_helper = step.mover is not Mover.PATIENT and bool(exercise.caregiver_instruction)
    return Cue(
        Say.SET,
        step=step,
        instruction=exercise.caregiver_instruction if to_helper else exercise.instruction,
        safety=exercise.safety,
        to_helper=to_helper,
    )


def _closing(status: SessionStatus) -> Cue | None:
    """The last word: praise for a finished session, thanks for stopping when tired.

    After a symptom the stop-safely cue has already said what matters.
    """
    if status is SessionStatus.COMPLETED:
        return Cue(Say.WELL_DONE)
    if status is SessionStatus.STOPPED_TIRED:
        return Cue(Say.TIRED_STOP)
    return None


def _as_time_passes(session: Session, before: Moment, now: Moment, every: TimeLeft) -> Cue | None:
    if now.remaining is None or before.remaining is None or now.phase in FROZEN:
        return None
    if now.phase is Phase.LEAD_IN:
        cue = _count(now.remaining)
        return cue if cue and cue.seconds < _whole(before.remaining) else None
    if now.phase in (Phase.RUNNING, Phase.REST):
        length = session.countdown_length() or 0.0
        passed = [
            point
            for point in time_left_points(length, every)
            if before.remaining > point >= now.remaining
        ]
        return Cue(Say.TIME_LEFT, seconds=min(passed)) if passed else None
    return None


def _count(remaining: float | None) -> Cue | None:
    number = _whole(remaining or 0.0)
    return Cue(Say.COUNT, seconds=number) if 1 <= number <= COUNT_FROM else None


def _whole(seconds: float) -> int:
    """Seconds as the countdown on screen shows them: rounded up."""
    return max(0, math.ceil(seconds - 1e-9))
