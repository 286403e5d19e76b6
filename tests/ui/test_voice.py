"""Spoken guidance heard through Qt's mock speech engine, in a real session on a manual clock.

The mock engine ("mock", shipped with QtTextToSpeech) speaks nothing: it reads its text one
word every 50 to 150 ms (faster at a higher rate) and reports each word with `sayingWord`,
after `aboutToSynthesize` marks the start of a new text. Listening to those two signals
shows exactly what a real engine would have been asked to say, and what a newer cue cut
off, without any test hook in the app. Words come without punctuation, as the mock splits
on it, so the expected sentences are compared word by word.
"""

from __future__ import annotations

import re
import wave
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtTextToSpeech import QTextToSpeech

from alshome.domain.clock import ManualClock
from alshome.domain.session import Phase
from alshome.platform.settings import Settings
from alshome.ui.session_controller import SessionController
from alshome.ui.voice import CHIME, VoiceGuide
from tests.ui.conftest import demo_program

READY = QTextToSpeech.State.Ready
TIME_UP = "Time is up. Press Done when you are ready."
NO_ENGINE = (
    "Spoken guidance is off because this computer has no speech engine; "
    "installing speech-dispatcher with espeak-ng brings the voice back."
)
ONE_SET = [
    {
        "exercise": "shoulder_raise_weight",
        "kind": "resistance",
        "load": 0.5,
        "unit": "kg",
        "repetitions": 8,
        "sets": 1,
        "sides": "left",
        "rest_seconds": 0,
    }
]


def spoken(text: str) -> str:
    """`text` as the mock engine reads it out: its words, without punctuation."""
    return " ".join(re.findall(r"\w+", text))


class Ear:
    """Everything the engine was given to say, one entry per text, word by word."""

    def __init__(self, engine: QTextToSpeech, qtbot) -> None:
        self.engine = engine
        self.qtbot = qtbot
        self.texts: list[list[str]] = []
        engine.aboutToSynthesize.connect(lambda _id: self.texts.append([]))
        engine.sayingWord.connect(lambda word, *_where: self.texts[-1].append(word))

    def after(self, action: Callable[[], None]) -> list[str]:
        """What `action` made the engine say, once it has finished saying it."""
        start = len(self.texts)
        action()
        self.qtbot.waitUntil(
            lambda: len(self.texts) > start and self.engine.state() == READY, timeout=15_000
        )
        return [" ".join(text) for text in self.texts[start:]]

    def nothing_after(self, action: Callable[[], None]) -> None:
        start = len(self.texts)
        action()
        self.qtbot.wait(200)
        assert self.texts[start:] == []


@dataclass
class Voice:
    guide: VoiceGuide
    controller: SessionController
    clock: ManualClock
    settings: Settings

    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.controller.tick()

    def ear(self, qtbot) -> Ear:
        self.guide.warm_up()  # opens the engine now, so that the ear hears it all
        qtbot.waitUntil(lambda: self.guide.engine is not None, timeout=5_000)
        return Ear(self.guide.engine, qtbot)


@pytest.fixture
def settings(tmp_path) -> Settings:
    settings = Settings(tmp_path / "settings.json")
    settings.set("voice_rate", 1.0)  # the mock's fastest reading: 50 ms a word
    return settings


def make_voice(settings: Settings, request) -> Voice:
    """A guide for a session; its speech thread is stopped when the test ends."""
    clock = ManualClock()
    events: list = []
    controller = SessionController(clock, lambda: events.append)
    guide = VoiceGuide(controller, settings)
    request.addfinalizer(guide.close)
    return Voice(guide, controller, clock, settings)


@pytest.fixture
def voice(qtbot, monkeypatch, settings, request) -> Voice:
    monkeypatch.setenv("ALSHOME_SPEECH_ENGINE", "mock")
    return make_voice(settings, request)


def test_a_set_the_fatigue_check_a_rest_and_a_tired_stop_are_spoken(voice, qtbot):
    ear = voice.ear(qtbot)
    program = demo_program()
    stretch = program.steps()[0].exercise
    controller = voice.controller
    assert ear.after(lambda: controller.start(program)) == [
        spoken(
            f"{stretch.name}. Left side. Set 1 of 2. Hold 30 seconds. "
            f"For your helper: {stretch.caregiver_instruction} {stretch.safety}"
        )
    ]
    assert ear.after(controller.start_set) == ["3"]
    assert ear.after(lambda: voice.advance(1)) == ["2"]
    assert ear.after(lambda: voice.advance(1)) == ["1"]
    assert ear.after(lambda: voice.advance(1)) == ["Start"]
    assert ear.after(lambda: voice.advance(15)) == ["15 seconds left"]
    assert ear.after(lambda: voice.advance(5)) == ["10 seconds left"]
    assert ear.after(lambda: voice.advance(10)) == [spoken(TIME_UP)]
    assert ear.after(controller.finish_set) == [
        spoken("How tired are your muscles? Choose 0 to 10.")
    ]
    assert ear.after(lambda: controller.submit_fatigue(2)) == ["Rest"]
    assert ear.after(lambda: voice.advance(15)) == [
        spoken("Rest is over. Start the next set when you are ready.")
    ]
    assert ear.after(controller.end_rest) == [
        spoken(f"{stretch.name}. Right side. Set 1 of 2. Hold 30 seconds.")
    ]
    assert ear.after(controller.pause) == ["Paused"]
    ear.nothing_after(controller.resume)
    assert ear.after(controller.stop_tired) == [
        spoken("Thank you. Well done for listening to your body.")
    ]


