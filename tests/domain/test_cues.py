"""Which spoken cue is due, and when, decided from a real session on a manual clock, no Qt."""

from __future__ import annotations

from collections.abc import Callable

from alshome.domain.clock import ManualClock
from alshome.domain.cues import Cue, Guidance, Moment, Say, TimeLeft, due, time_left_points
from alshome.domain.fatigue import Symptom
from alshome.domain.program import (
    EnduranceDose,
    Exercise,
    ExerciseKind,
    Limb,
    LoadUnit,
    PassiveStretchDose,
    Prescription,
    Program,
    RangeMode,
    RangeOfMotionDose,
    ResistanceDose,
    Side,
    Sides,
)
from alshome.domain.session import CountdownFinished, Event, Session, SessionOptions

STRETCH = Exercise(
    "stretch",
    "Calf stretch",
    ExerciseKind.PASSIVE_STRETCH,
    "ankles",
    "Let your foot go loose.",
    "Cup the heel and lean gently.",
    "Stop at resistance, never at pain.",
)
ARM_LIFT = Exercise(
    "arm_lift",
    "Arm lift",
    ExerciseKind.RANGE_OF_MOTION,
    "shoulders",
    "Raise your arm slowly.",
    "Support the elbow while they lift.",
)
REACH = Exercise("reach", "Reach", ExerciseKind.RANGE_OF_MOTION, "shoulders", "Reach forward.")
CYCLE = Exercise("cycle", "Mini-cycle", ExerciseKind.ENDURANCE, "legs", "Pedal gently.")

HOLD = 30.0
REST = 15.0


def program(*prescriptions: Prescription) -> Program:
    return Program("Test", 1, prescriptions or (stretch(),))


def stretch(repetitions: int = 2, sides: Sides = Sides.BOTH) -> Prescription:
    return Prescription(STRETCH, PassiveStretchDose(int(HOLD), repetitions, sides, int(REST)))


def range_of_motion(exercise: Exercise, mode: RangeMode) -> Prescription:
    return Prescription(exercise, RangeOfMotionDose(10, 1, Sides.NONE, mode, 0))


class Voice:
    """Plays the voice's part: remembers what it saw, and asks what is due after each change."""

    def __init__(
        self,
        plan: Program | None = None,
        time_left: TimeLeft = TimeLeft.HALFWAY,
        lift_checks_due: tuple[str, ...] = (),
        **options,
    ) -> None:
        self.clock = ManualClock()
        self.time_left = time_left
        self.finished = None
        self.seen: Moment | None = None
        self.session = Session(
            plan or program(),
            self.clock,
            self._event,
            SessionOptions(**options),
            lift_checks_due=lift_checks_due,
        )
        self.first = self.look()

    def _event(self, event: Event) -> None:
        if isinstance(event, CountdownFinished):
            self.finished = event.phase

    def look(self) -> Guidance:
        guidance = due(self.session, self.seen, self.finished, self.time_left)
        self.seen, self.finished = Moment.of(self.session), None
        return guidance

    def act(self, action: Callable[[Session], None]) -> Guidance:
        action(self.session)
        return self.look()

    def wait(self, seconds: float) -> Guidance:
        self.clock.advance(seconds)
        self.session.tick()
        return self.look()

    def start_hold(self) -> None:
        self.act(Session.start_set)
        assert self.wait(self.session.options.lead_in_seconds).cue == Cue(Say.START)


def said(guidance: Guidance) -> Say | None:
    return guidance.cue.say if guidance.cue else None


# ----- a new set ------------------------------------------------------------------------


def test_a_new_set_names_the_exercise_and_side_and_tells_the_helper_what_to_do():
    voice = Voice()
    cue = voice.first.cue
    assert cue.say is Say.SET
    assert cue.step.exercise is STRETCH and cue.step.side is Side.LEFT
    assert cue.to_helper
    assert cue.instruction == "Cup the heel and lean gently."
    assert cue.safety == "Stop at resistance, never at pain."
    assert not voice.first.chime


def test_the_patient_hears_their_own_instruction_when_they_move_themselves():
    cue = Voice(program(range_of_motion(ARM_LIFT, RangeMode.ACTIVE))).first.cue
    assert not cue.to_helper
    assert cue.instruction == "Raise your arm slowly."


def test_an_assisted_set_speaks_to_the_helper_only_when_there_are_words_for_them():
    helped = Voice(program(range_of_motion(ARM_LIFT, RangeMode.ACTIVE_ASSISTED))).first.cue
    assert helped.to_helper
    assert helped.instruction == "Support the elbow while they lift."
    alone = Voice(program(range_of_motion(REACH, RangeMode.ACTIVE_ASSISTED))).first.cue
    assert not alone.to_helper
    assert alone.instruction == "Reach forward."


