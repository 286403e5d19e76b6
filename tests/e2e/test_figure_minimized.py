"""A minimized window's figure stops moving, and moves again when the window comes back.

Minimizing is the window manager's doing, so this runs a real window (xcb) on the test
display with openbox, in a process of its own: what the window system tells Qt, not what
a test says, must stop the animation.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.xvfb

SCRIPT = r"""
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from alshome.ui.figure import FigureView

app = QApplication([])


def wait_for(animating):
    for _ in range(100):
        if view.is_animating() is animating:
            return
        QTest.qWait(50)

view = FigureView()
view.resize(300, 300)
view.show_exercise("leg_cycle", "Leg pedalling")
view.show()
QTest.qWaitForWindowExposed(view)
print("shown", view.is_animating())
view.showMinimized()
wait_for(False)
print("minimized", view.is_animating())
view.showNormal()
wait_for(True)
print("restored", view.is_animating())
"""


def test_a_minimized_figure_stops_and_a_restored_one_moves(window_manager, xvfb_env):
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=xvfb_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split("\n")[:3] == ["shown True", "minimized False", "restored True"]
