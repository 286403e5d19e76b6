"""Qt's two sound modules, QtMultimedia (the chime) and QtTextToSpeech (the voice), loaded once.

Both stand on shared libraries that a computer may lack. Qt's multimedia library links
PulseAudio's client library (libpulse.so.0, Debian's libpulse0) and Qt's speech library
links Qt's multimedia library, so on a computer without PulseAudio's library either import
raises ImportError, and one without an installed Qt module raises it too. Sound is a
comfort, never a requirement: the first attempt is kept, whatever it gave, so that the
chime at every hold costs a look-up rather than another failed import and its traceback,
and the settings screen and the self-test can say which library is missing.

Nothing here runs before the window's first frame (tests/ui/test_start.py checks that
neither module is loaded by then); once the window is up the attempt takes about 15 ms.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType

PULSEAUDIO_LIBRARY = "libpulse.so.0"  # the sound system's library that both modules need
_LIBRARY = re.compile(r"([\w.+-]+\.so(?:\.[\w]+)*)")  # a shared library named in a loader error


@dataclass(frozen=True)
class SoundModules:
    """What loaded: a module, or None and the loader's reason in `failure`."""

    multimedia: ModuleType | None
    text_to_speech: ModuleType | None
    failure: str = ""  # the first ImportError's words, for the self-test; "" if all loaded

    @property
    def missing(self) -> str:
        """The shared library the loader could not open, else what failed to import."""
        found = _LIBRARY.search(self.failure)
        return found.group(1).rsplit("/", 1)[-1] if found else self.failure

    @property
    def no_sound_system(self) -> bool:
        """Whether what is missing is the sound system itself rather than part of Qt."""
        return self.missing == PULSEAUDIO_LIBRARY


@cache
def sound_modules() -> SoundModules:
    """Both modules, imported on the first call only; later calls return the same answer."""
    multimedia, multimedia_failure = _load("PySide6.QtMultimedia")
    text_to_speech, speech_failure = _load("PySide6.QtTextToSpeech")
    return SoundModules(multimedia, text_to_speech, multimedia_failure or speech_failure)


def _load(name: str) -> tuple[ModuleType | None, str]:
    try:
        return importlib.import_module(name), ""
    except ImportError as error:
        return None, str(error) or name
