"""A whole demo session in a real window under Xvfb, driven by the keyboard alone.

The app runs as the user would start it (`python -m alshome`), keys arrive through the X
server (xdotool), and the history is checked afterwards through the command-line export,
so every layer from the key press to the committed row is exercised.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from alshome.domain.program import ExerciseKind, Program
from alshome.programs.demo import demo_document
from alshome.programs.document import parse_program
from alshome.programs.library import stock_library

pytestmark = pytest.mark.xvfb

RATING = "3"


def xdotool(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.strip()


def wait_for_window(env: dict[str, str], app: subprocess.Popen) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if app.poll() is not None:
            raise AssertionError(f"the app exited early: {app.stderr.read()}")
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "alshome"],
            env=env,
            capture_output=True,
            text=True,
        )
        if found.stdout.strip():
            return found.stdout.split()[0]
        time.sleep(0.2)
    raise AssertionError("the window never appeared")


def keys_for_demo() -> list[list[str]]:
    """The key presses that walk a first launch and the demo: a list per set, then Finish."""
    return keys_for(parse_program(demo_document(), stock_library()))


def keys_for(program: Program) -> list[list[str]]:
    """The key presses that walk a first launch and `program`: the first run's three, a
    list per set, then Finish."""
    steps = program.steps()
    plan = [
        ["Return"],  # first run: Continue, past what alshome does and does not do
        ["Return"],  # Save and continue, from the therapist's contact field
        ["Return"],  # Start today's session (the first: no carry-over check)
    ]
    asked: set[str] = set()
    for index, step in enumerate(steps):
        presses = []
        exercise = step.exercise
        if exercise.kind is ExerciseKind.RESISTANCE and exercise.id not in asked:
            asked.add(exercise.id)
            presses += ["Right", "Return"]  # "Can you still lift it without the weight?" Yes
        presses.append("Return")  # Start
        if step.target.timed:
            presses.append("Return")  # Start now (skip the lead-in count)
        presses += ["Return", RATING, "Return"]  # Done, rating, Continue
        if index < len(steps) - 1:
            presses.append("Return")  # Skip rest
        plan.append(presses)
    plan.append(["Return"])  # Finish, back home
    return plan


def export(data_dir: Path) -> dict:
    output = data_dir.parent / "export.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "alshome",
            "--data-dir",
            str(data_dir),
            "export",
            "--format",
            "json",
            "--output",
            str(output),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return json.loads(output.read_text())


@pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed")
def test_whole_demo_session_by_keyboard(xvfb_env, take_screenshot, tmp_path):
    data_dir = tmp_path / "data"
    app = subprocess.Popen(
        [sys.executable, "-m", "alshome", "--data-dir", str(data_dir)],
        env=xvfb_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        window = wait_for_window(xvfb_env, app)
        xdotool(xvfb_env, "windowfocus", "--sync", window)
        time.sleep(0.5)
        take_screenshot(tmp_path / "home.png")
        plan = keys_for_demo()
        for presses in plan:
            xdotool(xvfb_env, "key", "--delay", "80", *presses)
            time.sleep(0.15)
        deadline = time.monotonic() + 20
        history = export(data_dir)
        while history["sessions"] and history["sessions"][0]["ended_at"] is None:
            assert time.monotonic() < deadline, "the session never ended"
            time.sleep(0.3)
            history = export(data_dir)
        take_screenshot(tmp_path / "after.png")
        assert app.poll() is None, app.stderr.read()
    finally:
        app.terminate()
        app.wait(timeout=10)

    sessions = history["sessions"]
    assert len(sessions) == 1
    session = sessions[0]
    assert session["status"] == "completed"
    assert session["program"] == {"name": "Example home program", "version": 1}
    steps = parse_program(demo_document(), stock_library()).steps()
    sets = session["sets"]
    assert len(sets) == len(steps)
    assert [s["position"] for s in sets] == list(range(len(steps)))
    for stored, step in zip(sets, steps, strict=True):
        assert stored["exercise_id"] == step.exercise.id
        assert stored["side"] == step.side.value
        assert stored["fatigue"] == int(RATING)
        assert stored["done"] is not None
        if step.target.timed:
            assert stored["done"]["seconds"] < step.target.seconds, "Done ended the hold early"
        else:
            assert stored["done"]["repetitions"] == step.target.repetitions
    assert {s["mover"] for s in sets if s["kind"] == "passive_stretch"} == {"caregiver"}
