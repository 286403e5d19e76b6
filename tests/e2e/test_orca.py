"""What Orca, Debian 12's screen reader, says through two sessions driven by the keyboard.

Orca 43 does not read Qt's announcements, so a person who cannot see the screen hears
only what Orca says when the focus moves (the focused control's name, role and
description) and when the focused control's name or description changes. Here the real
app runs under openbox with Orca (`screen_reader`) on a private accessibility bus
(`session_bus`, `atspi_app` in conftest.py); keys go to the app through the X server,
and after each press the test waits for what Orca says next, read from the "SPEECH
OUTPUT" lines of its debug file. It checks that each screen's question, the exercise
with its side and dose, the time left when T asks for it, the rest and its length and
the summary are said, and that the countdown is never read out by itself.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.conftest import _stop
from tests.e2e.test_keyboard_session import keys_for_demo, wait_for_window, xdotool
from tests.tools.ci import skip_or_fail
from tests.tools.processes import die_with_parent

pytestmark = pytest.mark.xvfb

SPOKEN = re.compile(r"SPEECH OUTPUT: '(.*)'(?: voice=\S+)?\s*\{.*\}$")
SAY_WAIT_S = 15.0  # for one utterance; Orca usually follows within half a second
CATCH_UP_S = 90.0  # after many sets pressed in one go, which Orca follows one by one
POLL_S = 0.05
QUIET_S = 2.5  # a running hold, left alone this long, must stay silent
KEY_DELAY_MS = "80"

ORCA_START_TIMEOUT_S = 20.0
# Orca's customization file, read at its start: no speech synthesiser (Orca still logs
# each utterance as "SPEECH OUTPUT", which with `-d speech` it does not do for messages),
# no key echo or braille, and its debug file written line by line, as things are said,
# not in blocks.
ORCA_CUSTOMIZATIONS = """import orca.debug
import orca.settings
orca.settings.speechServerFactory = ""
orca.settings.enableKeyEcho = False
orca.settings.enableBraille = False
orca.debug.debugFile.reconfigure(line_buffering=True)
"""


@dataclass
class ScreenReader:
    process: subprocess.Popen[bytes]
    speech_log: Path  # Orca's debug file, with a "SPEECH OUTPUT: '…'" line per utterance


def _orcas_running() -> bool:
    """Orca refuses to start while another of this user's runs (and --replace kills it)."""
    found = subprocess.run(["pgrep", "-u", str(os.getuid()), "-x", "orca"], capture_output=True)
    return found.returncode == 0


@pytest.fixture
def screen_reader(
    session_bus: dict[str, str], window_manager: str, tmp_path: Path
) -> Iterator[ScreenReader]:
    """Debian's Orca on the test display and the private session bus, with a home of its own.

    Speech stays on (with speech off Orca drops the messages it would say on a change of
    name or description) but with no synthesiser, so nothing is heard; every utterance is
    written to the debug file. Returns once Orca has said "Screen reader on".
    """
    orca = shutil.which("orca")
    if orca is None:
        skip_or_fail(
            "Orca is not installed, so what a screen reader says cannot be checked; "
            "`packaging/bootstrap.sh test` installs it (Debian package orca)"
        )
    if _orcas_running():
        skip_or_fail("another Orca runs for this user, and Orca allows only one at a time")
    home = tmp_path / "orca-home"
    prefs = home / "prefs"
    prefs.mkdir(parents=True)
    (prefs / "orca-customizations.py").write_text(ORCA_CUSTOMIZATIONS)
    env = {
        **session_bus,
        "DISPLAY": window_manager,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "GSETTINGS_BACKEND": "memory",
    }
    speech_log = tmp_path / "orca-debug.out"
    with (tmp_path / "orca.log").open("wb") as output:
        process = subprocess.Popen(
            [orca, "--user-prefs", str(prefs), "--debug-file", str(speech_log)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent,
        )
    try:
        deadline = time.monotonic() + ORCA_START_TIMEOUT_S
        while "SPEECH OUTPUT" not in (
            speech_log.read_text(errors="replace") if speech_log.exists() else ""
        ):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    "Orca did not start:\n" + (tmp_path / "orca.log").read_text(errors="replace"),
                    pytrace=False,
                )
            time.sleep(0.1)
        yield ScreenReader(process, speech_log)
    finally:
        _stop(process)


