"""Spoken guidance and the chime: the session's turns said aloud, for eyes-free exercise.

`alshome.domain.cues` decides which cue is due; this module holds the words for each
(through Qt's translation), speaks them with QtTextToSpeech and plays the chime with
QSoundEffect. Settings are read on every cue, so a change on the settings screen applies
at once, mid-session.

Speech is a comfort, never a requirement: without a speech engine, or with one that
fails, the app carries on silently and `problem` holds one plain sentence for the settings
screen to show. The engine and the sound are made on first use, not at start-up: opening
speech-dispatcher takes more than a second, and the first window must appear fast. What is
spoken is health-related, so it is never logged.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

from alshome.domain.cues import Cue, Moment, Say, TimeLeft, due
from alshome.domain.session import Phase, Session
from alshome.resources import resource
from alshome.settings import Settings
from alshome.ui import words
from alshome.ui.session_controller import SessionController

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect
    from PySide6.QtTextToSpeech import QTextToSpeech

ENGINE_VARIABLE = "ALSHOME_SPEECH_ENGINE"  # names the engine to use; the tests choose "mock"
TEST_ENGINE = "mock"  # Qt's own stand-in, which speaks nothing: never chosen by itself
CHIME = resource("sounds", "chime.wav")


class VoiceGuide(QObject):
    """Speaks the session's cues and rings the chime, as the settings ask at that moment."""

    def __init__(
        self, controller: SessionController, settings: Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._settings = settings
        self._speech: QTextToSpeech | None = None
        self._engine_tried = False
        self._problem = ""
        self._saying_time_left = False  # what is being said may be cut off by a newer time left
        self._chime: QSoundEffect | None = None
        self._chime_failed = False
        self._session: Session | None = None
        self._seen: Moment | None = None
        self._finished: Phase | None = None
        controller.countdown_finished.connect(self._countdown_finished)
        controller.changed.connect(self._follow)
        controller.ticked.connect(self._follow)

    # ----- for the settings screen ------------------------------------------------------

    @property
    def available(self) -> bool:
        """Whether speech works on this computer; asking opens the engine if need be."""
        return self._engine() is not None

    @property
    def problem(self) -> str:
        """One plain sentence on why nothing is spoken, or "" when speech works."""
        self._engine()
        return self._problem

    def warm_up(self) -> None:
        """Open the engine now, while nothing is being said, rather than at the first cue."""
        self._engine()

    def preview(self) -> None:
        """Try the voice: a sample at the current speed and volume, even with guidance off."""
        self._speak(self.tr("This is how I sound."), interrupts=True)

    # ----- following the session -------------------------------------------------------

    def _countdown_finished(self, phase: str) -> None:
        """Kept for the change the controller reports next, when the session has moved on."""
        self._finished = Phase(phase)

    def _follow(self) -> None:
        session = self._controller.session
        finished, self._finished = self._finished, None
        if session is not self._session:
            self._session, self._seen = session, None
        if session is None:
            return
        guidance = due(
            session, self._seen, finished, TimeLeft(self._settings.get("voice_time_left"))
        )
        self._seen = Moment.of(session)
        if guidance.chime and self._settings.get("chime"):
            self._ring()
        if guidance.cue is not None and self._settings.get("voice"):
            self._speak(self._words(guidance.cue), guidance.cue.interrupts)

    # ----- the words ---------------------------------------------------------------------

    def _words(self, cue: Cue) -> str:
        match cue.say:
            case Say.SET:
                return self._set_words(cue)
            case Say.LIFT_CHECK:
                return self.tr("{exercise}. Can you still lift this without the weight?").format(
                    exercise=cue.step.exercise.name
                )
            case Say.COUNT:
                return str(cue.seconds)
            case Say.START:
                return self.tr("Start.")
            case Say.TIME_LEFT:
                return self._time_left(cue.seconds)
            case Say.TIME_UP if cue.waiting:
                return self.tr("Time is up. Press Done when you are ready.")
            case Say.TIME_UP:
                return self.tr("Time is up.")
            case Say.HOW_TIRED:
                return self.tr("How tired are your muscles? Choose 0 to 10.")
            case Say.REST:
                return self.tr("Rest.")
            case Say.REST_OVER if cue.waiting:
                return self.tr("Rest is over. Start the next set when you are ready.")
            case Say.REST_OVER:
                return self.tr("Rest is over.")
            case Say.PAUSED:
                return self.tr("Paused.")
            case Say.STOP_SAFELY:
                return self.tr(
                    "Stop and rest now. If it does not ease, or you are worried, "
                    "contact your therapist."
                )
            case Say.WELL_DONE:
                return self.tr("Well done.")
            case Say.TIRED_STOP:
                return self.tr("Thank you. Well done for listening to your body.")

    def _set_words(self, cue: Cue) -> str:
        """The exercise, side, set and target; then, on its first set, what to do."""
        step = cue.step
        parts = [step.exercise.name, words.side(step.side)]
        if step.total_sets > 1:
            parts.append(
                self.tr("Set {n} of {total}").format(n=step.set_number, total=step.total_sets)
            )
        parts.append(words.target(step.target))
        if cue.to_helper:
            parts.append(
                self.tr("For your helper: {instruction}").format(instruction=cue.instruction)
            )
        else:
            parts.append(cue.instruction)
        parts.append(cue.safety)
        return " ".join(_sentence(part) for part in parts if part)

    def _time_left(self, seconds: int) -> str:
        minutes, rest = divmod(seconds, 60)
        if not minutes:
            return self.tr("{n} seconds left").format(n=seconds)
        if not rest:
            return self.tr("{minutes} left").format(minutes=words.minutes_text(minutes))
        return self.tr("{minutes} and {n} seconds left").format(
            minutes=words.minutes_text(minutes), n=rest
        )

    # ----- speech ------------------------------------------------------------------------

    def _speak(self, text: str, interrupts: bool) -> None:
        """Say `text` now; a cue that does not interrupt is dropped while another is said."""
        speech = self._engine()
        if speech is None:
            return
        from PySide6.QtTextToSpeech import QTextToSpeech

        busy = speech.state() is QTextToSpeech.State.Speaking and not self._saying_time_left
        if not interrupts and busy:
            return
        speech.setRate(float(self._settings.get("voice_rate")))
        speech.setVolume(float(self._settings.get("voice_volume")))
        self._saying_time_left = not interrupts
        speech.say(text)  # stops whatever was still being said

    def _engine(self) -> QTextToSpeech | None:
        if not self._engine_tried:
            self._engine_tried = True
            self._speech = self._open_engine()
        return self._speech

    def _open_engine(self) -> QTextToSpeech | None:
        """The engine named by ALSHOME_SPEECH_ENGINE, else the platform's first real one."""
        from PySide6.QtTextToSpeech import QTextToSpeech

        engines = QTextToSpeech.availableEngines()
        name = os.environ.get(ENGINE_VARIABLE) or next(
            (engine for engine in engines if engine != TEST_ENGINE), ""
        )
        if name not in engines:
            self._problem = self.tr(
                "No speech engine was found on this computer, so guidance is shown on screen only."
            )
            return None
        speech = QTextToSpeech(name, self)
        if speech.state() is QTextToSpeech.State.Error:
            self._give_up(speech)
            return None
        speech.stateChanged.connect(self._check_engine)
        return speech

    def _check_engine(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state is QTextToSpeech.State.Error and self._speech is not None:
            self._give_up(self._speech)

    def _give_up(self, speech: QTextToSpeech) -> None:
        """An engine in error stays silent for the rest of the run; the app carries on."""
        self._speech = None
        self._problem = self.tr(
            "The speech engine on this computer is not working, "
            "so guidance is shown on screen only."
        )
        speech.deleteLater()

    # ----- the chime -----------------------------------------------------------------------

    def _ring(self) -> None:
        """The chime, when there is a sound device to play it on; silence otherwise."""
        if self._chime_failed:
            return
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

        if not QMediaDevices.audioOutputs():
            return
        if self._chime is None:
            self._chime = QSoundEffect(self)
            self._chime.statusChanged.connect(self._check_chime)
            self._chime.setSource(QUrl.fromLocalFile(str(CHIME)))
        self._chime.setVolume(float(self._settings.get("voice_volume")))
        self._chime.play()

    def _check_chime(self) -> None:
        """A sound that cannot be played is not tried again, so nothing repeats a warning."""
        from PySide6.QtMultimedia import QSoundEffect

        if self._chime is not None and self._chime.status() is QSoundEffect.Status.Error:
            self._chime_failed = True


def _sentence(text: str) -> str:
    """`text` ending as a sentence, so the voice pauses between the parts."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."
