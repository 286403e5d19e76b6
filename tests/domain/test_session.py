"""The session state machine and fatigue rules, driven without Qt by a manual clock."""

from __future__ import annotations

import pytest

from alshome.domain.clock import ManualClock
from alshome.domain.fatigue import Symptom, Thresholds
from alshome.domain.program import (
    EnduranceDose,
    Exercise,
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
    Side,
    Sides,
)
from alshome.domain.safety import CarryOver, CarryOverCheck
from alshome.domain.session import (
    AUTO_ADVANCE_BASE_SECONDS,
    CountdownFinished,
    FatigueAnswered,
    InvalidTransition,
    LiftChecked,
    Phase,
    PhaseChanged,
    Session,
    SessionEnded,
    SessionOptions,
    SessionStarted,
    SessionStatus,
    SetFinished,
)

STRETCH = Exercise(
    "stretch", "Stretch", ExerciseKind.PASSIVE_STRETCH, "hips", "Relax.", "Lift slowly."
)
LIFT = Exercise("lift", "Lift", ExerciseKind.RESISTANCE, "shoulders", "Lift slowly.")
CYCLE = Exercise("cycle", "Cycle", ExerciseKind.ENDURANCE, "legs", "Pedal.")


def make_program(**overrides) -> Program:
    fields = dict(
        name="Test",
        version=3,
        prescriptions=(
            Prescription(STRETCH, PassiveStretchDose(30, 2, Sides.BOTH, rest_seconds=10)),
            Prescription(LIFT, ResistanceDose(1.0, LoadUnit.KG, 8, 2, Sides.NONE, rest_seconds=60)),
            Prescription(CYCLE, EnduranceDose(1.0, 1, 120, 1, Limb.LEGS)),
        ),
        thresholds=Thresholds(rest_longer_at=6, stop_at=8),
    )
    fields.update(overrides)
    return Program(**fields)


class Harness:
    def __init__(
        self, program: Program | None = None, lift_checks_due=(), carry_over=None, **options
    ) -> None:
        self.clock = ManualClock()
        self.events: list = []
        self.session = Session(
            program or make_program(),
            self.clock,
            self.events.append,
            SessionOptions(**options),
            carry_over=carry_over,
            lift_checks_due=lift_checks_due,
        )

    def of(self, kind):
        return [event for event in self.events if isinstance(event, kind)]

    def run_timed_set(self, seconds: float) -> None:
        session = self.session
        session.start_set()
        self.clock.advance(session.options.lead_in_seconds)
        session.tick()
        assert session.phase is Phase.RUNNING
        self.clock.advance(seconds)
        session.tick()
        session.finish_set()


def test_program_expands_sets_and_sides_in_order():
    steps = make_program().steps()
    assert [(s.exercise.id, s.set_number, s.side) for s in steps[:4]] == [
        ("stretch", 1, Side.LEFT),
        ("stretch", 1, Side.RIGHT),
        ("stretch", 2, Side.LEFT),
        ("stretch", 2, Side.RIGHT),
    ]
    assert len(steps) == 4 + 2 + 1
    assert steps[0].mover is Mover.CAREGIVER
    assert steps[4].target.as_dict() == {"repetitions": 8, "load": 1.0, "unit": "kg"}
    assert steps[6].target.seconds == 60.0


def test_a_dose_of_the_wrong_kind_is_refused():
    with pytest.raises(ValueError):
        Prescription(STRETCH, EnduranceDose(1.0, 1, 0, 1, Limb.ARMS))


def test_start_emits_session_started_and_waits_ready():
    h = Harness()
    assert isinstance(h.events[0], SessionStarted)
    assert h.session.phase is Phase.READY
    assert h.session.remaining() is None


