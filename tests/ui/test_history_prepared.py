"""The history screen is made ready while home is idle: its charts imported on a worker
thread, the screen built afterwards, and only while home is what is shown."""

from __future__ import annotations

from alshome.app import _prepare_history_screen
from alshome.ui.pages import Page


def test_home_idle_gets_the_history_screen_built(safety, qtbot):
    window = safety.window
    _prepare_history_screen(window)
    qtbot.waitUntil(lambda: window.screens.built(Page.HISTORY) is not None, timeout=20000)
    assert window.current is window.home, "built, not shown"


def test_nothing_is_built_during_a_session(safety, qtbot):
    window = safety.window
    safety.save_profile()
    window.start_session()
    assert window.prepare_history() is None
    assert window.screens.built(Page.HISTORY) is None
