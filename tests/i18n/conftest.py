"""The window's fixtures from tests/ui, and `spanish`: the app as it runs in Spanish."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from alshome.programs.library import ENGLISH, use_language
from alshome.ui.i18n import install_translators
from tests.ui.conftest import rig, safety, tour, window_services

__all__ = ["rig", "safety", "spanish", "tour", "window_services"]


@pytest.fixture
def spanish(qapp):
    """Spanish translators and exercise texts, as alshome.app installs them, for one test.

    Listed before `rig` or `tour`, it is in place before the window is built.
    """
    app = QApplication.instance()
    translators = install_translators(app, "es")
    use_language("es")
    yield translators
    for translator in translators:
        app.removeTranslator(translator)
    use_language(ENGLISH)
    QLocale.setDefault(QLocale.system())