def test_timed_set_has_lead_in_then_counts_down_and_waits_at_zero():
    h = Harness()
    s = h.session
    s.start_set()
    assert s.phase is Phase.LEAD_IN
    assert s.remaining() == pytest.approx(3.0)
    h.clock.advance(3.0)
    s.tick()
    assert s.phase is Phase.RUNNING
    assert s.remaining() == pytest.approx(30.0)
    h.clock.advance(12.5)
    assert s.remaining() == pytest.approx(17.5)
    h.clock.advance(20)
    s.tick()
    s.tick()
    assert [e.phase for e in h.of(CountdownFinished)] == [Phase.LEAD_IN, Phase.RUNNING]
    assert s.phase is Phase.RUNNING, "without auto-advance the app waits for the patient"
    s.finish_set()
    record = h.of(SetFinished)[0].record
    assert record.done == {"seconds": 30.0}
    assert record.step.side is Side.LEFT
    assert s.phase is Phase.FATIGUE_CHECK


def test_enter_during_lead_in_starts_the_hold_at_once():
    h = Harness()
    h.session.start_set()
    h.session.start_set()
    assert h.session.phase is Phase.RUNNING
    assert h.session.remaining() == pytest.approx(30.0)


def test_done_early_records_the_seconds_actually_held():
    h = Harness()
    h.run_timed_set(12.34)
    assert h.of(SetFinished)[0].record.done == {"seconds": 12.3}


def test_auto_advance_waits_a_grace_period_then_finishes_hold_and_rest():
    h = Harness(auto_advance=True)
    s = h.session
    s.start_set()
    h.clock.advance(3)
    s.tick()
    h.clock.advance(30)
    s.tick()
    assert s.phase is Phase.RUNNING, "the hold's end is not a deadline"
    assert s.moving_on_in() == pytest.approx(10.0)
    assert s.deadline() == pytest.approx(h.clock.monotonic() + 10.0)
    h.clock.advance(9.9)
    s.tick()
    assert s.phase is Phase.RUNNING
    h.clock.advance(0.1)
    s.tick()
    assert s.phase is Phase.FATIGUE_CHECK
    assert h.of(SetFinished)[0].record.done == {"seconds": 30.0}
    s.answer_fatigue(2)
    assert s.phase is Phase.REST
    h.clock.advance(10)
    s.tick()
    assert s.phase is Phase.REST and s.moving_on_in() == pytest.approx(10.0)
    h.clock.advance(10)
    s.tick()
    assert s.phase is Phase.READY and s.index == 1


@pytest.mark.parametrize("factor", [1, 4, 10])
def test_the_grace_period_is_the_base_times_the_chosen_factor(factor):
    h = Harness(auto_advance=True, auto_advance_factor=factor)
    s = h.session
    h.run_timed_set(30)
    s.answer_fatigue(1)
    h.clock.advance(10)
    s.tick()
    grace = AUTO_ADVANCE_BASE_SECONDS * factor
    assert s.moving_on_in() == pytest.approx(grace)
    h.clock.advance(grace - 0.01)
    s.tick()
    assert s.phase is Phase.REST
    h.clock.advance(0.01)
    s.tick()
    assert s.phase is Phase.READY


def test_without_auto_advance_nothing_ever_moves_on():
    h = Harness()
    s = h.session
    s.start_set()
    s.start_set()
    h.clock.advance(30)
    s.tick()
    assert s.moving_on_in() is None and s.deadline() is None
    h.clock.advance(24 * 3600)
    s.tick()
    assert s.phase is Phase.RUNNING


@pytest.mark.parametrize("phase", [Phase.RUNNING, Phase.REST])
def test_wait_cancels_auto_advance_for_this_hold_or_rest(phase):
    h = Harness(auto_advance=True)
    s = h.session
    s.start_set()
    s.start_set()
    if phase is Phase.REST:
        h.clock.advance(30)
        s.finish_set()
        s.answer_fatigue(1)
        h.clock.advance(10)
    else:
        h.clock.advance(30)
    s.tick()
    assert s.moving_on_in() is not None
    s.cancel_auto_advance()
    assert s.moving_on_in() is None and s.deadline() is None
    h.clock.advance(1000)
    s.tick()
    assert s.phase is phase, "after Wait the app waits for the patient"


def test_wait_lasts_for_this_countdown_only():
    h = Harness(auto_advance=True)
    s = h.session
    s.start_set()
    s.start_set()
    s.cancel_auto_advance()
    h.clock.advance(30)
    s.tick()
    s.finish_set()
    s.answer_fatigue(1)
    h.clock.advance(10)
    s.tick()
    assert s.moving_on_in() == pytest.approx(10.0), "the next rest moves on again"