def test_a_finished_session_ends_with_well_done(voice, qtbot):
    ear = voice.ear(qtbot)
    controller = voice.controller

    def start_at_once() -> None:
        controller.start(demo_program(prescriptions=ONE_SET))
        controller.start_set()

    assert ear.after(start_at_once)[-1] == "Start"
    ear.after(controller.finish_set)
    assert ear.after(lambda: controller.submit_fatigue(1)) == ["Well done"]


def test_a_new_turn_cuts_off_what_is_no_longer_true(voice, qtbot):
    ear = voice.ear(qtbot)
    controller = voice.controller
    program = demo_program()

    def start_at_once() -> None:
        controller.start(program)
        qtbot.wait(120)  # a couple of words into the long instruction
        controller.start_set()

    heard = ear.after(start_at_once)
    assert heard[-1] == "3"
    assert len(heard) == 2
    assert heard[0] and len(heard[0].split()) < 10  # cut off after a word or two


def test_the_time_left_never_cuts_off_a_cue_nor_piles_up(voice, qtbot):
    voice.settings.set("voice_time_left", "every_10")
    ear = voice.ear(qtbot)
    controller = voice.controller

    def start_holding() -> None:
        controller.start(demo_program())
        controller.start_set()
        voice.advance(3)

    assert ear.after(start_holding)[-1] == "Start"

    def two_points_at_once() -> None:
        voice.advance(10)
        voice.advance(10)

    heard = ear.after(two_points_at_once)
    assert heard[-1] == "10 seconds left"
    assert all("20 seconds left".startswith(older) for older in heard[:-1])
    assert ear.after(lambda: voice.advance(10)) == [spoken(TIME_UP)]
    ear.after(controller.finish_set)

    def rest_then_a_point() -> None:
        controller.submit_fatigue(2)
        voice.advance(5)  # 10 seconds of rest left, while "Rest" is still being said

    assert ear.after(rest_then_a_point) == ["Rest"]


def test_the_time_left_in_a_long_bout_is_said_in_minutes_and_seconds(voice, qtbot):
    voice.settings.set("voice_time_left", "every_10")
    ear = voice.ear(qtbot)
    controller = voice.controller
    bout = [
        {
            "exercise": "leg_cycle",
            "kind": "endurance",
            "bout_minutes": 5,
            "bouts": 1,
            "rest_seconds": 0,
            "resistance_level": 1,
            "limb": "legs",
        }
    ]

    def start_cycling() -> None:
        controller.start(demo_program(prescriptions=bout))
        controller.start_set()
        voice.advance(3)

    assert ear.after(start_cycling)[-1] == "Start"
    assert ear.after(lambda: voice.advance(60)) == ["4 minutes left"]
    assert ear.after(lambda: voice.advance(90)) == ["2 minutes and 30 seconds left"]


def test_settings_are_read_at_every_cue(voice, qtbot):
    ear = voice.ear(qtbot)
    controller = voice.controller
    voice.settings.set("voice", False)
    ear.nothing_after(lambda: controller.start(demo_program()))
    ear.nothing_after(controller.start_set)
    voice.settings.set("voice", True)
    voice.settings.set("voice_volume", 0.3)
    assert ear.after(lambda: voice.advance(1)) == ["2"]
    assert ear.engine.volume() == pytest.approx(0.3)
    assert ear.engine.rate() == pytest.approx(1.0)


def test_with_the_voice_off_a_whole_session_says_nothing(voice, qtbot):
    voice.settings.set("voice", False)
    ear = voice.ear(qtbot)
    controller = voice.controller
    ear.nothing_after(lambda: controller.start(demo_program(prescriptions=ONE_SET)))
    ear.nothing_after(controller.start_set)
    ear.nothing_after(controller.finish_set)
    ear.nothing_after(lambda: controller.submit_fatigue(1))
    assert controller.phase is Phase.SUMMARY


def test_trying_the_voice_speaks_even_with_guidance_off(voice, qtbot):
    voice.settings.set("voice", False)
    ear = voice.ear(qtbot)
    assert ear.after(voice.guide.preview) == ["This is how I sound"]


def test_the_engine_is_opened_only_when_first_needed(voice, qtbot):
    assert voice.guide.engine is None
    voice.settings.set("voice", False)
    voice.controller.start(demo_program())
    qtbot.wait(100)
    assert voice.guide.engine is None
    voice.settings.set("voice", True)
    voice.controller.start_set()
    qtbot.waitUntil(lambda: voice.guide.engine is not None, timeout=5_000)


