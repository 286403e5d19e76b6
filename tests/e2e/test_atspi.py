"""The running app as a screen reader meets it: its AT-SPI tree, read from another process.

In-process tests see what Qt holds; a screen reader such as Orca sees only what Qt's AT-SPI
bridge publishes on the accessibility bus. Here the real app runs in an Xvfb window with a
private D-Bus session of its own, and `atspi_probe.py`, run by the system Python with the
AT-SPI client library, reads its tree, presses a button through AT-SPI's Action interface
and listens for announcements, as Orca or switch-access software would.

The D-Bus session is private (`session_bus`, in conftest.py): its address goes only to
the app and the probe.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.xvfb

SYSTEM_PYTHON = "/usr/bin/python3"
PROBE = Path(__file__).with_name("atspi_probe.py")
PROBE_TIMED_OUT = 3  # the probe's exit status when what it waited for never showed
PROBE_WAIT_S = 10.0  # each wait inside the probe; the app usually shows in one second
PROBE_TIMEOUT_S = 40.0  # the whole probe run, a backstop behind its own waits

START_SESSION = "Start today's session"
START_SET = "Start"
PAUSE = "Pause"
TIRED_STOP = "I'm tired – stop"


def probe(app, command: str, *options: str) -> dict:
    """Run atspi_probe.py and return its JSON answer; fail the test if its wait ran out."""
    arguments = [command, "--app", "alshome", "--timeout", str(PROBE_WAIT_S), *options]
    result = subprocess.run(
        [SYSTEM_PYTHON, str(PROBE), *arguments],
        env=app.probe_env,
        capture_output=True,
        text=True,
        timeout=PROBE_TIMEOUT_S,
        check=False,
    )
    if result.returncode not in (0, PROBE_TIMED_OUT):
        pytest.fail(f"the AT-SPI probe failed ({result.returncode}):\n{result.stderr}")
    answer = json.loads(result.stdout)
    if app.process.poll() is not None:
        pytest.fail(f"the app exited ({app.process.returncode}):\n{app.log.read_text()}")
    if result.returncode == PROBE_TIMED_OUT:
        showing_buttons = [node["name"] for node in showing(answer["nodes"], "push button")]
        pytest.fail(
            f"{answer.get('error', 'the awaited button never showed over AT-SPI')}; "
            f"application found: {answer['application_found']}; "
            f"push buttons showing: {showing_buttons}; app output:\n{app.log.read_text()}"
        )
    return answer


def showing(nodes: list[dict], role: str) -> list[dict]:
    return [node for node in nodes if node["role"] == role and "showing" in node["states"]]


def by_name(nodes: list[dict]) -> dict[str, dict]:
    return {node["name"]: node for node in nodes}


def through_first_run(app) -> None:
    """A first launch opens on what alshome does, then the contact: both pressed over AT-SPI."""
    probe(app, "press", "--button", "Continue", "--until", "Save and continue")
    probe(app, "press", "--button", "Save and continue", "--until", START_SESSION)


def test_home_screen_reads_as_named_push_buttons(atspi_app):
    through_first_run(atspi_app)
    tree = probe(atspi_app, "tree", "--until", START_SESSION)
    nodes = tree["nodes"]
    buttons = showing(nodes, "push button")
    application = nodes[0]
    assert (application["role"], application["name"]) == ("application", "alshome")
    assert [frame["name"] for frame in showing(nodes, "frame")] == ["alshome – home exercise"]
    assert "Home" in by_name(showing(nodes, "filler")), "the screen is named for readers"

    start = by_name(buttons)[START_SESSION]
    assert start["description"].startswith("Example home program."), "home, said with Start"
    assert start["description"].endswith(
        "Begins the guided session. You can pause or stop at any time."
    )
    assert "Press" in start["actions"]
    for button in buttons:
        assert button["name"].strip(), f"a push button without a name: {button}"
        assert {"focusable", "enabled"} <= set(button["states"]), button


def test_start_pressed_through_atspi_opens_the_first_set_and_says_so(atspi_app):
    through_first_run(atspi_app)
    result = probe(atspi_app, "press", "--button", START_SESSION, "--until", START_SET)
    buttons = by_name(showing(result["nodes"], "push button"))
    assert {START_SET, PAUSE, TIRED_STOP} <= set(buttons)
    assert START_SESSION not in buttons, "the home screen is still showing"
    assert "Exercise" in by_name(showing(result["nodes"], "filler"))
    assert buttons[PAUSE]["description"] == "Esc also pauses."
    assert buttons[TIRED_STOP]["description"] == "Ends the session. Everything you did is saved."
    for name, button in buttons.items():
        assert name.strip(), f"a push button without a name: {button}"

    spoken = [(item["text"], item["politeness"]) for item in result["announcements"]]
    assert ("Exercise", "polite") in spoken, f"announced over AT-SPI: {spoken}"