def test_wait_only_while_a_hold_or_rest_can_move_on():
    h = Harness(auto_advance=True)
    with pytest.raises(InvalidTransition):
        h.session.cancel_auto_advance()


def test_pause_freezes_the_grace_period():
    h = Harness(auto_advance=True, auto_advance_factor=2)
    s = h.session
    h.run_timed_set(30)
    s.answer_fatigue(1)
    h.clock.advance(10)
    s.tick()
    h.clock.advance(5)
    s.pause()
    assert s.moving_on_in() is None and s.deadline() is None
    h.clock.advance(600)
    s.tick()
    s.resume()
    assert s.phase is Phase.REST
    assert s.moving_on_in() == pytest.approx(15.0)
    s.request_stop()
    h.clock.advance(600)
    s.tick()
    s.cancel_stop()
    assert s.moving_on_in() == pytest.approx(15.0)


def test_ten_seconds_more_lengthens_a_running_hold():
    h = Harness()
    s = h.session
    s.start_set()
    s.start_set()
    h.clock.advance(12)
    s.extend_hold()
    assert s.remaining() == pytest.approx(28.0)
    assert s.countdown_length() == pytest.approx(40.0)
    h.clock.advance(40)
    s.tick()
    s.finish_set()
    assert h.of(SetFinished)[0].record.done == {"seconds": 40.0}, "the seconds actually held"


def test_ten_seconds_more_after_the_hold_ended_counts_from_now():
    h = Harness(auto_advance=True)
    s = h.session
    s.start_set()
    s.start_set()
    h.clock.advance(30)
    s.tick()
    h.clock.advance(6)
    assert s.moving_on_in() == pytest.approx(4.0)
    s.extend_hold(10)
    assert s.remaining() == pytest.approx(10.0)
    assert s.moving_on_in() is None, "no moving on while the hold runs again"
    h.clock.advance(10)
    s.tick()
    running_ends = [e for e in h.of(CountdownFinished) if e.phase is Phase.RUNNING]
    assert len(running_ends) == 2, "the end of the longer hold is announced again"
    assert s.moving_on_in() == pytest.approx(10.0)


def test_ten_seconds_more_only_for_a_running_timed_set():
    h = Harness()
    s = h.session
    with pytest.raises(InvalidTransition):
        s.extend_hold()
    s.start_set()
    s.start_set()
    with pytest.raises(InvalidTransition):
        s.extend_hold(0)
    s.skip_exercise()
    s.start_set()
    assert s.phase is Phase.RUNNING
    with pytest.raises(InvalidTransition):
        s.extend_hold()


def test_pause_during_a_lengthened_hold_keeps_the_longer_length():
    h = Harness()
    s = h.session
    s.start_set()
    s.start_set()
    s.extend_hold(10)
    h.clock.advance(5)
    s.pause()
    h.clock.advance(100)
    s.resume()
    assert s.remaining() == pytest.approx(35.0)


def test_repetition_set_records_the_count_done():
    h = Harness(program=make_program(prescriptions=make_program().prescriptions[1:]))
    s = h.session
    s.start_set()
    assert s.phase is Phase.RUNNING, "counted sets need no lead-in"
    assert s.remaining() is None
    s.finish_set(repetitions=6)
    assert h.of(SetFinished)[0].record.done == {"repetitions": 6}


def test_repetitions_default_to_target_and_cannot_be_negative():
    h = Harness(program=make_program(prescriptions=make_program().prescriptions[1:]))
    h.session.start_set()
    with pytest.raises(InvalidTransition):
        h.session.finish_set(repetitions=-1)
    h.session.finish_set()
    assert h.of(SetFinished)[0].record.done == {"repetitions": 8}


def test_fatigue_below_rest_longer_gives_planned_rest():
    h = Harness()
    h.run_timed_set(30)
    h.session.answer_fatigue(5)
    assert h.session.phase is Phase.REST
    assert h.session.rest_seconds == 10
    assert h.of(FatigueAnswered)[0].rating == 5


