"""The voice speaks the language of the text: its engine takes the app's locale.

Qt's mock engine has no Spanish voice, so the test uses one of the locales it has
(Finnish): what matters is that the engine follows `QLocale()`, which alshome.ui.i18n sets to
the language the screens are shown in.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from alshome.domain.clock import ManualClock
from alshome.platform.settings import Settings
from alshome.ui.session_controller import SessionController
from alshome.ui.voice import VoiceGuide


def test_the_speech_engine_takes_the_apps_locale(qtbot, monkeypatch, request):
    monkeypatch.setenv("ALSHOME_SPEECH_ENGINE", "mock")
    QLocale.setDefault(QLocale("fi_FI"))
    request.addfinalizer(lambda: QLocale.setDefault(QLocale.system()))
    controller = SessionController(ManualClock(), lambda: [].append)
    guide = VoiceGuide(controller, Settings.in_memory())
    request.addfinalizer(guide.close)
    guide.warm_up()
    qtbot.waitUntil(lambda: guide.engine is not None, timeout=5_000)
    qtbot.waitUntil(lambda: guide.engine.locale().name() == "fi_FI", timeout=5_000)