def test_later_sets_of_an_exercise_skip_the_instruction_just_heard_but_a_new_exercise_has_it():
    voice = Voice(program(stretch(repetitions=1, sides=Sides.BOTH), stretch(repetitions=1)))
    right = voice.act(Session.skip_set).cue
    assert right.say is Say.SET and right.step.side is Side.RIGHT
    assert right.instruction == "" and right.safety == ""
    voice.act(Session.skip_set)
    assert voice.act(Session.skip_set).cue.instruction == ""  # same exercise, listed twice
    next_exercise = Voice(
        program(stretch(repetitions=1, sides=Sides.LEFT), range_of_motion(REACH, RangeMode.ACTIVE))
    )
    assert next_exercise.act(Session.skip_set).cue.instruction == "Reach forward."


# ----- starting ---------------------------------------------------------------------------


def test_the_lead_in_counts_three_two_one_then_start_with_the_chime():
    voice = Voice()
    assert voice.act(Session.start_set).cue == Cue(Say.COUNT, seconds=3)
    assert voice.wait(1).cue == Cue(Say.COUNT, seconds=2)
    assert voice.wait(0.5) == Guidance()
    assert voice.wait(0.5).cue == Cue(Say.COUNT, seconds=1)
    start = voice.wait(1)
    assert start.cue == Cue(Say.START)
    assert start.chime


def test_a_long_lead_in_counts_only_its_last_three_seconds():
    voice = Voice(lead_in_seconds=6)
    assert voice.act(Session.start_set) == Guidance()
    assert voice.wait(2) == Guidance()
    assert voice.wait(1).cue == Cue(Say.COUNT, seconds=3)


def test_a_counted_set_starts_without_a_chime():
    voice = Voice(program(range_of_motion(REACH, RangeMode.ACTIVE)))
    start = voice.act(Session.start_set)
    assert start.cue == Cue(Say.START)
    assert not start.chime


# ----- the time left ------------------------------------------------------------------------


def test_time_left_points_for_each_setting():
    assert time_left_points(30, TimeLeft.HALFWAY) == (15, 10)
    assert time_left_points(20, TimeLeft.HALFWAY) == (10,)
    assert time_left_points(19, TimeLeft.HALFWAY) == ()
    assert time_left_points(45, TimeLeft.HALFWAY) == (22, 10)
    assert time_left_points(300, TimeLeft.HALFWAY) == (150, 10)
    assert time_left_points(30, TimeLeft.EVERY_10) == (20, 10)
    assert time_left_points(35, TimeLeft.EVERY_10) == (30, 20, 10)
    assert time_left_points(10, TimeLeft.EVERY_10) == ()
    assert time_left_points(300, TimeLeft.OFF) == ()


def test_a_hold_says_half_way_and_ten_seconds_then_that_time_is_up_without_hurrying():
    voice = Voice()
    voice.start_hold()
    assert voice.wait(14.5) == Guidance()
    assert voice.wait(0.5).cue == Cue(Say.TIME_LEFT, seconds=15)
    assert voice.wait(4.9) == Guidance()
    assert voice.wait(0.1).cue == Cue(Say.TIME_LEFT, seconds=10)
    up = voice.wait(10)
    assert up.cue == Cue(Say.TIME_UP, waiting=True)
    assert up.chime
    assert voice.wait(60) == Guidance()  # the app waits, and says nothing more


def test_no_time_left_is_spoken_when_the_setting_is_off():
    voice = Voice(time_left=TimeLeft.OFF)
    voice.start_hold()
    heard = [voice.wait(1) for _ in range(int(HOLD) - 1)]
    assert heard == [Guidance()] * (int(HOLD) - 1)
    assert voice.wait(1).cue == Cue(Say.TIME_UP, waiting=True)


def test_a_late_tick_past_two_points_says_only_the_latest():
    voice = Voice(time_left=TimeLeft.EVERY_10)
    voice.start_hold()
    assert voice.wait(25).cue == Cue(Say.TIME_LEFT, seconds=10)  # not 20 and 10 in a row


def test_a_long_bout_says_minutes_at_half_way():
    voice = Voice(program(Prescription(CYCLE, EnduranceDose(5, 1, 0, 1, Limb.LEGS))))
    voice.start_hold()
    assert voice.wait(150).cue == Cue(Say.TIME_LEFT, seconds=150)