@pytest.mark.parametrize("rating", [6, 7])
def test_fatigue_at_rest_longer_threshold_lengthens_rest(rating):
    h = Harness()
    h.run_timed_set(30)
    h.session.answer_fatigue(rating)
    assert h.session.phase is Phase.REST
    assert h.session.rest_seconds == 60, "twice 10 s, but never under the one-minute floor"


def test_longer_rest_scales_with_the_factor():
    assert Thresholds(longer_rest_factor=2.0).rest_after(6, 90) == 180
    assert Thresholds().rest_after(5, 90) == 90
    assert Thresholds().rest_after(None, 90) == 90


@pytest.mark.parametrize("rating", [8, 9, 10])
def test_fatigue_at_stop_threshold_offers_to_end_and_ending_is_default(rating):
    h = Harness()
    h.run_timed_set(30)
    h.session.answer_fatigue(rating)
    assert h.session.phase is Phase.END_OFFERED
    h.session.end_session()
    assert h.session.phase is Phase.SUMMARY
    assert h.session.status is SessionStatus.STOPPED_TIRED
    assert h.of(SessionEnded)[0].status is SessionStatus.STOPPED_TIRED


def test_end_offered_never_offers_to_repeat_the_same_exercise():
    h = Harness()
    h.run_timed_set(30)
    h.session.answer_fatigue(9)
    with pytest.raises(InvalidTransition):
        h.session.start_set()
    with pytest.raises(InvalidTransition):
        h.session.end_rest()
    h.session.skip_exercise()
    assert h.session.phase is Phase.READY
    assert h.session.step.exercise.id == "lift"
    skipped = [e.record for e in h.of(SetFinished) if e.record.skipped]
    assert [r.position for r in skipped] == [1, 2, 3]


def test_thresholds_are_validated():
    with pytest.raises(ValueError):
        Thresholds(rest_longer_at=9, stop_at=8)
    with pytest.raises(ValueError):
        Thresholds(stop_at=11)


def test_rating_out_of_range_and_empty_answer_are_refused():
    h = Harness()
    h.run_timed_set(30)
    with pytest.raises(ValueError):
        h.session.answer_fatigue(11)
    with pytest.raises(InvalidTransition):
        h.session.answer_fatigue(None)
    assert h.session.phase is Phase.FATIGUE_CHECK


def test_symptom_at_fatigue_check_stops_safely():
    h = Harness()
    h.run_timed_set(30)
    h.session.answer_fatigue(3, {Symptom.CRAMP})
    assert h.session.phase is Phase.STOP_SAFELY
    ended = h.of(SessionEnded)[0]
    assert ended.status is SessionStatus.STOPPED_SYMPTOM
    assert ended.symptoms == {Symptom.CRAMP}
    assert h.of(FatigueAnswered)[0].symptoms == {Symptom.CRAMP}
    h.session.acknowledge_stop()
    assert h.session.phase is Phase.SUMMARY


def test_symptom_during_a_hold_keeps_the_seconds_done():
    h = Harness()
    s = h.session
    s.start_set()
    s.start_set()
    h.clock.advance(11)
    s.report_symptom([Symptom.PAIN])
    record = h.of(SetFinished)[0].record
    assert record.done == {"seconds": 11.0}
    assert record.symptoms == {Symptom.PAIN}
    assert s.phase is Phase.STOP_SAFELY


def test_whole_session_completes_with_every_set_recorded_once():
    h = Harness()
    s = h.session
    while not s.ended:
        if s.phase is Phase.READY:
            s.start_set()
        elif s.phase is Phase.LEAD_IN:
            h.clock.advance(5)
            s.tick()
        elif s.phase is Phase.RUNNING:
            h.clock.advance(1)
            s.finish_set()
        elif s.phase is Phase.FATIGUE_CHECK:
            s.answer_fatigue(2)
        elif s.phase is Phase.REST:
            s.end_rest()
    assert s.phase is Phase.SUMMARY
    assert s.status is SessionStatus.COMPLETED
    positions = [e.record.position for e in h.of(SetFinished)]
    assert positions == list(range(len(s.steps)))
    assert len(h.of(FatigueAnswered)) == len(s.steps)
    summary = s.summary()
    assert summary.sets_done == len(s.steps)
    assert summary.highest_fatigue == 2


