"""Spoken guidance and the chime: the session's turns said aloud, for eyes-free exercise.

`alshome.domain.cues` decides which cue is due; this module holds the words for each
(through Qt's translation), speaks them with QtTextToSpeech and plays the chime with
QSoundEffect. Settings are read on every cue, so a change on the settings screen applies
at once, mid-session.

Sound is a comfort, never a requirement: without Qt's sound modules (a missing library,
see `alshome.ui.sound_modules`), without a speech engine, with one that fails or stops
answering, or without speakers, the app carries on silently and `problem` holds one plain
sentence for the settings screen: what is missing and what would bring the sound back.
The modules, the engine and the sound are made on first use, not at start-up, and the
engine lives on a thread of its own (`SpeechLine`): opening speech-dispatcher takes more
than a second, and a speech-dispatcher that has stopped answering blocks whoever calls it
for good, so nothing the window does may wait on it. What is spoken is health-related, so
it is never logged.
"""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    Q_ARG,
    QCoreApplication,
    QLocale,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    QTimer,
    QUrl,
    Signal,
    Slot,
)

from alshome.domain.cues import Cue, Moment, Say, TimeLeft, due
from alshome.domain.session import Phase, Session
from alshome.platform.resources import resource
from alshome.platform.settings import Settings
from alshome.ui import words
from alshome.ui.session_controller import SessionController
from alshome.ui.silence import EngineTrouble, why_silent
from alshome.ui.sound_modules import sound_modules

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect
    from PySide6.QtTextToSpeech import QTextToSpeech

ENGINE_VARIABLE = "ALSHOME_SPEECH_ENGINE"  # names the engine to use; the tests choose "mock"
TEST_ENGINE = "mock"  # Qt's own stand-in, which speaks nothing: never chosen by itself
CHIME = resource("sounds", "chime.wav")
NO_ENGINE = "none"  # an engine name that matches none: the object is made without one
OPEN_TIMEOUT_MS = 10_000  # an engine not ready by then is taken as not answering
# The program an engine talks to: without it the engine opens in its error state, and the
# cure is to install the program, not to restart anything.
ENGINE_PROGRAMS = {"speechd": "speech-dispatcher"}
STOP_WAIT_MS = 1_000  # at exit, how long the speech thread may take to finish


class _Engine(QObject):
    """The QTextToSpeech engine and what it is saying; lives on the speech thread.

    Every call that may reach speech-dispatcher is posted to this thread's event loop
    (`QMetaObject.invokeMethod`, queued) rather than made from Python: a call made from
    Python holds Python's lock for as long as it blocks, which would stop the window too.
    """

    opened = Signal(bool)  # True once the engine is ready to speak
    failed = Signal()  # the engine went into its error state

    def __init__(self) -> None:
        super().__init__()
        self.speech: QTextToSpeech | None = None
        self._busy = False  # saying something, or about to: set as a text is posted
        self._saying_time_left = False  # what is being said may be cut off by a newer time left

    @Slot(str)
    def open(self, name: str) -> None:
        # Made without an engine (the name matches none), then given one by the event loop.
        speech = _speech_class()(NO_ENGINE, self)
        speech.engineChanged.connect(self._engine_set)
        self._post(speech, "setEngine", Q_ARG(str, name))

    def _engine_set(self) -> None:
        speech = self.sender()
        if speech.state() is _speech_class().State.Error:
            speech.deleteLater()
            self.opened.emit(False)
            return
        speech.stateChanged.connect(self._check)
        # A voice for the language the text is in (see alshome.ui.i18n), if the engine has one.
        self._post(speech, "setLocale", Q_ARG(QLocale, QLocale()))
        self.speech = speech
        self.opened.emit(True)

    @Slot(str, float, float, bool)
    def say(self, text: str, rate: float, volume: float, interrupts: bool) -> None:
        """Say `text` now; a cue that does not interrupt is dropped while another is said."""

        speech = self.speech
        if speech is None:
            return
        if not interrupts and self._busy and not self._saying_time_left:
            return
        self._busy = True
        self._saying_time_left = not interrupts
        self._post(speech, "setRate", Q_ARG(float, rate))
        self._post(speech, "setVolume", Q_ARG(float, volume))
        self._post(speech, "say", Q_ARG(str, text))  # stops whatever was still being said

    @staticmethod
    def _post(speech: QObject, method: str, argument: object) -> None:
        QMetaObject.invokeMethod(speech, method, Qt.ConnectionType.QueuedConnection, argument)

    def _check(self, state: object) -> None:
        states = _speech_class().State
        self._busy = state is states.Speaking
        if state is states.Error and self.speech is not None:
            self.speech = None
            self.failed.emit()