def test_a_rest_says_the_time_left_too_and_when_it_is_over():
    voice = Voice(program(Prescription(STRETCH, PassiveStretchDose(30, 2, Sides.LEFT, 60))))
    voice.start_hold()
    voice.wait(HOLD)
    voice.act(Session.finish_set)
    assert said(voice.act(lambda s: s.answer_fatigue(2))) is Say.REST
    assert voice.wait(30).cue == Cue(Say.TIME_LEFT, seconds=30)
    assert voice.wait(20).cue == Cue(Say.TIME_LEFT, seconds=10)
    over = voice.wait(10)
    assert over.cue == Cue(Say.REST_OVER, waiting=True)
    assert not over.chime


# ----- through a session -----------------------------------------------------------------


def test_a_set_then_the_fatigue_check_rest_and_the_next_set():
    voice = Voice(time_left=TimeLeft.OFF)
    voice.start_hold()
    voice.wait(HOLD)
    assert said(voice.act(Session.finish_set)) is Say.HOW_TIRED
    assert said(voice.act(lambda s: s.answer_fatigue(3))) is Say.REST
    assert said(voice.wait(REST)) is Say.REST_OVER
    following = voice.act(Session.end_rest).cue
    assert following.say is Say.SET and following.step.side is Side.RIGHT


def test_with_auto_advance_the_end_of_a_hold_or_rest_chimes_and_asks_for_nothing():
    voice = Voice(time_left=TimeLeft.OFF, auto_advance=True)
    voice.start_hold()
    hold = [voice.wait(HOLD), voice.wait(120)]
    assert any(guidance.chime for guidance in hold)
    assert [guidance.cue for guidance in hold if guidance.cue][-1] == Cue(Say.HOW_TIRED)
    voice.act(lambda s: s.answer_fatigue(2))
    rest = [voice.wait(REST), voice.wait(120)]
    cues = [guidance.cue for guidance in hold + rest if guidance.cue]
    assert cues[-1].say is Say.SET
    assert not any(cue.waiting for cue in cues)


def test_pausing_is_said_and_resuming_carries_on_quietly_where_it_was():
    voice = Voice()
    voice.act(Session.start_set)
    assert voice.act(Session.pause).cue == Cue(Say.PAUSED)
    assert voice.wait(30) == Guidance()
    assert voice.act(Session.resume) == Guidance()
    assert voice.wait(1).cue == Cue(Say.COUNT, seconds=2)


def test_the_stop_question_says_nothing_either_way():
    voice = Voice()
    voice.start_hold()
    assert voice.act(Session.request_stop) == Guidance()
    assert voice.act(Session.cancel_stop) == Guidance()
    assert voice.act(Session.pause).cue == Cue(Say.PAUSED)
    assert voice.act(Session.request_stop) == Guidance()
    assert voice.act(Session.cancel_stop) == Guidance()  # back to the pause, said already


def test_a_finished_session_hears_well_done():
    voice = Voice(program(stretch(repetitions=1, sides=Sides.LEFT)))
    voice.start_hold()
    voice.wait(HOLD)
    voice.act(Session.finish_set)
    assert voice.act(lambda s: s.answer_fatigue(1)).cue == Cue(Say.WELL_DONE)


def test_stopping_when_tired_is_thanked():
    voice = Voice()
    voice.start_hold()
    assert voice.act(Session.request_stop) == Guidance()
    assert voice.act(Session.stop_tired).cue == Cue(Say.TIRED_STOP)


def test_a_symptom_says_stop_safely_and_nothing_cheerful_after_it():
    voice = Voice()
    voice.start_hold()
    assert voice.act(lambda s: s.report_symptom([Symptom.CRAMP])).cue == Cue(Say.STOP_SAFELY)
    assert voice.act(Session.acknowledge_stop) == Guidance()


def test_only_the_time_left_waits_its_turn_every_other_cue_interrupts():
    assert not Cue(Say.TIME_LEFT, seconds=10).interrupts
    assert all(Cue(say).interrupts for say in Say if say is not Say.TIME_LEFT)


def test_the_lift_check_is_asked_aloud_then_the_set_is_introduced():
    lift = Exercise("lift", "Arm lift", ExerciseKind.RESISTANCE, "shoulders", "Lift slowly.")
    weighted = Prescription(lift, ResistanceDose(1.0, LoadUnit.KG, 8, 1, Sides.NONE, 60))
    voice = Voice(program(weighted), lift_checks_due=("lift",))
    assert voice.first.cue == Cue(Say.LIFT_CHECK, step=voice.session.step)
    following = voice.act(lambda s: s.answer_lift_check(True)).cue
    assert following.say is Say.SET and following.instruction == "Lift slowly."