def test_the_engine_opens_on_its_own_thread_so_the_window_never_waits(voice, qtbot):
    voice.guide.warm_up()
    qtbot.waitUntil(lambda: voice.guide.engine is not None, timeout=5_000)
    assert voice.guide.engine.thread() is not voice.guide.thread()


def test_an_engine_that_never_answers_is_given_up_and_the_window_goes_on(
    qtbot, monkeypatch, settings, request, speakers
):
    """A stuck speech-dispatcher blocks whoever opens it: here, only the speech thread."""
    import threading

    from alshome.ui import voice as voice_module

    release = threading.Event()
    monkeypatch.setenv("ALSHOME_SPEECH_ENGINE", "mock")
    monkeypatch.setattr(voice_module, "OPEN_TIMEOUT_MS", 300)
    monkeypatch.setattr(voice_module._Engine, "open", lambda engine, name: release.wait(10))
    voice = make_voice(settings, request)
    request.addfinalizer(release.set)  # runs first: the thread is let go, then stopped
    controller = voice.controller
    controller.start(demo_program(prescriptions=ONE_SET))  # asks to speak: must not block
    controller.start_set()
    assert controller.phase is Phase.RUNNING
    qtbot.waitUntil(lambda: not voice.guide.available, timeout=3_000)
    assert voice.guide.problem == (
        "Spoken guidance is off because the speech engine on this computer stopped "
        "answering; restarting the computer usually brings the voice back."
    )


def test_without_a_speech_engine_the_session_runs_silently_and_says_why_once(
    qtbot, monkeypatch, settings, request
):
    monkeypatch.setenv("ALSHOME_SPEECH_ENGINE", "no-such-engine")
    voice = make_voice(settings, request)
    controller = voice.controller
    controller.start(demo_program(prescriptions=ONE_SET))
    controller.start_set()
    controller.finish_set()
    controller.submit_fatigue(1)
    voice.guide.preview()
    assert controller.phase is Phase.SUMMARY
    assert not voice.guide.available
    assert voice.guide.problem == NO_ENGINE
    assert voice.guide.engine is None


def test_an_engine_that_fails_falls_silent_for_good_and_says_why(voice, qtbot, speakers):
    ear = voice.ear(qtbot)
    ear.engine.stateChanged.emit(QTextToSpeech.State.Error)
    qtbot.waitUntil(lambda: not voice.guide.available, timeout=3_000)
    assert voice.guide.problem == (
        "Spoken guidance is off because the speech engine on this computer reported an "
        "error; restarting the computer usually brings the voice back."
    )
    controller = voice.controller
    ear.nothing_after(lambda: controller.start(demo_program(prescriptions=ONE_SET)))
    ear.nothing_after(controller.start_set)
    assert controller.phase is Phase.RUNNING


def test_the_test_engine_is_never_chosen_by_itself(qtbot, monkeypatch, settings, request):
    monkeypatch.delenv("ALSHOME_SPEECH_ENGINE", raising=False)
    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    voice = make_voice(settings, request)
    assert not voice.guide.available
    assert voice.guide.problem == NO_ENGINE


def test_the_chime_is_short_soft_and_fades_in_and_out():
    with wave.open(str(CHIME), "rb") as chime:
        assert (chime.getnchannels(), chime.getsampwidth(), chime.getframerate()) == (1, 2, 44100)
        frames = chime.readframes(chime.getnframes())
        assert chime.getnframes() / chime.getframerate() < 0.6
    samples = memoryview(frames).cast("h")
    loudest = max(abs(sample) for sample in samples)
    assert 0.1 * 32767 < loudest < 0.5 * 32767
    assert abs(samples[0]) < 0.01 * 32767 and abs(samples[-1]) < 0.01 * 32767


@pytest.mark.parametrize("helper_moves", [False, True], ids=["patient", "helper"])
def test_a_custom_exercise_is_read_in_the_therapists_words(voice, qtbot, helper_moves):
    from alshome.programs.transfer import check_program
    from tests.programs.bundles import PUTTY, custom_document

    stretch = dict(PUTTY, id="own_finger_stretch", name="Finger stretch", kind="passive_stretch")
    stretch.update(instruction="Let your helper open your fingers.")
    stretch.update(caregiver_instruction="Open the fingers gently, one by one.")
    document = custom_document(PUTTY if not helper_moves else stretch)
    first = document["prescriptions"][0]
    if helper_moves:
        first.clear()
        first.update(
            exercise="own_finger_stretch",
            kind="passive_stretch",
            hold_seconds=20,
            repetitions=1,
            sides="left",
        )
    program = check_program(document).program
    exercise = program.steps()[0].exercise
    said = voice.ear(qtbot).after(lambda: voice.controller.start(program))
    if helper_moves:
        assert said == [
            spoken(
                "Finger stretch. Left side. Hold 20 seconds. For your helper: "
                "Open the fingers gently, one by one. Stop if your hand cramps."
            )
        ]
    else:
        assert said[-1].endswith(spoken(f"{exercise.instruction} {exercise.safety}"))
        assert "For your helper" not in said[-1]