class SpeechLog:
    """What Orca said, read from its debug file as it grows; `hear` waits for the next words."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._read = 0  # bytes of the file read so far
        self._partial = b""  # a last line not yet ended
        self._said: list[str] = []
        self._heard = 0  # utterances already matched by `hear`

    def said(self) -> list[str]:
        """Every utterance so far."""
        with self._path.open("rb") as log:
            log.seek(self._read)
            chunk = log.read()
        self._read += len(chunk)
        *lines, self._partial = (self._partial + chunk).split(b"\n")
        for line in lines:
            if b"SPEECH OUTPUT" in line and (found := SPOKEN.search(line.decode(errors="replace"))):
                self._said.append(found.group(1))
        return self._said

    def hear(self, *fragments: str, within: float = SAY_WAIT_S) -> str:
        """Wait until Orca has said each of `fragments` (in its next utterances); return
        those utterances, joined, and move past them."""
        deadline = time.monotonic() + within
        while True:
            new = self.said()[self._heard :]
            for end in range(1, len(new) + 1):
                text = " ".join(new[:end])
                if all(fragment in text for fragment in fragments):
                    self._heard += end
                    return text
            if time.monotonic() > deadline:
                pytest.fail(f"Orca never said {fragments}; it said: {new}", pytrace=False)
            time.sleep(POLL_S)

    def tab_to(self, press, name: str, presses: int = 60) -> str:
        """Press Tab until the control named `name` is said; what was said of it."""
        for _ in range(presses):
            start = len(self.said())
            press("Tab")
            deadline = time.monotonic() + SAY_WAIT_S
            while len(self.said()) == start and time.monotonic() < deadline:
                time.sleep(POLL_S)
            time.sleep(0.3)  # the control's description follows its name
            new = " ".join(self.said()[start:])
            if f"{name} push button" in new:
                self._heard = len(self._said)
                return new
        pytest.fail(f"Tab never reached {name!r}", pytrace=False)

    def silence(self, seconds: float) -> list[str]:
        """What Orca says in the next `seconds` while nothing is pressed."""
        start = len(self.said())
        time.sleep(seconds)
        said = self.said()[start:]
        self._heard = len(self._said)
        return said


@pytest.fixture
def app_under_orca(screen_reader, atspi_app, xvfb_env):
    """The app on Orca's bus, its window active; yields (speech log, keys for the app)."""
    window = wait_for_window(xvfb_env, atspi_app.process)
    xdotool(xvfb_env, "windowactivate", "--sync", window)
    speech = SpeechLog(screen_reader.speech_log)

    def press(*keys: str) -> None:
        xdotool(xvfb_env, "key", "--delay", KEY_DELAY_MS, *keys)

    yield speech, press
    assert atspi_app.process.poll() is None, atspi_app.log.read_text()


