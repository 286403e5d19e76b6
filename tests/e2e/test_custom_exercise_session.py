"""The therapist's own exercise, from a bundle, through a whole session in a real window.

The bundle is imported with the command line, the app runs as the user starts it under
Xvfb with a window manager, keys arrive through the X server, the screenshot of the set
screen must show the therapist's picture, and the export must hold the exercise's sets.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest
from PIL import Image

from alshome.programs.document import parse_program
from alshome.programs.library import stock_library
from tests.e2e.test_keyboard_session import RATING, export, keys_for, wait_for_window, xdotool
from tests.programs.bundles import PUTTY, custom_document, picture, write_bundle

pytestmark = pytest.mark.xvfb

BLUE, YELLOW = (40, 120, 200), (250, 200, 40)  # the picture's two colours (bundles.picture)
PUTTY_PICTURE = {key: value for key, value in PUTTY.items() if key != "video"}


def share_of(shot: Image.Image, colour: tuple[int, int, int]) -> float:
    """How much of the screenshot is within a few levels of `colour`."""
    near = sum(
        count
        for count, pixel in shot.convert("RGB").getcolors(1 << 24)
        if max(abs(a - b) for a, b in zip(pixel, colour, strict=True)) <= 6
    )
    return near / (shot.width * shot.height)


@pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed")
def test_a_custom_exercise_by_keyboard_with_its_picture_and_its_sets_exported(
    window_manager, xvfb_env, take_screenshot, tmp_path
):
    data_dir = tmp_path / "data"
    document = custom_document(PUTTY_PICTURE)
    bundle = write_bundle(
        tmp_path / "putty.alshome",
        document,
        {"media/putty.png": picture(size=(640, 480))},
    )
    command = [sys.executable, "-m", "alshome", "--data-dir", str(data_dir)]
    subprocess.run(
        [*command, "program", "import", str(bundle)], check=True, capture_output=True, timeout=120
    )
    app = subprocess.Popen(
        command, env=xvfb_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    program = parse_program(document, stock_library())
    plan = keys_for(program)
    try:
        window = wait_for_window(xvfb_env, app)
        xdotool(xvfb_env, "windowfocus", "--sync", window)
        time.sleep(0.5)
        for presses in plan[:3]:  # the first run, then Start today's session
            xdotool(xvfb_env, "key", "--delay", "80", *presses)
            time.sleep(0.6)  # each page is built as it is first shown
        deadline = time.monotonic() + 30  # a busy machine builds the set screen slowly
        shot = Image.open(take_screenshot(tmp_path / "custom-set.png"))
        while share_of(shot, BLUE) <= 0.02 and time.monotonic() < deadline:
            time.sleep(0.5)
            shot = Image.open(take_screenshot(tmp_path / "custom-set.png"))
        assert share_of(shot, BLUE) > 0.02, "the therapist's picture is on screen"
        assert share_of(shot, YELLOW) > 0.005
        for presses in plan[3:]:
            xdotool(xvfb_env, "key", "--delay", "80", *presses)
            time.sleep(0.15)
        deadline = time.monotonic() + 20
        history = export(data_dir)
        while history["sessions"] and history["sessions"][0]["ended_at"] is None:
            assert time.monotonic() < deadline, "the session never ended"
            time.sleep(0.3)
            history = export(data_dir)
        assert app.poll() is None, app.stderr.read()
    finally:
        app.terminate()
        app.wait(timeout=10)

    (session,) = history["sessions"]
    assert session["status"] == "completed"
    sets = session["sets"]
    assert [s["exercise_id"] for s in sets] == [step.exercise.id for step in program.steps()]
    putty = [s for s in sets if s["exercise_id"] == PUTTY["id"]]
    assert len(putty) == 4
    for stored in putty:
        assert stored["done"] == {"repetitions": 8}
        assert stored["fatigue"] == int(RATING)
        assert stored["kind"] == "resistance"