def test_the_last_set_goes_to_summary_without_rest():
    program = make_program(prescriptions=make_program().prescriptions[2:])
    h = Harness(program=program)
    h.run_timed_set(60)
    h.session.answer_fatigue(1)
    assert h.session.phase is Phase.SUMMARY
    assert h.session.status is SessionStatus.COMPLETED


def test_pause_during_rest_freezes_the_countdown():
    h = Harness()
    s = h.session
    h.run_timed_set(30)
    s.answer_fatigue(1)
    h.clock.advance(4)
    s.pause()
    assert s.phase is Phase.PAUSED
    h.clock.advance(500)
    s.tick()
    assert s.remaining() == pytest.approx(6)
    assert s.deadline() is None
    s.resume()
    assert s.phase is Phase.REST
    assert s.remaining() == pytest.approx(6)
    h.clock.advance(6)
    s.tick()
    assert h.of(CountdownFinished)[-1].phase is Phase.REST
    assert s.phase is Phase.REST, "rest over: waits for the patient"
    s.end_rest()
    assert s.phase is Phase.READY and s.index == 1


def test_pause_during_hold_keeps_time_held():
    h = Harness()
    s = h.session
    s.start_set()
    s.start_set()
    h.clock.advance(10)
    s.pause()
    h.clock.advance(60)
    s.resume()
    assert s.remaining() == pytest.approx(20)
    assert s.deadline() == pytest.approx(h.clock.monotonic() + 20)


def test_confirm_stop_freezes_time_and_can_be_cancelled():
    h = Harness()
    s = h.session
    s.start_set()
    s.start_set()
    h.clock.advance(5)
    s.request_stop()
    assert s.phase is Phase.CONFIRM_STOP
    h.clock.advance(100)
    s.cancel_stop()
    assert s.phase is Phase.RUNNING
    assert s.remaining() == pytest.approx(25)


def test_stop_question_from_pause_returns_to_pause():
    h = Harness()
    s = h.session
    s.pause()
    s.request_stop()
    s.cancel_stop()
    assert s.phase is Phase.PAUSED
    s.resume()
    assert s.phase is Phase.READY


def _drive_to(phase: Phase) -> Harness:
    h = Harness()
    s = h.session
    if phase is Phase.READY:
        return h
    s.start_set()
    if phase is Phase.LEAD_IN:
        return h
    s.start_set()
    if phase is Phase.RUNNING:
        h.clock.advance(7)
        return h
    s.finish_set()
    if phase is Phase.FATIGUE_CHECK:
        return h
    if phase is Phase.END_OFFERED:
        s.answer_fatigue(9)
        return h
    s.answer_fatigue(1)
    if phase is Phase.REST:
        return h
    raise AssertionError(phase)


ACTIVE = [
    Phase.READY,
    Phase.LEAD_IN,
    Phase.RUNNING,
    Phase.FATIGUE_CHECK,
    Phase.END_OFFERED,
    Phase.REST,
]


@pytest.mark.parametrize("phase", ACTIVE)
@pytest.mark.parametrize("via", ["direct", "paused", "confirm"])
def test_stop_when_tired_from_every_state(phase, via):
    h = _drive_to(phase)
    s = h.session
    assert s.phase is phase
    if via == "paused":
        s.pause()
    elif via == "confirm":
        s.request_stop()
    s.stop_tired()
    assert s.phase is Phase.SUMMARY
    assert s.status is SessionStatus.STOPPED_TIRED
    assert len(h.of(SessionEnded)) == 1
    if phase is Phase.RUNNING:
        assert h.of(SetFinished)[-1].record.done == {"seconds": 7.0}


@pytest.mark.parametrize("phase", ACTIVE)
def test_symptom_from_every_state(phase):
    h = _drive_to(phase)
    h.session.report_symptom([Symptom.DIZZY])
    assert h.session.phase is Phase.STOP_SAFELY
    assert h.session.status is SessionStatus.STOPPED_SYMPTOM