def test_two_sessions_are_heard_with_orca(app_under_orca):
    """The whole demo session, then a second one: its questions first, then a stop."""
    speech, press = app_under_orca
    plan = keys_for_demo()  # the keys per set; checked sets are pressed one key at a time

    # First run: the page is said with its one button, then the contact page's first field.
    speech.hear("Continue push button", "Welcome to alshome.", "What alshome does not do:")
    press("Return")
    speech.hear("Your therapist's name", "alshome shows this whenever you need to stop.")
    press("Return")
    speech.hear("Start today's session push button", "Example home program.")

    # The first set: exercise, side and dose on arrival, then each turn of the set.
    press("Return")
    speech.hear(
        "Start push button",
        "Exercise 1 of 5, Set 1 of 2, Left side. Back-of-thigh stretch. For your helper:",
        "Hold 30 seconds.",
    )
    press("Return")
    speech.hear("Start now", "Get ready.")
    press("t")
    assert re.search(r"Starts in \d seconds?\.", speech.hear("Starts in"))
    press("Return")
    speech.hear("Done", "Begin now. Hold 30 seconds. Press T to hear the time left.")
    assert speech.silence(QUIET_S) == [], "a running countdown is read out unasked"
    press("t")
    assert re.fullmatch(r"\d\d seconds left\.", speech.hear("seconds left."))
    assert speech.silence(1.5) == [], "the time left is said more than once"

    # The fatigue check, its answer, and the rest with its length and what comes next.
    press("Return")
    speech.hear(
        "How tired are you?",
        "After: Back-of-thigh stretch, set 1 of 2, left side.",
        "How tired do your muscles feel right now?",
    )
    press("3")
    speech.hear("Continue push button", "3, some.")
    press("Return")
    speech.hear(
        "Skip rest push button",
        "Rest and breathe. Rest for 15 seconds.",
        "Next: Back-of-thigh stretch, set 1 of 2, right side.",
    )
    press("t")
    assert re.fullmatch(r"\d\d seconds of rest left\.", speech.hear("of rest left."))
    press("Return")
    speech.hear("Start push button", "Set 1 of 2, Right side.")

    # On to the first weighted exercise, whose lift check is asked on the screen itself.
    for presses in plan[4:11]:
        press(*presses)
    speech.hear(
        "Can you still lift this without the weight?",
        "Exercise 3 of 5, Set 1 of 2, Left side.",
        "8 times with 0.5 kg.",
        "use the arrow keys, then Enter.",
        within=CATCH_UP_S,
    )
    press("Right")
    speech.hear("Yes, I can still lift it without the weight push button")
    press("Return")
    speech.hear("Start push button", "8 times with 0.5 kg.")
    press("Return")
    speech.hear("Done", "Begin now. 8 times with 0.5 kg. Press Done when you have finished.")

    # The rest of the session in one go, then the summary with the Finish button.
    press("Return", "3", "Return", "Return")
    for presses in plan[12:-1]:
        press(*presses)
    speech.hear(
        "Finish push button",
        "Good work today. Session completed. Sets done: 18 of 18.",
        "Everything is saved.",
        within=CATCH_UP_S,
    )
    press("Return")

    # Every session after the first asks about the last one first.
    speech.hear("Start today's session push button", "This week: 1 of 2 sessions.")
    press("Return")
    speech.hear("Before you start", "Are you still tired or sore from last time?")
    press("Right", "Right")
    speech.hear("Yes, still tired push button")
    press("Return")
    speech.hear("Go easy today", "Still tired: go easy today.", "Start the session or Rest today")
    press("Right")
    speech.hear("Start the session push button")
    press("Return")
    speech.hear("Start push button", "Exercise 1 of 5")
    press("s")
    speech.hear("Yes, stop push button", "Stop now? Everything you have done is saved.")
    press("Escape")  # no, go back
    speech.hear("Start push button")

    # Paused, then a symptom: the calm stop-safely screen is said in full, then the summary.
    press("Escape")
    speech.hear("Resume push button", "Paused. Take all the time you need.")
    press("Right", "Right")
    speech.hear("Cramp push button")
    press("Return")
    speech.hear(
        "Continue push button",
        "Stop and rest now. You told us: cramp.",
        "contact your therapist:",
        "call your local emergency number.",
    )
    press("Return")
    speech.hear("Finish push button", "Well done for listening to your body.", "for a symptom.")


def test_sharing_with_the_clinic_is_heard_with_orca(app_under_orca):
    """Settings -> Share with my clinic: what is shared, with whom, and each field."""
    speech, press = app_under_orca
    speech.hear("Continue push button")
    press("Return")
    speech.hear("Your therapist's name")
    press("Return")
    speech.hear("Start today's session push button")
    speech.tab_to(press, "Settings")
    press("Return")
    speech.tab_to(press, "Share with my clinic")
    press("Return")
    speech.hear(
        "Share with my clinic.",
        "sessions, sets, fatigue ratings, symptoms, safety checks, ALSFRS-R ratings",
        "Only your therapist and the clinic see them.",
        "Your clinic's address.",
    )
    press("Tab")
    speech.hear("The code from your therapist", "Eight letters and digits")
