"""The set screen: get ready, the lead-in count, then the hold, bout or repetitions.

For stretches a helper does, the instructions speak to the helper; for range of motion,
the patient says who moves today (`who_moves`), and the words follow. A timed set shows a
countdown large enough to read from across the room, and "10 seconds more" lengthens it,
even once it has ended; a counted set shows its target and lets the patient record fewer
if that is what they managed.

Before the first set of a resistance exercise the screen may first ask "Can you still
lift this without the weight?" (see `safety.lift_checks_due`). Neither answer is chosen
for the patient: focus starts on the screen, as on the fatigue check, so a stray Enter
records nothing. "No" flags the exercise for the therapist and changes nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from alshome.domain.program import Mover, Program
from alshome.domain.session import Phase, Session
from alshome.ui import words
from alshome.ui.exercise_media import ExerciseMedia, MediaSource, no_media
from alshome.ui.screens.base import COUNTDOWN_FLOOR, Screen, row
from alshome.ui.screens.moving_on import moving_on_text, wait_button
from alshome.ui.screens.session_buttons import pause_button, tired_stop_button
from alshome.ui.screens.who_moves import WhoMoves
from alshome.ui.session_controller import SessionController
from alshome.ui.spoken import describe, sentences
from alshome.ui.widgets import FitLabel, button, label, panel, set_text

FIGURE_MIN = 96  # px: the illustration's least size, so the words fit at 200 % text and on 1024x768

class ExerciseScreen(Screen):
    def __init__(self, controller: SessionController, media: MediaSource = no_media) -> None:
        super().__init__(self.tr("Exercise"))
        self.controller = controller
        self.media_source = media
        self.media_of: tuple[tuple[str, int], Mapping[str, bytes]] | None = None
        self.media_shown: tuple[str, int, str] | None = None  # program, version, exercise
        self.repetitions = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # where focus waits for an answer
        self.position = label("", "subtitle")
        self.name = FitLabel("", "title", floor=40, grow=False)

        box = panel()
        instructions = QVBoxLayout(box)
        instructions.setContentsMargins(26, 20, 26, 20)
        self.audience = FitLabel("", "headline", floor=28, grow=False)
        self.instruction = FitLabel("", "body", floor=20, grow=False)
        self.safety = FitLabel("", "note", floor=20, grow=False)
        # The movement drawn: it takes the room the words leave, never less than FIGURE_MIN.
        from alshome.ui.figure import FigureView  # the renderer loads with this screen

        self.figure = FigureView()
        self.figure.setMinimumSize(FIGURE_MIN, FIGURE_MIN)
        instructions.addWidget(self.figure, 2)
        # The therapist's own picture or video, in the figure's place (one or the other).
        self.media = ExerciseMedia()
        self.media.setMinimumSize(FIGURE_MIN, FIGURE_MIN)
        instructions.addWidget(self.media, 2)
        for widget in (self.audience, self.instruction, self.safety):
            instructions.addWidget(widget)

        goal = QVBoxLayout()
        goal.setSpacing(8)
        self.big = FitLabel("", "countdown", floor=COUNTDOWN_FLOOR, center=True)
        self.big.setAccessibleName(self.tr("Countdown"))
        self.state = FitLabel("", "headline", floor=28, center=True)
        self.note = FitLabel("", "body", floor=22, center=True)
        self.wait = wait_button(controller)
        self.yes = button(
            self.tr("Yes"),
            lambda: controller.answer_lift_check(True),
            role="large",
            accessible_name=self.tr("Yes, I can still lift it without the weight"),
        )
        self.no = button(
            self.tr("No"),
            lambda: controller.answer_lift_check(False),
            role="large",
            accessible_name=self.tr("No, I cannot lift it without the weight any more"),
            description=self.tr(
                "Your therapist will be asked to look at this exercise. Nothing else changes."
            ),
        )
        self.extend = button(
            self.tr("10 seconds more"),
            controller.extend_hold,
            description=self.tr("Makes this hold longer. Take the time you need."),
        )
        self.fewer = button("−", self.one_fewer, accessible_name=self.tr("One fewer repetition"))
        self.count = label("", "headline", wrap=False, center=True)
        self.more = button("+", self.one_more, accessible_name=self.tr("One more repetition"))
        for widget in (self.fewer, self.more):
            widget.setFixedWidth(110)
        self.stepper = QHBoxLayout()
        for widget in (self.fewer, self.count, self.more):
            self.stepper.addWidget(widget)
        self.primary = button(self.tr("Start"), self.on_primary, role="primary")
        self.who_moves = WhoMoves(controller)  # made here: focus reaches it after Start
        goal.addWidget(self.big)
        goal.addWidget(self.state)
        goal.addWidget(self.note)
        goal.addWidget(self.wait)
        goal.addStretch(1)
        goal.addLayout(self.stepper)
        goal.addLayout(row(self.yes, self.no, stretch_between=True))
        goal.addWidget(self.extend)
        goal.addWidget(self.primary)

        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addWidget(box, 3)  # wider lines leave the figure more height
        middle.addLayout(goal, 2)

        self.pause = pause_button(controller)
        self.skip_set = button(self.tr("Skip this set"), controller.skip_set)
        self.skip_exercise = button(self.tr("Skip exercise"), controller.skip_exercise)
        self.stop = tired_stop_button(controller)

        for widget in (self.position, self.name):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(middle, 1)
        self.layout_.addWidget(self.who_moves)
        self.layout_.addLayout(row(self.pause, self.skip_set, self.skip_exercise, self.stop))

    # ----- rendering -----------------------------------------------------------------------

    def render(self, session: Session | None) -> None:
        if session is None:
            return
        step = session.step
        exercise = step.exercise
        exercise_number = step.prescription_index + 1
        parts = [
            self.tr("Exercise {n} of {total}").format(
                n=exercise_number, total=len(session.program.prescriptions)
            ),
            self.tr("Set {n} of {total}").format(n=step.set_number, total=step.total_sets),
        ]
        if words.side(step.side):
            parts.append(words.side(step.side))
        self.position.setText(" · ".join(parts))
        set_text(self.name, exercise.name)
        from alshome.illustrations.pose import stock_poses

        program = session.program
        if self.media_shown != (program.name, program.version, exercise.id):
            self.media_shown = (program.name, program.version, exercise.id)
            self.media.show_exercise(exercise, self._media(program))
        drawn = exercise.id in stock_poses()  # a program may name an exercise not drawn yet
        self.figure.setVisible(drawn and self.media.isHidden())
        if drawn and self.figure.exercise_id != exercise.id:
            self.figure.show_exercise(exercise.id, exercise.name)
        helper = session.mover is not Mover.PATIENT and exercise.caregiver_instruction
        self.audience.setText(self.tr("For your helper") if helper else words.kind(exercise.kind))
        self.instruction.setText(exercise.caregiver_instruction if helper else exercise.instruction)
        self.safety.setText(exercise.safety)
        self.safety.setVisible(bool(exercise.safety))
        self.who_moves.show_for(session)

        phase = session.phase
        counted = not step.target.timed
        asking = phase is Phase.LIFT_CHECK
        for widget in (self.yes, self.no):
            widget.setVisible(asking)
        self.primary.setVisible(not asking)
        if phase is Phase.READY:
            self.repetitions = step.target.repetitions or 0
        self.primary.setText(
            {
                Phase.READY: self.tr("Start"),
                Phase.LEAD_IN: self.tr("Start now"),
            }.get(phase, self.tr("Done"))
        )
        self.primary.setAccessibleName(self.primary.text())
        in_set = phase in (Phase.LEAD_IN, Phase.RUNNING)
        self.skip_set.setText(self.tr("Stop this set") if in_set else self.tr("Skip this set"))
        self.skip_set.setAccessibleName(self.skip_set.text())
        showing_stepper = phase is Phase.RUNNING and counted
        for widget in (self.fewer, self.count, self.more):
            widget.setVisible(showing_stepper)
        self.note.setText(self._note(session))
        self.note.setVisible(bool(self.note.text()))
        self.refresh(session)
        describe(self, self._question(session))

    def _media(self, program: Program) -> Mapping[str, bytes]:
        """The program version's pictures and videos, read from the history once."""
        key = (program.name, program.version)
        if self.media_of is None or self.media_of[0] != key:
            self.media_of = (key, self.media_source(program) if program.media else {})
        return self.media_of[1]

    # ----- what a screen reader says (see `alshome.ui.spoken`) ---------------------------

    def _set_words(self, session: Session) -> str:
        """What a sighted person reads before a set: where it is in the session, the
        exercise and its side, what to do, and the goal."""
        exercise = session.step.exercise
        return sentences(
            self.position.text().replace(" · ", ", "),
            exercise.name,
            f"{self.audience.text()}: {self.instruction.text()}",
            self.safety.text() if self.safety.isVisibleTo(self) else "",
            words.target(session.step.target),
        )

    def _question(self, session: Session) -> str:
        """The lift check, said when the focus lands on the screen that asks it."""
        if session.phase is not Phase.LIFT_CHECK:
            return ""
        return sentences(
            self.tr("Can you still lift this without the weight?"),
            self._set_words(session),
            self._note(session),
            self.tr("Choose an answer: use the arrow keys, then Enter."),
        )

    def _primary_words(self, session: Session, remaining: float | None) -> str:
        """The main action's description: the set on arrival, then each turn of it."""
        phase = session.phase
        if phase is Phase.READY:
            return sentences(self._set_words(session), self._note(session))
        if phase is Phase.LEAD_IN:
            return self.tr("Get ready. Press T to hear when it begins; Start now begins at once.")
        if phase is not Phase.RUNNING:
            return ""
        if remaining is None:
            return sentences(
                self.tr("Begin now."),
                words.target(session.step.target),
                self.tr("Press Done when you have finished."),
            )
        if remaining > 0:
            return sentences(
                self.tr("Begin now."),
                words.target(session.step.target),
                self.tr("Press T to hear the time left."),
                self.tr("Done ends the set early and saves what you did."),
            )
        if session.moving_on_in() is not None:
            return self.tr("Time is up. It moves on by itself soon; choose Wait to stay.")
        return self.tr("Time is up. Press Done when you are ready.")

    def _note(self, session: Session) -> str:
        if session.phase is Phase.LIFT_CHECK:
            return self.tr("Your answer is for your therapist. Today's session stays the same.")
        if session.phase is Phase.READY and session.step.exercise.id in session.flagged:
            return self.tr(
                "Noted for your therapist. Until they have looked at it, you can skip "
                "this exercise."
            )
        return ""

    def refresh(self, session: Session) -> None:
        step = session.step
        phase = session.phase
        remaining = session.remaining()
        moving_on = moving_on_text(session)
        self.wait.setVisible(moving_on is not None)
        self.extend.setVisible(phase is Phase.RUNNING and step.target.timed and not moving_on)
        self.big.setVisible(phase is not Phase.LIFT_CHECK and not moving_on)
        if phase is Phase.LIFT_CHECK:
            self.state.setText(self.tr("Can you still lift this without the weight?"))
        elif phase is Phase.LEAD_IN and remaining is not None:
            self.big.setText(words.clock_time(remaining))
            self.state.setText(self.tr("Get ready"))
        elif phase is Phase.RUNNING and remaining is not None:
            self.big.setText(words.clock_time(remaining))
            if moving_on:
                self.state.setText(self.tr("Time is up. {moving_on}.").format(moving_on=moving_on))
            elif remaining <= 0:
                self.state.setText(self.tr("Time is up. Press Done when you are ready."))
            else:
                self.state.setText(self.tr("You may stop early: press Done"))
        else:
            self.big.setText(self._big_target(session))
            self.state.setText(words.target(step.target) if phase is Phase.READY else "")
        self.big.setAccessibleName(self.big.text())
        describe(self.primary, self._primary_words(session, remaining))
        self.count.setText(self.tr("Done: {n}").format(n=self.repetitions))
        self.count.setAccessibleName(self.count.text())

    def first_focus(self) -> QWidget | None:
        if self.controller.phase is Phase.LIFT_CHECK:
            return self
        return super().first_focus()

    def _big_target(self, session: Session) -> str:
        target = session.step.target
        if target.seconds is not None:
            return words.clock_time(target.seconds)
        return str(target.repetitions)

    # ----- input -------------------------------------------------------------------------

    def on_primary(self) -> None:
        phase = self.controller.phase
        if phase in (Phase.READY, Phase.LEAD_IN):
            self.controller.start_set()
        elif phase is Phase.RUNNING:
            counted = self.controller.session and not self.controller.session.step.target.timed
            self.controller.finish_set(self.repetitions if counted else None)

    def one_fewer(self) -> None:
        self.repetitions = max(0, self.repetitions - 1)
        self._refresh_count()

    def one_more(self) -> None:
        session = self.controller.session
        planned = session.step.target.repetitions if session else None
        self.repetitions = min(planned or 0, self.repetitions + 1)
        self._refresh_count()

    def _refresh_count(self) -> None:
        if self.controller.session is not None:
            self.refresh(self.controller.session)