@pytest.mark.parametrize("phase", [Phase.SUMMARY, Phase.STOP_SAFELY])
def test_nothing_but_leaving_once_ended(phase):
    h = Harness()
    if phase is Phase.SUMMARY:
        h.session.stop_tired()
    else:
        h.session.report_symptom([Symptom.PAIN])
    for action in (h.session.stop_tired, h.session.pause, h.session.start_set, h.session.skip_set):
        with pytest.raises(InvalidTransition):
            action()
    assert len(h.of(SessionEnded)) == 1


def test_skip_set_records_it_skipped_and_moves_on_without_a_check():
    h = Harness()
    s = h.session
    s.skip_set()
    assert h.of(SetFinished)[0].record.skipped
    assert s.phase is Phase.READY and s.index == 1
    assert not h.of(FatigueAnswered)


def test_skip_exercise_from_ready_skips_all_its_sets():
    h = Harness()
    h.session.skip_exercise()
    assert h.session.step.exercise.id == "lift"
    assert [e.record.position for e in h.of(SetFinished)] == [0, 1, 2, 3]


def test_skipping_the_last_exercise_completes_the_session():
    program = make_program(prescriptions=make_program().prescriptions[2:])
    h = Harness(program=program)
    h.session.skip_exercise()
    assert h.session.phase is Phase.SUMMARY


@pytest.mark.parametrize(
    "action",
    ["finish_set", "end_rest", "resume", "cancel_stop", "end_session", "acknowledge_stop"],
)
def test_actions_out_of_place_are_refused_on_ready(action):
    h = Harness()
    with pytest.raises(InvalidTransition):
        getattr(h.session, action)()
    assert h.session.phase is Phase.READY


def test_set_timestamps_come_from_the_injected_clock():
    h = Harness()
    start = h.clock.wall()
    h.run_timed_set(30)
    record = h.of(SetFinished)[0].record
    assert (record.started_at - start).total_seconds() == pytest.approx(3)
    assert (record.ended_at - start).total_seconds() == pytest.approx(33)
    assert record.started_at.tzinfo is not None


def test_more_rest_lengthens_a_running_or_finished_rest():
    h = Harness()
    s = h.session
    h.run_timed_set(30)
    s.answer_fatigue(1)
    assert not s.longer_rest
    h.clock.advance(4)
    s.extend_rest()
    assert s.remaining() == pytest.approx(36)
    h.clock.advance(36)
    s.tick()
    assert s.time_up() and s.phase is Phase.REST
    h.clock.advance(50)
    s.extend_rest(30)
    assert s.remaining() == pytest.approx(30), "more rest counts from now once it had ended"
    h.clock.advance(30)
    s.tick()
    ends = [e for e in h.of(CountdownFinished) if e.phase is Phase.REST]
    assert len(ends) == 2, "the end of the lengthened rest is announced again"
    with pytest.raises(InvalidTransition):
        s.extend_rest(0)


def test_more_rest_only_during_rest():
    h = Harness()
    with pytest.raises(InvalidTransition):
        h.session.extend_rest()


def test_longer_rest_flag_marks_the_fatigue_rule_only():
    h = Harness()
    h.run_timed_set(30)
    h.session.answer_fatigue(7)
    assert h.session.longer_rest


def to_the_lift(h: Harness) -> None:
    h.session.skip_exercise()
    assert h.session.step.exercise.id == "lift"


@pytest.mark.parametrize("able", [True, False])
def test_the_lift_check_comes_before_the_first_set_of_a_due_resistance_exercise(able):
    h = Harness(lift_checks_due={"lift"})
    s = h.session
    prescribed = s.steps[4].target
    to_the_lift(h)
    assert s.phase is Phase.LIFT_CHECK
    with pytest.raises(InvalidTransition):
        s.start_set()
    h.clock.advance(2)
    s.answer_lift_check(able)
    [checked] = h.of(LiftChecked)
    assert checked.check.exercise_id == "lift"
    assert checked.check.exercise_name == "Lift"
    assert checked.check.able is able
    assert checked.check.checked_at == h.clock.wall()
    assert s.flagged == (set() if able else {"lift"})
    assert s.phase is Phase.READY
    assert s.step.target == prescribed, "the answer never changes the dose"
    s.start_set()
    s.finish_set()
    s.answer_fatigue(1)
    s.end_rest()
    assert s.phase is Phase.READY and s.step.set_number == 2, "asked once per session"


