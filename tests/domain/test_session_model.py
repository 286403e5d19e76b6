"""A model of the guided session, checked against the real state machine under any sequence
of actions and times (Hypothesis stateful testing).

The model says, independently of the code, which actions each phase offers and what each
one must lead to; every other action must be refused without changing anything. After every
step it checks what must always hold: no set is recorded twice, a paused or questioned
session's countdowns stand still however much time passes, a rating at the stop threshold
offers the end and never touches the dose, nothing counts below zero, and what the recorder
writes comes in order (the start, the sets by position, the end, then nothing).

The recorder is the real one, writing into an in-memory stand-in for the repository, so the
check covers the events as they become rows without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from alshome.domain.clock import ManualClock
from alshome.domain.fatigue import MAX_RATING, Symptom, Thresholds
from alshome.domain.program import (
    EnduranceDose,
    ExerciseKind,
    Limb,
    LoadUnit,
    Mover,
    PassiveStretchDose,
    Prescription,
    Program,
    RangeMode,
    RangeOfMotionDose,
    ResistanceDose,
    Sides,
    Step,
)
from alshome.domain.session import (
    Event,
    InvalidTransition,
    Phase,
    PhaseChanged,
    Resumption,
    Session,
    SessionEnded,
    SessionOptions,
    SessionStarted,
    SessionStatus,
    SetFinished,
    SetRecord,
)
from alshome.programs.demo import demo_document
from alshome.programs.document import build_program
from alshome.programs.library import stock_library
from alshome.storage.recorder import SessionRecorder

# ----- what the model knows, written from the design rather than from session.py -------------

ENDED = frozenset({Phase.STOP_SAFELY, Phase.SUMMARY})
FROZEN = frozenset({Phase.PAUSED, Phase.CONFIRM_STOP})
PAUSABLE = frozenset(Phase) - ENDED - FROZEN
ACTIVE = PAUSABLE | FROZEN
IN_SET = frozenset({Phase.LIFT_CHECK, Phase.READY, Phase.LEAD_IN, Phase.RUNNING})

OFFERED: dict[str, frozenset[Phase]] = {
    "start_set": frozenset({Phase.READY, Phase.LEAD_IN}),
    "answer_lift_check": frozenset({Phase.LIFT_CHECK}),
    "finish_set": frozenset({Phase.RUNNING}),
    "answer_fatigue": frozenset({Phase.FATIGUE_CHECK}),
    "end_rest": frozenset({Phase.REST}),
    "extend_hold": frozenset({Phase.RUNNING}),  # and only for a timed set
    "extend_rest": frozenset({Phase.REST}),
    "cancel_auto_advance": frozenset({Phase.RUNNING, Phase.REST}),
    "pause": PAUSABLE,
    "resume": frozenset({Phase.PAUSED}),
    "request_stop": PAUSABLE | {Phase.PAUSED},
    "cancel_stop": frozenset({Phase.CONFIRM_STOP}),
    "stop_tired": ACTIVE,  # also "Yes, stop" on the stop question
    "end_session": frozenset({Phase.END_OFFERED}),
    "report_symptom": ACTIVE,
    "acknowledge_stop": frozenset({Phase.STOP_SAFELY}),
    "choose_mover": IN_SET,  # and only for range of motion
    "skip_set": IN_SET,
    "skip_exercise": IN_SET | {Phase.END_OFFERED},
}

# Each action as a front end sends it, with a typical argument, to try where it is not offered.
SEND = {
    "start_set": lambda s: s.start_set(),
    "answer_lift_check": lambda s: s.answer_lift_check(True),
    "finish_set": lambda s: s.finish_set(),
    "answer_fatigue": lambda s: s.answer_fatigue(0),
    "end_rest": lambda s: s.end_rest(),
    "extend_hold": lambda s: s.extend_hold(10.0),
    "extend_rest": lambda s: s.extend_rest(30.0),
    "cancel_auto_advance": lambda s: s.cancel_auto_advance(),
    "pause": lambda s: s.pause(),
    "resume": lambda s: s.resume(),
    "request_stop": lambda s: s.request_stop(),
    "cancel_stop": lambda s: s.cancel_stop(),
    "stop_tired": lambda s: s.stop_tired(),
    "end_session": lambda s: s.end_session(),
    "report_symptom": lambda s: s.report_symptom([Symptom.CRAMP]),
    "acknowledge_stop": lambda s: s.acknowledge_stop(),
    "choose_mover": lambda s: s.choose_mover(Mover.ASSISTED),
    "skip_set": lambda s: s.skip_set(),
    "skip_exercise": lambda s: s.skip_exercise(),
}
assert SEND.keys() == OFFERED.keys()


def offered(session: Session, action: str) -> bool:
    if session.phase not in OFFERED[action]:
        return False
    if action == "extend_hold":
        return session.step.target.timed
    if action == "choose_mover":
        return session.step.exercise.kind is ExerciseKind.RANGE_OF_MOTION
    return True


def position_key(step: Step) -> tuple[int, int, str]:
    """Where a set sits in the program: its exercise, its set number and its side."""
    return (step.prescription_index, step.set_number, step.side.value)


# ----- programs: the demo and generated prescriptions of every kind from the stock library -----

LIBRARY = stock_library()
DEMO = build_program(demo_document(), LIBRARY)
EXERCISES = {
    kind: sorted(id for id, exercise in LIBRARY.items() if exercise.kind is kind)
    for kind in ExerciseKind
}
RESTS = st.sampled_from([0, 5, 30, 120])
SIDES = st.sampled_from(Sides)
DOSES = {
    ExerciseKind.PASSIVE_STRETCH: st.builds(
        PassiveStretchDose,
        hold_seconds=st.integers(1, 60),
        repetitions=st.integers(1, 3),
        sides=SIDES,
        rest_seconds=RESTS,
    ),
    ExerciseKind.RANGE_OF_MOTION: st.builds(
        RangeOfMotionDose,
        repetitions=st.integers(1, 15),
        sets=st.integers(1, 3),
        sides=SIDES,
        mode=st.sampled_from(RangeMode),
        rest_seconds=RESTS,
    ),
    ExerciseKind.RESISTANCE: st.builds(
        ResistanceDose,
        load=st.sampled_from([0.5, 1.0, 2.5]),
        unit=st.sampled_from(LoadUnit),
        repetitions=st.integers(1, 15),
        sets=st.integers(1, 3),
        sides=SIDES,
        rest_seconds=RESTS,
    ),
    ExerciseKind.ENDURANCE: st.builds(
        EnduranceDose,
        bout_minutes=st.sampled_from([0.5, 1.0, 5.0]),
        bouts=st.integers(1, 2),
        rest_seconds=RESTS,
        resistance_level=st.integers(1, 3),
        limb=st.sampled_from(Limb),
    ),
}


@st.composite
def prescriptions(draw: st.DrawFn) -> Prescription:
    kind = draw(st.sampled_from(ExerciseKind))
    return Prescription(LIBRARY[draw(st.sampled_from(EXERCISES[kind]))], draw(DOSES[kind]))


@st.composite
def thresholds(draw: st.DrawFn) -> Thresholds:
    stop_at = draw(st.integers(1, MAX_RATING))
    return Thresholds(
        rest_longer_at=draw(st.integers(1, stop_at)),
        stop_at=stop_at,
        longer_rest_factor=draw(st.sampled_from([1.0, 2.0, 5.0])),
    )


PROGRAMS = st.one_of(
    st.just(DEMO),
    st.builds(
        Program,
        name=st.just("Generated"),
        version=st.just(1),
        prescriptions=st.lists(prescriptions(), min_size=1, max_size=3).map(tuple),
        thresholds=thresholds(),
    ),
)
OPTIONS = st.builds(
    SessionOptions,
    lead_in_seconds=st.sampled_from([0.0, 3.0]),
    auto_advance=st.booleans(),
    auto_advance_factor=st.integers(1, 10),
)
# Time between two actions: none at all, a moment, a while, or the machine asleep for days.
TIME_PASSING = st.one_of(
    st.just(0.0),
    st.floats(0.0, 5.0),
    st.floats(5.0, 600.0),
    st.sampled_from([3600.0, 3 * 86400.0]),
)
# Coming back from a pause adds up floating-point seconds, so the countdown may differ by far
# less than this; while the pause lasts it must not move at all.
NANOSECOND = 1e-9
EXTRA_SECONDS = (10.0, 30.0)  # "10 seconds more", "30 seconds more"
SYMPTOMS = st.frozensets(st.sampled_from(Symptom), min_size=1)


# ----- storage, in memory --------------------------------------------------------------------


@dataclass(frozen=True)
class StoredProgramStub:
    id: int
    name: str
    version: int


@dataclass
class MemoryRepository:
    """The part of the repository the recorder writes through, keeping each write as a row."""

    program_name: str
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    def program(self, program_id: int) -> StoredProgramStub:
        return StoredProgramStub(program_id, self.program_name, 1)

    def start_session(self, **details: Any) -> int:
        self.rows.append(("start",))
        return 1

    def record_set(self, session_id: int, record: SetRecord) -> None:
        self.rows.append(("set", record.position, position_key(record.step)))

    def record_fatigue(self, session_id: int, position: int, rating, symptoms) -> None:
        self.rows.append(("fatigue", position))

    def record_lift_check(self, session_id: int, check) -> None:
        self.rows.append(("lift_check", check.exercise_id))

    def end_session(self, session_id: int, status, ended_at, symptoms) -> None:
        self.rows.append(("end", status))


# ----- the machine -------------------------------------------------------------------------------


class SessionModel(RuleBasedStateMachine):
    """Drives one session from its start (or from a saved cut-off) with any actions and times."""

    @initialize(
        program=PROGRAMS,
        options=OPTIONS,
        ask_lift_checks=st.booleans(),
        saved=st.integers(0, 3),
        resume=st.booleans(),
        patience=st.integers(0, 60),
    )
    def begin(
        self,
        program: Program,
        options: SessionOptions,
        ask_lift_checks: bool,
        saved: int,
        resume: bool,
        patience: int,
    ) -> None:
        # Stopping ends the run, so the patient may stop only once the session has emitted
        # `patience` events: the runs then reach every part of a session, not just its start.
        self.patience = patience
        self.clock = ManualClock()
        self.plan = program.steps()
        self.program = program
        self.events: list[Event] = []
        self.repository = MemoryRepository(program.name)
        lift_checks = [
            step.exercise.id
            for step in self.plan
            if ask_lift_checks and step.exercise.kind is ExerciseKind.RESISTANCE
        ]
        resumption = None
        if resume:  # a session cut off after `saved` skipped sets, carried on later
            records = tuple(map(self._skipped, range(min(saved, len(self.plan)))))
            resumption = Resumption(self.clock.wall(), records)
            self.repository.rows = [("start",)] + [
                ("set", record.position, position_key(record.step)) for record in records
            ]
            self.clock.advance(600)
        self.seeded = len(self.repository.rows)  # what the cut-off session had saved
        self.recorder = SessionRecorder(self.repository, 1, 1 if resume else None)
        self.session = Session(
            program,
            self.clock,
            self._listen,
            options,
            lift_checks_due=lift_checks,
            resume_from=resumption,
        )
        self.resumed = resume

    def _skipped(self, position: int) -> SetRecord:
        moment = self.clock.wall() + timedelta(seconds=position)
        step = self.plan[position]
        return SetRecord(position, step, moment, moment, None, step.mover)

    @property
    def may_leave(self) -> bool:
        return len(self.events) >= self.patience

    def _listen(self, event: Event) -> None:
        self.events.append(event)
        self.recorder(event)

    # ----- what an action may or may not change --------------------------------------------

    def _state(self) -> tuple[Any, ...]:
        s = self.session
        return (
            s.phase,
            s.counting_phase,
            s.index,
            s.status,
            tuple(s.records),
            tuple(s.ratings),
            s.last_rating,
            s.rest_seconds,
            s.hold_seconds,
            s.mover,
            frozenset(s.flagged),
            s.ended_at,
            s.stop_symptoms,
            len(self.events),
            len(self.repository.rows),
        )

    def _clocks(self) -> tuple[float | None, ...]:
        s = self.session
        return (s.elapsed(), s.remaining(), s.moving_on_in(), s.deadline())

    def _do(self, action: str, send=None) -> None:
        """Send an action the model says is offered; the session must take it."""
        assert offered(self.session, action)
        (send or SEND[action])(self.session)

    # ----- time --------------------------------------------------------------------------------

    @rule(seconds=TIME_PASSING)
    def time_passes(self, seconds: float) -> None:
        s = self.session
        state, clocks = self._state(), self._clocks()
        remaining, still = s.remaining(), s.phase in FROZEN or s.ended
        self.clock.advance(seconds)
        if s.phase in FROZEN:
            assert self._clocks() == clocks, "time passed while the session stood still"
        elif remaining is not None:
            assert s.remaining() == pytest.approx(max(0.0, remaining - seconds), abs=1e-6)
        s.tick()
        if still:
            assert self._state() == state, "a tick changed a paused or ended session"
        if s.phase in FROZEN:
            assert self._clocks() == clocks, "a tick moved a countdown that stands still"

    # ----- the actions the screens offer ---------------------------------------------------------

    @precondition(lambda self: offered(self.session, "start_set"))
    @rule()
    def start(self) -> None:
        s = self.session
        was, timed = s.phase, s.step.target.timed
        self._do("start_set")
        if was is Phase.READY and timed and s.options.lead_in_seconds > 0:
            assert s.phase is Phase.LEAD_IN
            assert s.remaining() == s.options.lead_in_seconds
        else:
            assert s.phase is Phase.RUNNING
            if timed:
                assert s.remaining() == s.step.target.seconds

    @precondition(lambda self: offered(self.session, "answer_lift_check"))
    @rule(able=st.booleans())
    def lift_check(self, able: bool) -> None:
        s = self.session
        self._do("answer_lift_check", lambda session: session.answer_lift_check(able))
        assert s.phase is Phase.READY
        assert (s.step.exercise.id in s.flagged) is not able

    @precondition(lambda self: offered(self.session, "finish_set"))
    @rule(fraction=st.sampled_from([None, 0.0, 0.5, 1.0]))
    def done(self, fraction: float | None) -> None:
        s = self.session
        target, position = s.step.target, s.index
        repetitions = (
            None
            if fraction is None or target.repetitions is None
            else round(target.repetitions * fraction)
        )
        held = min(s.elapsed(), s.hold_seconds)
        self._do("finish_set", lambda session: session.finish_set(repetitions))
        record = s.records[-1]
        assert record.position == position and s.phase is Phase.FATIGUE_CHECK
        if target.timed:
            assert record.done == {"seconds": round(held, 1)}
        else:
            expected = target.repetitions if repetitions is None else repetitions
            assert record.done == {"repetitions": expected}

    @precondition(lambda self: offered(self.session, "answer_fatigue"))
    @rule(data=st.data(), with_symptoms=st.booleans())
    def fatigue(self, data: st.DataObject, with_symptoms: bool) -> None:
        s = self.session
        thresholds = self.program.thresholds
        near = [thresholds.stop_at - 1, thresholds.stop_at, thresholds.stop_at + 1, MAX_RATING]
        rating = data.draw(
            st.one_of(
                st.integers(0, MAX_RATING),
                st.sampled_from([r for r in near if 0 <= r <= MAX_RATING]),
                st.none(),
            ),
            label="rating",
        )
        symptoms = data.draw(SYMPTOMS, label="symptoms") if with_symptoms else frozenset()
        if rating is None and not symptoms:
            state = self._state()
            with pytest.raises(InvalidTransition):
                s.answer_fatigue(None)
            assert self._state() == state
            return
        step, index, last = s.step, s.index, s.index + 1 >= len(self.plan)
        self._do("answer_fatigue", lambda session: session.answer_fatigue(rating, symptoms))
        assert ("fatigue", index) in self.repository.rows, "the answer is saved with its set"
        if symptoms:
            assert s.phase is Phase.STOP_SAFELY and s.status is SessionStatus.STOPPED_SYMPTOM
        elif rating is not None and rating >= thresholds.stop_at:
            assert s.phase is Phase.END_OFFERED, "at the stop threshold ending is the default"
            assert s.index == index and not s.ended
        elif last:
            assert s.phase is Phase.SUMMARY and s.status is SessionStatus.COMPLETED
        else:
            rest = thresholds.rest_after(rating, step.rest_seconds)
            assert rest >= step.rest_seconds
            if rest > 0:
                assert s.phase is Phase.REST and s.rest_seconds == rest == s.remaining()
            else:
                assert s.index == index + 1 and s.phase in (Phase.READY, Phase.LIFT_CHECK)

    @precondition(lambda self: offered(self.session, "end_rest"))
    @rule()
    def rest_over(self) -> None:
        index = self.session.index
        self._do("end_rest")
        s = self.session
        if index + 1 < len(self.plan):
            assert s.index == index + 1 and s.phase in (Phase.READY, Phase.LIFT_CHECK)
        else:
            assert s.phase is Phase.SUMMARY

    @precondition(lambda self: offered(self.session, "extend_hold"))
    @rule(seconds=st.sampled_from(EXTRA_SECONDS))
    def more_hold(self, seconds: float) -> None:
        s = self.session
        remaining = s.remaining()
        assert remaining is not None
        self._do("extend_hold", lambda session: session.extend_hold(seconds))
        assert s.remaining() == pytest.approx(remaining + seconds)

    @precondition(lambda self: offered(self.session, "extend_rest"))
    @rule(seconds=st.sampled_from(EXTRA_SECONDS))
    def more_rest(self, seconds: float) -> None:
        s = self.session
        remaining = s.remaining()
        assert remaining is not None
        self._do("extend_rest", lambda session: session.extend_rest(seconds))
        assert s.remaining() == pytest.approx(remaining + seconds)

    @precondition(lambda self: offered(self.session, "cancel_auto_advance"))
    @rule()
    def wait(self) -> None:
        self._do("cancel_auto_advance")
        assert self.session.moving_on_in() is None

    @precondition(lambda self: offered(self.session, "pause"))
    @rule()
    def pause(self) -> None:
        s = self.session
        phase, remaining = s.phase, s.remaining()
        self._do("pause")
        assert s.phase is Phase.PAUSED and s.counting_phase is phase
        assert s.remaining() == remaining

    @precondition(lambda self: offered(self.session, "resume"))
    @rule()
    def resume(self) -> None:
        s = self.session
        counting, remaining = s.counting_phase, s.remaining()
        self._do("resume")
        assert s.phase is counting and s.remaining() == pytest.approx(remaining, abs=NANOSECOND)

    @precondition(lambda self: offered(self.session, "request_stop"))
    @rule(answer_no_at_once=st.booleans())
    def ask_to_stop(self, answer_no_at_once: bool) -> None:
        """ "Stop now?", left open for other rules to answer, or answered "No" at once."""
        s = self.session
        self.before_question = s.phase
        counting, remaining = s.counting_phase, s.remaining()
        self._do("request_stop")
        assert s.phase is Phase.CONFIRM_STOP
        assert s.counting_phase is counting and s.remaining() == remaining
        if answer_no_at_once:
            self.keep_going()

    @precondition(lambda self: offered(self.session, "cancel_stop"))
    @rule()
    def keep_going(self) -> None:
        s = self.session
        remaining = s.remaining()
        self._do("cancel_stop")
        assert s.phase is self.before_question
        assert s.remaining() == pytest.approx(remaining, abs=NANOSECOND)

    @precondition(lambda self: self.may_leave and offered(self.session, "stop_tired"))
    @rule()
    def stop(self) -> None:
        s = self.session
        running, timed = s.counting_phase is Phase.RUNNING, s.step.target.timed
        sets = len(s.records)
        self._do("stop_tired")
        assert s.phase is Phase.SUMMARY and s.status is SessionStatus.STOPPED_TIRED
        assert len(s.records) == sets + running
        if running:
            assert s.records[-1].skipped is not timed, "a hold keeps its seconds"

    @precondition(lambda self: self.may_leave and offered(self.session, "end_session"))
    @rule()
    def end(self) -> None:
        self._do("end_session")
        assert self.session.phase is Phase.SUMMARY
        assert self.session.status is SessionStatus.STOPPED_TIRED

    @precondition(lambda self: self.may_leave and offered(self.session, "report_symptom"))
    @rule(symptoms=SYMPTOMS)
    def symptom(self, symptoms: frozenset[Symptom]) -> None:
        s = self.session
        self._do("report_symptom", lambda session: session.report_symptom(symptoms))
        assert s.phase is Phase.STOP_SAFELY and s.status is SessionStatus.STOPPED_SYMPTOM
        assert s.stop_symptoms == symptoms

    @precondition(lambda self: offered(self.session, "acknowledge_stop"))
    @rule()
    def leave_stop_screen(self) -> None:
        self._do("acknowledge_stop")
        assert self.session.phase is Phase.SUMMARY

    @precondition(lambda self: offered(self.session, "choose_mover"))
    @rule(mover=st.sampled_from(Mover))
    def who_moves(self, mover: Mover) -> None:
        self._do("choose_mover", lambda session: session.choose_mover(mover))
        assert self.session.mover is mover

    @precondition(lambda self: offered(self.session, "skip_set"))
    @rule()
    def skip(self) -> None:
        s = self.session
        index = s.index
        self._do("skip_set")
        assert s.records[-1].position == index and s.records[-1].skipped

    @precondition(lambda self: offered(self.session, "skip_exercise"))
    @rule()
    def skip_exercise(self) -> None:
        s = self.session
        exercise = s.step.prescription_index
        self._do("skip_exercise")
        left = [step for step in self.plan[s.index :] if step.prescription_index == exercise]
        assert s.ended or not left, "the rest of the exercise is left"

    @precondition(lambda self: self.session.phase not in (Phase.END_OFFERED, Phase.SUMMARY))
    @rule(data=st.data(), steps=st.integers(1, 8))
    def carry_on(self, data: st.DataObject, steps: int) -> None:
        """The usual next steps, so that sessions get far enough to rest, rate and finish."""
        for _ in range(steps):
            phase = self.session.phase
            if phase in (Phase.READY, Phase.LEAD_IN):
                self.start()
            elif phase is Phase.LIFT_CHECK:
                self.lift_check(able=True)
            elif phase in (Phase.RUNNING, Phase.REST):
                self.time_passes(self.session.remaining() or 0.0)
                more = data.draw(st.sampled_from([None, *EXTRA_SECONDS]), label="more")
                if more and offered(self.session, "extend_hold"):
                    self.more_hold(more)
                elif more and offered(self.session, "extend_rest"):
                    self.more_rest(more)
                if self.session.phase is Phase.RUNNING:
                    self.done(fraction=None)
                elif self.session.phase is Phase.REST:
                    self.rest_over()
            elif phase is Phase.FATIGUE_CHECK:
                self.fatigue(data, with_symptoms=False)
            elif phase is Phase.PAUSED:
                self.resume()
            elif phase is Phase.CONFIRM_STOP:
                self.keep_going()
            elif phase is Phase.STOP_SAFELY:
                self.leave_stop_screen()
            else:
                return
            self.check_everything()

    @rule(data=st.data())
    def refused(self, data: st.DataObject) -> None:
        """Any action the phase does not offer is refused, and changes nothing."""
        s = self.session
        action = data.draw(st.sampled_from([a for a in SEND if not offered(s, a)]), label="action")
        state, clocks = self._state(), self._clocks()
        with pytest.raises(InvalidTransition):
            SEND[action](s)
        assert self._state() == state and self._clocks() == clocks

    # ----- what always holds ----------------------------------------------------------------------

    def check_everything(self) -> None:
        """The invariants, for a rule that takes several steps at once."""
        self.phase_is_declared_and_status_matches()
        self.nothing_counts_below_zero()
        self.the_dose_never_changes()
        self.each_set_is_recorded_at_most_once()
        self.events_come_in_order()
        self.recorded_rows_come_in_order()

    @invariant()
    def phase_is_declared_and_status_matches(self) -> None:
        s = self.session
        assert isinstance(s.phase, Phase) and isinstance(s.counting_phase, Phase)
        assert s.ended is (s.phase in ENDED)
        assert (s.status is SessionStatus.IN_PROGRESS) is not s.ended
        assert (s.ended_at is not None) is s.ended
        assert 0 <= s.index < len(self.plan)
        if s.phase is Phase.SUMMARY:
            assert not [a for a in SEND if offered(s, a)], "the summary takes no action"

    @invariant()
    def nothing_counts_below_zero(self) -> None:
        s = self.session
        assert s.elapsed() >= 0
        for seconds in (s.remaining(), s.moving_on_in()):
            assert seconds is None or seconds >= 0
        assert s.rest_seconds >= 0 and s.hold_seconds >= 0

    @invariant()
    def the_dose_never_changes(self) -> None:
        s = self.session
        assert s.steps == self.plan == self.program.steps()
        if s.phase is Phase.RUNNING and s.step.target.timed:
            assert s.hold_seconds >= s.step.target.seconds
        if s.counting_phase is Phase.REST:
            assert s.rest_seconds >= s.step.rest_seconds, "a rest is never shorter than planned"
        if s.counting_phase is Phase.END_OFFERED:
            assert s.last_rating is not None
            assert s.last_rating >= self.program.thresholds.stop_at

    @invariant()
    def each_set_is_recorded_at_most_once(self) -> None:
        records = self.session.records
        positions = [record.position for record in records]
        assert positions == sorted(set(positions)), "sets are recorded once each, in order"
        assert all(record.step == self.plan[record.position] for record in records)
        keys = [position_key(record.step) for record in records]
        assert len(keys) == len(set(keys))

    @invariant()
    def events_come_in_order(self) -> None:
        events = self.events
        starts = [i for i, event in enumerate(events) if isinstance(event, SessionStarted)]
        assert starts == ([] if self.resumed else [0])
        ends = [i for i, event in enumerate(events) if isinstance(event, SessionEnded)]
        assert len(ends) == (1 if self.session.ended else 0)
        if ends:
            after = events[ends[0] + 1 :]
            assert all(isinstance(event, PhaseChanged) for event in after), "nothing after end"
        positions = [event.record.position for event in events if isinstance(event, SetFinished)]
        assert positions == sorted(set(positions))

    @invariant()
    def recorded_rows_come_in_order(self) -> None:
        rows = self.repository.rows
        assert self.recorder.pending == 0
        assert rows[0] == ("start",) and ("start",) not in rows[1:]
        ends = [i for i, row in enumerate(rows) if row[0] == "end"]
        assert ends == ([len(rows) - 1] if self.session.ended else []), "the end comes last"
        sets = [row for row in rows if row[0] == "set"]
        assert [row[1] for row in sets] == sorted({row[1] for row in sets})
        assert len({row[2] for row in sets}) == len(sets), "never two sets for one step"
        assert [row[1] for row in sets] == [record.position for record in self.session.records]
        last_set = None
        rated: set[int] = set()
        for row in rows:
            if row[0] == "set":
                last_set = row[1]
            elif row[0] == "fatigue":
                assert row[1] == last_set and row[1] not in rated, "one rating, after its set"
                rated.add(row[1])
        checked = [row[1] for row in rows if row[0] == "lift_check"]
        assert len(checked) == len(set(checked)), "the lift question is asked once at most"
        reached: set[str] = set()
        for row in rows[self.seeded :]:
            if row[0] == "set":
                reached.add(self.plan[row[1]].exercise.id)
            elif row[0] == "lift_check":
                assert row[1] not in reached, "the lift question comes before the sets"


SessionModel.TestCase.settings = settings(max_examples=300, stateful_step_count=50, deadline=None)
TestSessionModel = SessionModel.TestCase
