"""A walk through every screen of the window, for tests that must check each one.

It drives the controller directly (the keyboard is tested elsewhere) and yields each
screen in each of its distinct states, so a size, name or scanning rule is checked on
every state a person can meet rather than on one.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QApplication, QWidget

from alshome.domain.fatigue import Symptom
from alshome.domain.session import Phase


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def screens(rig) -> Iterator[tuple[str, QWidget]]:
    window, controller = rig.window, rig.controller
    settle()
    yield "home", window.home
    window.open_settings()
    yield "settings", window.current
    window.settings_screen.reset.click()
    yield "settings, reset question", window.current
    window.close_settings()
    window.start_session()
    yield "get ready", window.current
    controller.start_set()
    yield "lead-in", window.current
    rig.advance(controller.options.lead_in_seconds + 0.1)
    yield "hold", window.current
    rig.advance(controller.session.remaining() + 0.1)
    yield "hold over", window.current
    controller.finish_set()
    yield "fatigue check", window.current
    window.fatigue.choose(9)
    yield "fatigue check, ending offered", window.current
    window.fatigue.choose(3)
    controller.submit_fatigue(3)
    yield "rest", window.current
    controller.pause()
    yield "paused", window.current
    controller.request_stop()
    yield "stop now?", window.current
    controller.cancel_stop()
    controller.resume()
    controller.end_rest()
    while controller.session.step.target.timed:
        controller.skip_exercise()
    controller.start_set()
    assert controller.phase is Phase.RUNNING
    yield "counted set", window.current
    controller.report_symptom({Symptom.DIZZY})
    yield "stop safely", window.current
    controller.acknowledge_stop()
    yield "summary", window.current