def test_no_lift_check_when_none_is_due_or_for_other_kinds():
    h = Harness(lift_checks_due={"stretch", "cycle"})
    assert h.session.phase is Phase.READY
    to_the_lift(h)
    assert h.session.phase is Phase.READY
    h.session.skip_exercise()
    assert h.session.phase is Phase.READY
    assert not h.of(LiftChecked)


def test_a_session_can_open_on_the_lift_check():
    program = make_program(prescriptions=make_program().prescriptions[1:])
    h = Harness(program=program, lift_checks_due={"lift"})
    assert h.session.phase is Phase.LIFT_CHECK
    assert [e.phase for e in h.events if isinstance(e, PhaseChanged)] == [Phase.LIFT_CHECK]


def test_skipping_from_the_lift_check_leaves_it_unanswered():
    h = Harness(lift_checks_due={"lift"})
    s = h.session
    to_the_lift(h)
    s.skip_set()
    assert h.of(SetFinished)[-1].record.skipped
    assert s.phase is Phase.READY, "not asked again at the next set"
    assert not h.of(LiftChecked) and not s.flagged


def test_pause_stop_and_symptoms_work_on_the_lift_check():
    h = Harness(lift_checks_due={"lift"})
    s = h.session
    to_the_lift(h)
    s.pause()
    s.resume()
    assert s.phase is Phase.LIFT_CHECK
    s.request_stop()
    s.cancel_stop()
    assert s.phase is Phase.LIFT_CHECK
    s.report_symptom([Symptom.CRAMP])
    assert s.phase is Phase.STOP_SAFELY
    assert not h.of(LiftChecked)


def test_the_carry_over_answer_is_part_of_the_start():
    check = CarryOverCheck(CarryOver.TIRED, ManualClock().wall())
    h = Harness(carry_over=check)
    assert h.of(SessionStarted) == [SessionStarted(h.session.started_at, check)]
    assert Harness().of(SessionStarted)[0].carry_over is None


# ----- who moves ----------------------------------------------------------------------

ROM = Exercise("elbow_bend", "Elbow bend", ExerciseKind.RANGE_OF_MOTION, "elbows", "Bend.")


def with_range_of_motion() -> Program:
    return make_program(
        prescriptions=(
            Prescription(ROM, RangeOfMotionDose(5, 2, Sides.BOTH, RangeMode.ACTIVE, 0)),
            Prescription(ROM, RangeOfMotionDose(5, 1, Sides.NONE, RangeMode.ACTIVE, 0)),
        )
    )


def test_who_moves_is_chosen_for_range_of_motion_and_kept_for_its_sets():
    harness = Harness(with_range_of_motion())
    session = harness.session
    assert session.mover_choosable and session.mover is Mover.PATIENT
    session.choose_mover(Mover.ASSISTED)
    session.start_set()
    session.finish_set(5)
    session.answer_fatigue(2)
    assert session.mover is Mover.ASSISTED, "the right side is done the same way"
    session.start_set()
    session.finish_set(5)
    [first, second] = [event.record for event in harness.of(SetFinished)]
    assert (first.mover, second.mover) == (Mover.ASSISTED, Mover.ASSISTED)
    assert first.step.target.repetitions == 5, "the dose is the program's"
    session.answer_fatigue(2)
    while session.step.prescription_index == 0:
        session.skip_set()
    assert session.mover is Mover.PATIENT, "a new exercise starts as the program says"


def test_only_range_of_motion_changes_who_moves():
    session = Harness().session
    assert not session.mover_choosable
    with pytest.raises(InvalidTransition):
        session.choose_mover(Mover.PATIENT)
    session.start_set()
    assert session.mover is Mover.CAREGIVER