class SpeechLine(QObject):
    """The way to the speech engine: requests go to its thread and never wait for it."""

    ready = Signal(bool)  # the engine opened (True) or could not open (False)
    failed = Signal()
    _open = Signal(str)
    _say = Signal(str, float, float, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._engine = _Engine()
        self._engine.moveToThread(self._thread)
        self._open.connect(self._engine.open)
        self._say.connect(self._engine.say)
        self._engine.opened.connect(self.ready)
        self._engine.failed.connect(self.failed)
        self._thread.finished.connect(self._engine.deleteLater)
        self._thread.start()
        QCoreApplication.instance().aboutToQuit.connect(self.close)

    @property
    def engine(self) -> QTextToSpeech | None:
        return self._engine.speech

    def open(self, name: str) -> None:
        self._open.emit(name)

    def say(self, text: str, rate: float, volume: float, interrupts: bool) -> None:
        self._say.emit(text, rate, volume, interrupts)

    def close(self) -> None:
        """End the thread; one stuck inside the engine is stopped rather than waited for."""
        if not self._thread.isRunning():
            return
        self._thread.quit()
        if not self._thread.wait(STOP_WAIT_MS):
            self._thread.terminate()
            self._thread.wait(STOP_WAIT_MS * 5)


class VoiceGuide(QObject):
    """Speaks the session's cues and rings the chime, as the settings ask at that moment."""

    def __init__(
        self, controller: SessionController, settings: Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._settings = settings
        self._line: SpeechLine | None = None
        self._engine_tried = False
        self._engine_name = ""
        self._open_answered = False
        self._silent = False  # set for good once the engine fails or does not answer
        self._trouble = EngineTrouble.NONE
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
        """Whether speech may work here (it may still be opening); asking opens it."""
        return self._engine() is not None

    @property
    def problem(self) -> str:
        """One plain sentence on what keeps the voice or chime silent, or "" when nothing does.

        Asking opens the engine; the sentence is `alshome.ui.silence`'s.
        """
        self._engine()
        return why_silent(sound_modules(), self._trouble)

    @property
    def engine(self) -> QTextToSpeech | None:
        """The engine once it is open and working, for a test to listen to."""
        line = self._engine() if self._engine_tried else None
        return line.engine if line is not None else None

    def close(self) -> None:
        """Stop the speech thread (the app does this as it quits)."""
        if self._line is not None:
            self._line.close()

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
        line = self._engine()
        if line is None:
            return
        rate = float(self._settings.get("voice_rate"))
        line.say(text, rate, float(self._settings.get("voice_volume")), interrupts)

    def _engine(self) -> SpeechLine | None:
        """The way to the engine, unless there is none or it has failed."""
        if not self._engine_tried:
            self._engine_tried = True
            self._line = self._open_engine()
        return None if self._silent else self._line

    def _open_engine(self) -> SpeechLine | None:
        """The engine named by ALSHOME_SPEECH_ENGINE, else the platform's first real one.

        Which engines exist is known at once; opening one happens on the speech thread,
        and one that has not answered within OPEN_TIMEOUT_MS is given up.
        """
        if sound_modules().text_to_speech is None:
            return None  # `problem` names the missing library
        engines = _speech_class().availableEngines()
        name = os.environ.get(ENGINE_VARIABLE) or next(
            (engine for engine in engines if engine != TEST_ENGINE), ""
        )
        if name not in engines:
            self._trouble = EngineTrouble.ABSENT
            return None
        self._engine_name = name
        line = SpeechLine(self)
        line.ready.connect(self._opened)
        line.failed.connect(self._failed)
        line.open(name)
        QTimer.singleShot(OPEN_TIMEOUT_MS, self, self._check_opened)
        return line

    def _opened(self, ok: bool) -> None:
        self._open_answered = True
        if not ok:
            self._failed()

    def _failed(self) -> None:
        program = ENGINE_PROGRAMS.get(self._engine_name)
        absent = program is not None and shutil.which(program) is None
        self._give_up(EngineTrouble.ABSENT if absent else EngineTrouble.ERROR)

    def _check_opened(self) -> None:
        if not self._open_answered:
            self._give_up(EngineTrouble.NOT_ANSWERING)

    def _give_up(self, trouble: EngineTrouble) -> None:
        """An engine in error stays silent for the rest of the run; the app carries on."""
        if self._silent:
            return
        self._silent = True
        self._trouble = trouble

    # ----- the chime -----------------------------------------------------------------------

    def _ring(self) -> None:
        """The chime, when Qt's multimedia loads and has a device to play it on."""
        multimedia = sound_modules().multimedia
        if self._chime_failed or multimedia is None:
            return
        if not multimedia.QMediaDevices.audioOutputs():
            return
        if self._chime is None:
            self._chime = multimedia.QSoundEffect(self)
            self._chime.statusChanged.connect(self._check_chime)
            self._chime.setSource(QUrl.fromLocalFile(str(CHIME)))
        self._chime.setVolume(float(self._settings.get("voice_volume")))
        self._chime.play()

    def _check_chime(self) -> None:
        """A sound that cannot be played is not tried again, so nothing repeats a warning."""
        chime = self._chime
        if chime is not None and chime.status() is type(chime).Status.Error:
            self._chime_failed = True


def _speech_class() -> type[QTextToSpeech]:
    """QTextToSpeech, once `sound_modules` has found that it loads."""
    return sound_modules().text_to_speech.QTextToSpeech


def _sentence(text: str) -> str:
    """`text` ending as a sentence, so the voice pauses between the parts."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."
