"""Why the voice or the chime is silent: one plain sentence, with what brings the sound back.

The settings screen shows it, for the person or their caregiver, so each cause has its
own sentence and its own cure: a missing library is installed, a missing speech engine is
installed, speakers are connected, a speech engine that failed or stopped answering is
usually cured by restarting the computer (speech-dispatcher is started once per login and
stays as it is until then). Only one sentence is shown, the most basic cause first: a
missing library silences both the voice and the chime; a speech engine that is not
installed cannot be helped by speakers; and without speakers speech-dispatcher can stop
answering too, so no speakers and an engine in trouble are said together.
"""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import QCoreApplication

from alshome.ui.sound_modules import SoundModules


class EngineTrouble(Enum):
    """What keeps the speech engine silent, if anything."""

    NONE = auto()
    ABSENT = auto()  # no engine, or the program it talks to is not installed
    ERROR = auto()  # it reported its error state
    NOT_ANSWERING = auto()  # it did not open in time


def why_silent(modules: SoundModules, trouble: EngineTrouble) -> str:
    """The sentence for what `modules` and `trouble` say, or "" when sound should work."""
    if modules.failure:
        return _missing(modules)
    if trouble is EngineTrouble.ABSENT:
        return QCoreApplication.translate(
            "Silence",
            "Spoken guidance is off because this computer has no speech engine; "
            "installing speech-dispatcher with espeak-ng brings the voice back.",
        )
    if not modules.multimedia.QMediaDevices.audioOutputs():
        if trouble is EngineTrouble.NONE:
            return QCoreApplication.translate(
                "Silence",
                "The chime is off because alshome finds no speakers or headphones on this "
                "computer; connecting some brings it back.",
            )
        return QCoreApplication.translate(
            "Silence",
            "Spoken guidance and the chime are off because alshome finds no speakers or "
            "headphones on this computer; connecting some and restarting the computer "
            "brings them back.",
        )
    if trouble is EngineTrouble.ERROR:
        return QCoreApplication.translate(
            "Silence",
            "Spoken guidance is off because the speech engine on this computer reported "
            "an error; restarting the computer usually brings the voice back.",
        )
    if trouble is EngineTrouble.NOT_ANSWERING:
        return QCoreApplication.translate(
            "Silence",
            "Spoken guidance is off because the speech engine on this computer stopped "
            "answering; restarting the computer usually brings the voice back.",
        )
    return ""


def _missing(modules: SoundModules) -> str:
    """What the loader could not find: PulseAudio's library, or another file."""
    if modules.no_sound_system:
        return QCoreApplication.translate(
            "Silence",
            "Spoken guidance and the chime are off because this computer has no sound "
            "system (the PulseAudio library libpulse0 is missing); installing it brings "
            "them back.",
        )
    if modules.multimedia is None:
        return QCoreApplication.translate(
            "Silence",
            "Spoken guidance and the chime are off because a file they need is missing on "
            "this computer ({file}); installing the package that holds it, or reinstalling "
            "alshome, brings them back.",
        ).format(file=modules.missing)
    return QCoreApplication.translate(
        "Silence",
        "Spoken guidance is off because a file it needs is missing on this computer "
        "({file}); installing the package that holds it, or reinstalling alshome, brings "
        "the voice back.",
    ).format(file=modules.missing)
