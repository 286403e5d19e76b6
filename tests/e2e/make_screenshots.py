"""Regenerate the screenshots in resources/screenshots (used by the README).

    .venv/bin/python tests/e2e/make_screenshots.py

It builds the real main window and drives the real session controller with a manual
clock, so the countdown shows a chosen moment and the pictures come out the same every
time. Nothing is saved: the session's events go nowhere.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from alshome.ui.pages import Page

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from alshome.domain.clock import ManualClock
from alshome.platform.resources import resource
from alshome.programs.demo import demo_document
from alshome.programs.document import parse_program
from alshome.programs.library import stock_library
from alshome.ui.main_window import MainWindow
from alshome.ui.session_controller import SessionController
from alshome.ui.theme import style_for, style_sheet

SIZE = (1280, 720)


class FirstLaunch:
    """The saved history on a first launch: no sessions yet."""

    def last_session(self) -> None:
        return None

    def session_times_since(self, moment) -> tuple:
        return ()


def main() -> int:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else resource("screenshots")
    target.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(style_sheet())
    clock = ManualClock()
    program = parse_program(demo_document(), stock_library())
    controller = SessionController(clock, lambda: lambda event: None)
    window = MainWindow(program, controller, FirstLaunch(), clock)
    window.resize(*SIZE)
    window.show()

    def save(name: str) -> None:
        app.processEvents()
        path = target / f"{name}.png"
        window.grab().save(str(path))
        print(path)

    save("home")
    controller.start(program)
    controller.start_set()
    controller.start_set()
    clock.advance(8.4)
    controller.tick()
    save("session")
    controller.finish_set()
    window.screens[Page.FATIGUE].choose(6)
    save("fatigue-check")
    controller.submit_fatigue(6)
    clock.advance(21)
    controller.tick()
    save("rest")
    controller.stop_tired()
    controller.close()
    window.open_settings()
    save("settings")
    window.go_home()

    # Switch scanning on the fatigue check, in high contrast at 150 % text.
    window.settings.set("scan_mode", "step")
    window.setStyleSheet(style_for("high_contrast", 150))
    controller.start(program)
    controller.start_set()
    controller.start_set()
    controller.finish_set()
    window.scanner.restart()
    for _ in range(4):
        window.scanner.advance()
    save("scanning")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
